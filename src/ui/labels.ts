/** Chinese display names for the pane (no logic: the core decides severity, category and messages). */
import type { FindingCategory, Severity } from "../core/model";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export { SEVERITY_LABEL } from "../core/marks";

export const SEVERITY_HINT: Record<Severity, string> = {
  error: "提交前必须改正",
  warning: "请再核对一遍",
  info: "供参考",
};

export const CATEGORY_ORDER: FindingCategory[] = [
  "template",
  "missing",
  "arithmetic",
  "grade",
  "plausibility",
  "consistency",
];

export const CATEGORY_LABEL: Record<FindingCategory, string> = {
  template: "表样",
  missing: "漏填",
  arithmetic: "计算",
  grade: "等级",
  plausibility: "合理性",
  consistency: "一致性",
};

// The rules' Chinese names live in the core (the CLI's summary names them too).
export { RULE_LABEL } from "../core/ruleLabels";

/** Progress labels of the busy phases. */
export const PHASE_LABEL = {
  loading: "正在加载设置…",
  reading: "正在读取工作簿…",
  checking: "正在校验…",
  marking: "正在标注单元格…",
  confirming: "等待你确认…",
  writing: "正在写入…",
  clearing: "正在清除标记…",
  exporting: "正在导出校验报告…",
  saving: "正在保存设置…",
} as const;
