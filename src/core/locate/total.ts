/** 总分 row, the grade cell and the older Hunan form's combined 绩效自评综合得分及评价等次 cell (domain.md §2.5). */
import type { FormField } from "../model";
import type { LocatedTable } from "./indicators";
import { type Hit, type SheetIndex, firstHit } from "./scan";

export interface TotalInfo {
  total: { weight: FormField | null; score: FormField | null };
  grade: FormField | null;
  combinedScoreGrade: FormField | null;
}

export function locateTotal(ix: SheetIndex, table: LocatedTable | null): TotalInfo {
  const afterTable = (h: Hit): boolean => !table || h.row > table.lastRow;
  const totalHit = firstHit(ix.hits("total"), afterTable) ?? firstHit(ix.hits("total"));
  let total: TotalInfo["total"] = { weight: null, score: null };

  if (totalHit && totalHit.inline !== undefined) {
    total = { weight: null, score: ix.valueOf(totalHit) };
  } else if (totalHit && table && (table.columns.weight !== undefined || table.columns.score !== undefined)) {
    const labelRight = ix.rightEdge(totalHit.row, totalHit.col);
    const labelRef = ix.ref(totalHit.row, totalHit.col);
    const at = (c: number | undefined): FormField | null =>
      c !== undefined && c > labelRight
        ? { labelRef, ref: ix.ref(totalHit.row, c), cell: ix.cell(totalHit.row, c) }
        : null;
    total = { weight: at(table.columns.weight), score: at(table.columns.score) };
  } else if (totalHit) {
    total = { weight: null, score: ix.valueOf(totalHit) };
  } else if (table && table.sumRow !== null) {
    // A 合计 row closing the indicator table.
    total = {
      weight: ix.field(table.sumRow, table.columns.weight),
      score: ix.field(table.sumRow, table.columns.score),
    };
  }

  const gradeHits = ix.hits("grade");
  const gradeHit =
    (totalHit && firstHit(gradeHits, (h) => h.row >= totalHit.row)) ??
    firstHit(gradeHits, afterTable) ??
    firstHit(gradeHits);
  // "评价等级 | 等级：优": the value cell repeats the label with the grade (domain.md §2.11). It reads as a
  // label of its own; its inline grade is the value, not the empty cell past it.
  const inlineGrade =
    gradeHit && gradeHit.inline === undefined
      ? firstHit(gradeHits, (h) => h.row === gradeHit.row && h.col > gradeHit.col && h.inline !== undefined)
      : undefined;
  const combined = firstHit(ix.hits("combined"));
  return {
    total,
    grade: inlineGrade
      ? { ...ix.valueOf(inlineGrade), labelRef: ix.ref(gradeHit!.row, gradeHit!.col) }
      : gradeHit
        ? ix.valueOf(gradeHit, "right")
        : null,
    combinedScoreGrade: combined ? ix.valueOf(combined, "right") : null,
  };
}
