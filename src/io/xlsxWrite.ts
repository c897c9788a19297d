/**
 * Grid model → .xlsx, and the "marked copy" of a checked file. ExcelJS only; no Node modules, so the
 * browser preview can offer the marked copy as a download too.
 */
import * as ExcelJS from "exceljs";
import type { CellRef, CellValue, Workbook } from "../core/grid";
import type { CorrectionPlan, FormResult, Severity } from "../core/model";
import { displayValue, formCellHint } from "../core/display";
import { cellMarks, combinedScoreGradeText, MARK_COLORS, sameRef } from "../core/marks";
import { xlsxBytes } from "./tableSheet";
import { serialToDate } from "./xlsxRead";

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

function addNote(cell: ExcelJS.Cell, line: string): void {
  const n = cell.note as unknown;
  const old =
    typeof n === "string"
      ? n
      : ((n as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join("");
  cell.note = old ? `${old}\n${line}` : line;
}

/** Every change of the plan into its cell (lower levels first, as the plan lists them). */
function applyPlan(wb: ExcelJS.Workbook, result: FormResult, plan: CorrectionPlan): void {
  for (const c of plan.changes) {
    const ws = wb.getWorksheet(c.ref.sheet);
    if (!ws) continue;
    const cell = masterCell(ws, c.ref);
    cell.value = c.value;
    // As the cell shows values: its number format, and the unit of a budget amount (core/display).
    const formHint = formCellHint(result.form, c.ref);
    const hint = { ...formHint, numberFormat: formHint.numberFormat ?? cell.numFmt };
    addNote(
      cell,
      `已按评分规则改为 ${displayValue(c.value, hint)}（原填写 ${displayValue(c.typed, hint)}）。`,
    );
  }
}

/** Without a plan: the computed total and grade into their cells (one combined text for the older form). */
function writeTotalAndGrade(wb: ExcelJS.Workbook, result: FormResult): void {
  const { total: totalRef, grade: gradeRef } = result.writeBack;
  const total = result.total.computed;
  const grade = result.grade.computed;
  const combinedRef = result.form?.combinedScoreGrade?.ref ?? null;
  const combined =
    (totalRef && gradeRef && sameRef(totalRef, gradeRef)) || (totalRef && sameRef(totalRef, combinedRef))
      ? totalRef
      : gradeRef && sameRef(gradeRef, combinedRef)
        ? gradeRef
        : null;
  if (combined) {
    if (total === null && grade === null) return;
    const ws = wb.getWorksheet(combined.sheet);
    if (!ws) return;
    const cell = masterCell(ws, combined);
    cell.value = combinedScoreGradeText(existingText(cell), total, grade);
    return;
  }
  if (totalRef && total !== null) {
    const ws = wb.getWorksheet(totalRef.sheet);
    if (ws) masterCell(ws, totalRef).value = total;
  }
  if (gradeRef && grade !== null) {
    const ws = wb.getWorksheet(gradeRef.sheet);
    if (ws) masterCell(ws, gradeRef).value = grade;
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

function existingText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  return "";
}

/**
 * A copy of the original file with the finding cells filled (red/yellow/blue by severity) and a note
 * carrying the messages, and the form's correction plan applied (item scores, rates, subtotals, total,
 * grade — the same plan as the pane's 全部采用重算值并写回), each changed cell noting what was typed.
 * Without a plan, the computed total and grade. Nothing else is changed on purpose (ExcelJS may drop
 * parts it does not model, such as charts and images).
 */
export async function markedCopy(
  original: ArrayBuffer | Uint8Array,
  results: FormResult[],
  /** Last change before saving (the CLI adds its 复核底稿 sheet, src/io/reviewSheet.ts). */
  decorate?: (wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ExcelJS.Buffer);

  // One mark per cell: the worst severity sets the fill; every message goes into the note.
  for (const { ref, severity, note } of cellMarks(results)) {
    const ws = wb.getWorksheet(ref.sheet);
    if (!ws) continue;
    const cell = masterCell(ws, ref);
    // ExcelJS shares one style object between all cells loaded with the same style: setting
    // `cell.fill` would recolour every one of them. Give the marked cell its own style first.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[severity] } },
    };
    cell.note = note;
  }

  for (const result of results) {
    if (result.plan) applyPlan(wb, result, result.plan);
    else writeTotalAndGrade(wb, result);
  }
  decorate?.(wb);
  return toBytes(wb);
}
