/** MISSING_FIELD, MISSING_VALUE, MISSING_REASON. */
import { describe, expect, test } from "@jest/globals";
import type { FormSpec } from "../../src/core/template";
import { build, indIndex } from "./fixtures";
import { cellAt, hunanSheet, one, problems, run } from "./helpers";

describe("MISSING_FIELD", () => {
  const cases: [
    string,
    (s: FormSpec) => void,
    (l: ReturnType<typeof build>["layout"]) => { row: number; col: number },
  ][] = [
    ["department", (s) => (s.department = null), (l) => l.header.department.value],
    ["budgetCode", (s) => (s.budgetCode = "  "), (l) => l.header.budgetCode.value],
    ["contact", (s) => (s.contact = null), (l) => l.header.contact.value],
    ["phone", (s) => (s.phone = null), (l) => l.header.phone.value],
    ["预期目标", (s) => (s.goals.expected = null), (l) => l.goals.expected],
    ["实际完成情况", (s) => (s.goals.actual = null), (l) => l.goals.actual],
    ["总分", (s) => (s.total.score = null), (l) => l.total.score],
    ["等级", (s) => (s.grade = null), (l) => l.grade.value],
  ];
  test.each(cases)("blank %s → error at its value cell", (_name, edit, pos) => {
    const { wb, layout } = build(edit);
    const f = one(run(wb), "MISSING_FIELD");
    expect(f.severity).toBe("error");
    expect(f.category).toBe("missing");
    expect(f.ref).toEqual(cellAt(pos(layout)));
    expect(f.message).toMatch(/未填写/);
  });

  test("quiet: every required field filled; the optional 填报日期 may stay blank", () => {
    const r = run(build((s) => (s.reportDate = null)).wb);
    expect(r.of("MISSING_FIELD")).toEqual([]);
  });

  test("older Hunan combined cell without a grade → MISSING_FIELD on that cell", () => {
    const sheet = hunanSheet((rows) => (rows[10][1] = "评分：96"));
    const f = one(run({ sheets: [sheet] }), "MISSING_FIELD");
    expect(f.ref).toEqual({ sheet: "附件2", row: 10, col: 1 });
    expect(f.message).toMatch(/评价等级/);
  });

  test("quiet on the complete older Hunan form", () => {
    expect(run({ sheets: [hunanSheet()] }).of("MISSING_FIELD")).toEqual([]);
  });
});

describe("a formula without a saved result (a file written by a program, never calculated in Excel)", () => {
  // The cell is not blank: it holds a formula whose value the file does not carry. Telling the user
  // "未填写" would send them looking for an empty cell; the message names the formula and the fix.
  test("分值 as an uncalculated formula → MISSING_VALUE naming the formula and asking to recalculate in Excel", () => {
    const { wb, layout, spec } = build();
    const pos = layout.indicators.rows[indIndex(spec, "新增规模企业")].weight;
    wb.sheets[0].cells[pos.row][pos.col] = { value: { kind: "empty" }, formula: "SUM(X1:X3)" };
    const f = one(run(wb), "MISSING_VALUE");
    expect(f.ref).toEqual(cellAt(pos));
    expect(f.message).toContain("“新增规模企业”的分值是公式 =SUM(X1:X3)");
    expect(f.message).toContain("重新计算");
    expect(f.message).not.toContain("未填写");
  });

  test("总分 as an uncalculated formula → MISSING_FIELD naming the formula", () => {
    const { wb, layout } = build();
    const pos = layout.total.score;
    wb.sheets[0].cells[pos.row][pos.col] = { value: { kind: "empty" }, formula: "SUM(H7:H23)" };
    const f = one(run(wb), "MISSING_FIELD");
    expect(f.ref).toEqual(cellAt(pos));
    expect(f.message).toContain("“总分”是公式 =SUM(H7:H23)");
  });

  test("a truly blank 分值 still reads 未填写", () => {
    const { wb } = build((s) => (s.indicators[0].weight = null));
    expect(one(run(wb), "MISSING_VALUE").message).toMatch(/分值未填写/);
  });
});

describe("MISSING_VALUE", () => {
  test("a scored row without 年度指标值 → error at the target cell", () => {
    const { wb, layout, spec } = build((s) => (s.indicators[0].target = null));
    const f = one(run(wb), "MISSING_VALUE");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "新增规模企业")].target));
    expect(f.message).toMatch(/新增规模企业.*年度指标值/);
  });

  test("blank 分值 and 得分 → one finding each", () => {
    const { wb, layout } = build((s) => {
      s.indicators[1].weight = null;
      s.indicators[1].score = null;
    });
    const refs = run(wb)
      .of("MISSING_VALUE")
      .map((f) => f.ref);
    expect(refs).toEqual([cellAt(layout.indicators.rows[1].weight), cellAt(layout.indicators.rows[1].score)]);
  });

  test("#REF! in 实际完成值 → error naming the error value", () => {
    const { wb, layout } = build((s) => (s.indicators[0].actual = { error: "#REF!" }));
    const f = one(run(wb), "MISSING_VALUE");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
    expect(f.message).toMatch(/#REF!/);
  });

  test("budget total without 全年执行数 → error at that cell", () => {
    const { wb, layout } = build((s) => (s.budget.rows[0].executed = null));
    const f = one(run(wb), "MISSING_VALUE");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].executed));
    expect(f.message).toMatch(/年度资金总额.*全年执行数/);
  });

  test("an empty indicator row (nothing typed, no name) → one finding for the row, not one per cell", () => {
    const { wb, layout } = build((s) =>
      s.indicators.push({
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "",
        target: null,
        actual: null,
        weight: null,
        score: null,
      }),
    );
    const row = layout.indicators.rows[layout.indicators.rows.length - 1];
    const onRow = run(wb).findings.filter((f) => f.ref?.row === row.target.row);
    expect(onRow.map((f) => [f.rule, f.ref])).toEqual([["MISSING_VALUE", cellAt(row.target)]]);
    expect(onRow[0].message).toBe(
      `第 ${row.target.row + 1} 行指标的年度指标值、实际完成值、分值和得分都未填写。请填写该指标；模板中多余的空行请删除，该行不考核时请在各栏填“/”。`,
    );
  });

  test("a named row with nothing typed → one finding at its name cell", () => {
    const { wb, layout } = build((s) => {
      const i = s.indicators[0];
      i.target = null;
      i.actual = null;
      i.weight = null;
      i.score = null;
    });
    const row = layout.indicators.rows[0];
    const onRow = run(wb).findings.filter((f) => f.ref?.row === row.name.row && f.rule === "MISSING_VALUE");
    expect(onRow.map((f) => f.ref)).toEqual([cellAt(row.name)]);
    expect(onRow[0].message).toMatch(/^“新增规模企业”一行的年度指标值、实际完成值、分值和得分都未填写/);
  });

  test("quiet for the row rule: a half-filled row keeps one finding per blank cell", () => {
    const { wb, layout } = build((s) => {
      s.indicators[0].weight = null;
      s.indicators[0].score = null;
    });
    const row = layout.indicators.rows[0];
    const onRow = run(wb)
      .of("MISSING_VALUE")
      .filter((f) => f.ref?.row === row.name.row);
    expect(onRow.map((f) => f.ref)).toEqual([cellAt(row.weight), cellAt(row.score)]);
  });

  test("quiet: a placeholder row (“/” everywhere) is not missing", () => {
    const r = run(
      build((s) =>
        s.indicators.push({
          level1: "满意度指标",
          level2: "服务对象满意度指标",
          name: "指标2：/",
          target: "/",
          actual: "/",
          weight: "/",
          score: "/",
          reason: "/",
        }),
      ).wb,
    );
    expect(r.of("MISSING_VALUE")).toEqual([]);
    expect(problems(r)).toEqual([]);
  });
});

describe("MISSING_REASON", () => {
  test("points lost (9.47 of 10) with a blank reason → error at the reason cell", () => {
    const { wb, layout, spec } = build(
      (s) => (s.indicators[indIndex(s, "重点工作完成及时率")].reason = null),
    );
    const f = one(run(wb), "MISSING_REASON");
    expect(f.severity).toBe("error");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[indIndex(spec, "重点工作完成及时率")].reason));
    // 10 − 9.47 = 0.53 points lost.
    expect(f.message).toMatch(/分值 10 分，只得 9\.47 分（扣 0\.53 分）/);
  });

  test.each(["无", "暂无", "/", " 无。"])("boilerplate reason %j counts as none", (reason) => {
    const { wb } = build((s) => (s.indicators[indIndex(s, "企业服务成效")].reason = reason));
    expect(run(wb).of("MISSING_REASON")).toHaveLength(1);
  });

  test("执行率 76% < 90% with no reason anywhere → error at the 执行率 cell", () => {
    const { wb, layout } = build((s) => (s.indicators[indIndex(s, "公用经费控制率")].reason = null));
    const f = one(run(wb), "MISSING_REASON");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[0].rate));
    expect(f.message).toMatch(/76\.00% 低于 90\.00%/);
  });

  test("quiet: full points and no reason; 执行率 95% ≥ 90% and no reason", () => {
    // 95 / 100 = 95%, 得分 9.5; total 94.07 − 7.6 + 9.5 = 95.97.
    const { wb } = build((s) => {
      s.budget.rows[0].executed = 95;
      s.budget.rows[0].rate = { value: 0.95, numberFormat: "0.00%" };
      s.budget.rows[0].score = 9.5;
      s.budget.rows[1].executed = 79; // 79 + 11 + 5 = 95
      s.indicators[indIndex(s, "公用经费控制率")].reason = null;
      s.total.score = 95.97;
    });
    const r = run(wb);
    expect(r.of("MISSING_REASON")).toEqual([]);
    expect(problems(r)).toEqual([]);
  });
});
