/**
 * What 写回总分和等级 may write, from the core's correction plan (FormResult.plan): the whole plan
 * (items → subtotals → total → grade) or only the total and grade that agree with the scores as typed.
 * Nothing is computed here: every value is the plan's.
 */
import type { CellRef } from "../core/grid";
import type { FormResult, PlannedChange } from "../core/model";
import { sameRef, writeBackTargets, type WriteBackTarget } from "./logic";

export interface WriteBackChoice {
  /** Changes of the plan other than the total and grade cells (item scores, rates, subtotals). */
  pending: PlannedChange[];
  /** 全部采用重算值并写回: every change of the plan (pending first, then total and grade). */
  all: WriteBackTarget[];
  /** 只写回与现有得分一致的总分和等级: the total and grade that agree with the typed scores. */
  keeping: WriteBackTarget[];
}

function isTotalOrGrade(result: FormResult, ref: CellRef): boolean {
  const { total, grade } = result.writeBack;
  const combined = result.form?.combinedScoreGrade?.ref ?? null;
  return sameRef(ref, total) || sameRef(ref, grade) || sameRef(ref, combined);
}

function target(c: PlannedChange): WriteBackTarget {
  return { what: c.item, ref: c.ref, value: c.value };
}

/**
 * The write-back options of a form. Without a plan (the form could not be read far enough), the
 * computed total and grade as the result gives them, with no pending changes. A plan without a total
 * offers only the total and grade agreeing with the typed items; an undetermined one (a doubted input)
 * offers nothing.
 */
export function writeBackChoice(result: FormResult): WriteBackChoice {
  const plan = result.plan;
  if (!plan) {
    const targets = writeBackTargets(result);
    return { pending: [], all: targets, keeping: targets };
  }
  // A plan that cannot compute the total is never written whole (the items would no longer add up to the
  // total); one whose figures are doubted writes no total either, not even one agreeing with the typed
  // items: nothing is written until the doubted cell is checked.
  if (plan.undetermined?.length) return { pending: [], all: [], keeping: [] };
  if (plan.total === null)
    return {
      pending: [],
      all: [],
      keeping: writeBackTargets(result, plan.totalKeepingItems, plan.gradeKeepingItems),
    };
  const pending = plan.changes.filter((c) => !isTotalOrGrade(result, c.ref));
  const totals = plan.changes.filter((c) => isTotalOrGrade(result, c.ref));
  return {
    pending,
    all: [...pending, ...totals].map(target),
    keeping: writeBackTargets(result, plan.totalKeepingItems, plan.gradeKeepingItems),
  };
}
