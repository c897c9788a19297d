/**
 * The read layer: a located form read once — each field as a number or text (./fields.ts), the whole
 * form's figures and what the rules give (./analysis.ts), the total (./total.ts) and the printed rates
 * (./rates.ts). Imports only the layers below (values, kinds); the plan and the checks build on it.
 */
export { EMPTY_CELL, fieldRef, fieldText, isBlankField, readNumber, rowLabel } from "./fields";
export type { NumberRead, ReadStatus } from "./fields";
export { analyseForm, analyseLevel1, bareIndicatorName } from "./analysis";
export type { BudgetInfo, FormAnalysis, IndicatorInfo, KindReading, Level1Info } from "./analysis";
export { computeTotal, totalWithReason } from "./total";
export { judgeRate, rateFixValue, readPrintedRate } from "./rates";
export type { PrintedRate, RateVerdict } from "./rates";
export { assessRead, weightsRead } from "./completeness";
export type { PartialRead, WeightsRead } from "./completeness";
export {
  basicSpendingAbove,
  EXEC_IMPLAUSIBLE,
  executionDoubts,
  incomeAsSpending,
  incomeTotal,
  spendingTotal,
  YUAN_IN_WANYUAN_THRESHOLD,
} from "./doubts";
export type { Doubt } from "./doubts";
