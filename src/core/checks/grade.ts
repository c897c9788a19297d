/**
 * GRADE_MISMATCH: the printed grade is not the band of the total (rounded to 2 decimals), or not a known
 * grade label of the profile. The total is the correction plan's (../plan.ts); in the older Hunan combined
 * cell ("评分：96   等级：优") the plan's fix rewrites the text.
 */
import { gradeFor, normalizeGrade } from "../grade";
import { MSG } from "../messages";
import { formatNumber, round2 } from "../numbers";
import type { RuleProfile } from "../model";
import type { CheckContext } from "./context";
import { planKey } from "../arithmetic";

/** "优 ≥ 90；良 80～90；较差 60～80；差 < 60" */
export function bandText(profile: RuleProfile): string {
  const bands = [...profile.grades].sort((a, b) => b.min - a.min);
  return bands
    .map((b, i) => {
      if (i === 0) return `${b.label} ≥ ${formatNumber(b.min)}`;
      const upper = bands[i - 1].min;
      return b.min <= 0
        ? `${b.label} < ${formatNumber(upper)}`
        : `${b.label} ${formatNumber(b.min)}～${formatNumber(upper)}`;
    })
    .join("；");
}

/**
 * The grade is judged against the plan's total (the total once every part is corrected) when it can be
 * computed, else against the typed total. A grade that fits the typed total but not the plan's total is
 * reported too (the typed total is wrong). The fix is always the plan's grade.
 */
export function checkGrade(ctx: CheckContext): void {
  const a = ctx.analysis;
  const typed = a.typedGrade;
  const ref = a.typedGradeRef;
  if (typed === null || !ref) return; // MISSING_FIELD
  const typedTotal = a.typedTotal;
  const planTotal = ctx.plan.plan.total;
  const total = planTotal ?? typedTotal;
  const expected = total !== null ? gradeFor(round2(total), ctx.profile) : "";
  const change = ctx.plan.byRef.get(planKey(ref));
  const fix = change ? { fix: { ref, value: change.value } } : {};
  const label = normalizeGrade(typed, ctx.profile);
  const bands = (ctx.gradeBandsNote ? `${ctx.gradeBandsNote}：` : "") + bandText(ctx.profile);
  const steps = total !== null ? `总分 ${formatNumber(round2(total))}：${bands}` : undefined;
  if (label === null) {
    ctx.report({
      rule: "GRADE_MISMATCH",
      ref,
      message: MSG.gradeUnknown(
        typed,
        total,
        expected || null,
        ctx.profile.grades.map((g) => g.label).join("、"),
      ),
      typed,
      ...(expected ? { expected, steps, ...fix } : {}),
    });
    return;
  }
  if (total === null || !expected || label === expected) return;
  const fitsTyped =
    planTotal !== null && typedTotal !== null && Math.abs(typedTotal - planTotal) > 1e-6
      ? gradeFor(round2(typedTotal), ctx.profile) === label
      : false;
  ctx.report({
    rule: "GRADE_MISMATCH",
    ref,
    message: fitsTyped
      ? MSG.gradeFitsWrongTotal(typed, round2(typedTotal!), round2(total), expected, bands)
      : MSG.gradeMismatch(typed, round2(total), expected, bands),
    typed,
    expected,
    steps,
    ...fix,
  });
}
