/**
 * Size-aware reading (pure arithmetic; reader.ts makes the calls).
 *
 * Excel on the web rejects a sync whose response passes 5 MB, and every platform caps a read at
 * 5,000,000 cells; one sync that loaded every sheet's values, formulas, formats and fills failed as soon
 * as a large data sheet sat beside the form. So:
 * - sync 2 reads each sheet's used range ADDRESS and, speculatively, only a window from A1 whose size
 *   depends on the number of sheets, so that all windows together stay within CELL_BUDGET cells;
 *   a form (tens of rows) fits in its window, so the usual validation still reads in 2 syncs;
 * - a sheet whose used range reaches beyond its window is read in full in a further sync when it has at
 *   most CELL_BUDGET cells (several such sheets share syncs up to the budget); a larger sheet keeps only
 *   its window (its top rows) and is marked `truncated`, so no sync ever carries more than the budget.
 * Bytes per cell, measured on the double (npm run bench, "Excel 同步"): values + formulas + valueTypes +
 * numberFormat + the fill from getCellProperties ≈ 100–150 bytes for numbers and short Chinese text, so
 * 24,000 cells ≈ 3.5 MB, under the 5 MB limit. Cells of long text can pass it: if the window read is
 * refused, reader.ts retries once without fills and merges in a window a quarter the size.
 */
import type { CellRange } from "../core/grid";

/** Cells one sync may load at most (all sheets together). */
export const CELL_BUDGET = 24_000;
/** Columns of the speculative window (A:T). Forms use about 10; wider forms are re-read in full. */
export const WINDOW_COLS = 20;
/** The window is never shorter than this, however many sheets there are. */
export const MIN_WINDOW_ROWS = 40;

/** The window every sheet is read in first: rows × WINDOW_COLS from A1 (`share` of the budget). */
export function windowFor(sheetCount: number, share = 1): CellRange {
  const cells = (CELL_BUDGET * share) / Math.max(1, sheetCount);
  const rows = Math.max(MIN_WINDOW_ROWS, Math.floor(cells / WINDOW_COLS));
  return { top: 0, left: 0, bottom: rows - 1, right: WINDOW_COLS - 1 };
}

export interface UsedArea {
  name: string;
  /** null: a blank sheet. */
  used: CellRange | null;
}

export interface ReadPlan {
  /** Sheets to read in full after the window, grouped one sync per group (each ≤ CELL_BUDGET cells). */
  fullReads: string[][];
  /** Sheets too large to read: their window only. */
  truncated: string[];
}

function cellsOf(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function inside(r: CellRange, w: CellRange): boolean {
  return r.top >= w.top && r.left >= w.left && r.bottom <= w.bottom && r.right <= w.right;
}

/** Which sheets the window did not cover, and how to read them (smallest first, packed into syncs). */
export function planFullReads(areas: UsedArea[], window: CellRange, budget = CELL_BUDGET): ReadPlan {
  const beyond = areas
    .filter((a): a is { name: string; used: CellRange } => a.used !== null && !inside(a.used, window))
    .sort((a, b) => cellsOf(a.used) - cellsOf(b.used));
  const fullReads: string[][] = [];
  const truncated: string[] = [];
  let group: string[] = [];
  let groupCells = 0;
  for (const a of beyond) {
    const cells = cellsOf(a.used);
    if (cells > budget) {
      truncated.push(a.name);
      continue;
    }
    if (groupCells + cells > budget && group.length > 0) {
      fullReads.push(group);
      group = [];
      groupCells = 0;
    }
    group.push(a.name);
    groupCells += cells;
  }
  if (group.length > 0) fullReads.push(group);
  return { fullReads, truncated };
}
