/**
 * The 自评报告's own reading (kind `report`, domain.md §2.7): what its money tables give — 收入合计, 支出合计,
 * the execution rate 支出合计 ÷ 收入合计 (the report has no 全年预算数) and the points the profile's rule
 * gives the summary's 投入 row. The plug-in (./plugin.ts) stores it in FormAnalysis.kindReading; the total
 * takes the 投入 points from there, the report's checks (./checks.ts) the rest.
 */
import type { CellRef } from "../../grid";
import { REPORT_MSG } from "./messages";
import type { ReportTable, RuleProfile, SelfEvalForm } from "../../model";
import { formatNumber, formatPercent } from "../../numbers";
import { executionRate, executionScore } from "../../scoring";
import type { Scored } from "../../scoring";
import { readNumber } from "../../read";
import type { FormAnalysis, KindReading, Level1Info } from "../../read";
import { sum } from "../../arithmetic";

/** A table's 合计 for the whole department: the 汇总 row, else the sum of the 机构 rows. */
export interface ReportAmount {
  value: number;
  text: string;
  ref: CellRef;
}

export interface ReportAnalysis {
  income: ReportAmount | null;
  spending: ReportAmount | null;
  /** 支出合计 ÷ 收入合计; null when either is missing or 收入合计 ≤ 0. */
  rate: number | null;
  rateSteps: string | null;
  /** The summary's 投入 row and the points the profile's rule gives it; null when not computable. */
  execution: { summary: Level1Info; weight: number; rule: Scored } | null;
}

function tableOf(form: SelfEvalForm, kind: ReportTable["kind"]): ReportTable | undefined {
  return form.report?.tables.find((t) => t.kind === kind);
}

function departmentTotal(table: ReportTable | undefined): ReportAmount | null {
  if (!table) return null;
  const summary = table.rows.find((r) => r.summary);
  const read = readNumber(summary?.cells.total);
  if (read.value !== null && read.ref) return { value: read.value, text: read.text, ref: read.ref };
  const values: number[] = [];
  let ref: CellRef | null = null;
  for (const r of table.rows) {
    if (r.summary) continue;
    const v = readNumber(r.cells.total);
    if (v.value === null || !v.ref) continue;
    values.push(v.value);
    ref ??= v.ref;
  }
  if (values.length === 0 || !ref) return null;
  const value = sum(values);
  return { value, text: formatNumber(value, 4), ref };
}

/** What the report's own tables give: 收入合计, 支出合计, the execution rate and the 投入 points. */
export function analyseReport(form: SelfEvalForm, a: FormAnalysis, profile: RuleProfile): ReportAnalysis {
  const income = departmentTotal(tableOf(form, "income"));
  const spending = departmentTotal(tableOf(form, "spending"));
  const rate = income && spending ? executionRate(spending.value, income.value) : null;
  const rateSteps =
    rate !== null && income && spending
      ? REPORT_MSG.rateFromTables(spending.text, income.text, formatPercent(rate, 2))
      : null;
  let execution: ReportAnalysis["execution"] = null;
  const summary = a.summary.find((s) => s.name === "投入指标");
  if (summary && rate !== null) {
    const weight = summary.weightValue ?? profile.weights.execution;
    const s = weight >= 0 ? executionScore(rate, weight, profile.execution) : null;
    if (s && !s.invalid)
      execution = { summary, weight, rule: { value: s.value, steps: `${s.steps}；${rateSteps}` } };
  }
  return { income, spending, rate, rateSteps, execution };
}

/** The report's reading as the plug-in stored it; null when the form was not read as a report. */
export function reportReading(a: FormAnalysis): ReportAnalysis | null {
  const data = a.kindReading?.data as { reportAnalysis?: ReportAnalysis } | undefined;
  return data?.reportAnalysis ?? null;
}

/** The reading as the generic engine sees it: the 投入 row's points by rule, and the report's own data. */
export function reportKindReading(r: ReportAnalysis): KindReading {
  return {
    ruled: r.execution ? [{ summary: r.execution.summary, rule: r.execution.rule }] : [],
    data: { reportAnalysis: r },
  };
}
