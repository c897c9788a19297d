/**
 * The sample workbooks in samples/ as FormSpec data (built by src/core/template.ts).
 *
 * Every number in the correct sample was computed by hand under the hunan profile (预算执行率 10 /
 * 产出 50 / 效益 30 / 满意度 10; 执行率得分 proportional = 10 × min(执行率, 100%); 定量 rules of
 * domain.md §3.3; 优 ≥ 90). The two error samples reproduce what the seed reports
 * (shared/seeds/000_*.txt, 004_*.txt) got wrong; the expected findings are listed next to each.
 * Names of people and phone numbers are made up.
 */
import { a1 } from "../src/core/grid";
import type { Sheet } from "../src/core/grid";
import { buildProjectVariant } from "../src/core/kinds/project/template";
import type { ProjectVariantId } from "../src/core/kinds/project/variants";
import {
  buildStandardForm,
  standardLayout,
  type BuildOptions,
  type FormSpec,
  type IndicatorSpec,
} from "../src/core/template";
import { sichuanSampleSpec, yunnanSampleSpec } from "./sample-variants";

export interface SampleSpec {
  /** File name in samples/. */
  file: string;
  /** Sheet name (default 自评表). */
  sheetName?: string;
  spec: FormSpec;
  /** What a check of this file should report (documentation and test expectations). */
  expect: { exitCode: 0 | 1; errorRules: string[]; warningRules?: string[] };
}

// ───────────────────────────── 正确填报示例 ─────────────────────────────

/**
 * 示范市科技和工业信息化局 2023, by-source budget.
 *
 * Budget (万元):                年初预算   全年预算    全年执行
 *   其中：当年财政拨款           1130.00    1211.99     1160.00
 *   上年结转资金                   50.00      80.00       75.00
 *   其他资金                       20.00      20.00       15.00
 *   年度资金总额 (sums)          1200.00    1311.99     1250.00
 *     1130 + 50 + 20 = 1200; 1211.99 + 80 + 20 = 1311.99; 1160 + 75 + 15 = 1250.
 *   执行率 = 1250 / 1311.99 = 0.952751… → 95.28% (≥ 90%: no reason needed)
 *   执行率得分 = 10 × 0.952751… = 9.5275… → 9.53 (of 10)
 *
 * Indicators (w = 分值, points by domain.md §3.3):
 *   产出 50:
 *     新增规模工业企业     ≥6户 / 7户        w 10  7 ≥ 6 → 10          (7/6 = 117% < 130%)
 *     培育高新技术企业     ≥5家 / 5家        w 10  5 ≥ 5 → 10
 *     规模工业增加值增速   ≥8% / 7.6%        w 10  10 × 7.6 / 8 = 9.5  (0.5 lost → reason given)
 *     重点工作完成及时率   ≥95% / 100%       w 10  → 10                (100/95 = 105%)
 *     公用经费控制率       ≤100% / 74.20%    w 10  74.20 ≤ 100 → 10    (20.48 / 27.6 = 74.20%)
 *     产出 = 10 + 10 + 9.5 + 10 + 10 = 49.5
 *   效益 30:
 *     完成工业投资         ≥30亿元 / 31.5亿元  w 10 → 10             (105%)
 *     入企走访服务企业     ≥30家 / 36家        w 10 → 10             (120%)
 *     尾矿库治理达标情况   达成年度指标 / 达成年度指标  定性 w 5, 5 in [4, 5] (达成 band 80–100%)
 *     科技型中小企业入库   ≥100家 / 121家      w 5  → 5              (121%)
 *     效益 = 10 + 10 + 5 + 5 = 30
 *   满意度 10:
 *     社会公众满意度       ≥95% / 96%          w 10 → 10
 * Weights: 10 + 50 + 30 + 10 = 100 (产出 10×5 = 50; 效益 10+10+5+5 = 30; 满意度 10).
 * 总分 = 9.53 + 49.5 + 30 + 10 = 99.03 → 优 (≥ 90).
 */
function correctSpec(): FormSpec {
  const ind = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    weight: number,
    score: number,
    reason: string | null = null,
  ): IndicatorSpec => ({ level1, level2, name, target, actual, weight, score, reason });
  const spec: FormSpec = {
    year: 2023,
    department: "示范市科技和工业信息化局",
    budgetCode: "028001",
    contact: "王丽",
    phone: "0731-85550123",
    reportDate: "2024年3月15日",
    budget: {
      variant: "by-source",
      rows: [
        { label: "年度资金总额", initialBudget: 1200, fullYearBudget: 1311.99, executed: 1250, weight: 10 },
        { label: "其中：当年财政拨款", initialBudget: 1130, fullYearBudget: 1211.99, executed: 1160 },
        { label: "上年结转资金", initialBudget: 50, fullYearBudget: 80, executed: 75 },
        { label: "其他资金", initialBudget: 20, fullYearBudget: 20, executed: 15 },
      ],
    },
    goals: {
      expected:
        "新增规模工业企业6户以上，培育高新技术企业5家，规模工业增加值增长8%以上；完成工业投资30亿元以上；公用经费控制在预算以内；社会公众满意度95%以上。",
      actual:
        "全年新增规模工业企业7户，培育高新技术企业5家，规模工业增加值增长7.6%；完成工业投资31.5亿元；公用经费支出控制在预算的74.20%；社会公众满意度96%。",
    },
    indicators: [
      ind("产出指标", "数量指标", "指标1：新增规模工业企业", "≥6户", "7户", 10, 10),
      ind("产出指标", "数量指标", "指标2：培育高新技术企业", "≥5家", "5家", 10, 10),
      ind(
        "产出指标",
        "质量指标",
        "指标1：规模工业增加值增速",
        "≥8%",
        "7.6%",
        10,
        9.5,
        "受原材料价格上涨和订单减少影响，部分企业减产；下一步加强运行监测，帮助企业稳产增产。",
      ),
      ind("产出指标", "时效指标", "指标1：重点工作完成及时率", "≥95%", "100%", 10, 10),
      ind("产出指标", "成本指标", "指标1：公用经费控制率", "≤100%", "74.20%", 10, 10),
      ind("效益指标", "经济效益指标", "指标1：完成工业投资", "≥30亿元", "31.5亿元", 10, 10),
      ind("效益指标", "社会效益指标", "指标1：入企走访服务企业", "≥30家", "36家", 10, 10),
      ind("效益指标", "生态效益指标", "指标1：尾矿库治理达标情况", "达成年度指标", "达成年度指标", 5, 5),
      ind("效益指标", "可持续影响指标", "指标1：科技型中小企业入库", "≥100家", "121家", 5, 5),
      ind("满意度指标", "服务对象满意度指标", "指标1：社会公众满意度", "≥95%", "96%", 10, 10),
    ],
    total: { weight: 100, score: 99.03 },
    grade: "优",
  };
  // Real forms compute the rate and the total with formulas: write them with their cached results.
  const L = standardLayout(spec);
  const total = L.budget.rows[0];
  const rate = 1250 / 1311.99; // 0.952751…
  spec.budget.rows[0].rate = {
    value: rate,
    formula: `${a1(total.executed.row, total.executed.col)}/${a1(total.fullYearBudget.row, total.fullYearBudget.col)}`,
    numberFormat: "0.00%",
  };
  spec.budget.rows[0].score = {
    value: 9.53,
    formula: `ROUND(${a1(total.weight.row, total.weight.col)}*MIN(${a1(total.rate.row, total.rate.col)},1),2)`,
    numberFormat: "0.00",
  };
  const rows = L.indicators.rows;
  const first = rows[0].score;
  const last = rows[rows.length - 1].score;
  // 9.53 + 49.5 + 30 + 10 = 99.03 (binary float: 9.53 + 89.5 = 99.03 exactly as Excel shows it).
  spec.total.score = {
    value: 99.03,
    formula: `${a1(total.score.row, total.score.col)}+SUM(${a1(first.row, first.col)}:${a1(last.row, last.col)})`,
    numberFormat: "0.00",
  };
  return spec;
}

// ───────────────────────────── 错误示例-武冈2022 (seed 000) ─────────────────────────────

/**
 * 武冈市科技和工业信息化局 2022, by-nature budget, as the seed report filled it:
 *   全年预算数 459.61, 全年执行数 4551.57 → 执行率 4551.57 / 459.61 = 9.9031 = 990.31%, printed 990%;
 *   4551.57 is 本年收入 (一般公共预算); 本年支出 = 基本支出 679.77 + 项目支出 3883.70 = 4563.47.
 *   459.61 < 基本支出 679.77 (a decimal slip: 4596.1?).
 *   执行率 分值 5 (seed: "该项指标设置5分"), 得分 0, while the rate is over 100% → full points 5 under the
 *   proportional rule (capped at 100%): 5 × 100% = 5.
 *   Weights 5 + 50 + 30 + 10 = 95 ≠ 100; typed 总分 95 while the parts are 0 + 50 + 30 + 10 = 90.
 *   实际完成情况 mentions "2021年度" in a 2022 form; 工业固投 actual is a forecast ("预计88亿元");
 *   技术合同成交额 5.3 / 3.7 = 143% (target set too low).
 * With no profile chosen, 执行率 分值 5 and 总分 95 pick the step-deduction profile (domain.md §2.10; 990% ≥
 * 100% → full 5 points there too), whose weights total 95: no WEIGHT_TOTAL. Under --profile hunan also
 * WEIGHT_TOTAL (95 vs 100).
 * Expected: INCOME_AS_SPENDING, SCORE_MISMATCH (执行率得分 0 vs 5), SUM_MISMATCH (总分 95 vs 90) as errors; EXEC_OVER_100, RATE_MISMATCH (990% vs 990.31%, rounding only), MAGNITUDE
 * (459.61 < 679.77), YEAR_MISMATCH (2021), FORECAST_VALUE, OVER_ACHIEVEMENT as warnings.
 */
function wugangSpec(): FormSpec {
  const ind = (
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
    reason: null,
  });
  return {
    year: 2022,
    department: "武冈市科技和工业信息化局",
    budgetCode: "517001",
    contact: "李明",
    phone: "0739-4522318",
    reportDate: "2023年4月20日",
    budget: {
      variant: "by-nature",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 459.61,
          fullYearBudget: 459.61,
          executed: 4551.57,
          weight: 5,
          rate: { value: 9.9, numberFormat: "0%" },
          score: 0,
        },
        { label: "按收入性质分", executed: 4551.57 },
        { label: "一般公共预算", executed: 4551.57 },
        { label: "政府性基金拨款", executed: 0 },
        { label: "纳入专户管理的非税收入拨款", executed: 0 },
        { label: "其他资金", executed: 0 },
        { label: "按支出性质分", executed: 4563.47 },
        { label: "基本支出", executed: 679.77 },
        { label: "项目支出", executed: 3883.7 },
      ],
    },
    goals: {
      expected:
        "完成规模工业总产值120亿元以上，新增规模工业企业15家以上，培育省级小巨人企业3家，培育和引进国家高新技术企业16家；资金使用合规，信访事项按期办结；社会群众满意度95%以上。",
      actual:
        "本部门2021年度整体支出自评综合得分为95分。全市122家规模工业企业全年完成规模工业总产值126.8亿元，新增规模工业企业19家，新培育省级小巨人企业3家，培育和引进国家高新技术企业16家；社会群众满意度达98%。",
    },
    indicators: [
      ind("产出指标", "数量指标", "指标1：规模工业总产值", "≥120亿元", "126.8亿元", 5),
      ind("产出指标", "数量指标", "指标2：新增规模工业企业数量", "≥15家", "19家", 5),
      ind("产出指标", "数量指标", "指标3：新增培育省级小巨人企业数量", "≥3家", "3家", 5),
      ind("产出指标", "数量指标", "指标4：国家高新技术企业培育和引进数量", "≥16家", "16家", 5),
      ind("产出指标", "质量指标", "指标1：资金使用合规性", "合规", "合规", 5),
      ind("产出指标", "质量指标", "指标2：信访事项按期办结率", "100%", "100%", 5),
      ind("产出指标", "时效指标", "指标1：主要工作按计划完成率", "100%", "100%", 5),
      ind("产出指标", "时效指标", "指标2：项目资金及时拨付率", "100%", "100%", 5),
      ind("产出指标", "成本指标", "指标1：三公经费控制率", "≤100%", "51.5%", 10),
      ind("效益指标", "经济效益指标", "指标1：完成工业固定资产投资", "≥80亿元", "预计88亿元", 5),
      ind("效益指标", "经济效益指标", "指标2：技术合同成交额", "≥3.7亿元", "5.3亿元", 5),
      ind("效益指标", "社会效益指标", "指标1：科技专家服务团专家人数", "≥100名", "116名", 8),
      ind("效益指标", "生态效益指标", "指标1：散乱污企业整治完成率", "100%", "100%", 6),
      ind("效益指标", "可持续影响指标", "指标1：科技型中小企业评价入库数", "≥100家", "111家", 6),
      ind("满意度指标", "服务对象满意度指标", "指标1：社会群众满意度", "≥95%", "98%", 10),
    ],
    total: { weight: 95, score: 95 },
    grade: "优",
  };
}

// ───────────────────────────── 错误示例-吉首2023 (seed 004) ─────────────────────────────

/**
 * 吉首市科技和工业信息化局 2023, as the seed report filled it:
 *   rate indicators holding 万元: 公用经费控制率 27.6万元 / 20.48万元, "三公经费"控制率 0.4万元 / 0.4万元,
 *   政府采购执行率 6.7万元 / 4.82元 (元 where 万元 is meant; 4.82 / 6.7 = 71.94%);
 *   a 2022 figure in the 2023 form (the seed's own sentence, as the reason of 政府采购执行率:
 *   "2022年政府采购预算数6.7万元，实际政府采购数4.82元");
 *   联系电话 blank; 新增规模企业 scored 7 of 6; 重点工作完成及时率 100% / 99% scored 4 of 6 with no reason
 *   (rule: 6 × 99 / 100 = 5.94); 执行率 100% (5374.35 / 5374.35) scored 8 of 10 (rule: 10);
 *   满意度 98% / 95% scored 9 (rule: 10 × 95 / 98 = 9.69).
 *   Typed parts 8 + 49 + 30 + 9 = 96 = typed 总分 (as in the seed's summary table).
 * Expected: MISSING_FIELD (联系电话), SCORE_OUT_OF_RANGE (7 > 6), MISSING_REASON (及时率), SCORE_MISMATCH as
 * errors; UNIT_MISMATCH (rate indicators holding amounts; 万元 vs 元), YEAR_MISMATCH (2022),
 * MAGNITUDE (4.82元), OVER_ACHIEVEMENT (8 / 4 家, 80 / 50 个) as warnings.
 */
function jishouSpec(): FormSpec {
  const ind = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    weight: number,
    score: number,
    reason: string | null = null,
  ): IndicatorSpec => ({ level1, level2, name, target, actual, weight, score, reason });
  return {
    year: 2023,
    department: "吉首市科技和工业信息化局",
    budgetCode: "004001",
    contact: "赵敏",
    phone: null,
    reportDate: "2024年6月",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 5374.35,
          fullYearBudget: 5374.35,
          executed: 5374.35,
          weight: 10,
          rate: { value: 1, numberFormat: "0%" },
          score: 8,
        },
        { label: "其中：当年财政拨款", initialBudget: 4836.3, fullYearBudget: 4836.3, executed: 4836.3 },
        { label: "上年结转资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
        { label: "其他资金", initialBudget: 538.05, fullYearBudget: 538.05, executed: 538.05 },
      ],
    },
    goals: {
      expected:
        "市属规模工业增加值增长10%以上；新增规模企业6户以上；完成工业投资30亿元以上，培育高新技术企业5家。继续争取省科技厅关于创新驱动发展和科技创新能力提升工作方面激励。",
      actual:
        "市属规上工业增加值实现11.6亿元，同比增长2.5%。实现新建入规企业2家，完成小升规企业5家，5家企业被认定为省级“专精特新”中小企业；全市累计推动企业上云487家，7个项目获批省级制造业“三化”重点项目。",
    },
    indicators: [
      ind("产出指标", "数量指标", "新增规模企业", "4家", "完成8家", 6, 7),
      ind("产出指标", "数量指标", "完成工业投资", "10亿元", "完成11.6亿元", 6, 6),
      ind("产出指标", "数量指标", "培育高新技术企业", "2家", "2家", 6, 6),
      ind("产出指标", "数量指标", "通信基础设施建设加速推进建设5G基站", "50个", "80个", 6, 6),
      ind("产出指标", "质量指标", "固定资产利用率", "100%", "100%", 5, 5),
      ind("产出指标", "时效指标", "重点工作完成及时率", "100%", "99%", 6, 4),
      ind("产出指标", "成本指标", "公用经费控制率", "27.6万元", "20.48万元", 5, 5),
      ind("产出指标", "成本指标", "“三公经费”控制率", "0.4万元", "0.4万元", 5, 5),
      ind(
        "产出指标",
        "成本指标",
        "政府采购执行率",
        "6.7万元",
        "4.82元",
        5,
        5,
        "2022年政府采购预算数6.7万元，实际政府采购数4.82元，政府采购执行率71.94%。",
      ),
      ind(
        "效益指标",
        "经济效益指标",
        "开展“上门服务送政策、为企解忧助发展”活动",
        "入企走访35家企业",
        "入企走访40多家企业",
        10,
        10,
      ),
      ind("效益指标", "社会效益指标", "开展科普宣传活动接待群众", "≥700人次", "800余人次", 10, 10),
      ind(
        "效益指标",
        "生态效益指标",
        "扎实开展大庭尾矿库生态环境治理工作",
        "大庭尾矿库治理达标",
        "大庭尾矿库的治理已全面达标，并于2023年10月完成销号。",
        10,
        10,
      ),
      ind(
        "满意度指标",
        "服务对象满意度指标",
        "社会公众满意度",
        "满意度在98%以上",
        "满意度在95%以上",
        10,
        9,
        "部分群众对政策宣传的覆盖面不满意，下一步扩大政策宣传范围。",
      ),
    ],
    total: { weight: 100, score: 96 },
    grade: "优",
  };
}

export function sampleSpecs(): SampleSpec[] {
  return [
    {
      file: "正确填报示例.xlsx",
      spec: correctSpec(),
      expect: { exitCode: 0, errorRules: [] },
    },
    {
      file: "错误示例-武冈2022.xlsx",
      spec: wugangSpec(),
      expect: {
        exitCode: 1,
        errorRules: ["INCOME_AS_SPENDING", "SCORE_MISMATCH", "SUM_MISMATCH"],
        warningRules: [
          "EXEC_OVER_100",
          "RATE_MISMATCH",
          "MAGNITUDE",
          "YEAR_MISMATCH",
          "FORECAST_VALUE",
          "OVER_ACHIEVEMENT",
        ],
      },
    },
    {
      file: "错误示例-吉首2023.xlsx",
      spec: jishouSpec(),
      expect: {
        exitCode: 1,
        errorRules: ["MISSING_FIELD", "SCORE_OUT_OF_RANGE", "MISSING_REASON", "SCORE_MISMATCH"],
        warningRules: ["UNIT_MISMATCH", "MAGNITUDE", "YEAR_MISMATCH", "OVER_ACHIEVEMENT"],
      },
    },
  ];
}

// ───────────────────────────── generated large forms (bench, tests; not committed) ─────────────────────────────

/**
 * A correctly filled form with `n` indicator rows (n ≥ 3): rows are split over 产出/效益/满意度 in the
 * ratio 5:3:1 (at least one row each), every indicator fully achieved (≥100家 / 100家 → full points).
 * Weights are in hundredths (ten-thousandths for groups of more than 100 × weight rows, so they stay
 * positive) and each 一级 adds up exactly; the budget is 1000 / 1000 → 执行率 100%,
 * 10 points; 总分 100, 优.
 */
export function largeSpec(n: number, year = 2023): FormSpec {
  const count = Math.max(3, Math.floor(n));
  const sat = Math.max(1, Math.round(count / 9));
  const eff = Math.max(1, Math.round((count * 3) / 9));
  const out = count - sat - eff;
  const groups: { level1: string; level2: string[]; weight: number; rows: number }[] = [
    { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"], weight: 50, rows: out },
    {
      level1: "效益指标",
      level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
      weight: 30,
      rows: eff,
    },
    { level1: "满意度指标", level2: ["服务对象满意度指标"], weight: 10, rows: sat },
  ];
  const indicators: IndicatorSpec[] = [];
  for (const g of groups) {
    // Weights in hundredths as on real forms (ten-thousandths only when a group has more than
    // 100 × its weight rows); the first rows take one extra unit until the group adds up exactly.
    const scale = g.weight * 100 >= g.rows ? 100 : 10000;
    const units = g.weight * scale;
    const base = Math.floor(units / g.rows);
    let extra = units - base * g.rows;
    for (let i = 0; i < g.rows; i++) {
      const w = (base + (extra > 0 ? 1 : 0)) / scale;
      if (extra > 0) extra--;
      const level2 = g.level2[Math.floor((i * g.level2.length) / g.rows)];
      indicators.push({
        level1: g.level1,
        level2,
        name: `指标${i + 1}：${g.level1.replace("指标", "")}任务${i + 1}`,
        target: "≥100家",
        actual: "100家",
        weight: w,
        score: w,
        reason: null,
      });
    }
  }
  return {
    year,
    department: "示范市科技和工业信息化局",
    budgetCode: "028001",
    contact: "王丽",
    phone: "0731-85550123",
    reportDate: `${year + 1}年3月15日`,
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 1000,
          fullYearBudget: 1000,
          executed: 1000,
          weight: 10,
          rate: { value: 1, numberFormat: "0.00%" },
          score: 10,
        },
        { label: "其中：当年财政拨款", initialBudget: 900, fullYearBudget: 900, executed: 900 },
        { label: "上年结转资金", initialBudget: 60, fullYearBudget: 60, executed: 60 },
        { label: "其他资金", initialBudget: 40, fullYearBudget: 40, executed: 40 },
      ],
    },
    goals: { expected: "完成年度各项工作任务。", actual: "全面完成年度各项工作任务。" },
    indicators,
    total: { weight: 100, score: 100 },
    grade: "优",
  };
}

// ───────────────────────────── other kinds and layouts (src/core/kinds/) ─────────────────────────────

/** A sample of another kind or layout: the builder options say which. */
export interface KindSampleSpec extends SampleSpec {
  options: BuildOptions;
  /** A provincial variant of the project form (src/core/kinds/project/variants.ts), built by its builder. */
  variant?: ProjectVariantId;
}

/** The sheet of a kind sample (the variant's builder for a provincial variant). */
export function kindSampleSheet(s: KindSampleSpec): Sheet {
  const options: BuildOptions = { ...s.options, sheetName: s.sheetName ?? s.options.sheetName };
  return s.variant
    ? buildProjectVariant(s.spec, s.variant, options).sheet
    : buildStandardForm(s.spec, options);
}

/**
 * 项目支出绩效自评表 (domain.md §2.8), national 2020 layout, with the real defect the spec records: 年度资金总额
 * typed 0 in all three columns over 本年财政拨款 90 / 89.974 / 89.974 (上年结转 and 其他 0).
 *
 *   SUM_MISMATCH ×3 on the 年度资金总额 row: 年初预算数 0 vs 90 + 0 + 0 = 90; 全年预算数 0 vs 89.974 + 0 + 0 = 89.974;
 *     全年执行数 0 vs 89.974.
 *   SCORE_MISMATCH: 服务按期完成率 100% / 90%, 15 points → 15 × 90 / 100 = 13.5, typed 15.
 *   Typed parts 10 + 20 + 15 + 15 + 30 + 10 = 100 = typed 总分 (no SUM_MISMATCH on the total).
 *   No 预算编码 / 联系人 / 等级 on the template: none reported missing.
 */
export function projectSampleSpec(): FormSpec {
  const q = (
    level1: string,
    level2: string,
    name: string,
    target: string,
    actual: string,
    weight: number,
    score: number,
  ): IndicatorSpec => ({ level1, level2, name, target, actual, weight, score });
  return {
    year: 2023,
    projectName: "中小企业公共服务平台建设",
    department: "示范市科技和工业信息化局",
    implementer: "示范市中小企业服务中心",
    budgetCode: null,
    contact: null,
    phone: null,
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 0,
          fullYearBudget: 0,
          executed: 0,
          weight: 10,
          rate: "100%",
          score: 10,
        },
        { label: "其中：本年财政拨款", initialBudget: 90, fullYearBudget: 89.974, executed: 89.974 },
        { label: "上年结转资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
        { label: "其他资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
      ],
    },
    goals: {
      expected: "为200家以上中小企业提供融资、培训、法律等公共服务",
      actual: "全年为230家中小企业提供公共服务，带动企业融资5200万元",
    },
    indicators: [
      q("产出指标（50分）", "数量指标", "服务企业数", "≥200家", "230家", 20, 20),
      q("产出指标（50分）", "质量指标", "服务合格率", "≥95%", "96%", 15, 15),
      {
        ...q("产出指标（50分）", "时效指标", "服务按期完成率", "100%", "90%", 15, 15),
        reason: "两项培训延至次年",
      },
      q("效益指标（30分）", "经济效益指标", "带动企业融资", "≥5000万元", "5200万元", 30, 30),
      q("满意度指标（10分）", "服务对象满意度指标", "企业满意度", "≥90%", "92%", 10, 10),
    ],
    total: { weight: 100, score: 100 },
    grade: null,
  };
}

/**
 * A Tianjin-style department form (domain.md §2.9): 指标名称 | 计算符号 | 指标值 | 实际完成值 | 计量单位 | 分值 | 得分 |
 * 偏差原因分析及改进措施, bare numbers in the value columns.
 *
 *   执行率 4521.6 / 4800 = 94.2% → 10 × 0.942 = 9.42 (typed 9.42); 4600 + 200 + 0 = 4800; 4330.1 + 191.5 + 0 = 4521.6.
 *   食品安全抽检批次 ≥ 3000 / 3260 批次 → 20;  抽检不合格品处置率 ≥ 100 / 100 % → 15;
 *   投诉处理平均时长 ≤ 5 / 7 天 → 15 × (1 − (7 − 5) / 5) = 9, typed 15 → SCORE_MISMATCH (expected 9);
 *   食品安全事件发生数 = 0 / 0 起 → 30;
 *   群众满意度 ≥ 100 / 105 % → 105% is over 100% → PERCENT_OVER_100 (error); B ≥ A → 10.
 *   Typed 总分 9.42 + 20 + 15 + 15 + 30 + 10 = 99.42 (= its parts); computed 9.42 + 20 + 15 + 9 + 30 + 10 = 93.42 → 优.
 */
export function tianjinSampleSpec(): FormSpec {
  const q = (
    level1: string,
    level2: string,
    name: string,
    nature: string,
    target: number,
    actual: number,
    unit: string,
    weight: number,
    score: number,
  ): IndicatorSpec => ({ level1, level2, name, nature, target, actual, unit, weight, score });
  return {
    year: 2023,
    department: "示范区市场监督管理局",
    budgetCode: "112001",
    contact: "王敏",
    phone: "022-25000000",
    reportDate: "2024年3月",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 4800,
          fullYearBudget: 4800,
          executed: 4521.6,
          weight: 10,
          rate: "94.2%",
          score: 9.42,
        },
        { label: "其中：当年财政拨款", initialBudget: 4600, fullYearBudget: 4600, executed: 4330.1 },
        { label: "上年结转资金", initialBudget: 200, fullYearBudget: 200, executed: 191.5 },
        { label: "其他资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
      ],
    },
    goals: { expected: "完成食品安全抽检3000批次", actual: "完成食品安全抽检3260批次" },
    indicators: [
      q("产出指标", "数量指标", "食品安全抽检批次", "≥", 3000, 3260, "批次", 20, 20),
      q("产出指标", "质量指标", "抽检不合格品处置率", "≥", 100, 100, "%", 15, 15),
      q("产出指标", "时效指标", "投诉处理平均时长", "≤", 5, 7, "天", 15, 15),
      q("效益指标", "社会效益指标", "食品安全事件发生数", "=", 0, 0, "起", 30, 30),
      q("满意度指标", "服务对象满意度指标", "群众满意度", "≥", 100, 105, "%", 10, 10),
    ],
    total: { weight: 100, score: 99.42 },
    grade: "优",
  };
}

/** The samples of the other kinds and layouts (written by make-samples next to sampleSpecs()). */
export function kindSampleSpecs(): KindSampleSpec[] {
  return [
    {
      file: "项目示例-公共服务平台2023.xlsx",
      sheetName: "项目支出绩效自评表",
      spec: projectSampleSpec(),
      options: { kind: "project" },
      expect: { exitCode: 1, errorRules: ["SUM_MISMATCH", "SCORE_MISMATCH"] },
    },
    {
      file: "天津格式示例-市场监管2023.xlsx",
      spec: tianjinSampleSpec(),
      options: {
        indicatorOrder: ["nature", "target", "actual", "unit"],
        labels: { 三级指标: "指标名称", 指标性质: "计算符号", 年度指标值: "指标值", 度量单位: "计量单位" },
      },
      expect: { exitCode: 1, errorRules: ["SCORE_MISMATCH", "PERCENT_OVER_100"] },
    },
    {
      file: "云南格式示例-项目2020.xlsx",
      sheetName: "项目支出绩效自评表",
      spec: yunnanSampleSpec(),
      options: {},
      variant: "yunnan-2020",
      expect: { exitCode: 0, errorRules: [] },
    },
    {
      file: "四川格式示例-项目2023.xlsx",
      sheetName: "项目支出绩效自评表",
      spec: sichuanSampleSpec(),
      options: {},
      variant: "sichuan",
      expect: { exitCode: 1, errorRules: ["SCORE_MISMATCH"] },
    },
  ];
}
