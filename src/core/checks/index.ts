/**
 * The generic check groups, in the order they run. Each takes the shared CheckContext and reports
 * findings; the orchestrator (../check.ts) isolates them so one failing group cannot stop the others. It
 * runs the form's groups (FORM_CHECK_GROUPS), then the groups of the form's kind (its plug-in, ./plugin.ts),
 * then the workbook-level ones (WORKBOOK_CHECK_GROUPS).
 */
import { checkAddinFormulas } from "./addin";
import { checkConsistency } from "./consistency";
import type { CheckGroup } from "./context";
import { checkGrade } from "./grade";
import { checkMissing } from "./missing";
import { checkPlausibility } from "./plausibility";
import { checkRates } from "./rate";
import { checkScores } from "./scores";
import { checkSums } from "./sums";
import { checkWeights } from "./weights";

/** What every form is checked by, whatever its kind. */
export const FORM_CHECK_GROUPS: readonly CheckGroup[] = [
  { name: "missing", run: checkMissing },
  { name: "sums", run: checkSums },
  { name: "weights", run: checkWeights },
  { name: "rates", run: checkRates },
  { name: "scores", run: checkScores },
  { name: "grade", run: checkGrade },
  { name: "plausibility", run: checkPlausibility },
  { name: "consistency", run: checkConsistency },
];

/** Checks of the workbook around the form (the add-in's own formulas), after the kind's groups. */
export const WORKBOOK_CHECK_GROUPS: readonly CheckGroup[] = [{ name: "addin", run: checkAddinFormulas }];

/** Every generic group in running order (a kind's own groups run between the two lists). */
export const CHECK_GROUPS: readonly CheckGroup[] = [...FORM_CHECK_GROUPS, ...WORKBOOK_CHECK_GROUPS];

export { analyseForm, computeTotal, readNumber } from "../read";
export type { BudgetInfo, FormAnalysis, IndicatorInfo, NumberRead } from "../read";
export { DEFAULT_SEVERITY, RULE_CATEGORY, makeFinding, sortFindings } from "./context";
export type { CheckContext, CheckGroup, FindingInput } from "./context";
export type { KindPlugin } from "./plugin";
export { readPrintedRate, judgeRate } from "../read";
