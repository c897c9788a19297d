/**
 * The JX custom functions on the seeds' numbers and the rules of domain.md §3–§5. Expected values
 * are worked out by hand in the comments (never copied from the code's output).
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fc from "fast-check";
import { cfError, ErrorCode, installCustomFunctionsStub, StubCustomFunctionError } from "./cf-stub";
import * as F from "../../src/functions/functions";

beforeAll(() => installCustomFunctionsStub());

describe("EXECRATE 执行率", () => {
  test("seed 004: 4.82 / 6.7 = 71.94%", () => {
    expect(F.execRate(4.82, 6.7)).toBeCloseTo(0.719403, 6);
  });
  test("seed 000: 4551.57 / 459.61 ≈ 990% (over 100% is returned as is)", () => {
    // 4551.57 / 459.61 = 9.90311…
    expect(F.execRate(4551.57, 459.61)).toBeCloseTo(9.90311, 5);
  });
  test("numbers typed as text, with thousands separators or 万元", () => {
    expect(F.execRate("4,551.57", "459.61万元")).toBeCloseTo(9.90311, 5);
    expect(F.execRate("20.48", 27.6)).toBeCloseTo(0.742029, 6);
  });
  test("budget 0 → #VALUE! with the Chinese reason (a #DIV/0! could not show it)", () => {
    const e = cfError(() => F.execRate(5, 0));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toBe("全年预算数为 0，无法计算执行率");
  });
  test("blank, placeholder, text, boolean and negative inputs → #VALUE!", () => {
    expect(cfError(() => F.execRate(5, null)).message).toBe("缺少全年预算数");
    expect(cfError(() => F.execRate("", 10)).message).toBe("缺少全年执行数");
    expect(cfError(() => F.execRate(5, "/")).message).toContain("无法计算");
    expect(cfError(() => F.execRate("约五万", 10)).message).toContain("不是数字");
    expect(cfError(() => F.execRate(true, 10)).code).toBe(ErrorCode.invalidValue);
    expect(cfError(() => F.execRate(5, -10)).message).toContain("负数");
    for (const bad of [null, "/", "约五万", true, -10]) {
      expect(cfError(() => F.execRate(5, bad)).code).toBe(ErrorCode.invalidValue);
    }
  });
});

describe("EXECSCORE 执行率得分", () => {
  test("default rule (hunan: proportional): 10 × 74.2% = 7.42", () => {
    expect(F.execScore(0.742, 10)).toBe(7.42);
    expect(F.execScore("74.2%", 10)).toBe(7.42);
    expect(F.execScore(0.742, 10, "proportional")).toBe(7.42);
    expect(F.execScore(0.742, 10, "national")).toBe(7.42);
  });
  test("proportional on seed 004's 4.82 / 6.7: 10 × 71.9403% = 7.19", () => {
    expect(F.execScore(F.execRate(4.82, 6.7), 10)).toBe(7.19);
  });
  test("over 100% scores as 100%", () => {
    expect(F.execScore(9.9031, 10)).toBe(10);
    expect(F.execScore(1, 10)).toBe(10);
  });
  test("rate 0 → 0 points", () => {
    expect(F.execScore(0, 10)).toBe(0);
  });
  test("seed 000 rule: 每低于2%扣1分 (whole steps), weight 5", () => {
    // 97%: 3 points short → 1 whole step → 5 − 1 = 4
    expect(F.execScore(0.97, 5, "step", 2, 1)).toBe(4);
    // 95%: 5 short → 2 steps → 3
    expect(F.execScore(0.95, 5, "step", 2, 1)).toBe(3);
    // 96%: exactly 2 steps → 3
    expect(F.execScore(0.96, 5, "step", 2, 1)).toBe(3);
    // 50%: 25 steps → 扣完为止 → 0
    expect(F.execScore(0.5, 5, "step", 2, 1)).toBe(0);
    // the built-in step-deduction profile holds the same rule
    expect(F.execScore(0.97, 5, "step-deduction")).toBe(4);
    // step arguments without a rule word mean whole steps
    expect(F.execScore(0.95, 5, null, 2, 1)).toBe(3);
    // 整档 is accepted as the Chinese rule word
    expect(F.execScore(0.95, 5, "整档", 2, 1)).toBe(3);
  });
  test("linear deduction: 97% → 5 − 1 × 3 / 2 = 3.5", () => {
    expect(F.execScore(0.97, 5, "linear", 2, 1)).toBe(3.5);
    expect(F.execScore(0.97, 5, "线性", 2, 1)).toBe(3.5);
  });
  test("2018 Hunan sheet: 每低于5%扣2分, 88% → 12 short → 2 steps → 10 − 4 = 6", () => {
    expect(F.execScore(0.88, 10, "step", 5, 2)).toBe(6);
  });
  test("step given as 2% (text or a percent cell) means 2 percentage points", () => {
    expect(F.execScore(0.95, 5, "step", "2%", 1)).toBe(3);
    expect(F.execScore(0.95, 5, "step", 0.02, 1)).toBe(3);
  });
  test("bad rules → #VALUE! with the reason", () => {
    expect(cfError(() => F.execScore(0.9, 10, "step")).message).toContain("步长和每步扣分");
    const unknown = cfError(() => F.execScore(0.9, 10, "shanghai"));
    expect(unknown.code).toBe(ErrorCode.invalidValue);
    expect(unknown.message).toContain("hunan");
    expect(cfError(() => F.execScore(0.9, 10, "hunan", 2, 1)).message).toContain("规则名称");
    expect(cfError(() => F.execScore(0.9, 10, "proportional", 2, 1)).code).toBe(ErrorCode.invalidValue);
    expect(cfError(() => F.execScore(0.9, 10, "step", 0, 1)).message).toContain("步长");
    expect(cfError(() => F.execScore(0.9, 10, "step", 2, -1)).message).toContain("负数");
  });
  test("bad rate or weight → #VALUE!", () => {
    expect(cfError(() => F.execScore(null, 10)).message).toBe("缺少执行率");
    expect(cfError(() => F.execScore(-0.1, 10)).message).toContain("负数");
    expect(cfError(() => F.execScore(0.9, -10)).message).toContain("分值");
    expect(cfError(() => F.execScore("很高", 10)).code).toBe(ErrorCode.invalidValue);
  });
});

describe("INDSCORE 指标得分", () => {
  test("≥ target met or exceeded → full points (never more)", () => {
    expect(F.indScore("≥95%", "97%", 10)).toBe(10);
    expect(F.indScore("≥95%", "95%", 10)).toBe(10);
    // 200% of target: over-achievement is a warning elsewhere, points stay capped at the weight
    expect(F.indScore(10, 20, 10)).toBe(10);
  });
  test("≥ target missed: w × B / A", () => {
    // 10 × 0.90 / 0.95 = 9.4737 → 9.47
    expect(F.indScore("≥95%", "90%", 10)).toBe(9.47);
    // 满意度在98%以上 vs 96%: 10 × 0.96 / 0.98 = 9.7959 → 9.8
    expect(F.indScore("满意度在98%以上", "96%", 10)).toBe(9.8);
    // 4家 vs 完成3家: 8 × 3 / 4 = 6
    expect(F.indScore("4家", "完成3家", 8)).toBe(6);
    // full-width digits and signs: ≧９０％ vs 81%: 5 × 0.81 / 0.9 = 4.5
    expect(F.indScore("≧９０％", "81%", 5)).toBe(4.5);
  });
  test("an actual without a unit takes the target's unit", () => {
    // "100" under "﹦100 %" is 100%
    expect(F.indScore("﹦100 %", 100, 5)).toBe(5);
    // 0.97 from a percent-formatted cell under ≥95%
    expect(F.indScore("≥95%", 0.97, 10)).toBe(10);
    // 90 under ≥95%: 90% → 10 × 90 / 95 = 9.47
    expect(F.indScore("≥95%", 90, 10)).toBe(9.47);
  });
  test("≤ indicators: within target full, between A and 2A linear, 2A and beyond 0", () => {
    // seed 004 公用经费: ≤27.6万元, actual 20.48 → full
    expect(F.indScore("≤27.6万元", "20.48万元", 5)).toBe(5);
    expect(F.indScore("≤27.6万元", 20.48, 5)).toBe(5);
    // ≤10, actual 15: 4 × (1 − 5 / 10) = 2
    expect(F.indScore("≤10", 15, 4)).toBe(2);
    // ≤10, actual 12: 5 × (1 − 2 / 10) = 4
    expect(F.indScore("≤10天", "12天", 5)).toBe(4);
    // exactly 2× target → 0, beyond → 0
    expect(F.indScore("≤10", 20, 4)).toBe(0);
    expect(F.indScore("≤10", 25, 4)).toBe(0);
  });
  test("money in 元 and 亿元 is normalised to 万元 before comparing", () => {
    // 276000元 = 27.6万元; 20.48万元 ≤ 27.6 → full
    expect(F.indScore("≤276000元", "20.48万元", 5)).toBe(5);
    // ≥30亿元 vs 27亿元: 10 × 27 / 30 = 9
    expect(F.indScore("30亿元以上", "27亿元", 10)).toBe(9);
  });
  test("= with target 0: actual ≤ 0 → full, otherwise 0", () => {
    expect(F.indScore(0, 0, 5, "=")).toBe(5);
    expect(F.indScore(0, 1, 5, "=")).toBe(0);
    expect(F.indScore("=0起", "0起", 5)).toBe(5);
    expect(F.indScore("=0起", "2起", 5)).toBe(0);
  });
  test("direction: argument, else target's sign, else indicator name, else ≥", () => {
    // no comparator, name says 控制率 → ≤: 5 × (1 − 20 / 100) = 4
    expect(F.indScore(100, 120, 5, null, "公用经费控制率")).toBe(4);
    expect(F.indScore(100, 120, 5, "≤")).toBe(4);
    expect(F.indScore(100, 120, 5, "反向")).toBe(4);
    expect(F.indScore(100, 120, 5, "<=")).toBe(4);
    // default ≥ → over target → full
    expect(F.indScore(100, 120, 5)).toBe(5);
    expect(F.indScore(100, 80, 5, "正向")).toBe(4);
    // the argument wins over the target's sign: ≥95% read as ≤ → 97% is 2.1% over → 10 × (1 − 0.02 / 0.95)
    expect(F.indScore("≥95%", "97%", 10, "≤")).toBe(9.79);
  });
  test("qualitative, placeholder, unreadable and mismatched values → #VALUE!", () => {
    const q = cfError(() => F.indScore("按时完成", "按时完成", 5));
    expect(q.code).toBe(ErrorCode.invalidValue);
    expect(q.message).toContain("定性");
    expect(cfError(() => F.indScore("/", "/", 5)).message).toContain("不计分");
    expect(cfError(() => F.indScore("", 5, 5)).message).toBe("缺少年度指标值");
    expect(cfError(() => F.indScore("≥95%", null, 5)).message).toBe("缺少实际完成值");
    expect(cfError(() => F.indScore("详见附件", 5, 5)).message).toContain("无法识别年度指标值");
    expect(cfError(() => F.indScore("4家", "95%", 5)).message).toContain("单位不一致");
    expect(cfError(() => F.indScore(100, 80, 5, "差不多")).message).toContain("方向");
    expect(cfError(() => F.indScore(100, 80, -5)).message).toContain("分值");
  });
});

describe("QUALCHECK 定性得分检查", () => {
  test("达成 → [80%, 100%] of the weight", () => {
    expect(F.qualCheck("达成年度指标", 8, 10)).toBe("符合：达成（80%–100%）");
    expect(F.qualCheck("达成年度指标", 10, 10)).toBe("符合：达成（80%–100%）");
    expect(F.qualCheck("达成年度指标", 7.99, 10)).toBe("不符合：达成（80%–100%）应在 8–10 分，填写 7.99 分");
    expect(F.qualCheck("达成年度指标", 10.5, 10)).toMatch(/^不符合：达成/);
  });
  test("部分达成 → [60%, 80%): 6 fits, 8 does not (band edge)", () => {
    const text = "部分达成年度指标并具有一定效果";
    expect(F.qualCheck(text, 6, 10)).toBe("符合：部分达成（60%–80%）");
    expect(F.qualCheck(text, 7.99, 10)).toBe("符合：部分达成（60%–80%）");
    expect(F.qualCheck(text, 8, 10)).toBe("不符合：部分达成（60%–80%）应在 6–8 分（不含 8 分），填写 8 分");
  });
  test("未达成 → [0, 60%): 5.99 fits, 6 does not", () => {
    const text = "未达成年度指标且效果较差";
    expect(F.qualCheck(text, 5.99, 10)).toBe("符合：未达成（0–60%）");
    expect(F.qualCheck(text, 0, 10)).toBe("符合：未达成（0–60%）");
    expect(F.qualCheck(text, 6, 10)).toMatch(/^不符合：未达成（0–60%）应在 0–6 分/);
  });
  test("weight 5: 达成 needs 4–5", () => {
    expect(F.qualCheck("达成年度指标", 3.5, 5)).toBe("不符合：达成（80%–100%）应在 4–5 分，填写 3.5 分");
  });
  test("unrecognised band text or bad numbers → #VALUE!", () => {
    const e = cfError(() => F.qualCheck("效果明显", 8, 10));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toContain("无法识别档次");
    expect(cfError(() => F.qualCheck("", 8, 10)).message).toContain("缺少档次文字");
    expect(cfError(() => F.qualCheck("达成年度指标", "/", 10)).code).toBe(ErrorCode.invalidValue);
    expect(cfError(() => F.qualCheck("达成年度指标", 8, 0)).message).toContain("分值为 0");
  });
});

describe("DEDUCTION 扣减分数", () => {
  test("weight − score, 2 decimals", () => {
    expect(F.deduction(10, 7.42)).toBe(2.58);
    expect(F.deduction(10, 10)).toBe(0);
    expect(F.deduction(5, 4.1)).toBe(0.9);
    expect(F.deduction("10", "7.6")).toBe(2.4);
  });
  test("score above weight or negative → #VALUE!", () => {
    expect(cfError(() => F.deduction(10, 12)).message).toBe("得分 12 超过分值 10");
    expect(cfError(() => F.deduction(10, -1)).message).toContain("负数");
    expect(cfError(() => F.deduction(10, "—")).code).toBe(ErrorCode.invalidValue);
  });
});

describe("GRADE 评价等级", () => {
  test("hunan (default) bands 90 / 80 / 60 inclusive at the lower end", () => {
    expect(F.grade(96)).toBe("优");
    expect(F.grade(100)).toBe("优");
    expect(F.grade(90)).toBe("优");
    expect(F.grade(89.99)).toBe("良");
    expect(F.grade(80)).toBe("良");
    expect(F.grade(79.99)).toBe("较差");
    expect(F.grade(60)).toBe("较差");
    expect(F.grade(59.99)).toBe("差");
    expect(F.grade(0)).toBe("差");
  });
  test("the total is rounded to 2 decimals first: 89.995 → 90 → 优, 89.994 → 良", () => {
    expect(F.grade(89.995)).toBe("优");
    expect(F.grade(89.994)).toBe("良");
  });
  test("national profile names the third band 中", () => {
    expect(F.grade(70, "national")).toBe("中");
    expect(F.grade(95, "national")).toBe("优");
    expect(F.grade(70, "hunan")).toBe("较差");
  });
  test("out of range or unknown rule → #VALUE!", () => {
    expect(cfError(() => F.grade(101)).message).toContain("超过满分 100");
    // seed 000's form totals 95
    expect(cfError(() => F.grade(96, "step-deduction")).message).toContain("超过满分 95");
    expect(cfError(() => F.grade(-1)).message).toContain("负数");
    expect(cfError(() => F.grade(80, "上海")).message).toContain("未知的规则");
    expect(cfError(() => F.grade("")).message).toBe("缺少总分");
  });
});

describe("rates of domain.md §4", () => {
  test("CONTROLRATE: 20.48 / 27.6 = 74.20%, 0.4 / 0.4 = 100%, 40.90 / 75 = 54.53%", () => {
    expect(F.controlRate(20.48, 27.6)).toBeCloseTo(0.742029, 6);
    expect(F.controlRate(0.4, 0.4)).toBe(1);
    expect(F.controlRate(40.9, 75)).toBeCloseTo(0.545333, 6);
    const e = cfError(() => F.controlRate(5, 0));
    expect(e.code).toBe(ErrorCode.invalidValue);
    expect(e.message).toContain("预算数为 0");
  });
  test("CHANGERATE: (75 − 73.34) / 73.34 = 2.26%; a fall is negative", () => {
    expect(F.changeRate(75, 73.34)).toBeCloseTo(0.022634, 6);
    expect(F.changeRate(60, 75)).toBeCloseTo(-0.2, 10);
    expect(cfError(() => F.changeRate(5, 0)).message).toContain("上年数为 0");
    expect(cfError(() => F.changeRate(5, -3)).message).toContain("负数");
    // a denominator so small that the result overflows → #VALUE! with the reason, not Infinity
    expect(cfError(() => F.changeRate(1, 5e-324)).message).toBe("结果超出可计算的范围，请检查输入的数值");
  });
  test("RATIO: 438.64 / 180 = 243.69%, 88 / 99 = 88.89%; denominator 0 → #VALUE! with the reason", () => {
    expect(F.ratio(438.64, 180)).toBeCloseTo(2.436889, 6);
    expect(F.ratio(88, 99)).toBeCloseTo(0.888889, 6);
    expect(cfError(() => F.ratio(1, 0)).message).toContain("分母为 0");
  });
  test("STAFFRATE: 88 / 99 = 88.89%", () => {
    expect(F.staffRate(88, 99)).toBeCloseTo(0.888889, 6);
    expect(cfError(() => F.staffRate(88, 0)).message).toContain("编制数为 0");
  });
  test("ADJUSTRATE: 398.18 / 1311.99 = 30.35%", () => {
    expect(F.adjustRate(398.18, 1311.99)).toBeCloseTo(0.303493, 6);
    expect(cfError(() => F.adjustRate(1, 0)).message).toContain("年初预算数为 0");
  });
  test("CARRYRATE: 12 / 240 = 5%", () => {
    expect(F.carryRate(12, 240)).toBeCloseTo(0.05, 10);
    expect(cfError(() => F.carryRate(12, 0)).message).toContain("支出预算数为 0");
  });
  test("BUDGETCOMPLETION (Hunan): (10 + 100 + 20 − 13) / 130 = 90%; blanks count as 0", () => {
    expect(F.budgetCompletion(10, 100, 20, 13)).toBeCloseTo(0.9, 10);
    expect(F.budgetCompletion(null, 100, "", 5)).toBeCloseTo(0.95, 10);
    expect(cfError(() => F.budgetCompletion(0, 0, 0, 0)).message).toContain("之和为 0");
    expect(cfError(() => F.budgetCompletion(0, null, 0, 0)).message).toBe("缺少年初预算");
  });
});

describe("PARSEVALUE 解析数值", () => {
  test("unit-normalised numbers from target/actual text", () => {
    expect(F.parseNumberText("≥95%")).toBeCloseTo(0.95, 10);
    expect(F.parseNumberText("≥９５％")).toBeCloseTo(0.95, 10);
    expect(F.parseNumberText("≤27.6万元")).toBe(27.6);
    expect(F.parseNumberText("30亿元以上")).toBe(300000);
    expect(F.parseNumberText("40多家")).toBe(40);
    expect(F.parseNumberText("满意度在98%以上")).toBeCloseTo(0.98, 10);
    expect(F.parseNumberText(12)).toBe(12);
  });
  test("a bare number takes the partner's unit: 100 under ﹦100 % → 1", () => {
    expect(F.parseNumberText("100", "﹦100 %")).toBe(1);
  });
  test("text without a number → #VALUE!", () => {
    expect(cfError(() => F.parseNumberText("按时完成")).message).toContain("定性");
    expect(cfError(() => F.parseNumberText("")).code).toBe(ErrorCode.invalidValue);
  });
});

describe("SUMSCORES 合计得分", () => {
  test("skips blanks, / and — and other text; counts numbers typed as text", () => {
    // 10 + 7.42 + 8.5 + 20 = 45.92
    const range = [[10], ["/"], ["—"], [7.42], ["8.5"], [null], ["说明"], [true], ["20分"]];
    expect(F.sumScores(range)).toBe(45.92);
  });
  test("2-D range and float noise: 0.1 + 0.2 = 0.3", () => {
    expect(
      F.sumScores([
        [0.1, 0.2],
        ["", "－"],
      ]),
    ).toBe(0.3);
  });
  test("seed-style indicator scores: 5 + 50 + 30 + 10 = 95", () => {
    expect(F.sumScores([[5], [50], [30], [10]])).toBe(95);
  });
  test("an empty range sums to 0", () => {
    expect(F.sumScores([[null, ""]])).toBe(0);
  });
});

describe("robustness: any input gives a value or a CustomFunctions.Error, never a JS exception", () => {
  const arg = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.string(),
    fc.constantFrom(
      "≥95%",
      "≤27.6万元",
      "/",
      "—",
      "4家",
      "按时完成",
      "达成年度指标",
      "hunan",
      "step",
      "",
      "0",
      "２%",
    ),
  );
  const calls: [string, (a: unknown, b: unknown, c: unknown, d: unknown, e: unknown) => unknown][] = [
    ["EXECRATE", (a, b) => F.execRate(a, b)],
    ["EXECSCORE", (a, b, c, d, e) => F.execScore(a, b, c, d, e)],
    ["INDSCORE", (a, b, c, d, e) => F.indScore(a, b, c, d, e)],
    ["QUALCHECK", (a, b, c) => F.qualCheck(a, b, c)],
    ["DEDUCTION", (a, b) => F.deduction(a, b)],
    ["GRADE", (a, b) => F.grade(a, b)],
    ["CONTROLRATE", (a, b) => F.controlRate(a, b)],
    ["CHANGERATE", (a, b) => F.changeRate(a, b)],
    ["RATIO", (a, b) => F.ratio(a, b)],
    ["STAFFRATE", (a, b) => F.staffRate(a, b)],
    ["ADJUSTRATE", (a, b) => F.adjustRate(a, b)],
    ["CARRYRATE", (a, b) => F.carryRate(a, b)],
    ["BUDGETCOMPLETION", (a, b, c, d) => F.budgetCompletion(a, b, c, d)],
    ["PARSEVALUE", (a, b) => F.parseNumberText(a, b)],
    ["SUMSCORES", (a, b, c) => F.sumScores([[a, b], [c]])],
  ];
  test.each(calls)("%s", (_id, call) => {
    fc.assert(
      fc.property(arg, arg, arg, arg, arg, (a, b, c, d, e) => {
        let result: unknown;
        try {
          result = call(a, b, c, d, e);
        } catch (err) {
          // Only CustomFunctions.Error with a Chinese message may escape.
          expect(err).toBeInstanceOf(StubCustomFunctionError);
          expect(Object.values(ErrorCode)).toContain((err as StubCustomFunctionError).code);
          expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/);
          return;
        }
        if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
        else expect(typeof result).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
