/**
 * Grid → form: finds every 部门整体支出绩效自评表 in a workbook by its labels (never by fixed addresses).
 * One pass indexes each sheet's short text cells; the block finders work from that index, so the cost
 * is linear in the number of cells. Never throws.
 */
import type { CellRange, CellRef, Sheet, Workbook } from "../grid";
import type { FormField, SelfEvalForm } from "../model";
import { locateBudget } from "./budget";
import { locateGoals } from "./goals";
import { locateHeader, locateTitle } from "./header";
import { locateSummary } from "./hunan";
import { locateIndicators } from "./indicators";
import { SheetIndex } from "./scan";
import { locateTotal } from "./total";

export function locateForms(wb: Workbook): SelfEvalForm[] {
  const out: SelfEvalForm[] = [];
  const sheets = wb && Array.isArray(wb.sheets) ? wb.sheets : [];
  for (const sheet of sheets) {
    try {
      const form = locateSheet(sheet);
      if (form) out.push(form);
    } catch {
      // A malformed sheet is skipped: the locator must never throw.
    }
  }
  return out;
}

/** The form on one sheet, or null when the sheet holds none. */
export function locateSheet(sheet: Sheet): SelfEvalForm | null {
  if (!sheet || typeof sheet !== "object") return null;
  const ix = new SheetIndex({ ...sheet, name: typeof sheet.name === "string" ? sheet.name : "" });
  const located = locateIndicators(ix);
  const budget = locateBudget(ix);
  const summary = locateSummary(ix);
  if (!located && !budget && !summary) return null;

  const blockRows = [located?.table.headerRef.row, budget?.titleRef.row, summary?.header.row].filter(
    (r): r is number => r !== undefined,
  );
  const firstBlockRow = Math.min(...blockRows);
  const { titleRef, year, yearRef } = locateTitle(ix, firstBlockRow);
  const header = locateHeader(ix);
  const goals = locateGoals(ix);
  const { total, grade, combinedScoreGrade } = locateTotal(ix, located);

  const form: SelfEvalForm = {
    layout: located ? "standard" : summary ? "hunan-report" : "standard",
    sheet: ix.sheet.name,
    bounds: { top: 0, left: 0, bottom: 0, right: 0 },
    titleRef,
    year,
    yearRef,
    header,
    budget,
    goals,
    indicators: located?.table ?? null,
    level1Summary: summary?.rows ?? [],
    total,
    grade,
    combinedScoreGrade,
  };
  form.bounds = boundsOf(form);
  return form;
}

/** The rectangle spanning every cell the form refers to. */
function boundsOf(form: SelfEvalForm): CellRange {
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = -1;
  let right = -1;
  const add = (ref: CellRef | null | undefined): void => {
    if (!ref) return;
    if (ref.row < top) top = ref.row;
    if (ref.col < left) left = ref.col;
    if (ref.row > bottom) bottom = ref.row;
    if (ref.col > right) right = ref.col;
  };
  const addField = (f: FormField | null | undefined): void => {
    if (!f) return;
    add(f.labelRef);
    add(f.ref);
  };
  add(form.titleRef);
  add(form.yearRef);
  for (const f of Object.values(form.header)) addField(f);
  if (form.budget) {
    add(form.budget.titleRef);
    for (const r of form.budget.rows) {
      add(r.labelRef);
      for (const f of [r.initialBudget, r.fullYearBudget, r.executed, r.weight, r.rate, r.score]) addField(f);
    }
  }
  addField(form.goals.expected);
  addField(form.goals.actual);
  if (form.indicators) {
    add(form.indicators.headerRef);
    const rows = form.indicators.rows;
    // Rows are contiguous: the first and the last bound them (columns are the same on every row).
    for (const r of rows.length > 2 ? [rows[0], rows[rows.length - 1]] : rows) {
      add(r.level1Ref);
      add(r.level2Ref);
      add(r.nameRef);
      for (const f of [r.nature, r.unit, r.target, r.actual, r.weight, r.score, r.reason]) addField(f);
    }
  }
  for (const s of form.level1Summary) {
    add(s.nameRef);
    for (const f of [s.weight, s.score, s.rate]) addField(f);
  }
  addField(form.total.weight);
  addField(form.total.score);
  addField(form.grade);
  addField(form.combinedScoreGrade);
  if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top, left, bottom, right };
}
