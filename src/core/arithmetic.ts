/** Small shared helpers of the check groups. */
import type { CellRef } from "./grid";
import { cleanFloat, formatNumber, round2, roundTo } from "./numbers";

/**
 * Sum without float noise: compensated (Neumaier) summation, then rounded to 10 decimals, so 10,000
 * weights of 0.01 add up to exactly 100 and 0.1 + 0.2 to 0.3.
 */
export function sum(values: number[]): number {
  let s = 0;
  let c = 0;
  for (const v of values) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  const total = s + c;
  return Number.isFinite(total) ? cleanFloat(roundTo(total, 10)) : total;
}

/** "90 = 0 + 20 + 10 + …": the parts of a sum, shortened when there are many. */
export function sumSteps(result: number, parts: number[], max = 12): string {
  const shown = parts.length > max ? parts.slice(0, max) : parts;
  const tail = parts.length > max ? ` + …（共 ${parts.length} 项）` : "";
  const body = shown.length === 0 ? "0" : shown.map((p) => formatNumber(p, 4)).join(" + ");
  return `${formatNumber(result, 4)} = ${body}${tail}`;
}

/** |a − b| after removing float noise. */
export function diff(a: number, b: number): number {
  return Math.abs(cleanFloat(a - b));
}

/** A sum difference: none (≤ 1e-6), rounding (≤ 0.01) or real. */
export function sumDifference(typed: number, expected: number): "none" | "rounding" | "real" {
  const d = diff(typed, expected);
  if (d <= 1e-6) return "none";
  return d <= 0.01 + 1e-9 ? "rounding" : "real";
}

export { round2 };

/** Key of a cell in the plan's change map ("sheet!row:col"; the same as plan.ts's refKey). */
export function planKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.row}:${ref.col}`;
}
