/**
 * Points: 预算执行率 (domain.md §3.2), 定量 indicators (§3.3), 定性 bands (§3.4).
 * Pure functions; never throw. Invalid input gives value 0 with `invalid: true` and a Chinese reason.
 */
import type { ExecutionRule } from "./model";
import { cleanFloat, formatNumber, formatPercent, formatPercentShort, round2, roundTo } from "./numbers";
import type { Comparator } from "./parse";
import { normalizeText } from "./parse";

export interface Scored {
  /**
   * Points, rounded to 2 decimals and then clamped to [0, weight]: rounding never lifts a score above its
   * weight (a weight of 0.009 scores at most 0.009, not 0.01).
   */
  value: number;
  /** How the points were computed, readable Chinese math: "7.6 = 76.00% × 10". */
  steps: string;
  /** Set when the inputs were not usable numbers; value is then 0 and steps says why. */
  invalid?: boolean;
}

function invalid(reason: string): Scored {
  return { value: 0, steps: `无法计算：${reason}`, invalid: true };
}

const fmt = (n: number): string => formatNumber(n, 4);

/**
 * Points: x rounded to 2 decimals, then clamped to [0, w] (clamping after rounding, so a weight below
 * 0.01 or with a third decimal is never exceeded: round2(0.009) = 0.01 > 0.009).
 */
function points(x: number, w: number): number {
  const r = round2(x);
  return r > w ? w : r < 0 ? 0 : r;
}

/**
 * A rate with 2 decimals, or up to 4 when 2 would hide which side of 100% it is on: 1.0000186 reads
 * "100.0019%", never "100.00% 超过 100%".
 */
export function ratePercent(rate: number): string {
  const two = formatPercent(rate, 2);
  if (two !== "100.00%" || rate === 1) return two;
  return formatPercentShort(rate, 4);
}

/** 执行率 = 全年执行数 / 全年预算数 (a fraction); null when the budget is 0, negative or not a number. */
export function executionRate(executed: number, budget: number): number | null {
  if (typeof executed !== "number" || typeof budget !== "number") return null;
  if (!Number.isFinite(executed) || !Number.isFinite(budget) || budget <= 0) return null;
  const r = executed / budget;
  return Number.isFinite(r) ? r : null;
}

/**
 * 执行率得分. proportional: weight × min(rate, 100%); step: 100% = full points, minus
 * pointsPerStep for every stepPercent points below 100% (whole steps or linear), 扣完为止.
 * A rate over 100% scores as 100% (the check warns separately).
 */
export function executionScore(rate: number, weight: number, rule: ExecutionRule): Scored {
  if (typeof rate !== "number" || !Number.isFinite(rate)) return invalid("执行率不是有效数字");
  if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0)
    return invalid("分值不是有效数字");
  const capped = Math.max(0, Math.min(rate, 1));
  const overNote = rate > 1 ? `（执行率 ${ratePercent(rate)} 超过 100%，按 100% 计）` : "";
  if (!rule || rule.kind === "proportional") {
    const value = points(weight * capped, weight);
    return { value, steps: `${fmt(value)} = ${ratePercent(capped)} × ${fmt(weight)}${overNote}` };
  }
  if (rule.kind === "step") {
    const x = rule.stepPercent;
    const y = rule.pointsPerStep;
    if (!(x > 0) || !Number.isFinite(x) || !(y >= 0) || !Number.isFinite(y))
      return invalid("扣分规则参数无效");
    // Shortfall in percentage points, with float noise removed: 1 − 0.97 = 0.030000000000000027.
    const shortfall = cleanFloat(Math.max(0, 1 - Math.max(rate, 0)) * 100);
    const ruleText = `每低于${fmt(x)}%扣${fmt(y)}分`;
    if (shortfall === 0) {
      const value = points(weight, weight);
      return {
        value,
        steps: `${fmt(value)} = 满分 ${fmt(weight)}（执行率 ${ratePercent(rate)} ≥ 100%${overNote ? "，按 100% 计" : ""}）`,
      };
    }
    // Steps to 10 decimals before counting whole steps: a rate a hair above 0 (2.5e-15) leaves a shortfall
    // of 99.99999999999974 points, which is 2 steps of 50, not 1. The built-in formula 转换为普通公式
    // writes does the same (ROUND(…,10) in src/core/portable/convert.ts), so both agree exactly.
    const quotient = roundTo(shortfall / x, 10);
    if (rule.partial === "linear") {
      const deduction = cleanFloat(y * quotient);
      const value = points(Math.max(0, weight - deduction), weight);
      const floorNote = weight - deduction < 0 ? "，扣完为止" : "";
      return {
        value,
        steps: `${fmt(value)} = ${fmt(weight)} − ${fmt(y)} × ${fmt(shortfall)} ÷ ${fmt(x)}（执行率 ${ratePercent(rate)}，低于 100% ${fmt(shortfall)} 个百分点，${ruleText}，按比例计${floorNote}）`,
      };
    }
    const stepsCount = Math.floor(quotient);
    const deduction = cleanFloat(y * stepsCount);
    const value = points(Math.max(0, weight - deduction), weight);
    const floorNote = weight - deduction < 0 ? "，扣完为止" : "";
    return {
      value,
      steps: `${fmt(value)} = ${fmt(weight)} − ${fmt(y)} × ${stepsCount}（执行率 ${ratePercent(rate)}，低于 100% ${fmt(shortfall)} 个百分点，${ruleText}，按整档计 ${stepsCount} 档${floorNote}）`,
    };
  }
  return invalid("未知的执行率计分规则");
}

/**
 * 定量 indicator points (domain.md §3.3). A = target, B = actual, w = weight.
 * ≥: B ≥ A → w, else w × B / A (A ≤ 0: B ≥ A → w, else 0).
 * ≤: B ≤ A → w; A < B < 2A → w × (1 − (B − A) / A); B ≥ 2A → 0.
 * =: A = 0: B ≤ 0 → w, else 0; otherwise as ≥.
 * Rounded to 2 decimals, then never above w and never below 0.
 */
export function quantitativeScore(
  target: number,
  actual: number,
  weight: number,
  direction: Comparator,
  shown?: QuantityShown,
): Scored {
  const A = target;
  const B = actual;
  const w = weight;
  if (typeof A !== "number" || !Number.isFinite(A)) return invalid("年度指标值不是有效数字");
  if (typeof B !== "number" || !Number.isFinite(B)) return invalid("实际完成值不是有效数字");
  if (typeof w !== "number" || !Number.isFinite(w) || w < 0) return invalid("分值不是有效数字");
  // A and B as the cells show them ("99%", "5.3亿元", "8家"), else as bare numbers.
  const a = shown ? shown.target(A) : fmt(A);
  const b = shown ? shown.actual(B) : fmt(B);

  if (direction === "<=") {
    if (B <= A) return fullPoints(w, `实际 ${b} ≤ 目标 ${a}`);
    if (A > 0 && B < 2 * A) {
      const value = points(w * (1 - (B - A) / A), w);
      return {
        value,
        steps: `${fmt(value)} = ${fmt(w)} × (1 − (${b} − ${a}) ÷ ${a})`,
      };
    }
    return zeroPoints(A > 0 ? `实际 ${b} ≥ 目标 ${a} 的 2 倍` : `实际 ${b} > 目标 ${a}`);
  }
  if (direction === "=" && A === 0) {
    return B <= 0 ? fullPoints(w, `目标为 0，实际 ${b} ≤ 0`) : zeroPoints(`目标为 0，实际 ${b} > 0`);
  }
  // ">=" and "=" with A ≠ 0.
  if (B >= A) return fullPoints(w, `实际 ${b} ≥ 目标 ${a}`);
  if (A <= 0) return zeroPoints(`目标 ${a} ≤ 0，实际 ${b} 未达到`);
  const value = points((w * B) / A, w);
  return { value, steps: `${fmt(value)} = ${fmt(w)} × ${b} ÷ ${a}` };
}

/**
 * How the steps show the target and the actual: as their cells show them (display.ts displayQuantity on
 * the parsed values), so a step reads "5.94 = 6 × 99% ÷ 100%", never "6 × 0.99 ÷ 1".
 */
export interface QuantityShown {
  target: (value: number) => string;
  actual: (value: number) => string;
}

/** Full points of a 定量 indicator. */
function fullPoints(w: number, why: string): Scored {
  const value = points(w, w);
  return { value, steps: `${fmt(value)} = 满分（${why}）` };
}

function zeroPoints(why: string): Scored {
  return { value: 0, steps: `0（${why}）` };
}

export type QualBand = "达成" | "部分达成" | "未达成";

export interface QualBandRange {
  band: QualBand;
  /** Fractions of the weight. */
  min: number;
  max: number;
  maxInclusive: boolean;
}

export const QUAL_BANDS: Readonly<Record<QualBand, QualBandRange>> = {
  达成: { band: "达成", min: 0.8, max: 1, maxInclusive: true },
  部分达成: { band: "部分达成", min: 0.6, max: 0.8, maxInclusive: false },
  未达成: { band: "未达成", min: 0, max: 0.6, maxInclusive: false },
};

/**
 * The 定性 result band a text states (domain.md §3.4): 达成年度指标 → [80%, 100%],
 * 部分达成年度指标并具有一定效果 → [60%, 80%), 未达成年度指标且效果较差 → [0, 60%).
 * Only clear phrases are recognised; "按时完成", "效果明显" etc. give null.
 */
export function qualitativeBand(text: string): QualBandRange | null {
  if (typeof text !== "string") return null;
  const s = normalizeText(text).replace(/\s+/g, "");
  if (s === "") return null;
  if (
    /(?:未|没有|没|尚未|不能)(?:全部|完全)?(?:达成|达到)(?:年度|预期)?(?:指标|目标)?|未完成年度指标|未完成预期/.test(
      s,
    )
  )
    return { ...QUAL_BANDS["未达成"] };
  if (/(?:部分|基本)达成|部分达到(?:年度|预期)?(?:指标|目标)|部分完成(?:年度|预期)(?:指标|目标)/.test(s))
    return { ...QUAL_BANDS["部分达成"] };
  if (
    /^(?:已|全面|全部|完全|均)?达成(?:了)?(?:年度|预期|既定)?(?:指标|目标)?(?:值)?$/.test(s) ||
    /达成(?:年度|预期|既定)(?:指标|目标)/.test(s) ||
    /^(?:已|全面|全部|完全)?达到(?:年度|预期)(?:指标|目标)$/.test(s)
  )
    return { ...QUAL_BANDS["达成"] };
  return null;
}

/** True when `points` lies in the band (as fractions of `weight`), with a 0.005-point allowance for rounding. */
export function pointsInBand(points: number, weight: number, band: QualBandRange): boolean {
  if (!Number.isFinite(points) || !Number.isFinite(weight) || weight <= 0) return false;
  const lo = band.min * weight - 0.005;
  const hi = band.max * weight;
  return points >= lo && (band.maxInclusive ? points <= hi + 0.005 : points < hi - 1e-9);
}

/** actual / target for over-achievement checks (B / A ≥ 1.3); null when the target is not positive. */
export function overAchievementRatio(target: number, actual: number): number | null {
  if (typeof target !== "number" || typeof actual !== "number") return null;
  if (!Number.isFinite(target) || !Number.isFinite(actual) || target <= 0) return null;
  const r = actual / target;
  return Number.isFinite(r) ? r : null;
}
