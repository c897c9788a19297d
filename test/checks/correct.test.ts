/** The correct form (fixtures.ts, numbers computed by hand there): no error, no warning; totals and grade. */
import { describe, expect, test } from "@jest/globals";
import { RULE_IDS } from "../../src/core/model";
import { CORRECT, build } from "./fixtures";
import { HUNAN, NATIONAL, cellAt, hunanSheet, problems, run } from "./helpers";

describe("correct form", () => {
  test("no error and no warning under the hunan profile", () => {
    const r = run(build().wb, HUNAN());
    expect(problems(r)).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  test.each(RULE_IDS.map((id) => [id]))("%s stays quiet", (rule) => {
    expect(run(build().wb).of(rule)).toEqual([]);
  });

  test("total, grade and write-back cells", () => {
    const { wb, layout } = build();
    const [res] = run(wb).results;
    expect(res.sheet).toBe("自评表");
    expect(res.department).toBe("某市科技和工业信息化局");
    expect(res.year).toBe(2023);
    expect(res.profile).toBe("hunan");
    // 7.6 + 49.47 + 27 + 10 = 94.07 (fixtures.ts); 94.07 ≥ 90 → 优.
    expect(res.total).toEqual({ typed: 94.07, computed: CORRECT.total });
    expect(res.grade).toEqual({ typed: "优", computed: CORRECT.grade });
    expect(res.writeBack).toEqual({ total: cellAt(layout.total.score), grade: cellAt(layout.grade.value) });
  });

  test("national profile (same weights, 优/良/中/差): still clean", () => {
    expect(problems(run(build().wb, NATIONAL()))).toEqual([]);
  });

  test("moved origin, repeated 一级/二级 names, extra columns: still clean", () => {
    const r = run(
      build(undefined, { origin: { row: 3, col: 2 }, mergeLevels: false, extraColumns: ["nature", "unit"] })
        .wb,
    );
    expect(problems(r)).toEqual([]);
  });

  test("rate typed as text, as a bare fraction, as percent points: all equal 76% → clean", () => {
    for (const rate of ["76.00%", "76%", 0.76, 76]) {
      const r = run(build((s) => (s.budget.rows[0].rate = rate)).wb);
      expect(r.of("RATE_MISMATCH")).toEqual([]);
    }
  });

  test("formula cells are read by their cached value", () => {
    const { wb } = build((s) => {
      s.budget.rows[0].rate = { value: 0.76, formula: "F7/E7", numberFormat: "0.00%" };
      s.total.score = { value: 94.07, formula: "SUM(I7,H15:H23)" };
    });
    const r = run(wb);
    expect(problems(r)).toEqual([]);
    expect(r.results[0].total.typed).toBe(94.07);
  });

  test("总分 written as text “评分：94.07” is read as 94.07", () => {
    const r = run(build((s) => (s.total.score = "评分：94.07")).wb);
    expect(r.results[0].total.typed).toBe(94.07);
    expect(problems(r)).toEqual([]);
  });

  test("older Hunan report form (seed 004 summary): clean; 8 + 49 + 30 + 9 = 96 → 优; write-back to the combined cell", () => {
    const r = run({ sheets: [hunanSheet()] });
    expect(r.findings).toEqual([]);
    const [res] = r.results;
    expect(res.total).toEqual({ typed: 96, computed: 96 });
    expect(res.grade).toEqual({ typed: "优", computed: "优" });
    const combined = { sheet: "附件2", row: 10, col: 1 };
    expect(res.writeBack).toEqual({ total: combined, grade: combined });
  });
});
