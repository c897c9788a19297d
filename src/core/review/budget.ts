/**
 * The 复核底稿's budget rows: each sum of the 预算资金 block (by source, or 收入/支出 by nature), the
 * 预算执行率 and its 得分 — from the checks' analysis of the block (BudgetInfo).
 */
import type { CellRef } from "../grid";
import type { BudgetRow, UndeterminedValue } from "../model";
import { cleanFloat, round2, roundTo } from "../numbers";
import { judgeRate, readNumber, readPrintedRate } from "../read";
import type { BudgetInfo, NumberRead } from "../read";
import { sum, sumSteps } from "../arithmetic";
import { diffOf, scoreVerdict, shown, sumVerdict, type Verdict, type WorksheetRow } from "./rows";

type AmountColumn = "initialBudget" | "fullYearBudget" | "executed";
const AMOUNT_COLUMNS: { key: AmountColumn; name: string }[] = [
  { key: "initialBudget", name: "年初预算数" },
  { key: "fullYearBudget", name: "全年预算数" },
  { key: "executed", name: "全年执行数" },
];

function isBlank(r: NumberRead): boolean {
  return r.status === "empty" || r.status === "placeholder" || r.status === "absent";
}

/** One column of `whole` against the sum of `parts` (blank parts count as 0, like SUM_MISMATCH). */
function budgetSumRow(
  whole: BudgetRow,
  parts: BudgetRow[],
  col: AmountColumn,
  colName: string,
): WorksheetRow | null {
  const w = readNumber(whole[col]);
  const reads = parts.map((p) => readNumber(p[col]));
  // A column the form does not fill at all (e.g. no 年初预算数 in the by-nature block) has nothing to verify.
  if (isBlank(w) && reads.every(isBlank)) return null;
  const item = `${whole.label.trim()}·${colName}`;
  const names = parts.map((p) => p.label.trim().replace(/^其中[:：]/, "")).join(" + ");
  const unreadable = reads.some((r) => r.value === null && !isBlank(r));
  // Every part blank: nothing to add up (SUM_MISMATCH says nothing either).
  const noParts = reads.every(isBlank);
  const values = reads.map((r) => r.value ?? 0);
  const computed = unreadable || noParts ? null : sum(values);
  const why = noParts ? "各组成项均未填写" : "有不是数字的项";
  return {
    item,
    source: computed === null ? `${names}（${why}）` : `${names}：${sumSteps(computed, values)}`,
    computed,
    reported: shown(w),
    difference: diffOf(w.value, computed),
    verdict: sumVerdict(w.value, computed),
    ref: w.ref,
  };
}

export function budgetRows(b: BudgetInfo, undetermined: readonly UndeterminedValue[] = []): WorksheetRow[] {
  // A rate or score the plan leaves undetermined (a doubted input): no computed value, the reason instead.
  const doubted = (ref: CellRef | null): UndeterminedValue | undefined =>
    ref
      ? undetermined.find(
          (u) => u.ref && u.ref.sheet === ref.sheet && u.ref.row === ref.row && u.ref.col === ref.col,
        )
      : undefined;
  const out: WorksheetRow[] = [];
  const rows = b.block.rows;
  const of = (kind: BudgetRow["kind"]): BudgetRow[] => rows.filter((r) => r.kind === kind);
  const push = (r: WorksheetRow | null): void => {
    if (r) out.push(r);
  };
  if (b.total) {
    if (b.block.variant === "by-source") {
      const parts = rows.filter((r) => r.kind === "current" || r.kind === "carryover" || r.kind === "other");
      if (parts.length > 0) for (const c of AMOUNT_COLUMNS) push(budgetSumRow(b.total, parts, c.key, c.name));
    } else {
      const incomeGroup = of("income-group")[0];
      const spendingGroup = of("spending-group")[0];
      for (const c of AMOUNT_COLUMNS) {
        if (incomeGroup && of("income-item").length > 0)
          push(budgetSumRow(incomeGroup, of("income-item"), c.key, c.name));
        if (spendingGroup && of("spending-item").length > 0)
          push(budgetSumRow(spendingGroup, of("spending-item"), c.key, c.name));
        const parts =
          spendingGroup && readNumber(spendingGroup[c.key]).value !== null
            ? [spendingGroup]
            : of("spending-item");
        if (parts.length > 0) push(budgetSumRow(b.total, parts, c.key, c.name));
      }
    }
  }
  if (b.total) {
    // 预算执行率, in percentage points.
    const computed = b.rate !== null ? round2(b.rate * 100) : null;
    const printed =
      b.rate !== null ? readPrintedRate(b.rateCell, b.rate, b.total.rate?.cell.numberFormat) : null;
    let verdict: Verdict = "无法核对";
    if (printed && b.rate !== null) {
      const v = judgeRate(printed, b.rate);
      verdict = v === "ok" ? "一致" : v === "rounding" ? "尾差" : "不符";
    }
    const rateDoubt = doubted(b.rateCell.ref);
    if (rateDoubt) {
      out.push({
        item: "预算执行率（%）",
        source: rateDoubt.reason,
        computed: null,
        reported: printed ? cleanFloat(roundTo(printed.percent, 4)) : shown(b.rateCell),
        difference: null,
        verdict: "无法核对",
        ref: b.rateCell.ref,
      });
    } else if (b.total.rate || computed !== null) {
      const reported = printed ? cleanFloat(roundTo(printed.percent, 4)) : shown(b.rateCell);
      out.push({
        item: "预算执行率（%）",
        source:
          b.rate !== null
            ? `全年执行数 ${b.executed.text} ÷ 全年预算数 ${b.budget.text} × 100`
            : "全年执行数 ÷ 全年预算数（其中一项缺失或不是数字）",
        computed,
        reported,
        difference: typeof reported === "number" ? diffOf(reported, computed) : null,
        verdict: b.total.rate ? verdict : "无法核对",
        ref: b.rateCell.ref,
      });
    }
    const scoreDoubt = doubted(b.score.ref);
    const rule = scoreDoubt ? null : b.rule;
    out.push({
      item: "预算执行率得分",
      source: scoreDoubt ? scoreDoubt.reason : rule ? rule.steps : "执行率或分值无法读取",
      computed: rule?.value ?? null,
      reported: shown(b.score),
      difference: diffOf(b.score.value, rule?.value ?? null),
      verdict: scoreVerdict(b.score.value, rule?.value ?? null),
      ref: b.score.ref,
    });
  }
  return out;
}
