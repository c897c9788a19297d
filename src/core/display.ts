/**
 * Values as the cell shows them, for every front end (pane, dialogs, CSV, CLI): a fraction in a
 * percent-formatted cell reads "990.31%" (never "9.9031"), a budget amount carries its unit ("4563.47万元").
 * Pure: the hint comes from the located form (FormResult.form), which holds each field's cell and format.
 */
import type { CellRef } from "./grid";
import { isPercentFormat } from "./grid";
import type { FormField, FormResult, SelfEvalForm } from "./model";
import { cleanFloat, formatNumber } from "./numbers";
import type { ParsedValue } from "./parse";

/**
 * What displayQuantity needs of a value: a ParsedValue (parse.ts), or any number with the unit it was
 * written in. `value` is normalised the parser's way (percentages as fractions, money in 万元).
 */
export type Quantity = Pick<ParsedValue, "value" | "unit" | "isPercent"> &
  Partial<Pick<ParsedValue, "rawUnit">>;

/** Units shown as written although the parser normalises them: the factor from the normalised value. */
const SHOWN_AS_WRITTEN: Record<string, { unit: string; factor: number }> = {
  亿元: { unit: "亿元", factor: 1 / 10000 },
  元: { unit: "元", factor: 10000 },
  千元: { unit: "千元", factor: 10 },
  "‰": { unit: "‰", factor: 1000 },
};

/**
 * THE display of a number with its unit, for every message, step, button, worksheet and CSV: the number
 * in the unit the form wrote, up to `maxDecimals` decimals (default 4), so parseValue reads the text back
 * to the same value and unit. 0.99 (a percentage) → "99%"; 53000 written as 亿元 → "5.3亿元"; 8 家 → "8家";
 * 4.82元 → "4.82元" (its normalised value 0.000482 万元); a number without a unit → "95". `value` defaults
 * to the quantity's own; pass another (a target's ratio, a sum) to show it in the same unit.
 */
export function displayQuantity(q: Quantity, value: number | null = q.value, maxDecimals = 4): string {
  if (value === null || value === undefined) return "（空）";
  if (!Number.isFinite(value)) return "—";
  const asWritten = q.rawUnit ? SHOWN_AS_WRITTEN[q.rawUnit] : undefined;
  if (asWritten && (q.isPercent || q.unit === "万元"))
    return `${formatNumber(cleanFloat(value * asWritten.factor), maxDecimals)}${asWritten.unit}`;
  if (q.isPercent) return `${formatNumber(cleanFloat(value * 100), maxDecimals)}%`;
  if (!q.unit) return formatNumber(value, maxDecimals);
  // Other units are not rescaled by the parser (个月 → 月, 千米 → 公里): the spelling the form used.
  return `${formatNumber(value, maxDecimals)}${q.rawUnit || q.unit}`;
}

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
  if (isPercentFormat(hint.numberFormat))
    return displayQuantity({ value, unit: "%", isPercent: true }, value, 2);
  return displayQuantity({ value, unit: hint.unit ?? null, isPercent: false });
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
