/* global Excel */
/**
 * Helpers of the Excel adapter (src/excel) that need no request context: Excel values → the core's
 * cells, marks → the cells to paint, record entries → today's sheets, and a few proxy shortcuts.
 */
import { a1, EMPTY, type Cell, type CellRange, type CellValue, type Sheet } from "../core/grid";
import type { Severity } from "../core/model";
import { moreSevere } from "../core/marks";
import { HostError, type MarkSpec } from "../host/host";
import { cellsOf, containsCell, type Pos } from "./addresses";
import { MARK_COLORS } from "./fills";
import { RECORD_SHEET, type RecordEntry } from "./record";

export interface SheetInfo {
  name: string;
  id: string;
}

/** A cell we are about to highlight. */
export interface Target {
  sheet: string;
  row: number;
  col: number;
  address: string;
  /** Address of the marked cell it belongs to (merged-area anchor or itself). */
  mark: string;
  color: string;
}

/** One Worksheet proxy per name within a batch (hoisted out of loops, as the performance guide says). */
export function sheetGetter(worksheets: Excel.WorksheetCollection): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) cache.set(name, (ws = worksheets.getItem(name)));
    return ws;
  };
}

export function deleteRecordSheet(ws: Excel.Worksheet): void {
  ws.visibility = "Hidden"; // a very hidden sheet is made merely hidden before it goes
  ws.delete();
}

/**
 * The record sheet once nothing is marked: deleted, or — where the structure is protected and sheets
 * cannot be deleted or unhidden — emptied (an empty record sheet means no marks; it goes next time).
 */
export function removeRecordSheet(ws: Excel.Worksheet, structureProtected: boolean | null): void {
  if (structureProtected === true) ws.getRange().clear("Contents");
  else deleteRecordSheet(ws);
}

/** The rectangle of a loaded used range (rowIndex, columnIndex, rowCount, columnCount). */
export function usedRect(r: {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}): CellRange {
  return {
    top: r.rowIndex,
    left: r.columnIndex,
    bottom: r.rowIndex + r.rowCount - 1,
    right: r.columnIndex + r.columnCount - 1,
  };
}

export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

export function posOf(address: string): Pos | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Map record entries to today's sheet names: by worksheet id first (follows renames), then by name
 * (ids may change when the file is reopened). Entries of deleted sheets are dropped: nothing to restore.
 */
export function resolveEntries(entries: RecordEntry[], sheets: SheetInfo[]): RecordEntry[] {
  const byId = new Map(sheets.filter((s) => s.id !== "").map((s) => [s.id, s.name]));
  const names = new Set(sheets.map((s) => s.name));
  const out: RecordEntry[] = [];
  for (const e of entries) {
    const name =
      (e.sheetId !== "" ? byId.get(e.sheetId) : undefined) ?? (names.has(e.sheet) ? e.sheet : undefined);
    if (name === undefined || name === RECORD_SHEET) continue;
    out.push(name === e.sheet ? e : { ...e, sheet: name });
  }
  return out;
}

/** Marks → the cells to paint: one per cell, worst severity wins, merged areas painted whole. */
export function expandMarks(marks: MarkSpec[], merges: Map<string, CellRange[]>): Target[] {
  const byMark = new Map<string, { sheet: string; area: CellRange; severity: Severity }>();
  for (const m of marks) {
    if (m.ref.sheet === RECORD_SHEET) continue;
    const area = merges.get(m.ref.sheet)?.find((r) => containsCell(r, m.ref.row, m.ref.col)) ?? {
      top: m.ref.row,
      left: m.ref.col,
      bottom: m.ref.row,
      right: m.ref.col,
    };
    const key = cellKey(m.ref.sheet, a1(area.top, area.left));
    const prev = byMark.get(key);
    if (!prev || moreSevere(m.severity, prev.severity)) {
      byMark.set(key, { sheet: m.ref.sheet, area, severity: m.severity });
    }
  }
  const out: Target[] = [];
  for (const { sheet, area, severity } of byMark.values()) {
    const mark = a1(area.top, area.left);
    for (const c of cellsOf(area)) {
      out.push({
        sheet,
        row: c.row,
        col: c.col,
        address: a1(c.row, c.col),
        mark,
        color: MARK_COLORS[severity],
      });
    }
  }
  return out;
}

/** Excel valueTypes + value → the core's CellValue. */
export function toCellValue(type: string, v: unknown): CellValue {
  switch (type) {
    case "Empty":
      return EMPTY;
    case "Double":
    case "Integer":
      if (typeof v === "number") return { kind: "number", value: v };
      break;
    case "String":
      return v === "" || v === null || v === undefined ? EMPTY : { kind: "text", value: String(v) };
    case "Boolean":
      return { kind: "boolean", value: v === true };
    case "Error":
      return { kind: "error", value: String(v) };
  }
  // "Unknown", "RichValue" or a type/value mismatch: go by the JavaScript type.
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (v === "" || v === null || v === undefined) return EMPTY;
  return { kind: "text", value: String(v) };
}

export function formulaOf(f: unknown): string | undefined {
  return typeof f === "string" && f.startsWith("=") && f.length > 1 ? f.slice(1) : undefined;
}

export interface UsedRangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** Copy a loaded used range into the sheet at absolute 0-based coordinates. */
export function fillCells(sheet: Sheet, used: UsedRangeData): void {
  const values = used.values;
  if (values === null || values === undefined) {
    // Excel returns null instead of throwing past 5,000,000 cells (office-js-docs-pr #5821).
    throw new HostError("RangeTooLarge", `工作表「${sheet.name}」的已用区域过大，无法一次读取。`);
  }
  const types = used.valueTypes;
  const formulas = used.formulas;
  const formats = used.numberFormat;
  const top = used.rowIndex;
  const left = used.columnIndex;
  for (let i = 0; i < values.length; i++) {
    const rowValues = values[i];
    for (let j = 0; j < rowValues.length; j++) {
      const value = toCellValue(types[i][j], rowValues[j]);
      const formula = formulaOf(formulas[i][j]);
      const nf = formats[i][j];
      const numberFormat = typeof nf === "string" && nf !== "General" ? nf : undefined;
      if (value.kind === "empty" && formula === undefined && numberFormat === undefined) continue;
      const cell: Cell = { value };
      if (formula !== undefined) cell.formula = formula;
      if (numberFormat !== undefined) cell.numberFormat = numberFormat;
      (sheet.cells[top + i] ??= [])[left + j] = cell;
    }
  }
}
