/**
 * 转换为普通公式 (src/core/portable/convert.ts): each built-in equivalent gives the same result as the
 * JX function it replaces, over generated inputs (fast-check). The JX side is the custom function's
 * own code (src/functions/logic.ts, the CustomFunctions global stubbed); the built-in side is the
 * converted formula evaluated by test/portable/evaluator.ts (Excel's documented semantics for the
 * few functions used). Inputs are those where the JX function returns a number or text — the
 * promise of an exact equivalent — plus the zero denominator, an error on both sides: #DIV/0! built in,
 * #VALUE! from the JX function (which carries its Chinese reason only on #VALUE!).
 *
 * Results are compared exactly (toBe), not within a tolerance.
 */
/* global process */
import { beforeAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import type { RuleProfile } from "../../src/core/model";
import { toPortableFormula, type ConvertEnv, type RefKind } from "../../src/core/portable/convert";
import { DEFAULT_PROFILE_ID, getProfile } from "../../src/core/profiles";
import * as L from "../../src/functions/logic";
import { installCustomFunctionsStub } from "../functions/cf-stub";
import { evaluate, isError, type Cells, type Value } from "./evaluator";

beforeAll(installCustomFunctionsStub);

const RUNS = Math.max(50, Number(process.env.FUZZ_RUNS ?? 0) / 20 || 500);
const DEFAULT: RuleProfile = getProfile(DEFAULT_PROFILE_ID);

type Fn = (...args: unknown[]) => unknown;
const LOGIC = L as unknown as Record<string, Fn>;
/** id → the function the custom function calls (RATIO was RATE; both spellings of the logic name). */
const JX: Record<string, Fn> = {
  EXECRATE: LOGIC.execRate,
  EXECSCORE: LOGIC.execScore,
  DEDUCTION: LOGIC.deduction,
  GRADE: LOGIC.grade,
  CONTROLRATE: LOGIC.controlRate,
  CHANGERATE: LOGIC.changeRateFn,
  RATIO: LOGIC.ratio ?? LOGIC.rate,
  STAFFRATE: LOGIC.staffRate,
  ADJUSTRATE: LOGIC.adjustRate,
  CARRYRATE: LOGIC.carryRate,
  BUDGETCOMPLETION: LOGIC.budgetCompletion,
  SUMSCORES: LOGIC.sumScores,
};

/** The JX result: its value, or { error: code } when it throws a CustomFunctions.Error. */
function jx(id: string, args: unknown[]): Value {
  try {
    return JX[id](...args) as Value;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code) throw e;
    return { error: code };
  }
}

/** Env for the converter: what the cells hold (numbers, blanks) — the same cells the evaluator reads. */
function envOf(cells: Cells): ConvertEnv {
  return {
    defaultProfile: DEFAULT,
    reference(text) {
      const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text);
      if (!m) return null;
      const kind = (v: Value | undefined): RefKind =>
        v === null || v === undefined
          ? "blank"
          : typeof v === "number"
            ? "number"
            : typeof v === "string"
              ? "text"
              : "other";
      if (!m[3]) return [kind(cells[`${m[1]}${m[2]}`])];
      const out: RefKind[] = [];
      for (let r = Number(m[2]); r <= Number(m[4]); r++) out.push(kind(cells[`${m[1]}${r}`]));
      return out;
    },
  };
}

/** Converts `_xldudf_JX_<id>(<argTexts>)` and evaluates the built-in formula over `cells`. */
function builtin(id: string, argTexts: string[], cells: Cells): { formula: string; value: Value } {
  const converted = toPortableFormula(`_xldudf_JX_${id}(${argTexts.join(",")})`, envOf(cells));
  if (!converted.ok) throw new Error(`not converted: ${converted.reason}`);
  expect(converted.formula).not.toMatch(/JX/i);
  return { formula: converted.formula, value: evaluate(converted.formula, cells) };
}

/** Same result; on a mismatch the message shows the formula and the inputs. */
function same(id: string, argTexts: string[], cells: Cells, jxArgs: unknown[]): void {
  const expected = jx(id, jxArgs);
  const { formula, value } = builtin(id, argTexts, cells);
  expect({ formula, cells, value }).toEqual({ formula, cells, value: expected });
}

/** Amounts as forms hold them: 万元 with up to 2 decimals. */
const amount = (max = 1_000_000): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const positive = (max = 1_000_000): fc.Arbitrary<number> =>
  fc.integer({ min: 1, max: max * 100 }).map((n) => n / 100);
/** A rate as a cell holds it: any double in [0, 1.5], or executed / budget. */
const rate = fc.oneof(
  fc.double({ min: 0, max: 1.5, noNaN: true }),
  fc.tuple(amount(5000), positive(5000)).map(([e, b]) => e / b),
  fc.integer({ min: 0, max: 150 }).map((n) => n / 100),
);
const weight = fc.oneof(
  fc.integer({ min: 0, max: 30 }),
  fc.integer({ min: 1, max: 300 }).map((n) => n / 10),
);

describe("rates: a/b", () => {
  test.each(["EXECRATE", "CONTROLRATE", "RATIO", "STAFFRATE", "ADJUSTRATE", "CARRYRATE"])("%s", (id) => {
    fc.assert(
      fc.property(amount(), positive(), (a, b) => same(id, ["A1", "B1"], { A1: a, B1: b }, [a, b])),
      { numRuns: RUNS },
    );
    // Zero denominator: an error on both sides — Excel's own #DIV/0! after conversion, the JX function's
    // #VALUE! with its reason before (Excel shows a custom message only with #VALUE!).
    expect(builtin(id, ["A1", "B1"], { A1: 5, B1: 0 }).value).toEqual({ error: "#DIV/0!" });
    expect(jx(id, [5, 0])).toEqual({ error: "#VALUE!" });
  });

  test("the old id RATE converts like RATIO", () => {
    const r = toPortableFormula("_xldudf_JX_RATE(C8,E8)", envOf({ C8: 438.64, E8: 180 }));
    expect(r).toEqual({ ok: true, formula: "C8/E8" });
    expect(evaluate("C8/E8", { C8: 438.64, E8: 180 })).toBe(jx("RATIO", [438.64, 180])); // 243.69%
  });

  test("literals and nested JX calls: JX.EXECSCORE(JX.EXECRATE(E8,D8),10)", () => {
    fc.assert(
      fc.property(amount(5000), positive(5000), weight, (e, d, w) => {
        const r = jx("EXECRATE", [e, d]);
        const formula = toPortableFormula(`JX.EXECSCORE(JX.EXECRATE(E8,D8),${w})`, envOf({ E8: e, D8: d }));
        expect(formula.ok).toBe(true);
        const got = evaluate((formula as { formula: string }).formula, { E8: e, D8: d });
        expect(got).toBe(jx("EXECSCORE", [r, w]));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("CHANGERATE: (c-p)/p", () => {
  test("generated", () => {
    fc.assert(
      fc.property(amount(), positive(), (c, p) => same("CHANGERATE", ["A1", "B1"], { A1: c, B1: p }, [c, p])),
      { numRuns: RUNS },
    );
    expect(builtin("CHANGERATE", ["A1", "B1"], { A1: 5, B1: 0 }).value).toEqual({ error: "#DIV/0!" });
    expect(jx("CHANGERATE", [5, 0])).toEqual({ error: "#VALUE!" });
  });
});

describe("BUDGETCOMPLETION: (ci+i+s-co)/(ci+i+s)", () => {
  test("generated, blank parts as 0 (blank cells and omitted arguments)", () => {
    const part = fc.option(amount(10_000), { nil: null });
    fc.assert(
      fc.property(part, positive(10_000), part, part, fc.boolean(), (ci, i, s, co, omit) => {
        fc.pre(co === null || co <= (ci ?? 0) + i + (s ?? 0));
        const cells: Cells = { A1: ci, B1: i, C1: s, D1: co };
        // omit: blank parts are left out of the call (f(,i,,)) instead of pointing at blank cells.
        const texts = omit
          ? [ci, i, s, co].map((v, k) => (v === null ? "" : "ABCD"[k] + "1"))
          : ["A1", "B1", "C1", "D1"];
        same("BUDGETCOMPLETION", texts, cells, [ci, i, s, co]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("EXECSCORE", () => {
  test('proportional (rule omitted → the default profile hunan, "proportional", "hunan")', () => {
    fc.assert(
      fc.property(
        rate,
        weight,
        fc.constantFrom("", '"proportional"', '"hunan"', '"按比例"'),
        (r, w, rule) => {
          const texts = rule ? ["A1", "B1", rule] : ["A1", "B1"];
          same("EXECSCORE", texts, { A1: r, B1: w }, rule ? [r, w, JSON.parse(rule)] : [r, w]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('step deduction, whole steps and linear ("step"/"linear", 步长, 每步扣分)', () => {
    const step = fc.constantFrom("0.5", "1", "2", "2.5", "3", "5", "2%", "0.02");
    const per = fc.constantFrom("0.5", "1", "2");
    fc.assert(
      fc.property(rate, weight, fc.constantFrom('"step"', '"linear"', ""), step, per, (r, w, rule, x, y) => {
        const stepValue = x.endsWith("%") ? Number(x.slice(0, -1)) / 100 : Number(x);
        same("EXECSCORE", ["A1", "B1", rule, x, y], { A1: r, B1: w }, [
          r,
          w,
          rule ? JSON.parse(rule) : null,
          stepValue,
          Number(y),
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  test('the profile "step-deduction" (每低于 2% 扣 1 分), including rates on a step boundary', () => {
    const boundary = fc.integer({ min: 0, max: 50 }).map((k) => 1 - (2 * k) / 100); // 100%, 98%, 96% …
    fc.assert(
      fc.property(fc.oneof(rate, boundary), fc.integer({ min: 0, max: 10 }), (r, w) =>
        same("EXECSCORE", ["A1", "B1", '"step-deduction"'], { A1: r, B1: w }, [r, w, "step-deduction"]),
      ),
      { numRuns: RUNS },
    );
    // By hand: 97% under 每低于 2% 扣 1 分 → 3 points below = 1 whole step → 5 − 1 = 4 (README example).
    expect(builtin("EXECSCORE", ["0.97", "5", '"step"', "2", "1"], {}).value).toBe(4);
  });
});

describe("DEDUCTION: ROUND(w-s,2)", () => {
  test("generated (s ≤ w)", () => {
    fc.assert(
      fc.property(amount(100), amount(100), (a, b) => {
        const [s, w] = a <= b ? [a, b] : [b, a];
        same("DEDUCTION", ["A1", "B1"], { A1: w, B1: s }, [w, s]);
      }),
      { numRuns: RUNS },
    );
    // README example: 10 − 7.42 = 2.58.
    expect(builtin("DEDUCTION", ["10", "7.42"], {}).value).toBe(2.58);
  });
});

describe("GRADE: LOOKUP over the rule's bands", () => {
  test("generated totals, band edges and rounding edges; default, national and step-deduction", () => {
    const total = fc.oneof(
      fc.integer({ min: 0, max: 95_000 }).map((n) => n / 1000),
      fc.constantFrom(0, 59.99, 59.995, 60, 79.994, 79.995, 80, 89.99, 89.995, 90, 95),
    );
    fc.assert(
      fc.property(total, fc.constantFrom("", '"national"', '"step-deduction"', '"hunan"'), (t, rule) => {
        const texts = rule ? ["A1", rule] : ["A1"];
        same("GRADE", texts, { A1: t }, rule ? [t, JSON.parse(rule)] : [t]);
      }),
      { numRuns: RUNS },
    );
    // README examples: 89.995 → 优 (rounded to 90.00); 70 under national → 中.
    expect(builtin("GRADE", ["89.995"], {}).value).toBe("优");
    expect(builtin("GRADE", ["70", '"national"'], {}).value).toBe("中");
  });
});

describe("SUMSCORES: ROUND(SUM(range),2)", () => {
  test("generated ranges of scores, blanks and placeholders", () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 2000 }).map((n) => n / 100),
      fc.constant(null),
      fc.constantFrom("/", "—", "无", "不适用"),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 25 }), (values) => {
        const cells: Cells = {};
        values.forEach((v, i) => (cells[`H${i + 1}`] = v));
        same("SUMSCORES", [`H1:H${values.length}`], cells, [values.map((v) => [v])]);
      }),
      { numRuns: RUNS },
    );
  });
});

test("the evaluator itself: hand-worked formulas (so a wrong evaluator cannot agree with a wrong converter)", () => {
  expect(evaluate("ROUND(2.675,2)")).toBe(2.68); // Excel: 2.68 (the double is 2.67499…)
  expect(evaluate("ROUND(-2.675,2)")).toBe(-2.68);
  expect(evaluate("INT(-1.5)")).toBe(-2);
  expect(evaluate('LOOKUP(59.99,{0,60,80,90},{"差","较差","良","优"})')).toBe("差");
  expect(evaluate('LOOKUP(60,{0,60,80,90},{"差","较差","良","优"})')).toBe("较差");
  expect(evaluate("LOOKUP(-1,{0,60},{1,2})")).toEqual({ error: "#N/A" });
  expect(evaluate("SUM(A1:A3)", { A1: 1, A2: "x", A3: null })).toBe(1);
  expect(evaluate("A1/B1", { A1: 1, B1: null })).toEqual({ error: "#DIV/0!" });
  expect(evaluate("(1-MIN(0.97,1))*100/2")).toBeCloseTo(1.5, 12);
  expect(evaluate("MIN(5,ROUND(MAX(0,5-1*INT(ROUND((1-MIN(0.9,1))*100/5,10))),2))")).toBe(3); // 10 points below, 2 steps of 5
  expect(isError(evaluate('1+"a"'))).toBe(true);
});
