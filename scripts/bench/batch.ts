/* global process, NodeJS, __dirname, require */
/** Bench section `batch`: many .xlsx files — ExcelJS alone vs readXlsx + checkWorkbook vs the real CLI. */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { readXlsx } from "../../src/io/xlsxRead";
import { formToXlsx } from "../make-samples";
import { largeSpec, sampleSpecs } from "../sample-specs";
import { type BenchTable, fmtNum } from "./table";

const ROOT = path.resolve(__dirname, "../..");

/** Writes `count` workbooks (the samples and generated forms of 20–60 rows, in turn) into `dir`. */
export async function makeBatch(dir: string, count = 200): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const specs = sampleSpecs().map((s) => s.spec);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const spec = i % 4 < specs.length ? specs[i % 4] : largeSpec(20 + (i % 41));
    const file = path.join(dir, `自评表-${String(i + 1).padStart(3, "0")}.xlsx`);
    await fs.writeFile(file, await formToXlsx(spec));
    files.push(file);
  }
  return files;
}

async function excelJsAlone(files: string[]): Promise<void> {
  for (const f of files) {
    const buf = await fs.readFile(f);
    await new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer);
  }
}

async function pipeline(files: string[]): Promise<number> {
  let findings = 0;
  for (const f of files) {
    const wb = await readXlsx(await fs.readFile(f));
    for (const r of checkWorkbook(wb)) findings += r.findings.length;
  }
  return findings;
}

function ensureCliBuilt(): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

interface CliRun {
  ms: number;
  status: number | null;
  stdout: string;
}

function runNode(args: string[]): CliRun {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  return { ms: performance.now() - t0, status: res.status, stdout: res.stdout ?? "" };
}

function runCli(args: string[]): CliRun {
  return runNode([path.join(ROOT, "bin/jixiao-check.js"), ...args]);
}

/** ExcelJS alone in a new Node process (cold, like the CLI): require it, open every .xlsx in `dir`. */
const COLD_EXCELJS = `
const fs = require("node:fs"), path = require("node:path");
const ExcelJS = require(process.argv[1]);
(async () => {
  const dir = process.argv[2];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort())
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.join(dir, f)));
})();
`;

/**
 * 200 files, in one run: (a) ExcelJS alone opening them one after another in this process (the
 * baseline, one thread), (b) readXlsx + checkWorkbook in this process (one thread), (c) one spawn of
 * the real CLI over the folder with its default worker threads, (d) the same with --jobs 1 (main
 * thread only), plus (e) forced worker threads so the pool is measured even where the default has none.
 * Every ratio is wall time against (a); (c) and (e) may use several threads, (a) one.
 */
export async function benchBatch(count = 200): Promise<BenchTable[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    const files = await makeBatch(dir, count);
    const bytes = (await Promise.all(files.map((f) => fs.stat(f)))).reduce((a, s) => a + s.size, 0);
    const load0 = os.loadavg()[0];
    // Warm up both in-process paths (JIT, file cache), then alternate and keep the best of three of each.
    await excelJsAlone(files.slice(0, 20));
    await pipeline(files.slice(0, 20));
    // Wall time and this process's CPU time (user + system): the CPU figure is steadier on a busy machine.
    const alone: number[] = [];
    const piped: number[] = [];
    const aloneCpu: number[] = [];
    const pipedCpu: number[] = [];
    const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    let findings = 0;
    for (let k = 0; k < 3; k++) {
      let t0 = performance.now();
      let c0 = process.cpuUsage();
      await excelJsAlone(files);
      alone.push(performance.now() - t0);
      aloneCpu.push(cpuMs(process.cpuUsage(c0)));
      t0 = performance.now();
      c0 = process.cpuUsage();
      findings = await pipeline(files);
      piped.push(performance.now() - t0);
      pipedCpu.push(cpuMs(process.cpuUsage(c0)));
    }
    const a = Math.min(...alone);
    const p = Math.min(...piped);
    const ac = Math.min(...aloneCpu);
    const pc = Math.min(...pipedCpu);

    // The real command, cold each time (a new process): the default (cores − 1 workers, at most 4; none
    // on two cores), --jobs 1 and forced workers (--jobs = cores, at least 2, at most 4), alternated,
    // best of three of each. All must print the same JSON.
    ensureCliBuilt();
    const cores = os.availableParallelism();
    const workers = Math.min(cores - 1, 4, count);
    const forced = Math.max(2, Math.min(cores, 4));
    const pooled: CliRun[] = [];
    const single: CliRun[] = [];
    const forcedRuns: CliRun[] = [];
    const coldRuns: CliRun[] = [];
    const exceljsMain = require.resolve("exceljs", { paths: [ROOT] });
    for (let k = 0; k < 3; k++) {
      coldRuns.push(runNode(["-e", COLD_EXCELJS, exceljsMain, dir]));
      pooled.push(runCli(["--json", dir]));
      single.push(runCli(["--json", "--jobs", "1", dir]));
      forcedRuns.push(runCli(["--json", "--jobs", String(forced), dir]));
    }
    const best = (runs: CliRun[]): CliRun => runs.reduce((x, y) => (y.ms < x.ms ? y : x));
    const c = best(pooled);
    const d = best(single);
    const e = best(forcedRuns);
    const cold = best(coldRuns).ms;
    const sameOutput = [...pooled, ...single, ...forcedRuns].every((r) => r.stdout === c.stdout);
    const threads = (n: number): string => (n > 1 ? `${n} 工作线程` : "1（主线程）");
    const cliForms = c.stdout ? (JSON.parse(c.stdout) as { files: unknown[] }).files.length : 0;
    const startupMs = Math.min(...[0, 1, 2].map(() => runCli(["--version"]).ms));

    const rows: (string | number)[][] = [
      ["(a) ExcelJS 单独打开（xlsx.load，进程内，已预热）", 1, a, a / count, 1, ac, 1],
      ["(b) readXlsx + checkWorkbook（进程内，已预热）", 1, p, p / count, p / a, pc, pc / ac],
      [
        `(c) 命令行 jixiao-check --json（默认，退出码 ${c.status}）`,
        threads(workers),
        c.ms,
        c.ms / count,
        c.ms / a,
        "—",
        "—",
      ],
      [
        `(d) 命令行 jixiao-check --json --jobs 1（退出码 ${d.status}）`,
        "1（主线程）",
        d.ms,
        d.ms / count,
        d.ms / a,
        "—",
        "—",
      ],
      [
        `(e) 命令行 jixiao-check --json --jobs ${forced}（退出码 ${e.status}）`,
        threads(forced),
        e.ms,
        e.ms / count,
        e.ms / a,
        "—",
        "—",
      ],
      ["(a′) ExcelJS 单独打开，新进程（冷启动，参考）", 1, cold, cold / count, cold / a, "—", "—"],
      ["命令行启动 jixiao-check --version（参考）", 1, startupMs, "—", "—", "—", "—"],
    ];
    return [
      {
        title: `批量：${count} 个工作簿（共 ${(bytes / 1024).toFixed(0)} KiB，${cliForms} 张表，${findings} 个问题）`,
        headers: ["方式", "线程", "总耗时 ms", "ms/文件", "倍数 vs (a)", "CPU ms", "CPU 倍数"],
        rows,
        notes: [
          `本机 ${os.cpus().length} 个 CPU 核（os.availableParallelism() = ${cores}，命令行默认${workers > 1 ? ` ${workers} 个工作线程` : "不开工作线程"}）；1 分钟负载：开始 ${load0.toFixed(2)}，结束 ${os.loadavg()[0].toFixed(2)}（其他进程也占 CPU 时各数偏大）。`,
          `冷启动同口径（都是新进程、单线程）：命令行 --jobs 1 (d)/(a′) = ${fmtNum(d.ms / cold)}。`,
          `倍数均为墙钟时间之比，基准 (a) 是单线程。单线程同口径：进程内 (b)/(a) = ${fmtNum(p / a)}（CPU ${fmtNum(pc / ac)}），命令行 --jobs 1 (d)/(a) = ${fmtNum(d.ms / a)}；目标 ≤ 1.25。`,
          `命令行默认 (c)/(a) = ${fmtNum(c.ms / a)}（${workers > 1 ? `${workers} 个工作线程对 1 个线程，不是同口径` : "本机默认即单线程"}）；` +
            `工作线程 (e)/(a) = ${fmtNum(e.ms / a)}（${forced} 个工作线程），(e)/(d) = ${fmtNum(e.ms / d.ms)}（< 1 才说明工作线程在本机有用）。`,
          `命令行每次是新进程，含 Node 启动与模块加载（--version 约 ${fmtNum(startupMs)} ms）且未经预热；各取 3 次中最好的一次。` +
            `三种方式的 JSON 输出${sameOutput ? "完全一致" : "不一致（有问题！）"}。`,
        ],
      },
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
