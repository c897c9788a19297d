/**
 * WEIGHT_TOTAL: weights that do not add up.
 * - The 一级 weights (预算执行率 + 产出 + 效益 + 满意度) must sum to profile.totalWeight. A 一级 weight is
 *   read from its subtotal/summary row (or "产出指标(50分)"), else summed from its 三级 rows.
 * - Each 一级 weight must equal the profile's weight for it (profile.weights).
 * - The printed 总分 分值 must equal the sum of the weights.
 * - The 三级 weights of a 一级 must sum to its printed 一级 weight.
 * - A scored row must have a weight > 0.
 */
import type { CellRef } from "../grid";
import { MSG } from "../messages";
import type { RuleProfile } from "../model";
import { formatNumber } from "../numbers";
import type { Level1Info } from "../read";
import type { CheckContext } from "./context";
import { rowLabel } from "../read";
import { sum, sumDifference, sumSteps } from "../arithmetic";

type Level1Key = "execution" | "output" | "effect" | "satisfaction";

const LEVEL1_KEYS: { key: Level1Key; names: string[]; label: string }[] = [
  { key: "execution", names: ["投入指标", "预算执行率"], label: "预算执行率" },
  { key: "output", names: ["产出指标"], label: "产出指标" },
  { key: "effect", names: ["效益指标"], label: "效益指标" },
  { key: "satisfaction", names: ["满意度指标"], label: "满意度指标" },
];

interface Level1Weight {
  label: string;
  key: Level1Key | null;
  value: number;
  /** Where a finding about this weight points. */
  ref: CellRef | null;
  /** "20 + 10 + …" when summed from 三级 rows. */
  steps?: string;
}

function keyOf(name: string): Level1Key | null {
  for (const k of LEVEL1_KEYS) if (k.names.includes(name)) return k.key;
  return null;
}

/** The 一级 weights of the form, in form order, execution first. Null when some weight is unreadable. */
function level1Weights(ctx: CheckContext): Level1Weight[] | null {
  const a = ctx.analysis;
  const out: Level1Weight[] = [];
  const seen = new Set<string>();
  const summaryRows: Level1Info[] = [...a.level1, ...a.summary].filter((s) => s.name !== "合计");

  // 预算执行率: the budget total row's 分值, else the summary's 投入 row.
  if (a.budget?.total) {
    if (a.budget.weight.value === null) return null;
    out.push({
      label: "预算执行率",
      key: "execution",
      value: a.budget.weight.value,
      ref: a.budget.weight.ref,
    });
    seen.add("投入指标");
  }
  for (const s of summaryRows) {
    if (seen.has(s.name)) continue;
    if (s.weightValue === null) continue;
    seen.add(s.name);
    const key = keyOf(s.name);
    out.push({
      label: key === "execution" ? "预算执行率（投入）" : s.name,
      key,
      value: s.weightValue,
      ref: s.weight.ref ?? s.summary.nameRef,
    });
  }
  // 一级 without a printed weight: the sum of its 三级 weights.
  const groups = new Map<string, { values: number[]; ref: CellRef | null }>();
  for (const i of a.indicators) {
    if (!i.scored || !i.row.weight?.ref) continue;
    if (seen.has(i.level1)) continue;
    if (i.weight.value === null) return null;
    const g = groups.get(i.level1) ?? { values: [], ref: i.row.level1Ref ?? i.weight.ref };
    g.values.push(i.weight.value);
    groups.set(i.level1, g);
  }
  for (const [name, g] of groups) {
    const value = sum(g.values);
    out.push({
      label: name || "（未分类指标）",
      key: keyOf(name),
      value,
      ref: g.ref,
      steps: sumSteps(value, g.values),
    });
  }
  return out;
}

function anchorRef(ctx: CheckContext): CellRef | null {
  const a = ctx.analysis;
  const f = ctx.form;
  return (
    f.total.weight?.ref ??
    a.summary.find((s) => s.name === "合计")?.weight.ref ??
    a.budget?.weight.ref ??
    a.indicators.find((i) => i.weight.ref)?.weight.ref ??
    f.titleRef
  );
}

function profileWeight(profile: RuleProfile, key: Level1Key): number {
  return profile.weights[key];
}

function checkTotals(ctx: CheckContext): void {
  const weights = level1Weights(ctx);
  if (!weights || weights.length === 0) return;
  const total = sum(weights.map((w) => w.value));
  const steps = `${formatNumber(total)} = ${weights.map((w) => `${w.label} ${formatNumber(w.value)}`).join(" + ")}`;
  const expected = ctx.profile.totalWeight;
  let reported = false;
  // Automatic choice with no built-in profile fitting: the form's weights differ from the default's as a
  // whole — one finding, not one per 一级 (it stands for the printed 总分 分值 check below too, as the
  // total-vs-profile finding does).
  const noFit = ctx.profileFitted === false;
  if (noFit) reported = reportNoFit(ctx, weights, total, steps);
  if (!noFit && sumDifference(total, expected) !== "none") {
    const ref = anchorRef(ctx);
    if (ref) {
      ctx.report({
        rule: "WEIGHT_TOTAL",
        ref,
        message: MSG.weightTotal(total, expected, steps),
        typed: total,
        expected,
        steps,
      });
      reported = true;
    }
  }
  const printed = ctx.form.total.weight;
  const printedRead = ctx.analysis.summary.find((s) => s.name === "合计")?.weight;
  const printedValue = printedRead?.value ?? null;
  const cells: { value: number | null; ref: CellRef | null }[] = [];
  if (printed?.ref) {
    const v = printed.cell.value;
    cells.push({
      value:
        v.kind === "number"
          ? v.value
          : v.kind === "text" && /^\s*\d+(\.\d+)?\s*$/.test(v.value)
            ? Number(v.value)
            : null,
      ref: printed.ref,
    });
  }
  if (printedRead?.ref) cells.push({ value: printedValue, ref: printedRead.ref });
  for (const c of cells) {
    if (reported || c.value === null || !c.ref) continue;
    if (sumDifference(c.value, total) === "none") continue;
    ctx.report({
      rule: "WEIGHT_TOTAL",
      ref: c.ref,
      message: MSG.weightTotalPrinted(c.value, total, steps),
      typed: c.value,
      expected: total,
      steps,
    });
  }
  for (const w of noFit ? [] : weights) {
    if (!w.key || !w.ref) continue;
    const pw = profileWeight(ctx.profile, w.key);
    if (!(pw > 0) || sumDifference(w.value, pw) === "none") continue;
    ctx.report({
      rule: "WEIGHT_TOTAL",
      ref: w.ref,
      message: MSG.weightLevel1Profile(w.label, w.value, pw, w.steps),
      typed: w.value,
      expected: pw,
      ...(w.steps ? { steps: w.steps } : {}),
    });
  }
}

/** The one WEIGHT_TOTAL of an automatic choice where no built-in profile fits (when the weights differ at all). */
function reportNoFit(ctx: CheckContext, weights: Level1Weight[], total: number, steps: string): boolean {
  const p = ctx.profile;
  const differs =
    sumDifference(total, p.totalWeight) !== "none" ||
    weights.some((w) => w.key !== null && sumDifference(w.value, profileWeight(p, w.key)) !== "none");
  const ref = anchorRef(ctx);
  if (!differs || !ref) return false;
  const w = p.weights;
  const profileSteps = `${formatNumber(p.totalWeight)} = 预算执行率 ${formatNumber(w.execution)} + 产出指标 ${formatNumber(w.output)} + 效益指标 ${formatNumber(w.effect)} + 满意度指标 ${formatNumber(w.satisfaction)}`;
  ctx.report({
    rule: "WEIGHT_TOTAL",
    ref,
    message: MSG.weightNoBuiltinProfile(p.name, steps, profileSteps),
    typed: total,
    expected: p.totalWeight,
    steps,
  });
  return true;
}

/** 三级 weights vs a printed 一级 weight (subtotal row or "产出指标(50分)"). */
function checkLevel3(ctx: CheckContext): void {
  const a = ctx.analysis;
  // The 三级 weights of each 一级 name, summed once per name: a form without merges repeats
  // "产出指标(50分)" on every row, which gives one 一级 entry per row (linear, not rows × rows).
  const groups = new Map<string, { values: number[]; total: number } | null>();
  const groupOf = (name: string): { values: number[]; total: number } | null => {
    let g = groups.get(name);
    if (g === undefined) {
      const rows = a.indicators.filter((i) => i.scored && i.level1 === name && i.row.weight?.ref);
      if (rows.length === 0 || rows.some((i) => i.weight.value === null)) g = null;
      else {
        const values = rows.map((i) => i.weight.value!);
        g = { values, total: sum(values) };
      }
      groups.set(name, g);
    }
    return g;
  };
  for (const l1 of a.level1) {
    if (l1.name === "合计" || l1.weightValue === null) continue;
    const g = groupOf(l1.name);
    if (!g) continue;
    const values = g.values;
    const s = g.total;
    if (sumDifference(s, l1.weightValue) === "none") continue;
    const steps = sumSteps(s, values);
    ctx.report({
      rule: "WEIGHT_TOTAL",
      ref: l1.weight.ref ?? l1.summary.nameRef,
      message: MSG.weightLevel3(l1.summary.name.trim(), l1.weightValue, s, steps),
      typed: l1.weightValue,
      expected: s,
      steps,
    });
  }
}

function checkRowWeights(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || i.weight.value === null || !i.weight.ref) continue;
    if (i.weight.value > 0) continue;
    ctx.report({
      rule: "WEIGHT_TOTAL",
      ref: i.weight.ref,
      message: MSG.weightNonPositive(rowLabel(i.row.name), i.weight.value),
      typed: i.weight.value,
    });
  }
}

export function checkWeights(ctx: CheckContext): void {
  checkTotals(ctx);
  checkLevel3(ctx);
  checkRowWeights(ctx);
}
