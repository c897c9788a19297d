/**
 * Which cells a host highlights, and how: one source of truth for the task pane (Excel), the
 * preview grid and the command line's marked copy. Pure data, no host types.
 */
import type { CellRef } from "./grid";
import type { FormResult, Severity } from "./model";
import { formatNumber } from "./numbers";

/** Highlight colours (RGB hex) by severity: Excel's own "bad" red, "neutral" yellow and a light blue. */
export const MARK_COLORS: Readonly<Record<Severity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** True when `a` is more severe than `b`. */
export function moreSevere(a: Severity, b: Severity): boolean {
  return SEVERITY_RANK[a] > SEVERITY_RANK[b];
}

export function refKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

export function sameRef(a: CellRef | null | undefined, b: CellRef | null | undefined): boolean {
  return !!a && !!b && a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

export interface CellMark {
  ref: CellRef;
  /** The worst severity of the cell's findings. */
  severity: Severity;
  /** Every distinct message on the cell, one line each, prefixed 【错误】/【警告】/【提示】. */
  note: string;
}

/** One mark per cell carrying the worst severity of its findings (all forms of the workbook). */
export function cellMarks(results: FormResult[]): CellMark[] {
  const byCell = new Map<string, { ref: CellRef; severity: Severity; lines: string[] }>();
  for (const result of results) {
    for (const f of result.findings) {
      if (!f.ref) continue;
      const key = refKey(f.ref);
      const line = `【${SEVERITY_LABEL[f.severity]}】${f.message}`;
      const entry = byCell.get(key);
      if (!entry) {
        byCell.set(key, { ref: f.ref, severity: f.severity, lines: [line] });
      } else {
        if (moreSevere(f.severity, entry.severity)) entry.severity = f.severity;
        if (!entry.lines.includes(line)) entry.lines.push(line);
      }
    }
  }
  return [...byCell.values()].map(({ ref, severity, lines }) => ({ ref, severity, note: lines.join("\n") }));
}

/**
 * Text for the older Hunan combined cell ("评分：96   等级：优"). Keeps anything else in the cell
 * (e.g. a 备注 line under it) and replaces only the 评分/等级 parts; the standard text when there is none.
 */
export function combinedScoreGradeText(existing: string, total: number | null, grade: string | null): string {
  const scoreRe = /(评\s*分\s*[：:]\s*)([0-9０-９.．]*)/;
  const gradeRe = /(等\s*级\s*[：:]\s*)([^\s\n备]*)/;
  if (existing && scoreRe.test(existing) && gradeRe.test(existing)) {
    let s = existing;
    if (total !== null) s = s.replace(scoreRe, (_m, p: string) => `${p}${formatNumber(total)}`);
    if (grade !== null) s = s.replace(gradeRe, (_m, p: string) => `${p}${grade}`);
    return s;
  }
  return `评分：${total === null ? "" : formatNumber(total)}   等级：${grade ?? ""}`;
}
