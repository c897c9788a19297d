/**
 * Common rate indicators (共性指标, domain.md §4). Each returns the rate as a fraction (not rounded,
 * so a printed rate can be compared to ±0.01 percentage point) and the steps in readable Chinese math.
 * value is null when the denominator is 0, negative where that makes no sense, or not a number, and
 * whenever the result is not a finite number (a tiny denominator or huge inputs overflow to Infinity or
 * NaN): every rate function goes through `result`, so none returns a non-finite value.
 */
import type { Comparator } from "./parse";
import { normalizeText } from "./parse";
import { formatNumber, formatPercent } from "./numbers";

export interface RateResult {
  /** Fraction (0.742 for 74.20%); null when it cannot be computed. */
  value: number | null;
  /** "74.20% = 20.48 ÷ 27.6", or the reason when value is null. */
  steps: string;
  /** Set when value is null because the result was not finite (overflow), so a caller can tell it apart. */
  overflow?: true;
}

const fmt = (n: number): string => formatNumber(n, 4);

function finite(...xs: number[]): boolean {
  return xs.every((x) => typeof x === "number" && Number.isFinite(x));
}

/** Step text when a rate overflows (1 ÷ 5e-324 = Infinity) or is not a number (Infinity − Infinity). */
const NOT_FINITE = "无法计算：结果溢出（分母过小或数值过大）";

/** The rate, or null with a Chinese reason when it is not a finite number; `steps` is built only when it is. */
function result(value: number, steps: (value: number) => string): RateResult {
  if (!Number.isFinite(value)) return { value: null, steps: NOT_FINITE, overflow: true };
  return { value, steps: steps(value) };
}

/** numerator / denominator as a fraction. Null when the denominator is 0 or either is not a number. */
export function ratio(numerator: number, denominator: number): RateResult {
  if (!finite(numerator, denominator)) return { value: null, steps: "无法计算：数值无效" };
  if (denominator === 0) return { value: null, steps: "无法计算：分母为 0" };
  return result(
    numerator / denominator,
    (v) => `${formatPercent(v)} = ${fmt(numerator)} ÷ ${fmt(denominator)}`,
  );
}

function positiveDenominator(numerator: number, denominator: number, what: string): RateResult {
  if (finite(denominator) && denominator < 0) return { value: null, steps: `无法计算：${what}为负数` };
  if (finite(denominator) && denominator === 0) return { value: null, steps: `无法计算：${what}为 0` };
  return ratio(numerator, denominator);
}

/** 财政供养人员控制率 = 实际在职人数 / 编制数 (≤ 100% is good). Seed 002: 88 / 99 = 88.89%. */
export function staffControlRate(actualStaff: number, authorised: number): RateResult {
  return positiveDenominator(actualStaff, authorised, "编制数");
}

/** "三公经费"变动率 = (本年 − 上年) / 上年 (≤ 0 is good). Seed 002: (75 − 73.34) / 73.34 = 2.26%. */
export function changeRate(current: number, previous: number): RateResult {
  if (!finite(current, previous)) return { value: null, steps: "无法计算：数值无效" };
  if (previous <= 0)
    return { value: null, steps: previous === 0 ? "无法计算：上年数为 0" : "无法计算：上年数为负数" };
  return result(
    (current - previous) / previous,
    (v) => `${formatPercent(v)} = (${fmt(current)} − ${fmt(previous)}) ÷ ${fmt(previous)}`,
  );
}

/** 预算完成率 = 预算完成数 / 预算数 (100% is the aim). */
export function budgetCompletionRate(completed: number, budget: number): RateResult {
  return positiveDenominator(completed, budget, "预算数");
}

/**
 * Hunan 预算完成率 = (年初结转 + 年初预算 + 追加 − 年末结转结余) / (年初结转 + 年初预算 + 追加).
 */
export function budgetCompletionRateHunan(parts: {
  carryIn: number;
  initial: number;
  supplementary: number;
  carryOut: number;
}): RateResult {
  const { carryIn, initial, supplementary, carryOut } = parts ?? ({} as never);
  if (!finite(carryIn, initial, supplementary, carryOut)) return { value: null, steps: "无法计算：数值无效" };
  const available = carryIn + initial + supplementary;
  if (available <= 0) return { value: null, steps: "无法计算：可用预算为 0" };
  return result((available - carryOut) / available, (v) => {
    const a = `${fmt(carryIn)} + ${fmt(initial)} + ${fmt(supplementary)}`;
    return `${formatPercent(v)} = (${a} − ${fmt(carryOut)}) ÷ (${a})`;
  });
}

/** 预算调整率 (预算控制率) = 预算调整数 / 年初预算数 (0 is best). Seed 002: 398.18 / 1311.99 = 30.35%. */
export function budgetAdjustmentRate(adjustment: number, initialBudget: number): RateResult {
  return positiveDenominator(adjustment, initialBudget, "年初预算数");
}

/** 结转结余率 = 结转结余总额 / 支出预算数 (lower is better). */
export function carryoverRate(carryover: number, spendingBudget: number): RateResult {
  return positiveDenominator(carryover, spendingBudget, "支出预算数");
}

/** 公用经费控制率 = 实际公用经费 / 预算公用经费 (≤ 100%). Seed 004: 20.48 / 27.6 = 74.20%. */
export function publicExpenseControlRate(actual: number, budget: number): RateResult {
  return positiveDenominator(actual, budget, "预算公用经费");
}

/** "三公经费"控制率 = 三公实际支出 / 三公预算 (≤ 100%). Seed 002: 40.90 / 75 = 54.53%; seed 004: 0.4 / 0.4 = 100%. */
export function threePublicControlRate(actual: number, budget: number): RateResult {
  return positiveDenominator(actual, budget, "三公经费预算");
}

/** 政府采购执行率 = 实际政府采购金额 / 政府采购预算 (100%). Seed 002: 438.64 / 180 = 243.69%; seed 004: 4.82 / 6.7 = 71.94%. */
export function procurementExecutionRate(actual: number, budget: number): RateResult {
  return positiveDenominator(actual, budget, "政府采购预算");
}

/** 固定资产利用率 = 在用固定资产 / 固定资产总额 (≥ 90% or 100%). */
export function assetUtilisationRate(inUse: number, total: number): RateResult {
  return positiveDenominator(inUse, total, "固定资产总额");
}

/** 重点工作完成率 / 完成及时率 = 完成数 / 计划数 (100%). */
export function taskCompletionRate(done: number, planned: number): RateResult {
  return positiveDenominator(done, planned, "计划数");
}

export type RateIndicatorId =
  | "staffControl"
  | "threePublicChange"
  | "budgetCompletion"
  | "budgetAdjustment"
  | "carryover"
  | "publicExpenseControl"
  | "threePublicControl"
  | "procurementExecution"
  | "assetUtilisation"
  | "taskCompletion";

export interface RateIndicator {
  id: RateIndicatorId;
  /** Chinese name as on the forms. */
  name: string;
  /** Other spellings seen. */
  aliases: readonly string[];
  /** Formula in Chinese, e.g. "实际在职人数 ÷ 编制数". */
  formula: string;
  numeratorLabel: string;
  denominatorLabel: string;
  /** Which way is good relative to `reference`: "<=" (at most), ">=" (at least), "=" (aim at it). */
  goodDirection: Comparator;
  /** The reference value as a fraction: 1 for 100%, 0 for 0. */
  reference: number;
  /** Short Chinese description of the good direction: "≤ 100%". */
  goodText: string;
  /** The value cannot sensibly exceed 100% (a PERCENT_OVER_100 candidate). */
  capAt100: boolean;
  /** Computes the rate from its two inputs (numerator, denominator). */
  compute: (numerator: number, denominator: number) => RateResult;
}

/** One source of truth for the rate indicators (custom functions and checks reuse it). */
export const RATE_INDICATORS: readonly RateIndicator[] = [
  {
    id: "staffControl",
    name: "财政供养人员控制率",
    aliases: [
      "在职人员控制率",
      "财政供应人员配置控制率",
      "财政供养人员配置控制率",
      "人员控制率",
      "编制控制率",
    ],
    formula: "实际在职人数 ÷ 编制数",
    numeratorLabel: "实际在职人数",
    denominatorLabel: "编制数",
    goodDirection: "<=",
    reference: 1,
    goodText: "≤ 100%",
    capAt100: false,
    compute: staffControlRate,
  },
  {
    id: "threePublicChange",
    name: "“三公经费”变动率",
    aliases: ["三公经费变动率", "三公变动率"],
    formula: "（本年三公经费预算 − 上年三公经费预算）÷ 上年三公经费预算",
    numeratorLabel: "本年三公经费预算",
    denominatorLabel: "上年三公经费预算",
    goodDirection: "<=",
    reference: 0,
    goodText: "≤ 0",
    capAt100: false,
    compute: changeRate,
  },
  {
    id: "budgetCompletion",
    name: "预算完成率",
    aliases: ["预算执行完成率"],
    formula: "预算完成数 ÷ 预算数",
    numeratorLabel: "预算完成数",
    denominatorLabel: "预算数",
    goodDirection: "=",
    reference: 1,
    goodText: "= 100%",
    capAt100: false,
    compute: budgetCompletionRate,
  },
  {
    id: "budgetAdjustment",
    name: "预算调整率",
    aliases: ["预算控制率", "预算追加率"],
    formula: "预算调整数 ÷ 年初预算数",
    numeratorLabel: "预算调整数",
    denominatorLabel: "年初预算数",
    goodDirection: "<=",
    reference: 0,
    goodText: "越接近 0 越好",
    capAt100: false,
    compute: budgetAdjustmentRate,
  },
  {
    id: "carryover",
    name: "结转结余率",
    aliases: ["结余结转率", "结转率", "结余率"],
    formula: "结转结余总额 ÷ 支出预算数",
    numeratorLabel: "结转结余总额",
    denominatorLabel: "支出预算数",
    goodDirection: "<=",
    reference: 0,
    goodText: "越低越好",
    capAt100: true,
    compute: carryoverRate,
  },
  {
    id: "publicExpenseControl",
    name: "公用经费控制率",
    aliases: ["日常公用经费控制率"],
    formula: "实际支出公用经费总额 ÷ 预算安排公用经费总额",
    numeratorLabel: "实际公用经费",
    denominatorLabel: "预算公用经费",
    goodDirection: "<=",
    reference: 1,
    goodText: "≤ 100%",
    capAt100: false,
    compute: publicExpenseControlRate,
  },
  {
    id: "threePublicControl",
    name: "“三公经费”控制率",
    aliases: ["三公经费控制率", "三公控制率"],
    formula: "“三公经费”实际支出数 ÷ “三公经费”预算安排数",
    numeratorLabel: "三公经费实际支出",
    denominatorLabel: "三公经费预算",
    goodDirection: "<=",
    reference: 1,
    goodText: "≤ 100%",
    capAt100: false,
    compute: threePublicControlRate,
  },
  {
    id: "procurementExecution",
    name: "政府采购执行率",
    aliases: ["采购执行率"],
    formula: "实际政府采购金额 ÷ 政府采购预算数",
    numeratorLabel: "实际政府采购金额",
    denominatorLabel: "政府采购预算",
    goodDirection: "=",
    reference: 1,
    goodText: "= 100%",
    capAt100: false,
    compute: procurementExecutionRate,
  },
  {
    id: "assetUtilisation",
    name: "固定资产利用率",
    aliases: ["资产利用率"],
    formula: "实际在用固定资产总额 ÷ 所有固定资产总额",
    numeratorLabel: "在用固定资产",
    denominatorLabel: "固定资产总额",
    goodDirection: ">=",
    reference: 1,
    goodText: "≥ 100%（部分地区 ≥ 90%）",
    capAt100: true,
    compute: assetUtilisationRate,
  },
  {
    id: "taskCompletion",
    name: "重点工作完成率",
    aliases: ["重点工作任务完成率", "完成及时率", "重点工作完成及时率", "工作完成率"],
    formula: "实际完成数 ÷ 计划数",
    numeratorLabel: "完成数",
    denominatorLabel: "计划数",
    goodDirection: ">=",
    reference: 1,
    goodText: "= 100%",
    capAt100: true,
    compute: taskCompletionRate,
  },
];

function nameKey(s: string): string {
  return normalizeText(String(s ?? ""))
    .replace(/[\s“”"'‘’「」『』]/g, "")
    .replace(/^(?:指标)?\d+[:：.、)]/, "")
    .replace(/[（(][^）)]*[）)]$/, "");
}

/** Keys of every name and alias, in table order (built once: the table is constant). */
interface NameKeys {
  /** Exact key → the first indicator (in table order) with that name or alias. */
  exact: Map<string, RateIndicator>;
  /** Every (key, indicator) in table order, for the contained-name search. */
  all: { key: string; rate: RateIndicator }[];
}

let nameKeys: NameKeys | null = null;

function buildNameKeys(): NameKeys {
  const exact = new Map<string, RateIndicator>();
  const all: { key: string; rate: RateIndicator }[] = [];
  for (const r of RATE_INDICATORS) {
    for (const n of [r.name, ...r.aliases]) {
      const key = nameKey(n);
      if (!exact.has(key)) exact.set(key, r);
      all.push({ key, rate: r });
    }
  }
  return { exact, all };
}

/** The rate indicator an indicator name refers to (by name or alias, quotes and spaces ignored). */
export function findRateIndicator(name: string): RateIndicator | null {
  const key = nameKey(name);
  if (key === "") return null;
  nameKeys ??= buildNameKeys();
  const direct = nameKeys.exact.get(key);
  if (direct) return direct;
  // Names with a prefix such as "本年度" or "部门": longest contained name wins (the first on a tie).
  let best: RateIndicator | null = null;
  let bestLen = 0;
  for (const { key: k, rate } of nameKeys.all) {
    if (k.length > bestLen && key.includes(k)) {
      best = rate;
      bestLen = k.length;
    }
  }
  return best;
}
