/** The machine-readable output of `jixiao-check --json` (docs/rules.md, "Machine-readable output"). */
import { refToString } from "../core/grid";
import type { Finding, FormKind, RuleId, Severity } from "../core/model";
import type { SkipKind, SkippedFile } from "./files";
import { countBySeverity, type ReportResult } from "./report";

export interface JsonFinding {
  rule: RuleId;
  severity: Severity;
  /** "自评表!H12"; null only for TEMPLATE_NOT_FOUND. */
  cell: string | null;
  message: string;
  typed: number | string | null;
  expected: number | string | null;
  steps: string | null;
}

export interface JsonForm {
  department: string | null;
  year: number | null;
  profile: string;
  total: { typed: number | null; computed: number | null };
  grade: { typed: string | null; computed: string | null };
  /** department | project | report; null when no form was found. */
  kind: FormKind | null;
  /** 预算编码 as typed; null when blank. */
  code: string | null;
  /** Where the form lies on its sheet, "A1:J40"; null when no form was found. */
  area: string | null;
  /** Why the profile was chosen automatically; null when the user chose it. */
  profileReason: string | null;
}

export type Counts = Record<Severity, number>;

export interface JsonFileEntry {
  file: string;
  sheet: string | null;
  /** Null only for a file that could not be read. */
  form: JsonForm | null;
  /** Findings by severity. */
  counts: Counts;
  findings: JsonFinding[];
  /** Why the file could not be read (then form is null and findings empty); null otherwise. */
  error: { code: string; message: string } | null;
}

export interface JsonSkipped {
  file: string;
  kind: SkipKind;
  reason: string;
  action: string;
}

export interface JsonDocument {
  files: JsonFileEntry[];
  skipped: JsonSkipped[];
}

export function findingToJson(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    cell: f.ref ? refToString(f.ref) : null,
    message: f.message,
    typed: f.typed ?? null,
    expected: f.expected ?? null,
    steps: f.steps ?? null,
  };
}

/** One entry per form found in the file (two forms in one workbook → two entries). */
export function resultToJson(file: string, r: ReportResult): JsonFileEntry {
  return {
    file,
    sheet: r.sheet,
    form: {
      department: r.department,
      year: r.year,
      profile: r.profile,
      total: { typed: r.total.typed, computed: r.total.computed },
      grade: { typed: r.grade.typed, computed: r.grade.computed },
      kind: r.kind,
      code: r.budgetCode,
      area: r.area,
      profileReason: r.profileReason ?? null,
    },
    counts: countBySeverity(r.findings),
    findings: r.findings.map(findingToJson),
    error: null,
  };
}

/** A file in input order: its forms, or why it could not be read. */
export type FileReport =
  | { file: string; results: readonly ReportResult[] }
  | { file: string; error: { code: string; message: string } };

export function toJsonDocument(
  files: readonly FileReport[],
  skipped: readonly SkippedFile[] = [],
): JsonDocument {
  const out: JsonFileEntry[] = [];
  for (const f of files) {
    if ("error" in f) {
      out.push({
        file: f.file,
        sheet: null,
        form: null,
        counts: { error: 0, warning: 0, info: 0 },
        findings: [],
        error: { code: f.error.code, message: f.error.message },
      });
    } else for (const r of f.results) out.push(resultToJson(f.file, r));
  }
  return {
    files: out,
    skipped: skipped.map((s) => ({ file: s.display, kind: s.kind, reason: s.reason, action: s.action })),
  };
}
