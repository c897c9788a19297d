/**
 * The older Hunan 自评报告 layout (domain.md §2.7, seed 004): 基本概况, the money tables (收入 / 支出和结余 /
 * 三公经费 / 固定资产), 定性 and 定量目标 (no points per row), the combined 绩效自评综合得分及评价等次 cell with
 * its 备注 grade bands, and the 一级指标 summary table; no 三级 indicator table. Its blocks are found by
 * ./labels.ts and ./locate.ts, read by ./read.ts and checked by ./checks.ts — both plugged in by ./plugin.ts
 * (registered in src/core/plugins.ts) — with messages in ./messages.ts and the builder in ./template.ts.
 * This spec is data: it imports only its messages.
 */
import type { FormKindSpec } from "../types";
import { REPORT_MSG } from "./messages";

export const reportKind: FormKindSpec = {
  kind: "report",
  name: "部门整体支出绩效自评报告",
  shortName: "自评报告",
  title: /自评报告/,
  // Headers only the report prints (its money tables, 定量/定性目标, 基本概况): one vote for the kind.
  labels: {
    "report.marker": [
      "收入合计",
      "支出合计",
      "三公经费合计",
      "固定资产合计",
      "评价内容",
      "整体支出绩效定性目标及实施计划完成情况",
      "整体支出绩效定量目标及实施计划完成情况",
      "人员编制",
      "实有人数",
    ],
  },
  markers: ["combined", "report.marker"],
  // "report": its money tables or its 定量目标 table (./locate.ts).
  blocks: { anchors: ["summary", "combined", "report"], excludes: ["indicators"] },
  header: [
    { key: "department", name: "预算部门、单位名称", requirement: "required" },
    { key: "budgetCode", name: "预算编码", requirement: "required" },
    { key: "contact", name: "联系人", requirement: "required" },
    { key: "phone", name: "联系电话", requirement: "required" },
  ],
  grade: "required",
  weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
  // The 备注 line printing the grade bands (parseGradeBands, src/core/gradeBands.ts).
  profileHints: (form) => ({
    bands: form.report?.gradeNote?.bands ?? null,
    source: form.report?.gradeNote ? "备注" : null,
  }),
  noSummaryReason: REPORT_MSG.noSummary(),
};
