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
import { getProfile } from "../core/profiles";
import {
  expandInputs,
  internalErrorMessage,
  mapLimit,
  SUMMARY_SKIP,
  summaryFileName,
  writeErrorMessage,
  type InputFile,
} from "./files";
import { toJsonDocument, type FileReport } from "./json";
import { ensureWritable, prepareSummary, writeNewFile } from "./output";
import { runPool } from "./pool";
import type { FileOutcome, FileTask } from "./process";
import { resolveProfile } from "./profile";
import { createProgress } from "./progress";
import { formatResult, formatSkipped, formatSummary, formatUnreadable, summarize } from "./report";
import { buildSummary } from "./summary";
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

/** Output path for --write-dir: "<name>（已标注）.xlsx" (--fix: （已改正）), numbered when two inputs share a name. */
function markedName(dir: string, file: InputFile, taken: Set<string>, fix: boolean): string {
  for (let i = 1; ; i++) {
    const name = markedCopyName(path.basename(file.absolute), i, fix ? "fixed" : "marked");
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
  onDone: (index: number, outcome: FileOutcome) => void,
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
    onCrash: (_task, reason) => ({
      ok: false,
      code: "INTERNAL_ERROR",
      message: internalErrorMessage(`工作线程意外退出：${reason}`),
    }),
    inProcess,
    onDone,
  });
}

async function run(opts: CliOptions, streams: CliStreams): Promise<number> {
  const err = (s: string): void => void streams.stderr.write(s.endsWith("\n") ? s : `${s}\n`);
  const profile = await resolveProfile(opts.profile);

  // Output locations first: they are never read as input (a marked-copy folder inside the inbox).
  const summary = opts.summary !== undefined ? await prepareSummary(opts.summary) : null;
  const writeDir = opts.writeDir !== undefined ? path.resolve(opts.writeDir) : null;
  const outputs = {
    dirs: writeDir ? [writeDir] : [],
    files: [summary?.absolute, opts.write !== undefined ? path.resolve(opts.write) : undefined].filter(
      (p): p is string => p !== undefined,
    ),
  };
  const { files, problems, skipped, folders } = await expandInputs(opts.inputs, outputs);
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
    await ensureWritable(path.dirname(out), "标注副本");
    if (files[0]) targets.set(files[0], out);
  } else if (writeDir !== null) {
    const dir = writeDir;
    try {
      const st = await fs.stat(dir);
      if (!st.isDirectory()) throw new UsageError(`--write-dir ${opts.writeDir} 不是文件夹。`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      await ensureWritable(dir, "标注副本文件夹");
      try {
        await fs.mkdir(dir, { recursive: true });
      } catch (e2) {
        throw new UsageError(`无法创建标注副本文件夹 ${opts.writeDir}：${writeErrorMessage(e2)}`);
      }
    }
    await ensureWritable(dir, "标注副本文件夹");
    const taken = new Set<string>(inputPaths);
    for (const f of files) {
      const out = markedName(dir, f, taken, opts.fix);
      if (await exists(out)) {
        err(`标注副本 ${out} 已存在，跳过（不会覆盖已有文件）。`);
        usageProblem = true;
        continue;
      }
      targets.set(f, out);
    }
  }

  const progress = createProgress(files.length, !opts.noProgress, streams.stderr as NodeJS.WriteStream);
  const stats = { forms: 0, withErrors: 0, unreadable: problems.length };
  const tasks = files.map((f) => ({ absolute: f.absolute, writeTo: targets.get(f) ?? null, fix: opts.fix }));
  const outcomes: Outcome[] = (
    await checkAll(tasks, profile, opts.jobs, (i, o) => {
      if (o.ok === true) {
        stats.forms += o.results.length;
        stats.withErrors += o.results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
      } else if (o.ok === false) stats.unreadable++;
      progress.tick(files[i].display, stats);
    })
  ).map((o, i) => ({ ...o, file: files[i] }));
  progress.stop();

  const good: Extract<Outcome, { ok: true }>[] = [];
  const unreadableList: { file: string; code: string; message: string }[] = problems.map((p) => ({
    file: p.display,
    code: p.code,
    message: p.message,
  }));
  // Every input in input order: command-line problems first (they are met first), then each file.
  const reports: FileReport[] = problems.map((p) => ({
    file: p.display,
    error: { code: p.code, message: p.message },
  }));
  for (const o of outcomes) {
    if (o.ok === "summary") {
      // After the files skipped by name: recognising a summary needs the file opened.
      skipped.push({ display: o.file.display, ...SUMMARY_SKIP });
      continue;
    }
    if (!o.ok) {
      err(`无法读取 ${o.file.display}：${o.message}`);
      unreadableList.push({ file: o.file.display, code: o.code, message: o.message });
      reports.push({ file: o.file.display, error: { code: o.code, message: o.message } });
      continue;
    }
    good.push(o);
    reports.push({ file: o.file.display, results: o.results });
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
  const unreadable = unreadableList.length;
  const written = good.flatMap((o) =>
    o.written ? [o.writeNote ? `${o.written}（${o.writeNote}）` : o.written] : [],
  );

  // The summary is written before the report is printed, so the report can say where it is (or why not).
  let summaryLine: string | null = null;
  if (summary) {
    try {
      const tables = buildSummary({
        files: reports,
        skipped,
        profileName: (id) => profileName(id, profile),
        profileSource:
          opts.profile !== undefined && opts.profile !== "auto" ? "命令行 --profile 指定" : "自动选择",
        generatedAt: new Date(),
        version: version(),
        inputs: opts.inputs,
        fileName: (display) => summaryFileName(display, folders, opts.inputs.length),
      });
      const io = await import("../io/summaryWrite");
      const bytes =
        summary.format === "csv" ? io.summaryToCsv(tables) : await io.summaryToXlsx(tables, new Date());
      await writeNewFile(summary.absolute, bytes);
      summaryLine = `已保存汇总表：${summary.display}`;
    } catch (e) {
      err(`无法保存汇总表 ${summary.display}：${(e as Error).message}（未留下不完整的文件）`);
      usageProblem = true;
    }
  }

  if (opts.json) {
    const doc = toJsonDocument(reports, skipped);
    streams.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    for (const w of written) err(`已保存标注副本：${w}`);
    if (summaryLine) err(summaryLine);
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
    if (unreadableList.length) blocks.push(formatUnreadable(unreadableList));
    if (skipped.length) blocks.push(formatSkipped(skipped));
    if (blocks.length) streams.stdout.write(`${blocks.join("\n\n")}\n\n`);
    streams.stdout.write(`${formatSummary(summarize(good, unreadable, written, skipped.length))}\n`);
    if (summaryLine) streams.stdout.write(`${summaryLine}\n`);
  }

  if (unreadable > 0 || usageProblem) return 2;
  return good.some((o) => o.results.some((r) => r.findings.some((f) => f.severity === "error"))) ? 1 : 0;
}

/** Chinese name of a profile id (the resolved one, else a builtin; the id when unknown). */
function profileName(id: string, resolved: RuleProfile | undefined): string {
  if (resolved && id === resolved.id) return resolved.name;
  try {
    return getProfile(id).name;
  } catch {
    return id;
  }
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
