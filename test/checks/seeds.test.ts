/** Seed reproductions: 000 (武冈市 2022) and 004 (吉首市 2023). Numbers checked by hand in fixtures.ts. */
import { describe, expect, test } from "@jest/globals";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { Pos } from "../../src/core/template";
import { a1 } from "../../src/core/grid";
import { seed000Spec, seed004Spec, workbookOf } from "./fixtures";
import { HUNAN, STEP, cellAt, one, run } from "./helpers";

const key = (p: Pos): string => `${p.row}:${p.col}`;

describe("seed 000 (step-deduction; 执行率 990.31% doubted, so its score and the total undetermined)", () => {
  const spec = seed000Spec();
  const L = standardLayout(spec);
  const wb = () => workbookOf(buildStandardForm(spec));
  const total = L.budget.rows[0];

  test("the expected findings, each at its cell", () => {
    const r = run(wb(), STEP());
    const got = r.findings.map((f) => [f.rule, f.severity, `${f.ref!.row}:${f.ref!.col}`]);
    expect(got).toEqual([
      // errors, in sheet order
      ["INCOME_AS_SPENDING", "error", key(total.executed)],
      ["SUM_MISMATCH", "error", key(L.total.score)],
      // warnings: the 执行率 score rests on the doubted 执行数/预算数, so it is undetermined, not an error
      ["MAGNITUDE", "warning", key(total.fullYearBudget)],
      ["EXEC_OVER_100", "warning", key(total.rate)],
      ["SCORE_MISMATCH", "warning", key(total.score)],
      ["YEAR_MISMATCH", "warning", key(L.goals.actual)],
    ]);
  });

  test("990% printed for 4551.57 / 459.61: no rate correction proposed from figures flagged as doubtful", () => {
    const r = run(wb(), STEP());
    expect(r.of("RATE_MISMATCH")).toEqual([]);
    expect(
      r.findings.filter((f) => f.fix?.ref.row === total.rate.row && f.fix.ref.col === total.rate.col),
    ).toEqual([]);
  });

  test("全年执行数 4551.57 is the income; spending is 679.77 + 3883.70 = 4563.47", () => {
    const f = one(run(wb(), STEP()), "INCOME_AS_SPENDING");
    expect(f.typed).toBe(4551.57);
    expect(f.expected).toBe(4563.47);
    expect(f.fix).toEqual({ ref: cellAt(total.executed), value: 4563.47 });
  });

  test("总分 95 typed over parts 0 + 90 = 90: the sum of what is typed is still wrong, but no total is proposed", () => {
    // Typed parts 0 + 20 + 10 + 10 + 10 + 10 + 8 + 6 + 6 + 10 = 90 ≠ 95. The rule value of 执行率得分 depends on
    // 全年执行数 (F7) and 全年预算数 (E7), both flagged, so the total cannot be recomputed: no fix.
    const r = run(wb(), STEP());
    const f = one(r, "SUM_MISMATCH");
    expect(f.typed).toBe(95);
    expect(f.expected).toBe(90);
    expect(f.fix).toBeUndefined();
    expect(f.message).toContain("无法确定：请先核对全年执行数（F7）、全年预算数（E7）");
    expect(f.message).not.toContain("应为 5");
    expect(r.results[0].total.computed).toBeNull();
    expect(r.results[0].plan?.total).toBeNull();
  });

  test("budget 459.61 smaller than its 基本支出 679.77 → MAGNITUDE", () => {
    expect(one(run(wb(), STEP()), "MAGNITUDE").message).toMatch(/459\.61.*679\.77/);
  });

  test("执行率得分 typed 0 over a doubted 990.31%: undetermined (names F7 and E7), no value and no fix", () => {
    const r = run(wb(), STEP());
    const f = one(r, "SCORE_MISMATCH");
    expect(f.severity).toBe("warning");
    expect(f.typed).toBe(0);
    expect(f.expected).toBe("无法确定：请先核对全年执行数（F7）、全年预算数（E7）");
    expect(f.fix).toBeUndefined();
    expect(r.results[0].total).toEqual({ typed: 95, computed: null });
    expect(r.results[0].grade).toEqual({ typed: "优", computed: null });
    expect(r.results[0].plan?.undetermined?.map((u) => u.because.ref)).toContainEqual(cellAt(total.executed));
  });

  test("weights of 95: quiet under step-deduction (95), WEIGHT_TOTAL under hunan (100)", () => {
    expect(run(wb(), STEP()).of("WEIGHT_TOTAL")).toEqual([]);
    const found = run(wb(), HUNAN()).of("WEIGHT_TOTAL");
    // 5 + 50 + 30 + 10 = 95 ≠ 100 at the 总分 分值 cell; 执行率 5 ≠ 10 at the budget 分值 cell.
    expect(found.map((f) => [f.ref, f.typed, f.expected])).toEqual([
      [cellAt(total.weight), 5, 10],
      [cellAt(L.total.weight), 95, 100],
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
  });
});

describe("seed 004 (hunan)", () => {
  const spec = seed004Spec();
  const L = standardLayout(spec);
  const wb = () => workbookOf(buildStandardForm(spec));
  const rowOf = (name: string) => L.indicators.rows[spec.indicators.findIndex((i) => i.name === name)];

  test("rate indicators holding 万元: 74.20%, 100.00%, 71.94% suggested", () => {
    const found = run(wb()).of("UNIT_MISMATCH");
    expect(found.map((f) => [f.ref, f.expected])).toEqual([
      [cellAt(rowOf("公用经费控制率").actual), "74.20%"],
      [cellAt(rowOf("“三公经费”控制率").actual), "100.00%"],
      [cellAt(rowOf("政府采购执行率").actual), "71.94%"],
    ]);
    expect(found.every((f) => f.severity === "warning")).toBe(true);
  });

  test("“4.82元” → MAGNITUDE: 元 is probably 万元", () => {
    const f = one(run(wb()), "MAGNITUDE");
    expect(f.ref).toEqual(cellAt(rowOf("政府采购执行率").actual));
    expect(f.typed).toBe("4.82元");
  });

  test("a 2022 figure in the 2023 form → YEAR_MISMATCH at the reason cell", () => {
    const f = one(run(wb()), "YEAR_MISMATCH");
    expect(f.ref).toEqual(cellAt(rowOf("政府采购执行率").reason));
    expect(f.typed).toBe(2022);
  });

  test("the seed's own budget gaps: 5374.34 vs 5373.74, 5374.44 vs 5374.34, total 5374.35 vs 5374.44", () => {
    const found = run(wb()).of("SUM_MISMATCH");
    const B = L.budget.rows;
    expect(found.map((f) => [f.ref, f.typed, f.expected, f.severity])).toEqual([
      [cellAt(B[0].executed), 5374.35, 5374.44, "error"],
      [cellAt(B[1].executed), 5374.34, 5373.74, "error"],
      [cellAt(B[5].executed), 5374.44, 5374.34, "error"],
    ]);
  });

  test("scores: 投入 8 where 100% gives 10; 满意度 9 where 10 × 0.95 ÷ 0.98 = 9.69", () => {
    const found = run(wb()).of("SCORE_MISMATCH");
    expect(found.map((f) => [f.ref, f.typed, f.expected])).toEqual([
      [cellAt(L.budget.rows[0].score), 8, 10],
      [cellAt(rowOf("社会公众满意度").score), 9, 9.69],
    ]);
  });

  test("over-achievement 200%, 160%, 133.33%; the 1-10月 goal; 科普 target unparsed (info)", () => {
    const r = run(wb());
    expect(r.of("OVER_ACHIEVEMENT").map((f) => f.steps)).toEqual([
      "200.00% = 8家 ÷ 4家",
      "160.00% = 80个 ÷ 50个",
      "133.33% = 40家 ÷ 30家",
    ]);
    expect(one(r, "FORECAST_VALUE").ref).toEqual(cellAt(L.goals.actual));
    const u = one(r, "UNPARSED_VALUE");
    expect(u.ref).toEqual(cellAt(rowOf("开展科普宣传活动").target));
    expect(u.severity).toBe("info");
  });

  test("totals: typed 96 = typed parts; computed 10 + 49 + 30 + 9.69 = 98.69 → 优", () => {
    const r = run(wb());
    expect(r.of("GRADE_MISMATCH")).toEqual([]);
    expect(r.results[0].total).toEqual({ typed: 96, computed: 98.69 });
    expect(r.results[0].grade).toEqual({ typed: "优", computed: "优" });
  });

  test("nothing else fires", () => {
    const rules = new Set(run(wb()).findings.map((f) => f.rule));
    expect([...rules].sort()).toEqual(
      [
        "FORECAST_VALUE",
        "MAGNITUDE",
        "OVER_ACHIEVEMENT",
        "SCORE_MISMATCH",
        "SUM_MISMATCH",
        "UNIT_MISMATCH",
        "UNPARSED_VALUE",
        "YEAR_MISMATCH",
      ].sort(),
    );
  });
});
