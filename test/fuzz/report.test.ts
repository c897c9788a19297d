/* global console */
/**
 * The 自评报告 (kind `report`) under the fuzz suite: reports built from random specs (every value drawn from
 * the hostile values of arbitraries.ts, tables and summary present or not) and seed 004's table after 1–8
 * random mutations. Besides the suite's invariants (invariants.ts: no throw, no internal error, well-formed
 * findings, same result twice, the workbook untouched): every finding lies inside its form's area, and a
 * report whose labels are all in place is found as kind report. Share of FUZZ_RUNS: 10% each.
 */
import { afterAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import type { Workbook } from "../../src/core/grid";
import type { FormResult } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";
import { buildReportForm, type ReportMoneyRow, type ReportSpec } from "../../src/core/kinds/report/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { anyInput, anyMutation, anyText, mutate, runs } from "./arbitraries";
import { InvariantError, checkLocator, checkWholeCheck } from "./invariants";

const PROFILES = ["hunan", "national", "step-deduction"].map((id) => getProfile(id));
const profileArb = fc.constantFrom(...PROFILES);
const SHARE = 0.1;
const counted = { spec: 0, mutated: 0, report: 0 };

afterAll(() => {
  console.log(
    `fuzz (自评报告): ${counted.spec + counted.mutated} grids (from specs ${counted.spec}, mutated ${counted.mutated}); ` +
      `read as kind report in ${counted.report}`,
  );
});

/** Every finding of a located form points inside the form's area on its sheet. */
function findingsInside(results: FormResult[]): void {
  for (const r of results) {
    if (!r.form) continue;
    const b = r.form.bounds;
    for (const f of r.findings) {
      if (!f.ref) continue;
      const inside =
        f.ref.sheet === r.form.sheet &&
        f.ref.row >= b.top &&
        f.ref.row <= b.bottom &&
        f.ref.col >= b.left &&
        f.ref.col <= b.right;
      if (!inside)
        throw new InvariantError(
          `finding outside the form's area: ${JSON.stringify({ rule: f.rule, ref: f.ref, b })}`,
        );
    }
  }
}

const label = (xs: string[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...xs), weight: 4 }, { arbitrary: anyText, weight: 1 });
const moneyRows = (width: number): fc.Arbitrary<ReportMoneyRow[] | null> =>
  fc.option(
    fc.array(
      fc.record({
        label: label(["局机关及二级机构汇总", "1、局机关", "2、二级机构1", "合计", ""]),
        values: fc.array(anyInput, { minLength: 0, maxLength: width }),
      }),
      { maxLength: 5 },
    ),
    { freq: 4 },
  );

const anyReportSpec: fc.Arbitrary<ReportSpec> = fc.record({
  title: label(["吉首市科工信局2023年度部门整体支出绩效自评报告", "部门整体支出绩效自评报告", ""]),
  department: fc.oneof(fc.constant("吉首市科工信局"), anyText),
  budgetCode: anyInput,
  reportDate: fc.constantFrom("2024年6月", "2019年3月", ""),
  contact: anyInput,
  phone: anyInput,
  staff: fc.record({ authorised: anyInput, actual: anyInput }),
  duties: anyText,
  work: anyText,
  achievements: anyText,
  income: moneyRows(6),
  spending: moneyRows(7),
  threePublic: moneyRows(5),
  assets: moneyRows(4),
  goals: fc.record({ expected: anyInput, actual: anyInput }),
  quantitative: fc.array(
    fc.record({
      group: label(["产出目标（部门工作实绩）", "效益目标", ""]),
      sub: label(["数量、质量、时效、成本指标", "社会公众或服务对象满意度", ""]),
      name: label(["公用经费控制率", "重点工作完成及时率", "社会公众满意度", "新增规模企业"]),
      target: anyInput,
      actual: anyInput,
    }),
    { maxLength: 14 },
  ),
  combined: fc.oneof(
    fc.constantFrom(
      "评分：96   等级：优\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。",
      "评分：85 等级：良\n备注：85（含）—100分为优；70（含）—85分为良；60分以下为差",
      "评分：   等级：",
    ),
    anyInput,
  ),
  evaluators: fc.constant([["张  峰", "局  长", "吉首市科工信局"]] as [string, string, string][]),
  summary: fc.option(
    fc.array(fc.tuple(label(["投入", "产出", "效益", "满意度", "合计"]), anyInput, anyInput, anyInput), {
      minLength: 1,
      maxLength: 6,
    }),
    { freq: 3 },
  ),
});

describe("自评报告 under the fuzz suite", () => {
  test("reports from random specs: the invariants hold, findings stay in the form's area", () => {
    fc.assert(
      fc.property(anyReportSpec, profileArb, (spec, profile) => {
        counted.spec++;
        const wb: Workbook = { sheets: [buildReportForm(spec).sheet] };
        checkLocator(wb);
        const results = checkWholeCheck(wb, profile);
        findingsInside(results);
        if (results.some((r) => r.form?.kind === "report")) counted.report++;
      }),
      runs(SHARE),
    );
  }, 300_000);

  test("seed 004's table after random mutations: the invariants hold, findings stay in the form's area", () => {
    const base: Workbook = { sheets: [buildReportForm(seed004ReportSpec()).sheet] };
    fc.assert(
      fc.property(fc.array(anyMutation, { minLength: 1, maxLength: 8 }), profileArb, (mutations, profile) => {
        counted.mutated++;
        const wb = mutate(base, mutations);
        checkLocator(wb);
        const results = checkWholeCheck(wb, profile);
        findingsInside(results);
        if (results.some((r) => r.form?.kind === "report")) counted.report++;
      }),
      runs(SHARE),
    );
  }, 300_000);

  test("the unmutated seed table is found as kind report and its findings are inside its area", () => {
    const results = checkWholeCheck({ sheets: [buildReportForm(seed004ReportSpec()).sheet] }, PROFILES[0]);
    expect(results.map((r) => r.form?.kind)).toEqual(["report"]);
    findingsInside(results);
  });
});
