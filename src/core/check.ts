/**
 * The orchestrator: workbook → forms (locator) → findings, total and grade per form. Never throws: a
 * failure inside a check group is caught, recorded in `internalErrors` (tests assert it stays empty) and
 * the other groups still run.
 */
import type { CellRef, Workbook } from "./grid";
import { type Located, locateWorkbook } from "./locate";
import { MSG } from "./messages";
import type { Finding, FormResult, RuleProfile, SelfEvalForm } from "./model";
import { BUILTIN_PROFILES, defaultProfile } from "./profiles";
import { type ProfileChoice, chooseProfile } from "./profiles/choose";
import { readForm, kindCheckGroups } from "./plugins";
import type { FormAnalysis } from "./read";
import { makeFinding, sortFindings } from "./checks/context";
import type { CheckContext } from "./checks/context";
import { FORM_CHECK_GROUPS, WORKBOOK_CHECK_GROUPS } from "./checks";
import { fieldText } from "./read";
import { planForm } from "./plan";
import type { PlanDetails } from "./plan";
import { gradedProfile } from "./profiles/graded";
import type { PrintedBands } from "./profiles/bands";
import { kindSpec } from "./kinds";

/** An exception caught inside the checker (a bug): which stage, and the error. */
export interface InternalError {
  stage: string;
  sheet: string | null;
  error: unknown;
}

export interface CheckOptions {
  /**
   * Rule profile chosen by the user (always wins). Without one, each form gets the built-in profile its
   * figures point to (profiles/choose.ts), and FormResult.profileReason says which and why.
   */
  profile?: RuleProfile;
  /** Exceptions caught inside the checker are pushed here (a bug when non-empty). */
  internalErrors?: InternalError[];
}

function emptyResult(profile: RuleProfile, findings: Finding[]): FormResult {
  return {
    form: null,
    sheet: null,
    department: null,
    year: null,
    profile: profile.id,
    profileReason: null,
    profileUsed: profile,
    total: { typed: null, computed: null },
    grade: { typed: null, computed: null },
    writeBack: { total: null, grade: null },
    findings,
    plan: null,
  };
}

function templateNotFound(profile: RuleProfile): FormResult {
  return emptyResult(profile, [
    makeFinding(profile, { rule: "TEMPLATE_NOT_FOUND", ref: null, message: MSG.templateNotFound() }),
  ]);
}

/** The built-in default profile (frozen, never changes): looked up once, not per workbook. */
let cachedDefault: RuleProfile | undefined;

/**
 * Checks every form of a workbook. One FormResult per form found; when none, one result with
 * form = null and a TEMPLATE_NOT_FOUND finding. Never throws.
 */
export function checkWorkbook(wb: Workbook, options: CheckOptions = {}): FormResult[] {
  let profile: RuleProfile;
  try {
    profile = options.profile ?? (cachedDefault ??= defaultProfile());
  } catch (error) {
    options.internalErrors?.push({ stage: "profile", sheet: null, error });
    profile = fallbackProfile();
  }
  let located: Located[] = [];
  try {
    located = wb && Array.isArray(wb.sheets) ? locateWorkbook(wb) : [];
  } catch (error) {
    options.internalErrors?.push({ stage: "locate", sheet: null, error });
    located = [];
  }
  if (located.length === 0) return [templateNotFound(profile)];
  return located.map((x) => {
    if (x.form) {
      if (options.profile) return checkForm(x.form, wb, profile, options.internalErrors);
      let auto: ProfileChoice | null = null;
      try {
        auto = chooseProfile(x.form, BUILTIN_PROFILES, printedBands(x.form));
      } catch (error) {
        options.internalErrors?.push({ stage: "profile", sheet: x.form.sheet, error });
      }
      return checkForm(x.form, wb, auto?.profile ?? profile, options.internalErrors, auto);
    }
    // A sheet with the signs of two kinds in equal number: one clear TEMPLATE_NOT_FOUND, no guessing.
    const [a, b] = x.conflict.kinds;
    const r = emptyResult(profile, [
      makeFinding(profile, {
        rule: "TEMPLATE_NOT_FOUND",
        ref: null,
        message: MSG.kindConflict(x.conflict.sheet, a.name, b.name),
      }),
    ]);
    r.sheet = x.conflict.sheet;
    return r;
  });
}

/** Checks one located form. Never throws. */
export function checkForm(
  form: SelfEvalForm,
  wb: Workbook,
  chosen: RuleProfile,
  internalErrors?: InternalError[],
  /** The automatic choice that gave `profile` (null/absent: chosen by the user). */
  auto?: ProfileChoice | null,
): FormResult {
  const findings: Finding[] = [];
  const fail = (stage: string, error: unknown): void => {
    internalErrors?.push({ stage, sheet: form?.sheet ?? null, error });
  };
  // A 自评报告 printing its own grade bands (备注) is graded by them: they win over the profile's.
  let profile = chosen;
  let gradeBandsNote: string | null = null;
  try {
    ({ profile, note: gradeBandsNote } = gradedProfile(chosen, printedBands(form)));
  } catch (error) {
    fail("profile", error);
  }
  let analysis: FormAnalysis | null = null;
  try {
    analysis = readForm(form, profile);
  } catch (error) {
    fail("analyse", error);
  }
  const result: FormResult = {
    form,
    sheet: form?.sheet ?? null,
    department: null,
    year: form?.year ?? null,
    profile: chosen.id,
    profileReason: auto?.reason ?? null,
    profileUsed: profile,
    total: { typed: null, computed: null },
    grade: { typed: null, computed: null },
    writeBack: { total: null, grade: null },
    findings,
    plan: null,
  };
  try {
    const dept = fieldText(form.header?.department);
    result.department = dept === "" ? null : dept;
    result.writeBack = {
      total: form.total?.score?.ref ?? form.combinedScoreGrade?.ref ?? null,
      grade: form.grade?.ref ?? form.combinedScoreGrade?.ref ?? null,
    };
  } catch (error) {
    fail("header", error);
  }
  if (!analysis) return result;
  let plan: PlanDetails;
  try {
    plan = planForm(form, analysis, profile);
    result.plan = plan.plan;
  } catch (error) {
    // A bug in the plan must not cost the other findings: the checks run without fixes (plan stays null).
    fail("plan", error);
    plan = emptyPlan();
  }

  const ctx: CheckContext = {
    form,
    wb,
    profile,
    analysis,
    plan,
    profileFitted: auto ? auto.fitted : true,
    report: (input) => findings.push(makeFinding(profile, input)),
    gradeBandsNote,
  };
  // The form's groups, then its kind's own (a plug-in's), then the workbook-level ones.
  const groups = [...FORM_CHECK_GROUPS, ...kindCheckGroups(form?.kind), ...WORKBOOK_CHECK_GROUPS];
  for (const group of groups) {
    try {
      group.run(ctx);
    } catch (error) {
      fail(group.name, error);
    }
  }
  let uncomputable: string | null = null;
  try {
    // The summary's 重算 total and grade are the plan's: the same numbers every finding's fix uses.
    result.total.typed = analysis.typedTotal;
    result.total.computed = plan.plan.total;
    uncomputable = plan.totalReason;
    result.grade.typed = analysis.typedGrade;
    result.grade.computed = plan.plan.grade;
  } catch (error) {
    fail("total", error);
  }
  try {
    // Safety net: a form whose total cannot be computed must never read as "no problem found".
    if (result.total.computed === null && !findings.some((f) => f.severity === "error")) {
      findings.push(
        makeFinding(profile, {
          rule: "MISSING_VALUE",
          ref: totalAnchor(form, analysis),
          message: MSG.totalNotComputable(uncomputable ?? "总分的组成部分无法读取"),
        }),
      );
    }
  } catch (error) {
    fail("total", error);
  }
  try {
    result.findings = sortFindings(findings, wb);
  } catch (error) {
    fail("sort", error);
  }
  return result;
}

/** The grade bands the form's kind finds printed on it (the 自评报告's 备注); null when none. */
function printedBands(form: SelfEvalForm): PrintedBands | null {
  return kindSpec(form.kind).profileHints?.(form) ?? null;
}

/** Where the "cannot compute the total" finding points: the 总分 cell, else the form's top-left cell. */
function totalAnchor(form: SelfEvalForm, analysis: FormAnalysis): CellRef {
  return (
    form.total?.score?.ref ??
    analysis.typedTotalRef ??
    form.combinedScoreGrade?.ref ??
    form.total?.score?.labelRef ??
    form.titleRef ?? { sheet: form.sheet, row: form.bounds.top, col: form.bounds.left }
  );
}

function emptyPlan(): PlanDetails {
  return {
    plan: { changes: [], total: null, grade: null, totalKeepingItems: null, gradeKeepingItems: null },
    byRef: new Map(),
    parts: [],
    totalReason: "内部错误，无法计算总分",
    level1: new Map(),
  };
}

/** Used only if the built-in profiles failed to load (a packaging bug): the hunan rules. */
function fallbackProfile(): RuleProfile {
  return {
    id: "hunan",
    name: "湖南省（优/良/较差/差）",
    totalWeight: 100,
    weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
    execution: { kind: "proportional" },
    reasonBelowRate: 0.9,
    grades: [
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "较差", min: 60 },
      { label: "差", min: 0 },
    ],
    gradeAliases: { 中: "较差" },
    overAchievement: { ratio: 1.3, deduct: 0 },
    severities: {},
  };
}
