/** TEMPLATE_NOT_FOUND and "never throws": odd workbooks, odd cells, big forms, random input; ordering; profiles. */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import { parseProfile } from "../../src/core/profiles";
import { buildStandardForm, emptyStandardSpec } from "../../src/core/template";
import type { CellInput, FormSpec, IndicatorSpec } from "../../src/core/template";
import { build, correctSpec, workbookOf } from "./fixtures";
import { HUNAN, grid, one, run } from "./helpers";

describe("TEMPLATE_NOT_FOUND", () => {
  test("a blank workbook → one result, form null, one error finding without a cell", () => {
    const r = run({ sheets: [] });
    expect(r.results).toHaveLength(1);
    const [res] = r.results;
    expect(res.form).toBeNull();
    expect(res.sheet).toBeNull();
    expect(res.total).toEqual({ typed: null, computed: null });
    expect(res.grade).toEqual({ typed: null, computed: null });
    expect(res.writeBack).toEqual({ total: null, grade: null });
    const f = one(r, "TEMPLATE_NOT_FOUND");
    expect(f.severity).toBe("error");
    expect(f.category).toBe("template");
    expect(f.ref).toBeNull();
    expect(res.findings).toEqual([f]);
  });

  test("an unrelated workbook (a sales list) → TEMPLATE_NOT_FOUND", () => {
    const sheet = grid("销售", [
      ["日期", "客户", "金额（元）"],
      ["2023-01-05", "甲公司", 1200],
      ["2023-01-06", "乙公司", 880],
    ]);
    expect(run(workbookOf(sheet, grid("空表", []))).of("TEMPLATE_NOT_FOUND")).toHaveLength(1);
  });

  test("quiet: a workbook holding a form, plus an unrelated sheet", () => {
    const r = run(workbookOf(grid("说明", [["填表说明"]]), buildStandardForm(correctSpec())));
    expect(r.of("TEMPLATE_NOT_FOUND")).toEqual([]);
    expect(r.results).toHaveLength(1);
  });
});

describe("never throws", () => {
  const safe = (wb: unknown): void => {
    const internalErrors: InternalError[] = [];
    expect(() => checkWorkbook(wb as Workbook, { internalErrors })).not.toThrow();
    expect(internalErrors).toEqual([]);
  };

  test("null, {}, sheets that are not sheets", () => {
    safe(null);
    safe({});
    safe({ sheets: null });
    safe({ sheets: [null, { name: 3, cells: "x", merges: null }] });
  });

  test("the empty template (labels only)", () => {
    const r = run(workbookOf(buildStandardForm(emptyStandardSpec(2023))));
    expect(r.results[0].form).not.toBeNull();
    expect(r.of("MISSING_FIELD").length).toBeGreaterThanOrEqual(8);
    expect(r.results[0].total.computed).toBeNull();
  });

  test("text where numbers belong", () => {
    const r = run(
      build((s) => {
        s.budget.rows[0].fullYearBudget = "四百万";
        s.budget.rows[0].executed = "见附表";
        s.indicators[0].weight = "二十分";
        s.indicators[0].score = "满分";
        s.total.score = "九十四分";
      }).wb,
    );
    expect(r.results[0].total.typed).toBeNull();
    expect(r.results[0].total.computed).toBeNull();
  });

  test("#DIV/0! and #REF! in rate, score and total cells", () => {
    const { wb } = build((s) => {
      s.budget.rows[0].rate = { error: "#DIV/0!" };
      s.budget.rows[0].score = { error: "#REF!" };
      s.indicators[2].score = { error: "#REF!" };
      s.total.score = { error: "#REF!" };
    });
    const r = run(wb);
    expect(r.of("MISSING_VALUE").map((f) => f.typed)).toEqual(["#REF!", "#REF!"]);
    const total = one(r, "MISSING_FIELD"); // the 总分 cell shows #REF!
    expect(total.message).toMatch(/“总分”显示错误值 #REF!/);
    expect(r.results[0].total.typed).toBeNull();
  });

  test("huge and non-finite numbers", () => {
    const r = run(
      build((s) => {
        s.budget.rows[0].fullYearBudget = 1e308;
        s.budget.rows[0].executed = 1e308;
        s.indicators[0].target = 1e300;
        s.indicators[0].actual = "1e308";
        s.indicators[1].weight = Number.MAX_VALUE;
        s.indicators[1].score = -Number.MAX_VALUE;
        s.total.score = 1e20;
      }).wb,
    );
    expect(r.of("SCORE_OUT_OF_RANGE").length).toBeGreaterThan(0);
    const withInfinity = build((s) => (s.indicators[0].score = Infinity));
    run(withInfinity.wb);
  });

  test("10,000 indicator rows: checked in reasonable time", () => {
    const rows: IndicatorSpec[] = [];
    // 10,000 产出 rows of weight 0.01 at full score: 产出 = 100 points (weights 10 + 100 + 30 + 10 = 150).
    for (let i = 0; i < 10000; i++)
      rows.push({
        level1: "产出指标",
        level2: "数量指标",
        name: `指标${i + 1}：新增企业`,
        target: "≥4家",
        actual: "4家",
        weight: 0.01,
        score: 0.01,
      });
    rows[0].reason = "预算执行率76%：项目资金12月下达，年内未能支付完毕。";
    const { wb } = build((s) => {
      s.indicators = [...rows, ...s.indicators.filter((x) => x.level1 !== "产出指标")];
      s.total.score = 144.6; // 7.6 + 100 + 27 + 10
    });
    const t0 = Date.now();
    const r = run(wb);
    expect(Date.now() - t0).toBeLessThan(15000);
    expect(r.results[0].form!.indicators!.rows.length).toBe(10005);
    expect(r.results[0].total).toEqual({ typed: 144.6, computed: 144.6 });
    // 产出 100 ≠ 50 and 150 ≠ 100; nothing else is wrong.
    expect(r.findings.map((f) => [f.rule, f.typed, f.expected])).toEqual([
      ["WEIGHT_TOTAL", 100, 50],
      ["WEIGHT_TOTAL", 150, 100],
    ]);
  });

  test("10,000 rows without merges, each printing 产出指标（50分）: linear time, one 一级 entry per row", () => {
    // Without merges every row carries its own 一级 cell, so the form has 10,000 一级 entries; each
    // used to re-sum all rows (10,000 × 10,000). 10,000 × 0.005 = 50 = the printed 50分.
    const rows: IndicatorSpec[] = [];
    for (let i = 0; i < 10000; i++)
      rows.push({
        level1: "产出指标（50分）",
        level2: "数量指标",
        name: `指标${i + 1}：新增企业`,
        target: "≥4家",
        actual: "4家",
        weight: 0.005,
        score: 0.005,
      });
    rows[0].reason = "预算执行率76%：项目资金12月下达，年内未能支付完毕。";
    const { wb } = build(
      (s) => {
        s.indicators = [...rows, ...s.indicators.filter((x) => x.level1 !== "产出指标")];
        s.total.score = 94.6; // 7.6 + 50 + 27 + 10
      },
      { mergeLevels: false },
    );
    const t0 = Date.now();
    const r = run(wb);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.results[0].form!.indicators!.level1.length).toBe(10000);
    expect(r.results[0].total).toEqual({ typed: 94.6, computed: 94.6 });
    expect(r.findings).toEqual([]);
  });

  test("random cell contents in every value slot never throw (fast-check)", () => {
    const cellArb: fc.Arbitrary<CellInput> = fc.oneof(
      fc.constant(null),
      fc.double({ noNaN: false }),
      fc.integer({ min: -1000, max: 1000 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "/",
        "—",
        "≥95%",
        "≤27.6万元",
        "4.82元",
        "预计8家",
        "1-10月",
        "达成年度指标",
        "2021年",
        "#N/A",
      ),
      fc.record({ error: fc.constantFrom("#DIV/0!", "#REF!", "#N/A", "#VALUE!") }),
      fc.record({
        value: fc.double({ min: -10, max: 10, noNaN: true }),
        numberFormat: fc.constantFrom("0.00%", "0%", "General"),
      }),
    );
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 60, maxLength: 60 }), (cells) => {
        const spec: FormSpec = correctSpec();
        let k = 0;
        const next = (): CellInput => cells[k++ % cells.length];
        spec.budget.rows.forEach((row) => {
          row.fullYearBudget = next();
          row.executed = next();
          row.rate = next();
          row.score = next();
        });
        spec.indicators.forEach((i) => {
          i.target = next();
          i.actual = next();
          i.weight = next();
          i.score = next();
          i.reason = next();
        });
        spec.total.score = next();
        spec.grade = next();
        const internalErrors: InternalError[] = [];
        const results = checkWorkbook(workbookOf(buildStandardForm(spec)), { internalErrors });
        return internalErrors.length === 0 && results.length === 1;
      }),
      { numRuns: 150 },
    );
  });
});

describe("results", () => {
  test("two forms in one workbook → two results", () => {
    const a = buildStandardForm(correctSpec(), { sheetName: "表一" });
    const b = buildStandardForm({ ...correctSpec(), grade: "良" }, { sheetName: "表二" });
    const r = run(workbookOf(a, b));
    expect(r.results.map((x) => x.sheet)).toEqual(["表一", "表二"]);
    expect(r.results[0].findings).toEqual([]);
    expect(r.results[1].findings.map((f) => f.rule)).toEqual(["GRADE_MISMATCH"]);
  });

  test("findings sorted by severity, then row and column", () => {
    const { wb } = build((s) => {
      s.indicators[5].actual = "详见附件"; // info
      s.goals.actual = "2022年完成工业投资11.6亿元"; // warning, above the indicators
      s.indicators[8].score = 9; // error (满意度 rule gives 10) + SUM_MISMATCH on the total below
      s.department = null; // error, top of the form
    });
    const f = run(wb).findings;
    const rank = { error: 0, warning: 1, info: 2 } as const;
    for (let i = 1; i < f.length; i++) {
      const a = f[i - 1];
      const b = f[i];
      const cmp = rank[a.severity] - rank[b.severity] || a.ref!.row - b.ref!.row || a.ref!.col - b.ref!.col;
      expect(cmp).toBeLessThanOrEqual(0);
    }
    expect(f[0].rule).toBe("MISSING_FIELD");
    expect(f[f.length - 1].severity).toBe("info");
  });

  test("a profile's severity override applies (YEAR_MISMATCH raised to error)", () => {
    const strict = parseProfile({
      ...HUNAN(),
      id: "strict",
      name: "严格",
      execution: { kind: "proportional" },
      severities: { YEAR_MISMATCH: "error", UNPARSED_VALUE: "warning" },
    });
    const r = run(build((s) => (s.goals.actual = "2022年完成工业投资11.6亿元")).wb, strict);
    expect(one(r, "YEAR_MISMATCH").severity).toBe("error");
    expect(r.results[0].profile).toBe("strict");
  });

  test("a rounding-only difference stays a warning even when the profile raises the rule to error? no: capped", () => {
    const strict = parseProfile({
      ...HUNAN(),
      id: "s2",
      name: "s2",
      execution: { kind: "proportional" },
      severities: { SUM_MISMATCH: "error" },
    });
    expect(one(run(build((s) => (s.total.score = 94.08)).wb, strict), "SUM_MISMATCH").severity).toBe(
      "warning",
    );
  });
});
