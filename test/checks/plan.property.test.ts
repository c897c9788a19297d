/**
 * The correction plan (FormResult.plan) over generated forms (fast-check; builder src/core/template.ts):
 * - applying every planned change, then re-checking, leaves no error of the arithmetic rules;
 * - the summary's 重算 total is the plan's total, and every finding's fix of the 总分 cell is that total;
 *   every finding's fix of the grade cell is the plan's grade;
 * - a second plan over the corrected form changes nothing (the plan is a fixed point).
 * Forms vary the budget (rate, printed rate as percent number or text, execution score), 3–9 indicator
 * rows (≥ / ≤ / qualitative, any typed score, out of range included), the typed total (right, wrong,
 * above the total weight) and the grade, under all three built-in profiles.
 */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import type { Cell, CellRef, Workbook } from "../../src/core/grid";
import type { FormResult, RuleId, RuleProfile } from "../../src/core/model";
import { buildStandardForm } from "../../src/core/template";
import type { CellInput, FormSpec, IndicatorSpec } from "../../src/core/template";
import { FUZZ_SEED } from "../fuzz/arbitraries";
import { HUNAN, NATIONAL, STEP, run } from "./helpers";
import { PCT, correctSpec } from "./fixtures";

const ARITHMETIC: RuleId[] = [
  "SUM_MISMATCH",
  "RATE_MISMATCH",
  "SCORE_MISMATCH",
  "GRADE_MISMATCH",
  "SCORE_OUT_OF_RANGE",
];

const r2 = (n: number): number => Math.round(n * 100) / 100;

const LEVEL1: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["效益指标", "社会效益指标"],
  ["满意度指标", "服务对象满意度指标"],
];
const QUAL = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"];

const typedScore = (w: number): fc.Arbitrary<CellInput> =>
  fc.oneof(
    fc.constant<CellInput>(w),
    fc.constant<CellInput>(0),
    fc.integer({ min: -100, max: Math.round(w * 100) + 300 }).map((c) => c / 100),
  );

const indicator: fc.Arbitrary<IndicatorSpec> = fc
  .record({
    cat: fc.constantFrom(...LEVEL1),
    kind: fc.constantFrom("ge", "le", "qual"),
    target: fc.integer({ min: 1, max: 200 }),
    actual: fc.integer({ min: 0, max: 300 }),
    unit: fc.constantFrom("家", "个", "亿元", "%"),
    qual: fc.constantFrom(...QUAL),
    weight: fc.constantFrom(2, 5, 6, 8, 10, 12.5, 3.3),
    n: fc.nat(999),
  })
  .chain((r) =>
    typedScore(r.weight).map((score): IndicatorSpec => {
      const base = { level1: r.cat[0], level2: r.cat[1], weight: r.weight, score };
      if (r.kind === "ge")
        return {
          ...base,
          name: `指标${r.n}：完成数量`,
          target: `≥${r.target}${r.unit}`,
          actual: `${r.actual}${r.unit}`,
        };
      if (r.kind === "le")
        return { ...base, name: `指标${r.n}：成本控制率`, target: "≤100%", actual: `${r.actual}%` };
      return { ...base, name: `指标${r.n}：工作成效`, target: "达成年度指标", actual: r.qual };
    }),
  );

const rateCell = (exact: number): fc.Arbitrary<CellInput> =>
  fc.oneof(
    fc.constant<CellInput>({ value: exact, numberFormat: PCT }),
    fc.constant<CellInput>({ value: Math.round(exact * 100) / 100, numberFormat: "0%" }),
    fc.integer({ min: 0, max: 20000 }).map((c): CellInput => ({ value: c / 10000, numberFormat: PCT })),
    fc.integer({ min: 0, max: 20000 }).map((c): CellInput => `${(c / 100).toFixed(2)}%`),
  );

/** Rows grouped by 一级 name, each group followed by its 小计 row when asked. */
function withSubtotals(rows: IndicatorSpec[], kind: string, random: number): IndicatorSpec[] {
  const order = [...new Set(rows.map((i) => i.level1))];
  const out: IndicatorSpec[] = [];
  for (const name of order) {
    const group = rows.filter((i) => i.level1 === name);
    out.push(...group);
    if (kind === "none") continue;
    out.push({
      level1: `${name}小计`,
      level2: "",
      name: "",
      target: null,
      actual: null,
      weight: r2(group.reduce((a, i) => a + Number(i.weight), 0)),
      score: kind === "sum" ? r2(group.reduce((a, i) => a + Number(i.score), 0)) : random,
    });
  }
  return out;
}

const form: fc.Arbitrary<FormSpec> = fc
  .record({
    budget: fc.integer({ min: 5000, max: 50000 }),
    execPct: fc.integer({ min: 0, max: 130 }),
    carry: fc.integer({ min: 0, max: 30 }),
    indicators: fc.array(indicator, { minLength: 3, maxLength: 9 }),
    execScore: fc.option(fc.integer({ min: -100, max: 1300 }), { nil: undefined }),
    totalKind: fc.constantFrom("parts", "random", "over"),
    totalRandom: fc.integer({ min: 0, max: 10000 }),
    grade: fc.constantFrom("优", "良", "较差", "差", "中", "优秀"),
    /** 一级 subtotal rows (产出指标小计 …) after each group: none, the typed parts' sum, or a random score. */
    subtotals: fc.constantFrom("none", "sum", "random"),
    subtotalRandom: fc.integer({ min: 0, max: 6000 }),
  })
  .chain((r) => {
    const budget = r.budget / 100;
    const executed = r2((budget * r.execPct) / 100);
    const exact = executed / budget;
    const carry = r2((budget * r.carry) / 100);
    const carryExec = r2((executed * r.carry) / 100);
    const subExact = r2(executed - carryExec) / r2(budget - carry);
    return fc.tuple(rateCell(exact), rateCell(subExact)).map(([rate, subRate]): FormSpec => {
      const spec = correctSpec();
      // 其中 rows consistent with the total in every column (budget sums are never planned).
      spec.budget.rows = [
        {
          label: "年度资金总额",
          initialBudget: budget,
          fullYearBudget: budget,
          executed,
          weight: 10,
          rate,
          score: r.execScore === undefined ? r2(exact >= 1 ? 10 : 10 * exact) : r.execScore / 100,
        },
        {
          label: "其中：当年财政拨款",
          initialBudget: r2(budget - carry),
          fullYearBudget: r2(budget - carry),
          executed: r2(executed - carryExec),
          rate: subRate,
        },
        { label: "上年结转资金", initialBudget: carry, fullYearBudget: carry, executed: carryExec },
      ];
      spec.indicators = withSubtotals(r.indicators, r.subtotals, r.subtotalRandom / 100);
      const rows = spec.indicators.filter((i) => !i.level1.endsWith("小计"));
      const parts = [Number(spec.budget.rows[0].score), ...rows.map((i) => Number(i.score))];
      const partsSum = r2(parts.reduce((a, b) => a + b, 0));
      spec.total.score =
        r.totalKind === "parts" ? partsSum : r.totalKind === "over" ? 188.1 : r.totalRandom / 100;
      spec.grade = r.grade;
      return spec;
    });
  });

function setCell(wb: Workbook, ref: CellRef, value: number | string): void {
  const sheet = wb.sheets.find((s) => s.name === ref.sheet)!;
  const row = (sheet.cells[ref.row] ??= []);
  const old: Cell | undefined = row[ref.col];
  row[ref.col] = {
    ...(old?.numberFormat ? { numberFormat: old.numberFormat } : {}),
    value: typeof value === "number" ? { kind: "number", value } : { kind: "text", value },
  };
}

function sameRef(a: CellRef | null | undefined, b: CellRef | null | undefined): boolean {
  return !!a && !!b && a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** The summary, the plan and every finding's fix of the total/grade cell agree. */
function assertCoherent(r: FormResult): void {
  const plan = r.plan!;
  expect(plan).not.toBeNull();
  expect(r.total.computed).toBe(plan.total);
  expect(r.grade.computed).toBe(plan.grade);
  for (const f of r.findings) {
    if (!f.fix) continue;
    if (sameRef(f.fix.ref, r.writeBack.total) && plan.total !== null) expect(f.fix.value).toBe(plan.total);
    if (sameRef(f.fix.ref, r.writeBack.grade) && plan.grade !== null) expect(f.fix.value).toBe(plan.grade);
    // A finding's fix is the plan's change of that cell, when the plan changes it.
    const change = plan.changes.find((c) => sameRef(c.ref, f.fix!.ref));
    if (change && ARITHMETIC.includes(f.rule)) expect(f.fix.value).toBe(change.value);
  }
  const totalChange = plan.changes.find((c) => sameRef(c.ref, r.writeBack.total));
  if (totalChange) expect(totalChange.value).toBe(plan.total);
}

/** How often the generated forms hit the cases the property is about (so it cannot pass vacuously). */
const seen = {
  changed: 0,
  totalFixed: 0,
  totalExplained: 0,
  gradeFixed: 0,
  subRate: 0,
  outOfRange: 0,
  subtotalFixed: 0,
};

function property(profile: () => RuleProfile, numRuns: number): void {
  fc.assert(
    fc.property(form, fc.boolean(), (spec, typeRulesTotal) => {
      const wb: Workbook = { sheets: [buildStandardForm(spec)] };
      let before = run(wb, profile()).results[0];
      if (typeRulesTotal && before.plan?.total != null && before.writeBack.total) {
        // The clerk typed the rules' total while some parts are wrong (武冈: 95 over parts 0 + 90).
        setCell(wb, before.writeBack.total, before.plan.total);
        before = run(wb, profile()).results[0];
      }
      assertCoherent(before);
      const onTotal = before.findings.filter((f) => sameRef(f.ref, before.writeBack.total));
      if (before.plan!.changes.length > 0) seen.changed++;
      if (onTotal.some((f) => f.fix)) seen.totalFixed++;
      if (onTotal.some((f) => f.rule === "SUM_MISMATCH" && !f.fix)) seen.totalExplained++;
      if (onTotal.some((f) => f.rule === "SCORE_OUT_OF_RANGE")) seen.outOfRange++;
      if (before.findings.some((f) => f.rule === "GRADE_MISMATCH" && f.fix)) seen.gradeFixed++;
      if (before.plan!.changes.some((c) => c.item.includes("当年财政拨款"))) seen.subRate++;
      if (before.plan!.changes.some((c) => c.item.includes("小计"))) seen.subtotalFixed++;
      for (const c of before.plan!.changes) setCell(wb, c.ref, c.value);
      const after = run(wb, profile());
      const left = after.findings.filter((f) => f.severity === "error" && ARITHMETIC.includes(f.rule));
      expect(left.map((f) => [f.rule, f.message])).toEqual([]);
      const res = after.results[0];
      assertCoherent(res);
      expect(res.plan!.changes).toEqual([]);
      if (before.plan!.total !== null) expect(res.total.typed).toBe(before.plan!.total);
    }),
    { seed: FUZZ_SEED, numRuns },
  );
}

describe("correction plan over generated forms", () => {
  test("hunan: the whole plan applied → no arithmetic error; summary = plan = every fix", () => {
    property(HUNAN, 300);
  });
  test("step-deduction profile", () => {
    property(STEP, 150);
  });
  test("national profile", () => {
    property(NATIONAL, 150);
  });
  test("the generated forms exercised every case", () => {
    for (const [k, v] of Object.entries(seen)) expect([k, v > 5]).toEqual([k, true]);
  });
});
