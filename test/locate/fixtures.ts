import { expect } from "@jest/globals";
/** Shared specs for the locator tests (a filled 2023 form modelled on the seeds). */
import type { CellRef } from "../../src/core/grid";
import type { FormField, SelfEvalForm } from "../../src/core/model";
import type { FormSpec, IndicatorSpec, Pos, StandardLayout } from "../../src/core/template";

export function sampleIndicators(): IndicatorSpec[] {
  return [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "指标1：新增规模企业",
      target: "≥4家",
      actual: "8家",
      weight: 10,
      score: 10,
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "指标2：培育高新技术企业",
      target: "2家",
      actual: "2家",
      weight: 10,
      score: 10,
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "固定资产利用率",
      target: "100%",
      actual: "100%",
      weight: 10,
      score: 10,
    },
    {
      level1: "产出指标",
      level2: "时效指标",
      name: "重点工作完成及时率",
      target: "100%",
      actual: "99%",
      weight: 10,
      score: 9.9,
      reason: "个别工作延后",
    },
    {
      level1: "产出指标",
      level2: "成本指标",
      name: "公用经费控制率",
      target: "≤100%",
      actual: "74.2%",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "经济效益指标",
      name: "入企走访企业数",
      target: "30家",
      actual: "40多家",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "科普宣传活动",
      target: "达成年度指标",
      actual: "达成年度指标",
      weight: 10,
      score: 10,
    },
    {
      level1: "效益指标",
      level2: "生态效益指标",
      name: "尾矿库治理达标",
      target: "达标",
      actual: "达标",
      weight: 10,
      score: 10,
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "社会公众满意度",
      target: "≥98%",
      actual: "95%",
      weight: 10,
      score: 9.69,
      reason: "宣传不够",
    },
  ];
}

export function sampleSpec(): FormSpec {
  return {
    year: 2023,
    department: "吉首市科工信局",
    budgetCode: "004001",
    contact: "陶毅",
    phone: "8520526",
    reportDate: "2024年6月",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 5000,
          fullYearBudget: 5374.35,
          executed: 5374.34,
          weight: 10,
          rate: "100%",
          score: 10,
        },
        { label: "其中：当年财政拨款", initialBudget: 4500, fullYearBudget: 4836.3, executed: 4836.29 },
        { label: "上年结转资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
        { label: "其他资金", initialBudget: 500, fullYearBudget: 538.05, executed: 538.05 },
      ],
    },
    goals: { expected: "新增规模企业6户以上", actual: "新建入规企业2家，完成小升规企业5家" },
    indicators: sampleIndicators(),
    total: { weight: 100, score: 98.59 },
    grade: "优",
  };
}

export function byNatureSpec(): FormSpec {
  const spec = sampleSpec();
  spec.budget = {
    variant: "by-nature",
    title: "年度预算申请",
    rows: [
      {
        label: "年度资金总额",
        initialBudget: 100,
        fullYearBudget: 120,
        executed: 110,
        weight: 10,
        rate: 0.9167,
        score: 9.17,
      },
      { label: "按收入性质分", executed: 110 },
      { label: "一般公共预算", executed: 90 },
      { label: "政府性基金拨款", executed: 10 },
      { label: "纳入专户管理的非税收入拨款", executed: 5 },
      { label: "其他资金", executed: 5 },
      { label: "按支出性质分", executed: 110 },
      { label: "基本支出", executed: 60 },
      { label: "项目支出", executed: 50 },
    ],
  };
  return spec;
}

export const ref = (sheet: string, p: Pos): CellRef => ({ sheet, row: p.row, col: p.col });

/** Where a field points: its value cell. */
export const at = (f: FormField | null | undefined): CellRef | null => f?.ref ?? null;

/** Asserts every ref of a located standard form against the builder's layout. */
export function expectMatchesLayout(form: SelfEvalForm, layout: StandardLayout, spec: FormSpec): void {
  const s = layout.sheetName;
  const r = (p: Pos | null): CellRef | null => (p ? ref(s, p) : null);
  expect(form.kind).toBe("department");
  expect(form.sheet).toBe(s);
  expect(form.titleRef).toEqual(r(layout.title));
  expect(form.year).toBe(spec.year);
  expect(form.yearRef).toEqual(r(layout.yearLine));
  for (const key of ["department", "budgetCode", "contact", "phone", "reportDate"] as const) {
    expect([key, form.header[key]?.labelRef]).toEqual([key, r(layout.header[key].label)]);
    expect([key, at(form.header[key])]).toEqual([key, r(layout.header[key].value)]);
  }
  const budget = form.budget!;
  expect(budget.variant).toBe(spec.budget.variant);
  expect(budget.titleRef).toEqual(r(layout.budget.title));
  expect(budget.rows.map((x) => x.labelRef)).toEqual(layout.budget.rows.map((x) => r(x.label)));
  budget.rows.forEach((row, i) => {
    const l = layout.budget.rows[i];
    for (const k of ["initialBudget", "fullYearBudget", "executed", "weight", "rate", "score"] as const) {
      expect([i, k, at(row[k])]).toEqual([i, k, r(l[k])]);
    }
  });
  expect(budget.total?.labelRef).toEqual(r(layout.budget.rows[0].label));
  expect(form.goals.expected?.labelRef).toEqual(r(layout.goals.expectedLabel));
  expect(at(form.goals.expected)).toEqual(r(layout.goals.expected));
  expect(form.goals.actual?.labelRef).toEqual(r(layout.goals.actualLabel));
  expect(at(form.goals.actual)).toEqual(r(layout.goals.actual));
  const table = form.indicators!;
  expect(table.rows).toHaveLength(spec.indicators.length);
  table.rows.forEach((row, i) => {
    const l = layout.indicators.rows[i];
    const ind = spec.indicators[i];
    expect([i, row.row, row.level1, row.level2, row.name]).toEqual([
      i,
      l.row,
      ind.level1,
      ind.level2,
      ind.name,
    ]);
    expect([i, row.level1Ref, row.level2Ref, row.nameRef]).toEqual([i, r(l.level1), r(l.level2), r(l.name)]);
    for (const k of ["target", "actual", "weight", "score", "reason", "nature", "unit"] as const) {
      expect([i, k, at(row[k])]).toEqual([i, k, r(l[k])]);
    }
  });
  expect(form.total.weight?.labelRef).toEqual(r(layout.total.label));
  expect(at(form.total.weight)).toEqual(r(layout.total.weight));
  expect(at(form.total.score)).toEqual(r(layout.total.score));
  expect(form.grade?.labelRef).toEqual(r(layout.grade.label));
  expect(at(form.grade)).toEqual(r(layout.grade.value));
  expect(form.bounds).toEqual(layout.bounds);
}
