/**
 * Number helpers shared by the core: rounding the way the forms round (half away from zero on the
 * decimal value a person reads) and compact Chinese-form friendly formatting.
 */

/** 10^0 … 10^15, exact doubles. */
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * Removes binary floating-point noise: 0.1 + 0.2 → 0.3, 2.6749999999999998 → 2.675.
 * 15 significant digits is what a double can hold faithfully.
 */
export function cleanFloat(n: number): number {
  if (!Number.isFinite(n) || n === 0) return n === 0 ? 0 : n;
  // Whole numbers below 10^15 have at most 15 digits: nothing to clean (and no string round trip).
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n;
  return Number(n.toPrecision(15));
}

/**
 * Rounds to `decimals` places, half away from zero on the decimal value (2.675 → 2.68,
 * −2.675 → −2.68, 89.995 → 90). Non-finite input is returned unchanged.
 */
export function roundTo(n: number, decimals: number): number {
  if (!Number.isFinite(n)) return n;
  const d = Math.max(0, Math.min(15, Math.trunc(decimals)));
  // Whole numbers below 10^15 are their own rounding at any number of decimals (−0 → 0 as below).
  if (Number.isInteger(n) && n < 1e15 && n > -1e15 && !Number.isNaN(d)) return n === 0 ? 0 : n;
  // Arithmetic fast path. The decimal value used below (15 significant digits, shifted by d) differs
  // from |n| × 10^d by less than 6e-15 of it, so unless |n| × 10^d lies that close to a half,
  // both round to the same whole number; whole ÷ 10^d is then the same correctly rounded double as
  // Number(`${whole}e-${d}`).
  const p = POW10[d];
  if (p !== undefined) {
    const x = Math.abs(n) * p;
    if (x < 1e15 && Math.abs(n) < 1e14) {
      const whole = Math.round(x);
      const frac = x - Math.floor(x);
      if (Math.abs(frac - 0.5) > 1e-14 * x + 1e-15) {
        if (whole === 0) return 0;
        const r = whole / p;
        return n < 0 ? -r : r;
      }
    }
  }
  const abs = Math.abs(cleanFloat(n));
  if (abs === 0) return 0;
  // Beyond 2^53 there are no decimals left to round.
  if (abs >= 1e15) return n;
  // Shifting by the exponent of the decimal string avoids the 1.005 * 100 = 100.49999… trap.
  const text = String(abs);
  let shifted: number;
  if (/e/i.test(text)) {
    // Only very small values reach here (large ones returned above).
    shifted = abs * Math.pow(10, d);
  } else {
    shifted = Number(`${text}e${d}`);
  }
  const whole = Math.round(shifted);
  // From 10^21 on String() writes an exponent ("1.8e+24e-15" would read as NaN). The value then has no
  // digits beyond `d` decimals (at most 15 significant digits after cleanFloat): it is its own rounding.
  if (whole >= 1e21) return n < 0 ? -abs : abs;
  const rounded = Number(`${whole}e-${d}`);
  if (rounded === 0) return 0;
  return n < 0 ? -rounded : rounded;
}

/** Rounds to 2 decimals, half away from zero on the decimal value: 2.675 → 2.68, 89.995 → 90. */
export function round2(n: number): number {
  return roundTo(n, 2);
}

/**
 * Up to `maxDecimals` decimals (default 2), no trailing zeros, no thousands separators:
 * 7.6 → "7.6", 95 → "95", 74.2 → "74.2", 0.1 + 0.2 → "0.3". Non-finite → "—".
 */
export function formatNumber(n: number, maxDecimals = 2): string {
  if (!Number.isFinite(n)) return "—";
  // Whole numbers below 10^15: String gives the same digits as toFixed without trailing zeros.
  if (Number.isInteger(n) && n < 1e15 && n > -1e15 && !Number.isNaN(Math.trunc(maxDecimals)))
    return n === 0 ? "0" : String(n);
  const r = roundTo(n, maxDecimals);
  if (r === 0) return "0";
  const abs = Math.abs(r);
  const d = Math.max(0, Math.min(15, Math.trunc(maxDecimals)));
  // r is the double nearest a number q with at most d decimals. Below 10^(15 − d) q has at most 15
  // significant digits, so String(r) is q's shortest spelling, the same digits toFixed gives without
  // trailing zeros (from 10^-6 up String uses no exponent).
  const limit = POW10[15 - d];
  if (limit !== undefined && abs < limit && abs >= 1e-6) return r < 0 ? `-${String(abs)}` : String(abs);
  let text = abs.toFixed(d);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return r < 0 ? `-${text}` : text;
}

/**
 * A fraction as a percentage with a fixed number of decimals: 0.742 → "74.20%",
 * 9.9031 → "990.31%", formatPercent(0.5, 0) → "50%". Non-finite → "—".
 */
export function formatPercent(fraction: number, decimals = 2): string {
  if (!Number.isFinite(fraction)) return "—";
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const pct = roundTo(cleanFloat(fraction * 100), d);
  const text = Math.abs(pct).toFixed(d);
  return `${pct < 0 ? "-" : ""}${text}%`;
}

/** A fraction as a percentage without trailing zeros: 0.742 → "74.2%", 1 → "100%". */
export function formatPercentShort(fraction: number, maxDecimals = 2): string {
  if (!Number.isFinite(fraction)) return "—";
  return `${formatNumber(cleanFloat(fraction * 100), maxDecimals)}%`;
}

/** True when a and b differ by no more than `tolerance` (default 0.005, half a cent of a point). */
export function nearlyEqual(a: number, b: number, tolerance = 0.005): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance + 1e-9;
}
