/**
 * Correction plans built by hand for the pane tests (the core's CorrectionPlan interface), from the
 * fixture's numbers in fixtures.ts, read from the workbook as it is now so that a re-check after a
 * write sees the new state:
 *   H16 (规模工业增加值增速 ≥8% / 7.6%) should be 10 × 7.6 / 8 = 9.5;
 *   H7 (执行率 95 ÷ 100) should be 0.95 (95%);
 *   total = 9.5 + (10 + 10 + 9.5 + 10 + 10) + 30 + 10 = 99 → 优 (≥ 90);
 *   keeping the typed items: 执行率得分 + the nine 三级 scores as typed (9.5 + 8 × 10 + H16) → 优 when ≥ 90.
 */
import { defaultDeps } from "../../src/ui/deps";
import type { Cell, CellRef, Workbook } from "../../src/core/grid";
import type { CorrectionPlan, FormResult, PlannedChange } from "../../src/core/model";
import { H16, H23, G24, H7 } from "./fixtures";

function cell(wb: Workbook, ref: CellRef): Cell | undefined {
  return wb.sheets.find((s) => s.name === ref.sheet)?.cells[ref.row]?.[ref.col];
}

function num(wb: Workbook, ref: CellRef): number | null {
  const v = cell(wb, ref)?.value;
  return v?.kind === "number" ? v.value : null;
}

function typed(wb: Workbook, ref: CellRef): number | string | null {
  const v = cell(wb, ref)?.value;
  return v?.kind === "number" || v?.kind === "text" ? v.value : null;
}

export function fixturePlan(wb: Workbook): CorrectionPlan {
  const changes: PlannedChange[] = [];
  const h7 = num(wb, H7);
  if (h7 !== null && Math.abs(h7 - 0.95) > 1e-9)
    changes.push({ ref: H7, typed: h7, value: 0.95, item: "“年度资金总额”执行率", rule: "RATE_MISMATCH" });
  const h16 = num(wb, H16) ?? 0;
  if (h16 !== 9.5)
    changes.push({
      ref: H16,
      typed: h16,
      value: 9.5,
      item: "“规模工业增加值增速”得分",
      rule: "SCORE_MISMATCH",
    });
  if (num(wb, H23) !== 99)
    changes.push({ ref: H23, typed: typed(wb, H23), value: 99, item: "总分", rule: "SUM_MISMATCH" });
  if (typed(wb, G24) !== "优")
    changes.push({ ref: G24, typed: typed(wb, G24), value: "优", item: "等级", rule: "GRADE_MISMATCH" });
  const keeping = 9.5 + 8 * 10 + h16;
  return {
    changes,
    total: 99,
    grade: "优",
    totalKeepingItems: keeping,
    gradeKeepingItems: keeping >= 90 ? "优" : keeping >= 80 ? "良" : "较差",
  };
}

/** The core's check with the hand-built plan on the form of 自评表. */
export function checkWithFixturePlan(wb: Workbook, profileId: string): FormResult[] {
  return defaultDeps
    .check(wb, profileId)
    .map((r) => (r.sheet === "自评表" && r.form ? { ...r, plan: fixturePlan(wb) } : r));
}
