/**
 * Specs of the other kinds of form, modelled on domain.md §2.8 (项目支出绩效自评表, national 2020 layout)
 * and §2.9 (Tianjin-style separate 计算符号 / 计量单位 columns). Every figure is hand-checked in the tests.
 */
import type { BuildOptions, FormSpec } from "../../src/core/template";

/**
 * A correct project form. Total = 执行率 10 (89.974 / 89.974 = 100% → 10) + 20 + 15 + 13.5 + 30 + 10 = 98.5;
 * 产出 20 + 15 + 15 = 50, 效益 30, 满意度 10, 10 + 50 + 30 + 10 = 100.
 */
export function projectSpec(): FormSpec {
  return {
    year: 2023,
    projectName: "中小企业公共服务平台建设",
    department: "吉首市科工信局",
    implementer: "吉首市中小企业服务中心",
    budgetCode: null,
    contact: null,
    phone: null,
    budget: {
      variant: "by-source",
      rows: [
        {
          label: "年度资金总额",
          initialBudget: 90,
          fullYearBudget: 89.974,
          executed: 89.974,
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
      {
        level1: "产出指标（50分）",
        level2: "数量指标",
        name: "服务企业数",
        target: "≥200家",
        actual: "230家",
        weight: 20,
        score: 20,
      },
      {
        level1: "产出指标（50分）",
        level2: "质量指标",
        name: "服务合格率",
        target: "≥95%",
        actual: "96%",
        weight: 15,
        score: 15,
      },
      {
        level1: "产出指标（50分）",
        level2: "时效指标",
        name: "服务按期完成率",
        target: "100%",
        actual: "90%",
        weight: 15,
        // 15 × 90% / 100% = 13.5
        score: 13.5,
        reason: "两项培训因场地调整延至次年一月",
      },
      {
        level1: "效益指标（30分）",
        level2: "经济效益指标",
        name: "带动企业融资",
        target: "≥5000万元",
        actual: "5200万元",
        weight: 30,
        score: 30,
      },
      {
        level1: "满意度指标（10分）",
        level2: "服务对象满意度指标",
        name: "企业满意度",
        target: "≥90%",
        actual: "92%",
        weight: 10,
        score: 10,
      },
    ],
    total: { weight: 100, score: 98.5 },
    grade: null,
  };
}

export const PROJECT_OPTIONS: BuildOptions = { kind: "project", sheetName: "项目自评表" };

/**
 * A Tianjin-style department form: 指标名称 | 计算符号 | 指标值 | 实际完成值 | 计量单位 | 分值 | 得分 | 偏差原因分析及改进措施,
 * bare numbers in the value columns. Total = 执行率 (4521.6 / 4800 = 94.2% → 10 × 0.942 = 9.42) + 20 (3260 ≥ 3000)
 * + 15 (100 ≥ 100) + 15 (≤ row: 3 ≤ 5) + 30 (= row: 0 = 0) + 9.5 (10 × 95 / 100) = 98.92 → 优.
 * Budget: 4600 + 200 + 0 = 4800; 4330.1 + 191.5 + 0 = 4521.6.
 */
export function tianjinSpec(): FormSpec {
  return {
    year: 2023,
    department: "天津市某区市场监督管理局",
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
          // 10 × 4521.6 / 4800 = 10 × 0.942 = 9.42
          score: 9.42,
        },
        { label: "其中：当年财政拨款", initialBudget: 4600, fullYearBudget: 4600, executed: 4330.1 },
        { label: "上年结转资金", initialBudget: 200, fullYearBudget: 200, executed: 191.5 },
        { label: "其他资金", initialBudget: 0, fullYearBudget: 0, executed: 0 },
      ],
    },
    goals: { expected: "完成食品安全抽检3000批次", actual: "完成食品安全抽检3260批次" },
    indicators: [
      // name | 计算符号 | 指标值 | 实际完成值 | 计量单位 | 分值 | 得分
      {
        level1: "产出指标",
        level2: "数量指标",
        name: "食品安全抽检批次",
        nature: "≥",
        target: 3000,
        actual: 3260,
        unit: "批次",
        weight: 20,
        score: 20,
      },
      {
        level1: "产出指标",
        level2: "质量指标",
        name: "抽检不合格品处置率",
        nature: "≥",
        target: 100,
        actual: 100,
        unit: "%",
        weight: 15,
        score: 15,
      },
      // ≤ row: 3 ≤ 5 → full 15
      {
        level1: "产出指标",
        level2: "时效指标",
        name: "投诉处理平均时长",
        nature: "≤",
        target: 5,
        actual: 3,
        unit: "天",
        weight: 15,
        score: 15,
      },
      {
        level1: "效益指标",
        level2: "社会效益指标",
        name: "食品安全事件发生数",
        nature: "=",
        target: 0,
        actual: 0,
        unit: "起",
        weight: 30,
        score: 30,
      },
      // ≥ row below target: 10 × 95 / 100 = 9.5
      {
        level1: "满意度指标",
        level2: "服务对象满意度指标",
        name: "群众满意度",
        nature: "≥",
        target: 100,
        actual: 95,
        unit: "%",
        weight: 10,
        score: 9.5,
        reason: "个别投诉处理不及时",
      },
    ],
    // 9.42 + 20 + 15 + 15 + 30 + 9.5 = 98.92
    total: { weight: 100, score: 98.92 },
    grade: "优",
  };
}

/** Tianjin column order and labels. */
export const TIANJIN_OPTIONS: BuildOptions = {
  sheetName: "天津",
  indicatorOrder: ["nature", "target", "actual", "unit"],
  labels: { 三级指标: "指标名称", 指标性质: "计算符号", 年度指标值: "指标值", 度量单位: "计量单位" },
};
