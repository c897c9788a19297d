/**
 * The label lookup table: every spelling of every label role — the generic synonyms (../labels.ts) and
 * the labels only one kind of form prints (each FormKindSpec.labels) — merged once, on first use. It sits
 * above the kind registry so that the generic label table stays at the bottom of the core.
 */
import { LABEL_SYNONYMS, normalizeLabel, type LabelRole } from "../labels";
import { FORM_KINDS } from "./index";

let roleIndex: Map<string, LabelRole[]> | null = null;

function buildRoleIndex(): Map<string, LabelRole[]> {
  const index = new Map<string, LabelRole[]>();
  const add = (role: LabelRole, texts: readonly string[] | undefined): void => {
    for (const text of texts ?? []) {
      const key = normalizeLabel(text);
      const list = index.get(key);
      if (!list) index.set(key, [role]);
      else if (!list.includes(role)) list.push(role);
    }
  };
  for (const role of Object.keys(LABEL_SYNONYMS) as LabelRole[]) add(role, LABEL_SYNONYMS[role]);
  // Labels only one kind of form prints live with that kind (src/core/kinds/<kind>/).
  for (const k of FORM_KINDS)
    for (const role of Object.keys(k.labels) as LabelRole[]) add(role, k.labels[role]);
  return index;
}

const NO_ROLES: readonly LabelRole[] = [];

/** Roles of an already-normalised label ([] when it is not a known label). */
export function rolesOfNormalized(norm: string): readonly LabelRole[] {
  roleIndex ??= buildRoleIndex();
  const direct = roleIndex.get(norm);
  if (direct) return direct;
  // "其中：当年财政拨款" and enumerations "1、上年结转资金" / "(1)基本支出" → the bare label.
  const stripped = norm.replace(/^(其中:?|\(?[0-9一二三四五六七八九十]{1,2}[)、.．]|[①-⑩])/, "");
  if (stripped !== norm && stripped !== "") {
    const r = roleIndex.get(stripped.replace(/^其中:?/, ""));
    if (r) return r;
  }
  // A unit suffix: "预算资金(万元)" is listed, "全年执行数(万元)" is not; the project form's column letters
  // "全年预算数(A)" / "全年执行数(B)" / "执行率(B/A)" likewise.
  const unitless = norm.replace(/\((万元|元|亿元|分|%|[A-F]|[A-F]\/[A-F])\)$/, "");
  if (unitless !== norm) return roleIndex.get(unitless) ?? NO_ROLES;
  return NO_ROLES;
}

/** Roles of a raw label text. */
export function rolesOf(text: string): readonly LabelRole[] {
  return rolesOfNormalized(normalizeLabel(text));
}
