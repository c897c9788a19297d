/**
 * The restore record: the original fill of every cell we highlighted, kept INSIDE the workbook so that
 * 清除标记 restores it exactly after save/close/reopen, on another machine, or in another Excel.
 *
 * Where: a worksheet "_jixiao_marks" with visibility VeryHidden (not listed under 取消隐藏, not visible to
 * formulas' users, saved in .xlsx like any sheet). Chosen over a custom XML part because it is plain
 * cells (readable and writable in the same batch as the marks, ExcelApi 1.1/1.2 only, no XML escaping),
 * survives every file round trip Excel does, and is deleted again by clearMarks.
 *
 * Layout: A1 holds a marker line; every further row holds one JSON object in column A:
 *   {"s":"自评表","i":"{sheet id}","a":"H12","m":"H12","f":{"none":true}}
 *   s = sheet name, i = worksheet id at marking time (ids follow renames within a session; names are the
 *   fallback after reopen), a = the cell, m = the marked cell it belongs to (the anchor of a merged area,
 *   or the cell itself), f = its original fill (fills.ts).
 * Column A is text-formatted ("@") before writing so that Excel never turns an entry into a number or
 * formula. One JSON per row keeps sheet names with commas, quotes or digits intact.
 *
 * Column B of each entry row holds a formula referring to the cell itself, =ROW('自评表'!H12). Excel
 * rewrites it when rows or columns are inserted or deleted, when the cell is cut and pasted elsewhere,
 * and when the sheet is renamed, so the formula's text (read as `formulas`, no calculation needed) says
 * where the marked cell is NOW; a deleted cell or sheet turns it into #REF! and the entry is skipped
 * (nothing left to restore). Sorting moves values and formats without rewriting references: the README
 * says to clear marks before sorting. Records without column B (older versions) use the A1 address.
 *
 * Where no sheet can be added (workbook structure protected), the same rows are kept in the document
 * settings (RECORD_SETTING) instead; those cannot follow the cells (plain A1 addresses).
 */
import { isFillRecord, type FillRecord } from "./fills";

export const RECORD_SHEET = "_jixiao_marks";
export const RECORD_MARKER = "jixiao-marks v1（绩效自评助手的标记记录，清除标记时自动删除，请勿修改）";

export interface RecordEntry {
  /** Sheet name at marking time. */
  sheet: string;
  /** Worksheet id at marking time ("" when unknown). */
  sheetId: string;
  /** Cell address, "H12". */
  address: string;
  /** The marked cell this entry belongs to ("H12", or the anchor of a merged area). */
  mark: string;
  fill: FillRecord;
}

/** Document-settings key of the record when the structure is protected (same rows as column A). */
export const RECORD_SETTING = "jixiao.marksRecord";

/** The formula of column B: the cell's row, through a reference Excel keeps pointing at the cell. */
export function recordFormula(sheet: string, address: string): string {
  return `=ROW('${sheet.replace(/'/g, "''")}'!${address})`;
}

/**
 * Where a column-B formula points now: { sheet, address }, "gone" when Excel turned the reference into
 * #REF! (the cell or its sheet was deleted), or null when the text is not one of our formulas.
 */
export function parseRecordFormula(formula: unknown): { sheet: string; address: string } | "gone" | null {
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  if (formula.includes("#REF!")) return "gone";
  const m = /^=ROW\((?:'((?:[^']|'')+)'|([^'!()]+))!\$?([A-Za-z]{1,3})\$?(\d+)\)$/.exec(formula.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: `${m[3].toUpperCase()}${m[4]}` };
}

/** Column B for encodeRecord's rows: nothing beside the marker, then one formula per entry. */
export function encodeRecordFormulas(entries: RecordEntry[]): string[][] {
  return [[""], ...entries.map((e) => [recordFormula(e.sheet, e.address)])];
}

/** Rows to write into column A of the record sheet (marker first). */
export function encodeRecord(entries: RecordEntry[]): string[][] {
  const rows: string[][] = [[RECORD_MARKER]];
  for (const e of entries) {
    rows.push([JSON.stringify({ s: e.sheet, i: e.sheetId, a: e.address, m: e.mark, f: e.fill })]);
  }
  return rows;
}

/**
 * Entries from the record sheet's used-range values (and formulas, for column B). Rows that are not
 * ours (blank, the marker, damaged by hand) are skipped: a damaged row must not block clearing the rest.
 * An entry whose column-B reference is #REF! is skipped (its cell is gone); one whose reference moved
 * takes the sheet and address the reference shows now.
 */
export function decodeRecord(values: unknown[][], formulas?: unknown[][]): RecordEntry[] {
  const out: RecordEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    const text = row[0];
    if (typeof text !== "string" || !text.startsWith("{")) continue;
    let o: unknown;
    try {
      o = JSON.parse(text);
    } catch {
      continue; // a damaged row: skip it, keep the rest restorable
    }
    if (typeof o !== "object" || o === null) continue;
    const r = o as Record<string, unknown>;
    if (typeof r.s !== "string" || typeof r.a !== "string" || !isFillRecord(r.f)) continue;
    const entry: RecordEntry = {
      sheet: r.s,
      sheetId: typeof r.i === "string" ? r.i : "",
      address: r.a,
      mark: typeof r.m === "string" ? r.m : r.a,
      fill: r.f,
    };
    const followed = parseRecordFormula(formulas?.[i]?.[1]);
    if (followed === "gone") continue;
    if (followed) {
      // The reference names today's sheet: the id (and the old name) no longer matter.
      entry.sheet = followed.sheet;
      entry.sheetId = "";
      entry.address = followed.address;
    }
    const key = `${entry.sheet}\u0000${entry.address}`;
    if (seen.has(key)) continue; // first record of a cell wins: it holds the original fill
    seen.add(key);
    out.push(entry);
  }
  return out;
}

/** Number of marked cells (merged areas count once). */
export function countMarks(entries: RecordEntry[]): number {
  return new Set(entries.map((e) => `${e.sheet}\u0000${e.mark}`)).size;
}
