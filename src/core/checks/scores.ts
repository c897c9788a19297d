/**
 * SCORE_OUT_OF_RANGE (a score above its weight or below 0), SCORE_MISMATCH (执行率得分 and 定量 scores vs
 * the profile's rule, beyond 0.01), QUAL_BAND (a 定性 score outside the band of its stated result).
 * A cell out of range gets only SCORE_OUT_OF_RANGE (with the rule's score as fix when there is one).
 */
import type { CellRef } from "../grid";
import { MSG } from "../messages";
import { formatNumber } from "../numbers";
import { pointsInBand } from "../scoring";
import type { Scored } from "../scoring";
import type { NumberRead } from "../read";
import type { CheckContext } from "./context";
import { rowLabel } from "../read";
import { planKey } from "../arithmetic";
import { undeterminedAt } from "../plan";

const EPS = 0.005;

/** The value the plan gives this cell (the rule's points, or the typed points clamped), if it changes it. */
function planned(ctx: CheckContext, ref: CellRef): number | null {
  const v = ctx.plan.byRef.get(planKey(ref))?.value;
  return typeof v === "number" ? v : null;
}

/** Reports SCORE_OUT_OF_RANGE when needed; returns true when it did. */
function outOfRange(
  ctx: CheckContext,
  name: string,
  score: NumberRead,
  weight: number | null,
  rule: Scored | null,
): boolean {
  if (score.value === null || !score.ref) return false;
  const ref: CellRef = score.ref;
  const fixValue = planned(ctx, ref);
  const fix = fixValue !== null ? { fix: { ref, value: fixValue } } : {};
  if (score.value < -1e-9) {
    ctx.report({
      rule: "SCORE_OUT_OF_RANGE",
      ref,
      message: MSG.scoreNegative(name, score.value),
      typed: score.value,
      expected: fixValue ?? 0,
      ...(rule ? { steps: rule.steps } : {}),
      ...fix,
    });
    return true;
  }
  if (weight !== null && weight >= 0 && score.value > weight + EPS) {
    ctx.report({
      rule: "SCORE_OUT_OF_RANGE",
      ref,
      message: MSG.scoreAbove(name, score.value, weight, rule?.value, rule?.steps),
      typed: score.value,
      expected: fixValue ?? weight,
      ...(rule ? { steps: rule.steps } : {}),
      ...fix,
    });
    return true;
  }
  return false;
}

function mismatch(ctx: CheckContext, name: string, score: NumberRead, rule: Scored | null): void {
  if (!rule || score.value === null || !score.ref) return;
  if (Math.abs(score.value - rule.value) <= 0.01 + 1e-9) return;
  const value = planned(ctx, score.ref) ?? rule.value;
  ctx.report({
    rule: "SCORE_MISMATCH",
    ref: score.ref,
    message: MSG.scoreMismatch(name, score.value, value, rule.steps),
    typed: score.value,
    expected: value,
    steps: rule.steps,
    fix: { ref: score.ref, value },
  });
}

/** A typed score the rules give otherwise from doubted figures: a warning naming them, no value, no fix. */
function undeterminedScore(
  ctx: CheckContext,
  name: string,
  score: NumberRead,
  rule: Scored | null,
  reason: string,
): void {
  if (!rule || score.value === null || !score.ref) return;
  if (Math.abs(score.value - rule.value) <= 0.01 + 1e-9) return;
  ctx.report({
    rule: "SCORE_MISMATCH",
    ref: score.ref,
    message: MSG.scoreUndetermined(name, score.value, reason),
    typed: score.value,
    expected: reason,
    undetermined: true,
  });
}

/** Sum of the form's own weights (执行率 + 三级 rows); null when one is unreadable. */
function formWeights(ctx: CheckContext): number | null {
  const a = ctx.analysis;
  let s = 0;
  if (a.budget?.total) {
    if (a.budget.weight.value === null) return null;
    s += a.budget.weight.value;
  }
  for (const i of a.indicators) {
    if (!i.scored || !i.row.weight?.ref) continue;
    if (i.weight.value === null) return null;
    s += i.weight.value;
  }
  return s;
}

/** The highest total the form allows: the profile's total weight, or the form's own weights when more. */
export function totalMax(ctx: CheckContext): number {
  return Math.max(ctx.profile.totalWeight, formWeights(ctx) ?? 0);
}

/**
 * A typed 总分 above the profile's total weight (188.1 of 100: two forms' scores added). When the form's
 * own weights add up to more (WEIGHT_TOTAL reports that), a total within them is left to WEIGHT_TOTAL.
 */
function totalOutOfRange(ctx: CheckContext): void {
  const a = ctx.analysis;
  const max = totalMax(ctx);
  if (a.typedTotal === null || !a.typedTotalRef || !(max > 0)) return;
  if (!(a.typedTotal > max + EPS) && !(a.typedTotal < -1e-9)) return;
  const ref = a.typedTotalRef;
  const total = ctx.plan.plan.total;
  const change = ctx.plan.byRef.get(planKey(ref));
  ctx.report({
    rule: "SCORE_OUT_OF_RANGE",
    ref,
    message: MSG.totalOutOfRange(a.typedTotal, max, total),
    typed: a.typedTotal,
    ...(total !== null ? { expected: total } : { expected: max }),
    ...(change ? { fix: { ref, value: change.value } } : {}),
  });
}

export function checkScores(ctx: CheckContext): void {
  const a = ctx.analysis;
  const b = a.budget;
  if (b?.total) {
    const name = "预算执行率";
    const doubted = undeterminedAt(ctx.plan, b.score.ref);
    if (doubted) {
      // The rate rests on a doubted figure: the points are not proposed (no "应为 5", no fix).
      if (!outOfRange(ctx, name, b.score, b.weight.value, null))
        undeterminedScore(ctx, name, b.score, b.rule, doubted.reason);
    } else if (!outOfRange(ctx, name, b.score, b.weight.value, b.rule)) mismatch(ctx, name, b.score, b.rule);
  }
  for (const i of a.indicators) {
    if (!i.scored) continue;
    const name = rowLabel(i.row.name);
    const w = i.weight.value;
    if (outOfRange(ctx, name, i.score, w, i.rule)) continue;
    if (i.rule) {
      mismatch(ctx, name, i.score, i.rule);
      continue;
    }
    if (i.qualitative && i.band && w !== null && w > 0 && i.score.value !== null && i.score.ref) {
      if (pointsInBand(i.score.value, w, i.band)) continue;
      const result = i.actual.text || i.target.text;
      const lo = i.band.min;
      const hi = i.band.max;
      ctx.report({
        rule: "QUAL_BAND",
        ref: i.score.ref,
        message: MSG.qualBand(name, result, i.score.value, w, lo, hi, i.band.maxInclusive),
        typed: i.score.value,
        expected: `${formatNumber(lo * w)}～${formatNumber(hi * w)}`,
        steps: `${i.band.band}：分值 ${formatNumber(w)} × ${formatNumber(lo * 100)}%～${formatNumber(hi * 100)}%`,
      });
    }
  }
  for (const s of [...a.level1, ...a.summary]) {
    const name = s.name === "合计" ? "合计" : s.summary.name.trim();
    outOfRange(ctx, name, s.score, s.weightValue, null);
  }
  totalOutOfRange(ctx);
}
