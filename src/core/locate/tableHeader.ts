/**
 * The indicator table's column headers (domain.md §2.4, §2.11): one row (一级指标 | 二级指标 | 三级指标 | …)
 * or two to three rows under a merged group header (绩效指标 over 指标性质 / 指标值 / 度量单位 …). Also tells a
 * row that prints the headers again inside the table (pages pasted one after another, print titles).
 */
import type { LabelRole } from "../labels";
import { type Hit, type SheetIndex } from "./scan";

export type ColKey =
  "level1" | "level2" | "name" | "nature" | "unit" | "target" | "actual" | "weight" | "score" | "reason";

export const COL_ROLES: [LabelRole, ColKey][] = [
  ["ind.col.level1", "level1"],
  ["ind.col.level2", "level2"],
  ["ind.col.name", "name"],
  ["ind.col.nature", "nature"],
  ["ind.col.unit", "unit"],
  ["ind.col.target", "target"],
  ["ind.col.actual", "actual"],
  ["ind.col.weight", "weight"],
  ["ind.col.score", "score"],
  ["ind.col.reason", "reason"],
];

/** Header rows above or below the 三级指标 row that still belong to the header (group headers, sub-headers). */
const MAX_EXTRA_HEADER_ROWS = 2;

export interface TableHeader {
  /** The 三级指标 label (the table's anchor). */
  anchor: Hit;
  /** First and last sheet row of the header (merges included). */
  top: number;
  bottom: number;
  /** Column of each role found in the header rows. */
  columns: Partial<Record<ColKey, number>>;
  /** The header hit of each role. */
  heads: Map<ColKey, Hit>;
}

function keysOf(h: Hit): ColKey[] {
  return COL_ROLES.filter(([role]) => h.roles.includes(role)).map(([, k]) => k);
}

/** A row whose labels are all column headers or the 绩效指标 group heading (at least one label). */
function headerOnlyRow(ix: SheetIndex, row: number): boolean {
  const hits = ix.rowHits(row);
  return hits.length > 0 && hits.every((h) => keysOf(h).length > 0 || h.roles.includes("ind.title"));
}

/** The header row: 三级指标 together with 一级指标 or 二级指标 on one row. */
function findAnchor(ix: SheetIndex): Hit | null {
  for (const h of ix.hits("ind.col.name")) {
    const row = ix.rowHits(h.row);
    if (row.some((x) => x.roles.includes("ind.col.level1") || x.roles.includes("ind.col.level2"))) return h;
  }
  return null;
}

/**
 * The table's header: the 三级指标 row, the header-only rows right above it (a group heading) and right
 * below it (sub-headers under a merged group), up to two each. Each role's column is taken from its lowest
 * header row (the most specific heading); the first such label from the left when a row repeats it.
 */
export function locateTableHeader(ix: SheetIndex): TableHeader | null {
  const anchor = findAnchor(ix);
  if (!anchor) return null;
  let top = anchor.row;
  while (top > anchor.row - MAX_EXTRA_HEADER_ROWS && top > 0 && headerOnlyRow(ix, top - 1)) top--;
  // Column headers merged down cover the header's rows (the 绩效指标 heading merged down the whole table does not).
  const mergedDown = (row: number, from: number): number => {
    let b = from;
    for (const h of ix.rowHits(row)) if (keysOf(h).length > 0) b = Math.max(b, ix.bottomEdge(h.row, h.col));
    return b;
  };
  let bottom = mergedDown(anchor.row, anchor.row);
  while (bottom < anchor.row + MAX_EXTRA_HEADER_ROWS && headerOnlyRow(ix, bottom + 1)) {
    bottom++;
    bottom = mergedDown(bottom, bottom);
  }
  const heads = new Map<ColKey, Hit>();
  for (let r = bottom; r >= top; r--) {
    const hits = [...ix.rowHits(r)].sort((a, b) => a.col - b.col);
    for (const h of hits) for (const k of keysOf(h)) if (!heads.has(k)) heads.set(k, h);
  }
  // The anchor row's own 三级指标 / 一级指标 win (a sub-header row never names them).
  heads.set("name", anchor);
  const columns: Partial<Record<ColKey, number>> = {};
  for (const [k, h] of heads) columns[k] = h.col;
  return { anchor, top, bottom, columns, heads };
}

/**
 * A row that prints the table's column headers again: at least two labels whose role is a column of the
 * table, each in that column, and no label of another kind (so the older report's 一级指标 | 指标分值 |
 * 自评得分 summary header, or another block's labels, are not taken for it).
 */
export function isRepeatedHeader(hits: readonly Hit[], columns: Partial<Record<ColKey, number>>): boolean {
  if (hits.length < 2) return false;
  let matched = 0;
  for (const h of hits) {
    const keys = keysOf(h);
    if (keys.length === 0) {
      if (h.roles.includes("ind.title")) continue;
      return false;
    }
    if (keys.some((k) => columns[k] === h.col)) matched++;
  }
  return matched >= 2;
}
