/* global process, require, module, console, structuredClone, TextEncoder */
/**
 * The hostile workbook corpus: files a department might send (or a tool might produce) that are odd,
 * huge, damaged or not workbooks at all. Generated, never committed (the large ones are megabytes):
 *
 *   npx tsx scripts/make-hostile-corpus.ts <folder>
 *
 * The tests (test/hostile/) call makeHostileCorpus() into a temp folder and state what each file
 * must give. Each entry keeps its grid (when it has one) so the Excel double can open the same
 * workbook. Deterministic: no dates, no randomness.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Cell, CellRange, CellValue, Sheet, Workbook } from "../src/core/grid";
import { buildStandardForm, type FormSpec } from "../src/core/template";
import { workbookToXlsx } from "../src/io/xlsxWrite";
import { sampleSpecs } from "./sample-specs";

export interface HostileEntry {
  /** File name in the corpus folder. */
  file: string;
  what: string;
  bytes: Uint8Array;
  /** The grid the file was written from (absent for damaged / non-xlsx files). */
  grid?: Workbook;
  /** Sheets protected in the file (and in the Excel double). */
  protectedSheets?: string[];
  /** 0-based rows hidden in the file: sheet name → rows. */
  hiddenRows?: Record<string, number[]>;
}

/** The correctly filled sample form (scripts/sample-specs.ts: exit status 0, no error finding). */
export function correctFormSpec(): FormSpec {
  return structuredClone(sampleSpecs().find((s) => s.expect.exitCode === 0)!.spec);
}
/** A sample form with error findings (exit status 1). */
export function faultyFormSpec(): FormSpec {
  return structuredClone(sampleSpecs().find((s) => s.expect.exitCode === 1)!.spec);
}

const text = (value: string): Cell => ({ value: { kind: "text", value } });
const num = (value: number): Cell => ({ value: { kind: "number", value } });

function sheetOf(name: string, rows: (Cell | undefined)[][], merges: CellRange[] = []): Sheet {
  return { name, cells: rows, merges };
}

/** Every cell of a sheet with its position. */
function eachCell(sheet: Sheet, fn: (cell: Cell, row: number, col: number) => void): void {
  sheet.cells.forEach((r, row) => r?.forEach((c, col) => c && fn(c, row, col)));
}

/** Positions of the number cells of a form (values typed by the department). */
function numberCells(sheet: Sheet): { row: number; col: number; value: number }[] {
  const out: { row: number; col: number; value: number }[] = [];
  eachCell(sheet, (c, row, col) => {
    if (c.value.kind === "number") out.push({ row, col, value: c.value.value });
  });
  return out;
}

function correctSheet(name = "自评表"): Sheet {
  return buildStandardForm(correctFormSpec(), { sheetName: name });
}

/** Replace the value of the n-th number cell (reading order) of a sheet. */
function setNthNumber(sheet: Sheet, n: number, value: CellValue): void {
  const cells = numberCells(sheet);
  const p = cells[n % cells.length];
  sheet.cells[p.row]![p.col] = { value };
}

// ───────────────────────────── the grids ─────────────────────────────

function manySheets(): Workbook {
  const sheets: Sheet[] = [];
  for (let i = 1; i <= 200; i++) {
    if (i === 137) sheets.push(correctSheet("自评表"));
    else
      sheets.push(
        sheetOf(`Sheet${i}`, [
          [text(`第${i}页`), num(i)],
          [undefined, text("备注")],
        ]),
      );
  }
  return { sheets };
}

function largeSheet(): Workbook {
  const rows: Cell[][] = [];
  for (let r = 0; r < 1000; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < 100; c++)
      row.push(c % 10 === 0 ? text(`项目${r}-${c}`) : num(((r * 131 + c * 17) % 9973) / 7));
    rows.push(row);
  }
  return { sheets: [sheetOf("数据", rows), correctSheet()] };
}

function mergedAcrossLabels(): Workbook {
  const sheet = correctSheet();
  // Rows 2–3: the header labels and their values in one block; the budget column headers merged in
  // pairs; a block over the first indicator rows' names and targets.
  const width = Math.max(...sheet.cells.map((r) => r?.length ?? 0));
  sheet.merges = [
    ...sheet.merges.filter((m) => m.bottom < 2 || m.top > 3),
    { top: 2, left: 0, bottom: 3, right: width - 1 },
    { top: 5, left: 3, bottom: 5, right: 4 },
    { top: 5, left: 6, bottom: 5, right: 7 },
  ];
  const header = sheet.cells.findIndex((r) =>
    r?.some((c) => c?.value.kind === "text" && c.value.value === "三级指标"),
  );
  sheet.merges.push({ top: header + 1, left: 3, bottom: header + 2, right: 5 });
  return { sheets: [sheet] };
}

function formulasEverywhere(withCache: boolean): Workbook {
  const sheet = correctSheet();
  eachCell(sheet, (c) => {
    if (c.value.kind === "number") {
      c.formula = `ROUND(${c.value.value},4)`;
      if (!withCache) c.value = { kind: "empty" };
    } else if (c.value.kind === "text" && withCache) {
      c.formula = `"${c.value.value.replace(/"/g, '""')}"`;
    }
  });
  return { sheets: [sheet] };
}

function errorValues(): Workbook {
  const sheet = correctSheet();
  ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NUM!", "#NAME?", "#NULL!"].forEach((e, i) =>
    setNthNumber(sheet, i * 3, { kind: "error", value: e }),
  );
  return { sheets: [sheet] };
}

function datesAndBooleans(): Workbook {
  const sheet = correctSheet();
  setNthNumber(sheet, 2, { kind: "date", serial: 45000 }); // 2023-03-15
  setNthNumber(sheet, 5, { kind: "boolean", value: true });
  setNthNumber(sheet, 9, { kind: "date", serial: 45291.5 });
  setNthNumber(sheet, 12, { kind: "boolean", value: false });
  return { sheets: [sheet] };
}

function hidden(): Workbook {
  return {
    sheets: [
      { ...sheetOf("隐藏", [[text("旧版数据"), num(1)]]), hidden: true },
      correctSheet(),
      { ...sheetOf("说明", [[text("填表说明")]]), hidden: true },
    ],
  };
}

function formOnHiddenSheet(): Workbook {
  return { sheets: [sheetOf("封面", [[text("2023年度绩效自评")]]), { ...correctSheet(), hidden: true }] };
}

function twice(): Workbook {
  return {
    sheets: [correctSheet("自评表（一）"), buildStandardForm(faultyFormSpec(), { sheetName: "O'Brien 表" })],
  };
}

function twiceOnOneSheet(): Workbook {
  const a = correctSheet("两张表");
  const b = buildStandardForm(faultyFormSpec(), {
    sheetName: "两张表",
    origin: { row: a.cells.length + 3, col: 0 },
  });
  const cells = [...a.cells];
  b.cells.forEach((r, i) => {
    if (r) cells[i] = r;
  });
  return { sheets: [{ name: "两张表", cells, merges: [...a.merges, ...b.merges] }] };
}

function longTexts(): Workbook {
  const spec = correctFormSpec();
  spec.goals.actual = `完成工业投资11.6亿元。${"各项工作稳步推进，".repeat(3270)}`.slice(0, 32767);
  spec.goals.expected = "完成工业投资10亿元。".repeat(1000);
  for (const ind of spec.indicators) if (typeof ind.reason === "string") ind.reason = ind.reason.repeat(200);
  spec.department = `某市科技和工业信息化局${"（".repeat(10)}`;
  return { sheets: [buildStandardForm(spec)] };
}

// ───────────────────────────── the files ─────────────────────────────

/** Grid → .xlsx, then what workbookToXlsx does not model: hidden rows, protection, very hidden. */
async function writeWith(
  grid: Workbook,
  extra: { protectedSheets?: string[]; hiddenRows?: Record<string, number[]>; veryHidden?: string[] } = {},
): Promise<Uint8Array> {
  const bytes = await workbookToXlsx(grid);
  if (!extra.protectedSheets && !extra.hiddenRows && !extra.veryHidden) return bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (const [name, rows] of Object.entries(extra.hiddenRows ?? {})) {
    const ws = wb.getWorksheet(name)!;
    for (const r of rows) ws.getRow(r + 1).hidden = true;
  }
  for (const name of extra.veryHidden ?? []) wb.getWorksheet(name)!.state = "veryHidden";
  for (const name of extra.protectedSheets ?? []) {
    await wb.getWorksheet(name)!.protect("jixiao", { formatCells: false, selectLockedCells: true });
  }
  const out = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  return new Uint8Array(out);
}

/** A real zip that is not a workbook (a Word-like package). */
async function zipNotXlsx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("word/document.xml", "<document>不是工作簿</document>");
  return zip.generateAsync({
    type: "uint8array",
    date: new Date(Date.UTC(2024, 0, 1)),
  } as JSZip.JSZipGeneratorOptions<"uint8array">);
}

export async function makeHostileCorpus(): Promise<HostileEntry[]> {
  const entries: HostileEntry[] = [];
  const add = async (
    file: string,
    what: string,
    grid: Workbook,
    extra: { protectedSheets?: string[]; hiddenRows?: Record<string, number[]>; veryHidden?: string[] } = {},
  ): Promise<void> => {
    entries.push({
      file,
      what,
      grid,
      bytes: await writeWith(grid, extra),
      protectedSheets: extra.protectedSheets,
      hiddenRows: extra.hiddenRows,
    });
  };

  // ExcelJS writes a workbook with no sheet at all when none is added (Excel would refuse to open it).
  const empty = new ExcelJS.Workbook();
  entries.push({
    file: "empty-workbook.xlsx",
    what: "a workbook without any sheet",
    grid: { sheets: [] },
    bytes: new Uint8Array((await empty.xlsx.writeBuffer()) as unknown as ArrayBuffer),
  });
  await add("blank-sheet.xlsx", "one empty sheet", { sheets: [sheetOf("Sheet1", [])] });
  await add("many-sheets.xlsx", "200 sheets, the form on the 137th", manySheets());
  await add("large-sheet.xlsx", "a sheet of 100,000 cells next to the form", largeSheet());
  await add("merged-across-labels.xlsx", "merged blocks over labels and their values", mergedAcrossLabels());
  await add(
    "formulas-everywhere.xlsx",
    "every value a formula with its cached result",
    formulasEverywhere(true),
  );
  await add(
    "formulas-no-cache.xlsx",
    "every number a formula never calculated (no cached result)",
    formulasEverywhere(false),
  );
  await add("error-values.xlsx", "#DIV/0!, #REF!, #N/A … in number cells", errorValues());
  await add("dates-booleans.xlsx", "dates and TRUE/FALSE in number cells", datesAndBooleans());
  await add("hidden.xlsx", "hidden and very hidden sheets, hidden rows inside the form", hidden(), {
    hiddenRows: { 自评表: [8, 9] },
    veryHidden: ["说明"],
  });
  await add("form-on-hidden-sheet.xlsx", "the form on a hidden sheet", formOnHiddenSheet());
  await add(
    "protected.xlsx",
    "the form on a password-protected sheet",
    { sheets: [correctSheet()] },
    {
      protectedSheets: ["自评表"],
    },
  );
  await add("twice.xlsx", "two forms on two sheets (one with a quote in its name)", twice());
  await add("twice-one-sheet.xlsx", "two forms stacked on one sheet", twiceOnOneSheet());
  await add("long-texts.xlsx", "32,767-character goals, 10,000-character texts", longTexts());

  const good = await writeWith({ sheets: [correctSheet()] });
  entries.push({
    file: "truncated.xlsx",
    what: "the first half of a valid .xlsx",
    bytes: good.slice(0, good.length >> 1),
  });
  const damaged = good.slice();
  for (let i = 600; i < damaged.length - 600; i += 97) damaged[i] ^= 0x5a;
  entries.push({
    file: "corrupt.xlsx",
    what: "a valid .xlsx with bytes overwritten in the middle",
    bytes: damaged,
  });
  entries.push({ file: "zero-bytes.xlsx", what: "an empty file", bytes: new Uint8Array(0) });
  entries.push({
    file: "text-renamed.xlsx",
    what: "a CSV text file renamed .xlsx",
    bytes: new TextEncoder().encode("部门,总分\n某局,96\n"),
  });
  entries.push({
    file: "png-renamed.xlsx",
    what: "a PNG image renamed .xlsx",
    bytes: Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]),
  });
  entries.push({
    file: "ole-renamed.xlsx",
    what: "an old .xls / encrypted workbook (OLE container) renamed .xlsx",
    bytes: Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array<number>(504).fill(0),
    ]),
  });
  entries.push({
    file: "zip-not-xlsx.xlsx",
    what: "a zip package that is not a workbook",
    bytes: await zipNotXlsx(),
  });
  return entries;
}

/** Writes the corpus into `dir` (created if needed); returns the entries. */
export async function writeHostileCorpus(dir: string): Promise<HostileEntry[]> {
  const entries = await makeHostileCorpus();
  await fs.mkdir(dir, { recursive: true });
  for (const e of entries) await fs.writeFile(path.join(dir, e.file), e.bytes);
  return entries;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("用法：npx tsx scripts/make-hostile-corpus.ts <输出文件夹>");
    process.exit(2);
  }
  writeHostileCorpus(dir).then(
    (entries) => {
      for (const e of entries)
        console.log(`${e.file.padEnd(28)} ${String(e.bytes.length).padStart(9)}  ${e.what}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
