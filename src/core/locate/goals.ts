/** 年度总体目标: 预期目标 / 实际完成情况 (domain.md §2.3). */
import type { FormField } from "../model";
import { type SheetIndex, firstHit } from "./scan";

export function locateGoals(ix: SheetIndex): { expected: FormField | null; actual: FormField | null } {
  const block = firstHit(ix.hits("goals.block"));
  const after = (row: number): boolean => !block || row >= block.row;
  const expected =
    firstHit(ix.hits("goals.expected"), (h) => after(h.row)) ?? firstHit(ix.hits("goals.expected"));
  const actualHits = ix.hits("goals.actual");
  const actual =
    (expected && firstHit(actualHits, (h) => h.row === expected.row && h.col > expected.col)) ??
    (expected && firstHit(actualHits, (h) => h.row > expected.row)) ??
    firstHit(actualHits, (h) => after(h.row)) ??
    firstHit(actualHits);
  // Side by side (预期目标 | 实际完成情况 on one row): the texts are below; stacked: to the right.
  const sideBySide = expected !== undefined && actual !== undefined && expected.row === actual.row;
  const prefer = sideBySide ? "below" : "right";
  return {
    expected: expected ? ix.valueOf(expected, prefer) : null,
    actual: actual ? ix.valueOf(actual, prefer) : null,
  };
}
