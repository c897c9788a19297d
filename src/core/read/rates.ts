/**
 * Reading a printed rate (the budget block's 执行率, the older summary's 得分率) and judging it against the
 * rate its numerator and denominator give: shared by the plan, RATE_MISMATCH (../checks/rate.ts) and the
 * 复核底稿. Tolerance 0.01 percentage point; a printed rate that is the exact rate rounded or cut to the
 * printed number of decimals (30.35% shown as 30%) is "rounding", anything else "wrong".
 * A printed rate may be a number with a percent format (0.742 shown 74.20%), a bare fraction (0.742),
 * a bare number meaning percent (74.2) or text ("74.20%"); a bare number is read the closer way.
 */
import { formatPercent, roundTo } from "../numbers";
import type { NumberRead } from "./fields";

export interface PrintedRate {
  /** As a fraction. */
  fraction: number;
  /** The percentage as printed (74.2 for "74.2%"). */
  percent: number;
  /** Decimals shown in the percentage. */
  decimals: number;
  /** How the value is written: "fraction" (percent format or bare fraction), "points" (bare 74.2), "text". */
  style: "fraction" | "points" | "text";
}

function decimalsOf(n: number): number {
  const s = String(roundTo(n, 10));
  if (/e/i.test(s)) return 10;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function formatDecimals(numberFormat: string | undefined): number | null {
  if (!numberFormat) return null;
  const m = /\.([0#]+)\s*%/.exec(numberFormat.replace(/"[^"]*"/g, ""));
  if (m) return m[1].length;
  return /%/.test(numberFormat) ? 0 : null;
}

/** Reads a printed rate near `expected` (a fraction); null when the cell holds no number. */
export function readPrintedRate(
  read: NumberRead,
  expected: number,
  numberFormat?: string,
): PrintedRate | null {
  if (read.status !== "number" || read.value === null) return null;
  const v = read.value;
  if (read.isPercent) {
    const percent = roundTo(v * 100, 10);
    if (read.numeric) {
      const fd = formatDecimals(numberFormat);
      return {
        fraction: v,
        percent,
        decimals: Math.max(fd ?? 0, Math.min(decimalsOf(percent), fd ?? 10)),
        style: "fraction",
      };
    }
    const m = /(\d+)(?:\.(\d+))?\s*[%％]/.exec(read.text.normalize("NFKC"));
    return { fraction: v, percent, decimals: m?.[2]?.length ?? decimalsOf(percent), style: "text" };
  }
  // Bare number: fraction (0.742) or percentage points (74.2), whichever is closer to the expected rate.
  const asFraction = v;
  const asPoints = v / 100;
  const closerIsPoints = Math.abs(asPoints - expected) < Math.abs(asFraction - expected);
  const textStyle = !read.numeric;
  if (closerIsPoints) {
    return { fraction: asPoints, percent: v, decimals: decimalsOf(v), style: textStyle ? "text" : "points" };
  }
  const percent = roundTo(v * 100, 10);
  return {
    fraction: v,
    percent,
    decimals: Math.max(0, decimalsOf(v) - 2),
    style: textStyle ? "text" : "fraction",
  };
}

export type RateVerdict = "ok" | "rounding" | "wrong";

export function judgeRate(printed: PrintedRate, expected: number): RateVerdict {
  const exp = expected * 100;
  if (Math.abs(printed.percent - exp) <= 0.01 + 1e-9) return "ok";
  const d = Math.min(printed.decimals, 10);
  const rounded = roundTo(exp, d);
  const cut = Math.trunc(roundTo(exp * Math.pow(10, d), 6)) / Math.pow(10, d);
  if (Math.abs(printed.percent - rounded) < 1e-6 || Math.abs(printed.percent - cut) < 1e-6) return "rounding";
  return "wrong";
}

/** The fix in the cell's own style: a fraction for percent-formatted or fractional cells, else text or points. */
export function rateFixValue(printed: PrintedRate, expected: number): number | string {
  switch (printed.style) {
    case "fraction":
      return roundTo(expected, 4);
    case "points":
      return roundTo(expected * 100, 2);
    case "text":
      return formatPercent(expected, 2);
  }
}
