/**
 * How every table a reviewer opens as a sheet is laid out — 汇总.xlsx's four sheets, the 复核底稿 and the
 * 校验报告 — as data, so each writer (src/io with ExcelJS, the preview, the Excel host) applies the same
 * decisions: column widths fitted to the content (capped, CJK characters about two columns wide), which
 * columns wrap, row heights that show the wrapped lines (programs that open a file do not grow rows
 * themselves), header and title rows, the autofilter and the print setup.
 *
 * A table is a list of rows. A row of one cell is a title (a 复核底稿 block's name; it spills over the empty
 * cells to its right and does not widen column A); the row after a title is a header. Without titles the
 * first row is the header, and such a single table gets an autofilter.
 */
import { WORKSHEET_HEADER, type TableCell } from "./table";

/** Print setup of every sheet: A4 landscape, all columns on one page width, the header row repeated. */
export interface PrintLayout {
  /** ECMA-376 paperSize: 9 = A4. */
  paperSize: 9;
  orientation: "landscape";
  fitToWidth: 1;
  /** 0: as many pages down as needed. */
  fitToHeight: 0;
  /** 1-based row repeated at the top of every printed page (the first header row), or null. */
  titleRow: number | null;
  /** Header/footer texts with the codes Excel and LibreOffice share: &A sheet name, &P page, &N pages. */
  header: string;
  footer: string;
}

export interface TableLayout {
  /** Column widths in characters (Excel's unit: the width of "0" in the default font). */
  widths: number[];
  /** Columns whose texts wrap (some text is wider than the column). */
  wrap: boolean[];
  /** Row heights in points, per row; null keeps the default height (a single line). */
  heights: (number | null)[];
  /** 0-based header rows (bold, shaded). */
  headerRows: number[];
  /** 0-based title rows (bold). */
  titleRows: number[];
  /** Autofilter over rows 1…rows (1-based, the header first) and columns 1…columns, or null. */
  filter: { rows: number; columns: number } | null;
  /** Rows frozen at the top (the header of a single table), 0 for none. */
  freezeRows: number;
  print: PrintLayout;
}

export interface LayoutOptions {
  /** Widest a column grows to (characters) before its texts wrap, per column; default DEFAULT_CAP. */
  caps?: readonly (number | undefined)[];
  /** Autofilter on a single table's header (default true); never on titled blocks. */
  filter?: boolean;
  /** How a number shows (e.g. with 2 decimals), for its width; default String(n). */
  numberText?: (n: number, column: number) => string;
}

/** Widest a column grows to before its texts wrap (characters). */
export const DEFAULT_CAP = 40;
/** Narrowest column (characters). */
const MIN_WIDTH = 4;
/** Height of one line of 11-point text (points; CJK fonts such as Noto Sans CJK need about 16.5), and a row's padding. */
export const LINE_HEIGHT = 16.5;
const ROW_PADDING = 3;
/** A row never grows past this many lines (a very long text is cut rather than fill the page). */
const MAX_LINES = 12;

export const PRINT_HEADER = "&A";
export const PRINT_FOOTER = "第 &P 页，共 &N 页";

/** Columns a text takes: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 && !(c >= 0xff61 && c <= 0xff9f) ? 2 : 1;
  }
  return w;
}

/** Lines a text takes in a column `width` characters wide (each explicit line break starts a line). */
export function lineCount(text: string, width: number): number {
  // A column of width w holds a little less than w characters of text (cell padding); CJK text cannot
  // break inside a wide character, so a line holds whole characters only.
  const room = Math.max(1, width - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

function rowKinds(rows: readonly (readonly TableCell[])[]): { titles: number[]; headers: number[] } {
  const titles: number[] = [];
  const headers: number[] = [];
  rows.forEach((row, i) => {
    if (row.length === 1 && typeof row[0] === "string" && row[0] !== "") titles.push(i);
  });
  if (titles.length === 0) {
    if (rows.length > 0) headers.push(0);
  } else {
    for (const t of titles) if (t + 1 < rows.length && rows[t + 1].length > 1) headers.push(t + 1);
  }
  return { titles, headers };
}

/** The layout of a table (see the file comment). */
export function tableLayout(
  rows: readonly (readonly TableCell[])[],
  options: LayoutOptions = {},
): TableLayout {
  const { titles, headers } = rowKinds(rows);
  const titleSet = new Set(titles);
  const headerSet = new Set(headers);
  const columns = rows.reduce((w, r, i) => (titleSet.has(i) ? w : Math.max(w, r.length)), 0);
  const text = (v: TableCell, c: number): string =>
    typeof v === "number" ? (options.numberText?.(v, c) ?? String(v)) : v;

  const widths: number[] = [];
  const wrap: boolean[] = [];
  for (let c = 0; c < columns; c++) {
    const cap = options.caps?.[c] ?? DEFAULT_CAP;
    let content = 0;
    let header = 0;
    let longest = 0;
    rows.forEach((row, r) => {
      if (titleSet.has(r) || c >= row.length) return;
      const lines = text(row[c], c).split("\n");
      const w = Math.max(...lines.map(displayWidth));
      if (headerSet.has(r)) header = Math.max(header, w);
      else content = Math.max(content, w);
      longest = Math.max(longest, w);
    });
    // A header of more than three CJK characters may take two lines, so a short number under a long
    // header keeps a narrow column; a shorter header stays on one line.
    const headerNeed = header <= 6 ? header + 2 : Math.ceil(header / 2) + 2;
    const width = Math.min(cap, Math.max(MIN_WIDTH, content + 2, headerNeed));
    widths.push(width);
    wrap.push(longest > width - 1);
  }

  const heights = rows.map((row, r) => {
    if (titleSet.has(r)) return null;
    let lines = 1;
    row.forEach((v, c) => {
      if (c < columns && wrap[c]) lines = Math.max(lines, lineCount(text(v, c), widths[c]));
      else if (typeof v === "string" && v.includes("\n")) lines = Math.max(lines, v.split("\n").length);
    });
    return lines > 1 ? Math.min(lines, MAX_LINES) * LINE_HEIGHT + ROW_PADDING : null;
  });

  const single = titles.length === 0 && rows.length > 0;
  const filter = single && options.filter !== false && columns > 0 ? { rows: rows.length, columns } : null;
  return {
    widths,
    wrap,
    heights,
    headerRows: headers,
    titleRows: titles,
    filter,
    freezeRows: single ? 1 : 0,
    print: {
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRow: headers.length > 0 ? headers[0] + 1 : null,
      header: PRINT_HEADER,
      footer: PRINT_FOOTER,
    },
  };
}

/** Widest the 复核底稿's 核查项 and 公式/来源 grow to before they wrap (characters). */
export const REVIEW_CAPS: readonly number[] = [30, 50];

/** Whether rows hold 复核底稿 blocks (a WORKSHEET_HEADER row), rather than one table such as the 校验报告. */
export function isReviewTable(rows: readonly (readonly TableCell[])[]): boolean {
  const header = WORKSHEET_HEADER.join("\u0000");
  return rows.some((r) => r.join("\u0000") === header);
}

/** The layout of a sheet a host adds with the pane's 导出校验报告: the 校验报告, or the 复核底稿. */
export function reportSheetLayout(rows: readonly (readonly TableCell[])[]): TableLayout {
  return tableLayout(rows, isReviewTable(rows) ? { caps: REVIEW_CAPS } : {});
}
