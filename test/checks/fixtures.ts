/**
 * Fixtures for the checks: one correct standard form whose numbers are computed by hand below, helpers
 * to vary it, and the seed 000 / seed 004 reproductions. Grids are built with buildStandardForm.
 *
 * CORRECT FORM (2023, hunan profile: 执行率 10 + 产出 50 + 效益 30 + 满意度 10 = 100, proportional rule)
 *   Budget (by source, 万元): 年度资金总额 100 / 100 / 76; 当年财政拨款 80/80/60; 上年结转 15/15/11; 其他 5/5/5
 *     80 + 15 + 5 = 100; 60 + 11 + 5 = 76.  执行率 = 76 / 100 = 76.00%;  得分 = 76% × 10 = 7.6.
 *     76% < 90% → a reason is required: the 成本指标 row's reason explains the 执行率.
 *   Indicators (w = 分值):
 *     产出/数量 新增规模企业        ≥4家   5家     w20 → B ≥ A → 20          (5/4 = 125% < 130%)
 *     产出/质量 资金使用合规率       100%   100%    w10 → 10
 *     产出/时效 重点工作完成及时率   ≥95%   90%     w10 → 10 × 90 / 95 = 9.4736… → 9.47 (reason given)
 *     产出/成本 公用经费控制率       ≤100%  74.2%   w10 → B ≤ A → 10
 *     效益/经济 完成工业投资         10亿元 11.6亿元 w10 → 10               (116%)
 *     效益/社会 企业服务成效 (定性)  达成年度指标 / 部分达成年度指标并具有一定效果  w10 → 7 ∈ [6, 8) (reason given)
 *     效益/生态 尾矿库治理 (定性)    达成年度指标 / 达成年度指标  w5 → 5 ∈ [4, 5]
 *     效益/可持续 长效机制建设 (定性) 达成年度指标 / 达成年度指标  w5 → 5
 *     满意度/服务对象 社会公众满意度 ≥95%   96%     w10 → 10
 *   Weights: 20+10+10+10 = 50; 10+10+5+5 = 30; 10 → with 执行率 10: 100.
 *   Total = 7.6 + (20 + 10 + 9.47 + 10) + (10 + 7 + 5 + 5) + 10 = 7.6 + 49.47 + 27 + 10 = 94.07 → 优 (≥ 90).
 */
import type { Sheet, Workbook } from "../../src/core/grid";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { BuildOptions, FormSpec, IndicatorSpec, StandardLayout } from "../../src/core/template";

export const PCT = "0.00%";

export function correctSpec(): FormSpec {
  return {
    year: 2023,
    department: "某市科技和工业信息化局",
    budgetCode: "004001",
    contact: "陶毅",
    phone: "0743-8520526",
    reportDate: "2024年3月15日",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 100,
          fullYearBudget: 100,
          executed: 76,
          weight: 10,
          rate: { value: 0.76, numberFormat: PCT },
          score: 7.6,
        },
        { label: "其中：当年财政拨款", initialBudget: 80, fullYearBudget: 80, executed: 60 },
        { label: "上年结转资金", initialBudget: 15, fullYearBudget: 15, executed: 11 },
        { label: "其他资金", initialBudget: 5, fullYearBudget: 5, executed: 5 },
      ],
    },
    goals: {
      expected: "完成工业投资10亿元，新增规模企业4家，企业服务成效明显。",
      actual: "完成工业投资11.6亿元，新增规模企业5家，走访服务企业40家。",
    },
    indicators: [
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增规模企业",
        target: "≥4家",
        actual: "5家",
        weight: 20,
        score: 20,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "资金使用合规率",
        target: "100%",
        actual: "100%",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "重点工作完成及时率",
        target: "≥95%",
        actual: "90%",
        weight: 10,
        score: 9.47,
        reason: "两项工作因上级政策调整延后完成，下一步加强调度。",
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "公用经费控制率",
        target: "≤100%",
        actual: "74.2%",
        weight: 10,
        score: 10,
        reason: "预算执行率76%：项目资金12月下达，年内未能支付完毕，下一步加快支付进度。",
      },
      {
        level1: "效益指标",
        level2: "经济效益指标",
        name: "完成工业投资",
        target: "10亿元",
        actual: "11.6亿元",
        weight: 10,
        score: 10,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "企业服务成效",
        target: "达成年度指标",
        actual: "部分达成年度指标并具有一定效果",
        weight: 10,
        score: 7,
        reason: "部分走访计划因企业停产未能开展，下一步改进走访方式。",
      },
      {
        level1: "效益指标",
        level2: "生态效益指标",
        name: "尾矿库治理",
        target: "达成年度指标",
        actual: "达成年度指标",
        weight: 5,
        score: 5,
      },
      {
        level1: "效益指标",
        level2: "可持续影响指标",
        name: "长效机制建设",
        target: "达成年度指标",
        actual: "达成年度指标",
        weight: 5,
        score: 5,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "社会公众满意度",
        target: "≥95%",
        actual: "96%",
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 94.07 },
    grade: "优",
  };
}

/** Hand-computed values of the correct form. */
export const CORRECT = { rate: 0.76, executionScore: 7.6, total: 94.07, grade: "优" } as const;

export function workbookOf(...sheets: Sheet[]): Workbook {
  return { sheets };
}

export interface Built {
  wb: Workbook;
  layout: StandardLayout;
  spec: FormSpec;
}

/** Builds a workbook with one standard form; `edit` may change the spec first. */
export function build(edit?: (spec: FormSpec) => void, options: BuildOptions = {}): Built {
  const spec = correctSpec();
  if (edit) edit(spec);
  return { wb: workbookOf(buildStandardForm(spec, options)), layout: standardLayout(spec, options), spec };
}

/** Index of an indicator by name in a spec. */
export function ind(spec: FormSpec, name: string): IndicatorSpec {
  const i = spec.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`no indicator ${name}`);
  return i;
}

export function indIndex(spec: FormSpec, name: string): number {
  const i = spec.indicators.findIndex((x) => x.name === name);
  if (i < 0) throw new Error(`no indicator ${name}`);
  return i;
}

/**
 * Seed 000 (武冈市科技和工业信息化局 2022) as a standard by-nature form, step-deduction rule (执行率 5):
 *   全年预算数 459.61, 全年执行数 4551.57 (= 本年收入), 执行率 printed 990% (4551.57 / 459.61 = 990.31%),
 *   执行率得分 0 of 5; 按收入性质分 一般公共预算 4551.57; 按支出性质分 基本支出 679.77 + 项目支出 3883.70 = 4563.47;
 *   indicators: 产出 20+10+10+10 = 50, 效益 10+8+6+6 = 30, 满意度 10 → with 执行率 5: 95;
 *   all indicator scores full: 50 + 30 + 10 = 90; typed 总分 95 (the report's "95分") → parts 0 + 90 = 90;
 *   a goal text "2021年度" inside a 2022 report.
 */
export function seed000Spec(): FormSpec {
  const q = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    w: number,
  ): IndicatorSpec => ({
    level1,
    level2,
    name,
    target,
    actual,
    weight: w,
    score: w,
  });
  return {
    year: 2022,
    department: "武冈市科技和工业信息化局",
    budgetCode: "101001",
    contact: "张三",
    phone: "0739-4222222",
    budget: {
      variant: "by-nature",
      rows: [
        {
          label: "年度资金总额",
          fullYearBudget: 459.61,
          executed: 4551.57,
          weight: 5,
          rate: "990%",
          score: 0,
        },
        { label: "按收入性质分", executed: 4551.57 },
        { label: "一般公共预算", executed: 4551.57 },
        { label: "按支出性质分", executed: 4563.47 },
        { label: "基本支出", executed: 679.77 },
        { label: "项目支出", executed: 3883.7 },
      ],
    },
    goals: {
      expected: "推动科技和工业信息化高质量发展，规模工业增加值增长8%。",
      actual: "本部门2021年度整体支出自评综合得分为95分，规模工业增加值增长8.2%。",
    },
    indicators: [
      q("产出指标", "数量指标", "新增规模工业企业数量", "≥15家", "19家", 20),
      q("产出指标", "质量指标", "资金使用合规性", "达成年度指标", "达成年度指标", 10),
      q("产出指标", "时效指标", "项目资金及时拨付", "达成年度指标", "达成年度指标", 10),
      q("产出指标", "成本指标", "三公经费控制率", "≤100%", "51.5%", 10),
      q("效益指标", "经济效益指标", "规模工业增加值增长率", "≥8%", "8.2%", 10),
      q("效益指标", "社会效益指标", "科技特派员服务", "达成年度指标", "达成年度指标", 8),
      q("效益指标", "生态效益指标", "散乱污企业整治", "达成年度指标", "达成年度指标", 6),
      q("效益指标", "可持续影响指标", "科技创新能力", "达成年度指标", "达成年度指标", 6),
      q("满意度指标", "服务对象满意度指标", "社会群众满意度", "≥95%", "98%", 10),
    ],
    total: { weight: 95, score: 95 },
    grade: "优",
  };
}

/**
 * Seed 004 (吉首市科工信局 2023) in the standard layout: rate indicators holding 万元 amounts
 * (公用经费控制率 27.6万元 / 20.48万元 → 74.20%; 政府采购执行率 6.7万元 / "4.82元" → 71.94%),
 * over-achievement (新增规模企业 4家 → 完成8家 = 200%; 5G基站 50个 → 80个 = 160%), a 2022 figure in a 2023 form,
 * and the 1-10月 partial year in the goal's 实际完成情况. Budget 5374.35 / 5374.35 (100%, 10 of 10).
 * Scores as in the report's summary: 投入 8? no — here the budget row is scored by the rule: 10.
 */
export function seed004Spec(): FormSpec {
  return {
    year: 2023,
    department: "吉首市科工信局",
    budgetCode: "004001",
    contact: "陶毅",
    phone: "8520526",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          fullYearBudget: 5374.35,
          executed: 5374.35,
          weight: 10,
          rate: "100%",
          score: 10,
        },
        { label: "其中：当年财政拨款", fullYearBudget: 3091.34, executed: 3091.34 },
        { label: "上年结转资金", fullYearBudget: 0, executed: 0 },
        { label: "其他资金", fullYearBudget: 2283.01, executed: 2283.01 },
      ],
    },
    goals: {
      expected: "市属规模工业增加值增长10%以上；新增规模企业6户以上。",
      actual: "今年1-10月，市属规上工业完成产值39.4亿元，同比增长2.6%。",
    },
    indicators: [
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "公用经费控制率",
        target: "27.6万元",
        actual: "20.48万元",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "成本指标",
        name: "政府采购执行率",
        target: "6.7万元",
        actual: "4.82元",
        weight: 10,
        score: 8,
        reason: "部分采购延后",
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "新增规模企业",
        target: "4家",
        actual: "完成8家",
        weight: 10,
        score: 10,
      },
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "通信基础设施建设加速推进建设5G基站",
        target: "50个",
        actual: "80个",
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
        level1: "效益指标",
        level2: "经济效益指标",
        name: "入企走访",
        target: "入企走访30家企业",
        actual: "入企走访40多家企业",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "公用经费",
        target: "≤27.6万元",
        actual: "2022年支出20.48万元",
        weight: 15,
        score: 15,
      },
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "社会公众满意度",
        target: "满意度在98%以上",
        actual: "满意度在95%以上",
        weight: 10,
        score: 9,
        reason: "部分群众对办事效率不满意",
      },
    ],
    total: { weight: 100, score: 96 },
    grade: "优",
  };
}
