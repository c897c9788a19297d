/* global Excel */
/**
 * The layout of a sheet added by 导出校验报告 (校验报告, 复核底稿) in Excel: the same decisions as the files
 * the CLI and the preview write (src/core/review/layout.ts reportSheetLayout), through the Excel JS API.
 *
 * Requirement sets (Excel JavaScript API reference):
 *   1.1  RangeFormat.columnWidth / wrapText / verticalAlignment, RangeFont.bold, RangeFill.color
 *   1.2  RangeFormat.autofitRows (Excel measures the wrapped lines itself)
 *   1.7  Worksheet.freezePanes                                            gated: freezePanes
 *   1.9  Worksheet.autoFilter, Worksheet.pageLayout (orientation, paperSize, zoom, setPrintTitleRows,
 *        headersFooters)                                                   gated: pageLayout
 */
import { columnLetter } from "../core/grid";
import { reportSheetLayout, type TableLayout } from "../core/review/layout";
import type { TableCell } from "../core/review/table";
import type { ExcelFeatures } from "./features";

/** Header rows' fill, as in the files (src/io/tableSheet.ts HEADER_FILL). */
const HEADER_COLOR = "#D9E1F2";

/** Excel's column width in points for a width in characters (Calibri 11: 7 px a character, 5 px padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues the widths, wrapping, header/title styles and row heights of `rows` (already written from A1 of
 * `ws`); with ExcelApi 1.7 the frozen header. Nothing is synced here.
 */
export function queueReportLayout(
  ws: Excel.Worksheet,
  rows: readonly (readonly TableCell[])[],
  features: Pick<ExcelFeatures, "freezePanes">,
): TableLayout {
  const layout = reportSheetLayout(rows);
  const last = Math.max(1, rows.length);
  layout.widths.forEach((w, c) => {
    const column = ws.getRange(`${columnLetter(c)}1:${columnLetter(c)}${last}`);
    column.format.columnWidth = widthInPoints(w);
    column.format.verticalAlignment = "Top";
    if (layout.wrap[c]) column.format.wrapText = true;
  });
  const end = columnLetter(Math.max(0, layout.widths.length - 1));
  for (const r of layout.headerRows) {
    const header = ws.getRange(`A${r + 1}:${end}${r + 1}`);
    header.format.font.bold = true;
    header.format.fill.color = HEADER_COLOR;
    header.format.wrapText = true;
  }
  for (const r of layout.titleRows) ws.getRange(`A${r + 1}`).format.font.bold = true;
  if (layout.widths.length > 0) ws.getRange(`A1:${end}${last}`).format.autofitRows();
  if (features.freezePanes && layout.freezeRows > 0) ws.freezePanes.freezeRows(layout.freezeRows);
  return layout;
}

/**
 * Queues the autofilter and the print setup (A4 landscape, one page wide, header row repeated, sheet name
 * and page numbers) — ExcelApi 1.9, called only when the build has it. Synced apart by the caller, so a
 * build that refuses a print option still keeps the sheet.
 */
export function queueReportPrint(ws: Excel.Worksheet, layout: TableLayout): void {
  const end = columnLetter(Math.max(0, layout.widths.length - 1));
  if (layout.filter) ws.autoFilter.apply(ws.getRange(`A1:${end}${layout.filter.rows}`));
  const p = ws.pageLayout;
  p.orientation = "Landscape";
  p.paperSize = "A4";
  p.zoom = { horizontalFitToPages: layout.print.fitToWidth };
  if (layout.print.titleRow !== null)
    p.setPrintTitleRows(`$${layout.print.titleRow}:$${layout.print.titleRow}`);
  p.headersFooters.defaultForAllPages.centerHeader = layout.print.header;
  p.headersFooters.defaultForAllPages.centerFooter = layout.print.footer;
}
