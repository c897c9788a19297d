/**
 * The profile a form is graded under, decided once by the orchestrator (check.ts) and carried in
 * FormResult.profileUsed: the chosen profile, or — when the form prints its own grade bands (a kind's
 * profile hint, e.g. the 自评报告's 备注) and they differ — a copy with the printed bands (they win), with
 * the note that names them in the grade findings.
 */
import { sameBands } from "../gradeBands";
import { kindSpec } from "../kinds";
import { MSG } from "../messages";
import type { RuleProfile, SelfEvalForm } from "../model";

export function gradedProfile(
  profile: RuleProfile,
  form: SelfEvalForm | null,
): { profile: RuleProfile; note: string | null } {
  const hints = form ? (kindSpec(form.kind).profileHints?.(form) ?? null) : null;
  const printed = hints?.bands;
  if (!printed || sameBands(printed, profile.grades)) return { profile, note: null };
  return {
    profile: { ...profile, grades: printed },
    note: MSG.bandsFromForm(hints?.source ?? "", profile.name),
  };
}
