/* global process, require, module, console, __dirname */
/**
 * Writes the sample workbooks: `npm run samples` → samples/*.xlsx (committed).
 *
 *   npx tsx scripts/make-samples.ts [outDir]            the committed samples (default samples/)
 *   npx tsx scripts/make-samples.ts --large N outDir   also 大表-N行.xlsx (bench/tests; not committed)
 *
 * Output is byte-for-byte deterministic: document dates, creator and the zip entries' timestamps are fixed.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Workbook } from "../src/core/grid";
import { buildReportForm } from "../src/core/kinds/report/template";
import { buildStandardForm, emptyStandardSpec, type BuildOptions, type FormSpec } from "../src/core/template";
import { workbookToXlsx } from "../src/io/xlsxWrite";
import { writeFunctionsSample } from "./make-functions-sample";
import { REPORT_SAMPLE_FILE, seed004ReportSpec } from "./sample-report";
import { kindSampleSpecs, largeSpec, sampleSpecs } from "./sample-specs";
import { normalizeZipTimes } from "./zip-times";

/** One form on a sheet named 自评表 → deterministic .xlsx bytes. */
export async function formToXlsx(
  spec: FormSpec,
  sheetName = "自评表",
  options: BuildOptions = {},
): Promise<Uint8Array> {
  const wb: Workbook = { sheets: [buildStandardForm(spec, { ...options, sheetName })] };
  return normalizeZipTimes(await workbookToXlsx(wb));
}

/** The 自评报告 sample (seed 004's table, kind report) → deterministic .xlsx bytes. */
export async function reportSampleXlsx(): Promise<Uint8Array> {
  const wb: Workbook = { sheets: [buildReportForm(seed004ReportSpec()).sheet] };
  return normalizeZipTimes(await workbookToXlsx(wb));
}

/** The generated large form (not committed): 大表-N行.xlsx in `dir`; returns its path. */
export async function writeLargeSample(dir: string, rows = 1000): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, `大表-${rows}行.xlsx`);
  await fs.writeFile(file, await formToXlsx(largeSpec(rows)));
  return file;
}

/** Writes the committed samples into `dir`; returns the file paths. */
export async function writeSamples(dir: string): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const blank = path.join(dir, "空白模板.xlsx");
  await fs.writeFile(blank, await formToXlsx(emptyStandardSpec(2024)));
  written.push(blank);
  for (const s of sampleSpecs()) {
    const file = path.join(dir, s.file);
    await fs.writeFile(file, await formToXlsx(s.spec, s.sheetName));
    written.push(file);
  }
  for (const s of kindSampleSpecs()) {
    const file = path.join(dir, s.file);
    await fs.writeFile(file, await formToXlsx(s.spec, s.sheetName, s.options));
    written.push(file);
  }
  const report = path.join(dir, REPORT_SAMPLE_FILE);
  await fs.writeFile(report, await reportSampleXlsx());
  written.push(report);
  // 自定义函数示例.xlsx
  written.push(await writeFunctionsSample(dir));
  return written;
}

async function cliMain(argv: string[]): Promise<void> {
  const root = path.resolve(__dirname, "..");
  if (argv[0] === "--large") {
    const rows = Number(argv[1]);
    if (!Number.isInteger(rows) || rows < 3 || !argv[2])
      throw new Error("用法：make-samples --large <行数> <输出文件夹>");
    console.log(await writeLargeSample(path.resolve(argv[2]), rows));
    return;
  }
  const dir = argv[0] ? path.resolve(argv[0]) : path.join(root, "samples");
  for (const f of await writeSamples(dir)) console.log(path.relative(process.cwd(), f) || f);
}

if (require.main === module) {
  cliMain(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
