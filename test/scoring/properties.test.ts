import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { round2 } from "../../src/core/numbers";
import { parseValue } from "../../src/core/parse";
import { executionScore, quantitativeScore } from "../../src/core/scoring";

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308),
);
const direction = fc.constantFrom<">=" | "<=" | "=">(">=", "<=", "=");

describe("properties", () => {
  test("quantitativeScore never throws and stays within [0, w]", () => {
    fc.assert(
      fc.property(
        anyNumber,
        anyNumber,
        fc.double({ min: 0, max: 100, noNaN: true }),
        direction,
        (a, b, w, d) => {
          const s = quantitativeScore(a, b, w, d);
          expect(Number.isFinite(s.value)).toBe(true);
          expect(s.value).toBeGreaterThanOrEqual(0);
          expect(s.value).toBeLessThanOrEqual(round2(w));
        },
      ),
    );
  });
  test("executionScore never throws and stays within [0, w] under every rule", () => {
    const rule = fc.oneof(
      fc.constant({ kind: "proportional" as const }),
      fc.record({
        kind: fc.constant("step" as const),
        stepPercent: fc.double({ min: 0.5, max: 10, noNaN: true }),
        pointsPerStep: fc.double({ min: 0.5, max: 5, noNaN: true }),
        partial: fc.constantFrom<"whole" | "linear">("whole", "linear"),
      }),
    );
    fc.assert(
      fc.property(anyNumber, fc.double({ min: 0, max: 100, noNaN: true }), rule, (rate, w, r) => {
        const s = executionScore(rate, w, r);
        expect(s.value).toBeGreaterThanOrEqual(0);
        expect(s.value).toBeLessThanOrEqual(round2(w));
      }),
    );
  });
  test("parseValue never throws on arbitrary text and gives finite numbers only", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        const p = parseValue(text);
        expect(["number", "qualitative", "placeholder", "empty", "unparsed"]).toContain(p.kind);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
        else expect(p.value).toBeNull();
      }),
    );
  });
  test("parseValue reads back any formatted percentage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (hundredths) => {
        const pct = hundredths / 100;
        const p = parseValue(`≥${pct}%`);
        expect(p.comparator).toBe(">=");
        expect(p.value).toBeCloseTo(pct / 100, 10);
      }),
    );
  });
  test("round2 is idempotent and within half a cent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const r = round2(n);
        expect(round2(r)).toBe(r);
        expect(Math.abs(r - n)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});
