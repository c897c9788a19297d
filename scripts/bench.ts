/* global process, require, module, console */
/**
 * Benchmarks: `npm run bench` (tsx scripts/bench.ts [section ...] [--only=a,b]).
 *
 * Each section is a module under scripts/bench/ exporting an async function that returns tables
 * (scripts/bench/table.ts); SECTIONS runs them in order:
 *   core       — locate + check of generated forms with 10, 1,000 and 10,000 indicator rows (per-row cost), one form
 *                of each kind against the department form (bench/core-kinds.ts) and the 自评报告 against the
 *                same seed's department form (bench/core-report.ts)
 *   batch      — 200 generated workbooks: ExcelJS alone (1 thread) vs readXlsx + checkWorkbook in process vs the
 *                real CLI with its default worker threads and with --jobs 1
 *   summary    — 1,000 generated workbooks: the CLI with --summary 汇总.xlsx / .csv vs without (aim ≤ 1.10×) vs
 *                ExcelJS alone opening them in a new process, same run
 *   functions  — custom-function calls per second on one form's mix, vs plain arithmetic / JSON.parse
 *   syncs      — Excel syncs per validation (excelHost on the Excel double): samples and 1,000 rows
 *   preview    — headless Chromium: 一键校验 click → findings shown, vs page load (skipped without Chromium)
 *   bundle     — gzip sizes of the pane page's bundles and functions.js vs the 250 KB aim
 *   offline    — the single-file checker (file://) vs the served preview: gzip size, first paint, ready
 */
import * as os from "node:os";
import { performance } from "node:perf_hooks";
import { benchBatch } from "./bench/batch";
import { benchBundle } from "./bench/bundle";
import { benchCore } from "./bench/core";
import { benchCoreReport } from "./bench/core-report";
import { benchFunctions } from "./bench/functions";
import { benchOffline } from "./bench/offline";
import { benchPreview } from "./bench/preview";
import { benchSummary } from "./bench/summary";
import { benchSyncs } from "./bench/syncs";
import { type BenchTable, formatTable } from "./bench/table";

export { benchBatch, makeBatch } from "./bench/batch";
export { benchCore } from "./bench/core";
export { type BenchTable, formatTable, timeIt } from "./bench/table";

export interface BenchSection {
  id: string;
  title: string;
  run: () => Promise<BenchTable[]>;
}

/** Sections in run order; other benchmarks are added here. */
export const SECTIONS: BenchSection[] = [
  { id: "core", title: "核心规模", run: async () => [...(await benchCore()), ...(await benchCoreReport())] },
  { id: "batch", title: "批量文件", run: () => benchBatch() },
  { id: "summary", title: "汇总表（--summary）", run: () => benchSummary() },
  { id: "functions", title: "自定义函数吞吐量", run: () => benchFunctions() },
  { id: "syncs", title: "Excel 同步次数", run: () => benchSyncs() },
  { id: "preview", title: "浏览器预览校验耗时", run: () => benchPreview() },
  { id: "bundle", title: "包大小", run: () => benchBundle() },
  { id: "offline", title: "离线单文件校验页", run: () => benchOffline() },
];

/** Section ids from positional arguments and --only=a,b (both may be given; none = all). */
export function wantedSections(argv: string[]): string[] {
  const wanted: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--only=")) wanted.push(...a.slice("--only=".length).split(","));
    else if (a === "--only" && i + 1 < argv.length) wanted.push(...argv[++i].split(","));
    else if (!a.startsWith("-")) wanted.push(a);
  }
  return wanted.map((s) => s.trim()).filter(Boolean);
}

async function main(argv: string[]): Promise<void> {
  const wanted = wantedSections(argv);
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
