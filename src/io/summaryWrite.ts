/* global TextEncoder */
/**
 * The reviewer's summary tables (src/cli/summary.ts) as .xlsx (sheets 汇总 / 问题统计 / 重复 / 说明, laid out
 * by src/core/review/layout.ts: fitted widths, wrapped texts, filters, print setup; status colours) or as
 * .csv (the 汇总 sheet only, UTF-8 with BOM so Excel reads the Chinese, CRLF). ExcelJS only, no Node
 * modules: the caller writes the bytes.
 */
import * as ExcelJS from "exceljs";
import type { LayoutOptions } from "../core/review/layout";
import { writeTable, xlsxBytes } from "./tableSheet";

export type Cell = string | number;

export interface SummaryTablesLike {
  summary: Cell[][];
  statuses: string[];
  stats: Cell[][];
  duplicates: Cell[][];
  notes: Cell[][];
}

/** Fill (ARGB) of the 状态 cell. */
export const STATUS_FILL: Record<string, string> = {
  需修改: "FFF8CBAD",
  无法读取: "FFFFE699",
  已跳过: "FFD9D9D9",
  通过: "FFC6EFCE",
};

/**
 * Widest each 汇总 column grows to before it wraps (characters), in SUMMARY_HEADER order: with these the 17
 * columns (about 200 characters) fit an A4 landscape page at about 65 % (fit to width), and the long texts (文件, 单位名称,
 * 评分规则, 主要问题) wrap.
 */
const SUMMARY_CAPS = [5, 26, 16, 12, 18, 14, 6, 18, 8, 8, 8, 6, 6, 5, 5, 44, 8];
/** 汇总 columns (1-based) shown with 2 decimals: 表中总分, 重算总分, 差额. */
const SCORE_COLUMNS = [9, 10, 11];

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Cell[][],
  options: LayoutOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  writeTable(ws, rows, options);
  return ws;
}

export async function summaryToXlsx(t: SummaryTablesLike, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  const width = t.summary[0]?.length ?? 0;
  const sum = addTable(wb, "汇总", t.summary, {
    caps: SUMMARY_CAPS,
    numberText: (n, c) => (SCORE_COLUMNS.includes(c + 1) ? n.toFixed(2) : String(n)),
  });
  t.statuses.forEach((status, i) => {
    const fill = STATUS_FILL[status];
    if (fill) {
      const cell = sum.getRow(i + 2).getCell(width);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    }
  });
  for (const c of SCORE_COLUMNS) sum.getColumn(c).numFmt = "0.00";
  addTable(wb, "问题统计", t.stats);
  addTable(wb, "重复", t.duplicates);
  addTable(wb, "说明", t.notes, { caps: [14, 90], filter: false });
  return xlsxBytes(wb);
}

function csvField(v: Cell): string {
  const s = typeof v === "number" ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The 汇总 sheet as CSV: UTF-8 with BOM, CRLF, fields quoted when they hold , " or a line break. */
export function summaryToCsv(t: SummaryTablesLike): Uint8Array {
  const text = "\uFEFF" + t.summary.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
  return new TextEncoder().encode(text);
}
