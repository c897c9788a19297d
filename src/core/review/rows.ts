/**
 * The rows of the 复核底稿 (worksheet.ts) and how each is judged: the verdicts, 差额 and the value as typed,
 * with the checks' tolerances.
 */
import type { CellRef } from "../grid";
import { cleanFloat, roundTo } from "../numbers";
import type { NumberRead } from "../read";
import { sumDifference } from "../arithmetic";

/**
 * 一致: equal (sums within 1e-6, scores within 0.01, rates within 0.01 percentage point);
 * 尾差: a rounding difference only (≤ 0.01, or a rate cut/rounded to the decimals printed);
 * 不符: a real difference; 区间内 / 超出区间: a 定性 score against the band of its stated result;
 * 人工判断: a score with no rule to recompute it (定性 without a recognisable result) — within 0～分值;
 * 无法核对: a value needed for the comparison is blank or not a number.
 */
export type Verdict = "一致" | "尾差" | "不符" | "区间内" | "超出区间" | "人工判断" | "无法核对";

export interface WorksheetRow {
  /** 核查项, e.g. "年度资金总额·全年预算数" / "产出指标·新增规模工业企业 得分". */
  item: string;
  /** 公式/来源: how 计算值 is obtained, with the numbers. */
  source: string;
  /** 计算值 (percentages as percentage points, 95.28 for 95.28%; a 定性 band as "4～5"). */
  computed: number | string | null;
  /** 报告值: what the form says. */
  reported: number | string | null;
  /** 差额 = 报告值 − 计算值 (numbers only; null when either is not a number). */
  difference: number | null;
  verdict: Verdict;
  /** The cell holding 报告值. */
  ref: CellRef | null;
}

/** Verdicts that mean "the reviewer must look at this row". */
export const FAILING_VERDICTS: readonly Verdict[] = ["不符", "超出区间"];

const SCORE_EPS = 0.01 + 1e-9;

/** 报告值 − 计算值 without float noise; null when either is missing. */
export function diffOf(reported: number | null, computed: number | null): number | null {
  if (reported === null || computed === null) return null;
  return cleanFloat(roundTo(reported - computed, 6));
}

export function sumVerdict(reported: number | null, computed: number | null): Verdict {
  if (reported === null || computed === null) return "无法核对";
  const k = sumDifference(reported, computed);
  return k === "none" ? "一致" : k === "rounding" ? "尾差" : "不符";
}

export function scoreVerdict(reported: number | null, computed: number | null): Verdict {
  if (reported === null || computed === null) return "无法核对";
  return Math.abs(reported - computed) <= SCORE_EPS ? "一致" : "不符";
}

/** 报告值 of a read: the number, else the text as typed (null when blank). */
export function shown(read: NumberRead): number | string | null {
  if (read.value !== null) return read.value;
  return read.text === "" ? null : read.text;
}
