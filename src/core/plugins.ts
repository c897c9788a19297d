/**
 * The registry of kind plug-ins, above the generic engine it plugs into: a kind whose layout has blocks of
 * its own (the 自评报告) reads and checks them through its plug-in (`kinds/<kind>/plugin.ts`, interface in
 * `checks/plugin.ts`). Adding such a kind: one line in KIND_PLUGINS. The reading of a located form as the
 * checker makes it (readForm) is here too, for every consumer — the checker (check.ts) and the 复核底稿
 * (review/worksheet.ts) — so what each builds on it is the same.
 */
import type { FormKind, RuleProfile, SelfEvalForm } from "./model";
import { analyseForm } from "./read";
import type { FormAnalysis } from "./read";
import type { CheckGroup } from "./checks/context";
import type { KindPlugin } from "./checks/plugin";
import { reportPlugin } from "./kinds/report/plugin";

/** Every kind plug-in (kinds without one are read and checked by the generic engine alone). */
export const KIND_PLUGINS: readonly KindPlugin[] = [reportPlugin];

/** The plug-in of a kind; undefined for a kind without one. */
export function kindPlugin(kind: FormKind | null | undefined): KindPlugin | undefined {
  return KIND_PLUGINS.find((p) => p.kind === kind);
}

/** The generic reading of a form, plus its kind's own part (FormAnalysis.kindReading). */
export function readForm(form: SelfEvalForm, profile: RuleProfile): FormAnalysis {
  const analysis = analyseForm(form, profile);
  const plugin = kindPlugin(form.kind);
  if (plugin?.read) analysis.kindReading = plugin.read(form, analysis, profile);
  return analysis;
}

/** The check groups only the form's kind runs ([] for a kind without any). */
export function kindCheckGroups(kind: FormKind | null | undefined): readonly CheckGroup[] {
  return kindPlugin(kind)?.checks ?? [];
}
