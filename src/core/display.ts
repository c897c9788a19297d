/**
 * Values as the cell shows them, for every front end (pane, dialogs, CSV, CLI): a fraction in a
 * percent-formatted cell reads "990.31%" (never "9.9031"), a budget amount carries its unit ("4563.47万元").
 * Pure: the hint comes from the located form (FormResult.form), which holds each field's cell and format.
 */
import type { CellRef } from "./grid";
import { isPercentFormat } from "./grid";
import type { FormField, FormResult, SelfEvalForm } from "./model";
import { formatNumber, formatPercentShort } from "./numbers";

/** How a cell shows its number: its number format, and the unit of an amount (万元 in the budget block). */
export interface DisplayHint {
  numberFormat?: string;
  unit?: string | null;
}

/**
 * A typed, expected or fix value as the cell shows it: "（空）" for nothing; text as it is; a number in a
 * percent format as a percentage (up to 2 decimals, so a fix is never hidden by a "0%" format); an amount
 * with its unit and any other number with up to 4 decimals (89.974万元 stays 89.974: a fix cut to 89.97
 * would still not add up).
 */
export function displayValue(value: number | string | null | undefined, hint: DisplayHint = {}): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value !== "number") return value;
  if (!Number.isFinite(value)) return "—";
  if (isPercentFormat(hint.numberFormat)) return formatPercentShort(value, 2);
  if (hint.unit) return `${formatNumber(value, 4)}${hint.unit}`;
  return formatNumber(value, 4);
}

const same = (a: CellRef | null | undefined, b: CellRef): boolean =>
  !!a && a.sheet === b.sheet && a.row === b.row && a.col === b.col;

function hintOf(field: FormField | null | undefined, ref: CellRef, unit?: string | null): DisplayHint | null {
  if (!field || !same(field.ref, ref)) return null;
  return { numberFormat: field.cell?.numberFormat, ...(unit ? { unit } : {}) };
}

/** The display hint of a cell of a located form (its number format; the unit of a budget amount). */
export function formCellHint(form: SelfEvalForm | null | undefined, ref: CellRef): DisplayHint {
  if (!form || !ref) return {};
  const b = form.budget;
  if (b) {
    const unit = b.unit ?? "万元";
    for (const row of b.rows) {
      const h =
        hintOf(row.initialBudget, ref, unit) ??
        hintOf(row.fullYearBudget, ref, unit) ??
        hintOf(row.executed, ref, unit) ??
        hintOf(row.rate, ref) ??
        hintOf(row.weight, ref) ??
        hintOf(row.score, ref);
      if (h) return h;
    }
  }
  for (const row of form.indicators?.rows ?? []) {
    const h =
      hintOf(row.score, ref) ?? hintOf(row.weight, ref) ?? hintOf(row.target, ref) ?? hintOf(row.actual, ref);
    if (h) return h;
  }
  for (const s of [...(form.indicators?.level1 ?? []), ...(form.level1Summary ?? [])]) {
    const h = hintOf(s.score, ref) ?? hintOf(s.rate, ref) ?? hintOf(s.weight, ref);
    if (h) return h;
  }
  return hintOf(form.total?.score, ref) ?? hintOf(form.total?.weight, ref) ?? {};
}

/** displayValue for a cell of a checked form: "采用重算值（990.31%）", "4563.47万元". */
export function displayAt(
  result: Pick<FormResult, "form"> | null | undefined,
  ref: CellRef | null | undefined,
  value: number | string | null | undefined,
): string {
  return displayValue(value, ref ? formCellHint(result?.form, ref) : {});
}
