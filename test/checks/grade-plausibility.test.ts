/** GRADE_MISMATCH; EXEC_OVER_100, INCOME_AS_SPENDING, MAGNITUDE, PERCENT_OVER_100, OVER_ACHIEVEMENT, FORECAST_VALUE. */
import { describe, expect, test } from "@jest/globals";
import type { FormSpec } from "../../src/core/template";
import { PCT, build, indIndex } from "./fixtures";
import { NATIONAL, cellAt, hunanSheet, one, run } from "./helpers";

describe("GRADE_MISMATCH", () => {
  test("“良” for a total of 94.07 (≥ 90 → 优) → error, fix 优", () => {
    const { wb, layout } = build((s) => (s.grade = "良"));
    const f = one(run(wb), "GRADE_MISMATCH");
    expect(f.severity).toBe("error");
    expect(f.category).toBe("grade");
    expect(f.ref).toEqual(cellAt(layout.grade.value));
    expect(f.typed).toBe("良");
    expect(f.expected).toBe("优");
    expect(f.fix).toEqual({ ref: cellAt(layout.grade.value), value: "优" });
  });

  test("an unknown label “A” → error, fix 优", () => {
    const f = one(run(build((s) => (s.grade = "A")).wb), "GRADE_MISMATCH");
    expect(f.message).toMatch(/不是规定的等级/);
    expect(f.fix?.value).toBe("优");
  });

  test("older Hunan combined cell “等级：良” for 96 → fix rewrites the grade in the text", () => {
    const sheet = hunanSheet((rows) => (rows[10][1] = "评分：96   等级：良"));
    const f = one(run({ sheets: [sheet] }), "GRADE_MISMATCH");
    expect(f.ref).toEqual({ sheet: "附件2", row: 10, col: 1 });
    expect(f.fix?.value).toBe("评分：96   等级：优");
  });

  test("quiet: “优秀” reads as 优; a typed total 89.995 (wrong) with 优, the grade of the computed 94.07", () => {
    expect(run(build((s) => (s.grade = "优秀")).wb).of("GRADE_MISMATCH")).toEqual([]);
    // The total is wrong (SUM_MISMATCH), the grade fits the total the form should have: no grade finding.
    expect(run(build((s) => (s.total.score = 89.995)).wb).of("GRADE_MISMATCH")).toEqual([]);
  });

  test("“中” under national fits a typed total of 70, but the parts give 94.07 → 优: reported, fix 优", () => {
    // The grade matches the clerk's (wrong) total: still wrong, the form's total is 94.07 (fixtures.ts).
    const { wb, layout } = build((s) => {
      s.total.score = 70;
      s.grade = "中";
    });
    const r = run(wb, NATIONAL());
    const f = one(r, "GRADE_MISMATCH");
    expect(f.message).toMatch(/“中”与所填总分 70 相符，但按规则计算总分应为 94\.07，对应的等级是“优”/);
    expect(f.message).not.toMatch(/不是规定的等级/); // 中 is a national label
    expect(f.expected).toBe("优");
    expect(f.fix).toEqual({ ref: cellAt(layout.grade.value), value: "优" });
    expect(r.results[0].plan?.grade).toBe("优");
  });
});

describe("EXEC_OVER_100", () => {
  test("one overrun, one finding on the row that carries it: 其中：当年财政拨款 89 / 80 = 111.25% makes the total 105 / 100", () => {
    const { wb, layout } = build((s) => {
      s.budget.rows[0].executed = 105;
      s.budget.rows[0].rate = { value: 1.05, numberFormat: PCT };
      s.budget.rows[0].score = 10;
      s.budget.rows[1].executed = 89; // 89 + 11 + 5 = 105
      s.total.score = 96.47; // 94.07 − 7.6 + 10
    });
    const found = run(wb).of("EXEC_OVER_100");
    // The sub-row's excess (89 − 80 = 9) covers the total's (105 − 100 = 5): the total is not a second finding.
    expect(found.map((x) => x.ref)).toEqual([cellAt(layout.budget.rows[1].rate)]);
    const f = found[0];
    expect(f.severity).toBe("warning");
    expect(f.category).toBe("plausibility");
    expect(f.expected).toBe("111.25%");
    expect(f.message).toMatch(
      /^“其中：当年财政拨款”的执行率 111\.25%（89万元 ÷ 80万元）超过 100%：全年执行数大于全年预算数，年度资金总额的执行率 105\.00% 也因此超过 100%。/,
    );
  });

  test("one overrun once: total 105 / 100 whose only source is 当年财政拨款 105 / 100, restated as the indicator 预算执行率 105% with its reason → one finding, on the total", () => {
    // Before: three findings (total, the sub-row with the same figures, the indicator row).
    const { wb, layout } = build((s) => {
      s.budget.rows = [
        {
          label: "年度资金总额",
          initialBudget: 100,
          fullYearBudget: 100,
          executed: 105,
          weight: 10,
          rate: { value: 1.05, numberFormat: PCT },
          score: 10,
        },
        {
          label: "其中：当年财政拨款",
          initialBudget: 100,
          fullYearBudget: 100,
          executed: 105,
          rate: { value: 1.05, numberFormat: PCT },
        },
        { label: "上年结转资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
        { label: "其他资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
      ];
      s.indicators[1] = {
        ...s.indicators[1],
        name: "预算执行率",
        target: "100%",
        actual: "105%",
        reason: "年中追加疫情防控资金5万元，已补办预算调整手续。",
      };
      s.total.score = 96.47;
    });
    const found = run(wb).of("EXEC_OVER_100");
    expect(found.map((x) => x.ref)).toEqual([cellAt(layout.budget.rows[0].rate)]);
    expect(found[0].message).toMatch(/^预算执行率 105\.00%（105万元 ÷ 100万元）超过 100%/);
  });

  test("a sub-row over while the total is not (财政拨款 85 / 80, 结转 6 / 15): one finding, on the sub-row", () => {
    const { wb, layout } = build((s) => {
      s.budget.rows[1].executed = 85;
      s.budget.rows[1].rate = { value: 1.0625, numberFormat: PCT };
      s.budget.rows[2].executed = 6; // 85 + 6 + 5 = 96 of 100
      s.budget.rows[0].executed = 96;
      s.budget.rows[0].rate = { value: 0.96, numberFormat: PCT };
      s.budget.rows[0].score = 9.6;
      s.total.score = 96.07; // 94.07 − 7.6 + 9.6
    });
    const found = run(wb).of("EXEC_OVER_100");
    expect(found.map((x) => x.ref)).toEqual([cellAt(layout.budget.rows[1].rate)]);
    expect(found[0].message).toMatch(
      /^“其中：当年财政拨款”的执行率 106\.25%（85万元 ÷ 80万元）超过 100%：全年执行数大于全年预算数。/,
    );
  });

  test("an indicator 执行率 over 100% of its own (政府采购执行率 112%): the reason already written is not asked for again", () => {
    const ask = /须在偏差原因中说明依据/;
    const withReason = build((s) => {
      s.indicators[1] = {
        ...s.indicators[1],
        name: "政府采购执行率",
        target: "100%",
        actual: "112%",
        reason: "年中追加设备采购12万元。",
      };
    });
    const f = one(run(withReason.wb), "EXEC_OVER_100");
    expect(f.ref).toEqual(cellAt(withReason.layout.indicators.rows[1].actual));
    expect(f.message).toMatch(/^“政府采购执行率”为 112%，超过 100%/);
    expect(f.message).toMatch(/偏差原因已说明（“年中追加设备采购12万元”）/);
    expect(f.message).not.toMatch(ask);
    const without = build((s) => {
      s.indicators[1] = { ...s.indicators[1], name: "政府采购执行率", target: "100%", actual: "112%" };
    });
    expect(one(run(without.wb), "EXEC_OVER_100").message).toMatch(ask);
  });

  test("quiet: exactly 100%", () => {
    const { wb } = build((s) => {
      s.budget.rows[0].executed = 100;
      s.budget.rows[0].rate = { value: 1, numberFormat: PCT };
    });
    expect(run(wb).of("EXEC_OVER_100")).toEqual([]);
  });
});

/** By nature: income 70 + 6 = 76; spending 基本 50 + 项目 `project`. */
function byNature(s: FormSpec, project: number): void {
  s.budget = {
    variant: "by-nature",
    rows: [
      {
        label: "年度资金总额",
        fullYearBudget: 100,
        executed: 76,
        weight: 10,
        rate: { value: 0.76, numberFormat: PCT },
        score: 7.6,
      },
      { label: "按收入性质分", executed: 76 },
      { label: "一般公共预算", executed: 70 },
      { label: "政府性基金拨款", executed: 6 },
      { label: "按支出性质分", executed: 50 + project },
      { label: "基本支出", executed: 50 },
      { label: "项目支出", executed: project },
    ],
  };
}

describe("INCOME_AS_SPENDING", () => {
  test("全年执行数 76 = income 76 while spending is 50 + 30 = 80 → error, fix 80", () => {
    const { wb, layout } = build((s) => byNature(s, 30));
    const r = run(wb);
    const f = one(r, "INCOME_AS_SPENDING");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].executed));
    expect(f.typed).toBe(76);
    expect(f.expected).toBe(80);
    expect(f.fix).toEqual({ ref: cellAt(layout.budget.rows[0].executed), value: 80 });
    expect(r.of("SUM_MISMATCH")).toEqual([]);
  });

  test("quiet: spending 50 + 26 = 76 equals income", () => {
    expect(run(build((s) => byNature(s, 26)).wb).of("INCOME_AS_SPENDING")).toEqual([]);
  });
});

describe("MAGNITUDE", () => {
  test("45515700 in a 万元 table (4551.57 万元 typed in 元) → warning", () => {
    const { wb, layout } = build((s) => (s.budget.rows[3].initialBudget = 45515700));
    const f = one(run(wb), "MAGNITUDE");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[3].initialBudget));
    expect(f.expected).toBe(4551.57);
  });

  test("“4.82元” against a target of 6.7万元 → warning: 元 is probably 万元", () => {
    const { wb, layout } = build((s) =>
      s.indicators.splice(0, 0, {
        level1: "产出指标",
        level2: "成本指标",
        name: "政府采购金额",
        target: "≤6.7万元",
        actual: "4.82元",
        weight: 0.5,
        score: 0.5,
      }),
    );
    const f = run(wb).of("MAGNITUDE");
    expect(f).toHaveLength(1);
    expect(f[0].ref).toEqual(cellAt(layout.indicators.rows[0].actual));
    expect(f[0].message).toMatch(/“元”很可能是“万元”的笔误/);
  });

  test("quiet: an indicator of 30亿元 (300000 万元) is not a budget amount", () => {
    const { wb } = build((s) => {
      const i = s.indicators[indIndex(s, "完成工业投资")];
      i.target = "30亿元";
      i.actual = "31亿元";
    });
    expect(run(wb).of("MAGNITUDE")).toEqual([]);
  });
});

describe("PERCENT_OVER_100", () => {
  test("满意度 101% → error at the actual cell", () => {
    const { wb, layout, spec } = build((s) => (s.indicators[indIndex(s, "社会公众满意度")].actual = "101%"));
    const f = one(run(wb), "PERCENT_OVER_100");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "社会公众满意度")].actual));
    expect(f.message).toMatch(/为 101%，/);
  });

  test("quiet: a 完成率 of 246.7% may exceed 100% (it is over-achievement instead)", () => {
    const { wb } = build((s) =>
      s.indicators.splice(0, 0, {
        level1: "产出指标",
        level2: "数量指标",
        name: "科技型中小企业入库完成率",
        target: "≥100%",
        actual: "246.7%",
        weight: 0.5,
        score: 0.5,
      }),
    );
    const r = run(wb);
    expect(r.of("PERCENT_OVER_100")).toEqual([]);
    expect(r.of("OVER_ACHIEVEMENT")).toHaveLength(1);
  });
});

describe("OVER_ACHIEVEMENT", () => {
  test("≥4家 with 6家: 6 / 4 = 150% ≥ 130% → warning at the actual cell", () => {
    const { wb, layout } = build((s) => (s.indicators[0].actual = "6家"));
    const f = one(run(wb), "OVER_ACHIEVEMENT");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
    expect(f.steps).toBe("150.00% = 6家 ÷ 4家");
  });

  test("quiet: 5 / 4 = 125%; a lower-is-better indicator far below its target", () => {
    const { wb } = build((s) => (s.indicators[indIndex(s, "公用经费控制率")].actual = "30%"));
    expect(run(wb).of("OVER_ACHIEVEMENT")).toEqual([]);
  });
});

describe("FORECAST_VALUE", () => {
  test("an actual “预计5家” → warning at the actual cell", () => {
    const { wb, layout } = build((s) => (s.indicators[0].actual = "预计5家"));
    const f = one(run(wb), "FORECAST_VALUE");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
  });

  test("the goal's 实际完成情况 reporting 1-10月 → warning at that cell", () => {
    const { wb, layout } = build((s) => (s.goals.actual = "1-10月完成工业投资9亿元，新增规模企业5家。"));
    const f = one(run(wb), "FORECAST_VALUE");
    expect(f.ref).toEqual(cellAt(layout.goals.actual));
    expect(f.typed).toBe("1-10月");
  });

  test("quiet: 1-12月 is the whole year", () => {
    const { wb } = build((s) => (s.goals.actual = "1-12月完成工业投资11.6亿元，新增规模企业5家。"));
    expect(run(wb).of("FORECAST_VALUE")).toEqual([]);
  });
});

describe("EXEC_OVER_100 on indicator rows: 执行率 above 100% is spending above plan, not over-achievement", () => {
  // Seed 002: 政府采购预算 180.00 万元, 实际 438.64 万元 → 438.64 ÷ 180 = 243.69%.
  const withRow = (target: string, actual: string) =>
    build((s) =>
      s.indicators.splice(3, 0, {
        level1: "产出指标",
        level2: "成本指标",
        name: "政府采购执行率",
        target,
        actual,
        weight: 0.5,
        score: 0.5,
      }),
    );

  test("政府采购执行率 243.69% against ≥100% → EXEC_OVER_100 (spending above plan), no OVER_ACHIEVEMENT", () => {
    const { wb, layout } = withRow("≥100%", "243.69%");
    const r = run(wb);
    const f = r.of("EXEC_OVER_100").find((x) => x.ref?.row === layout.indicators.rows[3].actual.row)!;
    expect(f).toBeDefined();
    expect(f.severity).toBe("warning");
    expect(f.message).toMatch(
      /^“政府采购执行率”为 243\.69%，超过 100%.*超出了预算（计划）数，并不是指标值定得偏低/,
    );
    expect(r.of("OVER_ACHIEVEMENT")).toEqual([]);
  });

  test("the amounts 180万元 → 438.64万元 under the rate name give 243.69% too", () => {
    const { wb, layout } = withRow("180万元", "438.64万元");
    const f = run(wb)
      .of("EXEC_OVER_100")
      .find((x) => x.ref?.row === layout.indicators.rows[3].actual.row)!;
    expect(f.steps).toBe("243.69% = 438.64万元 ÷ 180万元");
  });

  test("quiet: 政府采购执行率 96% (below 100%)", () => {
    const { wb } = withRow("≥90%", "96%");
    expect(run(wb).of("EXEC_OVER_100")).toEqual([]);
  });
});
