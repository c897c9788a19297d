import { describe, expect, test } from "@jest/globals";
import type { Sheet } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { buildStandardForm, emptyStandardSpec, standardLayout } from "../../src/core/template";
import { at, byNatureSpec, expectMatchesLayout, ref, sampleSpec } from "./fixtures";

function unrelatedSheet(): Sheet {
  return {
    name: "说明",
    merges: [],
    cells: [
      [{ value: { kind: "text", value: "填表说明" } }],
      [{ value: { kind: "text", value: "1. 金额单位为万元" } }, { value: { kind: "number", value: 42 } }],
    ],
  };
}

describe("locateForms on the built standard form", () => {
  test("finds every field at the origin", () => {
    const spec = sampleSpec();
    const forms = locateForms({ sheets: [buildStandardForm(spec)] });
    expect(forms).toHaveLength(1);
    expectMatchesLayout(forms[0], standardLayout(spec), spec);
    // Spot checks by hand against the layout in template.ts (origin A1, 9 columns):
    expect(at(forms[0].header.department)).toEqual({ sheet: "自评表", row: 2, col: 1 }); // B3
    expect(at(forms[0].header.budgetCode)).toEqual({ sheet: "自评表", row: 2, col: 6 }); // G3, after merged E3:F3
    expect(at(forms[0].budget!.total!.executed)).toEqual({ sheet: "自评表", row: 6, col: 5 }); // F7
    expect(at(forms[0].total.score)).toEqual({ sheet: "自评表", row: 22, col: 7 }); // H23 (rows: 0 title, 1 year, 2-4 header, 5-9 budget, 10-11 goals, 12 header, 13-21 indicators)
    expect(forms[0].budget!.unit).toBe("万元");
    expect(forms[0].header.department!.cell.value).toEqual({ kind: "text", value: "吉首市科工信局" });
  });

  test("moved to another corner (origin row 7, col 5)", () => {
    const spec = sampleSpec();
    const opts = { origin: { row: 7, col: 5 } };
    const [form] = locateForms({ sheets: [buildStandardForm(spec, opts)] });
    expectMatchesLayout(form, standardLayout(spec, opts), spec);
    expect(at(form.total.score)).toEqual({ sheet: "自评表", row: 29, col: 12 });
  });

  test("on a second sheet after an unrelated one", () => {
    const spec = sampleSpec();
    const opts = { sheetName: "2023自评表" };
    const forms = locateForms({ sheets: [unrelatedSheet(), buildStandardForm(spec, opts)] });
    expect(forms).toHaveLength(1);
    expectMatchesLayout(forms[0], standardLayout(spec, opts), spec);
  });

  test("two forms on two sheets → two results in sheet order", () => {
    const a = sampleSpec();
    const b = sampleSpec();
    b.year = 2022;
    b.department = "某某局";
    const forms = locateForms({
      sheets: [
        buildStandardForm(a, { sheetName: "甲" }),
        unrelatedSheet(),
        buildStandardForm(b, { sheetName: "乙", origin: { row: 3, col: 2 } }),
      ],
    });
    expect(forms.map((f) => [f.sheet, f.year])).toEqual([
      ["甲", 2023],
      ["乙", 2022],
    ]);
    expectMatchesLayout(forms[1], standardLayout(b, { sheetName: "乙", origin: { row: 3, col: 2 } }), b);
  });

  test("without merges: names repeated on every row", () => {
    const spec = sampleSpec();
    const opts = { mergeLevels: false };
    const sheet = buildStandardForm(spec, opts);
    const [form] = locateForms({ sheets: [sheet] });
    expectMatchesLayout(form, standardLayout(spec, opts), spec);
    expect(form.indicators!.rows[1].level1Ref).toEqual({ sheet: "自评表", row: 14, col: 1 });
  });

  test("all merges dropped: blank 一级/二级 cells inherit from the previous row", () => {
    const spec = sampleSpec();
    const sheet = buildStandardForm(spec);
    sheet.merges = [];
    const [form] = locateForms({ sheets: [sheet] });
    const layout = standardLayout(spec);
    const rows = form.indicators!.rows;
    expect(rows.map((r) => r.level1)).toEqual(spec.indicators.map((i) => i.level1));
    expect(rows.map((r) => r.level2)).toEqual(spec.indicators.map((i) => i.level2));
    // Row 2 (数量指标 again) inherits from row 1's cells.
    expect(rows[1].level1Ref).toEqual(ref("自评表", layout.indicators.rows[0].level1));
    expect(rows[1].level2Ref).toEqual(ref("自评表", layout.indicators.rows[0].level2));
    // Header values: without merges the label (E3) and its value (G3, where the builder wrote it) are two
    // columns apart; the value is found over the empty unmerged F3 (issue 13, item 6).
    expect(at(form.header.budgetCode)).toEqual(ref("自评表", layout.header.budgetCode.value));
  });

  test("extra 指标性质 and 度量单位 columns located by their header text", () => {
    const spec = sampleSpec();
    spec.indicators = spec.indicators.map((i, n) => ({
      ...i,
      nature: n === 4 ? "≤" : "≥",
      unit: n < 2 ? "家" : "%",
    }));
    const opts = { extraColumns: ["nature", "unit"] as ("nature" | "unit")[] };
    const [form] = locateForms({ sheets: [buildStandardForm(spec, opts)] });
    const layout = standardLayout(spec, opts);
    expectMatchesLayout(form, layout, spec);
    expect(at(form.indicators!.rows[4].nature)).toEqual({ sheet: "自评表", row: 17, col: 4 });
    expect(form.indicators!.rows[4].nature!.cell.value).toEqual({ kind: "text", value: "≤" });
    expect(at(form.indicators!.rows[0].unit)).toEqual({ sheet: "自评表", row: 13, col: 5 });
    expect(at(form.indicators!.rows[0].target)).toEqual({ sheet: "自评表", row: 13, col: 6 });
  });

  test("only 指标性质 as extra column", () => {
    const spec = sampleSpec();
    const opts = { extraColumns: ["nature"] as ("nature" | "unit")[] };
    const [form] = locateForms({ sheets: [buildStandardForm(spec, opts)] });
    expectMatchesLayout(form, standardLayout(spec, opts), spec);
    expect(form.indicators!.rows[0].unit).toBeNull();
  });

  test("percentages stored as numbers with a percent format, total as a formula", () => {
    const spec = sampleSpec();
    spec.budget.rows[0].rate = { value: 0.99998, numberFormat: "0.00%" };
    spec.indicators[2].target = { value: 1, numberFormat: "0%" };
    spec.indicators[2].actual = { value: 0.95, numberFormat: "0.00%" };
    spec.total.score = { value: 95, formula: "SUM(H12:H20)" };
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, standardLayout(spec), spec);
    expect(form.budget!.total!.rate!.cell).toEqual({
      value: { kind: "number", value: 0.99998 },
      numberFormat: "0.00%",
    });
    expect(form.indicators!.rows[2].actual.cell.numberFormat).toBe("0.00%");
    expect(form.total.score!.cell).toEqual({ value: { kind: "number", value: 95 }, formula: "SUM(H12:H20)" });
  });

  test("by-nature budget variant", () => {
    const spec = byNatureSpec();
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, standardLayout(spec), spec);
    expect(form.budget!.rows.map((r) => r.kind)).toEqual([
      "total",
      "income-group",
      "income-item",
      "income-item",
      "income-item",
      "income-item",
      "spending-group",
      "spending-item",
      "spending-item",
    ]);
    expect(form.budget!.unit).toBeNull(); // title 年度预算申请 states no unit
  });

  test("by-nature: group amounts written in the cell right after the label", () => {
    const spec = byNatureSpec();
    spec.budget.rows = spec.budget.rows.map((r, i) =>
      i === 0 ? r : { label: r.label, initialBudget: r.executed, executed: null },
    );
    const sheet = buildStandardForm(spec);
    const layout = standardLayout(spec);
    const [form] = locateForms({ sheets: [sheet] });
    const rows = form.budget!.rows;
    // The cell right after the (merged B:C) label is D — the 年初预算数 column here.
    expect(at(rows[1].executed)).toEqual(ref("自评表", layout.budget.rows[1].initialBudget));
    expect(rows[1].executed!.cell.value).toEqual({ kind: "number", value: 110 });
    expect(rows[1].initialBudget).toBeNull();
    expect(at(rows[7].executed)).toEqual(ref("自评表", layout.budget.rows[7].initialBudget));
    // The total row keeps its columns.
    expect(at(rows[0].executed)).toEqual(ref("自评表", layout.budget.rows[0].executed));
  });

  test("by-nature side by side: 按支出性质分 beside 按收入性质分 holds its amount right of its label", () => {
    const spec = byNatureSpec();
    spec.budget.rows = [
      spec.budget.rows[0],
      { label: "按收入性质分", executed: 110, weight: "按支出性质分", rate: 110, score: null },
      { label: "其中：一般公共预算", executed: 100, weight: "其中：基本支出", rate: 60, score: null },
      { label: "其他资金", executed: 10, weight: "项目支出", rate: 50, score: null },
    ];
    const sheet = buildStandardForm(spec);
    const layout = standardLayout(spec);
    const [form] = locateForms({ sheets: [sheet] });
    const b = form.budget!;
    expect(b.variant).toBe("by-nature");
    const byLabel = new Map(b.rows.map((r) => [r.label, r]));
    const l = layout.budget.rows;
    expect(at(byLabel.get("按收入性质分")!.executed)).toEqual(ref("自评表", l[1].executed));
    expect(byLabel.get("按收入性质分")!.weight).toBeNull(); // that column belongs to the right-hand label
    expect(byLabel.get("按支出性质分")!.labelRef).toEqual(ref("自评表", l[1].weight));
    expect(byLabel.get("按支出性质分")!.kind).toBe("spending-group");
    expect(at(byLabel.get("按支出性质分")!.executed)).toEqual(ref("自评表", l[1].rate));
    expect(at(byLabel.get("其中：基本支出")!.executed)).toEqual(ref("自评表", l[2].rate));
    expect(byLabel.get("其他资金")!.kind).toBe("income-item");
    expect(byLabel.get("项目支出")!.kind).toBe("spending-item");
    expect(b.rows).toHaveLength(7);
  });

  test("placeholder rows: / and — everywhere", () => {
    const spec = sampleSpec();
    spec.indicators.push(
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "/",
        target: "/",
        actual: "/",
        weight: "/",
        score: "/",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "—",
        target: "—",
        actual: "—",
        weight: "—",
        score: "—",
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "指标",
        target: "—",
        actual: "",
        weight: 0,
        score: "—",
      },
    );
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, standardLayout(spec), spec);
    const rows = form.indicators!.rows;
    expect(rows.map((r) => r.placeholder)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  test("一级 names with points → level1 weights", () => {
    const spec = sampleSpec();
    spec.indicators = spec.indicators.map((i) => ({
      ...i,
      level1:
        i.level1 === "产出指标"
          ? "产出指标(50分)"
          : i.level1 === "效益指标"
            ? "效益指标（30分）"
            : "满意度指标（10 分）",
    }));
    const layout = standardLayout(spec);
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, layout, spec);
    const l1 = form.indicators!.level1;
    expect(l1.map((x) => [x.name, x.weight!.cell.value])).toEqual([
      ["产出指标(50分)", { kind: "number", value: 50 }],
      ["效益指标（30分）", { kind: "number", value: 30 }],
      ["满意度指标（10 分）", { kind: "number", value: 10 }],
    ]);
    expect(l1[1].nameRef).toEqual(ref("自评表", layout.indicators.rows[5].level1));
  });

  test("the empty template is located with blank values where they must be typed", () => {
    const spec = emptyStandardSpec(2024);
    const layout = standardLayout(spec);
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, layout, spec);
    expect(form.header.department!.cell.value.kind).toBe("empty");
    expect(form.indicators!.rows.map((r) => r.level2)).toEqual([
      "数量指标",
      "质量指标",
      "时效指标",
      "成本指标",
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
    ]);
    expect(form.total.weight!.cell.value).toEqual({ kind: "number", value: 100 });
    expect(form.grade!.cell.value.kind).toBe("empty");
  });
});
