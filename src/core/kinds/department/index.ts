/** 部门整体支出绩效自评表 (domain.md §2): the national-style department form. */
import type { FormKindSpec } from "../types";

export const departmentKind: FormKindSpec = {
  kind: "department",
  name: "部门整体支出绩效自评表",
  shortName: "部门整体",
  // A 部门整体 title that is not the 自评报告 (the report kind's own title).
  title: /^(?!.*报告).*(部门整体|整体支出)/,
  labels: {},
  markers: ["header.budgetCode"],
  blocks: { anchors: ["indicators", "budget"], excludes: [] },
  header: [
    { key: "department", name: "预算部门、单位名称", requirement: "required" },
    { key: "budgetCode", name: "预算编码", requirement: "required" },
    { key: "contact", name: "联系人", requirement: "required" },
    { key: "phone", name: "联系电话", requirement: "required" },
  ],
  grade: "required",
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
};
