/**
 * Plausibility: EXEC_OVER_100, INCOME_AS_SPENDING, MAGNITUDE, PERCENT_OVER_100, OVER_ACHIEVEMENT,
 * FORECAST_VALUE (domain.md §6 "plausibility").
 */
import { displayQuantity, displayValue } from "../display";
import type { CellRef } from "../grid";
import { isPlaceholderText } from "../labels";
import { MSG } from "../messages";
import type { BudgetRow, FormField } from "../model";
import { formatNumber, formatPercent } from "../numbers";
import type { ParsedValue } from "../parse";
import { findRateIndicator } from "../rates";
import { executionRate, ratePercent } from "../scoring";
import {
  basicSpendingAbove,
  fieldText,
  incomeAsSpending,
  incomeTotal,
  readNumber,
  rowLabel,
  spendingTotal,
  YUAN_IN_WANYUAN_THRESHOLD,
} from "../read";
import type { IndicatorInfo, NumberRead } from "../read";
import type { CheckContext } from "./context";
import { sumDifference } from "../arithmetic";

export { YUAN_IN_WANYUAN_THRESHOLD };

/** One budget row whose 执行率 is over 100%. */
interface Overrun {
  row: BudgetRow;
  isTotal: boolean;
  budget: number;
  executed: number;
  rate: number;
  ref: CellRef;
  rateCell: NumberRead;
}

/** Same figures within the sums' tolerance (a sub-row that is the whole of its total). */
const sameAmount = (a: number, b: number): boolean => sumDifference(a, b) === "none";

/**
 * 执行率 over 100% on the 年度资金总额 row and on each sub-row that prints its own 执行率 (其中：当年财政拨款 …),
 * one finding per overrun, on the row that carries it: a sub-row with the total's own figures (the total's
 * only source) is the total's overrun, reported once on the total; overrunning sub-rows with figures of
 * their own are reported each, and the total then only when they do not account for its excess.
 * Returns the rates reported, so an indicator row restating one (预算执行率 105%) is not a second finding.
 */
function checkExecOver100(ctx: CheckContext): number[] {
  const b = ctx.analysis.budget;
  if (!b) return [];
  const over: Overrun[] = [];
  for (const row of b.block.rows) {
    const isTotal = row === b.total;
    if (!isTotal && !row.rate?.ref) continue; // a sub-row without a printed rate: nothing shown to judge
    const budget = isTotal ? b.budget : readNumber(row.fullYearBudget);
    const executed = isTotal ? b.executed : readNumber(row.executed);
    const rateCell = isTotal ? b.rateCell : readNumber(row.rate);
    if (executed.value === null || budget.value === null) continue;
    const rate = isTotal ? b.rate : executionRate(executed.value, budget.value);
    if (rate === null || !(rate > 1 + 1e-9)) continue;
    const ref = rateCell.ref ?? executed.ref;
    if (!ref) continue;
    over.push({ row, isTotal, budget: budget.value, executed: executed.value, rate, ref, rateCell });
  }
  const total = over.find((o) => o.isTotal) ?? null;
  const own = over.filter(
    (o) =>
      !o.isTotal && !(total && sameAmount(o.budget, total.budget) && sameAmount(o.executed, total.executed)),
  );
  const ownExcess = own.reduce((acc, o) => acc + (o.executed - o.budget), 0);
  const totalCarried = total !== null && own.length > 0 && ownExcess >= total.executed - total.budget - 0.005;
  const unit = b.block.unit ?? "万元";
  const amount = (v: number): string => displayValue(v, { unit });
  const reported: number[] = [];
  for (const o of over) {
    if (o.isTotal ? totalCarried : !own.includes(o)) continue;
    reported.push(o.rate);
    const steps = `${ratePercent(o.rate)} = ${amount(o.executed)} ÷ ${amount(o.budget)}`;
    ctx.report({
      rule: "EXEC_OVER_100",
      ref: o.ref,
      message: MSG.execOver100(
        ratePercent(o.rate),
        amount(o.executed),
        amount(o.budget),
        o.isTotal ? null : o.row.label.trim(),
        !o.isTotal && totalCarried && total ? ratePercent(total.rate) : null,
      ),
      typed: o.rateCell.status === "number" ? o.rateCell.text : formatPercent(o.rate, 2),
      expected: formatPercent(o.rate, 2),
      steps,
    });
  }
  return reported;
}

function checkIncomeAsSpending(ctx: CheckContext): void {
  const b = ctx.analysis.budget;
  // The same test as the plan's doubt (read/doubts.ts): a figure reported here is never built on.
  if (!b || b.executed.value === null || !b.executed.ref || !incomeAsSpending(b)) return;
  const income = incomeTotal(b)!;
  const spending = spendingTotal(b)!;
  ctx.report({
    rule: "INCOME_AS_SPENDING",
    ref: b.executed.ref,
    message: MSG.incomeAsSpending(
      b.executed.value,
      income,
      spending.value,
      spending.steps,
      b.block.unit ?? "万元",
    ),
    typed: b.executed.value,
    expected: spending.value,
    steps: spending.steps,
    fix: { ref: b.executed.ref, value: spending.value },
  });
}

const AMOUNT_COLUMNS = [
  { key: "initialBudget", name: "年初预算数" },
  { key: "fullYearBudget", name: "全年预算数" },
  { key: "executed", name: "全年执行数" },
] as const;

function checkMagnitude(ctx: CheckContext): void {
  const b = ctx.analysis.budget;
  if (b && (b.block.unit === null || b.block.unit === "万元")) {
    for (const row of b.block.rows) {
      for (const c of AMOUNT_COLUMNS) {
        const r = readNumber(row[c.key]);
        if (r.value === null || !r.ref || r.isPercent) continue;
        if (Math.abs(r.value) < YUAN_IN_WANYUAN_THRESHOLD) continue;
        ctx.report({
          rule: "MAGNITUDE",
          ref: r.ref,
          message: MSG.magnitudeYuan(`“${row.label.trim()}”的${c.name}`, r.value),
          typed: r.value,
          expected: r.value / 10000,
          steps: `${formatNumber(r.value / 10000, 4)} = ${formatNumber(r.value)} ÷ 10000`,
        });
      }
    }
  }
  // A full-year budget smaller than its own 基本支出 (seed 000: 459.61 < 679.77).
  const v = b ? basicSpendingAbove(b) : null;
  if (b && v !== null && b.budget.value !== null && b.budget.ref) {
    ctx.report({
      rule: "MAGNITUDE",
      ref: b.budget.ref,
      message: MSG.magnitudeBelowBasic(b.budget.value, v),
      typed: b.budget.value,
      steps: `${formatNumber(b.budget.value)} < 基本支出 ${formatNumber(v)}`,
    });
  }
  // "4.82元" against a target in 万元: 元 is probably a slip for 万元.
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !i.yuanSlip) continue;
    const slipOnActual = i.actual.yuanConverted;
    const field = slipOnActual ? i.row.actual : i.row.target;
    const slip = slipOnActual ? i.actual : i.target;
    const other = slipOnActual ? i.target : i.actual;
    if (!field?.ref) continue;
    ctx.report({
      rule: "MAGNITUDE",
      ref: field.ref,
      message: MSG.magnitudeYuanUnit(slip.text, other.text),
      typed: slip.text,
    });
  }
}

/** Rates that cannot exceed 100%: satisfaction, 合格率, 及时率, 覆盖率 … (and RATE_INDICATORS with capAt100). */
const CAPPED_RATE_RE =
  /满意|合格率|及时率|覆盖率|达标率|知晓率|准确率|办结率|受理率|公开率|到位率|参保率|入学率|巩固率|利用率|验收率|通过率|普及率|出勤率|正确率|完好率/;

function isCappedRate(i: IndicatorInfo, cache: Map<string, boolean>): boolean {
  const name = i.bareName;
  if (CAPPED_RATE_RE.test(name)) return true;
  if (!/率/.test(name)) return false;
  let capped = cache.get(name);
  if (capped === undefined) {
    capped = findRateIndicator(i.row.name)?.capAt100 === true;
    cache.set(name, capped);
  }
  return capped;
}

function checkPercentOver100(ctx: CheckContext): void {
  const cache = new Map<string, boolean>();
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !isCappedRate(i, cache)) continue;
    const sides: [ParsedValue, FormField | null][] = [
      [i.target, i.row.target],
      [i.actual, i.row.actual],
    ];
    for (const [p, field] of sides) {
      if (p.kind !== "number" || !p.isPercent || p.value === null || !field?.ref) continue;
      if (!(p.value > 1 + 1e-9)) continue;
      ctx.report({
        rule: "PERCENT_OVER_100",
        ref: field.ref,
        message: MSG.percentOver100(rowLabel(i.row.name), p.value),
        typed: p.text,
        expected: "≤ 100%",
      });
    }
  }
}

/**
 * Rates capped at 100% by their nature: 执行率 (政府采购执行率, 预算执行率 …) and a 完成率 of money (预算/
 * 支出/资金/采购/投资计划完成率). Above 100% means spending above the plan — not a target set too low
 * (OVER_ACHIEVEMENT). A 完成率 of tasks may exceed 100% (seed 000: 科技型中小企业 完成全年任务的246.7%).
 */
const SPENDING_RATE_RE = /执行率|(?:预算|支出|资金|采购|经费).*完成率/;

/** The rate a capped row shows above 100%: its percentage actual, or actual ÷ target when both are amounts. */
function spendingRateOver(i: IndicatorInfo): { rate: number; steps: string } | null {
  if (!SPENDING_RATE_RE.test(i.bareName)) return null;
  const a = i.actual;
  const t = i.target;
  if (a.kind !== "number" || a.value === null) return null;
  if (a.isPercent)
    return a.value > 1 + 1e-9 ? { rate: a.value, steps: `实际完成值 ${displayQuantity(a)}` } : null;
  if (a.unit === "万元" && t.kind === "number" && t.unit === "万元" && t.value !== null && t.value > 0) {
    const rate = a.value / t.value;
    if (!(rate > 1 + 1e-9)) return null;
    return { rate, steps: `${formatPercent(rate, 2)} = ${displayQuantity(a)} ÷ ${displayQuantity(t)}` };
  }
  return null;
}

/** The row's 偏差原因 when it says something (not blank, not "/"); else null. */
function reasonOf(i: IndicatorInfo): string | null {
  const text = fieldText(i.row.reason);
  return text === "" || isPlaceholderText(text) ? null : text;
}

/**
 * A budget rate (预算执行率 / 资金执行率 …) restated in the indicator table: the same overrun as the budget
 * block's, already reported there (a printed rate is rounded: within half a percentage point).
 */
function restatesBudgetRate(i: IndicatorInfo, rate: number, budgetRates: readonly number[]): boolean {
  if (/采购/.test(i.bareName)) return false;
  return budgetRates.some((r) => Math.abs(r - rate) <= 0.005 + 1e-9);
}

function checkSpendingRates(ctx: CheckContext, budgetRates: readonly number[]): Set<IndicatorInfo> {
  const reported = new Set<IndicatorInfo>();
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !i.row.actual?.ref) continue;
    const over = spendingRateOver(i);
    if (!over) continue;
    reported.add(i); // no OVER_ACHIEVEMENT either way
    if (restatesBudgetRate(i, over.rate, budgetRates)) continue;
    ctx.report({
      rule: "EXEC_OVER_100",
      ref: i.row.actual.ref,
      message: MSG.spendingRateOver(rowLabel(i.row.name), over.rate, reasonOf(i)),
      typed: i.actual.text,
      expected: "≤ 100%",
      steps: over.steps,
    });
  }
  return reported;
}

/** An actual as the cell shows it, "以上" kept for 40多家 / 800余人次 (at least). */
function shownActual(p: ParsedValue): string {
  return `${displayQuantity(p)}${p.atLeast && !p.comparator ? "以上" : ""}`;
}

function checkOverAchievement(ctx: CheckContext, skip: Set<IndicatorInfo>): void {
  const threshold = ctx.profile.overAchievement.ratio;
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || i.overRatio === null || !i.row.actual?.ref || skip.has(i)) continue;
    if (!(i.overRatio >= threshold - 1e-9)) continue;
    ctx.report({
      rule: "OVER_ACHIEVEMENT",
      ref: i.row.actual.ref,
      message: MSG.overAchievement(
        rowLabel(i.row.name),
        shownActual(i.actual),
        displayQuantity(i.target),
        i.overRatio,
        threshold,
        ctx.profile.overAchievement.deduct,
        reasonOf(i),
      ),
      typed: i.actual.text,
      steps: `${formatPercent(i.overRatio, 2)} = ${displayQuantity(i.actual)} ÷ ${displayQuantity(i.target)}`,
    });
  }
}

/** 1-10月, 1－11月, 截至10月: a partial year (December excluded). */
const PARTIAL_YEAR_RE =
  /(\d{1,2})\s*[-－—–~～至到]\s*(\d{1,2})\s*月|截[至止]\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月/g;

/** Forecast words or a partial year in a free text (the goal's 实际完成情况). */
export function forecastInText(text: string): string | null {
  const s = text.normalize("NFKC");
  const w = /预计|力争/.exec(s);
  if (w) return w[0];
  PARTIAL_YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARTIAL_YEAR_RE.exec(s)) !== null) {
    const last = Number(m[2] ?? m[3]);
    if (last >= 1 && last < 12) return m[0];
  }
  return null;
}

function checkForecast(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !i.actual.forecast || !i.row.actual?.ref) continue;
    ctx.report({
      rule: "FORECAST_VALUE",
      ref: i.row.actual.ref,
      message: MSG.forecast(`“${rowLabel(i.row.name)}”的实际完成值`, i.actual.text),
      typed: i.actual.text,
    });
  }
  const goal = ctx.form.goals.actual;
  if (goal?.ref) {
    const text = fieldText(goal);
    const hit = text ? forecastInText(text) : null;
    if (hit)
      ctx.report({
        rule: "FORECAST_VALUE",
        ref: goal.ref,
        message: MSG.forecast("年度总体目标的实际完成情况", hit),
        typed: hit,
      });
  }
}

export function checkPlausibility(ctx: CheckContext): void {
  const budgetRates = checkExecOver100(ctx);
  checkIncomeAsSpending(ctx);
  checkMagnitude(ctx);
  checkPercentOver100(ctx);
  checkOverAchievement(ctx, checkSpendingRates(ctx, budgetRates));
  checkForecast(ctx);
}
