/**
 * Property-based tests of the value parser and the number formatting (fixed seed, FUZZ_RUNS scales):
 * parseValue never throws on any cell value or text (labels, value-like texts, full-width, 10,000
 * characters, extreme numbers, errors, dates), is deterministic and consistent; and what
 * formatNumber / formatPercent / formatPercentShort print reads back with parseValue as the same
 * number (to the printed decimals), in half-width and in full-width digits.
 */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { formatNumber, formatPercent, formatPercentShort, roundTo } from "../../src/core/numbers";
import { parseValue, type ParsedValue } from "../../src/core/parse";
import { anyCellValue, anyText, runs, toFullWidth } from "./arbitraries";

const KINDS = new Set(["number", "qualitative", "placeholder", "empty", "unparsed"]);

function consistent(p: ParsedValue): void {
  if (!KINDS.has(p.kind)) throw new Error(`unknown kind ${p.kind}`);
  if (p.kind === "number") {
    if (typeof p.value !== "number" || !Number.isFinite(p.value))
      throw new Error(`number kind, value ${p.value}`);
  } else if (p.value !== null) throw new Error(`${p.kind} kind with value ${p.value}`);
  if (typeof p.text !== "string") throw new Error("text is not a string");
}

/** Numbers the forms hold: amounts and scores up to 10^12 with any decimals, and small fractions. */
const formNumber = fc.oneof(
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom(-0, 0, 5e-324, 1e-300, 0.005, 0.015, 2.675, 89.995, 99.995, 1.005, 0.1 + 0.2),
);
const fraction = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(-0, 0, 5e-324, 0.76, 0.9031, 0.3035, 0.00005, 0.99995, 1, 9.9031),
);
const decimals = fc.integer({ min: 0, max: 4 });

/** Reads `text` as a plain number; fails the property with the parse when it is not one. */
function read(text: string): ParsedValue {
  const p = parseValue(text);
  if (p.kind !== "number" || p.value === null)
    throw new Error(`"${text}" did not parse as a number: ${p.kind}`);
  return p;
}

describe("parseValue on generated input", () => {
  test("never throws, consistent kind/value, same result twice (cell values, texts, options)", () => {
    const input = fc.oneof(
      anyCellValue,
      anyText,
      fc.double(),
      fc.constantFrom(null, undefined, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(input, fc.boolean(), fc.option(anyText), (value, percentFormat, partnerText) => {
        const partner = partnerText === null ? null : parseValue(partnerText);
        const opts = { percentFormat, partner };
        const a = parseValue(value, opts);
        consistent(a);
        expect(isDeepStrictEqual(parseValue(value, opts), a)).toBe(true);
      }),
      runs(0.3),
    );
  });
});

describe("formatting round-trips through the parser", () => {
  test("formatNumber(n, d) parses back to n rounded to d decimals", () => {
    fc.assert(
      fc.property(formNumber, decimals, (n, d) => {
        const text = formatNumber(n, d);
        const p = read(text);
        // Exactly the rounded value the text shows (0 for -0 and for what rounds to 0).
        expect(p.value).toBe(roundTo(n, d) === 0 ? 0 : roundTo(n, d));
        expect(Math.abs(p.value! - n)).toBeLessThanOrEqual(0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(n) * 1e-15);
        expect(p.isPercent).toBe(false);
        // Full-width digits (１２３．４５) read the same.
        expect(read(toFullWidth(text)).value).toBe(p.value);
      }),
      runs(0.15),
    );
  });

  test("formatPercent(f, d) parses back to f within half a unit of the last printed decimal", () => {
    fc.assert(
      fc.property(fraction, decimals, (f, d) => {
        const text = formatPercent(f, d);
        const p = read(text);
        expect(p.isPercent).toBe(true);
        expect(p.unit).toBe("%");
        // The text shows f × 100 to d decimals; as a fraction that is 10^-(d+2) per printed unit.
        expect(Math.abs(p.value! - f)).toBeLessThanOrEqual(0.5 * 10 ** -(d + 2) + 1e-12);
        expect(read(toFullWidth(text)).value).toBe(p.value);
      }),
      runs(0.15),
    );
  });

  test("formatPercentShort(f) parses back to f within 0.005 percentage points", () => {
    fc.assert(
      fc.property(fraction, (f) => {
        const p = read(formatPercentShort(f));
        expect(p.isPercent).toBe(true);
        expect(Math.abs(p.value! - f)).toBeLessThanOrEqual(0.00005 + 1e-12);
      }),
      runs(0.1),
    );
  });

  test("hand-checked cases", () => {
    // 2.675 → "2.68" (half away from zero on the decimal value), 89.995 → "90", 0.3035 → "30.35%".
    expect(read(formatNumber(2.675)).value).toBe(2.68);
    expect(read(formatNumber(89.995)).value).toBe(90);
    expect(read(formatNumber(-2.675)).value).toBe(-2.68);
    expect(read(formatPercent(0.3035)).value).toBe(0.3035);
    expect(read(formatPercent(0.76, 0)).value).toBe(0.76);
    expect(read(formatPercent(9.9031)).value).toBe(9.9031);
  });
});
