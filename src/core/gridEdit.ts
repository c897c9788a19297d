/**
 * Row and column insertions on a grid, as Excel does them: cells below (right of) the insertion move, and
 * merges move or grow with them. Used by the builders of other layouts (a second header row) and by the
 * layout tests (a repeated header, blank rows, an inserted column). Pure: returns a new sheet.
 */
import type { Cell, Sheet } from "./grid";

/** Inserts `rows` (cells from column 0) before sheet row `at`; a merge spanning `at` grows over them. */
export function insertRows(sheet: Sheet, at: number, rows: (Cell | undefined)[][]): Sheet {
  const n = rows.length;
  const cells = sheet.cells.map((r) => (r ? [...r] : r));
  while (cells.length < at) cells.push([]);
  cells.splice(at, 0, ...rows.map((r) => [...r]));
  const merges = sheet.merges.map((m) => {
    if (m.top >= at) return { ...m, top: m.top + n, bottom: m.bottom + n };
    if (m.bottom >= at) return { ...m, bottom: m.bottom + n };
    return { ...m };
  });
  return { ...sheet, cells, merges };
}

/** Inserts an empty column before sheet column `at`; a merge spanning `at` grows over it. */
export function insertColumn(sheet: Sheet, at: number): Sheet {
  const cells = sheet.cells.map((r) => {
    if (!r) return r;
    const out = [...r];
    if (out.length > at) out.splice(at, 0, undefined);
    return out;
  });
  const merges = sheet.merges.map((m) => {
    if (m.left >= at) return { ...m, left: m.left + 1, right: m.right + 1 };
    if (m.right >= at) return { ...m, right: m.right + 1 };
    return { ...m };
  });
  return { ...sheet, cells, merges };
}

/** A copy of row `row` (its cells only; merges are not copied). */
export function copyRow(sheet: Sheet, row: number): (Cell | undefined)[] {
  const r = sheet.cells[row];
  return r ? r.map((c) => (c ? { ...c, value: { ...c.value } } : undefined)) : [];
}
