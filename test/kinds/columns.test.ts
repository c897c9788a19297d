/**
 * Separate 计算符号 / 计量单位 columns (domain.md §2.9): Tianjin-style 指标名称 | 计算符号 | 指标值 | 实际完成值 |
 * 计量单位 | 分值 | 得分 | 偏差原因分析及改进措施 and Sichuan-style 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
 * 未完成原因分析. Comparator and unit come from their columns; bare numbers score.
 */
import { describe, expect, it } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import type { CellRef } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import type { FormResult } from "../../src/core/model";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { BuildOptions, FormSpec, Pos } from "../../src/core/template";
import { PROJECT_OPTIONS, TIANJIN_OPTIONS, projectSpec, tianjinSpec } from "./fixtures";

const at = (sheet: string, p: Pos): CellRef => ({ sheet, row: p.row, col: p.col });

function tianjin(edit?: (s: FormSpec) => void, options: BuildOptions = TIANJIN_OPTIONS) {
  const spec = tianjinSpec();
  edit?.(spec);
  const internalErrors: InternalError[] = [];
  const sheet = buildStandardForm(spec, options);
  const results: FormResult[] = checkWorkbook({ sheets: [sheet] }, { internalErrors });
  expect(internalErrors).toEqual([]);
  return { sheet, results, layout: standardLayout(spec, options) };
}

describe("Tianjin-style table (指标名称 | 计算符号 | 指标值 | 实际完成值 | 计量单位 | 分值 | 得分 | 偏差原因…)", () => {
  it("is located with every column in its place", () => {
    const { sheet, layout } = tianjin();
    const [form] = locateForms({ sheets: [sheet] });
    const rows = form.indicators!.rows;
    expect(rows).toHaveLength(5);
    const L = layout.indicators.rows[2];
    expect(rows[2].name).toBe("投诉处理平均时长");
    expect(rows[2].nature?.ref).toEqual(at("天津", L.nature!));
    expect(rows[2].target.ref).toEqual(at("天津", L.target));
    expect(rows[2].actual.ref).toEqual(at("天津", L.actual));
    expect(rows[2].unit?.ref).toEqual(at("天津", L.unit!));
    expect(rows[2].weight.ref).toEqual(at("天津", L.weight));
    expect(rows[2].score.ref).toEqual(at("天津", L.score));
  });

  it("quiet: the correct form scores from the bare numbers (9.42 + 20 + 15 + 15 + 30 + 9.5 = 98.92 → 优)", () => {
    const { results } = tianjin();
    expect(results).toHaveLength(1);
    expect(results[0].findings).toEqual([]);
    // Not the 分值 column's 100: the sum of the scored rows.
    expect(results[0].total).toEqual({ typed: 98.92, computed: 98.92 });
    expect(results[0].grade).toEqual({ typed: "优", computed: "优" });
  });

  it("fires: the comparator comes from 计算符号 — 7 天 against ≤ 5 天 scores 15 × (1 − (7 − 5) / 5) = 9", () => {
    const { results, layout } = tianjin((s) => (s.indicators[2].actual = 7));
    const sm = results[0].findings.find((f) => f.rule === "SCORE_MISMATCH");
    expect(sm?.ref).toEqual(at("天津", layout.indicators.rows[2].score));
    expect(sm?.expected).toBe(9);
    expect(sm?.typed).toBe(15);
  });

  it("quiet: the same 7 against 5 under 计算符号 ≥ is full marks (7 ≥ 5)", () => {
    const { results } = tianjin((s) => {
      s.indicators[2].actual = 7;
      s.indicators[2].nature = "≥";
    });
    expect(results[0].findings.filter((f) => f.rule === "SCORE_MISMATCH")).toEqual([]);
  });

  it("fires: the unit comes from 计量单位 — a satisfaction of 105 under % is PERCENT_OVER_100; quiet at 95", () => {
    const { results, layout } = tianjin((s) => {
      s.indicators[4].actual = 105;
      s.indicators[4].score = 10;
      s.indicators[4].reason = undefined;
      // 9.42 + 20 + 15 + 15 + 30 + 10 = 99.42
      s.total.score = 99.42;
    });
    const pct = results[0].findings.filter((f) => f.rule === "PERCENT_OVER_100");
    expect(pct.map((f) => f.ref)).toEqual([at("天津", layout.indicators.rows[4].actual)]);
    expect(tianjin().results[0].findings.filter((f) => f.rule === "PERCENT_OVER_100")).toEqual([]);
  });

  it("a percent-formatted 0.95 under % stays 95% (not 0.95%)", () => {
    const { results } = tianjin((s) => {
      s.indicators[4].actual = { value: 0.95, numberFormat: "0%" };
    });
    // 10 × 95% / 100% = 9.5, as typed.
    expect(results[0].findings).toEqual([]);
    expect(results[0].total.computed).toBe(98.92);
  });
});

describe("Sichuan-style project table (指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析)", () => {
  const options: BuildOptions = {
    ...PROJECT_OPTIONS,
    indicatorOrder: ["nature", "target", "unit", "actual"],
    labels: {
      年度指标值: "指标值",
      实际完成值: "完成值",
      分值: "权重",
      偏差原因分析及改进措施: "未完成原因分析",
    },
  };
  function sichuan(edit?: (s: FormSpec) => void) {
    const spec = projectSpec();
    // Bare numbers with comparator and unit in their own columns (same figures as projectSpec).
    const cols: [string, number, number, string][] = [
      ["≥", 200, 230, "家"],
      ["≥", 95, 96, "%"],
      ["=", 100, 90, "%"],
      ["≥", 5000, 5200, "万元"],
      ["≥", 90, 92, "%"],
    ];
    spec.indicators.forEach((ind, i) => {
      [ind.nature, ind.target, ind.actual, ind.unit] = cols[i];
    });
    edit?.(spec);
    const sheet = buildStandardForm(spec, options);
    return { results: checkWorkbook({ sheets: [sheet] }), layout: standardLayout(spec, options) };
  }

  it("quiet: the project form scores as before (98.5), kind project", () => {
    const { results } = sichuan();
    expect(results[0].form?.kind).toBe("project");
    expect(results[0].findings).toEqual([]);
    expect(results[0].total.computed).toBe(98.5);
  });

  it("fires: 完成值 180 家 against ≥ 200 家 scores 20 × 180 / 200 = 18, typed 20", () => {
    const { results, layout } = sichuan((s) => {
      s.indicators[0].actual = 180;
      s.indicators[0].reason = "受市场影响";
    });
    const sm = results[0].findings.find((f) => f.rule === "SCORE_MISMATCH");
    expect(sm?.ref).toEqual(at("项目自评表", layout.indicators.rows[0].score));
    expect(sm?.expected).toBe(18);
  });
});
