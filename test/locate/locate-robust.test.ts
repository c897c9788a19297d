import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import type { Cell, Sheet, Workbook } from "../../src/core/grid";
import { LABEL_SYNONYMS } from "../../src/core/labels";
import { locateForms } from "../../src/core/locate";
import type { FormSpec, IndicatorSpec } from "../../src/core/template";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { at, expectMatchesLayout, ref, sampleSpec } from "./fixtures";

const text = (s: string): Cell => ({ value: { kind: "text", value: s } });

describe("no form", () => {
  test("empty workbook, blank sheet, sparse empty rows", () => {
    expect(locateForms({ sheets: [] })).toEqual([]);
    expect(locateForms({ sheets: [{ name: "Sheet1", cells: [], merges: [] }] })).toEqual([]);
    const sparse: Sheet = { name: "S", cells: [], merges: [] };
    sparse.cells[100000] = [];
    expect(locateForms({ sheets: [sparse] })).toEqual([]);
  });

  test("an unrelated spreadsheet", () => {
    const sheet: Sheet = {
      name: "工资表",
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      cells: [
        [text("2023年度职工工资表")],
        [text("姓名"), text("基本工资"), text("绩效工资"), text("合计")],
        [
          text("张三"),
          { value: { kind: "number", value: 5000 } },
          { value: { kind: "number", value: 1200 } },
        ],
        [text("联系人：李四"), text("等级"), text("分值")],
      ],
    };
    expect(locateForms({ sheets: [sheet] })).toEqual([]);
  });

  test("error values everywhere", () => {
    const row = (): Cell[] =>
      Array.from({ length: 30 }, () => ({ value: { kind: "error", value: "#REF!" } }) as Cell);
    const sheet: Sheet = { name: "E", cells: Array.from({ length: 40 }, row), merges: [] };
    expect(locateForms({ sheets: [sheet] })).toEqual([]);
  });

  test("malformed input does not throw", () => {
    const bad = [
      null,
      {},
      { sheets: null },
      { sheets: [null, { name: 5, cells: null, merges: null }] },
      {
        sheets: [
          {
            name: "x",
            cells: [null, [null, { value: null }], "row"],
            merges: [{ top: -1 }, null, { top: 0 }],
          },
        ],
      },
    ] as unknown as Workbook[];
    for (const wb of bad) expect(locateForms(wb)).toEqual([]);
  });
});

describe("error values in every value cell", () => {
  test("the form is still found and every field points to the same cells", () => {
    const e = { error: "#DIV/0!" };
    const base = sampleSpec();
    const spec: FormSpec = {
      ...base,
      department: e,
      budgetCode: e,
      contact: e,
      phone: e,
      reportDate: e,
      budget: {
        variant: "by-source",
        rows: base.budget.rows.map((r) => ({
          label: r.label,
          initialBudget: e,
          fullYearBudget: e,
          executed: e,
          weight: e,
          rate: e,
          score: e,
        })),
      },
      goals: { expected: e, actual: { error: "#N/A" } },
      indicators: base.indicators.map((i) => ({
        ...i,
        target: e,
        actual: e,
        weight: e,
        score: e,
        reason: e,
      })),
      total: { weight: e, score: { error: "#VALUE!" } },
      grade: { error: "#NAME?" },
    };
    const [form] = locateForms({ sheets: [buildStandardForm(spec)] });
    expectMatchesLayout(form, standardLayout(spec), spec);
    expect(form.total.score!.cell.value).toEqual({ kind: "error", value: "#VALUE!" });
    expect(form.indicators!.rows.every((r) => !r.placeholder)).toBe(true);
  });
});

describe("random grids", () => {
  const labels = Object.values(LABEL_SYNONYMS).flat();
  const cellArb: fc.Arbitrary<Cell | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...labels).map((s) => text(s)),
    fc.constantFrom(...labels).map((s) => text(`${s}：值`)),
    fc
      .constantFrom("/", "—", "产出指标(50分)", "合计", "小计", "（2023年度）", "部门整体支出绩效自评表")
      .map(text),
    fc.string({ maxLength: 8 }).map(text),
    fc.double({ noNaN: false }).map((v) => ({ value: { kind: "number", value: v } }) as Cell),
    fc.constantFrom("#REF!", "#DIV/0!").map((v) => ({ value: { kind: "error", value: v } }) as Cell),
  );
  const sheetArb = fc.record({
    cells: fc.array(fc.array(cellArb, { maxLength: 12 }), { maxLength: 25 }),
    merges: fc.array(
      fc
        .tuple(fc.nat(30), fc.nat(14), fc.nat(4), fc.nat(4))
        .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 10 },
    ),
  });

  test("never throw, and every ref lies on its sheet", () => {
    fc.assert(
      fc.property(sheetArb, (s) => {
        const forms = locateForms({ sheets: [{ name: "R", ...s }] });
        for (const f of forms) {
          expect(f.sheet).toBe("R");
          expect(f.bounds.top).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("size", () => {
  test("a form with 10,000 indicator rows", () => {
    const spec = sampleSpec();
    const l2 = ["数量指标", "质量指标", "时效指标", "成本指标"];
    spec.indicators = Array.from({ length: 10000 }, (_, i): IndicatorSpec => ({
      level1: i < 6000 ? "产出指标" : i < 9000 ? "效益指标" : "满意度指标",
      level2: i < 6000 ? l2[Math.floor(i / 1500)] : i < 9000 ? "社会效益指标" : "服务对象满意度指标",
      name: `指标${i + 1}：完成数`,
      target: "≥100",
      actual: 100 + (i % 7),
      weight: 0.01,
      score: 0.01,
    }));
    const opts = { origin: { row: 3, col: 2 } };
    const layout = standardLayout(spec, opts);
    const [form] = locateForms({ sheets: [buildStandardForm(spec, opts)] });
    const rows = form.indicators!.rows;
    expect(rows).toHaveLength(10000);
    expect(rows[9999].name).toBe("指标10000：完成数");
    expect(at(rows[9999].score)).toEqual(ref("自评表", layout.indicators.rows[9999].score));
    // Row 7,777 (index 7776) lies in the 效益指标 merge that starts at index 6000.
    expect(rows[7776].level1Ref).toEqual(ref("自评表", layout.indicators.rows[6000].level1));
    expect(rows[7776].level1).toBe("效益指标");
    expect(rows[4500].level2).toBe("成本指标");
    expect(at(form.total.score)).toEqual(ref("自评表", layout.total.score));
    expect(at(form.grade)).toEqual(ref("自评表", layout.grade.value));
  });
});
