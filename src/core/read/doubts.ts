/**
 * Figures the checker itself doubts, read once for the plan and the checks: an input of the 执行率 (and so
 * of 执行率得分 and the total) that a plausibility finding flags. A value computed from such an input is not
 * proposed: the plan marks it undetermined ("无法确定：请先核对 …"), naming the doubted cell.
 * - INCOME_AS_SPENDING: 全年执行数 equals the income total while the spending total differs (seed 000);
 * - MAGNITUDE: a 全年预算数 or 全年执行数 whose size shows 元 in a 万元 table, or a 全年预算数 below its own
 *   基本支出 (seed 000: 459.61 < 679.77);
 * - EXEC_OVER_100 on a rate no budget adjustment explains (above EXEC_IMPLAUSIBLE, e.g. 990.31%);
 * - a 全年预算数 or 全年执行数 typed as text that is not a number (UNPARSED_VALUE).
 */
import { normalizeLabel } from "../labels";
import type { CellRef } from "../grid";
import type { RuleId } from "../model";
import { sum, sumDifference, sumSteps } from "../arithmetic";
import type { BudgetInfo, FormAnalysis } from "./analysis";
import { readNumber } from "./fields";
import type { NumberRead } from "./fields";

/** 万元 amounts from this size up (10 亿元) look like 元 typed into a 万元 table. */
export const YUAN_IN_WANYUAN_THRESHOLD = 100000;

/**
 * An 执行率 above this is not a budget left unadjusted for late changes (a few percent over): one of its
 * two figures is wrong, and the true rate — and so the points — may be anything.
 */
export const EXEC_IMPLAUSIBLE = 1.5;

/** The doubted cell and the rule whose finding doubts it. */
export interface Doubt {
  ref: CellRef;
  rule: RuleId;
  /** Chinese name of the doubted figure: "全年执行数". */
  what: string;
}

/** The income total of a by-nature budget block: the 按收入性质分 group row, else its items. */
export function incomeTotal(b: BudgetInfo): number | null {
  const rows = b.block.rows;
  const group = rows.find((r) => r.kind === "income-group");
  const g = group ? readNumber(group.executed).value : null;
  if (g !== null) return g;
  const items = rows.filter((r) => r.kind === "income-item").map((r) => readNumber(r.executed).value);
  const nums = items.filter((v): v is number => v !== null);
  return nums.length > 0 ? sum(nums) : null;
}

/** The spending total of a by-nature budget block: the 按支出性质分 group row, else its items. */
export function spendingTotal(b: BudgetInfo): { value: number; steps: string } | null {
  const rows = b.block.rows;
  const items = rows.filter((r) => r.kind === "spending-item").map((r) => readNumber(r.executed).value);
  const nums = items.filter((v): v is number => v !== null);
  const group = rows.find((r) => r.kind === "spending-group");
  const g = group ? readNumber(group.executed).value : null;
  if (g !== null)
    return { value: g, steps: nums.length > 0 ? sumSteps(sum(nums), nums) : `按支出性质分 ${g}` };
  if (nums.length === 0) return null;
  const s = sum(nums);
  return { value: s, steps: sumSteps(s, nums) };
}

/** 全年执行数 is the income total while the spending total is another figure (INCOME_AS_SPENDING). */
export function incomeAsSpending(b: BudgetInfo): boolean {
  if (b.block.variant !== "by-nature" || b.executed.value === null) return false;
  const income = incomeTotal(b);
  const spending = spendingTotal(b);
  if (income === null || spending === null) return false;
  return (
    sumDifference(b.executed.value, income) === "none" && sumDifference(spending.value, income) === "real"
  );
}

/** The 基本支出 figure a 全年预算数 below it is implausible against (MAGNITUDE), else null. */
export function basicSpendingAbove(b: BudgetInfo): number | null {
  if (!b.total || b.budget.value === null) return null;
  const basic = b.block.rows.find(
    (r) => r.kind === "spending-item" && /基本支出/.test(normalizeLabel(r.label)),
  );
  if (!basic) return null;
  const v = readNumber(basic.fullYearBudget).value ?? readNumber(basic.executed).value;
  return v !== null && v > 0 && b.budget.value < v - 0.005 ? v : null;
}

function unparsed(read: NumberRead): boolean {
  return read.status === "text" || read.status === "error";
}

/**
 * The doubted inputs of the 年度资金总额 row's 执行率 (全年执行数 first), one per cell; [] when both are
 * trusted. Only a 万元 (or unit-less) block is judged for 元 amounts, as MAGNITUDE does.
 */
export function executionDoubts(a: FormAnalysis): Doubt[] {
  const b = a.budget;
  if (!b?.total) return [];
  const executed = { ref: b.executed.ref, what: "全年执行数" };
  const budget = { ref: b.budget.ref, what: "全年预算数" };
  const wanyuan = b.block.unit === null || b.block.unit === "万元";
  const big = (r: NumberRead): boolean =>
    wanyuan && r.value !== null && !r.isPercent && Math.abs(r.value) >= YUAN_IN_WANYUAN_THRESHOLD;
  const found: { ref: CellRef | null; what: string; rule: RuleId }[] = [];
  if (incomeAsSpending(b)) found.push({ ...executed, rule: "INCOME_AS_SPENDING" });
  if (unparsed(b.executed)) found.push({ ...executed, rule: "UNPARSED_VALUE" });
  if (big(b.executed)) found.push({ ...executed, rule: "MAGNITUDE" });
  if (unparsed(b.budget)) found.push({ ...budget, rule: "UNPARSED_VALUE" });
  if (big(b.budget) || basicSpendingAbove(b) !== null) found.push({ ...budget, rule: "MAGNITUDE" });
  // A rate no adjustment explains, with neither figure flagged on its own: the rate cell is named.
  if (found.length === 0 && b.rate !== null && b.rate > EXEC_IMPLAUSIBLE)
    found.push({ ref: b.rateCell.ref ?? b.executed.ref, what: "执行率", rule: "EXEC_OVER_100" });
  const out: Doubt[] = [];
  for (const d of found)
    if (
      d.ref &&
      !out.some((o) => o.ref.sheet === d.ref!.sheet && o.ref.row === d.ref!.row && o.ref.col === d.ref!.col)
    )
      out.push({ ref: d.ref, rule: d.rule, what: d.what });
  return out;
}
