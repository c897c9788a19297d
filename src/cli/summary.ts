/**
 * The reviewer's summary (--summary 汇总.xlsx / 汇总.csv) as plain tables: 汇总 (one row per form, per
 * unreadable file and per skipped file, 需修改 first), 问题统计 (each rule: forms affected, findings), 重复 (the
 * same 预算编码, or the same department and year, in more than one file) and 说明. Built from the same
 * outcomes as the text and JSON reports; src/io/summaryWrite.ts turns the tables into .xlsx or .csv.
 */
import { cellText, getCell, refToString, type Workbook } from "../core/grid";
import type { FormKind, RuleId, Severity } from "../core/model";
import { RULE_IDS } from "../core/model";
import { cleanFloat, roundTo } from "../core/numbers";
import { RULE_LABEL } from "../core/ruleLabels";
import type { SkippedFile } from "./files";
import type { FileReport } from "./json";
import { countBySeverity, SEVERITY_TEXT, sortFindings, type ReportResult } from "./report";

export type SummaryStatus = "需修改" | "无法读取" | "已跳过" | "通过";

/** Sort order of the 汇总 sheet: what needs work first. */
export const STATUS_ORDER: readonly SummaryStatus[] = ["需修改", "无法读取", "已跳过", "通过"];

export const SUMMARY_HEADER = [
  "序号",
  "文件",
  "工作表/区域",
  "表格类型",
  "单位名称",
  "预算编码",
  "年度",
  "评分规则（及选择依据）",
  "表中总分",
  "重算总分",
  "差额",
  "表中等级",
  "重算等级",
  "错误数",
  "警告数",
  "主要问题",
  "状态",
] as const;

/** 规则 is the rule's Chinese name; its code comes last, for reviewers who filter by it. */
export const STATS_HEADER = ["规则", "涉及表数", "问题数", "其中错误", "其中警告", "其中提示", "规则代码"];

export const DUPLICATES_HEADER = [
  "重复类型",
  "重复值",
  "汇总序号",
  "文件",
  "工作表/区域",
  "单位名称",
  "预算编码",
  "年度",
];

export type Cell = string | number;

/** Sheets of a summary workbook, in order (src/io/summaryWrite.ts writes them). */
export const SUMMARY_SHEETS = ["汇总", "问题统计", "重复", "说明"] as const;

/** Label of the 说明 row naming the program, and how its value starts: "jixiao-check 1.2.3（…）". */
const TOOL_LABEL = "生成工具";
const TOOL_NAME = "jixiao-check";

/**
 * Whether a workbook is a summary written by an earlier run (so a folder read again is not reported as
 * 未找到自评表): exactly the four sheets 汇总 / 问题统计 / 重复 / 说明, and the 说明 sheet's 生成工具 row names
 * jixiao-check. Decided by content, not by file name; a workbook with any other sheet is checked as usual
 * (a reviewer may have pasted a form into it).
 */
export function isSummaryWorkbook(wb: Workbook): boolean {
  const names = wb.sheets.map((s) => s.name);
  if (names.length !== SUMMARY_SHEETS.length || !SUMMARY_SHEETS.every((n) => names.includes(n))) return false;
  const notes = wb.sheets.find((s) => s.name === "说明")!;
  // The label is in column A near the top (row 3 as written); a few rows of slack for a re-saved copy.
  for (let row = 0; row < Math.min(notes.cells.length, 30); row++) {
    if (cellText(getCell(notes, row, 0).value).trim() !== TOOL_LABEL) continue;
    return cellText(getCell(notes, row, 1).value)
      .trim()
      .startsWith(`${TOOL_NAME} `);
  }
  return false;
}

export const KIND_TEXT: Record<FormKind, string> = {
  department: "部门整体支出绩效自评表",
  project: "项目支出绩效自评表",
  report: "部门整体支出绩效自评报告（湖南旧版）",
};

export interface SummaryInput {
  /** Files in input order (forms, or why they could not be read). */
  files: readonly FileReport[];
  skipped: readonly SkippedFile[];
  /** Chinese name of a profile id. */
  profileName: (id: string) => string;
  /** Why the profile applies when the form gives no reason: "命令行 --profile 指定" / "默认规则". */
  profileSource: string;
  generatedAt: Date;
  version: string;
  inputs: readonly string[];
  /** 文件 as the summary shows it (relative to the folder given on the command line); default as given. */
  fileName?: (display: string) => string;
}

export interface SummaryTables {
  /** 汇总: header + rows, 需修改 first. */
  summary: Cell[][];
  /** 状态 of each 汇总 row (row i + 1 of `summary`), for the colours. */
  statuses: SummaryStatus[];
  stats: Cell[][];
  duplicates: Cell[][];
  notes: Cell[][];
}

interface Entry {
  status: SummaryStatus;
  cells: Cell[];
  /** For the 重复 sheet. */
  file: string;
  where: string;
  department: string | null;
  code: string | null;
  year: number | null;
  kind: FormKind | null;
}

function num(n: number | null): Cell {
  return n === null ? "" : n;
}

function where(r: ReportResult): string {
  if (!r.sheet) return "";
  return r.area ? `${r.sheet}!${r.area}` : r.sheet;
}

/** The first three findings, worst first: "[错误] 自评表!I7：message". */
export function mainProblems(r: ReportResult): string {
  return sortFindings(r.findings)
    .slice(0, 3)
    .map(
      (f) =>
        `[${SEVERITY_TEXT[f.severity]}] ${f.ref ? `${refToString(f.ref)}：` : ""}${f.message.replace(/\s*\n\s*/g, " ")}`,
    )
    .join("\n");
}

function formEntry(file: string, r: ReportResult, input: SummaryInput): Entry {
  const c = countBySeverity(r.findings);
  const status: SummaryStatus = c.error > 0 ? "需修改" : "通过";
  const diff =
    r.total.typed !== null && r.total.computed !== null
      ? cleanFloat(roundTo(r.total.typed - r.total.computed, 4))
      : null;
  const reason = r.profileReason ?? input.profileSource;
  return {
    status,
    file,
    where: where(r),
    department: r.department,
    code: r.budgetCode,
    year: r.year,
    kind: r.kind,
    cells: [
      0,
      file,
      where(r),
      r.kind ? KIND_TEXT[r.kind] : "未找到自评表",
      r.department ?? "",
      r.budgetCode ?? "",
      num(r.year),
      r.hasForm ? `${input.profileName(r.profile)}（${reason}）` : "",
      num(r.total.typed),
      num(r.total.computed),
      num(diff),
      r.grade.typed ?? "",
      r.grade.computed ?? "",
      c.error,
      c.warning,
      mainProblems(r),
      status,
    ],
  };
}

function otherEntry(file: string, status: SummaryStatus, problem: string): Entry {
  return {
    status,
    file,
    where: "",
    department: null,
    code: null,
    year: null,
    kind: null,
    cells: [0, file, "", "", "", "", "", "", "", "", "", "", "", "", "", problem, status],
  };
}

function ruleStats(files: readonly FileReport[]): Cell[][] {
  const forms = new Map<RuleId, number>();
  const counts = new Map<RuleId, Record<Severity, number>>();
  for (const f of files) {
    if ("error" in f) continue;
    for (const r of f.results) {
      const seen = new Set<RuleId>();
      for (const x of r.findings) {
        seen.add(x.rule);
        const c = counts.get(x.rule) ?? { error: 0, warning: 0, info: 0 };
        c[x.severity]++;
        counts.set(x.rule, c);
      }
      for (const id of seen) forms.set(id, (forms.get(id) ?? 0) + 1);
    }
  }
  const rows = RULE_IDS.map((id) => {
    const c = counts.get(id) ?? { error: 0, warning: 0, info: 0 };
    return [
      RULE_LABEL[id] ?? id,
      forms.get(id) ?? 0,
      c.error + c.warning + c.info,
      c.error,
      c.warning,
      c.info,
      id,
    ];
  });
  // Most widespread first; rules that never fired stay listed (in catalogue order) so the sheet shows
  // every rule that was checked.
  const order = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  const code = STATS_HEADER.length - 1;
  rows.sort(
    (a, b) =>
      (b[1] as number) - (a[1] as number) ||
      (b[2] as number) - (a[2] as number) ||
      order.get(a[code] as string)! - order.get(b[code] as string)!,
  );
  return [STATS_HEADER, ...rows];
}

/** Same 预算编码 in more than one file; same department and year in more than one file. */
function duplicates(entries: readonly Entry[], seq: Map<Entry, number>): Cell[][] {
  const out: Cell[][] = [DUPLICATES_HEADER];
  const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
  const groups = (kind: string, key: (e: Entry) => string | null, label: (e: Entry) => string): void => {
    const byKey = new Map<string, Entry[]>();
    for (const e of entries) {
      const k = key(e);
      if (k === null) continue;
      const list = byKey.get(k) ?? [];
      list.push(e);
      byKey.set(k, list);
    }
    for (const list of byKey.values()) {
      if (new Set(list.map((e) => e.file)).size < 2) continue;
      for (const e of list)
        out.push([
          kind,
          label(e),
          seq.get(e)!,
          e.file,
          e.where,
          e.department ?? "",
          e.code ?? "",
          num(e.year),
        ]);
    }
  };
  groups(
    "同一预算编码",
    (e) => (e.code ? norm(e.code) : null),
    (e) => e.code ?? "",
  );
  // Within one kind: a department's overall form and its project forms share 单位 and 年度 by design. A
  // project form's 单位 is its 主管部门, which many projects share, so project forms are not grouped here.
  groups(
    "同一单位和年度",
    (e) =>
      e.department && e.year !== null && e.kind !== "project"
        ? `${e.kind}\u0000${norm(e.department)}\u0000${e.year}`
        : null,
    (e) => `${e.department} ${e.year} 年度`,
  );
  if (out.length === 1) out.push(["未发现重复", "", "", "", "", "", "", ""]);
  return out;
}

function timestamp(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The profiles the forms were checked with, each with why it applies: "湖南省（优/良/较差/差）（默认规则）". */
function profilesUsed(input: SummaryInput): string[] {
  const seen = new Set<string>();
  for (const f of input.files) {
    if ("error" in f) continue;
    for (const r of f.results)
      if (r.hasForm) seen.add(`${input.profileName(r.profile)}（${r.profileReason ?? input.profileSource}）`);
  }
  return [...seen];
}

export function buildSummary(input: SummaryInput): SummaryTables {
  const name = input.fileName ?? ((d: string) => d);
  const entries: Entry[] = [];
  for (const f of input.files) {
    if ("error" in f) entries.push(otherEntry(name(f.file), "无法读取", f.error.message));
    else for (const r of f.results) entries.push(formEntry(name(f.file), r, input));
  }
  for (const s of input.skipped)
    entries.push(otherEntry(name(s.display), "已跳过", `${s.reason}。${s.action}。`));
  // Stable: within a status, input order.
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => STATUS_ORDER.indexOf(a.e.status) - STATUS_ORDER.indexOf(b.e.status) || a.i - b.i)
    .map((x) => x.e);
  const seq = new Map<Entry, number>();
  sorted.forEach((e, i) => {
    e.cells[0] = i + 1;
    seq.set(e, i + 1);
  });
  const count = (s: SummaryStatus): number => sorted.filter((e) => e.status === s).length;
  const formRows = sorted.filter((e) => e.status === "需修改" || e.status === "通过");
  const readFiles = input.files.filter((f) => !("error" in f)).length;
  const notes: Cell[][] = [
    ["项目", "内容"],
    ["生成时间", timestamp(input.generatedAt)],
    [TOOL_LABEL, `${TOOL_NAME} ${input.version}（绩效自评助手命令行）`],
    ["检查对象", input.inputs.join("；")],
    ["评分规则", profilesUsed(input).join("；") || "（没有找到自评表）"],
    [
      "文件数",
      `${readFiles + count("无法读取")} 个（另跳过 ${count("已跳过")} 个非 .xlsx、临时文件或本工具的输出）`,
    ],
    ["自评表数", formRows.length],
    ["需修改", count("需修改")],
    ["通过", count("通过")],
    ["无法读取", count("无法读取")],
    ["已跳过", count("已跳过")],
    [
      "状态说明",
      "需修改：有“错误”级别的问题；通过：没有错误（可能仍有警告，请看警告数）；无法读取：文件打不开，见主要问题；已跳过：不是 .xlsx、是临时文件或是本工具以前的输出，见主要问题",
    ],
    ["差额", "表中总分 − 重算总分；重算总分按所选评分规则由表中数据重新计算"],
    ["主要问题", "每张表按严重程度排在前面的三条问题；完整清单见文本报告、--json 输出或标注副本"],
    ["重复", "同一预算编码或同一单位、同一年度出现在不止一个文件中，见“重复”工作表"],
    ["检查的规则", RULE_IDS.map((id) => `${RULE_LABEL[id] ?? id}（${id}）`).join("；")],
  ];
  return {
    summary: [[...SUMMARY_HEADER], ...sorted.map((e) => e.cells)],
    statuses: sorted.map((e) => e.status),
    stats: ruleStats(input.files),
    duplicates: duplicates(sorted, seq),
    notes,
  };
}
