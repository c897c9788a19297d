/**
 * 转换为普通公式 on a whole workbook (src/core/portable/plan.ts): the round trip on
 * samples/自定义函数示例.xlsx — after the plan is applied no JX formula is left, every built-in
 * formula evaluates (test/portable/evaluator.ts, over the sample's own cells) to the result the JX
 * function saved, and the cells without an equivalent keep exactly that result as a value.
 * Also: when a cell keeps its value, when it is skipped, and the name table against zh-cn.json.
 */
/* global __dirname, structuredClone */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { refToString, a1, type Cell, type Workbook } from "../../src/core/grid";
import { findJxCells, planPortable, type PortablePlan } from "../../src/core/portable/plan";
import { jxId, JX_FUNCTIONS } from "../../src/core/portable/names";
import { readXlsx } from "../../src/io/xlsxRead";
import { evaluate, type Cells, type Value } from "./evaluator";

const ROOT = path.resolve(__dirname, "../..");
let wb: Workbook;
let plan: PortablePlan;

beforeAll(async () => {
  wb = await readXlsx(fs.readFileSync(path.join(ROOT, "samples", "自定义函数示例.xlsx")));
  plan = planPortable(wb);
});

const valueOf = (c: Cell | undefined): Value => {
  const v = c?.value;
  if (!v || v.kind === "empty") return null;
  if (v.kind === "number" || v.kind === "text" || v.kind === "boolean") return v.value;
  return { error: v.kind === "error" ? v.value : "#VALUE!" };
};

/** The evaluator's view of the workbook from `sheet`: its own cells as "A1", every sheet's as "Sheet!A1". */
function cellsFrom(w: Workbook, sheet: string): Cells {
  const out: Cells = {};
  for (const s of w.sheets)
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        out[`${s.name}!${a1(r, col)}`] = valueOf(c);
        if (s.name === sheet) out[a1(r, col)] = valueOf(c);
      }),
    );
  return out;
}

/** The plan applied to a copy of the grid (formulas replaced, values written; cached results kept). */
function applied(w: Workbook, p: PortablePlan): Workbook {
  const copy = structuredClone(w);
  for (const c of p.changes) {
    const cell = copy.sheets.find((s) => s.name === c.ref.sheet)!.cells[c.ref.row]![c.ref.col]!;
    if ("formula" in c.after) cell.formula = c.after.formula;
    else {
      delete cell.formula;
      const v = c.after.value;
      cell.value =
        typeof v === "number"
          ? { kind: "number", value: v }
          : typeof v === "string"
            ? { kind: "text", value: v }
            : { kind: "boolean", value: v };
    }
  }
  return copy;
}

describe("round trip on samples/自定义函数示例.xlsx", () => {
  test("every one of the 34 JX cells is changed (none skipped) and none is left afterwards", () => {
    // 14 on 自评表 + 20 on 共性指标 (counted by hand in test/functions/sample.test.ts).
    expect(findJxCells(wb)).toHaveLength(34);
    expect(plan.skipped).toEqual([]);
    expect(plan.changes).toHaveLength(34);
    const after = applied(wb, plan);
    expect(findJxCells(after)).toEqual([]);
    for (const s of after.sheets)
      for (const row of s.cells) for (const c of row ?? []) expect(c?.formula ?? "").not.toMatch(/JX/i);
  });

  test("each built-in formula gives the result the JX function saved in the file", () => {
    const formulas = plan.changes.filter((c) => "formula" in c.after);
    // Rates, execution points, deductions, grades and sums: 34 − 13 = 21. The 13 others have no
    // equivalent: INDSCORE 9 on 自评表 (H14–H20, H22, H23) + 1 on 共性指标 (D14), QUALCHECK 2 (J21,
    // D15), PARSEVALUE 1 (D25).
    expect(formulas.length).toBe(21);
    for (const c of formulas) {
      const saved = valueOf(wb.sheets.find((s) => s.name === c.ref.sheet)!.cells[c.ref.row]![c.ref.col]);
      const got = evaluate((c.after as { formula: string }).formula, cellsFrom(wb, c.ref.sheet));
      expect({ cell: refToString(c.ref), got }).toEqual({ cell: refToString(c.ref), got: saved });
    }
  });

  test("the cells without an exact equivalent keep the value the JX function saved", () => {
    const values = plan.changes.filter((c) => "value" in c.after);
    const ids = values.map((c) => jxId(/^_xldudf_JX_([A-Z]+)/.exec(c.before)![1]));
    // 自评表: 9 INDSCORE + 1 QUALCHECK; 共性指标: INDSCORE, QUALCHECK, PARSEVALUE.
    expect(ids.sort()).toEqual(
      [...Array(10).fill("INDSCORE"), "PARSEVALUE", "QUALCHECK", "QUALCHECK"].sort(),
    );
    for (const c of values) {
      const saved = valueOf(wb.sheets.find((s) => s.name === c.ref.sheet)!.cells[c.ref.row]![c.ref.col]);
      expect((c.after as { value: Value }).value).toEqual(saved);
      expect(c.reason).toMatch(/没有等价的内置公式/);
    }
  });

  test("the form's total and grade become plain formulas", () => {
    const at = (ref: string) => plan.changes.find((c) => refToString(c.ref) === ref)!.after;
    expect(at("自评表!H24")).toEqual({ formula: "I7+ROUND(SUM(H14:H23),2)" });
    expect(at("自评表!G25")).toEqual({
      formula: 'LOOKUP(ROUND(H24,2),{0,60,80,90},{"差","较差","良","优"})',
    });
    expect(at("自评表!I7")).toEqual({ formula: "MIN(G7,ROUND(G7*MIN(H7,1),2))" });
  });
});

describe("values and skips", () => {
  const sheet = (cells: (Cell | undefined)[][]): Workbook => ({
    sheets: [{ name: "表", cells, merges: [] }],
  });
  const n = (v: number): Cell => ({ value: { kind: "number", value: v } });
  const t = (v: string): Cell => ({ value: { kind: "text", value: v } });

  test("a number typed as text in a summed range (“8.5分”): JX counts it, SUM would not → the value is kept", () => {
    const p = planPortable(
      sheet([
        [n(1)],
        [t("8.5分")],
        [{ value: { kind: "number", value: 9.5 }, formula: "JX.SUMSCORES(A1:A2)" }],
      ]),
    );
    expect(p.changes).toEqual([
      expect.objectContaining({
        after: { value: 9.5 },
        reason: expect.stringMatching(/以文字形式填写的数字/),
      }),
    ]);
  });

  test("an argument cell holding text (“459.61万元”): the value is kept", () => {
    const p = planPortable(
      sheet([
        [t("459.61万元"), n(500), { value: { kind: "number", value: 0.91922 }, formula: "JX.执行率(A1,B1)" }],
      ]),
    );
    expect(p.changes[0].after).toEqual({ value: 0.91922 });
  });

  test("no equivalent and an error shown: left as it is, with the reason", () => {
    const p = planPortable(
      sheet([[{ value: { kind: "error", value: "#VALUE!" }, formula: '_xldudf_JX_INDSCORE("按时",A2,5)' }]]),
    );
    expect(p.changes).toEqual([]);
    expect(p.skipped[0].reason).toMatch(/单元格显示错误 #VALUE!.*请先修正后再转换/);
  });

  test("the current names convert too (JX.完成比率, JX.扣减分数, JX.评价等级, id RATIO)", () => {
    const wb2 = sheet([
      [n(3), n(4), { value: { kind: "number", value: 0.75 }, formula: "JX.完成比率(A1,B1)" }],
      [n(10), n(7.42), { value: { kind: "number", value: 2.58 }, formula: "JX.扣减分数(A2,B2)" }],
      [n(85), undefined, { value: { kind: "text", value: "良" }, formula: "JX.评价等级(A3)" }],
      [n(3), n(4), { value: { kind: "number", value: 0.75 }, formula: "_xldudf_JX_RATIO(A4,B4)" }],
    ]);
    expect(planPortable(wb2).changes.map((c) => c.after)).toEqual([
      { formula: "A1/B1" },
      { formula: "ROUND(A2-B2,2)" },
      { formula: 'LOOKUP(ROUND(A3,2),{0,60,80,90},{"差","较差","良","优"})' },
      { formula: "A4/B4" },
    ]);
  });
});

test("every id and Chinese name in src/functions/zh-cn.json is known to the converter", () => {
  const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
    string,
    { name: string }
  >;
  for (const [id, { name }] of Object.entries(table)) {
    const current = jxId(id);
    expect({ id, known: current !== null }).toEqual({ id, known: true });
    expect({ id, name, viaName: jxId(name) }).toEqual({ id, name, viaName: current });
  }
  expect(Object.keys(JX_FUNCTIONS)).toHaveLength(15);
});
