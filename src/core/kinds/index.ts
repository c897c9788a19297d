/**
 * The registry of form kinds. Adding a kind: a folder `src/core/kinds/<kind>/` exporting a FormKindSpec,
 * its entry in FORM_KINDS below (and its name in model.ts FormKind), tests and a sample.
 */
import type { FormKind } from "../model";
import { departmentKind } from "./department";
import { projectKind } from "./project";
import { reportKind } from "./report";
import type { FormKindSpec, KindBlock, KindEvidence } from "./types";

export type {
  FormKindSpec,
  HeaderKey,
  KindBlock,
  KindEvidence,
  KindHeaderField,
  KindProfileHints,
} from "./types";

/** Every kind, the default (department) first: with no sign either way a sheet is read as a department form. */
export const FORM_KINDS: readonly FormKindSpec[] = [departmentKind, projectKind, reportKind];

/** The spec of a kind (the department spec for an unknown value, so a caller never gets undefined). */
export function kindSpec(kind: FormKind | string | null | undefined): FormKindSpec {
  return FORM_KINDS.find((k) => k.kind === kind) ?? departmentKind;
}

/** Chinese name of a kind for display: 部门整体支出绩效自评表 / 项目支出绩效自评表 / 部门整体支出绩效自评报告. */
export function kindName(kind: FormKind | string | null | undefined): string {
  return kindSpec(kind).name;
}

function hasBlock(e: KindEvidence, b: KindBlock): boolean {
  switch (b) {
    case "indicators":
      return e.hasIndicators;
    case "budget":
      return e.hasBudget;
    case "summary":
      return e.hasSummary;
    case "combined":
      return e.hasCombined;
    case "report":
      return e.hasReportBlocks === true;
  }
}

/** The blocks found can be this kind: one of its anchors present, none of its excluded blocks. */
export function blocksFit(k: FormKindSpec, e: KindEvidence): boolean {
  return k.blocks.anchors.some((b) => hasBlock(e, b)) && !k.blocks.excludes.some((b) => hasBlock(e, b));
}

/** A title naming a kind counts as much as two of its marker labels. */
const TITLE_VOTES = 2;

export type KindChoice =
  | { kind: FormKind }
  /** Two kinds have equal signs (e.g. a 部门整体 title over a 项目名称 / 实施单位 header): not read at all. */
  | { kind: null; conflict: [FormKindSpec, FormKindSpec] }
  /** No kind fits the blocks found. */
  | { kind: null; conflict: null };

/**
 * The kind of the form an area holds: among the kinds whose blocks fit, the one with the most signs (its
 * title: 2, each of its marker labels: 1). A tie between two kinds that both have signs is a conflict (the
 * sheet looks half like one kind and half like another): the caller reports it instead of guessing.
 * No signs at all: the first kind that fits (department before project before report).
 */
export function chooseKind(e: KindEvidence): KindChoice {
  const fitting = FORM_KINDS.filter((k) => blocksFit(k, e));
  if (fitting.length === 0) return { kind: null, conflict: null };
  const votes = fitting.map((k) => {
    let v = k.title.test(e.title) ? TITLE_VOTES : 0;
    for (const role of k.markers) if (e.roles.has(role)) v += 1;
    return { k, v };
  });
  const best = Math.max(...votes.map((x) => x.v));
  if (best === 0) return { kind: fitting[0].kind };
  const top = votes.filter((x) => x.v === best);
  if (top.length > 1) return { kind: null, conflict: [top[0].k, top[1].k] };
  return { kind: top[0].k.kind };
}
