/**
 * The older Hunan 自评报告 layout (domain.md §2.7, seed 004): 一级指标 summary table and the combined
 * 绩效自评综合得分及评价等次 cell, no 三级 indicator table.
 */
import type { FormKindSpec } from "../types";

export const reportKind: FormKindSpec = {
  kind: "report",
  name: "部门整体支出绩效自评报告",
  shortName: "自评报告",
  title: /自评报告/,
  labels: {},
  markers: ["combined"],
  blocks: { anchors: ["summary", "combined"], excludes: ["indicators"] },
  header: [
    { key: "department", name: "预算部门、单位名称", requirement: "required" },
    { key: "budgetCode", name: "预算编码", requirement: "required" },
    { key: "contact", name: "联系人", requirement: "required" },
    { key: "phone", name: "联系电话", requirement: "required" },
  ],
  grade: "required",
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
};
