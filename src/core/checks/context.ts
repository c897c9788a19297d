/**
 * What every check group receives, and the one place findings are created: rule → category, default
 * severity (rules.md), the profile's override, and the "rounding only → at most a warning" cap.
 */
import type { Workbook } from "../grid";
import type { Finding, FindingCategory, RuleId, RuleProfile, SelfEvalForm, Severity } from "../model";
import { severityFor } from "../profiles";
import { tidyText } from "../messages";
import type { FormAnalysis } from "../read";
import type { PlanDetails } from "../plan";

/** Default severity of every rule (rules.md table). */
export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  TEMPLATE_NOT_FOUND: "error",
  MISSING_FIELD: "error",
  MISSING_VALUE: "error",
  MISSING_REASON: "error",
  SUM_MISMATCH: "error",
  WEIGHT_TOTAL: "error",
  RATE_MISMATCH: "error",
  SCORE_MISMATCH: "error",
  SCORE_OUT_OF_RANGE: "error",
  QUAL_BAND: "warning",
  GRADE_MISMATCH: "error",
  GRADE_NAME: "warning",
  EXEC_OVER_100: "warning",
  INCOME_AS_SPENDING: "error",
  MAGNITUDE: "warning",
  PERCENT_OVER_100: "error",
  UNIT_MISMATCH: "warning",
  YEAR_MISMATCH: "warning",
  UNKNOWN_CATEGORY: "warning",
  OVER_ACHIEVEMENT: "warning",
  FORECAST_VALUE: "warning",
  GOAL_DUPLICATE: "warning",
  FIGURE_CONFLICT: "warning",
  ADDIN_FORMULA: "warning",
  UNPARSED_VALUE: "info",
  PARTIAL_READ: "warning",
};

/** Task-pane grouping of every rule (domain.md §6). */
export const RULE_CATEGORY: Readonly<Record<RuleId, FindingCategory>> = {
  TEMPLATE_NOT_FOUND: "template",
  MISSING_FIELD: "missing",
  MISSING_VALUE: "missing",
  MISSING_REASON: "missing",
  SUM_MISMATCH: "arithmetic",
  WEIGHT_TOTAL: "arithmetic",
  RATE_MISMATCH: "arithmetic",
  SCORE_MISMATCH: "arithmetic",
  SCORE_OUT_OF_RANGE: "arithmetic",
  QUAL_BAND: "arithmetic",
  GRADE_MISMATCH: "grade",
  GRADE_NAME: "grade",
  EXEC_OVER_100: "plausibility",
  INCOME_AS_SPENDING: "plausibility",
  MAGNITUDE: "plausibility",
  PERCENT_OVER_100: "plausibility",
  OVER_ACHIEVEMENT: "plausibility",
  FORECAST_VALUE: "plausibility",
  UNIT_MISMATCH: "consistency",
  YEAR_MISMATCH: "consistency",
  UNKNOWN_CATEGORY: "consistency",
  GOAL_DUPLICATE: "consistency",
  FIGURE_CONFLICT: "consistency",
  ADDIN_FORMULA: "consistency",
  UNPARSED_VALUE: "consistency",
  PARTIAL_READ: "template",
};

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A finding as a check reports it: severity and category come from the rule and the profile. */
export type FindingInput = Omit<Finding, "severity" | "category"> & {
  /** A difference that comes from rounding only: the severity is capped at "warning". */
  roundingOnly?: boolean;
  /** A value that cannot be determined (an input is doubted): capped at "warning", never a fix. */
  undetermined?: boolean;
};

export interface CheckContext {
  form: SelfEvalForm;
  wb: Workbook;
  profile: RuleProfile;
  analysis: FormAnalysis;
  /** The correction plan: every `expected`/`fix` of a cell it changes comes from it. */
  plan: PlanDetails;
  /**
   * False when the profile was chosen automatically and no built-in profile fits the form's weights
   * (profiles/choose.ts): the weight check then reports the mismatch with the profile once, not per 一级.
   */
  profileFitted?: boolean;
  report(input: FindingInput): void;
  /** Where the grade bands come from when not the chosen profile (a 自评报告's printed 备注), for messages. */
  gradeBandsNote?: string | null;
}

/** A check group: reports findings through ctx.report. */
export interface CheckGroup {
  name: string;
  run: (ctx: CheckContext) => void;
}

function finiteOrNull(v: number | string | null): number | string | null {
  return typeof v === "number" && !Number.isFinite(v) ? null : v;
}

/** Builds a finding with its category and the profile's severity. */
export function makeFinding(profile: RuleProfile, input: FindingInput): Finding {
  let severity = severityFor(profile, input.rule, DEFAULT_SEVERITY[input.rule]);
  if ((input.roundingOnly || input.undetermined) && SEVERITY_RANK[severity] < SEVERITY_RANK.warning)
    severity = "warning";
  const f: Finding = {
    rule: input.rule,
    severity,
    category: RULE_CATEGORY[input.rule],
    ref: input.ref,
    message: tidyText(input.message),
  };
  // A sum of huge figures can overflow (1e308 + 1e308 = Infinity): report no number rather than a
  // non-finite one (JSON would print null, Excel cannot hold it), and offer no fix.
  if (input.typed !== undefined) f.typed = finiteOrNull(input.typed);
  if (input.expected !== undefined) f.expected = finiteOrNull(input.expected);
  if (input.steps !== undefined) f.steps = tidyText(input.steps);
  if (input.fix !== undefined && !input.undetermined && finiteOrNull(input.fix.value) !== null)
    f.fix = input.fix;
  return f;
}

/** Sorts by severity, then sheet (workbook order), row, column. Stable for equal keys. */
export function sortFindings(findings: Finding[], wb: Workbook): Finding[] {
  const sheetIndex = new Map<string, number>();
  wb.sheets.forEach((s, i) => sheetIndex.set(s.name, i));
  const keyed = findings.map((f, i) => ({ f, i }));
  keyed.sort((a, b) => {
    const s = SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity];
    if (s !== 0) return s;
    const ra = a.f.ref;
    const rb = b.f.ref;
    if (ra === null || rb === null) return ra === rb ? a.i - b.i : ra === null ? -1 : 1;
    const sa = sheetIndex.get(ra.sheet) ?? Number.MAX_SAFE_INTEGER;
    const sb = sheetIndex.get(rb.sheet) ?? Number.MAX_SAFE_INTEGER;
    return sa - sb || ra.row - rb.row || ra.col - rb.col || a.i - b.i;
  });
  return keyed.map((k) => k.f);
}
