/**
 * A table written as a sheet with the layout of src/core/review/layout.ts (widths, wrapping, row heights,
 * header and title rows, autofilter, frozen header, print setup), and workbook bytes whose autofilters
 * carry their `_xlnm._FilterDatabase` defined names. ExcelJS only, no Node modules (the browser pages
 * write the same sheets).
 */
import type * as ExcelJS from "exceljs";
import { tableLayout, type LayoutOptions, type TableLayout } from "../core/review/layout";
import type { TableCell } from "../core/review/table";

/** Fill (ARGB) of header rows. */
export const HEADER_FILL = "FFD9E1F2";

/** Applies a layout to a sheet that already holds its rows from A1. */
export function applyLayout(ws: ExcelJS.Worksheet, layout: TableLayout): void {
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const headers = new Set(layout.headerRows);
  const titles = new Set(layout.titleRows);
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const r = n - 1;
    if (titles.has(r)) {
      row.font = { bold: true };
      return;
    }
    const header = headers.has(r);
    for (let c = 0; c < layout.widths.length; c++) {
      const cell = row.getCell(c + 1);
      cell.alignment = { vertical: header ? "middle" : "top", wrapText: header || layout.wrap[c] };
      if (header) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      }
    }
    const h = layout.heights[r];
    if (h !== null && h !== undefined) row.height = h;
  });
  if (layout.filter) {
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: layout.filter.rows, column: layout.filter.columns },
    };
  }
  if (layout.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: layout.freezeRows }];
  const p = layout.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: p.paperSize,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    printTitlesRow: p.titleRow !== null ? `${p.titleRow}:${p.titleRow}` : undefined,
  };
  ws.headerFooter = { oddHeader: `&C${p.header}`, oddFooter: `&C${p.footer}` };
}

/**
 * Writes rows from A1 (numbers as numbers, texts as texts, "" left blank) and lays the sheet out;
 * returns the layout (for colours a caller adds on top).
 */
export function writeTable(
  ws: ExcelJS.Worksheet,
  rows: readonly (readonly TableCell[])[],
  options: LayoutOptions = {},
): TableLayout {
  rows.forEach((row, i) => {
    const r = ws.getRow(i + 1);
    row.forEach((v, c) => {
      if (v !== "") r.getCell(c + 1).value = v;
    });
  });
  const layout = tableLayout(rows, options);
  applyLayout(ws, layout);
  return layout;
}

// ───────────────────────────── bytes ─────────────────────────────

const FILTER_NAME = "_xlnm._FilterDatabase";

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** "A1:Q20" of a sheet's autofilter (ExcelJS keeps it as a string when read, as an object when set). */
export function filterRange(ws: ExcelJS.Worksheet): string | null {
  const f = ws.autoFilter as unknown;
  if (!f) return null;
  if (typeof f === "string") return f.includes(":") ? f : `${f}:${f}`;
  const o = f as { from?: unknown; to?: unknown };
  const corner = (c: unknown): string | null => {
    if (typeof c === "string") return c;
    const x = c as { row?: number; column?: number } | undefined;
    if (!x || !x.row || !x.column) return null;
    let n = x.column;
    let letters = "";
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return `${letters}${x.row}`;
  };
  const from = corner(o.from);
  const to = corner(o.to);
  return from && to ? `${from}:${to}` : null;
}

/**
 * workbook.xml with one hidden `_xlnm._FilterDatabase` name local to each sheet that has an autofilter
 * (as Excel writes them; LibreOffice and WPS drop a filter without it). Names of that kind ExcelJS carried
 * over from a file it read are global and merge every sheet's range, so they are replaced.
 */
export function addFilterNames(workbookXml: string, filters: ReadonlyMap<string, string>): string {
  let xml = workbookXml.replace(
    /<definedName\b[^>]*\bname="_xlnm\._FilterDatabase"[^>]*>[^<]*<\/definedName>/g,
    "",
  );
  const order = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
  const names = order.flatMap((sheet, i) => {
    const range = filters.get(sheet);
    if (!range) return [];
    const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const quoted = `'${sheet.replace(/'/g, "''")}'!${abs}`;
    return [
      `<definedName name="${FILTER_NAME}" localSheetId="${i}" hidden="1">${xmlEscape(quoted)}</definedName>`,
    ];
  });
  if (names.length === 0) return xml.replace(/<definedNames>\s*<\/definedNames>/, "");
  const add = names.join("");
  if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", `${add}</definedNames>`);
  if (xml.includes("<definedNames/>"))
    return xml.replace("<definedNames/>", `<definedNames>${add}</definedNames>`);
  return xml.replace("</sheets>", `</sheets><definedNames>${add}</definedNames>`);
}

interface ZipLike {
  append(data: unknown, options: { name: string }): unknown;
}

/**
 * The workbook as .xlsx bytes, its autofilters with their defined names. ExcelJS (4.4) writes no
 * `_xlnm._FilterDatabase` and no `hidden` attribute on names, so its xl/workbook.xml is amended as it is
 * added to the zip (XLSX.addWorkbook, in the Node and the browser build alike; test/io/tableSheet.test.ts
 * fails if that hook stops being called).
 */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const filters = new Map<string, string>();
  for (const ws of wb.worksheets) {
    const range = filterRange(ws);
    if (range) filters.set(ws.name, range);
  }
  const xlsx = wb.xlsx as unknown as { addWorkbook?: (zip: ZipLike, model: unknown) => Promise<void> };
  const original = xlsx.addWorkbook;
  if (typeof original === "function") {
    xlsx.addWorkbook = function (this: unknown, zip: ZipLike, model: unknown): Promise<void> {
      const patched: ZipLike = {
        append: (data, options) =>
          zip.append(
            options?.name === "xl/workbook.xml" && typeof data === "string"
              ? addFilterNames(data, filters)
              : data,
            options,
          ),
      };
      return original.call(this, patched, model);
    };
  }
  let buf: unknown;
  try {
    buf = await wb.xlsx.writeBuffer();
  } finally {
    delete xlsx.addWorkbook;
  }
  // Node returns a Buffer (a Uint8Array); the browser build returns an ArrayBuffer.
  if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return new Uint8Array(buf as ArrayBuffer);
}
