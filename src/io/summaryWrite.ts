/* global TextEncoder */
/**
 * The reviewer's summary tables (src/cli/summary.ts) as .xlsx (sheets 汇总 / 问题统计 / 重复 / 说明: frozen
 * header, filters, status colours) or as .csv (the 汇总 sheet only, UTF-8 with BOM so Excel reads the
 * Chinese, CRLF). ExcelJS only, no Node modules: the caller writes the bytes.
 */
import * as ExcelJS from "exceljs";

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
  需人工核对: "FFBDD7EE",
  无法读取: "FFFFE699",
  已跳过: "FFD9D9D9",
  通过: "FFC6EFCE",
};

const HEADER_FILL = "FFD9E1F2";

/** 汇总 column widths (characters), in SUMMARY_HEADER order. */
const SUMMARY_WIDTHS = [5, 28, 16, 26, 26, 9, 6, 32, 9, 9, 7, 8, 8, 6, 6, 64, 8];

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Cell[][],
  widths: number[],
  options: { filter?: boolean; wrap?: number[] } = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => {
      if (v !== "") r.getCell(c + 1).value = v;
    });
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of options.wrap ?? []) {
    ws.getColumn(c).alignment = { wrapText: true, vertical: "top" };
  }
  const width = rows[0]?.length ?? 0;
  if (options.filter && width > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length), column: width } };
  }
  return ws;
}

/** Columns a text takes: CJK and full-width characters count double. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf: unknown = await wb.xlsx.writeBuffer();
  if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return new Uint8Array(buf as ArrayBuffer);
}

export async function summaryToXlsx(t: SummaryTablesLike, date: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  const width = t.summary[0]?.length ?? 0;
  const sum = addTable(wb, "汇总", t.summary, SUMMARY_WIDTHS, { filter: true, wrap: [16] });
  // Row heights for the wrapped 主要问题 (Excel and LibreOffice do not grow rows written by a program).
  const problemCol = 16;
  const problemWidth = SUMMARY_WIDTHS[problemCol - 1];
  t.summary.slice(1).forEach((row, i) => {
    const text = String(row[problemCol - 1] ?? "");
    const lines = text
      .split("\n")
      .reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / (problemWidth * 0.95))), 0);
    const r = sum.getRow(i + 2);
    r.alignment = { vertical: "top" };
    r.getCell(problemCol).alignment = { vertical: "top", wrapText: true };
    if (lines > 1) r.height = 15 * Math.min(lines, 10);
  });
  t.statuses.forEach((status, i) => {
    const fill = STATUS_FILL[status];
    if (fill) {
      const cell = sum.getRow(i + 2).getCell(width);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    }
  });
  for (const c of [9, 10, 11]) sum.getColumn(c).numFmt = "0.00";
  // Printed (or converted to PDF): landscape, all columns on one page width, header repeated.
  sum.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  sum.pageSetup.printTitlesRow = "1:1";
  addTable(wb, "问题统计", t.stats, [22, 22, 10, 10, 10, 10, 10], { filter: true });
  addTable(wb, "重复", t.duplicates, [14, 30, 10, 30, 18, 26, 12, 8], { filter: true });
  addTable(wb, "说明", t.notes, [14, 100], { wrap: [2] });
  return toBytes(wb);
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
