/**
 * Grid model: what every host (ExcelJS file, Excel JS API, browser preview, generated tests) hands
 * to the core. Pure data, no Office/DOM/file types. Coordinates are 0-based (row 0 = Excel row 1).
 */

export type CellValue =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  /** Excel error values such as "#DIV/0!", "#REF!", "#N/A". */
  | { kind: "error"; value: string }
  /** A date cell; `serial` is the Excel date serial (days since 1899-12-30). */
  | { kind: "date"; serial: number };

export interface Cell {
  value: CellValue;
  /** Formula without the leading "=" when the cell holds one; the value is then its cached result. */
  formula?: string;
  /** Excel number format, e.g. "0.00%", "General". */
  numberFormat?: string;
}

/** Inclusive rectangle, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Sparse rows: cells[row]?.[col]; missing entries are empty cells. */
  cells: (Cell | undefined)[][];
  merges: CellRange[];
  hidden?: boolean;
  /**
   * Set by a host that read only the top of a very large sheet (Excel adapter, size-aware reading):
   * `rowsRead` rows from row 1 of the `rows` rows its used range ends at. Absent = read in full.
   */
  truncated?: { rowsRead: number; rows: number };
}

export interface Workbook {
  sheets: Sheet[];
}

/** A cell position inside a workbook. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export const EMPTY: CellValue = { kind: "empty" };
const EMPTY_CELL: Cell = { value: EMPTY };

export function getCell(sheet: Sheet, row: number, col: number): Cell {
  return sheet.cells[row]?.[col] ?? EMPTY_CELL;
}

/** Number of rows/columns actually present (for bounds when scanning). */
export function sheetSize(sheet: Sheet): { rows: number; cols: number } {
  let cols = 0;
  for (const r of sheet.cells) if (r && r.length > cols) cols = r.length;
  return { rows: sheet.cells.length, cols };
}

/** 0-based column index → "A", "B", …, "AA". */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "H12" for row 11, col 7. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Parse "H12" → {row: 11, col: 7}; null if not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Sheet names with spaces or punctuation are quoted the way Excel does: 'My Sheet'!A1. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "自评表!H12" */
export function refToString(ref: CellRef): string {
  return `${quoteSheetName(ref.sheet)}!${a1(ref.row, ref.col)}`;
}

/** Text of a cell as a user sees it (numbers without formatting). */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case "empty":
      return "";
    case "text":
      return value.value;
    case "number":
      return String(value.value);
    case "boolean":
      return value.value ? "TRUE" : "FALSE";
    case "error":
      return value.value;
    case "date":
      return String(value.serial);
  }
}

/** True when the number format displays the value as a percentage. */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  // Ignore quoted literals and escaped characters: "0\%" or "0"%"" are not percent formats.
  const stripped = numberFormat.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return stripped.includes("%");
}
