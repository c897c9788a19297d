/**
 * A small standard form (src/core/template.ts) with three known problems, for the pane tests.
 *
 * Layout (standardLayout, no extra columns, origin A1): header rows 1–5, budget block rows 6–10,
 * goals rows 11–12, indicator header row 13, nine indicator rows 14–22, 总分 row 23 (score in H23),
 * 评价等级 row 24 (grade in G24). Columns: B 一级… E 年度指标值, F 实际完成值, G 分值, H 得分.
 *
 * Numbers, by hand (hunan profile: 执行率 10 / 产出 50 / 效益 30 / 满意度 10; proportional scoring):
 *   执行率 = 95 / 100 = 95% → 执行率得分 = 10 × 95% = 9.5 (typed 9.5: correct; ≥ 90%, no reason needed)
 *   规模工业增加值增速 ≥8% / 7.6% (row 16): 10 × 7.6 / 8 = 9.5, typed 10 → SCORE_MISMATCH at H16, fix 9.5
 *   入企走访服务企业 ≥30家 / 40家 (row 20): 40 / 30 = 133% ≥ 130% → OVER_ACHIEVEMENT (warning) at F20
 *   联系人 left blank (value cell B4) → MISSING_FIELD (error) at B4
 *   总分 typed 99.5 (= 9.5 + 9 × 10); computed 9.5 + (10 + 10 + 9.5 + 10 + 10) + 30 + 10 = 99 → 优 (≥ 90)
 *   评价等级 G24 holds a formula whose cached value is 优.
 */
import type { Workbook } from "../../src/core/grid";
import { buildStandardForm, type FormSpec, type IndicatorSpec } from "../../src/core/template";

const ind = (
  level1: string,
  level2: string,
  name: string,
  target: string,
  actual: string,
  score: number,
  reason: string | null = null,
): IndicatorSpec => ({ level1, level2, name, target, actual, weight: 10, score, reason });

export function brokenSpec(department = "测试县科技局"): FormSpec {
  return {
    year: 2023,
    department,
    budgetCode: "001001",
    contact: null,
    phone: "0731-1234567",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 100,
          fullYearBudget: 100,
          executed: 95,
          weight: 10,
          rate: 0.95,
          score: 9.5,
        },
        { label: "其中：当年财政拨款", initialBudget: 100, fullYearBudget: 100, executed: 95 },
        { label: "上年结转资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
        { label: "其他资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
      ],
    },
    goals: { expected: "完成全年科技项目管理任务", actual: "全年完成科技项目管理任务，新增企业7户" },
    indicators: [
      ind("产出指标", "数量指标", "新增规模工业企业", "≥6户", "7户", 10),
      ind("产出指标", "数量指标", "培育高新技术企业", "≥5家", "5家", 10),
      ind("产出指标", "质量指标", "规模工业增加值增速", "≥8%", "7.6%", 10, "受市场影响增速略低"),
      ind("产出指标", "时效指标", "重点工作完成及时率", "≥95%", "100%", 10),
      ind("产出指标", "成本指标", "公用经费控制率", "≤100%", "74.2%", 10),
      ind("效益指标", "经济效益指标", "完成工业投资", "≥30亿元", "31.5亿元", 10),
      ind("效益指标", "社会效益指标", "入企走访服务企业", "≥30家", "40家", 10),
      ind("效益指标", "可持续影响指标", "科技型中小企业入库", "≥100家", "121家", 10),
      ind("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥95%", "96%", 10),
    ],
    total: { weight: 100, score: 99.5 },
    grade: { value: "优", formula: 'IF(H23>=90,"优",IF(H23>=80,"良","较差"))' },
  };
}

export function brokenWorkbook(): Workbook {
  return { sheets: [buildStandardForm(brokenSpec())] };
}

/** Two forms: the broken one on 自评表 and a second copy for another unit on 二级单位. */
export function twoFormWorkbook(): Workbook {
  return {
    sheets: [
      buildStandardForm(brokenSpec()),
      buildStandardForm(brokenSpec("测试县科技服务中心"), { sheetName: "二级单位" }),
    ],
  };
}

/** A workbook without any 自评表. */
export function noFormWorkbook(): Workbook {
  return {
    sheets: [
      {
        name: "Sheet1",
        cells: [[{ value: { kind: "text", value: "工资表" } }, { value: { kind: "number", value: 3500 } }]],
        merges: [],
      },
    ],
  };
}

export const H16 = { sheet: "自评表", row: 15, col: 7 };
export const F20 = { sheet: "自评表", row: 19, col: 5 };
export const B4 = { sheet: "自评表", row: 3, col: 1 };
export const H23 = { sheet: "自评表", row: 22, col: 7 };
export const G24 = { sheet: "自评表", row: 23, col: 6 };

/**
 * The broken form with H16 already at its rule score 9.5: only the total is off (typed 99.5, computed
 * 99 — see above), so write-back has no item fix pending. `gradeCached` is the cached result of the
 * grade formula in G24 (优 by default, the right grade for 99).
 */
export function itemsRightWorkbook(gradeCached = "优"): Workbook {
  const spec = brokenSpec();
  spec.indicators[2] = { ...spec.indicators[2], score: 9.5 };
  spec.grade = { value: gradeCached, formula: 'IF(H23>=90,"优",IF(H23>=80,"良","较差"))' };
  return { sheets: [buildStandardForm(spec)] };
}

export const H7 = { sheet: "自评表", row: 6, col: 7 };
