/**
 * What the task pane needs from the workbook it runs on. Two implementations:
 * src/excel/ (Excel JS API, inside Office) and src/preview/ (ExcelJS in the browser, no Excel).
 * The pane talks only to this interface; the core never sees it.
 */
import type { CellRef, CellValue, Workbook } from "../core/grid";
import type { Severity } from "../core/model";

/** A cell to highlight, with the severity of its worst finding. */
export interface MarkSpec {
  ref: CellRef;
  severity: Severity;
  /** Short note shown on the cell when the host supports notes (optional). */
  note?: string;
}

export interface CellWrite {
  ref: CellRef;
  /** The value to enter; "" empties the cell. */
  value: number | string;
  /**
   * Formula without "=" to put back (undo of a write over a formula); then `value` is its last result,
   * which a host that does not calculate (the preview) keeps as the cell's value.
   */
  formula?: string;
}

export interface CellSnapshot {
  ref: CellRef;
  value: CellValue;
  /** Formula without "=", when the cell holds one. */
  formula?: string;
}

/** 转换为普通公式 and its undo: a cell gets a formula (without "=") or a plain value instead of its formula. */
export type FormulaWrite =
  { ref: CellRef; formula: string } | { ref: CellRef; value: number | string | boolean };

/** Errors from the host carry a code shown in the pane's MessageBar (Excel's own code when it gave one). */
/** The default name of the sheet addReportSheet adds (every host: Excel, preview). */
export const REPORT_SHEET = "校验报告";

export class HostError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface WorkbookHost {
  readonly kind: "excel" | "preview";
  /** Everything the core needs, in one round trip. */
  readWorkbook(): Promise<Workbook>;
  /** Replace all of our marks by these, in one round trip; validating twice never doubles them. */
  applyMarks(marks: MarkSpec[]): Promise<void>;
  /** Restore every marked cell exactly as it was before we marked it (survives save/reopen). */
  clearMarks(): Promise<void>;
  /** Number of cells currently carrying our marks (0 after clearMarks). */
  markedCount(): Promise<number>;
  selectCell(ref: CellRef): Promise<void>;
  /** Current content of cells we are about to write, so the pane can ask before overwriting. */
  inspectCells(refs: CellRef[]): Promise<CellSnapshot[]>;
  /** Write values; throws HostError("SheetProtected", …) and writes nothing when a sheet is protected. */
  writeCells(writes: CellWrite[]): Promise<void>;
  /**
   * Replace cells' formulas (转换为普通公式, and its undo with the old formulas), in one round trip
   * after the protection check; throws HostError("SheetProtected", …) and writes nothing when a
   * target is locked on a protected sheet.
   */
  writeFormulas(writes: FormulaWrite[]): Promise<void>;
  /**
   * Add a sheet with these rows (the findings, first row = header; or the 复核底稿) named `name` (default
   * 校验报告), numbered when taken; returns its name.
   */
  addReportSheet(rows: (string | number)[][], name?: string): Promise<string>;
  loadSetting(key: string): Promise<string | null>;
  saveSetting(key: string, value: string): Promise<void>;
}
