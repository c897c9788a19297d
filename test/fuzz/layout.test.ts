/* global console */
/**
 * The layout-obstacle property (issue: read it all, or say what was not read): correct forms of every kind,
 * generated with their true total and grade (test/fuzz/layoutForms.ts, computed in hundredths there), each
 * with one obstacle real offices add — a repeated header mid-table, a blank row, 小计 rows, an inserted
 * column, numbers typed as text, unmerged 一级/二级 cells, the form shifted, an annotated grade, a signature
 * block, labels with line breaks or full-width spaces. The checker either computes the true total and grade
 * with no arithmetic finding (READ), or declines with PARTIAL_READ and computes nothing (DECLINED) — never a
 * different total. READ / DECLINED are counted per obstacle and printed; READ must be ≥ 90% overall.
 *
 * The annotated grade (优（90.5分）): the computed total and grade and the arithmetic are asserted; whether the
 * typed grade is accepted belongs to the grade reading (its GRADE_MISMATCH is not asserted here).
 * (The 自评报告 has no scored 三级 table: no 小计 rows for it; its annotated grade is in 评分：… 等级：….)
 * Runs: FUZZ_RUNS / 1000 per kind and obstacle (at least 6; FUZZ_RUNS defaults to 10,000).
 */
import { afterAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { getProfile } from "../../src/core/profiles";
import { FUZZ_RUNS, FUZZ_SEED } from "./arbitraries";
import {
  type FormDraw,
  KINDS,
  OBSTACLES,
  type Obstacle,
  applies,
  buildForm,
  withObstacle,
} from "./layoutForms";

const HUNAN = getProfile("hunan");
const RUNS = Math.max(6, Math.round(FUZZ_RUNS / 1000));
const ARITHMETIC = new Set([
  "SUM_MISMATCH",
  "WEIGHT_TOTAL",
  "RATE_MISMATCH",
  "SCORE_MISMATCH",
  "SCORE_OUT_OF_RANGE",
  "QUAL_BAND",
]);

const counts = new Map<Obstacle, { read: number; declined: number }>(
  OBSTACLES.map((o) => [o, { read: 0, declined: 0 }]),
);

afterAll(() => {
  const lines = [...counts].map(
    ([o, c]) =>
      `${o.padEnd(20)} READ ${String(c.read).padStart(4)}  DECLINED ${String(c.declined).padStart(4)}`,
  );
  const read = [...counts.values()].reduce((a, c) => a + c.read, 0);
  const all = [...counts.values()].reduce((a, c) => a + c.read + c.declined, 0);
  console.log(
    `layout obstacles (${KINDS.join(", ")}; ${RUNS} forms per kind and obstacle):\n${lines.join("\n")}\n` +
      `total READ ${read} / ${all} (${all ? ((100 * read) / all).toFixed(1) : 0}%)`,
  );
});

const draw: fc.Arbitrary<FormDraw> = fc
  .record({
    groups: fc.tuple(
      fc.record({
        rows: fc.integer({ min: 1, max: 6 }),
        ratios: fc.array(fc.constantFrom(100, 100, 95, 90, 80), { minLength: 1, maxLength: 6 }),
      }),
      fc.record({
        rows: fc.integer({ min: 1, max: 4 }),
        ratios: fc.array(fc.constantFrom(100, 100, 95, 90, 80), { minLength: 1, maxLength: 4 }),
      }),
      fc.record({
        rows: fc.integer({ min: 1, max: 2 }),
        ratios: fc.array(fc.constantFrom(100, 100, 90), { minLength: 1, maxLength: 2 }),
      }),
    ),
    rate: fc.constantFrom(100, 98, 95, 90),
    pick: fc.nat(20),
    style: fc.nat(20),
  })
  .map((d) => ({ ...d, groups: [...d.groups] }));

describe("layout obstacles: the true total, or PARTIAL_READ — never a different total", () => {
  for (const kind of KINDS)
    for (const obstacle of OBSTACLES.filter((o) => applies(kind, o)))
      test(`${kind}: ${obstacle}`, () => {
        fc.assert(
          fc.property(draw, (d) => {
            const b = buildForm(kind, d, obstacle);
            const sheet = withObstacle(b, obstacle, d);
            const results = checkWorkbook({ sheets: [sheet] }, { profile: HUNAN });
            expect(results).toHaveLength(1);
            const r = results[0];
            const c = counts.get(obstacle)!;
            if (r.findings.some((f) => f.rule === "PARTIAL_READ")) {
              c.declined++;
              expect(r.total.computed).toBeNull();
              expect(r.grade.computed).toBeNull();
              return;
            }
            c.read++;
            expect({ total: r.total.computed, grade: r.grade.computed }).toEqual({
              total: b.total,
              grade: b.grade,
            });
            const arithmetic = r.findings.filter(
              (f) =>
                ARITHMETIC.has(f.rule) || (f.rule === "GRADE_MISMATCH" && obstacle !== "annotated grade"),
            );
            expect(arithmetic.map((f) => `${f.rule} ${f.message}`)).toEqual([]);
          }),
          { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
        );
      });

  test("READ ≥ 90% overall", () => {
    const read = [...counts.values()].reduce((a, c) => a + c.read, 0);
    const all = [...counts.values()].reduce((a, c) => a + c.read + c.declined, 0);
    const pairs = KINDS.flatMap((k) => OBSTACLES.filter((o) => applies(k, o))).length;
    expect(all).toBe(pairs * RUNS);
    expect(read / all).toBeGreaterThanOrEqual(0.9);
  });
});
