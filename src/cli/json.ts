/** The machine-readable output of `jixiao-check --json` (shared/spec/rules.md, "Machine-readable output"). */
import { refToString } from "../core/grid";
import type { Finding, FormResult, RuleId, Severity } from "../core/model";

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
}

export interface JsonFileEntry {
  file: string;
  sheet: string | null;
  form: JsonForm;
  findings: JsonFinding[];
}

export interface JsonDocument {
  files: JsonFileEntry[];
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
export function resultToJson(file: string, r: Omit<FormResult, "form">): JsonFileEntry {
  return {
    file,
    sheet: r.sheet,
    form: {
      department: r.department,
      year: r.year,
      profile: r.profile,
      total: { typed: r.total.typed, computed: r.total.computed },
      grade: { typed: r.grade.typed, computed: r.grade.computed },
    },
    findings: r.findings.map(findingToJson),
  };
}

export function toJsonDocument(
  files: { file: string; results: readonly Omit<FormResult, "form">[] }[],
): JsonDocument {
  const out: JsonFileEntry[] = [];
  for (const f of files) for (const r of f.results) out.push(resultToJson(f.file, r));
  return { files: out };
}
