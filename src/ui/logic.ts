/**
 * Pure helpers of the pane: turning FormResults into marks, report rows, CSV and write-back plans.
 * Nothing here recomputes a score or a grade: values come from the FormResult as the core gave them.
 */
import { cellText, isPercentFormat, refToString, type CellRef, type CellValue } from "../core/grid";
import type { Finding, FormResult, Severity } from "../core/model";
import { displayValue, type DisplayHint } from "../core/display";
import { cellMarks, combinedScoreGradeText, refKey, sameRef } from "../core/marks";

export { displayValue };
import type { CellSnapshot, CellWrite, MarkSpec } from "../host/host";

export { combinedScoreGradeText };
import { CATEGORY_LABEL, CATEGORY_ORDER, RULE_LABEL, SEVERITY_LABEL, SEVERITY_ORDER } from "./labels";

export { refKey, sameRef };

/** One mark per cell carrying the worst severity of its findings (all forms of the workbook). */
export function buildMarks(results: FormResult[]): MarkSpec[] {
  return cellMarks(results);
}

export interface CountBySeverity {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: Finding[]): CountBySeverity {
  const c: CountBySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export interface FindingGroup {
  severity: Severity;
  categories: { category: Finding["category"]; findings: Finding[] }[];
  count: number;
}

/** Findings grouped by severity (错误 → 警告 → 提示), then by category in the pane's fixed order. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const categories = CATEGORY_ORDER.map((category) => ({
      category,
      findings: ofSeverity.filter((f) => f.category === category),
    })).filter((g) => g.findings.length > 0);
    // A category the pane does not know yet still shows (after the known ones).
    const known = new Set<string>(CATEGORY_ORDER);
    const unknown = ofSeverity.filter((f) => !known.has(f.category));
    if (unknown.length > 0) categories.push({ category: unknown[0].category, findings: unknown });
    groups.push({ severity, categories, count: ofSeverity.length });
  }
  return groups;
}

/** A value as its cell shows it (core/display): 9.9031 in a 0.00% cell → 990.31%, 4563.47 → 4563.47万元. */
export function shownValue(v: number | string | null | undefined, hint: DisplayHint = {}): string {
  return displayValue(v, hint);
}

export function snapshotText(value: CellValue, hint: DisplayHint = {}): string {
  if (value.kind === "number") return shownValue(value.value, hint);
  return cellText(value);
}

function isBlank(value: CellValue): boolean {
  return value.kind === "empty" || (value.kind === "text" && value.value.trim() === "");
}

function sameValue(value: CellValue, next: number | string): boolean {
  if (typeof next === "number") return value.kind === "number" && Math.abs(value.value - next) < 1e-9;
  return value.kind === "text" && value.value.trim() === next.trim();
}

/** What writing `next` into a cell would replace, and whether the user must be asked first. */
export interface WritePreview {
  ref: CellRef;
  cell: string;
  what: string;
  current: string;
  next: string;
  value: number | string;
  formula?: string;
  /** Already holds exactly this value (typed or as a formula's result): nothing to write. */
  same: boolean;
  /** Overwrites a formula or a different non-empty value: ask first. */
  needsConfirm: boolean;
}

export function previewWrite(
  what: string,
  write: CellWrite,
  snapshot: CellSnapshot | undefined,
  hint: DisplayHint = {},
): WritePreview {
  const value: CellValue = snapshot?.value ?? { kind: "empty" };
  const formula = snapshot?.formula;
  // A formula whose result already is the value stays: writing would only replace it by a constant.
  const same = sameValue(value, write.value);
  const current = snapshotText(value, hint);
  return {
    ref: write.ref,
    cell: refToString(write.ref),
    what,
    current: formula ? `=${formula}（${current || "公式"}）` : current,
    next: shownValue(write.value, hint),
    value: write.value,
    formula,
    same,
    needsConfirm: !same && (!!formula || !isBlank(value)),
  };
}

export interface WriteBackTarget {
  what: string;
  ref: CellRef;
  /** The value, or (combined cell) a function of the cell's current text. */
  value: number | string | ((existing: string) => string);
}

/**
 * Cells that receive a total and a grade (default: total.computed/grade.computed) at FormResult.writeBack.
 * A form whose total and grade share one cell gets one combined text.
 */
export function writeBackTargets(
  result: FormResult,
  total: number | null = result.total.computed,
  grade: string | null = result.grade.computed,
): WriteBackTarget[] {
  const { total: totalRef, grade: gradeRef } = result.writeBack;
  const combinedRef = result.form?.combinedScoreGrade?.ref ?? null;
  const combined =
    totalRef && (sameRef(totalRef, gradeRef) || sameRef(totalRef, combinedRef))
      ? totalRef
      : gradeRef && sameRef(gradeRef, combinedRef)
        ? gradeRef
        : null;
  if (combined) {
    if (total === null && grade === null) return [];
    return [
      {
        what: "总分和等级",
        ref: combined,
        value: (existing: string) => combinedScoreGradeText(existing, total, grade),
      },
    ];
  }
  const out: WriteBackTarget[] = [];
  if (totalRef && total !== null) out.push({ what: "总分", ref: totalRef, value: total });
  if (gradeRef && grade !== null) out.push({ what: "等级", ref: gradeRef, value: grade });
  return out;
}

export function resolveTarget(target: WriteBackTarget, snapshot: CellSnapshot | undefined): CellWrite {
  const value =
    typeof target.value === "function"
      ? target.value(snapshot ? cellText(snapshot.value) : "")
      : target.value;
  return { ref: target.ref, value };
}

// ───────────────────────────── report ─────────────────────────────

/** 规则 is the rule's Chinese name; its code (MISSING_FIELD …) comes last, for reviewers who filter by it. */
export const REPORT_HEADER = [
  "工作表",
  "单位",
  "年度",
  "单元格",
  "严重程度",
  "类别",
  "规则",
  "问题说明",
  "填写值",
  "重算值",
  "计算过程",
  "规则代码",
];

/** A finding's typed or recomputed value for the report: as its cell shows it (percentage, amount with unit). */
function reportValue(v: number | string | null | undefined, hint: DisplayHint): string | number {
  if (v === undefined || v === null) return "";
  return typeof v === "number" && (isPercentFormat(hint.numberFormat) || hint.unit) ? shownValue(v, hint) : v;
}

/** Report rows (first row = header) for every finding of every form; `hintOf` says how a cell shows values. */
export function reportRows(
  results: FormResult[],
  hintOf: (ref: CellRef) => DisplayHint = () => ({}),
): (string | number)[][] {
  const rows: (string | number)[][] = [REPORT_HEADER];
  for (const r of results) {
    for (const f of r.findings) {
      rows.push([
        r.sheet ?? "",
        r.department ?? "",
        r.year ?? "",
        f.ref ? refToString(f.ref) : "",
        SEVERITY_LABEL[f.severity],
        CATEGORY_LABEL[f.category] ?? f.category,
        RULE_LABEL[f.rule] ?? f.rule,
        f.message,
        reportValue(f.typed, f.ref ? hintOf(f.ref) : {}),
        reportValue(f.expected, f.ref ? hintOf(f.ref) : {}),
        f.steps ?? "",
        f.rule,
      ]);
    }
  }
  return rows;
}

function csvField(v: string | number): string {
  const s = typeof v === "number" ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a UTF-8 BOM (Excel opens Chinese text correctly) and CRLF line ends. */
export function toCsv(rows: (string | number)[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

// ───────────────────────────── errors ─────────────────────────────

export interface PaneError {
  code: string;
  message: string;
  /** What the user was doing, e.g. "一键校验". */
  action: string;
}

/** Every error keeps its code: HostError.code, OfficeExtension.Error.code, or a generic one. */
export function toPaneError(e: unknown, action: string): PaneError {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; message?: unknown; name?: unknown };
    const code =
      typeof o.code === "string" && o.code !== "" ? o.code : typeof o.name === "string" ? o.name : "";
    const message = typeof o.message === "string" ? o.message : String(e);
    return { code: code || "UnknownError", message, action };
  }
  return { code: "UnknownError", message: String(e), action };
}

/** Label of a form for the form chooser: 自评表 · 某某局 · 2023年. */
export function formLabel(r: FormResult, index: number): string {
  const parts = [r.sheet ?? `表单${index + 1}`];
  if (r.department) parts.push(r.department);
  if (r.year !== null) parts.push(`${r.year}年`);
  return parts.join(" · ");
}
