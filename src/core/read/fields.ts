/**
 * Reading one cell of a located form: a field as a number (NumberRead), as text, blank or not, where a
 * finding about it points, and a row's name for messages. Shared by the reading of the whole form
 * (./analysis.ts), the plan and the checks.
 */
import { cellText, isPercentFormat } from "../grid";
import type { Cell, CellRef, CellValue } from "../grid";
import { isPlaceholderText } from "../labels";
import type { FormField } from "../model";
import { round2 } from "../numbers";
import { parseValue } from "../parse";
import type { ParsedValue } from "../parse";

// ───────────────────────────── reading one cell ─────────────────────────────

export type ReadStatus =
  /** The form has no cell for this field (column or label absent). */
  | "absent"
  | "empty"
  /** "/", "—": not applicable. */
  | "placeholder"
  /** An Excel error value such as #DIV/0!. */
  | "error"
  | "number"
  /** Text that is not a number. */
  | "text";

export interface NumberRead {
  status: ReadStatus;
  /** The number (percentages as fractions); null unless status is "number". */
  value: number | null;
  /** What the user sees (for messages). */
  text: string;
  ref: CellRef | null;
  /** The value is a percentage (percent format, or "%" in the text). */
  isPercent: boolean;
  /** The cell holds a number (not text). */
  numeric: boolean;
  percentFormat: boolean;
  parsed: ParsedValue | null;
  /** Kind of the cell's value (null when the form has no cell for the field). */
  cellKind: CellValue["kind"] | null;
}

/** A form field with no cell reads as an empty cell. */
export const EMPTY_CELL: Cell = { value: { kind: "empty" } };

/** Reads a field as a number: numeric cells, formula results, numeric text ("74.20%", " 5374.44"). */
export function readNumber(field: FormField | null | undefined): NumberRead {
  const ref = field?.ref ?? null;
  const base: NumberRead = {
    status: "absent",
    value: null,
    text: "",
    ref,
    isPercent: false,
    numeric: false,
    percentFormat: false,
    parsed: null,
    cellKind: null,
  };
  if (!field || !ref) return base;
  const cell = field.cell ?? EMPTY_CELL;
  const v = cell.value;
  base.cellKind = v.kind;
  base.percentFormat = isPercentFormat(cell.numberFormat);
  base.text = cellText(v).trim();
  switch (v.kind) {
    case "empty":
      return { ...base, status: "empty" };
    case "error":
      return { ...base, status: "error" };
    case "boolean":
    case "date":
      return { ...base, status: "text" };
    case "number": {
      if (!Number.isFinite(v.value)) return { ...base, status: "text" };
      return {
        ...base,
        status: "number",
        value: v.value,
        numeric: true,
        isPercent: base.percentFormat,
        text: base.percentFormat ? `${round2(v.value * 100)}%` : base.text,
      };
    }
    case "text": {
      if (base.text === "") return { ...base, status: "empty" };
      if (isPlaceholderText(base.text)) return { ...base, status: "placeholder" };
      const parsed = parseValue(base.text);
      if (parsed.kind === "placeholder") return { ...base, status: "placeholder", parsed };
      if (parsed.kind === "empty") return { ...base, status: "empty", parsed };
      if (parsed.kind === "number" && parsed.value !== null && Number.isFinite(parsed.value))
        return { ...base, status: "number", value: parsed.value, isPercent: parsed.isPercent, parsed };
      return { ...base, status: "text", parsed };
    }
  }
  return base;
}

/** Text of a field ("" when absent or blank). */
export function fieldText(field: FormField | null | undefined): string {
  if (!field || !field.cell) return "";
  return cellText(field.cell.value).trim();
}

/** True when the field has a cell and it is blank. */
export function isBlankField(field: FormField | null | undefined): boolean {
  if (!field) return true;
  const v = field.cell?.value;
  return !v || v.kind === "empty" || (v.kind === "text" && v.value.trim() === "");
}

/** Where a finding about a field points: its value cell, else its label cell. */
export function fieldRef(field: FormField | null | undefined): CellRef | null {
  return field?.ref ?? field?.labelRef ?? null;
}

/** Name of an indicator row for messages ("（未命名指标）" when blank). */
export function rowLabel(name: string): string {
  // Most names have no whitespace at all: nothing to collapse or trim.
  if (typeof name === "string" && name !== "" && !/\s/.test(name)) return name;
  const s = (name ?? "").replace(/\s+/g, " ").trim();
  return s === "" ? "（未命名指标）" : s;
}
