/** Chinese text report of the command line. */
import { refToString } from "../core/grid";
import { fieldText } from "../core/read";
import { kindName } from "../core/kinds";
import type { Finding, FormKind, FormResult, Severity } from "../core/model";
import { formArea } from "../core/review/table";
import type { SkippedFile } from "./files";

export const SEVERITY_TEXT: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function fmt(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return "（空）";
  if (typeof v === "number") return String(Math.round(v * 10000) / 10000);
  return v === "" ? "（空）" : v;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ref?.row ?? -1) - (b.ref?.row ?? -1) ||
      (a.ref?.col ?? -1) - (b.ref?.col ?? -1),
  );
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}

export function formatFinding(f: Finding): string {
  const where = f.ref ? refToString(f.ref) : "（整个工作簿）";
  const lines = [`  [${SEVERITY_TEXT[f.severity]}] ${where}  ${f.rule}`, indent(f.message, "      ")];
  // The message already states the numbers; add the computation only when it is not in the text.
  if (f.steps && !f.message.includes(f.steps)) lines.push(`      计算：${f.steps}`);
  return lines.join("\n");
}

/**
 * What the reports (text, JSON, summary) need of a FormResult: every field but the form model itself, plus
 * whether a form was found and what the summary shows of it. This is what crosses from a worker thread
 * to the main thread.
 */
export type ReportResult = Omit<FormResult, "form"> & {
  hasForm: boolean;
  /** Where the form lies on its sheet, "A1:J24" (two forms may share a sheet). */
  area: string | null;
  /** result.form.kind; null when no form was found. */
  kind: FormKind | null;
  /** 预算编码 as typed (trimmed); null when blank or absent. */
  budgetCode: string | null;
};

const areaOf = formArea;

export function toReportResult(r: FormResult): ReportResult {
  const { form, ...rest } = r;
  const code = form ? fieldText(form.header?.budgetCode) : "";
  return {
    ...rest,
    hasForm: form !== null,
    area: areaOf(form),
    kind: form?.kind ?? null,
    budgetCode: code === "" ? null : code,
  };
}

/** Report for one form of one file; `profileName` is the rule profile's Chinese name, shown beside its id. */
export function formatResult(file: string, r: FormResult | ReportResult, profileName?: string): string {
  const out: string[] = [];
  const head = [`文件：${file}`];
  if (r.sheet) head.push(`工作表：${r.sheet}`);
  const area = "area" in r ? r.area : areaOf(r.form);
  if (area) head.push(`区域：${area}`);
  out.push(head.join("    "));
  if ("hasForm" in r ? r.hasForm : r.form !== null) {
    const kind = "hasForm" in r ? r.kind : (r.form?.kind ?? null);
    const info = [
      `表格类型：${kindName(kind)}`,
      `部门：${r.department ?? "（未填写）"}`,
      `年度：${r.year ?? "（未识别）"}`,
      `评分规则：${profileName && profileName !== r.profile ? `${profileName}（${r.profile}）` : r.profile}`,
    ];
    out.push(info.join("    "));
    // An automatic choice says why (domain.md §2.10); a profile the user named needs no reason.
    if (r.profileReason) out.push(`选择依据：${r.profileReason}`);
    // A total the plan could not compute says why (表格未完整读取, 无法确定：请先核对…).
    const why = r.total.computed === null && r.plan?.totalReason ? `（未重算：${r.plan.totalReason}）` : null;
    const total = `总分：填写 ${fmt(r.total.typed)}，计算 ${why ?? fmt(r.total.computed)}`;
    const grade = `等级：填写 ${fmt(r.grade.typed)}，计算 ${fmt(r.grade.computed)}`;
    out.push(`${total}    ${grade}`);
  }
  const c = countBySeverity(r.findings);
  if (r.findings.length === 0) {
    out.push("  未发现问题。");
  } else {
    for (const f of sortFindings(r.findings)) out.push(formatFinding(f));
    out.push(`  小计：${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`);
  }
  return out.join("\n");
}

export interface Summary {
  files: number;
  forms: number;
  withErrors: number;
  warningsOnly: number;
  clean: number;
  unreadable: number;
  /** Files found in folders and not checked (.xls, .et, .xlsm, ~$ lock files, others). */
  skipped: number;
  written: string[];
}

export function summarize(
  outcomes: { results: readonly { findings: Finding[] }[] }[],
  unreadable: number,
  written: string[],
  skipped = 0,
): Summary {
  let forms = 0;
  let withErrors = 0;
  let warningsOnly = 0;
  let clean = 0;
  for (const o of outcomes) {
    forms += o.results.length;
    const all = o.results.flatMap((r) => r.findings);
    if (all.some((f) => f.severity === "error")) withErrors++;
    else if (all.some((f) => f.severity === "warning")) warningsOnly++;
    else clean++;
  }
  return {
    files: outcomes.length + unreadable,
    forms,
    withErrors,
    warningsOnly,
    clean,
    unreadable,
    skipped,
    written,
  };
}

export function formatSummary(s: Summary): string {
  const parts = [`共 ${s.files} 个文件`];
  if (s.forms !== s.files - s.unreadable) parts.push(`${s.forms} 张自评表`);
  const line = [
    `${parts.join("，")}：${s.withErrors} 个有错误，${s.warningsOnly} 个只有警告，${s.clean} 个未发现问题`,
  ];
  if (s.unreadable) line.push(`${s.unreadable} 个无法读取`);
  if (s.skipped) line.push(`另跳过 ${s.skipped} 个非 .xlsx、临时文件或本工具的输出（见上方“已跳过的文件”）`);
  const out = [`检查完成。${line.join("，")}。`];
  for (const w of s.written) out.push(`已保存标注副本：${w}`);
  return out.join("\n");
}

/** The text report's list of files that could not be read (also on stderr as each is met). */
export function formatUnreadable(list: readonly { file: string; message: string }[]): string {
  return ["无法读取的文件：", ...list.map((u) => `  ${u.file}：${u.message}`)].join("\n");
}

/** The text report's list of files skipped in folders: why, and what to do. */
export function formatSkipped(list: readonly SkippedFile[]): string {
  return ["已跳过的文件（未检查）：", ...list.map((f) => `  ${f.display}：${f.reason}。${f.action}。`)].join(
    "\n",
  );
}
