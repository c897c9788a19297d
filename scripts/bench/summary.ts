/* global process, require, __dirname */
/**
 * Bench section `summary`: the reviewer's run on 1,000 generated workbooks — the real CLI with --summary
 * 汇总.xlsx (and .csv) against the same run without it (aim ≤ 1.10×), and against ExcelJS alone opening
 * the same files in a new process (cold, one thread), all in the same run, alternated, best of three.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../../src/core/check";
import { readXlsx } from "../../src/io/xlsxRead";
import { summaryToCsv, summaryToXlsx } from "../../src/io/summaryWrite";
import { toReportResult } from "../../src/cli/report";
import { buildSummary } from "../../src/cli/summary";
import type { FileReport } from "../../src/cli/json";
import { makeBatch } from "./batch";
import { type BenchTable, fmtNum } from "./table";

const ROOT = path.resolve(__dirname, "../..");

/** ExcelJS alone in a new Node process: require it, open every .xlsx in the folder. */
const COLD_EXCELJS = `
const fs = require("node:fs"), path = require("node:path");
const ExcelJS = require(process.argv[1]);
(async () => {
  const dir = process.argv[2];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort())
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.join(dir, f)));
})();
`;

interface Run {
  ms: number;
  status: number | null;
  stdout: string;
}

function runNode(args: string[], cwd: string): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", maxBuffer: 1 << 29 });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout ?? "" };
}

export async function benchSummary(
  count = Number(process.env.BENCH_SUMMARY_FILES ?? 1000),
): Promise<BenchTable[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-summary-"));
  const dir = path.join(work, "收件箱");
  try {
    await makeBatch(dir, count);
    const bin = path.join(ROOT, "bin/jixiao-check.js");
    const exceljs = require.resolve("exceljs", { paths: [ROOT] });
    const cli = (extra: string[]): Run => runNode([bin, "--json", "--no-progress", ...extra, dir], work);
    const plain: Run[] = [];
    const xlsx: Run[] = [];
    const csv: Run[] = [];
    const cold: Run[] = [];
    let summaryBytes = 0;
    for (let k = 0; k < 3; k++) {
      cold.push(runNode(["-e", COLD_EXCELJS, exceljs, dir], work));
      plain.push(cli([]));
      xlsx.push(cli(["--summary", "汇总.xlsx"]));
      summaryBytes = (await fs.stat(path.join(work, "汇总.xlsx"))).size;
      await fs.rm(path.join(work, "汇总.xlsx"));
      csv.push(cli(["--summary", "汇总.csv"]));
      await fs.rm(path.join(work, "汇总.csv"));
    }
    const best = (runs: Run[]): Run => runs.reduce((x, y) => (y.ms < x.ms ? y : x));
    // The summary's own work, in this process (steadier than the difference of two noisy process runs):
    // the results of every file, then buildSummary + the .xlsx / .csv bytes, best of three.
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort();
    const reports: FileReport[] = [];
    for (const n of names) {
      const wb = await readXlsx(await fs.readFile(path.join(dir, n)));
      reports.push({ file: n, results: checkWorkbook(wb).map(toReportResult) });
    }
    const inProcess = { xlsx: Infinity, csv: Infinity };
    for (let k = 0; k < 3; k++) {
      const input = {
        files: reports,
        skipped: [],
        profileName: () => "湖南省",
        profileSource: "默认规则",
        generatedAt: new Date(),
        version: "bench",
        inputs: [dir],
      };
      let t0 = performance.now();
      await summaryToXlsx(buildSummary(input), new Date());
      inProcess.xlsx = Math.min(inProcess.xlsx, performance.now() - t0);
      t0 = performance.now();
      summaryToCsv(buildSummary(input));
      inProcess.csv = Math.min(inProcess.csv, performance.now() - t0);
    }
    const a = best(cold).ms;
    const b = best(plain);
    const c = best(xlsx);
    const d = best(csv);
    const same = [...plain, ...xlsx, ...csv].every((r) => r.stdout === b.stdout);
    const forms = b.stdout ? (JSON.parse(b.stdout) as { files: unknown[] }).files.length : 0;
    const rows: (string | number)[][] = [
      ["(a) ExcelJS 单独打开，新进程（冷启动，单线程）", a, a / count, 1, "—"],
      [`(b) jixiao-check --json（退出码 ${b.status}）`, b.ms, b.ms / count, b.ms / a, 1],
      [
        `(c) jixiao-check --json --summary 汇总.xlsx（退出码 ${c.status}）`,
        c.ms,
        c.ms / count,
        c.ms / a,
        c.ms / b.ms,
      ],
      [
        `(d) jixiao-check --json --summary 汇总.csv（退出码 ${d.status}）`,
        d.ms,
        d.ms / count,
        d.ms / a,
        d.ms / b.ms,
      ],
      [
        "(e) 进程内：buildSummary + 汇总.xlsx 字节",
        inProcess.xlsx,
        inProcess.xlsx / count,
        inProcess.xlsx / a,
        (b.ms + inProcess.xlsx) / b.ms,
      ],
      [
        "(f) 进程内：buildSummary + 汇总.csv 字节",
        inProcess.csv,
        inProcess.csv / count,
        inProcess.csv / a,
        (b.ms + inProcess.csv) / b.ms,
      ],
    ];
    return [
      {
        title: `汇总表：${count} 个工作簿（${forms} 张表；汇总.xlsx ${(summaryBytes / 1024).toFixed(0)} KiB）`,
        headers: ["方式", "总耗时 ms", "ms/文件", "倍数 vs (a)", "倍数 vs (b)"],
        rows,
        notes: [
          `--summary 的额外开销：xlsx (c)/(b) = ${fmtNum(c.ms / b.ms)}，csv (d)/(b) = ${fmtNum(d.ms / b.ms)}；目标 ≤ 1.10。` +
            `两次新进程之差受本机负载影响（±10% 常见），(e)/(f) 单独量出汇总本身的耗时：(b + e)/b = ${fmtNum((b.ms + inProcess.xlsx) / b.ms)}，(b + f)/b = ${fmtNum((b.ms + inProcess.csv) / b.ms)}。`,
          `命令行用默认线程数（本机 os.availableParallelism() = ${os.availableParallelism()}）；每次都是新进程，各取 3 次中最好的一次，四种方式交替运行。`,
          `有无 --summary 的 JSON 输出${same ? "完全一致" : "不一致（有问题！）"}。`,
        ],
      },
    ];
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
