/**
 * Was the form read in full? From the locator's read ledger (SelfEvalForm.ledger) and the weights read:
 * a form is declined (PARTIAL_READ: no total, grade or arithmetic computed from it) when
 *  - the weights read do not add up to the form's total weight (its printed 总分 分值, else the profile's)
 *    while rows with content inside its area went unread, or
 *  - a row that was not understood lies inside the indicator table's span (below its header, above 总分)
 *    and carries a figure in the table's 分值 or 得分 column: part of the table was certainly not read.
 * Pure.
 */
import type { CellRef } from "../grid";
import type { RuleProfile, SelfEvalForm, UnreadRow } from "../model";
import type { FormAnalysis } from "./analysis";
import { readNumber } from "./fields";

/** Weights that differ by less than this add up (printed weights have at most 2 decimals). */
const WEIGHT_TOLERANCE = 0.005;

/** The plan's "cannot compute" state (CorrectionPlan.declined). */
export interface PartialRead {
  rule: "PARTIAL_READ";
  /** The rows not understood inside the form's area, top to bottom. */
  rows: UnreadRow[];
  /** Weights read and the total weight they should reach; null when the weights were not the sign. */
  weights: { read: number | null; expected: number } | null;
}

/** The weights read (null when one of them has no number) and the total they should reach. */
export interface WeightsRead {
  read: number | null;
  expected: number;
}

export function assessRead(form: SelfEvalForm, weights: WeightsRead | null): PartialRead | null {
  const unread = form.ledger?.unread ?? [];
  if (unread.length === 0) return null;
  const short =
    weights !== null &&
    (weights.read === null || Math.abs(weights.read - weights.expected) > WEIGHT_TOLERANCE);
  if (short) return { rule: "PARTIAL_READ", rows: unread, weights };
  const inTable = unread.filter((u) => insideTable(form, u) && hasFigureInScoreColumns(form, u));
  if (inTable.length > 0) return { rule: "PARTIAL_READ", rows: unread, weights: null };
  return null;
}

/** Below the indicator table's header and above the 总分 row (or the area's end when there is none). */
function insideTable(form: SelfEvalForm, u: UnreadRow): boolean {
  const head = form.indicators?.headerRef;
  if (!head) return false;
  const end = totalRow(form) ?? form.ledger?.area.bottom ?? head.row;
  return u.row > head.row && u.row < end;
}

function totalRow(form: SelfEvalForm): number | null {
  const refs: (CellRef | null | undefined)[] = [
    form.total.score?.labelRef,
    form.total.score?.ref,
    form.total.weight?.labelRef,
    form.combinedScoreGrade?.ref,
  ];
  for (const r of refs) if (r) return r.row;
  return null;
}

/** A cell of the row in the table's 分值 or 得分 column holds a figure. */
function hasFigureInScoreColumns(form: SelfEvalForm, u: UnreadRow): boolean {
  const rows = form.indicators?.rows ?? [];
  const cols = new Set<number>();
  for (const r of rows.slice(0, 1)) {
    if (r.weight.ref) cols.add(r.weight.ref.col);
    if (r.score.ref) cols.add(r.score.ref.col);
  }
  return u.cells.some((c) => cols.has(c.ref.col) && /\d/.test(c.text.normalize("NFKC")));
}

/**
 * The weights the form was read with — 执行率 分值 (typed, else the profile's) + every scored 三级 分值, or the
 * older summary's 指标分值 rows — and the total they should reach: the printed 总分 分值, else the profile's.
 * Null when the form has neither row points nor a summary (nothing to weigh).
 */
export function weightsRead(form: SelfEvalForm, a: FormAnalysis, profile: RuleProfile): WeightsRead | null {
  const printed = readNumber(form.total?.weight).value;
  const expected = printed !== null && printed > 0 ? printed : profile.totalWeight;
  const scored = a.indicators.filter((i) => i.scored);
  if (scored.some((i) => i.row.score?.ref)) {
    let read: number | null = form.budget ? (a.budget?.total ? a.budget.weightUsed : null) : 0;
    for (const i of scored) read = read === null || i.weight.value === null ? null : read + i.weight.value;
    return { read, expected };
  }
  const rows = a.summary.filter((s) => s.name !== "合计");
  if (rows.length === 0) return null;
  let read: number | null = 0;
  for (const r of rows) read = read === null || r.weightValue === null ? null : read + r.weightValue;
  return { read, expected };
}
