/**
 * PARTIAL_READ: a form read only in part is declined — one warning naming the rows not understood, no
 * computed total or grade, no sum / weight / grade finding from the part read; per-row findings whose
 * inputs were read in full stay. And it stays quiet on forms read in full.
 */
import { describe, expect, test } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import type { Cell, Sheet } from "../../src/core/grid";
import { insertRows } from "../../src/core/gridEdit";
import { getProfile } from "../../src/core/profiles";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { LONG_TABLE, longTableSpec } from "../locate/longTable";

const HUNAN = getProfile("hunan");
const text = (value: string): Cell => ({ value: { kind: "text", value } });
const num = (value: number): Cell => ({ value: { kind: "number", value } });

function check(sheet: Sheet) {
  const [r, ...more] = checkWorkbook({ sheets: [sheet] }, { profile: HUNAN });
  expect(more).toEqual([]);
  return r;
}

/**
 * The long form (24 indicators, 99.25) with a 合计 row typed under the 产出 group (a row people add when a
 * table is pasted in pieces): the table ends there, so the 效益 and 满意度 rows below it are not read.
 * Weights read: 10 + 50 = 60 of 100.
 */
function cutTable(edit?: (spec: ReturnType<typeof longTableSpec>) => void) {
  const spec = longTableSpec();
  edit?.(spec);
  const L = standardLayout(spec, { mergeLevels: false });
  const at = L.indicators.rows[16].row;
  const row: (Cell | undefined)[] = [];
  row[L.indicators.columns.name] = text("合计");
  row[L.indicators.columns.weight] = num(50);
  row[L.indicators.columns.score] = num(50);
  const sheet = insertRows(buildStandardForm(spec, { mergeLevels: false }), at, [row]);
  return { sheet, firstUnread: at + 1, L };
}

describe("PARTIAL_READ", () => {
  test("a table cut short: one warning naming the rows, no total, no grade, no sum or weight finding", () => {
    const { sheet, firstUnread, L } = cutTable();
    const r = check(sheet);
    const partial = r.findings.filter((f) => f.rule === "PARTIAL_READ");
    expect(partial).toHaveLength(1);
    expect(partial[0].severity).toBe("warning");
    expect(partial[0].ref).toEqual({ sheet: "自评表", row: firstUnread, col: L.indicators.columns.level1 });
    // Rows 1-based in the message: the first unread row and the weights read (10 + 50) against 100.
    expect(partial[0].message).toContain(`第 ${firstUnread + 1} 行`);
    expect(partial[0].message).toContain("分值合计为 60，与总分值 100 不符");
    expect(partial[0].message).toContain("总分和评价等级未重新计算");
    // 6 效益 + 2 满意度 rows not read.
    expect(r.plan!.declined!.rows.map((u) => u.row)).toEqual(
      Array.from({ length: 8 }, (_, i) => firstUnread + i),
    );
    expect(r.total).toEqual({ typed: 99.25, computed: null });
    expect(r.grade).toEqual({ typed: "优", computed: null });
    expect(r.plan!.total).toBeNull();
    expect(r.plan!.totalKeepingItems).toBeNull();
    for (const rule of ["SUM_MISMATCH", "WEIGHT_TOTAL", "GRADE_MISMATCH", "MISSING_VALUE"])
      expect(r.findings.filter((f) => f.rule === rule)).toEqual([]);
    expect(r.plan!.changes).toEqual([]);
  });

  test("per-row findings whose inputs were read stay, with their fixes; the total is not touched", () => {
    // 产出 row 1 typed 2 points for ≥100家 / 100家 (weight 3): 3 by the rule.
    const { sheet, L } = cutTable((s) => (s.indicators[0].score = 2));
    const r = check(sheet);
    // (MISSING_REASON: points lost on that row and no reason — a row check too.)
    expect(r.findings.map((f) => f.rule).sort()).toEqual([
      "MISSING_REASON",
      "PARTIAL_READ",
      "SCORE_MISMATCH",
    ]);
    const score = r.findings.find((f) => f.rule === "SCORE_MISMATCH")!;
    expect(score.expected).toBe(3);
    expect(score.fix?.value).toBe(3);
    expect(r.plan!.changes.map((c) => [c.ref.row, c.value])).toEqual([[L.indicators.rows[0].row, 3]]);
  });

  test("a budget sum read in full is still checked", () => {
    // 年度资金总额 全年执行数 typed 770 over 690 + 55 + 15 = 760.
    const { sheet } = cutTable((s) => (s.budget.rows[0].executed = 770));
    const r = check(sheet);
    const sums = r.findings.filter((f) => f.rule === "SUM_MISMATCH");
    expect(sums).toHaveLength(1);
    expect(sums[0].expected).toBe(760);
  });

  test("quiet on the same form read in full (99.25, 优)", () => {
    const r = check(buildStandardForm(longTableSpec()));
    expect(r.findings).toEqual([]);
    expect(r.total.computed).toBe(LONG_TABLE.total);
    expect(r.plan!.declined ?? null).toBeNull();
  });

  test("quiet when a row was not understood but the weights read add up (the total stands)", () => {
    // A budget sub-row the template does not have, all zeros: listed unread, nothing else changes.
    const spec = longTableSpec();
    spec.budget.rows.splice(2, 0, {
      label: "专项债券资金",
      initialBudget: 0,
      fullYearBudget: 0,
      executed: 0,
    });
    const r = check(buildStandardForm(spec));
    expect(r.form!.ledger!.unread.map((u) => u.cells[0].text)).toEqual(["专项债券资金"]);
    expect(r.findings).toEqual([]);
    expect(r.total.computed).toBe(LONG_TABLE.total);
  });

  test("a 加分项 row under the table's 合计 with points in the 得分 column declines though the weights add up", () => {
    const spec = longTableSpec();
    const L = standardLayout(spec);
    const c = L.indicators.columns;
    const sum: (Cell | undefined)[] = [];
    sum[c.name] = text("合计");
    sum[c.weight] = num(90);
    sum[c.score] = num(89.75);
    const bonus: (Cell | undefined)[] = [];
    bonus[c.level1] = text("加分项");
    bonus[c.name] = text("获省级表彰");
    bonus[c.score] = num(2);
    const sheet = insertRows(buildStandardForm(spec), L.total.label.row, [sum, bonus]);
    const r = check(sheet);
    // All 24 indicators were read (weights 10 + 90 = 100), but the 加分项 row was not understood.
    expect(r.form!.indicators!.rows).toHaveLength(LONG_TABLE.indicators);
    expect(r.form!.ledger!.unread.map((u) => u.row)).toEqual([L.total.label.row + 1]);
    expect(r.findings.map((f) => f.rule)).toEqual(["PARTIAL_READ"]);
    expect(r.findings[0].message).toContain("其中有分值或得分");
    expect(r.total.computed).toBeNull();
    expect(r.plan!.declined!.weights).toBeNull();
  });
});
