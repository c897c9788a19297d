/**
 * Reading the whole table (domain.md §2.11): a column header repeated mid-table, a pasted page's header
 * lines, blank rows, 小计 rows, 备注 / signature lines, multi-row headers, provincial budget sub-rows — and
 * the read ledger that records what every row was read as.
 */
import { describe, expect, test } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import type { Sheet } from "../../src/core/grid";
import { copyRow, insertRows } from "../../src/core/gridEdit";
import { buildProjectVariant } from "../../src/core/kinds/project/template";
import { locateSheet } from "../../src/core/locate";
import { getProfile } from "../../src/core/profiles";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { sichuanSampleSpec, yunnanSampleSpec } from "../../scripts/sample-variants";
import { LONG_TABLE, longTableSpec } from "./longTable";

const text = (value: string) => ({ value: { kind: "text" as const, value } });
const HUNAN = getProfile("hunan");

function longTable(): { sheet: Sheet; headerRow: number; rowOf: (i: number) => number } {
  const spec = longTableSpec();
  const L = standardLayout(spec);
  return {
    sheet: buildStandardForm(spec),
    headerRow: L.indicators.headerRow,
    rowOf: (i) => L.indicators.rows[i].row,
  };
}

function check(sheet: Sheet) {
  const [r, ...more] = checkWorkbook({ sheets: [sheet] }, { profile: HUNAN });
  expect(more).toEqual([]);
  return r;
}

describe("the column header repeated mid-table (a long table pasted page by page)", () => {
  test("all 24 indicators are read; total 99.25 and 优 as computed by hand, no finding", () => {
    const t = longTable();
    // Page break before the 13th indicator: the header printed again (merges grow over it, as Excel does).
    const sheet = insertRows(t.sheet, t.rowOf(12), [copyRow(t.sheet, t.headerRow)]);
    const r = check(sheet);
    expect(r.form!.indicators!.rows).toHaveLength(LONG_TABLE.indicators);
    expect(r.form!.indicators!.rows[12].name).toBe("指标13：产出任务13");
    expect(r.form!.indicators!.rows[12].level1).toBe("产出指标");
    expect(r.total).toEqual({ typed: 99.25, computed: LONG_TABLE.total });
    expect(r.grade).toEqual({ typed: "优", computed: LONG_TABLE.grade });
    expect(r.findings).toEqual([]);
    expect(r.form!.ledger!.rows).toContainEqual({ row: t.rowOf(12), as: "repeated-header" });
    expect(r.form!.ledger!.unread).toEqual([]);
  });

  test("a pasted page repeating the title, 单位名称 and the header above the rest of the table", () => {
    const t = longTable();
    const sheet = insertRows(t.sheet, t.rowOf(16), [
      copyRow(t.sheet, 0),
      copyRow(t.sheet, 2),
      [],
      copyRow(t.sheet, t.headerRow),
    ]);
    const r = check(sheet);
    expect(r.form!.indicators!.rows).toHaveLength(LONG_TABLE.indicators);
    expect(r.total.computed).toBe(LONG_TABLE.total);
    expect(r.findings).toEqual([]);
  });

  test("blank rows, a 小计 after each 一级 and a 备注 line: read for what they are", () => {
    const spec = longTableSpec();
    const L = standardLayout(spec, { mergeLevels: false });
    let sheet = buildStandardForm(spec, { mergeLevels: false });
    const scoreCol = L.indicators.columns.score;
    const weightCol = L.indicators.columns.weight;
    const nameCol = L.indicators.columns.name;
    const subtotal = (w: number, s: number) => {
      const row = [];
      row[nameCol] = text("小计");
      row[weightCol] = { value: { kind: "number" as const, value: w } };
      row[scoreCol] = { value: { kind: "number" as const, value: s } };
      return row;
    };
    // Bottom up, so earlier rows keep their positions: 满意度 小计 after row 23, 效益 小计 after row 21,
    // a blank row and 产出 小计 after row 15, a 备注 line inside 效益.
    const note = [];
    note[L.indicators.columns.level1] = text("备注：效益指标第6项为年度增幅");
    sheet = insertRows(sheet, L.indicators.rows[23].row + 1, [subtotal(10, 10)]);
    sheet = insertRows(sheet, L.indicators.rows[21].row + 1, [subtotal(30, 29.75)]);
    sheet = insertRows(sheet, L.indicators.rows[19].row, [note]);
    sheet = insertRows(sheet, L.indicators.rows[15].row + 1, [[], subtotal(50, 50), []]);
    const r = check(sheet);
    expect(r.form!.indicators!.rows).toHaveLength(LONG_TABLE.indicators);
    expect(r.form!.indicators!.level1.map((s) => s.name)).toEqual([
      "产出指标小计",
      "效益指标小计",
      "满意度指标小计",
    ]);
    expect(r.total.computed).toBe(LONG_TABLE.total);
    expect(r.findings).toEqual([]);
    const as = r.form!.ledger!.rows.map((x) => x.as);
    expect(as.filter((a) => a === "subtotal")).toHaveLength(3);
    expect(as.filter((a) => a === "blank")).toHaveLength(2);
    expect(as).toContain("note");
    expect(r.form!.ledger!.unread).toEqual([]);
  });

  test("a signature block under the grade belongs to the form and ends nothing", () => {
    const t = longTable();
    const bottom = t.sheet.cells.length;
    const sheet = insertRows(t.sheet, bottom, [
      [],
      [text("评价人员：王五"), undefined, text("签字：")],
      [text("日期：2024年3月")],
    ]);
    const r = check(sheet);
    expect(r.total.computed).toBe(LONG_TABLE.total);
    expect(r.form!.ledger!.rows.filter((x) => x.as === "signature").map((x) => x.row)).toEqual([
      bottom + 1,
      bottom + 2,
    ]);
    expect(r.form!.ledger!.area.bottom).toBe(bottom + 2);
  });
});

describe("multi-row headers and provincial budget rows", () => {
  test("Yunnan 2020: 指标性质 / 指标值 / 度量单位 under a merged 绩效指标 heading; 其中：财政资金 is the 当年财政拨款 part", () => {
    const v = buildProjectVariant(yunnanSampleSpec(), "yunnan-2020");
    // The header really takes two rows: the grouped headings sit on the second.
    expect(v.headerRows).toBe(2);
    const form = locateSheet(v.sheet)!;
    expect(form.kind).toBe("project");
    const rows = form.indicators!.rows;
    expect(rows.map((x) => x.name)).toEqual([
      "养护公路里程",
      "养护路段优良率",
      "养护任务按时完成率",
      "群众出行条件",
      "公路使用年限延长",
      "沿线群众满意度",
    ]);
    // Columns: B 一级, C 二级, D 三级, E 指标性质, F 指标值, G 度量单位, H 完成值, I 权重/分值, J 得分.
    expect(rows[0].nature?.ref?.col).toBe(4);
    expect(rows[0].target.ref?.col).toBe(5);
    expect(rows[0].unit?.ref?.col).toBe(6);
    expect(rows[0].actual.ref?.col).toBe(7);
    expect(rows[0].weight.ref?.col).toBe(8);
    expect(rows[0].score.ref?.col).toBe(9);
    expect(form.indicators!.headerRef.row).toBe(v.headerRow);
    expect(rows[0].row).toBe(v.headerRow + 2);
    expect(form.budget!.rows.map((x) => [x.label, x.kind])).toEqual([
      ["年度资金总额", "total"],
      ["其中：财政资金", "current"],
      ["其他资金", "other"],
    ]);
    const r = check(v.sheet);
    // 9.5 + 50 + 30 + 10 (scripts/sample-variants.ts), and 450 + 50 = 500 etc.: nothing to report.
    expect(r.total).toEqual({ typed: 99.5, computed: 99.5 });
    expect(r.findings).toEqual([]);
    expect(r.form!.ledger!.unread).toEqual([]);
  });

  test("Sichuan: 其中：财政拨款 / 上年结转 / 自筹资金; 权重 and 未完成原因分析 columns", () => {
    const v = buildProjectVariant(sichuanSampleSpec(), "sichuan");
    const r = check(v.sheet);
    expect(r.form!.budget!.rows.map((x) => x.kind)).toEqual(["total", "current", "carryover", "other"]);
    expect(r.form!.indicators!.rows).toHaveLength(6);
    // 9 + 50 + (15 + 13.5) + 10 = 97.5; 新技术推广覆盖率 15 × 72 / 80 = 13.5, typed 15.
    expect(r.total).toEqual({ typed: 99, computed: 97.5 });
    expect(r.findings.map((f) => [f.rule, f.expected])).toEqual([["SCORE_MISMATCH", 13.5]]);
    expect(r.form!.indicators!.rows[4].reason?.cell.value.kind).toBe("text");
  });

  test("an unknown budget sub-row between known ones does not end the block; the ledger lists it unread", () => {
    const spec = longTableSpec();
    spec.budget.rows.splice(2, 0, {
      label: "专项债券资金",
      initialBudget: 0,
      fullYearBudget: 0,
      executed: 0,
    });
    const form = locateSheet(buildStandardForm(spec))!;
    expect(form.budget!.rows.map((x) => x.kind)).toEqual(["total", "current", "carryover", "other"]);
    expect(form.ledger!.unread.map((u) => u.cells[0].text)).toEqual(["专项债券资金"]);
  });
});
