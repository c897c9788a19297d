/**
 * GRADE_MISMATCH: the printed grade is not the band of the typed total (rounded to 2 decimals), or not a
 * known grade label of the profile. Judged against the typed total (the clerk's own number): a wrong
 * total is SUM_MISMATCH's business. The fix is the band of the typed total; in the older Hunan combined
 * cell ("评分：96   等级：优") the fix rewrites the grade part of the text.
 */
import { gradeFor, normalizeGrade } from "../grade";
import { MSG } from "../messages";
import { formatNumber, round2 } from "../numbers";
import type { RuleProfile } from "../model";
import { fieldText } from "./analysis";
import type { CheckContext } from "./context";

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

/** Replaces the grade in a combined cell text, or appends "等级：X". */
function replaceCombinedGrade(text: string, grade: string): string {
  const re = /((?:等级|等次|评级)\s*(?:为|是)?\s*[:：]?\s*)([^\s\d:：,，;；。.、]+)/;
  if (re.test(text)) return text.replace(re, `$1${grade}`);
  return `${text.trimEnd()}   等级：${grade}`;
}

export function checkGrade(ctx: CheckContext): void {
  const a = ctx.analysis;
  const typed = a.typedGrade;
  const ref = a.typedGradeRef;
  if (typed === null || !ref) return; // MISSING_FIELD
  const total = a.typedTotal;
  const expected = total !== null ? gradeFor(round2(total), ctx.profile) : "";
  const combined = ctx.form.combinedScoreGrade?.ref === ref;
  const fixValue = (grade: string): string =>
    combined ? replaceCombinedGrade(fieldText(ctx.form.combinedScoreGrade), grade) : grade;
  const label = normalizeGrade(typed, ctx.profile);
  const bands = (ctx.gradeBandsNote ? `${ctx.gradeBandsNote}：` : "") + bandText(ctx.profile);
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
      ...(expected
        ? {
            expected,
            steps: `总分 ${formatNumber(round2(total!))}：${bands}`,
            fix: { ref, value: fixValue(expected) },
          }
        : {}),
    });
    return;
  }
  if (total === null || !expected || label === expected) return;
  ctx.report({
    rule: "GRADE_MISMATCH",
    ref,
    message: MSG.gradeMismatch(typed, round2(total), expected, bands),
    typed,
    expected,
    steps: `总分 ${formatNumber(round2(total))}：${bands}`,
    fix: { ref, value: fixValue(expected) },
  });
}
