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
import { REPORT_SAMPLE_FILE, seed004ReportSpec } from "./sample-report";
import { kindSampleSheet, kindSampleSpecs, largeSpec, sampleSpecs } from "./sample-specs";

/** DOS date/time written into every zip entry: 2024-01-01 00:00:00. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

/**
 * JSZip (inside ExcelJS) stamps every entry with the current time; overwrite the stamps in the local
 * headers and the central directory so regenerating gives identical bytes. Only header fields change
 * (CRCs cover the data, not the headers).
 */
export function normalizeZipTimes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error("bad central directory");
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, DOS_TIME, true);
      view.setUint16(local + 12, DOS_DATE, true);
    }
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

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
    const wb: Workbook = { sheets: [kindSampleSheet({ ...s, sheetName: s.sheetName ?? "自评表" })] };
    await fs.writeFile(file, normalizeZipTimes(await workbookToXlsx(wb)));
    written.push(file);
  }
  const report = path.join(dir, REPORT_SAMPLE_FILE);
  await fs.writeFile(report, await reportSampleXlsx());
  written.push(report);
  // 自定义函数示例.xlsx (imported here, not at the top: that module imports normalizeZipTimes from this one).
  const { writeFunctionsSample } = await import("./make-functions-sample");
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
