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
import type { NumberRead } from "./analysis";
import type { CheckContext } from "./context";
import { rowLabel } from "./missing";

const EPS = 0.005;

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
  if (score.value < -1e-9) {
    ctx.report({
      rule: "SCORE_OUT_OF_RANGE",
      ref,
      message: MSG.scoreNegative(name, score.value),
      typed: score.value,
      ...(rule
        ? { expected: rule.value, steps: rule.steps, fix: { ref, value: rule.value } }
        : { expected: 0 }),
    });
    return true;
  }
  if (weight !== null && weight >= 0 && score.value > weight + EPS) {
    ctx.report({
      rule: "SCORE_OUT_OF_RANGE",
      ref,
      message: MSG.scoreAbove(name, score.value, weight, rule?.value, rule?.steps),
      typed: score.value,
      expected: rule ? rule.value : weight,
      ...(rule ? { steps: rule.steps, fix: { ref, value: rule.value } } : {}),
    });
    return true;
  }
  return false;
}

function mismatch(ctx: CheckContext, name: string, score: NumberRead, rule: Scored | null): void {
  if (!rule || score.value === null || !score.ref) return;
  if (Math.abs(score.value - rule.value) <= 0.01 + 1e-9) return;
  ctx.report({
    rule: "SCORE_MISMATCH",
    ref: score.ref,
    message: MSG.scoreMismatch(name, score.value, rule.value, rule.steps),
    typed: score.value,
    expected: rule.value,
    steps: rule.steps,
    fix: { ref: score.ref, value: rule.value },
  });
}

export function checkScores(ctx: CheckContext): void {
  const a = ctx.analysis;
  const b = a.budget;
  if (b?.total) {
    const name = "预算执行率";
    if (!outOfRange(ctx, name, b.score, b.weight.value, b.rule)) mismatch(ctx, name, b.score, b.rule);
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
}
