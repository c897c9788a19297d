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

/** Rows to write into column A of the record sheet (marker first). */
export function encodeRecord(entries: RecordEntry[]): string[][] {
  const rows: string[][] = [[RECORD_MARKER]];
  for (const e of entries) {
    rows.push([JSON.stringify({ s: e.sheet, i: e.sheetId, a: e.address, m: e.mark, f: e.fill })]);
  }
  return rows;
}

/**
 * Entries from the record sheet's used-range values. Rows that are not ours (blank, the marker,
 * damaged by hand) are skipped: a damaged row must not block clearing the rest.
 */
export function decodeRecord(values: unknown[][]): RecordEntry[] {
  const out: RecordEntry[] = [];
  const seen = new Set<string>();
  for (const row of values) {
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
