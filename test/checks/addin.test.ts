/**
 * ADDIN_FORMULA (warning): a form computing with the add-in's JX functions. Firing: the spellings a
 * workbook can hold (the file's _xldudf_JX_…, Excel's JX.…, a Chinese Excel's JX.执行率, the old id
 * RATE), one finding per form naming the cells and the count, other sheets counted. Quiet: plain
 * formulas, "JX." only inside a string or a text cell, a look-alike name.
 */
import { describe, expect, test } from "@jest/globals";
import type { Workbook } from "../../src/core/grid";
import { build, CORRECT } from "./fixtures";
import { grid, one, run } from "./helpers";

/** The correct form with the total score cell computed by `formula` (its cached value kept). */
function withTotalFormula(formula: string): { wb: Workbook; cell: string } {
  const { wb, layout } = build((spec) => {
    spec.total.score = { value: CORRECT.total, formula };
  });
  const p = layout.total.score;
  return { wb, cell: `${String.fromCharCode(65 + p.col)}${p.row + 1}` };
}

describe("fires", () => {
  test.each([
    ["as the .xlsx file stores it", "_xldudf_JX_SUMSCORES(H14:H30)"],
    ["as Excel shows it with the add-in", "JX.SUMSCORES(H14:H30)"],
    ["a Chinese Excel's local name", "JX.合计得分(H14:H30)"],
    ["the old id RATE, nested in arithmetic", "ROUND(100*_xldudf_JX_RATE(H8,1),2)"],
    ["lower case", "jx.sumscores(H14:H30)"],
  ])("%s", (_label, formula) => {
    const { wb, cell } = withTotalFormula(formula);
    const f = one(run(wb), "ADDIN_FORMULA");
    expect(f.severity).toBe("warning");
    expect(f.ref).toMatchObject({ sheet: "自评表" });
    expect(f.message).toContain(`本表 ${cell}使用了本加载项的函数（JX.*）`);
    expect(f.message).toContain("#NAME?");
    expect(f.message).toContain("转换为普通公式");
    expect(f.message).toContain("选择性粘贴 → 数值");
  });

  test("many cells: the first six listed, the count given, other sheets counted in the same finding", () => {
    const { wb, layout } = build((spec) => {
      spec.indicators.forEach((ind, i) => {
        const v = typeof ind.score === "number" ? ind.score : 0;
        if (i < 8) ind.score = { value: v, formula: `_xldudf_JX_INDSCORE(E${i + 1},F${i + 1},G${i + 1})` };
      });
    });
    wb.sheets.push(
      grid("共性指标", [
        [
          "公用经费控制率",
          { value: { kind: "number", value: 0.742 }, formula: "_xldudf_JX_CONTROLRATE(20.48,27.6)" },
        ],
        ["变动率", { value: { kind: "number", value: 0.0226 }, formula: "JX.变动率(75,73.34)" }],
      ]),
    );
    const r = run(wb);
    const f = one(r, "ADDIN_FORMULA");
    expect(f.ref).toEqual({
      sheet: "自评表",
      row: layout.indicators.rows[0].row,
      col: layout.indicators.columns.score,
    });
    expect(f.message).toMatch(
      /^本表 (?:[A-Z]+\d+、){5}[A-Z]+\d+ 等 8 个单元格使用了本加载项的函数（JX\.\*），另有工作表“共性指标”的 2 个单元格。/,
    );
  });

  test("only another sheet uses JX: the finding points there", () => {
    const { wb } = build();
    wb.sheets.push(grid("共性指标", [[{ value: { kind: "number", value: 0.5 }, formula: "JX.RATIO(1,2)" }]]));
    const f = one(run(wb), "ADDIN_FORMULA");
    expect(f.ref).toEqual({ sheet: "共性指标", row: 0, col: 0 });
    expect(f.message).toMatch(/^工作簿中工作表“共性指标”的 1 个单元格使用了本加载项的函数/);
  });
});

describe("quiet", () => {
  test.each([
    ["plain built-in formula", "ROUND(SUM(H14:H30),2)"],
    ["JX. only inside a string literal", 'IF(H14>0,SUM(H14:H30),"JX.SUMSCORES(H14:H30)")'],
    ["a look-alike function name", "MYJX.SUMSCORES(H14:H30)"],
    ["a sheet named JX", "SUM(JX!H14:H30)"],
  ])("%s", (_label, formula) => {
    const { wb } = withTotalFormula(formula);
    expect(run(wb).of("ADDIN_FORMULA")).toEqual([]);
  });

  test("the correct form (numbers only) and a text cell that merely mentions JX.执行率(…)", () => {
    const { wb } = build((spec) => {
      spec.goals.actual = "按 =JX.执行率(全年执行数,全年预算数) 计算执行率，均已完成。";
    });
    expect(run(wb).of("ADDIN_FORMULA")).toEqual([]);
  });
});
