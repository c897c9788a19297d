/**
 * The read ledger of a located form (SelfEvalForm.ledger): for every row with content inside the form's
 * area, what the locator read it as — or that it did not understand it. The area is the form's bounds,
 * extended down over a 备注 / signature block right under it. Rows are attributed from the located blocks
 * first (title, header fields, budget, goals, indicator table with its repeated headers / 小计 / blank rows,
 * total, grade, summary, the 自评报告's tables), then from what a row shows (a known label, a note, a
 * signature, narrative text only); what is left is unread.
 */
import type { CellRange, CellRef } from "../grid";
import { cellText } from "../grid";
import type { FormField, LedgerRole, ReadLedger, SelfEvalForm, UnreadRow } from "../model";
import type { LocatedTable } from "./indicators";
import { isNoteText, isPageTitleText, isSignatureText } from "./rowKinds";
import { type SheetIndex, hasContent } from "./scan";

/** Rows looked at below the form for a 备注 / signature block, and blank rows allowed inside it. */
const MAX_TAIL_ROWS = 12;
const MAX_TAIL_BLANKS = 2;
/** Longest cell text kept in the ledger (the rest is cut, "…" added). */
const MAX_CELL_TEXT = 24;

export function buildLedger(ix: SheetIndex, form: SelfEvalForm, table: LocatedTable | null): ReadLedger {
  const roles = new Map<number, LedgerRole>();
  const set = (row: number | undefined, as: LedgerRole): void => {
    if (row !== undefined && row >= 0 && !roles.has(row)) roles.set(row, as);
  };
  const setRef = (ref: CellRef | null | undefined, as: LedgerRole): void => set(ref?.row, as);
  const setField = (f: FormField | null | undefined, as: LedgerRole): void => {
    setRef(f?.labelRef, as);
    setRef(f?.ref, as);
  };

  setRef(form.titleRef, "title");
  setRef(form.yearRef, "year");
  for (const f of Object.values(form.header)) setField(f, "header");
  setField(form.total.weight, "total");
  setField(form.total.score, "total");
  setField(form.grade, "grade");
  setField(form.combinedScoreGrade, "total");
  if (table) {
    for (let r = table.headerTop; r <= table.headerBottom; r++) set(r, "column-header");
    for (const [r, as] of table.rowRoles) set(r, as);
  }
  for (const r of form.indicators?.rows ?? []) set(r.row, r.placeholder ? "placeholder" : "indicator");
  for (const s of form.indicators?.level1 ?? []) if (s.score) setRef(s.nameRef, "subtotal");
  if (form.budget) {
    const b = form.budget;
    for (const r of b.rows) setRef(r.labelRef, "budget");
    const first = b.rows.length > 0 ? Math.min(...b.rows.map((r) => r.labelRef.row)) : b.titleRef.row;
    for (let r = b.titleRef.row; r < first; r++) if (ix.rowHits(r).length > 0) set(r, "budget-header");
    set(b.titleRef.row, "budget-header");
  }
  setField(form.goals.expected, "goals");
  setField(form.goals.actual, "goals");
  for (const s of form.level1Summary) {
    setRef(s.nameRef, "summary");
    // Its header row (一级指标 | 指标分值 | 自评得分 | 得分率) right above the first row.
    if (s === form.level1Summary[0] && ix.rowHits(s.nameRef.row - 1).length > 0)
      set(s.nameRef.row - 1, "summary");
  }
  if (form.report) {
    for (const t of form.report.tables) {
      setRef(t.headerRef, "report");
      for (const r of t.rows) setRef(r.labelRef, "report");
    }
    setRef(form.report.quantitativeRef, "report");
  }

  const b = form.bounds;
  let bottom = b.bottom;
  // A 备注 / signature block right under the form belongs to it.
  let blanks = 0;
  for (let r = b.bottom + 1; r <= b.bottom + MAX_TAIL_ROWS; r++) {
    if (!rowFilled(ix, r, b)) {
      if (++blanks > MAX_TAIL_BLANKS) break;
      continue;
    }
    blanks = 0;
    const lead = leadText(ix, r, b);
    if (!isNoteText(lead) && !isSignatureText(lead) && !signatureRow(ix, r, b)) break;
    bottom = r;
  }
  const area: CellRange = { top: b.top, left: b.left, bottom, right: b.right };

  const rows: ReadLedger["rows"] = [];
  const unread: UnreadRow[] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const filled = rowFilled(ix, r, area);
    const known = roles.get(r);
    if (known === "blank" && !filled) {
      rows.push({ row: r, as: known });
      continue;
    }
    if (!filled) continue;
    const as = (known !== "blank" ? known : undefined) ?? shownAs(ix, r, area);
    if (as) rows.push({ row: r, as });
    else unread.push({ row: r, cells: cellsOf(ix, r, area) });
  }
  return { area, rows, unread };
}

/** What a row not attributed to a block shows: a note, a signature, a page title, a label, text only. */
function shownAs(ix: SheetIndex, r: number, area: CellRange): LedgerRole | null {
  const lead = leadText(ix, r, area);
  if (isNoteText(lead)) return "note";
  if (isSignatureText(lead) || signatureRow(ix, r, area)) return "signature";
  if (isPageTitleText(lead)) return "title";
  if (ix.rowHits(r).some((h) => h.col >= area.left && h.col <= area.right)) return "header";
  if (textOnly(ix, r, area)) return "text";
  return null;
}

function rowFilled(ix: SheetIndex, r: number, area: CellRange): boolean {
  for (let c = area.left; c <= area.right; c++) if (hasContent(ix.cell(r, c))) return true;
  return false;
}

function leadText(ix: SheetIndex, r: number, area: CellRange): string {
  for (let c = area.left; c <= area.right; c++) {
    const v = ix.cell(r, c).value;
    if (v.kind === "text" && v.value.trim() !== "") return v.value;
    if (v.kind !== "empty") return "";
  }
  return "";
}

/** Any cell of the row starts a signature label ("单位负责人：" … "填表人：" … "日期："). */
function signatureRow(ix: SheetIndex, r: number, area: CellRange): boolean {
  for (let c = area.left; c <= area.right; c++) {
    const v = ix.cell(r, c).value;
    if (v.kind === "text" && isSignatureText(v.value)) return true;
  }
  return false;
}

/** Only text cells and no digit in any of them: a heading or narrative, no figure to read. */
function textOnly(ix: SheetIndex, r: number, area: CellRange): boolean {
  for (let c = area.left; c <= area.right; c++) {
    const v = ix.cell(r, c).value;
    if (v.kind === "empty") continue;
    if (v.kind !== "text") return false;
    if (/\d/.test(v.value.normalize("NFKC"))) return false;
  }
  return true;
}

function cellsOf(ix: SheetIndex, r: number, area: CellRange): UnreadRow["cells"] {
  const out: UnreadRow["cells"] = [];
  for (let c = area.left; c <= area.right; c++) {
    const cell = ix.cell(r, c);
    if (!hasContent(cell)) continue;
    const text = cellText(cell.value).replace(/\s+/g, " ").trim();
    out.push({
      ref: ix.ref(r, c),
      text: text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT)}…` : text,
    });
  }
  return out;
}
