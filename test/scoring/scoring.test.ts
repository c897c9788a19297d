import { describe, expect, test } from "@jest/globals";
import type { ExecutionRule } from "../../src/core/model";
import {
  executionRate,
  executionScore,
  overAchievementRatio,
  pointsInBand,
  qualitativeBand,
  quantitativeScore,
} from "../../src/core/scoring";

const proportional: ExecutionRule = { kind: "proportional" };
const stepWhole: ExecutionRule = { kind: "step", stepPercent: 2, pointsPerStep: 1, partial: "whole" };
const stepLinear: ExecutionRule = { kind: "step", stepPercent: 2, pointsPerStep: 1, partial: "linear" };

describe("executionRate", () => {
  test("seed 000: 4551.57 / 459.61 = 990.31%", () => {
    // 459.61 × 9.9 = 4550.139; (4551.57 − 4550.139) / 459.61 = 0.00311 → 9.9031 → 990.31%
    const r = executionRate(4551.57, 459.61);
    expect(r).not.toBeNull();
    expect(r!).toBeCloseTo(9.9031, 4);
  });
  test("ordinary rate: 76 / 100 = 76%", () => {
    expect(executionRate(76, 100)).toBeCloseTo(0.76, 12);
  });
  test("null on a zero, negative or non-finite budget", () => {
    expect(executionRate(10, 0)).toBeNull();
    expect(executionRate(10, -5)).toBeNull();
    expect(executionRate(10, NaN)).toBeNull();
    expect(executionRate(10, Infinity)).toBeNull();
    expect(executionRate(NaN, 10)).toBeNull();
  });
});

describe("executionScore: proportional", () => {
  test("76% of 10 = 7.6", () => {
    // 0.76 × 10 = 7.6
    const s = executionScore(0.76, 10, proportional);
    expect(s.value).toBe(7.6);
    expect(s.steps).toBe("7.6 = 76.00% × 10");
  });
  test("74.2029% of 10 = 7.42", () => {
    // 20.48 / 27.6 = 0.742029 → × 10 = 7.42029 → 7.42
    expect(executionScore(20.48 / 27.6, 10, proportional).value).toBe(7.42);
  });
  test("exactly 100% → full points", () => {
    expect(executionScore(1, 10, proportional).value).toBe(10);
  });
  test("seed 000: 990% scores as 100% → full 5 points, steps say so", () => {
    const s = executionScore(4551.57 / 459.61, 5, proportional);
    expect(s.value).toBe(5);
    expect(s.steps).toContain("990.31%");
    expect(s.steps).toContain("按 100% 计");
  });
  test("0% → 0, negative → 0", () => {
    expect(executionScore(0, 10, proportional).value).toBe(0);
    expect(executionScore(-0.5, 10, proportional).value).toBe(0);
  });
  test("rounding half away from zero: 0.8765 × 10 = 8.765 → 8.77", () => {
    expect(executionScore(0.8765, 10, proportional).value).toBe(8.77);
  });
});

describe("executionScore: step deduction (每低于2%扣1分)", () => {
  test("96%, X=2, Y=1, w=5, whole steps: shortfall 4 points = 2 steps → 5 − 2 = 3", () => {
    const s = executionScore(0.96, 5, stepWhole);
    expect(s.value).toBe(3);
    expect(s.steps).toContain("5 − 1 × 2");
  });
  test("97%, whole steps: shortfall 3 points = 1 whole step → 5 − 1 = 4", () => {
    expect(executionScore(0.97, 5, stepWhole).value).toBe(4);
  });
  test("97%, linear: 5 − 1 × 3 / 2 = 3.5", () => {
    const s = executionScore(0.97, 5, stepLinear);
    expect(s.value).toBe(3.5);
    expect(s.steps).toContain("3 ÷ 2");
  });
  test("98%: exactly one step despite float noise (1 − 0.98 = 0.0200000000000000018)", () => {
    // 2 / 2 = 1 step → 5 − 1 = 4
    expect(executionScore(0.98, 5, stepWhole).value).toBe(4);
  });
  test("99%: less than one step → full points under whole steps, 4.5 linear", () => {
    // whole: floor(1/2) = 0 → 5; linear: 5 − 1 × 1/2 = 4.5
    expect(executionScore(0.99, 5, stepWhole).value).toBe(5);
    expect(executionScore(0.99, 5, stepLinear).value).toBe(4.5);
  });
  test("seed 000: 990% → full 5 points under the step rule too", () => {
    const s = executionScore(4551.57 / 459.61, 5, stepWhole);
    expect(s.value).toBe(5);
    expect(s.steps).toContain("按 100% 计");
  });
  test("扣完为止: 80% → 20 points short = 10 steps → 5 − 10 floored at 0", () => {
    const s = executionScore(0.8, 5, stepWhole);
    expect(s.value).toBe(0);
    expect(s.steps).toContain("扣完为止");
  });
  test("2018 Hunan variant X=5, Y=2: 88% → 12 short = 2 whole steps → 10 − 4 = 6", () => {
    expect(
      executionScore(0.88, 10, { kind: "step", stepPercent: 5, pointsPerStep: 2, partial: "whole" }).value,
    ).toBe(6);
  });
  test("float noise does not lose a whole step: rate 2.5e-15 is 100 points short = 2 steps of 50 → 1 − 2 × 0.5 = 0", () => {
    // (1 − 2.498e-15) × 100 = 99.99999999999974 in floating point; ÷ 50 = 1.999999999999995, which is 2 steps
    // (the built-in formula of 转换为普通公式 rounds to 10 decimals before INT and says 0 too).
    const rule: ExecutionRule = { kind: "step", stepPercent: 50, pointsPerStep: 0.5, partial: "whole" };
    expect(executionScore(2.4980018054066026e-15, 1, rule).value).toBe(0);
  });
});

describe("executionScore: odd input never throws", () => {
  test.each([NaN, Infinity, -Infinity])("rate %p", (rate) => {
    const s = executionScore(rate, 10, proportional);
    expect(s.invalid).toBe(true);
    expect(s.value).toBe(0);
  });
  test("bad weight", () => {
    expect(executionScore(0.9, NaN, proportional).invalid).toBe(true);
  });
  test("bad step parameters", () => {
    expect(
      executionScore(0.9, 5, { kind: "step", stepPercent: 0, pointsPerStep: 1, partial: "whole" }).invalid,
    ).toBe(true);
  });
});

describe("quantitativeScore (domain.md §3.3)", () => {
  test("≥: actual meets the target → full points", () => {
    expect(quantitativeScore(0.95, 0.98, 10, ">=").value).toBe(10);
    expect(quantitativeScore(8, 8, 5, ">=").value).toBe(5);
  });
  test("≥: 76 of 100 with w 10 → 10 × 76 / 100 = 7.6", () => {
    const s = quantitativeScore(100, 76, 10, ">=");
    expect(s.value).toBe(7.6);
    expect(s.steps).toBe("7.6 = 10 × 76 ÷ 100");
  });
  test("≥: 6 of 8 with w 5 → 5 × 6 / 8 = 3.75", () => {
    expect(quantitativeScore(8, 6, 5, ">=").value).toBe(3.75);
  });
  test("≥: 2 of 3 with w 10 → 6.666… → 6.67", () => {
    expect(quantitativeScore(3, 2, 10, ">=").value).toBe(6.67);
  });
  test("≥: over-achievement never exceeds w", () => {
    expect(quantitativeScore(8, 20, 5, ">=").value).toBe(5);
  });
  test("≥: target 0 → actual ≥ 0 full, below 0 nothing", () => {
    expect(quantitativeScore(0, 0, 5, ">=").value).toBe(5);
    expect(quantitativeScore(0, 3, 5, ">=").value).toBe(5);
    expect(quantitativeScore(0, -1, 5, ">=").value).toBe(0);
  });
  test("≥: negative target: B ≥ A full, else 0", () => {
    expect(quantitativeScore(-2, -1, 5, ">=").value).toBe(5);
    expect(quantitativeScore(-2, -3, 5, ">=").value).toBe(0);
  });
  test("≥: negative actual on a positive target → 0, never below", () => {
    expect(quantitativeScore(10, -5, 5, ">=").value).toBe(0);
  });
  test("≤: actual within target → full", () => {
    expect(quantitativeScore(27.6, 20.48, 5, "<=").value).toBe(5);
    expect(quantitativeScore(10, 10, 5, "<=").value).toBe(5);
  });
  test("≤: A < B < 2A → w × (1 − (B − A)/A): 10, 15, w 10 → 10 × (1 − 0.5) = 5", () => {
    const s = quantitativeScore(10, 15, 10, "<=");
    expect(s.value).toBe(5);
    expect(s.steps).toBe("5 = 10 × (1 − (15 − 10) ÷ 10)");
  });
  test("≤: 10, 12, w 5 → 5 × (1 − 0.2) = 4", () => {
    expect(quantitativeScore(10, 12, 5, "<=").value).toBe(4);
  });
  test("≤: at exactly 2× the target → 0", () => {
    expect(quantitativeScore(10, 20, 10, "<=").value).toBe(0);
  });
  test("≤: beyond 2× → 0", () => {
    expect(quantitativeScore(10, 35, 10, "<=").value).toBe(0);
  });
  test("≤: target 0 → B ≤ 0 full, above 0 nothing", () => {
    expect(quantitativeScore(0, 0, 5, "<=").value).toBe(5);
    expect(quantitativeScore(0, 0.1, 5, "<=").value).toBe(0);
  });
  test("=: target 0 → B ≤ 0 full, B > 0 nothing", () => {
    expect(quantitativeScore(0, 0, 5, "=").value).toBe(5);
    expect(quantitativeScore(0, -1, 5, "=").value).toBe(5);
    expect(quantitativeScore(0, 1, 5, "=").value).toBe(0);
  });
  test("=: non-zero target behaves as ≥: 1 (100%) vs 0.9 with w 10 → 9", () => {
    expect(quantitativeScore(1, 0.9, 10, "=").value).toBe(9);
    expect(quantitativeScore(1, 1.2, 10, "=").value).toBe(10);
  });
  test("never throws; invalid input flagged", () => {
    expect(quantitativeScore(NaN, 1, 5, ">=").invalid).toBe(true);
    expect(quantitativeScore(1, Infinity, 5, ">=").invalid).toBe(true);
    expect(quantitativeScore(1, 1, -5, ">=").invalid).toBe(true);
  });
  test("huge numbers stay within [0, w]", () => {
    const s = quantitativeScore(1e300, 1e-300, 5, ">=");
    expect(s.value).toBeGreaterThanOrEqual(0);
    expect(s.value).toBeLessThanOrEqual(5);
  });
});

describe("scores never exceed the weight after rounding to 2 decimals", () => {
  // round2(0.009) = 0.01 would give more points than the indicator is worth: clamp after rounding.
  test.each([
    [">=", 100, 100, 0.009, 0.009], // B ≥ A: full points = the weight itself
    ["<=", 27.6, 20.48, 0.009, 0.009], // B ≤ A: full points
    ["=", 0, 0, 0.009, 0.009], // A = 0, B ≤ 0: full points
    // 0.0175 × 7.6 / 8 = 0.016625 → 0.02 after rounding > 0.0175 → 0.0175
    [">=", 8, 7.6, 0.0175, 0.0175],
    // 0.009 × 95 / 100 = 0.00855 → 0.01 after rounding > 0.009 → 0.009
    [">=", 100, 95, 0.009, 0.009],
    // 0.009 × 40 / 100 = 0.0036 → 0 (rounding down is kept)
    [">=", 100, 40, 0.009, 0],
    // Ordinary weights are unchanged: 10 × 7.6 / 8 = 9.5
    [">=", 8, 7.6, 10, 9.5],
  ] as const)("%s A=%p B=%p w=%p → %p", (dir, A, B, w, expected) => {
    const s = quantitativeScore(A, B, w, dir);
    expect(s.invalid).toBeUndefined();
    expect(s.value).toBe(expected);
    expect(s.value).toBeLessThanOrEqual(w);
    expect(s.steps.startsWith(`${expected} =`) || s.steps.startsWith(`${expected}（`)).toBe(true);
  });
  test("execution score: 0.009 × 100% = 0.009, not 0.01", () => {
    expect(executionScore(1, 0.009, proportional).value).toBe(0.009);
    expect(executionScore(0.99, 0.009, proportional).value).toBe(0.009); // 0.00891 → 0.01 → 0.009
    expect(executionScore(1, 0.009, stepWhole).value).toBe(0.009);
    expect(executionScore(1, 0.009, stepWhole).steps.startsWith("0.009 = 满分")).toBe(true);
    // 每低于2%扣0.01分, linear: 99.9% is 0.1 point short → 0.01 × 0.1 ÷ 2 = 0.0005 deducted;
    // 0.0175 − 0.0005 = 0.017 → 0.02 after rounding > 0.0175 → 0.0175.
    const tiny: ExecutionRule = { kind: "step", stepPercent: 2, pointsPerStep: 0.01, partial: "linear" };
    expect(executionScore(0.999, 0.0175, tiny).value).toBe(0.0175);
  });
});

describe("qualitativeBand (domain.md §3.4)", () => {
  test("达成年度指标 → [80%, 100%]", () => {
    expect(qualitativeBand("达成年度指标")).toEqual({ band: "达成", min: 0.8, max: 1, maxInclusive: true });
  });
  test("部分达成年度指标并具有一定效果 → [60%, 80%)", () => {
    expect(qualitativeBand("部分达成年度指标并具有一定效果")).toEqual({
      band: "部分达成",
      min: 0.6,
      max: 0.8,
      maxInclusive: false,
    });
  });
  test("未达成年度指标且效果较差 → [0, 60%)", () => {
    expect(qualitativeBand("未达成年度指标且效果较差")).toEqual({
      band: "未达成",
      min: 0,
      max: 0.6,
      maxInclusive: false,
    });
  });
  test.each([
    ["达成预期指标", "达成"],
    ["已达成", "达成"],
    ["全部达成", "达成"],
    ["达成", "达成"],
    ["部分达成", "部分达成"],
    ["未达成", "未达成"],
    ["未达成预期目标", "未达成"],
  ])("short form %s → %s", (text, band) => {
    expect(qualitativeBand(text)?.band).toBe(band);
  });
  test.each(["按时完成", "效果明显", "高", "好", "", "95%"])("no band stated: %p", (text) => {
    expect(qualitativeBand(text)).toBeNull();
  });
  test("points in band: w 10 — 达成 8..10, 部分达成 6..<8, 未达成 0..<6", () => {
    const achieved = qualitativeBand("达成年度指标")!;
    const partial = qualitativeBand("部分达成年度指标并具有一定效果")!;
    const missed = qualitativeBand("未达成年度指标且效果较差")!;
    expect(pointsInBand(8, 10, achieved)).toBe(true);
    expect(pointsInBand(10, 10, achieved)).toBe(true);
    expect(pointsInBand(7.99, 10, achieved)).toBe(false);
    expect(pointsInBand(6, 10, partial)).toBe(true);
    expect(pointsInBand(8, 10, partial)).toBe(false);
    expect(pointsInBand(5.99, 10, missed)).toBe(true);
    expect(pointsInBand(6, 10, missed)).toBe(false);
  });
});

describe("overAchievementRatio", () => {
  test("13 / 10 = 1.3", () => {
    expect(overAchievementRatio(10, 13)).toBeCloseTo(1.3, 12);
  });
  test("seed 002: 438.64 / 180 = 2.4369", () => {
    expect(overAchievementRatio(180, 438.64)).toBeCloseTo(2.4369, 4);
  });
  test("null on a zero or negative target", () => {
    expect(overAchievementRatio(0, 5)).toBeNull();
    expect(overAchievementRatio(-1, 5)).toBeNull();
    expect(overAchievementRatio(NaN, 5)).toBeNull();
  });
});
