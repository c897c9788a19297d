/**
 * A long department form (24 indicators) whose numbers were computed by hand, for the tests of reading the
 * whole table (test/locate/locate-layout.test.ts, test/checks/partial.test.ts).
 *
 * Budget (万元):            年初预算   全年预算   全年执行
 *   其中：当年财政拨款          720        720        690
 *   上年结转资金                 60         60         55
 *   其他资金                     20         20         15
 *   年度资金总额                800        800        760     (720 + 60 + 20 = 800; 690 + 55 + 15 = 760)
 *   执行率 760 / 800 = 0.95 → 得分 10 × 0.95 = 9.5
 * Indicators:
 *   产出 50: 14 rows × 3 + 2 rows × 4 = 42 + 8 = 50, every one ≥100家 / 100家 → full points (50)
 *   效益 30: 6 rows × 5; five full, one ≥20% / 19% → 5 × 19 / 20 = 4.75 (0.25 lost, reason given) → 29.75
 *   满意度 10: 2 rows × 5: ≥90% / 92% → 5; ≥95% / 95% → 5 → 10
 *   Weights 10 + 50 + 30 + 10 = 100. 总分 9.5 + 50 + 29.75 + 10 = 99.25 → 优 (≥ 90).
 */
import type { FormSpec, IndicatorSpec } from "../../src/core/template";

export const LONG_TABLE = { indicators: 24, total: 99.25, grade: "优", executionScore: 9.5 } as const;

export function longTableSpec(): FormSpec {
  const indicators: IndicatorSpec[] = [];
  const output = ["数量指标", "质量指标", "时效指标", "成本指标"];
  for (let i = 0; i < 16; i++) {
    const w = i < 14 ? 3 : 4;
    indicators.push({
      level1: "产出指标",
      level2: output[Math.floor(i / 4)],
      name: `指标${i + 1}：产出任务${i + 1}`,
      target: "≥100家",
      actual: "100家",
      weight: w,
      score: w,
    });
  }
  const effect = ["经济效益指标", "社会效益指标", "生态效益指标"];
  for (let i = 0; i < 6; i++) {
    const short = i === 5;
    indicators.push({
      level1: "效益指标",
      level2: effect[Math.floor(i / 2)],
      name: `指标${i + 1}：效益任务${i + 1}`,
      target: short ? "≥20%" : "≥100家",
      actual: short ? "19%" : "100家",
      weight: 5,
      score: short ? 4.75 : 5,
      reason: short ? "部分企业投产延后，增幅未达目标；下一步加强跟踪服务。" : null,
    });
  }
  indicators.push(
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "指标1：企业满意度",
      target: "≥90%",
      actual: "92%",
      weight: 5,
      score: 5,
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "指标2：群众满意度",
      target: "≥95%",
      actual: "95%",
      weight: 5,
      score: 5,
    },
  );
  return {
    year: 2023,
    department: "示范市商务局",
    budgetCode: "031002",
    contact: "李明",
    phone: "0731-85550188",
    reportDate: "2024年3月10日",
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 800,
          fullYearBudget: 800,
          executed: 760,
          weight: 10,
          rate: { value: 0.95, numberFormat: "0.00%" },
          score: 9.5,
        },
        { label: "其中：当年财政拨款", initialBudget: 720, fullYearBudget: 720, executed: 690 },
        { label: "上年结转资金", initialBudget: 60, fullYearBudget: 60, executed: 55 },
        { label: "其他资金", initialBudget: 20, fullYearBudget: 20, executed: 15 },
      ],
    },
    goals: { expected: "完成年度各项商务工作任务。", actual: "基本完成年度各项商务工作任务。" },
    indicators,
    total: { weight: 100, score: 99.25 },
    grade: "优",
  };
}
