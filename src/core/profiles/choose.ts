/**
 * Choosing the rule profile by itself (domain.md §2.10): with no profile chosen by the user, the built-in
 * profile the form's own figures point to — 预算执行率 weight and 总分 分值 (5 / 95 → step deduction), the grade
 * label (中 → national), grade bands printed on the form (a kind's profile hint, e.g. the report's 备注) —
 * and a Chinese reason naming that evidence. When no built-in fits, the default is used and `fitted` is
 * false (the weight check then reports the mismatch once).
 */
import { cellText } from "../grid";
import type { CellValue } from "../grid";
import { parseCombinedScoreGrade } from "../grade";
import { normalizeLevel1 } from "../labels";
import type { FormField, GradeBand, RuleProfile, SelfEvalForm } from "../model";
import { normalizeText } from "../parse";
import type { PrintedBands } from "./bands";

export interface ProfileChoice {
  profile: RuleProfile;
  /** Chinese: which profile and why (FormResult.profileReason). */
  reason: string;
  /** False when no built-in profile fits the form's figures (the default was used). */
  fitted: boolean;
}

/** What the form shows about its rules. */
export interface ProfileEvidence {
  executionWeight: number | null;
  totalWeight: number | null;
  gradeLabel: string | null;
  bands: GradeBand[] | null;
  bandsSource: string | null;
}

function numberOf(v: CellValue | undefined): number | null {
  if (!v) return null;
  if (v.kind === "number") return Number.isFinite(v.value) ? v.value : null;
  if (v.kind !== "text") return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*分?\s*$/.exec(normalizeText(v.value));
  return m ? Number(m[1]) : null;
}

const fieldNumber = (f: FormField | null | undefined): number | null => numberOf(f?.cell?.value);

/**
 * The evidence a form gives (never throws on a strange form). `printed`: the grade bands its kind's layout
 * prints (FormKindSpec.profileHints, asked by the orchestrator); null when none.
 */
export function profileEvidence(form: SelfEvalForm, printed: PrintedBands | null = null): ProfileEvidence {
  const summary = Array.isArray(form.level1Summary) ? form.level1Summary : [];
  const inputRow = summary.find((s) => normalizeLevel1(s.name) === "投入指标");
  const sumRow = summary.find((s) => /^(合计|总计)$/.test(s.name.replace(/\s/g, "")));
  const executionWeight = fieldNumber(form.budget?.total?.weight) ?? fieldNumber(inputRow?.weight);
  const totalWeight = fieldNumber(form.total?.weight) ?? fieldNumber(sumRow?.weight);
  let gradeLabel: string | null = form.grade?.cell ? cellText(form.grade.cell.value).trim() || null : null;
  if (gradeLabel === null && form.combinedScoreGrade?.cell)
    gradeLabel = parseCombinedScoreGrade(cellText(form.combinedScoreGrade.cell.value)).grade;
  return {
    executionWeight,
    totalWeight,
    gradeLabel: gradeLabel !== null ? normalizeText(gradeLabel).replace(/\s/g, "") : null,
    bands: printed?.bands ?? null,
    bandsSource: printed?.source ?? null,
  };
}

function sameBands(p: RuleProfile, bands: GradeBand[]): boolean {
  if (p.grades.length !== bands.length) return false;
  return p.grades.every((g, i) => {
    const b = bands[i];
    const label = p.gradeAliases[b.label] ?? b.label;
    return Math.abs(g.min - b.min) < 1e-9 && label === g.label;
  });
}

const fmt = (n: number): string => String(Number(n.toPrecision(12)));

/**
 * The built-in profile that fits the form (`profiles` in preference order, the default first). A profile
 * fits when the printed 执行率 weight, 总分 分值 and bands (where the form shows them) equal its own and the
 * grade label is one it reads; among those, one whose own band names include the label wins (中 → national).
 */
export function chooseProfile(
  form: SelfEvalForm,
  profiles: readonly RuleProfile[],
  printed: PrintedBands | null = null,
): ProfileChoice {
  return chooseProfileFrom(profileEvidence(form, printed), profiles);
}

/** chooseProfile on evidence already gathered. */
export function chooseProfileFrom(e: ProfileEvidence, profiles: readonly RuleProfile[]): ProfileChoice {
  const fits = profiles.filter(
    (p) =>
      (e.executionWeight === null || Math.abs(p.weights.execution - e.executionWeight) < 1e-9) &&
      (e.totalWeight === null || Math.abs(p.totalWeight - e.totalWeight) < 1e-9) &&
      (e.gradeLabel === null ||
        p.grades.some((g) => g.label === e.gradeLabel) ||
        e.gradeLabel in p.gradeAliases ||
        // A grade outside every profile's names is a GRADE_MISMATCH, not a sign of other rules.
        !profiles.some(
          (q) => q.grades.some((g) => g.label === e.gradeLabel) || e.gradeLabel! in q.gradeAliases,
        )) &&
      (e.bands === null || sameBands(p, e.bands)),
  );
  const said: string[] = [];
  if (e.executionWeight !== null) said.push(`预算执行率分值 ${fmt(e.executionWeight)}`);
  if (e.totalWeight !== null) said.push(`总分分值 ${fmt(e.totalWeight)}`);
  if (e.gradeLabel !== null) said.push(`等级“${e.gradeLabel}”`);
  if (e.bands !== null) said.push(`${e.bandsSource ?? "表中"}列出的等级划分`);
  const evidence = said.join("、");
  const fallback = profiles[0];
  if (fits.length === 0) {
    return {
      profile: fallback,
      fitted: false,
      reason:
        `表中${evidence}与内置评分规则均不一致，按默认规则“${fallback.name}”校验。` +
        "如本地规则不同，请选择或提供相应的评分规则。",
    };
  }
  const byName =
    e.gradeLabel !== null ? fits.find((p) => p.grades.some((g) => g.label === e.gradeLabel)) : undefined;
  const chosen = byName ?? fits[0];
  if (said.length === 0)
    return {
      profile: chosen,
      fitted: true,
      reason: `表中没有指向其他评分规则的特征，按默认规则“${chosen.name}”校验。`,
    };
  return {
    profile: chosen,
    fitted: true,
    reason: `按表中特征自动选择“${chosen.name}”：${evidence}与该规则一致。`,
  };
}
