/**
 * The profile a form is graded under, decided once by the orchestrator (check.ts) and carried in
 * FormResult.profileUsed: the chosen profile, or — when the form prints its own grade bands (its kind's
 * profile hint, e.g. the 自评报告's 备注) and they differ — a copy with the printed bands (they win), with the
 * note that names them in the grade findings.
 */
import { sameBands } from "../gradeBands";
import { MSG } from "../messages";
import type { RuleProfile } from "../model";
import type { PrintedBands } from "./bands";

export function gradedProfile(
  profile: RuleProfile,
  printed: PrintedBands | null,
): { profile: RuleProfile; note: string | null } {
  const bands = printed?.bands;
  if (!bands || sameBands(bands, profile.grades)) return { profile, note: null };
  return {
    profile: { ...profile, grades: bands },
    note: MSG.bandsFromForm(printed?.source ?? "", profile.name),
  };
}
