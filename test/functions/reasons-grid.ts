/**
 * Drives every JX function over a grid of awkward inputs and collects the reasons it gives with
 * #VALUE! (test/functions/reasons.test.ts): blanks, zeros, negatives, booleans, text that is no number,
 * placeholders, qualitative and unit-carrying targets, rule names known and unknown, values at the
 * limits of a double.
 */
import * as F from "../../src/functions/functions";
import { StubCustomFunctionError, installCustomFunctionsStub } from "./cf-stub";

type Fn = (...args: never[]) => unknown;

/** Function id → implementation (ids as in the JSDoc @customfunction tags). */
export const FUNCTIONS: Record<string, { fn: Fn; arity: number }> = {
  EXECRATE: { fn: F.execRate as Fn, arity: 2 },
  EXECSCORE: { fn: F.execScore as Fn, arity: 5 },
  INDSCORE: { fn: F.indScore as Fn, arity: 5 },
  QUALCHECK: { fn: F.qualCheck as Fn, arity: 3 },
  DEDUCTION: { fn: F.deduction as Fn, arity: 2 },
  GRADE: { fn: F.grade as Fn, arity: 2 },
  CONTROLRATE: { fn: F.controlRate as Fn, arity: 2 },
  CHANGERATE: { fn: F.changeRate as Fn, arity: 2 },
  RATIO: { fn: F.ratio as Fn, arity: 2 },
  STAFFRATE: { fn: F.staffRate as Fn, arity: 2 },
  ADJUSTRATE: { fn: F.adjustRate as Fn, arity: 2 },
  CARRYRATE: { fn: F.carryRate as Fn, arity: 2 },
  BUDGETCOMPLETION: { fn: F.budgetCompletion as Fn, arity: 4 },
  PARSEVALUE: { fn: F.parseNumberText as Fn, arity: 2 },
  SUMSCORES: { fn: F.sumScores as Fn, arity: 1 },
};

/** Awkward values for any argument. */
const VALUES: unknown[] = [
  null,
  "",
  0,
  -3,
  -1,
  7,
  2,
  0.97,
  1e308,
  1e-310,
  120,
  true,
  "abc",
  "x",
  "/",
  "2%",
  "按时完成",
  "≥95%",
  "≤27.6万元",
  "4家",
  "95%",
  "90%",
  "8.5",
  "达成年度指标",
  "部分达成年度指标并具有一定效果",
  "hunan",
  "national",
  "上海",
  "step",
  "proportional",
  "≥",
  "≤",
  "公用经费控制率",
];

/** Calls that succeed, per function: every pair of arguments is varied over VALUES around each. */
const BASES: Record<string, unknown[][]> = {
  EXECRATE: [[4.82, 6.7]],
  EXECSCORE: [
    [0.97, 10, null, null, null],
    [0.97, 10, "step", 2, 1],
  ],
  INDSCORE: [[0.95, 0.9, 10, null, null]],
  QUALCHECK: [["达成年度指标", 8, 10]],
  DEDUCTION: [[10, 7.42]],
  GRADE: [[85, null]],
  CONTROLRATE: [[20.48, 27.6]],
  CHANGERATE: [[75, 73.34]],
  RATIO: [[438.64, 180]],
  STAFFRATE: [[88, 99]],
  ADJUSTRATE: [[398.18, 1311.99]],
  CARRYRATE: [[12, 240]],
  BUDGETCOMPLETION: [
    [10, 100, 20, 13],
    [null, 100, null, null],
  ],
  PARSEVALUE: [["≤27.6万元", null]],
};

/** Every reason each function gave over the grid, with one input that gave it. */
export function collectReasons(): Map<string, Map<string, unknown[]>> {
  installCustomFunctionsStub();
  const out = new Map<string, Map<string, unknown[]>>();
  for (const [id, { fn, arity }] of Object.entries(FUNCTIONS)) {
    const reasons = new Map<string, unknown[]>();
    const call = (args: unknown[]) => {
      try {
        fn(...(args as never[]));
      } catch (e) {
        if (!(e instanceof StubCustomFunctionError))
          throw new Error(`${id}(${JSON.stringify(args)}) threw ${String(e)}`);
        if (e.code !== "#VALUE!") throw new Error(`${id}(${JSON.stringify(args)}) gave ${e.code}`);
        if (!reasons.has(e.message)) reasons.set(e.message, args);
      }
    };
    if (id === "SUMSCORES") {
      for (const v of [null, "x", 5, [[1, 2]], [[1e308, 1e308]], [["8.5分", "/", null]]]) call([v]);
    } else {
      for (const base of BASES[id]) {
        if (base.length !== arity) throw new Error(`${id}: base of ${base.length} arguments, not ${arity}`);
        call(base);
        for (let i = 0; i < arity; i++) {
          for (let j = i + 1; j < arity; j++) {
            for (const a of VALUES) {
              for (const b of VALUES) {
                const args = [...base];
                args[i] = a;
                args[j] = b;
                call(args);
              }
            }
          }
        }
      }
    }
    out.set(id, reasons);
  }
  return out;
}
