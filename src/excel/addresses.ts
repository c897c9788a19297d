/**
 * Address arithmetic for the Excel adapter: compressing cell lists into A1 areas, chunking the address
 * strings handed to Worksheet.getRanges, and parsing the addresses Excel returns. Pure functions.
 */
import { a1, type CellRange } from "../core/grid";

/**
 * Worksheet.getRanges fails with "argument is invalid" at roughly 8,200 characters of address string
 * (office-js#5198, undocumented). We stay well below.
 */
export const MAX_GETRANGES_CHARS = 7800;

export interface Pos {
  row: number;
  col: number;
}

/** "H12" or "H12:J15". */
export function rangeAddress(r: CellRange): string {
  const first = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${a1(r.bottom, r.right)}`;
}

/**
 * Distinct cells → the fewest vertical runs per column ("H12:H15", "J3"), sorted by column then row.
 * Vertical runs suit the form: findings cluster in the score/value columns.
 */
export function compressCells(cells: Pos[]): CellRange[] {
  const byCol = new Map<number, Set<number>>();
  for (const c of cells) {
    let rows = byCol.get(c.col);
    if (!rows) byCol.set(c.col, (rows = new Set()));
    rows.add(c.row);
  }
  const out: CellRange[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...byCol.get(col)!].sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push({ top: start, left: col, bottom: prev, right: col });
      start = r;
      prev = r;
    }
  }
  return out;
}

/** Join addresses with "," into strings shorter than `max` characters each (never splits an address). */
export function chunkAddresses(addresses: string[], max = MAX_GETRANGES_CHARS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current === "") current = a;
    else if (current.length + 1 + a.length < max) current += "," + a;
    else {
      chunks.push(current);
      current = a;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** Column letters → 0-based index ("A" → 0, "AA" → 26). */
function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parse the address of a RangeAreas as Excel returns it, e.g. "Sheet1!A1:C1,Sheet1!A2:B5" or
 * "'My, Sheet'!$A$1:$C$1, 'My, Sheet'!D4". Each area is the text after a "!" and before the next ","
 * or the end; sheet names (quoted or not) are ignored, so commas inside quoted names are harmless.
 * Whole-row/whole-column areas ("A:A", "3:3") are skipped: merges never span a whole sheet dimension
 * in a form.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  const re = /!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?=\s*,|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) {
    const top = Number(m[2]) - 1;
    const left = colIndex(m[1]);
    const bottom = m[4] !== undefined ? Number(m[4]) - 1 : top;
    const right = m[3] !== undefined ? colIndex(m[3]) : left;
    out.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
  return out;
}

export function containsCell(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/** Every cell of a rectangle, row by row. */
export function cellsOf(r: CellRange): Pos[] {
  const out: Pos[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}
