/**
 * total.computed from the reading of a form: what the rules give from the typed inputs, or the first part
 * that cannot be computed (Chinese, for the "无法按规则计算总分：…" finding).
 */
import { kindSpec } from "../kinds";
import { shownValue } from "../messages";
import type { SelfEvalForm } from "../model";
import { round2 } from "../numbers";
import { sum } from "../arithmetic";
import type { BudgetInfo, FormAnalysis } from "./analysis";
import type { NumberRead } from "./fields";

/**
 * total.computed: what the rules give from the typed inputs.
 * - Standard form: 执行率得分 by the profile's rule from the budget total row (executed / budget, the typed
 *   分值 or the profile's execution weight) + every scored indicator row: quantitative rows by
 *   quantitativeScore; every other row (qualitative, or not computable) the typed 得分 clamped to
 *   [0, 分值]. Null when the execution part or any scored row's points cannot be obtained.
 * - Older Hunan report form (no per-indicator points): the sum of its 一级 summary scores (合计 excluded).
 */
export function computeTotal(form: SelfEvalForm, a: FormAnalysis): number | null {
  return totalWithReason(form, a).value;
}

/**
 * computeTotal with, when it is null, the first part that could not be computed (Chinese, for the
 * "无法按规则计算总分：…" finding). One pass, like computeTotal.
 */
export function totalWithReason(
  form: SelfEvalForm,
  a: FormAnalysis,
): { value: number | null; reason: string | null } {
  const fail = (reason: string): { value: null; reason: string } => ({ value: null, reason });
  const done = (parts: number[]): { value: number | null; reason: string | null } => {
    const value = finiteOrNull(round2(sum(parts)));
    return value === null ? fail("各项得分相加超出了数值范围") : { value, reason: null };
  };
  const scoredRows = a.indicators.filter((i) => i.scored);
  const hasRowPoints = scoredRows.some((i) => i.row.score?.ref);
  const parts: number[] = [];
  if (!hasRowPoints) {
    const rows = a.summary.filter((s) => s.name !== "合计");
    const noSummary = rows.length === 0 ? kindSpec(form.kind).noSummaryReason : undefined;
    if (noSummary) return fail(noSummary);
    if (rows.length === 0)
      return fail(scoredRows.length > 0 ? "绩效指标表中没有“得分”栏" : "表中找不到带得分的绩效指标");
    for (const p of rows) {
      // A row the kind computes by rule (自评报告: 投入 = the 预算执行率 score from 支出合计 ÷ 收入合计).
      const ruled = a.kindReading?.ruled.find((r) => r.summary === p);
      if (ruled) {
        parts.push(ruled.rule.value);
        continue;
      }
      if (p.score.value === null) return fail(`“${p.summary.name}”的自评得分${whyNot(p.score)}`);
      parts.push(p.score.value);
    }
    return done(parts);
  }
  if (form.budget) {
    const b = a.budget;
    if (!b?.rule) return fail(budgetReason(b));
    parts.push(b.rule.value);
  }
  for (const i of scoredRows) {
    if (i.effective === null) {
      const name = i.row.name.replace(/\s+/g, " ").trim() || "（未命名指标）";
      return fail(`“${name}”的得分${whyNot(i.score)}`);
    }
    parts.push(i.effective);
  }
  return done(parts);
}

/** Why a read gives no number: "未填写", "是错误值 #REF!", "不是数字（逻辑值“TRUE”）". */
function whyNot(read: NumberRead): string {
  switch (read.status) {
    case "absent":
      return "没有对应的栏目";
    case "empty":
      return "未填写";
    case "error":
      return `是错误值 ${read.text}`;
    case "placeholder":
      return `填的是“${read.text}”`;
    case "number":
      return `为 ${read.text}，无法计算`;
    default:
      return `不是数字（${shownValue(read.cellKind, read.text)}）`;
  }
}

function budgetReason(b: BudgetInfo | null): string {
  if (!b || !b.total) return "预算资金表中找不到“年度资金总额”行，预算执行率得分无法计算";
  const row = "“年度资金总额”";
  if (b.budget.value === null) return `${row}的全年预算数${whyNot(b.budget)}`;
  if (b.executed.value === null) return `${row}的全年执行数${whyNot(b.executed)}`;
  if (b.rate === null) return `${row}的全年预算数为 ${b.budget.text}，无法计算预算执行率`;
  return `预算执行率得分无法按规则计算（分值为 ${b.weight.text || "空"}）`;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
