/* global process, require, module, __dirname, NodeJS */
/**
 * jixiao-check: check 部门整体支出绩效自评表 workbooks from the command line.
 * Exit status: 0 no error findings, 1 error findings, 2 usage problem or an unreadable file.
 */
import { existsSync, promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RuleProfile } from "../core/model";
import { BUILTIN_PROFILES } from "../core/profiles";
import { markedCopyName } from "../io/names";
import { HELP_TEXT, parseCliArgs, UsageError, type CliOptions } from "./args";
import { expandInputs, internalErrorMessage, mapLimit, type InputFile } from "./files";
import { toJsonDocument } from "./json";
import { runPool } from "./pool";
import type { FileOutcome, FileTask } from "./process";
import { resolveProfile } from "./profile";
import { createProgress } from "./progress";
import { formatResult, formatSummary, summarize } from "./report";
import type { WorkerInit } from "./worker";

export interface CliStreams {
  stdout: { write(s: string): unknown };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
}

type Outcome = FileOutcome & { file: InputFile };

function version(): string {
  for (const p of [
    path.join(__dirname, "../../package.json"),
    path.join(__dirname, "../../../package.json"),
  ]) {
    try {
      const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "jixiao-zipingzhushou" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "0.0.0";
}

/** Output path for --write-dir: "<name>（已标注）.xlsx", numbered when two inputs share a name. */
function markedName(dir: string, file: InputFile, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = markedCopyName(path.basename(file.absolute), i);
    const full = path.resolve(dir, name);
    if (!taken.has(full)) {
      taken.add(full);
      return full;
    }
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Worker threads for a batch: --jobs, or by default one fewer than the available cores, at most 4;
 * never more than the files; 1 = no worker, everything in the main thread.
 *
 * One fewer because a single busy V8 thread already keeps about one and a half cores busy (its
 * concurrent GC and compiler threads: 2.1 s of CPU for 1.4 s of wall time on the 200-file bench) and
 * every worker loads ExcelJS and warms up on its own. Measured on a 2-core machine, 200 files:
 * --jobs 1 1.37–1.45 s, two workers 1.70–1.78 s (3.1 s of CPU). So two cores get no workers.
 */
export function workerCount(jobs: number | undefined, files: number): number {
  const wanted = jobs ?? Math.min(os.availableParallelism() - 1, 4);
  return Math.max(1, Math.min(wanted, files));
}

/** The compiled worker script next to this module (absent when running from the TypeScript sources). */
function workerScript(): string | null {
  const file = path.join(__dirname, "worker.js");
  return existsSync(file) ? file : null;
}

/** Checks every file: in this thread for one file or --jobs 1, else over a pool of worker threads. */
async function checkAll(
  tasks: FileTask[],
  profile: RuleProfile | undefined,
  jobs: number | undefined,
  onDone: (index: number) => void,
): Promise<FileOutcome[]> {
  // Loaded on first use: the main thread of a batch never needs ExcelJS.
  const inProcess = async (task: FileTask): Promise<FileOutcome> =>
    (await import("./process")).processFile(task, profile);
  const n = workerCount(jobs, tasks.length);
  const script = n > 1 ? workerScript() : null;
  if (!script) return mapLimit(tasks, 1, inProcess, onDone);
  return runPool<FileTask, FileOutcome>(tasks, {
    workerFile: script,
    workerData: { profile } satisfies WorkerInit,
    size: n,
    onCrash: (_task, reason) => ({ ok: false, message: internalErrorMessage(`工作线程意外退出：${reason}`) }),
    inProcess,
    onDone,
  });
}

async function run(opts: CliOptions, streams: CliStreams): Promise<number> {
  const err = (s: string): void => void streams.stderr.write(s.endsWith("\n") ? s : `${s}\n`);
  const profile = await resolveProfile(opts.profile);

  const { files, problems } = await expandInputs(opts.inputs);
  let usageProblem = false;
  for (const p of problems) err(`无法读取 ${p.display}：${p.message}`);

  // Where marked copies go; checked before any work so a refusal costs nothing.
  const targets = new Map<InputFile, string>();
  const inputPaths = new Set(files.map((f) => f.absolute));
  if (opts.write !== undefined) {
    if (files.length + problems.length > 1) {
      throw new UsageError("--write 只能用于一个输入文件；批量检查请用 --write-dir <文件夹>。");
    }
    const out = path.resolve(opts.write);
    if (inputPaths.has(out))
      throw new UsageError("--write 不能指向输入文件本身：原文件不会被修改。请另取一个文件名。");
    if (await exists(out))
      throw new UsageError(`${opts.write} 已存在。为避免覆盖，请换一个文件名或先删除它。`);
    if (!/\.xlsx$/i.test(out)) throw new UsageError("--write 的文件名应以 .xlsx 结尾。");
    if (files[0]) targets.set(files[0], out);
  } else if (opts.writeDir !== undefined) {
    const dir = path.resolve(opts.writeDir);
    try {
      const st = await fs.stat(dir);
      if (!st.isDirectory()) throw new UsageError(`--write-dir ${opts.writeDir} 不是文件夹。`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      await fs.mkdir(dir, { recursive: true });
    }
    const taken = new Set<string>(inputPaths);
    for (const f of files) {
      const out = markedName(dir, f, taken);
      if (await exists(out)) {
        err(`标注副本 ${out} 已存在，跳过（不会覆盖已有文件）。`);
        usageProblem = true;
        continue;
      }
      targets.set(f, out);
    }
  }

  const progress = createProgress(files.length, !opts.noProgress, streams.stderr as NodeJS.WriteStream);
  const tasks = files.map((f) => ({ absolute: f.absolute, writeTo: targets.get(f) ?? null }));
  const outcomes: Outcome[] = (
    await checkAll(tasks, profile, opts.jobs, (i) => progress.tick(files[i].display))
  ).map((o, i) => ({ ...o, file: files[i] }));
  progress.stop();

  const good: Extract<Outcome, { ok: true }>[] = [];
  let unreadable = problems.length;
  for (const o of outcomes) {
    if (!o.ok) {
      err(`无法读取 ${o.file.display}：${o.message}`);
      unreadable++;
      continue;
    }
    good.push(o);
    for (const ie of o.internal) {
      err(
        `${o.file.display}：检查的“${ie.stage}”步骤出现内部错误（${ie.detail}），结果可能不完整，请把此文件反馈给开发者。`,
      );
    }
    if (o.writeProblem) {
      err(`${o.file.display}：${o.writeProblem}`);
      if (!/未找到|没有找到/.test(o.writeProblem)) usageProblem = true;
    }
  }

  if (opts.json) {
    const doc = toJsonDocument(good.map((o) => ({ file: o.file.display, results: o.results })));
    streams.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    const blocks: string[] = [];
    for (const o of good)
      for (const r of o.results)
        blocks.push(
          formatResult(
            o.file.display,
            r,
            profile?.name ?? BUILTIN_PROFILES.find((p) => p.id === r.profile)?.name,
          ),
        );
    const written = good.flatMap((o) => (o.written ? [o.written] : []));
    if (blocks.length) streams.stdout.write(`${blocks.join("\n\n")}\n\n`);
    streams.stdout.write(`${formatSummary(summarize(good, unreadable, written))}\n`);
  }
  if (opts.json) for (const o of good) if (o.written) err(`已保存标注副本：${o.written}`);

  if (unreadable > 0 || usageProblem) return 2;
  return good.some((o) => o.results.some((r) => r.findings.some((f) => f.severity === "error"))) ? 1 : 0;
}

/** Entry point; returns the exit status. */
export async function main(argv: string[], streams: CliStreams = process): Promise<number> {
  const err = (s: string): void => void streams.stderr.write(s.endsWith("\n") ? s : `${s}\n`);
  try {
    const opts = parseCliArgs(argv);
    if (opts.help) {
      streams.stdout.write(HELP_TEXT);
      return 0;
    }
    if (opts.version) {
      streams.stdout.write(`jixiao-check ${version()}\n`);
      return 0;
    }
    return await run(opts, streams);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`jixiao-check：${e.message}`);
      err("运行 jixiao-check --help 查看用法。");
      return 2;
    }
    err(`jixiao-check：意外错误：${(e as Error)?.stack ?? String(e)}`);
    return 2;
  }
}

/** Run as a program: set the exit code once stdout has drained (large JSON output to a pipe). */
export function cli(): void {
  // A reader that stops early (`| head`) closes the pipe: the rest of the report has nowhere to go,
  // which is not a failure of the check. Without a listener Node crashes with an EPIPE stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cli();
