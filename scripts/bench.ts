/* global process, require, module, console, __dirname, NodeJS */
/**
 * Benchmarks: `npm run bench` (tsx scripts/bench.ts [section ...]).
 *
 * Sections (each an exported async function returning tables, registered in SECTIONS; other parts of
 * the project add theirs the same way):
 *   core   — locate + check of generated forms with 10, 1,000 and 10,000 indicator rows (per-row cost)
 *   batch  — 200 generated workbooks: ExcelJS alone vs readXlsx + checkWorkbook in process vs the real CLI
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { checkWorkbook } from "../src/core/check";
import type { Workbook } from "../src/core/grid";
import { buildStandardForm } from "../src/core/template";
import { readXlsx } from "../src/io/xlsxRead";
import { formToXlsx } from "./make-samples";
import { largeSpec, sampleSpecs } from "./sample-specs";

const ROOT = path.resolve(__dirname, "..");

// ───────────────────────────── table output ─────────────────────────────

export interface BenchTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Lines printed under the table. */
  notes?: string[];
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function formatTable(t: BenchTable): string {
  const cells = t.rows.map((r) => r.map((c) => (typeof c === "number" ? fmtNum(c) : c)));
  const widths = t.headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ""))));
  const numeric = t.headers.map((_, i) =>
    t.rows.every((r) => typeof r[i] === "number" || /^(?:[\d.,×%≈ ]+[a-zµ/%]*|—)$/i.test(String(r[i]))),
  );
  const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i], numeric[i])).join("  ");
  const out = [
    `\n${t.title}`,
    line(t.headers),
    widths.map((w) => "─".repeat(w)).join("  "),
    ...cells.map(line),
  ];
  for (const n of t.notes ?? []) out.push(n);
  return out.join("\n");
}

function fmtNum(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toFixed(digits);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn repeatedly (after one warm-up) for at least minMs and at least minRuns; returns the median ms. */
export async function timeIt(
  fn: () => unknown | Promise<unknown>,
  minRuns = 5,
  minMs = 300,
): Promise<number> {
  await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 1000) break;
  }
  return median(times);
}

// ───────────────────────────── section: core scaling ─────────────────────────────

/** Core time (locate + check) on generated forms of 10, 1,000 and 10,000 indicator rows. */
export async function benchCore(sizes: number[] = [10, 1000, 10000]): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  let firstPerRow: number | null = null;
  for (const n of sizes) {
    const wb: Workbook = { sheets: [buildStandardForm(largeSpec(n))] };
    const cellCount = wb.sheets[0].cells.reduce((a, r) => a + (r ? r.filter(Boolean).length : 0), 0);
    let findings = 0;
    const ms = await timeIt(
      () => {
        findings = checkWorkbook(wb).reduce((a, r) => a + r.findings.length, 0);
      },
      n >= 10000 ? 3 : 5,
      n >= 10000 ? 0 : 300,
    );
    const perRow = (ms * 1000) / n;
    firstPerRow ??= perRow;
    rows.push([n.toLocaleString("en-US"), cellCount.toLocaleString("en-US"), ms, perRow, findings]);
  }
  const last = rows[rows.length - 1];
  const notes = [
    `每行成本（µs/行）在 ${sizes[0]} → ${sizes[sizes.length - 1]} 行之间的变化：${fmtNum(firstPerRow ?? 0)} → ${fmtNum(Number(last[3]))}（线性增长时应基本持平；小表以固定开销为主）。`,
  ];
  return [
    {
      title: "核心：定位 + 检查（内存中的表格，不含读文件）",
      headers: ["指标行数", "单元格数", "耗时 ms", "µs/行", "问题数"],
      rows,
      notes,
    },
  ];
}

// ───────────────────────────── section: batch (files) ─────────────────────────────

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

/** 200 files: ExcelJS alone vs the in-process pipeline vs one spawn of the real CLI over the folder. */
export async function benchBatch(count = 200): Promise<BenchTable[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    const files = await makeBatch(dir, count);
    const bytes = (await Promise.all(files.map((f) => fs.stat(f)))).reduce((a, s) => a + s.size, 0);
    // Warm up both paths (JIT, file cache), then alternate and keep the best of three of each.
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

    ensureCliBuilt();
    const bin = path.join(ROOT, "bin/jixiao-check.js");
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [bin, "--json", "--no-progress", dir], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const cliMs = performance.now() - t0;
    const cliFiles = res.stdout ? (JSON.parse(res.stdout) as { files: unknown[] }).files.length : 0;
    const startup = performance.now();
    spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    const startupMs = performance.now() - startup;

    const rows: (string | number)[][] = [
      ["ExcelJS 单独打开（xlsx.load）", a, a / count, 1, ac, 1],
      ["readXlsx + checkWorkbook（进程内）", p, p / count, p / a, pc, pc / ac],
      [
        `命令行 jixiao-check --json（1 次启动，退出码 ${res.status}）`,
        cliMs,
        cliMs / count,
        cliMs / a,
        "—",
        "—",
      ],
    ];
    return [
      {
        title: `批量：${count} 个工作簿（共 ${(bytes / 1024).toFixed(0)} KiB，${cliFiles} 张表，${findings} 个问题）`,
        headers: ["方式", "总耗时 ms", "ms/文件", "倍数", "CPU ms", "CPU 倍数"],
        rows,
        notes: [
          `倍数 = 相对 ExcelJS 单独打开同一批文件。进程内倍数 ${fmtNum(p / a)}（CPU ${fmtNum(pc / ac)}；目标 ≤ 1.25）。`,
          `命令行含 Node 启动与模块加载约 ${fmtNum(startupMs)} ms（jixiao-check --version 的耗时），且代码未经预热。`,
        ],
      },
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── registry and main ─────────────────────────────

export interface BenchSection {
  id: string;
  title: string;
  run: () => Promise<BenchTable[]>;
}

/** Sections in run order; other benchmarks are added here. */
export const SECTIONS: BenchSection[] = [
  { id: "core", title: "核心规模", run: () => benchCore() },
  { id: "batch", title: "批量文件", run: () => benchBatch() },
];

async function main(argv: string[]): Promise<void> {
  const wanted = argv.filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((id) => !SECTIONS.some((s) => s.id === id));
  if (unknown.length) {
    throw new Error(`未知的测试项：${unknown.join("、")}。可选：${SECTIONS.map((s) => s.id).join("、")}`);
  }
  console.log(
    `绩效自评助手 性能测试  Node ${process.version}  ${os.cpus()[0]?.model ?? ""} ×${os.cpus().length}`,
  );
  for (const s of SECTIONS) {
    if (wanted.length && !wanted.includes(s.id)) continue;
    const t0 = performance.now();
    for (const t of await s.run()) console.log(formatTable(t));
    console.log(`（${s.title}：${((performance.now() - t0) / 1000).toFixed(1)} s）`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
