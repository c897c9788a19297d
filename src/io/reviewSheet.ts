/**
 * The 复核底稿 sheet of a marked copy: the rows of src/core/review/worksheet.ts (one block per form) written
 * with ExcelJS — bold header, wrapped 公式/来源, the 判断 column coloured (不符 red, 尾差 yellow).
 */
import type * as ExcelJS from "exceljs";
import type { FormResult } from "../core/model";
import { WORKSHEET_HEADER, worksheetRows, type TableCell } from "../core/review/table";

export const REVIEW_SHEET = "复核底稿";

/** Fill (ARGB) of a 判断 cell; none for 一致 and 区间内. */
export const VERDICT_FILL: Record<string, string> = {
  不符: "FFF8CBAD",
  超出区间: "FFF8CBAD",
  尾差: "FFFFE699",
  无法核对: "FFD9D9D9",
  人工判断: "FFDDEBF7",
};

const WIDTHS = [34, 60, 12, 12, 10, 10, 14];

/** A sheet name not yet taken: 复核底稿, 复核底稿2, … */
function freeName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  return name;
}

/** Writes table rows from A1: numbers as numbers, texts as texts; the header rows bold. */
export function writeWorksheetRows(ws: ExcelJS.Worksheet, rows: TableCell[][]): void {
  const header = WORKSHEET_HEADER.join("\u0000");
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => {
      if (v !== "") r.getCell(c + 1).value = v;
    });
    const isTitle = row.length === 1;
    const isHeader = row.join("\u0000") === header;
    if (isTitle || isHeader) r.font = { bold: true };
    if (isHeader)
      r.eachCell((cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      });
    const verdict = row[5];
    const fill = typeof verdict === "string" && !isHeader ? VERDICT_FILL[verdict] : undefined;
    if (fill) r.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    if (!isTitle) r.getCell(2).alignment = { wrapText: true, vertical: "top" };
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Adds the 复核底稿 sheet (every form of the workbook) to `wb`; nothing when no form was found. */
export function addReviewSheet(wb: ExcelJS.Workbook, results: FormResult[]): void {
  // Each form with the profile and plan the checker decided (FormResult.profileUsed, FormResult.plan).
  const rows = worksheetRows(results);
  if (rows.length === 0) return;
  const ws = wb.addWorksheet(freeName(wb, REVIEW_SHEET));
  writeWorksheetRows(ws, rows);
}
