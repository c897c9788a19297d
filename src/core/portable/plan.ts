/**
 * Where a workbook uses the add-in's JX functions, and what 转换为普通公式 does to each such cell:
 * its formula with built-in functions (convert.ts) where an exact equivalent exists, else the value
 * it shows now. Also the cells the ADDIN_FORMULA check reports. Pure: reads the grid only.
 */
import { parseA1, refToString, type Cell, type CellRef, type Workbook } from "../grid";
import type { RuleProfile } from "../model";
import { normalizeText } from "../parse";
import { DEFAULT_PROFILE_ID, getProfile } from "../profiles";
import { toPortableFormula, type ConvertEnv, type RefKind } from "./convert";
import { hasJxCall } from "./formula";

/** A cell whose formula calls a JX function. */
export interface JxCell {
  ref: CellRef;
  /** Formula without "=". */
  formula: string;
}

/** Every cell with a JX formula, sheet by sheet (workbook order), row by row. */
export function findJxCells(wb: Workbook): JxCell[] {
  const out: JxCell[] = [];
  for (const sheet of wb?.sheets ?? []) {
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const f = cell?.formula;
        if (typeof f === "string" && /JX[._]/i.test(f) && hasJxCall(f))
          out.push({ ref: { sheet: sheet.name, row: r, col: c }, formula: f });
      }),
    );
  }
  return out;
}

export type PortableAfter = { formula: string } | { value: number | string | boolean };

export interface PortableChange {
  ref: CellRef;
  /** The JX formula (without "="). */
  before: string;
  after: PortableAfter;
  /** For a value: why no built-in formula was used. */
  reason?: string;
}

export interface PortablePlan {
  changes: PortableChange[];
  /** JX cells left as they are: no equivalent and no value to keep (an error or nothing shown). */
  skipped: { ref: CellRef; before: string; reason: string }[];
}

/** Numbers typed as text that the JX functions read and arithmetic does not: "8.5", "8.5分", "4,551.57". */
const NUMERIC_TEXT = /^[+-]?[\d,]*\.?\d+(?:%|分|万元|元)?$/;

function kindOf(cell: Cell | undefined): RefKind {
  const v = cell?.value;
  if (!v || v.kind === "empty") return cell?.formula ? "other" : "blank";
  if (v.kind === "number") return "number";
  if (v.kind === "text")
    return NUMERIC_TEXT.test(normalizeText(v.value).replace(/\s+/g, "")) ? "numeric-text" : "text";
  return "other";
}

const REF = /^(?:('(?:[^']|'')+'|[^\s!(),"{}:]+)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?$/i;

/** The grid's view of the references a formula on `sheet` uses. */
function envFor(wb: Workbook, sheet: string, profile: RuleProfile): ConvertEnv {
  return {
    defaultProfile: profile,
    reference(text) {
      const m = REF.exec(text);
      if (!m) return null;
      const name = m[1] ? (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : sheet;
      const s = wb.sheets.find((x) => x.name === name);
      const a = parseA1(m[2]);
      const b = m[3] ? parseA1(m[3]) : a;
      if (!s || !a || !b) return null;
      const kinds: RefKind[] = [];
      const [top, bottom] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
      const [left, right] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
      if ((bottom - top + 1) * (right - left + 1) > 100_000) return null;
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) kinds.push(kindOf(s.cells[r]?.[c]));
      return kinds;
    },
  };
}

/**
 * 转换为普通公式 for a whole workbook. The JX functions' default rule is the add-in's default
 * profile (not the pane's choice): an omitted rule is read the way the function read it.
 */
export function planPortable(
  wb: Workbook,
  profile: RuleProfile = getProfile(DEFAULT_PROFILE_ID),
): PortablePlan {
  const plan: PortablePlan = { changes: [], skipped: [] };
  for (const { ref, formula } of findJxCells(wb)) {
    const converted = toPortableFormula(formula, envFor(wb, ref.sheet, profile));
    if (converted.ok) {
      plan.changes.push({ ref, before: formula, after: { formula: converted.formula } });
      continue;
    }
    const v = wb.sheets.find((s) => s.name === ref.sheet)?.cells[ref.row]?.[ref.col]?.value;
    if (v && (v.kind === "number" || v.kind === "text" || v.kind === "boolean")) {
      plan.changes.push({ ref, before: formula, after: { value: v.value }, reason: converted.reason });
    } else {
      const shown = v?.kind === "error" ? `单元格显示错误 ${v.value}` : "单元格没有保存计算结果";
      plan.skipped.push({
        ref,
        before: formula,
        reason: `${converted.reason}；${shown}，无法改为数值，请先修正后再转换`,
      });
    }
  }
  return plan;
}

/** "自评表!H7：=JX… → =MIN(…)" lines for the pane's list. */
export function describeChange(c: PortableChange): string {
  const to = "formula" in c.after ? `=${c.after.formula}` : `数值 ${String(c.after.value)}`;
  return `${refToString(c.ref)}：=${c.before} → ${to}`;
}
