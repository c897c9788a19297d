/**
 * Samples of the provincial 项目支出绩效自评表 variants (src/core/kinds/project/variants.ts), as FormSpec data
 * built with src/core/kinds/project/template.ts. Every number computed by hand under the hunan profile
 * (执行率 10 / 产出 50 / 效益 30 / 满意度 10, proportional 执行率 rule, 定量 rules of domain.md §3.3). Names are
 * made up.
 */
import type { FormSpec, IndicatorSpec } from "../src/core/template";

type Nature = "≥" | "≤" | "=" | "定性";

function row(
  level1: string,
  level2: string,
  name: string,
  nature: Nature,
  target: number | string,
  unit: string,
  actual: number | string,
  weight: number,
  score: number,
  reason: string | null = null,
): IndicatorSpec {
  return { level1, level2, name, nature, target, unit, actual, weight, score, reason };
}

/**
 * Yunnan 2020 template (two-row header: 指标性质 / 指标值 / 度量单位 under 绩效指标; budget 其中：财政资金), correct.
 *
 * Budget (万元):          年初预算   全年预算   全年执行
 *   其中：财政资金          450        470        446
 *   其他资金                 50         50         48
 *   年度资金总额            500        520        494      (450 + 50 = 500; 470 + 50 = 520; 446 + 48 = 494)
 *   执行率 = 494 / 520 = 0.95 → 95.00%; 得分 10 × 0.95 = 9.5.
 * Indicators:
 *   产出 50: 养护公路里程 ≥ 120 公里 / 126 → 20; 养护路段优良率 ≥ 85 % / 88 → 15; 养护任务按时完成率 = 100 % / 100 → 15
 *   效益 30: 群众出行条件 定性 明显改善 / 达成年度指标 → 15 (达成 band: 12–15); 公路使用年限延长 ≥ 5 年 / 5 → 15
 *   满意度 10: 沿线群众满意度 ≥ 90 % / 93 → 10
 *   Weights 10 + (20 + 15 + 15) + (15 + 15) + 10 = 100. 总分 9.5 + 50 + 30 + 10 = 99.5 → 优.
 */
export function yunnanSampleSpec(): FormSpec {
  return {
    year: 2020,
    projectName: "农村公路养护补助",
    department: "示范县交通运输局",
    implementer: "示范县公路养护段",
    budgetCode: null,
    contact: null,
    phone: null,
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 500,
          fullYearBudget: 520,
          executed: 494,
          weight: 10,
          rate: { value: 0.95, numberFormat: "0.00%" },
          score: 9.5,
        },
        { label: "其中：财政资金", initialBudget: 450, fullYearBudget: 470, executed: 446 },
        { label: "其他资金", initialBudget: 50, fullYearBudget: 50, executed: 48 },
      ],
    },
    goals: {
      expected: "完成农村公路养护120公里以上，优良路率85%以上，改善沿线群众出行条件。",
      actual: "全年养护农村公路126公里，优良路率88%，沿线群众出行条件明显改善。",
    },
    indicators: [
      row("产出指标（50分）", "数量指标", "养护公路里程", "≥", 120, "公里", 126, 20, 20),
      row("产出指标（50分）", "质量指标", "养护路段优良率", "≥", 85, "%", 88, 15, 15),
      row("产出指标（50分）", "时效指标", "养护任务按时完成率", "=", 100, "%", 100, 15, 15),
      row("效益指标（30分）", "社会效益指标", "群众出行条件", "定性", "明显改善", "", "达成年度指标", 15, 15),
      row("效益指标（30分）", "可持续影响指标", "公路使用年限延长", "≥", 5, "年", 5, 15, 15),
      row("满意度指标（10分）", "服务对象满意度指标", "沿线群众满意度", "≥", 90, "%", 93, 10, 10),
    ],
    total: { weight: 100, score: 99.5 },
    grade: null,
  };
}

/**
 * Sichuan template (one header row, 权重 / 未完成原因分析; budget 其中：财政拨款 / 上年结转 / 自筹资金), one error.
 *
 * Budget (万元):          年初预算   全年预算   全年执行
 *   其中：财政拨款          250        250        230
 *   上年结转                 30         30         30
 *   自筹资金                 20         20         10
 *   年度资金总额            300        300        270      (250 + 30 + 20 = 300; 230 + 30 + 10 = 270)
 *   执行率 = 270 / 300 = 0.9 → 90.00% (not below 90%: no reason needed); 得分 10 × 0.9 = 9.
 * Indicators:
 *   产出 50: 培训基层农技人员 ≥ 500 人次 / 520 → 20; 培训合格率 ≥ 95 % / 97 → 15; 培训按期完成率 = 100 % / 100 → 15
 *   效益 30: 带动农户增收 ≥ 5 % / 6 → 15 (6 / 5 = 120% < 130%);
 *            新技术推广覆盖率 ≥ 80 % / 72 → 15 × 72 / 80 = 13.5, typed 15 → SCORE_MISMATCH (reason given)
 *   满意度 10: 参训人员满意度 ≥ 90 % / 95 → 10
 *   Typed 总分 9 + 50 + 30 + 10 = 99 (= the typed parts); by the rules 9 + 50 + 28.5 + 10 = 97.5 → 优.
 */
export function sichuanSampleSpec(): FormSpec {
  return {
    year: 2023,
    projectName: "基层农技推广体系建设",
    department: "示范县农业农村局",
    implementer: "示范县农业技术推广中心",
    budgetCode: null,
    contact: null,
    phone: null,
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 300,
          fullYearBudget: 300,
          executed: 270,
          weight: 10,
          rate: { value: 0.9, numberFormat: "0.00%" },
          score: 9,
        },
        { label: "其中：财政拨款", initialBudget: 250, fullYearBudget: 250, executed: 230 },
        { label: "上年结转", initialBudget: 30, fullYearBudget: 30, executed: 30 },
        { label: "自筹资金", initialBudget: 20, fullYearBudget: 20, executed: 10 },
      ],
    },
    goals: {
      expected: "培训基层农技人员500人次以上，新技术推广覆盖率达到80%。",
      actual: "全年培训基层农技人员520人次，新技术推广覆盖率72%。",
    },
    indicators: [
      row("产出指标（50分）", "数量指标", "培训基层农技人员", "≥", 500, "人次", 520, 20, 20),
      row("产出指标（50分）", "质量指标", "培训合格率", "≥", 95, "%", 97, 15, 15),
      row("产出指标（50分）", "时效指标", "培训按期完成率", "=", 100, "%", 100, 15, 15),
      row("效益指标（30分）", "经济效益指标", "带动农户增收", "≥", 5, "%", 6, 15, 15),
      row(
        "效益指标（30分）",
        "社会效益指标",
        "新技术推广覆盖率",
        "≥",
        80,
        "%",
        72,
        15,
        15,
        "部分乡镇示范基地建设延后，推广面积未达预期；下一步加快基地建设。",
      ),
      row("满意度指标（10分）", "服务对象满意度指标", "参训人员满意度", "≥", 90, "%", 95, 10, 10),
    ],
    total: { weight: 100, score: 99 },
    grade: null,
  };
}
