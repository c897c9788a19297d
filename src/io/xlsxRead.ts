/**
 * .xlsx → grid model (src/core/grid.ts) with ExcelJS.
 *
 * Used by the command line and by the browser preview, so this module must not import Node modules
 * (fs, path, Buffer-only APIs): it takes the file's bytes and returns plain data.
 */
import * as ExcelJS from "exceljs";
import type { Cell, CellRange, CellValue, Sheet, Workbook } from "../core/grid";

/** Milliseconds per day and the Unix epoch as an Excel serial (1970-01-01 = 25569). */
const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;

/** JS Date (as ExcelJS returns it, UTC-based) → Excel serial in the 1900 date system. */
export function dateToSerial(date: Date): number {
  const serial = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  // ExcelJS converts through floating point; snap to whole seconds to drop the noise.
  return Math.round(serial * 86400) / 86400;
}

/** Excel serial (1900 date system) → JS Date at UTC, the way ExcelJS expects dates. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

type ExcelValue = ExcelJS.CellValue | undefined;

function richTextToString(rt: { richText: { text: string }[] }): string {
  let s = "";
  for (const run of rt.richText) s += run.text ?? "";
  return s;
}

/** A plain ExcelJS value (a cell value or a formula's cached result) → CellValue. */
function toCellValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return { kind: "empty" };
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", value: "#NUM!" };
    case "string":
      return v === "" ? { kind: "empty" } : { kind: "text", value: v };
    case "boolean":
      return { kind: "boolean", value: v };
    default:
      break;
  }
  if (v instanceof Date) {
    return Number.isNaN(v.getTime())
      ? { kind: "error", value: "#VALUE!" }
      : { kind: "date", serial: dateToSerial(v) };
  }
  const o = v as unknown as Record<string, unknown>;
  if (typeof o.error === "string") return { kind: "error", value: o.error };
  if (Array.isArray(o.richText)) {
    const s = richTextToString(o as unknown as { richText: { text: string }[] });
    return s === "" ? { kind: "empty" } : { kind: "text", value: s };
  }
  // Hyperlink: { text, hyperlink }; text may itself be rich text.
  if ("hyperlink" in o && "text" in o) {
    const t = o.text as ExcelValue;
    return toCellValue(t);
  }
  // A formula object: take its cached result.
  if ("formula" in o || "sharedFormula" in o) return toCellValue(o.result as ExcelValue);
  return { kind: "empty" };
}

function convertCell(c: ExcelJS.Cell): Cell | undefined {
  const type = c.type;
  if (type === ExcelJS.ValueType.Merge) return undefined; // slave of a merge: the master holds the value
  let value: CellValue;
  let formula: string | undefined;
  if (type === ExcelJS.ValueType.Formula) {
    const f = c.formula as string | undefined;
    formula = f ? (f.startsWith("=") ? f.slice(1) : f) : undefined;
    value = toCellValue(c.result as ExcelValue);
  } else {
    value = toCellValue(c.value as ExcelValue);
  }
  const numFmt = c.numFmt;
  const numberFormat =
    typeof numFmt === "string" && numFmt !== "" && numFmt !== "General" ? numFmt : undefined;
  if (value.kind === "empty" && formula === undefined && numberFormat === undefined) return undefined;
  const cell: Cell = { value };
  if (formula !== undefined) cell.formula = formula;
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  return cell;
}

/** "A1:C3" → 0-based CellRange. */
function rangeFromString(s: string): CellRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(s.trim());
  if (!m) return null;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

interface MergeLike {
  top?: number;
  left?: number;
  bottom?: number;
  right?: number;
  range?: string;
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const out: CellRange[] = [];
  // ExcelJS keeps merges in the private `_merges` map (master address → Range, 1-based). Reading it
  // avoids `worksheet.model`, which serialises the whole sheet.
  const internal = (ws as unknown as { _merges?: Record<string, MergeLike> })._merges;
  if (internal && typeof internal === "object") {
    for (const m of Object.values(internal)) {
      if (!m) continue;
      if (
        typeof m.top === "number" &&
        typeof m.left === "number" &&
        typeof m.bottom === "number" &&
        typeof m.right === "number"
      ) {
        out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      } else if (typeof m.range === "string") {
        const r = rangeFromString(m.range);
        if (r) out.push(r);
      }
    }
  } else {
    const model = (ws as unknown as { model?: { merges?: string[] } }).model;
    for (const s of model?.merges ?? []) {
      const r = rangeFromString(s);
      if (r) out.push(r);
    }
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** Convert one ExcelJS worksheet to a grid Sheet. */
export function worksheetToSheet(ws: ExcelJS.Worksheet): Sheet {
  const cells: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let rowCells: (Cell | undefined)[] | undefined;
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = convertCell(c);
      if (!cell) return;
      if (!rowCells) rowCells = cells[rowNumber - 1] = [];
      rowCells[colNumber - 1] = cell;
    });
  });
  const sheet: Sheet = { name: ws.name, cells, merges: readMerges(ws) };
  if (ws.state === "hidden" || ws.state === "veryHidden") sheet.hidden = true;
  return sheet;
}

/** Convert a loaded ExcelJS workbook (sheets in tab order). */
export function excelJsToWorkbook(wb: ExcelJS.Workbook): Workbook {
  // `worksheets` is in tab order (eachSheet follows internal ids, which can differ).
  return { sheets: wb.worksheets.map(worksheetToSheet) };
}

/**
 * Thrown by readXlsx for a zip package that opens but is not a workbook (a .docx or any other zip renamed
 * .xlsx). Its message is Chinese and complete, for the user.
 */
export class NotAWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotAWorkbookError";
  }
}

/** True when `needle` (ASCII) occurs in `bytes`. Names in a zip's directory are stored as plain bytes. */
export function bytesContain(bytes: Uint8Array, needle: string): boolean {
  const n = needle.length;
  if (n === 0) return true;
  const first = needle.charCodeAt(0);
  const last = bytes.length - n;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === needle.charCodeAt(j)) j++;
    if (j === n) return true;
  }
  return false;
}

/** Why a zip without xl/workbook.xml is not a workbook, naming what it is when the package says so. */
function notAWorkbookMessage(bytes: Uint8Array): string {
  const what = bytesContain(bytes, "word/document.xml")
    ? "这是 Word 文档（.docx）改了扩展名，"
    : bytesContain(bytes, "ppt/presentation.xml")
      ? "这是 PowerPoint 演示文稿（.pptx）改了扩展名，"
      : "压缩包里没有工作簿内容（xl/workbook.xml），";
  return `${what}不是 Excel 工作簿（.xlsx）。请打开自评表的 Excel 文件再检查。`;
}

/** Read an .xlsx file's bytes into the grid model. Throws when the bytes are not a readable .xlsx. */
export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings ask for a Node Buffer; JSZip underneath accepts ArrayBuffer and Uint8Array too.
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  const workbook = excelJsToWorkbook(wb);
  if (workbook.sheets.length === 0) {
    // ExcelJS opens any zip, a .docx included, as a workbook without sheets. A real workbook has
    // xl/workbook.xml (ExcelJS itself writes one even with no sheet: that stays a workbook, and the
    // checker reports TEMPLATE_NOT_FOUND); without it the file is not a workbook at all.
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (!bytesContain(bytes, "xl/workbook.xml")) throw new NotAWorkbookError(notAWorkbookMessage(bytes));
  }
  return workbook;
}
