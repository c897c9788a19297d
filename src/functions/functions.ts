/**
 * JX custom functions (namespace JX). Thin JSDoc-tagged declarations: custom-functions-metadata-plugin
 * generates functions.json (English) from these comments and appends the CustomFunctions.associate
 * calls; scripts/functions-metadata.js overlays src/functions/zh-cn.json for functions.zh-cn.json.
 * All coercion and error mapping lives in ./logic (tested without Excel).
 *
 * Ids are stable forever: never rename an id, only add new functions.
 * Custom functions never write to the workbook.
 */
import * as L from "./logic";

/**
 * Budget execution rate: full-year spending / full-year budget, as a fraction (format the cell as %).
 * @customfunction EXECRATE EXECRATE
 * @param executed Full-year spending (全年执行数).
 * @param budget Full-year budget (全年预算数); must not be 0.
 * @returns The execution rate as a fraction, e.g. 0.742 for 74.2%.
 */
export function execRate(executed: any, budget: any): number {
  return L.execRate(executed, budget);
}

/**
 * Points for the budget execution rate under a scoring rule.
 * @customfunction EXECSCORE EXECSCORE
 * @param rate Execution rate as a fraction (0.742) or text ("74.2%").
 * @param weight Points of the item (分值), usually 10.
 * @param [rule] "proportional", "step" (whole steps), "linear", or a rule profile id such as "hunan"; default: the default profile's rule.
 * @param [stepPercent] Step in percentage points for "step"/"linear", e.g. 2 for "every 2% below 100%".
 * @param [pointsPerStep] Points deducted per step, e.g. 1.
 * @returns The points, rounded to 2 decimals.
 */
export function execScore(
  rate: any,
  weight: any,
  rule?: any,
  stepPercent?: any,
  pointsPerStep?: any,
): number {
  return L.execScore(rate, weight, rule, stepPercent, pointsPerStep);
}

/**
 * Points of a quantitative indicator from its target and actual value (text such as "≥95%" or "4家" is read).
 * @customfunction INDSCORE INDSCORE
 * @param target Annual target (年度指标值), e.g. "≥95%", "≤27.6万元", 8.
 * @param actual Actual value (实际完成值); takes the target's unit when it has none.
 * @param weight Points of the indicator (分值).
 * @param [direction] "≥" (higher is better), "≤" (lower is better) or "="; default: from the target's sign, else the indicator name, else "≥".
 * @param [name] Indicator name (三级指标), used to infer the direction, e.g. "公用经费控制率" → "≤".
 * @returns The points, rounded to 2 decimals.
 */
export function indScore(target: any, actual: any, weight: any, direction?: any, name?: any): number {
  return L.indicatorScore(target, actual, weight, direction, name);
}

/**
 * Checks that the points of a qualitative indicator fall in the band of its stated result.
 * @customfunction QUALCHECK QUALCHECK
 * @param result Stated result: 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差.
 * @param score Points given (得分).
 * @param weight Points of the indicator (分值).
 * @returns "符合：…" when the points are in the band, otherwise "不符合：…" with the allowed range.
 */
export function qualCheck(result: any, score: any, weight: any): string {
  return L.qualCheck(result, score, weight);
}

/**
 * Points lost: weight − score.
 * @customfunction DEDUCTION DEDUCTION
 * @param weight Points of the item (分值).
 * @param score Points given (得分); must not exceed the weight.
 * @returns The points lost, rounded to 2 decimals.
 */
export function deduction(weight: any, score: any): number {
  return L.deduction(weight, score);
}

/**
 * Grade of a total score: 优 / 良 / 较差 / 差 (中 under the national rule).
 * @customfunction GRADE GRADE
 * @param total Total score (总分).
 * @param [rule] Rule profile id, e.g. "hunan" or "national"; default: the default profile.
 * @returns The grade label.
 */
export function grade(total: any, rule?: any): string {
  return L.grade(total, rule);
}

/**
 * Control rate: actual / budget (public expenses, "three public" expenses …), as a fraction.
 * @customfunction CONTROLRATE CONTROLRATE
 * @param actual Actual amount (实际数).
 * @param budget Budgeted amount (预算数); must not be 0.
 * @returns The rate as a fraction.
 */
export function controlRate(actual: any, budget: any): number {
  return L.controlRate(actual, budget);
}

/**
 * Change rate: (this year − last year) / last year, as a fraction.
 * @customfunction CHANGERATE CHANGERATE
 * @param current This year's amount (本年数).
 * @param previous Last year's amount (上年数); must not be 0.
 * @returns The change as a fraction (negative when it fell).
 */
export function changeRate(current: any, previous: any): number {
  return L.changeRateFn(current, previous);
}

/**
 * Generic ratio: numerator / denominator, as a fraction (completion rates, utilisation rates …).
 * @customfunction RATIO RATIO
 * @param numerator Numerator (分子), e.g. tasks completed.
 * @param denominator Denominator (分母), e.g. tasks planned; must not be 0.
 * @returns The ratio as a fraction.
 */
export function ratio(numerator: any, denominator: any): number {
  return L.rate(numerator, denominator);
}

/**
 * Staff control rate: actual staff / authorised posts, as a fraction.
 * @customfunction STAFFRATE STAFFRATE
 * @param actualStaff Actual staff in post (实际在职人数).
 * @param authorised Authorised posts (编制数); must not be 0.
 * @returns The rate as a fraction.
 */
export function staffRate(actualStaff: any, authorised: any): number {
  return L.staffRate(actualStaff, authorised);
}

/**
 * Budget adjustment rate: budget adjustment / initial budget, as a fraction.
 * @customfunction ADJUSTRATE ADJUSTRATE
 * @param adjustment Budget adjustment (预算调整数).
 * @param initialBudget Initial budget (年初预算数); must not be 0.
 * @returns The rate as a fraction.
 */
export function adjustRate(adjustment: any, initialBudget: any): number {
  return L.adjustRate(adjustment, initialBudget);
}

/**
 * Carry-over rate: carry-over and balance / spending budget, as a fraction.
 * @customfunction CARRYRATE CARRYRATE
 * @param carryover Carry-over and balance (结转结余总额).
 * @param spendingBudget Spending budget (支出预算数); must not be 0.
 * @returns The rate as a fraction.
 */
export function carryRate(carryover: any, spendingBudget: any): number {
  return L.carryRate(carryover, spendingBudget);
}

/**
 * Budget completion rate (Hunan): (carry-in + initial + supplementary − carry-out) / (carry-in + initial + supplementary).
 * @customfunction BUDGETCOMPLETION BUDGETCOMPLETION
 * @param carryIn Carry-in at the start of the year (年初结转); blank counts as 0.
 * @param initial Initial budget (年初预算).
 * @param supplementary Supplementary budget (追加); blank counts as 0.
 * @param carryOut Carry-over and balance at the end of the year (年末结转结余); blank counts as 0.
 * @returns The rate as a fraction.
 */
export function budgetCompletion(carryIn: any, initial: any, supplementary: any, carryOut: any): number {
  return L.budgetCompletion(carryIn, initial, supplementary, carryOut);
}

/**
 * The number in a target or actual text, unit-normalised: percentages as fractions, money in 万元.
 * @customfunction PARSEVALUE PARSEVALUE
 * @param text Text such as "≥95%", "≤27.6万元", "30亿元以上", "40多家".
 * @param [partner] The paired value (e.g. the target) whose unit a bare number takes.
 * @returns The number.
 */
export function parseNumberText(text: any, partner?: any): number {
  return L.parseNumberText(text, partner);
}

/**
 * Sum of scores in a range, skipping blanks, "/", "—" and other text.
 * @customfunction SUMSCORES SUMSCORES
 * @param scores Range of score cells (得分).
 * @returns The sum, rounded to 2 decimals.
 */
export function sumScores(scores: any[][]): number {
  return L.sumScores(scores);
}
