/**
 * The 自评报告 layout's own labels (kind `report`, domain.md §2.7, seed 004), held as data: its money tables
 * (columns and which sums hold), the 定量目标 table's columns and the 基本概况 staff cells. Compared after
 * normalizeLabel (whitespace, bracket shapes and trailing colons do not matter).
 */
import type { ReportTableKind } from "../../model";

export interface ReportColumnSpec {
  key: string;
  /** Display name for messages. */
  name: string;
  labels: readonly string[];
}

export interface ReportSumSpec {
  /** Column key of the whole ("total" or a part that has parts of its own, e.g. 基本支出). */
  whole: string;
  parts: readonly string[];
}

export interface ReportTableSpec {
  kind: ReportTableKind;
  /** Display name of the table for messages. */
  name: string;
  /** Header of the 合计 column: it identifies the table. */
  total: ReportColumnSpec;
  parts: readonly ReportColumnSpec[];
  /** Sums that hold on every row (the 汇总 row also equals the sum of the 机构 rows, column by column). */
  sums: readonly ReportSumSpec[];
}

export const REPORT_TABLES: readonly ReportTableSpec[] = [
  {
    kind: "income",
    name: "年度收入情况",
    total: { key: "total", name: "收入合计", labels: ["收入合计"] },
    parts: [
      { key: "carryover", name: "上年结转", labels: ["上年结转", "上年结转资金"] },
      { key: "general", name: "公共财政拨款", labels: ["公共财政拨款", "一般公共预算拨款", "财政拨款"] },
      { key: "fund", name: "政府基金拨款", labels: ["政府基金拨款", "政府性基金拨款", "政府性基金预算拨款"] },
      {
        key: "nonTax",
        name: "纳入专户管理的非税收入拨款",
        labels: ["纳入专户管理的非税收入拨款", "非税收入拨款", "财政专户管理资金"],
      },
      { key: "other", name: "其他收入", labels: ["其他收入"] },
    ],
    sums: [{ whole: "total", parts: ["carryover", "general", "fund", "nonTax", "other"] }],
  },
  {
    kind: "spending",
    name: "年度支出和结余情况",
    total: { key: "total", name: "支出合计", labels: ["支出合计"] },
    parts: [
      { key: "basic", name: "基本支出", labels: ["基本支出"] },
      { key: "personnel", name: "人员支出", labels: ["人员支出", "人员经费"] },
      { key: "public", name: "公用支出", labels: ["公用支出", "公用经费"] },
      { key: "project", name: "项目支出", labels: ["项目支出"] },
      { key: "balance", name: "当年结余", labels: ["当年结余"] },
      { key: "accumulated", name: "累计结余", labels: ["累计结余"] },
    ],
    sums: [
      { whole: "total", parts: ["basic", "project"] },
      { whole: "basic", parts: ["personnel", "public"] },
    ],
  },
  {
    kind: "threePublic",
    name: "三公经费",
    total: { key: "total", name: "三公经费合计", labels: ["三公经费合计", "“三公”经费合计"] },
    parts: [
      { key: "reception", name: "公务接待费", labels: ["公务接待费"] },
      { key: "carRunning", name: "公务用车运行维护费", labels: ["公务用车运行维护费"] },
      { key: "carPurchase", name: "公务用车购置费", labels: ["公务用车购置费"] },
      { key: "abroad", name: "因公出国（境）费用", labels: ["因公出国（境）费用", "因公出国（境）费"] },
    ],
    sums: [{ whole: "total", parts: ["reception", "carRunning", "carPurchase", "abroad"] }],
  },
  {
    kind: "assets",
    name: "固定资产",
    total: { key: "total", name: "固定资产合计", labels: ["固定资产合计"] },
    parts: [
      { key: "inUse", name: "在用固定资产", labels: ["在用固定资产"] },
      { key: "rented", name: "出租固定资产", labels: ["出租固定资产"] },
      { key: "other", name: "其他", labels: ["其他"] },
    ],
    sums: [{ whole: "total", parts: ["inUse", "rented", "other"] }],
  },
];

/** The 机构名称 column header of the money tables. */
export const INSTITUTION_LABELS: readonly string[] = ["机构名称", "单位名称", "机构"];
/** A 汇总 row: the sum of the 机构 rows below it. */
export const SUMMARY_ROW_RE = /汇总|合计|总计/;

/** 定量目标 table: 评价内容 | 绩效目标 | 完成情况. */
export const QUANT_LABELS = {
  content: ["评价内容"],
  target: ["绩效目标", "年度绩效目标"],
  actual: ["完成情况", "目标完成情况"],
} as const;

/** 基本概况: 人员编制 / 实有人数. */
export const STAFF_LABELS = {
  authorised: ["人员编制", "编制人数", "编制数"],
  actual: ["实有人数", "实际人数", "实有在职人数"],
} as const;

/** Other labels of the 基本概况 grid: never the value of 联系人 / 联系电话 (the cell below an empty one). */
export const OVERVIEW_LABELS: readonly string[] = [
  ...STAFF_LABELS.authorised,
  ...STAFF_LABELS.actual,
  "职能职责概述",
  "年度主要工作内容",
  "年度部门（单位）总体运行情况及取得的成绩",
];
