/** SUM_MISMATCH, WEIGHT_TOTAL, RATE_MISMATCH, SCORE_MISMATCH, SCORE_OUT_OF_RANGE, QUAL_BAND. */
import { describe, expect, test } from "@jest/globals";
import type { FormSpec } from "../../src/core/template";
import { PCT, build, indIndex } from "./fixtures";
import { STEP, cellAt, hunanSheet, one, run } from "./helpers";

/** A correct by-nature form: 一般公共预算 70 + 政府性基金拨款 6 = 76; 基本支出 50 + 项目支出 26 = 76. */
function byNature(s: FormSpec): void {
  s.budget = {
    variant: "by-nature",
    rows: [
      {
        label: "年度资金总额",
        initialBudget: 100,
        fullYearBudget: 100,
        executed: 76,
        weight: 10,
        rate: { value: 0.76, numberFormat: PCT },
        score: 7.6,
      },
      { label: "按收入性质分", executed: 76 },
      { label: "一般公共预算", executed: 70 },
      { label: "政府性基金拨款", executed: 6 },
      { label: "按支出性质分", executed: 76 },
      { label: "基本支出", executed: 50 },
      { label: "项目支出", executed: 26 },
    ],
  };
}

describe("SUM_MISMATCH", () => {
  test("budget total ≠ 当年 + 结转 + 其他 (61 + 11 + 5 = 77 ≠ 76) → error at the total's 全年执行数", () => {
    const { wb, layout } = build((s) => (s.budget.rows[1].executed = 61));
    const f = one(run(wb), "SUM_MISMATCH");
    expect(f.severity).toBe("error");
    expect(f.category).toBe("arithmetic");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].executed));
    expect(f.typed).toBe(76);
    expect(f.expected).toBe(77);
    expect(f.steps).toBe("77 = 61 + 11 + 5");
  });

  test("difference of 0.005 (60.005 + 11 + 5 = 76.005) → rounding → warning", () => {
    const { wb } = build((s) => (s.budget.rows[1].executed = 60.005));
    const f = one(run(wb), "SUM_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.message).toMatch(/四舍五入/);
  });

  test("总分 95 ≠ 执行率得分 + indicator scores = 94.07 → error with the sum as fix", () => {
    const { wb, layout } = build((s) => (s.total.score = 95));
    const f = one(run(wb), "SUM_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.total.score));
    expect(f.typed).toBe(95);
    // 7.6 + 20 + 10 + 9.47 + 10 + 10 + 7 + 5 + 5 + 10 = 94.07
    expect(f.expected).toBe(94.07);
    expect(f.fix).toEqual({ ref: cellAt(layout.total.score), value: 94.07 });
    expect(f.message).toMatch(/总分填写 95，各组成部分相加为 94\.07/);
    // The parts are right (the rules also give 94.07): no second total in the message.
    expect(f.message).not.toMatch(/按规则重算/);
  });

  test("总分 94.08 vs 94.07 → warning", () => {
    const f = one(run(build((s) => (s.total.score = 94.08)).wb), "SUM_MISMATCH");
    expect(f.severity).toBe("warning");
  });

  test("by-nature: 按支出性质分 76 ≠ 基本支出 50 + 项目支出 27 = 77 → error at the group's amount", () => {
    const { wb, layout } = build((s) => {
      byNature(s);
      s.budget.rows[6].executed = 27;
    });
    const f = one(run(wb), "SUM_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[4].executed));
    expect(f.expected).toBe(77);
  });

  test("older Hunan summary: 合计 96 ≠ 7 + 49 + 30 + 9 = 95 → error at 合计's 自评得分", () => {
    const sheet = hunanSheet((rows) => {
      rows[16][2] = 7;
      rows[16][3] = "70%";
    });
    const f = one(run({ sheets: [sheet] }), "SUM_MISMATCH");
    expect(f.ref).toEqual({ sheet: "附件2", row: 20, col: 2 });
    expect(f.typed).toBe(96);
    expect(f.expected).toBe(95);
  });

  test("older Hunan combined “评分：95” ≠ 合计 96 → error at the combined cell", () => {
    const sheet = hunanSheet((rows) => (rows[10][1] = "评分：95   等级：优"));
    const f = one(run({ sheets: [sheet] }), "SUM_MISMATCH");
    expect(f.ref).toEqual({ sheet: "附件2", row: 10, col: 1 });
    expect(f.expected).toBe(96);
  });

  test("quiet: a correct by-nature budget and the correct older Hunan form", () => {
    expect(run(build(byNature).wb).of("SUM_MISMATCH")).toEqual([]);
    expect(run({ sheets: [hunanSheet()] }).of("SUM_MISMATCH")).toEqual([]);
  });
});

describe("WEIGHT_TOTAL", () => {
  test("产出 weights 25 + 10 + 10 + 10 = 55: total 10 + 55 + 30 + 10 = 105 ≠ 100, 产出 55 ≠ 50", () => {
    const { wb, layout } = build((s) => {
      s.indicators[0].weight = 25;
      s.indicators[0].score = 25;
      s.total.score = 99.07;
    });
    const found = run(wb).of("WEIGHT_TOTAL");
    expect(found.map((f) => [f.ref, f.typed, f.expected])).toEqual([
      [cellAt(layout.indicators.rows[0].level1), 55, 50],
      [cellAt(layout.total.weight), 105, 100],
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
    expect(found[1].message).toMatch(/各项分值合计为 105/);
  });

  test("a scored row with weight 0 → error at its weight cell", () => {
    const { wb, layout, spec } = build((s) =>
      s.indicators.splice(1, 0, {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增培育企业",
        target: "≥1家",
        actual: "1家",
        weight: 0,
        score: 0,
      }),
    );
    const f = one(run(wb), "WEIGHT_TOTAL");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "新增培育企业")].weight));
    expect(f.message).toMatch(/分值为 0/);
  });

  test("三级 weights 50 under “产出指标（60分）” → error naming both", () => {
    const { wb } = build((s) =>
      s.indicators.forEach((i) => i.level1 === "产出指标" && (i.level1 = "产出指标（60分）")),
    );
    const found = run(wb).of("WEIGHT_TOTAL");
    expect(
      found.some((f) => /三级指标分值相加为 50/.test(f.message) && f.typed === 60 && f.expected === 50),
    ).toBe(true);
  });

  test("older Hunan summary: 产出 60 → 10 + 60 + 30 + 10 = 110 ≠ 100 (and ≠ the printed 合计 100)", () => {
    const sheet = hunanSheet((rows) => {
      rows[17][1] = 60;
      rows[17][3] = "81.67%"; // 49 / 60 = 81.666…%
    });
    const found = run({ sheets: [sheet] }).of("WEIGHT_TOTAL");
    expect(found.map((f) => [f.ref, f.typed, f.expected])).toEqual([
      [{ sheet: "附件2", row: 17, col: 1 }, 60, 50],
      [{ sheet: "附件2", row: 20, col: 1 }, 110, 100],
    ]);
  });

  test("quiet: “产出指标（50分）” over 三级 weights of 50", () => {
    const { wb } = build((s) =>
      s.indicators.forEach((i) => i.level1 === "产出指标" && (i.level1 = "产出指标（50分）")),
    );
    expect(run(wb).of("WEIGHT_TOTAL")).toEqual([]);
  });
});

describe("RATE_MISMATCH", () => {
  test("75.00% printed for 76 / 100 = 76.00% → error, fix as a fraction (percent format)", () => {
    const { wb, layout } = build((s) => (s.budget.rows[0].rate = { value: 0.75, numberFormat: PCT }));
    const f = one(run(wb), "RATE_MISMATCH");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].rate));
    expect(f.expected).toBe("76.00%");
    expect(f.fix).toEqual({ ref: cellAt(layout.budget.rows[0].rate), value: 0.76 });
  });

  test("398.18 / 1311.99 = 30.35% printed as “30%” → rounding only → warning, fix as text", () => {
    const { wb, layout } = build((s) => {
      s.budget.rows[0].fullYearBudget = 1311.99;
      s.budget.rows[0].executed = 398.18;
      s.budget.rows[0].rate = "30%";
    });
    const f = one(run(wb), "RATE_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.expected).toBe("30.35%");
    expect(f.fix).toEqual({ ref: cellAt(layout.budget.rows[0].rate), value: "30.35%" });
  });

  test("74.2 typed as percent points for 76% → error, fix 76 (points)", () => {
    const { wb } = build((s) => (s.budget.rows[0].rate = 74.2));
    const f = one(run(wb), "RATE_MISMATCH");
    expect(f.severity).toBe("error");
    expect(f.fix?.value).toBe(76);
  });

  test("older Hunan 得分率 “70%” for 8 / 10 = 80% → error at that cell", () => {
    const sheet = hunanSheet((rows) => (rows[16][3] = "70%"));
    const f = one(run({ sheets: [sheet] }), "RATE_MISMATCH");
    expect(f.ref).toEqual({ sheet: "附件2", row: 16, col: 3 });
    expect(f.fix?.value).toBe("80.00%");
  });

  test("quiet: 76.01% is within 0.01 percentage point of 76%", () => {
    const { wb } = build((s) => (s.budget.rows[0].rate = { value: 0.7601, numberFormat: PCT }));
    expect(run(wb).of("RATE_MISMATCH")).toEqual([]);
  });
});

describe("SCORE_MISMATCH", () => {
  test("执行率得分 8 typed, rule gives 7.6 = 76.00% × 10 → error with fix 7.6", () => {
    const { wb, layout } = build((s) => (s.budget.rows[0].score = 8));
    const f = one(run(wb), "SCORE_MISMATCH");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].score));
    expect(f.typed).toBe(8);
    expect(f.expected).toBe(7.6);
    expect(f.steps).toBe("7.6 = 76.00% × 10");
    expect(f.fix).toEqual({ ref: cellAt(layout.budget.rows[0].score), value: 7.6 });
    expect(f.message).toMatch(/填写 8，按评分规则应为 7\.6（7\.6 = 76\.00% × 10）/);
  });

  test("定量 row: 9.5 typed, rule gives 10 × 0.9 ÷ 0.95 = 9.47 → error", () => {
    const { wb, layout, spec } = build((s) => (s.indicators[indIndex(s, "重点工作完成及时率")].score = 9.5));
    const f = one(run(wb), "SCORE_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "重点工作完成及时率")].score));
    expect(f.expected).toBe(9.47);
  });

  test("step-deduction profile: 76% is 24 points short → 12 steps of 1 → 10 − 12 < 0 → 0 (扣完为止)", () => {
    const f = one(run(build().wb, STEP()), "SCORE_MISMATCH");
    expect(f.typed).toBe(7.6);
    expect(f.expected).toBe(0);
  });

  test("quiet: 9.48 is within 0.01 of 9.47", () => {
    const { wb } = build((s) => (s.indicators[indIndex(s, "重点工作完成及时率")].score = 9.48));
    expect(run(wb).of("SCORE_MISMATCH")).toEqual([]);
  });
});

describe("SCORE_OUT_OF_RANGE", () => {
  test("定性 score 12 of 10 → error, no QUAL_BAND on the same cell", () => {
    const { wb, layout, spec } = build((s) => (s.indicators[indIndex(s, "企业服务成效")].score = 12));
    const r = run(wb);
    const f = one(r, "SCORE_OUT_OF_RANGE");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "企业服务成效")].score));
    expect(f.message).toMatch(/得分 12 超过了分值 10/);
    expect(r.of("QUAL_BAND")).toEqual([]);
  });

  test("定量 score 25 of 20 → error with the rule's 20 as fix, no SCORE_MISMATCH", () => {
    const { wb, layout } = build((s) => (s.indicators[0].score = 25));
    const r = run(wb);
    const f = one(r, "SCORE_OUT_OF_RANGE");
    expect(f.fix).toEqual({ ref: cellAt(layout.indicators.rows[0].score), value: 20 });
    expect(r.of("SCORE_MISMATCH")).toEqual([]);
  });

  test("a negative score → error", () => {
    const f = one(
      run(build((s) => (s.indicators[indIndex(s, "长效机制建设")].score = -1)).wb),
      "SCORE_OUT_OF_RANGE",
    );
    expect(f.message).toMatch(/不能为负数/);
  });

  test("quiet: score equal to its weight", () => {
    expect(run(build().wb).of("SCORE_OUT_OF_RANGE")).toEqual([]);
  });
});

describe("QUAL_BAND", () => {
  test("部分达成 with 8 of 10 (band [6, 8)) → warning", () => {
    const { wb, layout, spec } = build((s) => (s.indicators[indIndex(s, "企业服务成效")].score = 8));
    const f = one(run(wb), "QUAL_BAND");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "企业服务成效")].score));
    expect(f.expected).toBe("6～8");
  });

  test("达成 with 3.5 of 5 (band [4, 5]) → warning", () => {
    const { wb } = build((s) => {
      const i = s.indicators[indIndex(s, "尾矿库治理")];
      i.score = 3.5;
      i.reason = "治理验收延后";
    });
    expect(one(run(wb), "QUAL_BAND").typed).toBe(3.5);
  });

  test("quiet: 部分达成 with 6 (lower bound included)", () => {
    const { wb } = build((s) => (s.indicators[indIndex(s, "企业服务成效")].score = 6));
    expect(run(wb).of("QUAL_BAND")).toEqual([]);
  });
});

describe("weights below 0.01: rounding never scores a row above its weight", () => {
  /**
   * The 满意度 row (分值 10) split into 1,000 rows of 0.009 plus one row of 1: 1,000 × 0.009 + 1 = 10.
   * Every row is met (96% ≥ 95%), so each scores its full weight: 0.009, not round2(0.009) = 0.01.
   * 总分 stays 94.07 (the correct form's); with 0.01 per row it would be 94.07 + 1,000 × 0.001 = 95.07.
   */
  function splitSatisfaction(rowScore: number, typedTotal: number) {
    return build((s) => {
      const sat = s.indicators.findIndex((x) => x.level1 === "满意度指标");
      const rows = Array.from({ length: 1000 }, (_, k) => ({
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: `满意度${k + 1}`,
        target: "≥95%",
        actual: "96%",
        weight: 0.009,
        score: rowScore,
      }));
      rows.push({ ...rows[0], name: "社会公众满意度", weight: 1, score: 1 });
      s.indicators.splice(sat, 1, ...rows);
      s.total = { weight: 100, score: typedTotal };
    });
  }

  test("typed 0.009 per row: computed total 94.07, no findings", () => {
    const r = run(splitSatisfaction(0.009, 94.07).wb);
    expect(r.results[0].total.computed).toBe(94.07);
    expect(r.findings).toEqual([]);
  });

  test("typed 0.01 per row (rounded by the clerk): no SCORE_MISMATCH or SCORE_OUT_OF_RANGE", () => {
    // Typed parts: 94.07 − 10 + 1,000 × 0.01 + 1 = 95.07, so the typed total is consistent with them.
    const r = run(splitSatisfaction(0.01, 95.07).wb);
    expect(r.of("SCORE_MISMATCH")).toEqual([]);
    expect(r.of("SCORE_OUT_OF_RANGE")).toEqual([]);
    expect(r.results[0].total.computed).toBe(94.07);
  });
});
