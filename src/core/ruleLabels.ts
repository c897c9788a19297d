/** Chinese names of the rules (task pane, 导出校验报告, the CLI's 问题统计 sheet). */
import type { RuleId } from "./model";

export const RULE_LABEL: Record<RuleId, string> = {
  TEMPLATE_NOT_FOUND: "未找到自评表",
  MISSING_FIELD: "必填项为空",
  MISSING_VALUE: "缺少数值",
  MISSING_REASON: "缺少原因说明",
  SUM_MISMATCH: "合计不符",
  WEIGHT_TOTAL: "分值合计不符",
  RATE_MISMATCH: "比率与数据不符",
  SCORE_MISMATCH: "得分与规则不符",
  SCORE_OUT_OF_RANGE: "得分超出范围",
  QUAL_BAND: "定性得分与结果不符",
  GRADE_MISMATCH: "等级与总分不符",
  EXEC_OVER_100: "执行率超过100%",
  INCOME_AS_SPENDING: "收入数填作执行数",
  MAGNITUDE: "数量级可疑",
  PERCENT_OVER_100: "百分比超过100%",
  UNIT_MISMATCH: "单位不一致",
  YEAR_MISMATCH: "年度不一致",
  UNKNOWN_CATEGORY: "指标名称不规范",
  OVER_ACHIEVEMENT: "完成值远超目标",
  FORECAST_VALUE: "完成值为预计数",
  GOAL_DUPLICATE: "目标与完成情况相同",
  FIGURE_CONFLICT: "同一数据前后不一致",
  ADDIN_FORMULA: "含加载项公式",
  UNPARSED_VALUE: "无法识别的数值",
};
