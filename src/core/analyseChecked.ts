/**
 * The analysis of a located form as the checker makes it: analyseForm, plus the 自评报告's own part
 * (投入 = 预算执行率 recomputed from its tables). One function for every consumer — the checker
 * (check.ts) and the 复核底稿 (review/worksheet.ts) — so the plan each builds on it is the same.
 */
import type { RuleProfile, SelfEvalForm } from "./model";
import { analyseForm } from "./checks/analysis";
import type { FormAnalysis } from "./checks/analysis";
import { analyseReport } from "./kinds/report/checks";

export function analyseChecked(form: SelfEvalForm, profile: RuleProfile): FormAnalysis {
  const analysis = analyseForm(form, profile);
  if (form.kind === "report") analysis.report = analyseReport(form, analysis, profile);
  return analysis;
}
