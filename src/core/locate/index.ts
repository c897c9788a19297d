/**
 * Grid → form: finds every self-evaluation form in a workbook by its labels (never by fixed addresses) and
 * decides its kind (部门整体 / 项目 / 自评报告) from the kind specs in src/core/kinds/. One pass indexes each
 * sheet's short text cells; the block finders work from that index, so the cost is linear in the number of
 * cells. Never throws.
 */
import type { CellRange, CellRef, Sheet, Workbook } from "../grid";
import type { FormField, SelfEvalForm } from "../model";
import type { LabelRole } from "../labels";
import { type FormKindSpec, chooseKind } from "../kinds";
import { locateBudget } from "./budget";
import { locateGoals } from "./goals";
import { TITLE_RE, locateHeader, locateTitle } from "./header";
import { locateSummary } from "./hunan";
import { locateIndicators } from "./indicators";
import { buildLedger } from "./ledger";
import { locateGradeNote, locateReport, reportHeader } from "../kinds/report/locate";
import { type Bands, SheetIndex, type TextCell, hasContent } from "./scan";
import { locateTotal } from "./total";

/** An area that holds a form's blocks but whose kind cannot be told (signs of two kinds in equal number). */
export interface KindConflict {
  sheet: string;
  /** The two kinds whose signs tie. */
  kinds: [FormKindSpec, FormKindSpec];
}

/** What the locator found in a workbook, in reading order: forms, and areas not read because of a kind conflict. */
export type Located =
  { form: SelfEvalForm; conflict?: undefined } | { form?: undefined; conflict: KindConflict };

export function locateForms(wb: Workbook): SelfEvalForm[] {
  const out: SelfEvalForm[] = [];
  for (const x of locateWorkbook(wb)) if (x.form) out.push(x.form);
  return out;
}

/** Every form of a workbook, and every sheet left unread because its kind is ambiguous. Never throws. */
export function locateWorkbook(wb: Workbook): Located[] {
  const out: Located[] = [];
  const sheets = wb && Array.isArray(wb.sheets) ? wb.sheets : [];
  for (const sheet of sheets) {
    try {
      out.push(...locateSheetAll(sheet));
    } catch {
      // A malformed sheet is skipped: the locator must never throw.
    }
  }
  return out;
}

/** The first form on one sheet (top, or left when side by side), or null when the sheet holds none. */
export function locateSheet(sheet: Sheet): SelfEvalForm | null {
  return locateSheetForms(sheet)[0] ?? null;
}

/** Every form on one sheet, in reading order (see locateSheetAll). */
export function locateSheetForms(sheet: Sheet): SelfEvalForm[] {
  const out: SelfEvalForm[] = [];
  for (const x of locateSheetAll(sheet)) if (x.form) out.push(x.form);
  return out;
}

/**
 * Every form on one sheet, in reading order. A sheet holding two or more forms (stacked, or side by side
 * with an empty column between them) is split into bands at the forms' anchors, and each band is located
 * on its own, so no form reaches into another's cells.
 */
function locateSheetAll(sheet: Sheet): Located[] {
  if (!sheet || typeof sheet !== "object") return [];
  const named = { ...sheet, name: typeof sheet.name === "string" ? sheet.name : "" };
  const ix = new SheetIndex(named);
  const split = findBands(ix);
  if (split) {
    const found: Located[] = [];
    for (const band of ix.split(split.bands)) {
      const x = locateIn(band);
      if (x) found.push(x);
    }
    // Every band must hold a form with its own block of the anchor's kind; otherwise the "second form"
    // was a stray label, and the sheet is read as one form.
    if (
      found.length === split.bands.ranges.length &&
      found.every((x) => x.form !== undefined && hasBlock(x.form, split.kind))
    )
      return found;
  }
  const x = locateIn(ix);
  return x ? [x] : [];
}

type AnchorKind = "indicators" | "summary" | "budget";

function hasBlock(form: SelfEvalForm, kind: AnchorKind): boolean {
  switch (kind) {
    case "indicators":
      return (form.indicators?.rows.length ?? 0) > 0;
    case "summary":
      return form.level1Summary.length > 0;
    case "budget":
      return form.budget?.total != null;
  }
}

function locateIn(ix: SheetIndex): Located | null {
  const located = locateIndicators(ix);
  // The 自评报告's own blocks (money tables, 定量目标 rows) are looked for only without a standard indicator
  // table: a sheet half like the department form and half like the report is never read as a mix.
  const reportBlocks = located ? null : locateReport(ix);
  const budget = locateBudget(ix);
  const summary = locateSummary(ix);
  if (!located && !budget && !summary && !reportBlocks) return null;
  const combinedHit = ix.hits("combined").length > 0;

  const blockRows = [
    located?.table.headerRef.row,
    budget?.titleRef.row,
    summary?.header.row,
    reportBlocks?.firstRow,
  ].filter((r): r is number => r !== undefined);
  const firstBlockRow = Math.min(...blockRows);
  const { titleRef, titleText, year, yearRef } = locateTitle(ix, firstBlockRow);
  const choice = chooseKind({
    title: titleText,
    roles: new Set(ix.byRole.keys() as Iterable<LabelRole>),
    hasIndicators: located !== null,
    hasBudget: budget !== null,
    hasSummary: summary !== null,
    hasCombined: combinedHit,
    hasReportBlocks: reportBlocks !== null,
  });
  if (choice.kind === null) {
    return choice.conflict ? { conflict: { sheet: ix.sheet.name, kinds: choice.conflict } } : null;
  }
  const isReport = choice.kind === "report";
  const header = isReport ? reportHeader(ix, locateHeader(ix)) : locateHeader(ix);
  const goals = locateGoals(ix);
  const { total, grade, combinedScoreGrade } = locateTotal(ix, located);

  const form: SelfEvalForm = {
    kind: choice.kind,
    sheet: ix.sheet.name,
    bounds: { top: 0, left: 0, bottom: 0, right: 0 },
    titleRef,
    year,
    yearRef,
    header,
    // The 自评报告 has no 预算资金 block (its rate is 支出合计 ÷ 收入合计): a stray one is not read into it.
    budget: isReport ? null : budget,
    goals,
    indicators: located?.table ?? (isReport ? reportBlocks?.quantitative : null) ?? null,
    level1Summary: summary?.rows ?? [],
    total,
    grade,
    combinedScoreGrade,
    report: isReport
      ? {
          staff: reportBlocks?.blocks.staff ?? { authorised: null, actual: null },
          tables: reportBlocks?.blocks.tables ?? [],
          quantitativeRef: reportBlocks?.blocks.quantitativeRef ?? null,
          gradeNote: locateGradeNote(ix, combinedScoreGrade),
        }
      : null,
  };
  form.bounds = boundsOf(form);
  form.ledger = buildLedger(ix, form, located);
  return { form };
}

// ───────────────────────────── several forms on one sheet ─────────────────────────────

interface Anchor {
  row: number;
  col: number;
}

/** 三级指标 on a row that also has 一级指标 or 二级指标: the indicator table's header (one per table). */
function indicatorAnchors(ix: SheetIndex): Anchor[] {
  const out: Anchor[] = [];
  for (const h of ix.hits("ind.col.name")) {
    const row = ix.rowHits(h.row);
    if (row.some((x) => x.roles.includes("ind.col.level1") || x.roles.includes("ind.col.level2")))
      out.push({ row: h.row, col: h.col });
  }
  return out;
}

/** 一级指标 | 指标分值 | 自评得分 (the older Hunan form's summary table). */
function summaryAnchors(ix: SheetIndex): Anchor[] {
  const out: Anchor[] = [];
  for (const h of ix.hits("ind.col.level1")) {
    const row = ix.rowHits(h.row);
    if (row.some((x) => x.roles.includes("ind.col.level2") || x.roles.includes("ind.col.name"))) continue;
    if (row.some((x) => x.roles.includes("summary.col.score") || x.roles.includes("summary.col.rate")))
      out.push({ row: h.row, col: h.col });
  }
  return out;
}

const distinctRows = (xs: Anchor[]): number => new Set(xs.map((a) => a.row)).size;

/**
 * Bands when the sheet holds two or more forms; null for one form (the usual case: nothing to split).
 * The anchors are the most distinctive block the sheet has: the indicator table's header row (a row with
 * 三级指标 and 一级/二级指标), else the older form's summary header, else the budget block's title. A split
 * needs a second, independent sign of several forms (two titles, two 单位名称, two 总分 …), so a single form
 * with a repeated table header or a stray label is not cut in two (and locateSheetForms checks each band).
 */
function findBands(ix: SheetIndex): { bands: Bands; kind: AnchorKind } | null {
  const indicators = indicatorAnchors(ix);
  const budgets = ix.hits("budget.title").map((h) => ({ row: h.row, col: h.col }));
  const summaries = summaryAnchors(ix);
  const [anchors, kind]: [Anchor[], AnchorKind] =
    indicators.length > 0
      ? [indicators, "indicators"]
      : summaries.length > 0
        ? [summaries, "summary"]
        : [budgets, "budget"];
  if (anchors.length < 2) return null;

  const titles = ix.texts.filter((t) => TITLE_RE.test(t.norm));
  const signs = [
    indicators.length,
    budgets.length,
    summaries.length,
    titles.length,
    ix.hits("header.department").length,
    ix.hits("total").length,
    ix.hits("grade").length,
  ];
  if (signs.filter((n) => n >= 2).length < 2) return null;

  const bands = sideBySide(ix, anchors) ?? stacked(ix, anchors, titles);
  return bands ? { bands, kind } : null;
}

/** Anchors in distinct columns with an empty column (over the whole sheet) between each pair. */
function sideBySide(ix: SheetIndex, anchors: Anchor[]): Bands | null {
  const byCol = [...anchors].sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 1; i < byCol.length; i++) if (byCol[i].col === byCol[i - 1].col) return null;
  const used = usedColumns(ix.sheet);
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < byCol.length; i++) {
    // The empty column nearest to the next form: that form's own left part (一级/二级 columns) stays with it.
    let cut = -1;
    for (let c = byCol[i].col - 1; c > byCol[i - 1].col; c--) {
      if (!used[c]) {
        cut = c + 1;
        break;
      }
    }
    if (cut < 0) return null;
    ranges.push([start, cut - 1]);
    start = cut;
  }
  ranges.push([start, Number.MAX_SAFE_INTEGER]);
  return { axis: "cols", ranges };
}

/** Columns holding any content, over all rows (one pass over the cells). */
function usedColumns(sheet: Sheet): boolean[] {
  const used: boolean[] = [];
  const rows = Array.isArray(sheet.cells) ? sheet.cells : [];
  for (const r of rows) {
    if (!Array.isArray(r)) continue;
    r.forEach((cell, c) => {
      if (!used[c] && cell && typeof cell === "object" && cell.value && hasContent(cell)) used[c] = true;
    });
  }
  return used;
}

/**
 * Anchors on distinct rows, each pair with the first form's end (总分 / 等级 / 综合得分) between them: each
 * cut lies after that end, at the next form's top (its title or first header label) when there is one.
 */
function stacked(ix: SheetIndex, anchors: Anchor[], titles: TextCell[]): Bands | null {
  if (distinctRows(anchors) !== anchors.length) return null;
  const rows = anchors.map((a) => a.row).sort((a, b) => a - b);
  // Rows where a form ends (总分, 等级, 综合得分) and where one starts (title, header labels), sorted.
  const ends: { row: number; bottom: number }[] = [];
  for (const role of ["total", "grade", "combined"] as const)
    for (const h of ix.hits(role)) ends.push({ row: h.row, bottom: ix.bottomEdge(h.row, h.col) });
  ends.sort((a, b) => a.row - b.row);
  const starts: number[] = titles.map((t) => t.row);
  for (const role of ["header.department", "header.budgetCode", "header.contact", "header.phone"] as const)
    for (const h of ix.hits(role)) starts.push(h.row);
  starts.sort((a, b) => a - b);

  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    // The previous form must end (总分 / 等级) before the next anchor: a repeated table header inside one
    // form has no end between, and is not a second form.
    const e = lastBefore(ends, b);
    if (!e || e.row < a) return null;
    const lower = e.bottom + 1;
    const s = firstAtOrAfter(starts, lower);
    const cut = Math.min(Math.max(s !== undefined && s <= b ? s : lower, a + 1), b);
    ranges.push([start, cut - 1]);
    start = cut;
  }
  ranges.push([start, Number.MAX_SAFE_INTEGER]);
  return { axis: "rows", ranges };
}

/** The last entry whose row is < row (binary search over entries sorted by row). */
function lastBefore<T extends { row: number }>(sorted: T[], row: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].row < row) {
      found = sorted[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The first value ≥ x in a sorted list. */
function firstAtOrAfter(sorted: number[], x: number): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] >= x) {
      found = sorted[mid];
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
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
  if (form.report) {
    addField(form.report.staff.authorised);
    addField(form.report.staff.actual);
    add(form.report.quantitativeRef);
    addField(form.report.gradeNote?.field);
    for (const t of form.report.tables) {
      add(t.headerRef);
      // Rows are contiguous and share the columns: the first and the last bound them.
      for (const r of t.rows.length > 2 ? [t.rows[0], t.rows[t.rows.length - 1]] : t.rows) {
        add(r.labelRef);
        for (const f of Object.values(r.cells)) addField(f);
      }
    }
  }
  if (bottom < 0) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top, left, bottom, right };
}
