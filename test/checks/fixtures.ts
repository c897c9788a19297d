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
 * Seed 004 (吉首市科工信局 2023) rebuilt in the standard layout with the report's own figures:
 *   budget by nature: 按收入性质分 5374.34 but 3091.34 + 1744.35 + 538.05 = 5373.74 (the seed's own 0.6 gap);
 *     按支出性质分 5374.44 but 382.71 + 4991.63 = 5374.34 (the seed's 0.1 gap); 年度资金总额 5374.35 / 5374.35 = 100%,
 *     scored 8 of 10 as in the report's summary (投入 8) although 100% gives 10;
 *   rate indicators holding 万元 amounts: 公用经费控制率 20.48 ÷ 27.6 = 74.20%, "三公经费"控制率 0.4 ÷ 0.4 = 100.00%,
 *     政府采购执行率 "6.7万元" / "4.82元" (4.82 ÷ 6.7 = 71.94%; 元 is a slip for 万元);
 *   over-achievement: 新增规模企业 4家 → 完成8家 = 200%, 5G基站 50个 → 80个 = 160%, 入企走访 30家 → 40多家 = 133.33%;
 *   a "2022年" figure in a reason of the 2023 form; the goal's 实际完成情况 reporting "今年1-10月";
 *   满意度 "满意度在98%以上" / "满意度在95%以上" → 10 × 0.95 ÷ 0.98 = 9.69 (typed 9);
 *   typed parts: 8 + (5+5+4+5+5+5+10+5+5 = 49) + (10+10+10 = 30) + 9 = 96 = typed 总分 → 优.
 *   computed: 10 + 49 + 30 + 9.69 = 98.69 → 优.
 */
export function seed004Spec(): FormSpec {
  const row = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    weight: number,
    score: number,
    reason?: string,
  ): IndicatorSpec => ({
    level1,
    level2,
    name,
    target,
    actual,
    weight,
    score,
    ...(reason ? { reason } : {}),
  });
  return {
    year: 2023,
    department: "吉首市科工信局",
    budgetCode: "004001",
    contact: "陶毅",
    phone: "8520526",
    reportDate: "2024年6月",
    budget: {
      variant: "by-nature",
      rows: [
        {
          label: "年度资金总额",
          fullYearBudget: 5374.35,
          executed: 5374.35,
          weight: 10,
          rate: "100%",
          score: 8,
        },
        { label: "按收入性质分", executed: 5374.34 },
        { label: "一般公共预算", executed: 3091.34 },
        { label: "政府性基金拨款", executed: 1744.35 },
        { label: "其他资金", executed: 538.05 },
        { label: "按支出性质分", executed: 5374.44 },
        { label: "基本支出", executed: 382.71 },
        { label: "项目支出", executed: 4991.63 },
      ],
    },
    goals: {
      expected:
        "市属规模工业增加值增长10%以上；新增规模企业6户以上；完成工业投资30亿元以上，培育高新技术企业5家。",
      actual: "今年1-10月，市属规上工业完成产值39.4亿元，同比增长2.6%，增加值实现11.6亿元，同比增长2.5%。",
    },
    indicators: [
      row("产出指标", "成本指标", "公用经费控制率", "27.6万元", "20.48万元", 5, 5),
      row("产出指标", "成本指标", "“三公经费”控制率", "0.4万元", "0.4万元", 5, 5),
      row(
        "产出指标",
        "成本指标",
        "政府采购执行率",
        "6.7万元",
        "4.82元",
        5,
        4,
        "2022年政府采购预算数6.7万元，实际政府采购数4.82元，部分采购项目延后。",
      ),
      row("产出指标", "数量指标", "新增规模企业", "4家", "完成8家", 5, 5),
      row("产出指标", "数量指标", "完成工业投资", "10亿元", "完成11.6亿元", 5, 5),
      row("产出指标", "数量指标", "培育高新技术企业", "2家", "2家", 5, 5),
      row("产出指标", "数量指标", "通信基础设施建设加速推进建设5G基站", "50个", "80个", 10, 10),
      row("产出指标", "时效指标", "重点工作完成及时率", "100%", "100%", 5, 5),
      row("产出指标", "质量指标", "固定资产利用率", "100%", "100%", 5, 5),
      row(
        "效益指标",
        "经济效益指标",
        "开展“上门服务送政策、为企解忧助发展”活动",
        "入企走访30家企业",
        "入企走访40多家企业",
        10,
        10,
      ),
      row(
        "效益指标",
        "生态效益指标",
        "扎实开展大庭尾矿库生态环境治理工作",
        "大庭尾矿库治理达标情况",
        "大庭尾矿库的治理已全面达标",
        10,
        10,
      ),
      row("效益指标", "社会效益指标", "开展科普宣传活动", "发放科普宣传资料", "接待群众800余人次", 10, 10),
      row(
        "满意度指标",
        "社会公众或服务对象满意度",
        "社会公众满意度",
        "满意度在98%以上",
        "满意度在95%以上",
        10,
        9,
        "部分群众对办事效率不满意。",
      ),
    ],
    total: { weight: 100, score: 96 },
    grade: "优",
  };
}
