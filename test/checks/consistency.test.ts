/** UNIT_MISMATCH, YEAR_MISMATCH, UNKNOWN_CATEGORY, GOAL_DUPLICATE, UNPARSED_VALUE. */
import { describe, expect, test } from "@jest/globals";
import { build, indIndex } from "./fixtures";
import { cellAt, one, run } from "./helpers";

describe("UNIT_MISMATCH", () => {
  test("target in 家, actual in 个 → warning at the actual cell", () => {
    const { wb, layout } = build((s) => (s.indicators[0].actual = "5个"));
    const f = one(run(wb), "UNIT_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.category).toBe("consistency");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
  });

  test("a rate indicator holding 万元 amounts: 20.48 ÷ 27.6 = 74.20% (seed 004) → warning with the rate", () => {
    const { wb, layout, spec } = build((s) => {
      const i = s.indicators[indIndex(s, "公用经费控制率")];
      i.target = "27.6万元";
      i.actual = "20.48万元";
    });
    const f = one(run(wb), "UNIT_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "公用经费控制率")].actual));
    expect(f.expected).toBe("74.20%");
    expect(f.message).toMatch(/比率指标，却填写了金额/);
  });

  test("quiet: a bare actual takes the target's unit (“5” under “≥4家”)", () => {
    expect(run(build((s) => (s.indicators[0].actual = "5")).wb).of("UNIT_MISMATCH")).toEqual([]);
  });
});

describe("YEAR_MISMATCH", () => {
  test("“2022年” in the goal text of a 2023 form → warning at that cell", () => {
    const { wb, layout } = build((s) => (s.goals.actual = "2022年完成工业投资11.6亿元，新增规模企业5家。"));
    const f = one(run(wb), "YEAR_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.goals.actual));
    expect(f.typed).toBe(2022);
    expect(f.expected).toBe(2023);
  });

  test("a year in an indicator name → warning at the name cell", () => {
    const { wb, layout } = build((s) => (s.indicators[0].name = "2021年新增规模企业"));
    expect(one(run(wb), "YEAR_MISMATCH").ref).toEqual(cellAt(layout.indicators.rows[0].name));
  });

  test("quiet: 上年 (2022年) comparisons, the 2024 填报日期, the year line", () => {
    const { wb } = build(
      (s) => (s.goals.actual = "完成工业投资11.6亿元，较上年（2022年）增长16%，新增规模企业5家。"),
    );
    expect(run(wb).of("YEAR_MISMATCH")).toEqual([]);
  });
});

describe("UNKNOWN_CATEGORY", () => {
  test("二级 “日效性指标” (a real typo) → warning at the 二级 cell", () => {
    const { wb, layout, spec } = build(
      (s) => (s.indicators[indIndex(s, "重点工作完成及时率")].level2 = "日效性指标"),
    );
    const f = one(run(wb), "UNKNOWN_CATEGORY");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "重点工作完成及时率")].level2));
    expect(f.typed).toBe("日效性指标");
  });

  test("an unknown 一级 name → warning at the 一级 cell", () => {
    const { wb, layout } = build((s) =>
      s.indicators.forEach((i) => i.level1 === "满意度指标" && (i.level1 = "满意指标")),
    );
    const f = one(run(wb), "UNKNOWN_CATEGORY");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[layout.indicators.rows.length - 1].level1));
  });

  test("成本指标 as a 一级 name (newer national forms) → warning at the 一级 cell (labels.ts: a 二级 name, §2.4)", () => {
    const { wb, layout, spec } = build((s) => {
      const i = s.indicators[indIndex(s, "公用经费控制率")];
      i.level1 = "成本指标";
      i.level2 = "经济成本指标";
    });
    const f = one(run(wb), "UNKNOWN_CATEGORY");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "公用经费控制率")].level1));
    expect(f.typed).toBe("成本指标");
  });

  test("quiet: 成本指标 as a 二级 name under 产出指标", () => {
    const { wb, spec } = build();
    expect(spec.indicators[indIndex(spec, "公用经费控制率")].level2).toBe("成本指标");
    expect(run(wb).of("UNKNOWN_CATEGORY")).toEqual([]);
  });

  test("quiet: points in the name and the long 满意度 二级 spelling", () => {
    const { wb } = build((s) => {
      s.indicators.forEach((i) => i.level1 === "效益指标" && (i.level1 = "效益指标（30分）"));
      s.indicators[indIndex(s, "社会公众满意度")].level2 = "社会公众或服务对象满意度";
    });
    expect(run(wb).of("UNKNOWN_CATEGORY")).toEqual([]);
  });
});

describe("GOAL_DUPLICATE", () => {
  test("实际完成情况 copied from 预期目标 → warning at 实际完成情况", () => {
    const { wb, layout } = build((s) => (s.goals.actual = s.goals.expected));
    const f = one(run(wb), "GOAL_DUPLICATE");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(cellAt(layout.goals.actual));
  });

  test("quiet: different texts", () => {
    expect(run(build().wb).of("GOAL_DUPLICATE")).toEqual([]);
  });
});

describe("UNPARSED_VALUE", () => {
  test("an actual “详见附件” → info at the actual cell", () => {
    const { wb, layout, spec } = build(
      (s) => (s.indicators[indIndex(s, "长效机制建设")].actual = "详见附件"),
    );
    const f = one(run(wb), "UNPARSED_VALUE");
    expect(f.severity).toBe("info");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "长效机制建设")].actual));
  });

  test("quiet: a recognised qualitative phrase", () => {
    expect(run(build().wb).of("UNPARSED_VALUE")).toEqual([]);
  });
});
