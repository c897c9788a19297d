/**
 * The 复核底稿 sheet of a marked copy: the rows of src/core/review/worksheet.ts (one block per form) written
 * with ExcelJS, laid out as every reviewer's table (src/io/tableSheet.ts), the 判断 column coloured (不符 red,
 * 尾差 yellow).
 */
import type * as ExcelJS from "exceljs";
import type { FormResult } from "../core/model";
import { worksheetRows, type TableCell } from "../core/review/table";
import { isReviewTable, REVIEW_CAPS } from "../core/review/layout";
import { writeTable } from "./tableSheet";

export const REVIEW_SHEET = "复核底稿";

/** Fill (ARGB) of a 判断 cell; none for 一致 and 区间内. */
export const VERDICT_FILL: Record<string, string> = {
  不符: "FFF8CBAD",
  超出区间: "FFF8CBAD",
  尾差: "FFFFE699",
  无法核对: "FFD9D9D9",
  人工判断: "FFDDEBF7",
};

/** A sheet name not yet taken: 复核底稿, 复核底稿2, … */
function freeName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  return name;
}

/**
 * Writes table rows from A1 (numbers as numbers, texts as texts) laid out as every reviewer's table
 * (src/core/review/layout.ts: titles and headers bold, widths fitted, 公式/来源 wrapped, print setup), the
 * 判断 column coloured.
 */
export function writeWorksheetRows(ws: ExcelJS.Worksheet, rows: readonly (readonly TableCell[])[]): void {
  const layout = writeTable(ws, rows, { caps: REVIEW_CAPS });
  const headers = new Set(layout.headerRows);
  rows.forEach((row, i) => {
    const verdict = row[5];
    const fill = typeof verdict === "string" && !headers.has(i) ? VERDICT_FILL[verdict] : undefined;
    if (fill)
      ws.getRow(i + 1).getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  });
}

/**
 * A sheet the pane's 导出校验报告 adds (the 校验报告 or the 复核底稿), as the preview writes it into its
 * downloads: laid out as the Excel host lays it out (src/core/review/layout.ts reportSheetLayout).
 */
export function writeReportSheet(ws: ExcelJS.Worksheet, rows: readonly (readonly TableCell[])[]): void {
  if (isReviewTable(rows)) writeWorksheetRows(ws, rows);
  else writeTable(ws, rows);
}

/** Adds the 复核底稿 sheet (every form of the workbook) to `wb`; nothing when no form was found. */
export function addReviewSheet(wb: ExcelJS.Workbook, results: FormResult[]): void {
  // Each form with the profile and plan the checker decided (FormResult.profileUsed, FormResult.plan).
  const rows = worksheetRows(results);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(freeName(wb, REVIEW_SHEET));
  writeWorksheetRows(ws, rows);
}
