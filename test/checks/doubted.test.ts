/**
 * No fix built on a doubted figure (the plan's undetermined state). The correct form (全年预算数 100, sub-rows
 * 80 + 15 + 5) with its 全年执行数 raised:
 * - 120 (执行率 120%): spending above the budget is a warning, but a budget left unadjusted explains it; the
 *   rule scores 100% → 10 points, determined;
 * - 200 (执行率 200%): no adjustment explains it — one figure is wrong and the true rate may be anything, so
 *   the points and the total are undetermined, naming the rate cell.
 */
import { describe, expect, test } from "@jest/globals";
import { a1 } from "../../src/core/grid";
import { build } from "./fixtures";
import { run } from "./helpers";

function executed(total: number, score: number) {
  return build((s) => {
    const [t, current] = s.budget.rows;
    t.executed = total;
    t.rate = { value: total / 100, numberFormat: "0.00%" };
    t.score = score;
    current.executed = total - 11 - 5; // 上年结转资金 11 + 其他资金 5 as in the correct form
  });
}

describe("an 执行率 above 100%", () => {
  test("120%: scored as 100% (10 points), the total is computed", () => {
    const b = executed(120, 7);
    const r = run(b.wb);
    const plan = r.results[0].plan!;
    expect(plan.undetermined ?? []).toEqual([]);
    expect(r.of("EXEC_OVER_100").length).toBeGreaterThan(0); // the total row (120%) and 当年财政拨款 (104 ÷ 80)
    const score = r.of("SCORE_MISMATCH").find((f) => f.ref?.row === b.layout.budget.rows[0].score.row)!;
    expect(score).toMatchObject({ severity: "error", expected: 10 });
    expect(score.fix?.value).toBe(10);
    expect(plan.total).not.toBeNull();
  });

  test("200%: the points and the total are undetermined, the rate cell named; no value, no fix", () => {
    const b = executed(200, 7);
    const r = run(b.wb);
    const plan = r.results[0].plan!;
    const rate = b.layout.budget.rows[0].rate;
    const cell = b.layout.budget.rows[0].score;
    expect(plan.total).toBeNull();
    expect(plan.grade).toBeNull();
    expect(
      plan.undetermined!.map((u) => [u.item, u.because.rule, a1(u.because.ref.row, u.because.ref.col)]),
    ).toEqual([
      ["执行率得分", "EXEC_OVER_100", a1(rate.row, rate.col)],
      ["执行率", "EXEC_OVER_100", a1(rate.row, rate.col)],
      ["总分", "EXEC_OVER_100", a1(rate.row, rate.col)],
    ]);
    expect(plan.changes.some((c) => c.ref.row === cell.row && c.ref.col === cell.col)).toBe(false);
    const score = r.of("SCORE_MISMATCH").find((f) => f.ref?.row === cell.row && f.ref?.col === cell.col)!;
    expect(score.severity).toBe("warning");
    expect(score.message).toContain(`无法确定：请先核对执行率（${a1(rate.row, rate.col)}）`);
    expect(score.message).not.toMatch(/应为 10/);
    expect(score.fix).toBeUndefined();
    expect(r.results[0].total.computed).toBeNull();
  });
});
