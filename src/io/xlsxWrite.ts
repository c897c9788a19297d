/**
 * Grid model → .xlsx, and the "marked copy" of a checked file. ExcelJS only; no Node modules, so the
 * browser preview can offer the marked copy as a download too.
 */
import * as ExcelJS from "exceljs";
import type { CellRef, CellValue, Workbook } from "../core/grid";
import type { FormResult, PlannedChange, Severity } from "../core/model";
import { displayValue, formCellHint } from "../core/display";
import { cellMarks, combinedScoreGradeText, MARK_COLORS, type CellMark } from "../core/marks";
import { xlsxBytes } from "./tableSheet";
import { excelJsToWorkbook, serialToDate } from "./xlsxRead";

export { combinedScoreGradeText };

/** Fixed document dates so generated files do not change from one run to the next. */
export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

export interface WriteOptions {
  /** docProps creator; default "绩效自评助手". */
  creator?: string;
  /** docProps created/modified; default FIXED_DATE. */
  date?: Date;
}

type ResultValue = number | string | boolean | Date | { error: ExcelJS.CellErrorValue["error"] } | undefined;

function toExcelValue(v: CellValue): ResultValue {
  switch (v.kind) {
    case "empty":
      return undefined;
    case "number":
    case "text":
    case "boolean":
      return v.value;
    case "error":
      return { error: v.value as ExcelJS.CellErrorValue["error"] };
    case "date":
      return serialToDate(v.serial);
  }
}

/** The bytes, every autofilter with its `_xlnm._FilterDatabase` name (LibreOffice and WPS need it). */
function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return xlsxBytes(wb);
}

/** Write a grid workbook as .xlsx: values, formulas (with their cached results), number formats, merges, hidden sheets. */
export async function workbookToXlsx(model: Workbook, options: WriteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const date = options.date ?? FIXED_DATE;
  wb.creator = options.creator ?? "绩效自评助手";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    const widths: number[] = [];
    sheet.cells.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        const v = toExcelValue(cell.value);
        if (cell.formula !== undefined && cell.formula !== "") {
          const f = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
          target.value = (
            v === undefined ? { formula: f } : { formula: f, result: v }
          ) as ExcelJS.CellFormulaValue;
        } else if (v !== undefined) {
          target.value = v as ExcelJS.CellValue;
        }
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
        if (cell.value.kind === "text") {
          // Rough width: CJK characters count double; capped so long texts wrap instead.
          let w = 0;
          for (const ch of cell.value.value) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
          widths[c] = Math.max(widths[c] ?? 8, Math.min(w + 2, 40));
        }
      });
    });
    widths.forEach((w, c) => {
      if (w) ws.getColumn(c + 1).width = w;
    });
    // Merge after the values: ExcelJS redirects writes to a merged slave cell to its master.
    for (const m of sheet.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
  }
  return toBytes(wb);
}

// ───────────────────────────── marked copy ─────────────────────────────

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === "string") return n;
  return ((n as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join("");
}

/** Adds a line to the cell's note, after what it already says (the person's own note is kept). */
function addNote(cell: ExcelJS.Cell, line: string): void {
  const old = noteText(cell);
  if (old.split("\n").includes(line)) return;
  cell.note = old ? `${old}\n${line}` : line;
}

/** What --fix may apply of a form: every change of its plan, or nothing and why. */
export type FixOfForm = { apply: true; changes: PlannedChange[] } | { apply: false; reason: string };

/**
 * The plan of a form is applied whole or not at all: only when it computes the total (every part of the
 * total follows from figures the checker trusts). Otherwise the copy keeps the typed values: a partial
 * correction would leave items and total disagreeing, or rest on a figure the checker itself doubts.
 */
export function fixOfForm(result: FormResult): FixOfForm {
  if (!result.form) return { apply: false, reason: "没有找到自评表" };
  const plan = result.plan;
  if (!plan) return { apply: false, reason: "未能生成改正方案" };
  if (plan.total === null) return { apply: false, reason: "总分无法按规则重算（原因见检查结果）" };
  return { apply: true, changes: plan.changes };
}

/** The cell as the change's note shows values: its number format, and the unit of a budget amount. */
function hintFor(result: FormResult, cell: ExcelJS.Cell, ref: CellRef) {
  const formHint = formCellHint(result.form, ref);
  return { ...formHint, numberFormat: formHint.numberFormat ?? cell.numFmt };
}

/** Every change of the plan into its cell (lower levels first, as the plan lists them), noting what was typed. */
function applyChanges(wb: ExcelJS.Workbook, result: FormResult, changes: PlannedChange[]): void {
  for (const c of changes) {
    const ws = wb.getWorksheet(c.ref.sheet);
    if (!ws) continue;
    const cell = masterCell(ws, c.ref);
    const hint = hintFor(result, cell, c.ref);
    cell.value = c.value;
    addNote(
      cell,
      `已按评分规则改为 ${displayValue(c.value, hint)}（原填写 ${displayValue(c.typed, hint)}）。`,
    );
  }
}

/** The plan's proposals as notes only; the cells keep what was typed. */
function noteProposals(wb: ExcelJS.Workbook, result: FormResult, changes: PlannedChange[]): void {
  for (const c of changes) {
    const ws = wb.getWorksheet(c.ref.sheet);
    if (!ws) continue;
    const cell = masterCell(ws, c.ref);
    const hint = hintFor(result, cell, c.ref);
    const typed = c.typed === null ? "未填写" : `现填写 ${displayValue(c.typed, hint)}`;
    addNote(cell, `按规则应为 ${displayValue(c.value, hint)}（${typed}）。`);
  }
}

/** Fill colours (ARGB) for marked cells, from the core's one table. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: `FF${MARK_COLORS.error.slice(1)}`,
  warning: `FF${MARK_COLORS.warning.slice(1)}`,
  info: `FF${MARK_COLORS.info.slice(1)}`,
};

/** Master cell of a merge (findings may point at any cell of a merged area). */
function masterOf(cell: ExcelJS.Cell): ExcelJS.Cell {
  return cell.type === ExcelJS.ValueType.Merge && cell.master ? cell.master : cell;
}

function masterCell(ws: ExcelJS.Worksheet, ref: CellRef): ExcelJS.Cell {
  return masterOf(ws.getCell(ref.row + 1, ref.col + 1));
}

export interface MarkedCopyOptions {
  /**
   * The cells to fill and their notes. Default: one per finding cell (core/marks cellMarks). The pages
   * pass the marks the sheet shows now, so a copy downloaded after 清除标记 has none.
   */
  marks?: readonly CellMark[];
  /** Whether the plans' proposed values go into notes ("按规则应为 10（现填写 8）"). Default true. */
  proposals?: boolean;
  /**
   * Apply each form's correction plan (command line --fix), when the plan computes the total
   * (fixOfForm). Default false: every typed value and formula stays exactly as it was.
   */
  fix?: boolean;
  /**
   * Last change before saving (the 复核底稿 sheet). `copy()` reads the copy as it now stands, so a sheet
   * built from it reports the copy's own cells.
   */
  decorate?: (wb: ExcelJS.Workbook, copy: () => Workbook) => void;
}

/**
 * A copy of the original file with the marked cells filled (red/yellow/blue by severity) and a note
 * carrying the messages and the plan's proposed values. Values and formulas change only with `fix`
 * (then each changed cell notes what was typed). Nothing else is changed on purpose (ExcelJS may drop
 * parts it does not model, such as charts and images).
 */
export async function markedCopy(
  original: ArrayBuffer | Uint8Array,
  results: FormResult[],
  options: MarkedCopyOptions = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ExcelJS.Buffer);

  // One mark per cell: the worst severity sets the fill; every message goes into the note.
  for (const { ref, severity, note } of options.marks ?? cellMarks(results)) {
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) continue;
    const cell = masterCell(ws, ref);
    // ExcelJS shares one style object between all cells loaded with the same style: setting
    // `cell.fill` would recolour every one of them. Give the marked cell its own style first.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[severity] } },
    };
    for (const line of note.split("\n")) if (line) addNote(cell, line);
  }

  for (const result of results) {
    const fix = fixOfForm(result);
    if (options.fix && fix.apply) applyChanges(wb, result, fix.changes);
    else if (options.proposals !== false && result.plan) noteProposals(wb, result, result.plan.changes);
  }
  options.decorate?.(wb, () => excelJsToWorkbook(wb));
  return toBytes(wb);
}
