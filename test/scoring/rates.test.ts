import { describe, expect, test } from "@jest/globals";
import {
  RATE_INDICATORS,
  assetUtilisationRate,
  budgetAdjustmentRate,
  budgetCompletionRate,
  budgetCompletionRateHunan,
  carryoverRate,
  changeRate,
  findRateIndicator,
  procurementExecutionRate,
  publicExpenseControlRate,
  ratio,
  staffControlRate,
  taskCompletionRate,
  threePublicControlRate,
} from "../../src/core/rates";

describe("seed figures (domain.md §4)", () => {
  test("公用经费控制率 20.48 / 27.6 = 74.20%", () => {
    // 27.6 × 0.742 = 20.4792; remainder 0.0008 / 27.6 = 0.000029 → 0.742029
    const r = publicExpenseControlRate(20.48, 27.6);
    expect(r.value).toBeCloseTo(0.742029, 6);
    expect(r.steps).toBe("74.20% = 20.48 ÷ 27.6");
  });
  test("政府采购执行率 4.82 / 6.7 = 71.94%", () => {
    // 6.7 × 0.7194 = 4.81998 → 0.71940
    const r = procurementExecutionRate(4.82, 6.7);
    expect(r.value).toBeCloseTo(0.7194, 4);
    expect(r.steps).toBe("71.94% = 4.82 ÷ 6.7");
  });
  test("“三公经费”控制率 0.4 / 0.4 = 100%", () => {
    const r = threePublicControlRate(0.4, 0.4);
    expect(r.value).toBe(1);
    expect(r.steps).toBe("100.00% = 0.4 ÷ 0.4");
  });
  test("“三公经费”控制率 40.90 / 75 = 54.53%", () => {
    // 40.9 / 75 = 0.545333…
    const r = threePublicControlRate(40.9, 75);
    expect(r.value).toBeCloseTo(0.545333, 6);
    expect(r.steps).toBe("54.53% = 40.9 ÷ 75");
  });
  test("政府采购执行率 438.64 / 180 = 243.69%", () => {
    // 180 × 2.4369 = 438.642 → 2.436889
    const r = procurementExecutionRate(438.64, 180);
    expect(r.value).toBeCloseTo(2.436889, 6);
    expect(r.steps).toBe("243.69% = 438.64 ÷ 180");
  });
  test("财政供养人员控制率 88 / 99 = 88.89%", () => {
    // 88 / 99 = 8 / 9 = 0.8888…
    const r = staffControlRate(88, 99);
    expect(r.value).toBeCloseTo(8 / 9, 12);
    expect(r.steps).toBe("88.89% = 88 ÷ 99");
  });
  test("“三公经费”变动率 (75 − 73.34) / 73.34 = 2.26%", () => {
    // 1.66 / 73.34 = 0.022634
    const r = changeRate(75, 73.34);
    expect(r.value).toBeCloseTo(0.022634, 6);
    expect(r.steps).toBe("2.26% = (75 − 73.34) ÷ 73.34");
  });
  test("预算调整率 398.18 / 1311.99 = 30.35%", () => {
    // 1311.99 × 0.3 = 393.597; remainder 4.583 / 1311.99 = 0.003493 → 0.303493
    const r = budgetAdjustmentRate(398.18, 1311.99);
    expect(r.value).toBeCloseTo(0.303493, 6);
    expect(r.steps).toBe("30.35% = 398.18 ÷ 1311.99");
  });
  test("seed 000 执行率 4551.57 / 459.61 = 990.31%", () => {
    expect(ratio(4551.57, 459.61).steps).toBe("990.31% = 4551.57 ÷ 459.61");
  });
  test("seed 004 固定资产利用率 73.04 / 73.04 = 100%", () => {
    expect(assetUtilisationRate(73.04, 73.04).value).toBe(1);
  });
});

describe("other formulas", () => {
  test("预算完成率 95 / 100 = 95%", () => {
    expect(budgetCompletionRate(95, 100).value).toBeCloseTo(0.95, 12);
  });
  test("Hunan 预算完成率 (10 + 80 + 10 − 5) / (10 + 80 + 10) = 95%", () => {
    const r = budgetCompletionRateHunan({ carryIn: 10, initial: 80, supplementary: 10, carryOut: 5 });
    expect(r.value).toBeCloseTo(0.95, 12);
    expect(r.steps).toBe("95.00% = (10 + 80 + 10 − 5) ÷ (10 + 80 + 10)");
  });
  test("结转结余率 5 / 200 = 2.5%", () => {
    expect(carryoverRate(5, 200).value).toBeCloseTo(0.025, 12);
  });
  test("重点工作完成率 9 / 10 = 90%", () => {
    expect(taskCompletionRate(9, 10).value).toBeCloseTo(0.9, 12);
  });
  test("变动率 can be negative: (60 − 75) / 75 = −20%", () => {
    const r = changeRate(60, 75);
    expect(r.value).toBeCloseTo(-0.2, 12);
    expect(r.steps).toBe("-20.00% = (60 − 75) ÷ 75");
  });
});

describe("zero and invalid denominators give null", () => {
  test.each([
    ["ratio", ratio(1, 0)],
    ["staff", staffControlRate(5, 0)],
    ["change", changeRate(5, 0)],
    ["completion", budgetCompletionRate(5, 0)],
    ["adjustment", budgetAdjustmentRate(5, 0)],
    ["carryover", carryoverRate(5, 0)],
    ["public", publicExpenseControlRate(5, 0)],
    ["threePublic", threePublicControlRate(5, 0)],
    ["procurement", procurementExecutionRate(5, 0)],
    ["asset", assetUtilisationRate(5, 0)],
    ["task", taskCompletionRate(5, 0)],
    ["negative", staffControlRate(5, -3)],
    ["NaN", ratio(NaN, 3)],
    ["Infinity", ratio(3, Infinity)],
    ["hunan zero", budgetCompletionRateHunan({ carryIn: 0, initial: 0, supplementary: 0, carryOut: 0 })],
  ])("%s", (_name, r) => {
    expect(r.value).toBeNull();
    expect(r.steps).toMatch(/^无法计算/);
    expect(r.overflow).toBeUndefined();
  });
});

describe("non-finite results give null with a Chinese reason, never Infinity or NaN", () => {
  // 5e-324 is the smallest positive double: (1 − 5e-324) ÷ 5e-324 overflows to Infinity.
  test.each([
    ["change, tiny previous", changeRate(1, 5e-324)],
    ["change, difference overflows", changeRate(-1.7e308, 1.7e308)], // (−1.7e308 − 1.7e308) = −Infinity
    ["ratio, tiny denominator", ratio(1, 5e-324)],
    ["staff, tiny denominator", staffControlRate(88, 1e-320)],
    ["completion", budgetCompletionRate(1e308, 1e-10)],
    ["adjustment", budgetAdjustmentRate(5, 5e-324)],
    ["carryover", carryoverRate(5, 5e-324)],
    ["public", publicExpenseControlRate(5, 5e-324)],
    ["threePublic", threePublicControlRate(5, 5e-324)],
    ["procurement", procurementExecutionRate(5, 5e-324)],
    ["asset", assetUtilisationRate(5, 5e-324)],
    ["task", taskCompletionRate(5, 5e-324)],
    // 1e308 + 1e308 = Infinity available: (Infinity − 1) ÷ Infinity = NaN
    [
      "hunan, available overflows",
      budgetCompletionRateHunan({ carryIn: 1e308, initial: 1e308, supplementary: 0, carryOut: 1 }),
    ],
  ])("%s", (_name, r) => {
    expect(r.value).toBeNull();
    expect(r.steps).toMatch(/^无法计算：/);
    expect(r.steps).not.toMatch(/Infinity|NaN|—/);
    expect(r.overflow).toBe(true);
  });
  test("every RATE_INDICATORS compute returns a finite value or null", () => {
    for (const ri of RATE_INDICATORS) {
      for (const [n, d] of [
        [1, 5e-324],
        [1e308, 1e-308],
        [-1e308, 1e308],
      ]) {
        const r = ri.compute(n, d);
        expect(r.value === null || Number.isFinite(r.value)).toBe(true);
        if (r.value === null) expect(r.steps).toMatch(/^无法计算：/);
      }
    }
  });
  test("ordinary values are unchanged: seed 002 (75 − 73.34) / 73.34 = 2.26%", () => {
    const r = changeRate(75, 73.34);
    expect(r.value).toBeCloseTo(0.022634, 6);
    expect(r.steps).toBe("2.26% = (75 − 73.34) ÷ 73.34");
  });
});

describe("RATE_INDICATORS table", () => {
  test("ten indicators with unique ids and Chinese names", () => {
    expect(RATE_INDICATORS).toHaveLength(10);
    expect(new Set(RATE_INDICATORS.map((r) => r.id)).size).toBe(10);
    for (const r of RATE_INDICATORS) {
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.formula).toContain("÷");
    }
  });
  test("good directions from domain.md §4", () => {
    const dir = (id: string) => RATE_INDICATORS.find((r) => r.id === id)!;
    expect(dir("staffControl")).toMatchObject({ goodDirection: "<=", reference: 1 });
    expect(dir("threePublicChange")).toMatchObject({ goodDirection: "<=", reference: 0 });
    expect(dir("budgetAdjustment")).toMatchObject({ goodDirection: "<=", reference: 0 });
    expect(dir("assetUtilisation")).toMatchObject({ goodDirection: ">=", reference: 1 });
  });
  test("compute goes through the same formula", () => {
    const r = RATE_INDICATORS.find((x) => x.id === "threePublicChange")!;
    expect(r.compute(75, 73.34).value).toBeCloseTo(0.022634, 6);
  });
  test.each([
    ["公用经费控制率", "publicExpenseControl"],
    ["“三公经费”控制率", "threePublicControl"],
    ["三公经费控制率", "threePublicControl"],
    ['"三公经费"变动率', "threePublicChange"],
    ["财政供应人员配置控制率", "staffControl"],
    ["在职人员控制率", "staffControl"],
    ["预算控制率", "budgetAdjustment"],
    ["指标3：政府采购执行率", "procurementExecution"],
    ["本年度固定资产利用率", "assetUtilisation"],
  ])("findRateIndicator(%s) → %s", (name, id) => {
    expect(findRateIndicator(name)?.id).toBe(id);
  });
  test("unknown names give null", () => {
    expect(findRateIndicator("新增规模工业企业数量")).toBeNull();
    expect(findRateIndicator("")).toBeNull();
  });
});
