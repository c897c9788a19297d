/**
 * The check groups, in the order they run. Each takes the shared CheckContext and reports findings;
 * the orchestrator (../check.ts) isolates them so one failing group cannot stop the others.
 */
import { checkAddinFormulas } from "./addin";
import { checkConsistency } from "./consistency";
import type { CheckContext } from "./context";
import { checkGrade } from "./grade";
import { checkMissing } from "./missing";
import { checkPartialRead } from "./partial";
import { checkPlausibility } from "./plausibility";
import { checkRates } from "./rate";
import { checkReport } from "../kinds/report/checks";
import { checkScores } from "./scores";
import { checkSums } from "./sums";
import { checkWeights } from "./weights";

export interface CheckGroup {
  name: string;
  run: (ctx: CheckContext) => void;
}

export const CHECK_GROUPS: readonly CheckGroup[] = [
  { name: "read", run: checkPartialRead },
  { name: "missing", run: checkMissing },
  { name: "sums", run: checkSums },
  { name: "weights", run: checkWeights },
  { name: "rates", run: checkRates },
  { name: "scores", run: checkScores },
  { name: "grade", run: checkGrade },
  { name: "plausibility", run: checkPlausibility },
  { name: "consistency", run: checkConsistency },
  { name: "report", run: checkReport },
  { name: "addin", run: checkAddinFormulas },
];

export { analyseForm, computeTotal, readNumber } from "./analysis";
export type { BudgetInfo, FormAnalysis, IndicatorInfo, NumberRead } from "./analysis";
export { DEFAULT_SEVERITY, RULE_CATEGORY, makeFinding, sortFindings } from "./context";
export type { CheckContext, FindingInput } from "./context";
export { readPrintedRate, judgeRate } from "./rate";
