/**
 * 项目支出绩效自评表 (domain.md §2.8), national template of 2020: 项目名称 / 主管部门 / 实施单位, block
 * 项目资金（万元） with 全年预算数（A） | 全年执行数（B） | 执行率（B/A）, 年度总体目标, the indicator table
 * (一级 cells like 产出指标（50分）), 总分. No 预算编码, 联系人 or 等级 row on the template: those are checked
 * only when a province's variant prints them. Provincial variants (Yunnan 2020, Sichuan) are data in
 * ./variants.ts; their builder is ./template.ts.
 */
import type { FormKindSpec } from "../types";
import { variantLabels } from "./labels";

export const projectKind: FormKindSpec = {
  kind: "project",
  name: "项目支出绩效自评表",
  shortName: "项目",
  // A title naming both (部门整体支出…（含项目支出）) is the department's.
  title: /^(?!.*(部门整体|整体支出)).*(项目支出|项目绩效)/,
  labels: {
    "header.projectName": ["项目名称"],
    "header.implementer": ["实施单位", "项目实施单位"],
    // Provincial variants (Yunnan 2020, Sichuan): their budget sub-rows and column headings (./labels.ts; layouts in ./variants.ts).
    ...variantLabels(),
  },
  markers: ["header.projectName", "header.implementer"],
  blocks: { anchors: ["indicators", "budget"], excludes: [] },
  header: [
    { key: "projectName", name: "项目名称", requirement: "required" },
    { key: "department", name: "主管部门", requirement: "required" },
    { key: "implementer", name: "实施单位", requirement: "required" },
    { key: "budgetCode", name: "预算编码", requirement: "if-printed" },
    { key: "contact", name: "联系人", requirement: "if-printed" },
    { key: "phone", name: "联系电话", requirement: "if-printed" },
  ],
  grade: "if-printed",
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
};
