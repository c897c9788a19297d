/**
 * Argument coercion and error mapping for the JX custom functions. Pure: no Office API calls except
 * constructing `CustomFunctions.Error` for invalid input, never writes to the workbook.
 *
 * Every function returns a number or text, or throws a `CustomFunctions.Error` with a Chinese
 * message (shown by Excel in the cell's error tooltip). Never a JS exception, never a number that
 * the rules would not give.
 */
/* global CustomFunctions */
import type { ExecutionRule, RuleProfile } from "../core/model";
import { cleanFloat, formatNumber, formatPercentShort, round2 } from "../core/numbers";
import {
  type Comparator,
  type ParsedValue,
  inferDirection,
  normalizeText,
  parseValue,
  unitsDiffer,
} from "../core/parse";
import { gradeFor } from "../core/grade";
import {
  type RateResult,
  budgetAdjustmentRate,
  budgetCompletionRateHunan,
  carryoverRate,
  changeRate,
  ratio,
  staffControlRate,
} from "../core/rates";
import {
  executionRate,
  executionScore,
  pointsInBand,
  qualitativeBand,
  quantitativeScore,
} from "../core/scoring";
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, getProfile } from "../core/profiles";

/** A value Excel hands to an `any` parameter (empty cells and omitted optionals arrive as null/undefined). */
export type Arg = number | string | boolean | null | undefined;

// ───────────────────────────── errors ─────────────────────────────

/**
 * Throws an Excel #VALUE! error with a Chinese message. Every error of ours is #VALUE!: Excel shows a
 * custom message only with #VALUE! and #N/A (CustomFunctions.Error reference); a #DIV/0! or #NUM!
 * would drop the reason the README promises on hover ("全年预算数为 0，无法计算执行率").
 */
export function invalid(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Shows a short quote of what the user typed. */
function quote(v: unknown): string {
  const t = String(v).replace(/\s+/g, " ").trim();
  return `“${t.length > 20 ? `${t.slice(0, 20)}…` : t}”`;
}

const n = (v: number): string => formatNumber(v, 4);

// ───────────────────────────── coercion ─────────────────────────────

function isBlank(v: Arg): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A required number: an Excel number, or text holding one ("4,551.57", "459.61万元", "74.2%" →
 * 0.742). `label` names the argument in messages.
 */
export function toNumber(v: Arg, label: string): number {
  if (isBlank(v)) invalid(`缺少${label}`);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) invalid(`${label}不是有效数字`);
    return v;
  }
  if (typeof v === "boolean") invalid(`${label}应为数字，不能是 ${v ? "TRUE" : "FALSE"}`);
  const p = parseValue(String(v));
  if (p.kind === "placeholder") invalid(`${label}为${quote(v)}，无法计算`);
  if (p.kind !== "number" || p.value === null) invalid(`${label}${quote(v)}不是数字`);
  return p.value;
}

/** A number argument that may be omitted; null when blank. */
function toOptionalNumber(v: Arg, label: string): number | null {
  return isBlank(v) ? null : toNumber(v, label);
}

/** A weight (分值): a number ≥ 0. */
function toWeight(v: Arg): number {
  const w = toNumber(v, "分值");
  if (w < 0) invalid(`分值 ${n(w)} 不能为负数`);
  return w;
}

/** A computed number, or #VALUE! with the reason when it overflowed (inputs near the limits of a double). */
function finite(x: number): number {
  if (!Number.isFinite(x)) invalid("结果超出可计算的范围，请检查输入的数值");
  return x;
}

/** Maps a core RateResult to a number or an Excel error. */
function rateOrThrow(r: RateResult, zeroMessage: string, isZero: boolean): number {
  if (r.value !== null) return finite(r.value);
  // An overflowing result (tiny denominator): #VALUE! with the reason (a #NUM! could not carry it).
  if (r.overflow) return finite(Infinity);
  if (isZero) invalid(zeroMessage);
  return invalid(r.steps);
}

// ───────────────────────────── rules and profiles ─────────────────────────────

const PROFILE_IDS = (): string => BUILTIN_PROFILES.map((p) => `"${p.id}"`).join("、");

/** The rule profile by id or Chinese name; the default profile when blank. Unknown → #VALUE!. */
export function profileFor(rule: Arg, unknownHint = ""): RuleProfile {
  if (isBlank(rule)) return getProfile(DEFAULT_PROFILE_ID);
  try {
    return getProfile(String(rule));
  } catch {
    return invalid(`未知的规则${quote(rule)}：可填${unknownHint}规则配置 ${PROFILE_IDS()}`);
  }
}

const RULE_WORDS: { re: RegExp; kind: "proportional" | "whole" | "linear" }[] = [
  { re: /^(?:proportional|prop|比例|按比例|比例计分|按执行率比例)$/i, kind: "proportional" },
  { re: /^(?:step|steps|whole|整档|按整档|按档|步长|每低于扣分|阶梯)$/i, kind: "whole" },
  { re: /^(?:linear|线性|按比例扣分|线性扣分)$/i, kind: "linear" },
];

/** Step size in percentage points: 2 or "2%" or 0.02 (a cell formatted as 2%) → 2. */
function toStepPercent(v: Arg): number {
  let x: number;
  if (typeof v === "string" && /[%％]/.test(v)) {
    x = cleanFloat(toNumber(v, "步长") * 100);
  } else {
    x = toNumber(v, "步长");
    // A value below 1 is a percentage cell (2% arrives as 0.02): steps under one point make no sense.
    if (x > 0 && x < 1) x = cleanFloat(x * 100);
  }
  if (!(x > 0)) invalid(`步长 ${n(x)} 应大于 0（例如 2 表示每低于 2%）`);
  return x;
}

/**
 * The execution rule from the optional arguments of EXECSCORE:
 * - rule blank, no step arguments → the default profile's rule;
 * - rule blank with step arguments → step deduction, whole steps;
 * - "proportional"/"比例", "step"/"整档", "linear"/"线性" (the last two need 步长 and 每步扣分 unless
 *   the default profile already defines them);
 * - otherwise a profile id (e.g. "hunan") → that profile's rule.
 */
export function executionRuleFor(rule: Arg, stepPercent: Arg, pointsPerStep: Arg): ExecutionRule {
  const hasStep = !isBlank(stepPercent) || !isBlank(pointsPerStep);
  const word = isBlank(rule) ? null : normalizeText(String(rule)).replace(/\s+/g, "");
  const known = word === null ? null : RULE_WORDS.find((r) => r.re.test(word));
  if (word !== null && !known) {
    if (hasStep)
      invalid(`规则${quote(rule)}是规则名称，不能同时给出步长和每步扣分；按步长扣分请写 "step" 或 "linear"`);
    return profileFor(rule, ' "proportional"、"step"、"linear" 或').execution;
  }
  const kind = known ? known.kind : hasStep ? "whole" : null;
  if (kind === null) return profileFor(null).execution;
  if (kind === "proportional") {
    if (hasStep) invalid("按比例计分（proportional）时不需要步长和每步扣分");
    return { kind: "proportional" };
  }
  const fallback = profileFor(null).execution;
  let x: number;
  let y: number;
  if (isBlank(stepPercent) && isBlank(pointsPerStep) && fallback.kind === "step") {
    x = fallback.stepPercent;
    y = fallback.pointsPerStep;
  } else {
    if (isBlank(stepPercent) || isBlank(pointsPerStep)) {
      invalid('按步长扣分需要给出步长和每步扣分，例如“每低于 2% 扣 1 分”写作 "step", 2, 1');
    }
    x = toStepPercent(stepPercent);
    y = toNumber(pointsPerStep, "每步扣分");
    if (y < 0) invalid(`每步扣分 ${n(y)} 不能为负数`);
  }
  return { kind: "step", stepPercent: x, pointsPerStep: y, partial: kind === "linear" ? "linear" : "whole" };
}

// ───────────────────────────── 执行率 ─────────────────────────────

/** EXECRATE: 全年执行数 / 全年预算数 as a fraction. */
export function execRate(executed: Arg, budget: Arg): number {
  const e = toNumber(executed, "全年执行数");
  const b = toNumber(budget, "全年预算数");
  if (b === 0) invalid("全年预算数为 0，无法计算执行率");
  if (b < 0) invalid(`全年预算数 ${n(b)} 为负数，无法计算执行率`);
  if (e < 0) invalid(`全年执行数 ${n(e)} 为负数，请检查`);
  const r = executionRate(e, b);
  if (r === null) return invalid("无法计算执行率");
  return finite(r);
}

/**
 * A rate argument: an Excel number is a fraction (74.2% in a percent cell arrives as 0.742); text
 * may carry a percent sign ("74.2%").
 */
export function toRate(v: Arg, label = "执行率"): number {
  const r = toNumber(v, label);
  if (r < 0) invalid(`${label} ${formatPercentShort(r)} 不能为负数`);
  return r;
}

/** EXECSCORE: points for the execution rate under a rule (see executionRuleFor). */
export function execScore(
  rate: Arg,
  weight: Arg,
  rule?: Arg,
  stepPercent?: Arg,
  pointsPerStep?: Arg,
): number {
  const r = toRate(rate);
  const w = toWeight(weight);
  const scored = executionScore(r, w, executionRuleFor(rule, stepPercent, pointsPerStep));
  if (scored.invalid) invalid(scored.steps);
  return scored.value;
}

// ───────────────────────────── 定量指标 ─────────────────────────────

/** A target/actual cell as a parsed number, or #VALUE! with the reason. */
function toIndicatorValue(v: Arg, label: string, partner?: ParsedValue): ParsedValue {
  if (typeof v === "boolean") invalid(`${label}应为数值或文字，不能是 ${v ? "TRUE" : "FALSE"}`);
  const p = parseValue(
    typeof v === "number" ? v : isBlank(v) ? "" : String(v),
    partner ? { partner } : undefined,
  );
  switch (p.kind) {
    case "number":
      if (p.value === null) invalid(`无法识别${label}${quote(v)}`);
      return p;
    case "empty":
      return invalid(`缺少${label}`);
    case "placeholder":
      return invalid(`${label}为${quote(v)}，该行不计分`);
    case "qualitative":
      return invalid(
        `${label}${quote(v)}是定性描述，不是数值；定性指标请用 JX.定性得分检查（QUALCHECK）核对得分档次`,
      );
    default:
      return invalid(`无法识别${label}${quote(v)}：请写成数值，如“≥95%”“4家”“≤27.6万元”`);
  }
}

/** "≥" / ">=" / "正向" → ">=", "≤" / "反向" → "<=", "=" → "="; blank → null. */
export function toDirection(v: Arg): Comparator | null {
  if (isBlank(v)) return null;
  const s = normalizeText(String(v)).replace(/\s+/g, "");
  if (/^(?:>=|≥|≧|⩾|>|正向|越高越好|越大越好|不低于|不少于)$/.test(s)) return ">=";
  if (/^(?:<=|≤|≦|⩽|<|反向|越低越好|越小越好|不高于|不超过)$/.test(s)) return "<=";
  if (/^(?:=|==|等于)$/.test(s)) return "=";
  return invalid(`方向${quote(v)}无法识别：请填“≥”（越高越好）、“≤”（越低越好）或“=”`);
}

/**
 * INDSCORE: points of a 定量 indicator (domain.md §3.3). Target/actual may be text; the actual
 * takes the target's unit when it has none. Direction: the argument, else the target's comparator,
 * else the indicator name, else "≥".
 */
export function indicatorScore(target: Arg, actual: Arg, weight: Arg, direction?: Arg, name?: Arg): number {
  const A = toIndicatorValue(target, "年度指标值");
  const B = toIndicatorValue(actual, "实际完成值", A);
  const w = toWeight(weight);
  if (unitsDiffer(A, B)) {
    invalid(
      `单位不一致：年度指标值${quote(A.text)}的单位是“${A.unit}”，实际完成值${quote(B.text)}的单位是“${B.unit}”`,
    );
  }
  const dir = toDirection(direction) ?? inferDirection(isBlank(name) ? "" : String(name), A);
  const scored = quantitativeScore(A.value as number, B.value as number, w, dir);
  if (scored.invalid) invalid(scored.steps);
  return scored.value;
}

// ───────────────────────────── 定性指标 ─────────────────────────────

function bandText(band: { band: string; min: number; max: number }): string {
  const lo = band.min === 0 ? "0" : formatPercentShort(band.min);
  return `${band.band}（${lo}–${formatPercentShort(band.max)}）`;
}

/**
 * QUALCHECK: whether the points of a 定性 indicator lie in the band of its stated result.
 * "符合：达成（80%–100%）" or "不符合：达成（80%–100%）应在 8–10 分".
 */
export function qualCheck(bandTextArg: Arg, score: Arg, weight: Arg): string {
  if (isBlank(bandTextArg))
    invalid("缺少档次文字（达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差）");
  const band = qualitativeBand(String(bandTextArg));
  if (!band) {
    invalid(
      `无法识别档次${quote(bandTextArg)}：应为“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”`,
    );
  }
  const s = toNumber(score, "得分");
  const w = toWeight(weight);
  if (w === 0) invalid("分值为 0，无法核对定性得分");
  const lo = round2(band.min * w);
  const hi = round2(band.max * w);
  if (pointsInBand(s, w, band)) return `符合：${bandText(band)}`;
  const range = band.maxInclusive
    ? `${formatNumber(lo)}–${formatNumber(hi)} 分`
    : `${formatNumber(lo)}–${formatNumber(hi)} 分（不含 ${formatNumber(hi)} 分）`;
  return `不符合：${bandText(band)}应在 ${range}，填写 ${formatNumber(s)} 分`;
}

// ───────────────────────────── 扣分、合计、等级 ─────────────────────────────

/** DEDUCTION: 分值 − 得分, rounded to 2 decimals. */
export function deduction(weight: Arg, score: Arg): number {
  const w = toWeight(weight);
  const s = toNumber(score, "得分");
  if (s < 0) invalid(`得分 ${n(s)} 不能为负数`);
  if (round2(s) > round2(w)) invalid(`得分 ${n(s)} 超过分值 ${n(w)}`);
  return round2(w - s);
}

/** Placeholders and labels that SUMSCORES skips. */
const SKIP_TEXT = /^(?:[/\\—–\-_~―─－]+|无|不适用)$/;

/**
 * SUMSCORES: sum of a range of scores, skipping blanks, "/", "—" and other text; numbers typed as
 * text ("8.5", "8.5分") count. Rounded to 2 decimals.
 */
export function sumScores(range: unknown[][]): number {
  if (!Array.isArray(range)) invalid("合计得分需要一个单元格区域");
  let total = 0;
  for (const row of range) {
    for (const v of Array.isArray(row) ? row : [row]) {
      if (typeof v === "number") {
        if (Number.isFinite(v)) total += v;
        continue;
      }
      if (typeof v !== "string") continue; // null, booleans
      const s = normalizeText(v).replace(/\s+/g, "");
      if (s === "" || SKIP_TEXT.test(s)) continue;
      const m = /^(-?\d+(?:\.\d+)?)分?$/.exec(s);
      if (m) total += Number(m[1]);
    }
  }
  return finite(round2(cleanFloat(finite(total))));
}

/** GRADE: the grade label of a total under a rule profile (default profile when blank). */
export function grade(total: Arg, rule?: Arg): string {
  const t = toNumber(total, "总分");
  const profile = profileFor(rule);
  if (t < 0) invalid(`总分 ${n(t)} 不能为负数`);
  if (round2(t) > profile.totalWeight) invalid(`总分 ${n(t)} 超过满分 ${n(profile.totalWeight)}`);
  const label = gradeFor(t, profile);
  if (label === "") return invalid(`规则“${profile.id}”没有等级划分`);
  return label;
}

// ───────────────────────────── 共性指标 ─────────────────────────────

/** RATIO: 分子 / 分母 as a fraction. */
export function rate(numerator: Arg, denominator: Arg): number {
  const a = toNumber(numerator, "分子");
  const b = toNumber(denominator, "分母");
  return rateOrThrow(ratio(a, b), "分母为 0，无法计算比率", b === 0);
}

/** CONTROLRATE: 实际数 / 预算数 (公用经费、“三公经费”控制率 …). */
export function controlRate(actual: Arg, budget: Arg): number {
  const a = toNumber(actual, "实际数");
  const b = toNumber(budget, "预算数");
  if (b < 0) invalid(`预算数 ${n(b)} 为负数，无法计算控制率`);
  return rateOrThrow(ratio(a, b), "预算数为 0，无法计算控制率", b === 0);
}

/** CHANGERATE: (本年 − 上年) / 上年. */
export function changeRateFn(current: Arg, previous: Arg): number {
  const c = toNumber(current, "本年数");
  const p = toNumber(previous, "上年数");
  if (p < 0) invalid(`上年数 ${n(p)} 为负数，无法计算变动率`);
  return rateOrThrow(changeRate(c, p), "上年数为 0，无法计算变动率", p === 0);
}

/** STAFFRATE: 实际在职人数 / 编制数. */
export function staffRate(actualStaff: Arg, authorised: Arg): number {
  const a = toNumber(actualStaff, "实际在职人数");
  const b = toNumber(authorised, "编制数");
  if (b < 0) invalid(`编制数 ${n(b)} 为负数，无法计算控制率`);
  return rateOrThrow(staffControlRate(a, b), "编制数为 0，无法计算人员控制率", b === 0);
}

/** ADJUSTRATE: 预算调整数 / 年初预算数. */
export function adjustRate(adjustment: Arg, initialBudget: Arg): number {
  const a = toNumber(adjustment, "预算调整数");
  const b = toNumber(initialBudget, "年初预算数");
  if (b < 0) invalid(`年初预算数 ${n(b)} 为负数，无法计算预算调整率`);
  return rateOrThrow(budgetAdjustmentRate(a, b), "年初预算数为 0，无法计算预算调整率", b === 0);
}

/** CARRYRATE: 结转结余总额 / 支出预算数. */
export function carryRate(carryover: Arg, spendingBudget: Arg): number {
  const a = toNumber(carryover, "结转结余总额");
  const b = toNumber(spendingBudget, "支出预算数");
  if (b < 0) invalid(`支出预算数 ${n(b)} 为负数，无法计算结转结余率`);
  return rateOrThrow(carryoverRate(a, b), "支出预算数为 0，无法计算结转结余率", b === 0);
}

/** BUDGETCOMPLETION (Hunan): (年初结转 + 年初预算 + 追加 − 年末结转结余) / (年初结转 + 年初预算 + 追加). */
export function budgetCompletion(carryIn: Arg, initial: Arg, supplementary: Arg, carryOut: Arg): number {
  const parts = {
    carryIn: toOptionalNumber(carryIn, "年初结转") ?? 0,
    initial: toNumber(initial, "年初预算"),
    supplementary: toOptionalNumber(supplementary, "追加预算") ?? 0,
    carryOut: toOptionalNumber(carryOut, "年末结转结余") ?? 0,
  };
  const available = parts.carryIn + parts.initial + parts.supplementary;
  if (available === 0) invalid("年初结转、年初预算与追加之和为 0，无法计算预算完成率");
  if (available < 0) invalid(`年初结转、年初预算与追加之和 ${n(available)} 为负数，无法计算预算完成率`);
  return rateOrThrow(budgetCompletionRateHunan(parts), "可用预算为 0", false);
}

// ───────────────────────────── 解析 ─────────────────────────────

/**
 * PARSEVALUE: the number in a target/actual text, unit-normalised (percent → fraction, 亿元/元 →
 * 万元). `partner` (e.g. the target) lends its unit to a bare number.
 */
export function parseNumberText(text: Arg, partner?: Arg): number {
  const partnerValue = isBlank(partner) || typeof partner === "boolean" ? undefined : parseValue(partner);
  const p = toIndicatorValue(
    text,
    "文本",
    partnerValue && partnerValue.kind === "number" ? partnerValue : undefined,
  );
  return p.value as number;
}
