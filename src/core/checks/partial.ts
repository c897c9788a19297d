/**
 * PARTIAL_READ: a form the plan declined (CorrectionPlan.declined: rows inside its area not understood, and
 * the weights read short of its total weight, or figures in the table's 分值/得分 columns on such a row).
 * One finding per form, on the first row not understood; and the findings that add up what was read
 * (分值合计, 一级 and 总分 sums, 等级) are withdrawn for that form — per-row findings whose inputs were read in
 * full stay.
 */
import { a1 } from "../grid";
import type { Finding, SelfEvalForm } from "../model";
import { MSG } from "../messages";
import type { CheckContext } from "./context";

/** Rows named in the message; the rest are counted. */
const MAX_ROWS_SHOWN = 3;
/** Cells quoted per row. */
const MAX_CELLS_SHOWN = 3;

export function checkPartialRead(ctx: CheckContext): void {
  const declined = ctx.plan.plan.declined;
  if (!declined || declined.rows.length === 0) return;
  const rows = declined.rows;
  const shown = rows
    .slice(0, MAX_ROWS_SHOWN)
    .map((u) => {
      const cells = u.cells
        .slice(0, MAX_CELLS_SHOWN)
        .map((c) => `${a1(c.ref.row, c.ref.col)}“${c.text}”`)
        .join("、");
      return `第 ${u.row + 1} 行（${cells}${u.cells.length > MAX_CELLS_SHOWN ? "…" : ""}）`;
    })
    .join("、");
  const more = rows.length > MAX_ROWS_SHOWN ? rows.length : 0;
  ctx.report({
    rule: "PARTIAL_READ",
    ref: rows[0].cells[0]?.ref ?? null,
    message: MSG.partialRead(shown, more, declined.weights),
  });
}

/**
 * The findings of a declined form without those computed from the partial read: WEIGHT_TOTAL,
 * GRADE_MISMATCH and every SUM_MISMATCH except on a budget row (the budget block was read on its own).
 */
export function withoutPartialArithmetic(findings: Finding[], form: SelfEvalForm): Finding[] {
  const budgetRows = new Set((form.budget?.rows ?? []).map((r) => r.labelRef.row));
  return findings.filter((f) => {
    if (f.rule === "WEIGHT_TOTAL" || f.rule === "GRADE_MISMATCH") return false;
    if (f.rule === "SUM_MISMATCH") return f.ref !== null && budgetRows.has(f.ref.row);
    return true;
  });
}
