/**
 * samples/自定义函数示例.xlsx (scripts/make-functions-sample.ts): every formula is a JX custom function
 * in the form Excel stores it (`_xldudf_JX_<ID>`), every cached result is what src/functions/logic.ts
 * gives for the formula's arguments (evaluated here from the referenced cells), the seeds' figures are
 * there (worked out by hand below), and the checker finds the form on the first sheet with no findings.
 */
/* global __dirname, Buffer */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook, type InternalError } from "../../src/core/check";
import { getCell, isPercentFormat, parseA1, type Cell, type Sheet, type Workbook } from "../../src/core/grid";
import { standardLayout } from "../../src/core/template";
import * as L from "../../src/functions/logic";
import { readXlsx } from "../../src/io/xlsxRead";
import { functionsSampleXlsx } from "../../scripts/make-functions-sample";
import { sampleSpecs } from "../../scripts/sample-specs";
import { installCustomFunctionsStub } from "./cf-stub";

const ROOT = path.resolve(__dirname, "../..");
const FILE = path.join(ROOT, "samples", "自定义函数示例.xlsx");
const PREFIX = "_xldudf_JX_";

/** The function ids: the @customfunction tags of functions.ts and the keys of zh-cn.json. */
const TAGGED_IDS = [
  ...fs
    .readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8")
    .matchAll(/@customfunction\s+([A-Z]+)/g),
].map((m) => m[1]);
const ZH_IDS = Object.keys(
  JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as object,
);

type Value = number | string | boolean | null;
type ArgValue = Value | Value[][];

/** What each custom function id calls (src/functions/functions.ts). */
const LOGIC: Record<string, (...args: ArgValue[]) => Value> = {
  EXECRATE: L.execRate as never,
  EXECSCORE: L.execScore as never,
  INDSCORE: L.indicatorScore as never,
  QUALCHECK: L.qualCheck as never,
  DEDUCTION: L.deduction as never,
  GRADE: L.grade as never,
  CONTROLRATE: L.controlRate as never,
  CHANGERATE: L.changeRateFn as never,
  RATIO: L.rate as never,
  STAFFRATE: L.staffRate as never,
  ADJUSTRATE: L.adjustRate as never,
  CARRYRATE: L.carryRate as never,
  BUDGETCOMPLETION: L.budgetCompletion as never,
  PARSEVALUE: L.parseNumberText as never,
  SUMSCORES: L.sumScores as never,
};

// ───────────────────────────── a small evaluator for the sample's formulas ─────────────────────────────

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; from: string; to: string | null }
  | { t: "fn"; id: string }
  | { t: "sym"; v: "(" | ")" | "," | "+" };

const TOKEN_RE =
  /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"]|"")*)"|(?:([\p{L}\p{N}_]+|'(?:[^']|'')+')!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\w(])|([A-Za-z_][A-Za-z0-9_.]*)\(|([(),+]))/uy;

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < formula.length) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(formula);
    if (!m) throw new Error(`cannot read formula ${formula} at ${start}`);
    if (m[1] !== undefined) out.push({ t: "num", v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      const sheet = m[3] === undefined ? null : m[3].replace(/^'|'$/g, "").replace(/''/g, "'");
      out.push({ t: "ref", sheet, from: m[4], to: m[5] ?? null });
    } else if (m[6] !== undefined) {
      out.push({ t: "fn", id: m[6] });
      out.push({ t: "sym", v: "(" });
    } else out.push({ t: "sym", v: m[7] as "(" | ")" | "," | "+" });
  }
  return out;
}

/** Function names used by a formula (everything written as NAME( ). */
function functionNames(formula: string): string[] {
  return tokenize(formula).flatMap((tk) => (tk.t === "fn" ? [tk.id] : []));
}

class Evaluator {
  private readonly memo = new Map<string, Value>();
  constructor(private readonly wb: Workbook) {}

  private sheet(name: string): Sheet {
    const s = this.wb.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The value a function receives for a cell: formulas are evaluated (not their cached value). */
  cellValue(sheet: Sheet, row: number, col: number): Value {
    const cell = getCell(sheet, row, col);
    if (cell.formula !== undefined) {
      const key = `${sheet.name}!${row},${col}`;
      if (!this.memo.has(key)) this.memo.set(key, this.evaluate(sheet, cell.formula));
      return this.memo.get(key) as Value;
    }
    const v = cell.value;
    return v.kind === "number" || v.kind === "text" || v.kind === "boolean" ? v.value : null;
  }

  evaluate(sheet: Sheet, formula: string): Value {
    const tokens = tokenize(formula);
    let i = 0;
    const peek = (): Token | undefined => tokens[i];
    const isSym = (v: string): boolean => {
      const tk = peek();
      return tk !== undefined && tk.t === "sym" && tk.v === v;
    };
    const expect1 = (v: string): void => {
      if (!isSym(v)) throw new Error(`expected ${v} in ${formula}`);
      i++;
    };
    const primary = (): ArgValue => {
      const tk = tokens[i++];
      if (!tk) throw new Error(`unexpected end of ${formula}`);
      if (tk.t === "num" || tk.t === "str") return tk.v;
      if (tk.t === "ref") {
        const s = tk.sheet === null ? sheet : this.sheet(tk.sheet);
        const a = parseA1(tk.from)!;
        if (tk.to === null) return this.cellValue(s, a.row, a.col);
        const b = parseA1(tk.to)!;
        const rows: Value[][] = [];
        for (let r = a.row; r <= b.row; r++) {
          const row: Value[] = [];
          for (let c = a.col; c <= b.col; c++) row.push(this.cellValue(s, r, c));
          rows.push(row);
        }
        return rows;
      }
      if (tk.t === "fn") {
        expect1("(");
        const args: ArgValue[] = [];
        if (!isSym(")")) {
          for (;;) {
            args.push(isSym(",") || isSym(")") ? null : sum()); // omitted argument → null
            if (isSym(",")) {
              i++;
              continue;
            }
            break;
          }
        }
        expect1(")");
        if (!tk.id.startsWith(PREFIX)) throw new Error(`not a JX function in stored form: ${tk.id}`);
        const fn = LOGIC[tk.id.slice(PREFIX.length)];
        if (!fn) throw new Error(`unknown JX id ${tk.id}`);
        return fn(...args);
      }
      if (tk.v === "(") {
        const v = sum();
        expect1(")");
        return v;
      }
      throw new Error(`unexpected ${tk.v} in ${formula}`);
    };
    const sum = (): ArgValue => {
      let v = primary();
      while (isSym("+")) {
        i++;
        const w = primary();
        if (typeof v !== "number" || typeof w !== "number") throw new Error(`+ on non-numbers in ${formula}`);
        v = v + w;
      }
      return v;
    };
    const v = sum();
    if (i !== tokens.length) throw new Error(`trailing input in ${formula}`);
    if (Array.isArray(v)) throw new Error(`a range is not a result: ${formula}`);
    return v;
  }
}

// ───────────────────────────── the tests ─────────────────────────────

let wb: Workbook;
let form: Sheet;
let common: Sheet;
const formulaCells: { sheet: Sheet; row: number; col: number; cell: Cell }[] = [];

beforeAll(async () => {
  installCustomFunctionsStub();
  wb = await readXlsx(fs.readFileSync(FILE));
  [form, common] = wb.sheets;
  for (const sheet of wb.sheets) {
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula !== undefined) formulaCells.push({ sheet, row: r, col: c, cell });
      }),
    );
  }
});

/** Cached value of a cell as a plain value. */
function cached(sheet: Sheet, row: number, col: number): Value {
  const v = getCell(sheet, row, col).value;
  return v.kind === "number" || v.kind === "text" || v.kind === "boolean" ? v.value : null;
}

/** The row of the 共性指标 sheet whose first cell is `label`. */
function rowOf(label: string): number {
  const r = common.cells.findIndex((row) => {
    const v = row?.[0]?.value;
    return v?.kind === "text" && v.value === label;
  });
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

describe("自定义函数示例.xlsx", () => {
  test("two sheets: the form 自评表 and 共性指标", () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(["自评表", "共性指标"]);
  });

  test("the committed file is what the generator writes now (byte for byte)", async () => {
    const fresh = await functionsSampleXlsx();
    expect(Buffer.from(fresh).equals(fs.readFileSync(FILE))).toBe(true);
  });

  test("every formula calls only JX functions, in the stored form _xldudf_JX_<known id>", () => {
    // The ids of the metadata and of the Chinese translation are the same 15.
    expect([...TAGGED_IDS].sort()).toEqual([...ZH_IDS].sort());
    expect(TAGGED_IDS).toHaveLength(15);
    expect(formulaCells.length).toBeGreaterThanOrEqual(30);
    const used = new Set<string>();
    for (const { cell } of formulaCells) {
      expect(cell.formula).not.toMatch(/JX\./); // never the display form
      const names = functionNames(cell.formula!);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(name.startsWith(PREFIX)).toBe(true);
        expect(TAGGED_IDS).toContain(name.slice(PREFIX.length));
        used.add(name.slice(PREFIX.length));
      }
    }
    // Every function appears at least once (the function list of 共性指标).
    expect([...used].sort()).toEqual([...TAGGED_IDS].sort());
  });

  test("every cached result equals what logic.ts computes from the formula's arguments", () => {
    const ev = new Evaluator(wb);
    for (const { sheet, row, col, cell } of formulaCells) {
      const computed = ev.evaluate(sheet, cell.formula!);
      const where = `${sheet.name}!${row},${col} ${cell.formula}`;
      const value = cached(sheet, row, col);
      if (typeof computed === "number") {
        expect([where, typeof value]).toEqual([where, "number"]);
        expect(value as number).toBeCloseTo(computed, 12);
      } else {
        expect([where, value]).toEqual([where, computed]);
      }
    }
  });

  test("rate results are formatted as percentages, points with 2 decimals", () => {
    const rateIds = [
      "EXECRATE",
      "CONTROLRATE",
      "CHANGERATE",
      "RATIO",
      "STAFFRATE",
      "ADJUSTRATE",
      "CARRYRATE",
      "BUDGETCOMPLETION",
    ];
    const pointIds = ["EXECSCORE", "INDSCORE", "DEDUCTION", "SUMSCORES"];
    let rates = 0;
    let points = 0;
    for (const { sheet, row, col, cell } of formulaCells) {
      const outer = functionNames(cell.formula!).map((n) => n.slice(PREFIX.length));
      const where = `${sheet.name}!${row},${col}`;
      if (rateIds.includes(outer[0])) {
        rates++;
        expect([where, cell.numberFormat]).toEqual([where, "0.00%"]);
        expect(isPercentFormat(cell.numberFormat)).toBe(true);
      } else if (pointIds.includes(outer[0])) {
        points++;
        expect([where, cell.numberFormat]).toEqual([where, "0.00"]);
      }
    }
    // Rates: 1 on the form, 5 in the 共性指标 table, 8 in the function list; points: 1 + 9 + 1 (总分) on
    // the form, 4 in the function list.
    expect(rates).toBe(14);
    expect(points).toBe(15);
  });
});

describe("the form sheet (the correct sample of sample-specs.ts, computed by JX functions)", () => {
  const spec = sampleSpecs()[0].spec;
  const layout = standardLayout(spec);
  const budget = layout.budget.rows[0];

  test("执行率 = JX.EXECRATE(全年执行数, 全年预算数) = 1250 / 1311.99 = 95.28%, 执行率得分 9.53", () => {
    const rate = getCell(form, budget.rate.row, budget.rate.col);
    expect(rate.formula).toBe("_xldudf_JX_EXECRATE(F7,E7)");
    expect(getCell(form, 6, 5).value).toEqual({ kind: "number", value: 1250 }); // F7 全年执行数
    expect(getCell(form, 6, 4).value).toEqual({ kind: "number", value: 1311.99 }); // E7 全年预算数
    // 1250 / 1311.99 = 0.952751…
    expect(cached(form, budget.rate.row, budget.rate.col)).toBeCloseTo(0.952751, 6);
    expect(rate.numberFormat).toBe("0.00%");
    // 10 × 0.952751 = 9.5275 → 9.53
    const score = getCell(form, budget.score.row, budget.score.col);
    expect(score.formula).toBe("_xldudf_JX_EXECSCORE(H7,G7)");
    expect(score.value).toEqual({ kind: "number", value: 9.53 });
  });

  test("each quantitative 得分 = JX.INDSCORE(年度指标值, 实际完成值, 分值), the qualitative one checked", () => {
    // By hand (sample-specs.ts): 7户 ≥ 6户 → 10; 5家 ≥ 5家 → 10; 10 × 7.6 / 8 = 9.5; 100% ≥ 95% → 10;
    // 74.20% ≤ 100% → 10; 31.5亿元 ≥ 30亿元 → 10; 36家 ≥ 30家 → 10; (qualitative, typed 5);
    // 121家 ≥ 100家 → 5; 96% ≥ 95% → 10.
    const expected = [10, 10, 9.5, 10, 10, 10, 10, 5, 5, 10];
    layout.indicators.rows.forEach((rl, i) => {
      const cell = getCell(form, rl.score.row, rl.score.col);
      expect(cell.value).toEqual({ kind: "number", value: expected[i] });
      const excelRow = rl.row + 1;
      if (i === 7) {
        expect(cell.formula).toBeUndefined();
        const check = getCell(form, rl.row, layout.bounds.right + 1);
        expect(check.formula).toBe(`_xldudf_JX_QUALCHECK(F${excelRow},H${excelRow},G${excelRow})`);
        // 5 of 5 for 达成年度指标 lies in [80%, 100%] × 5 = [4, 5].
        expect(check.value).toEqual({ kind: "text", value: "符合：达成（80%–100%）" });
      } else {
        expect(cell.formula).toBe(`_xldudf_JX_INDSCORE(E${excelRow},F${excelRow},G${excelRow})`);
      }
    });
    expect(getCell(form, layout.indicators.headerRow, layout.bounds.right + 1).value).toEqual({
      kind: "text",
      value: "定性得分检查",
    });
  });

  test("总分 = 执行率得分 + JX.SUMSCORES(得分) = 9.53 + 89.5 = 99.03, 等级 = JX.GRADE(总分) = 优", () => {
    const first = layout.indicators.rows[0].score.row + 1;
    const last = layout.indicators.rows[9].score.row + 1;
    const total = getCell(form, layout.total.score.row, layout.total.score.col);
    expect(total.formula).toBe(`I7+_xldudf_JX_SUMSCORES(H${first}:H${last})`);
    expect(cached(form, layout.total.score.row, layout.total.score.col)).toBeCloseTo(99.03, 10);
    const grade = getCell(form, layout.grade.value.row, layout.grade.value.col);
    expect(grade.formula).toBe(`_xldudf_JX_GRADE(H${layout.total.score.row + 1})`);
    expect(grade.value).toEqual({ kind: "text", value: "优" });
  });

  test("the checker finds the form on the first sheet, with no findings but ADDIN_FORMULA", () => {
    const internalErrors: InternalError[] = [];
    const results = checkWorkbook(wb, { internalErrors });
    expect(internalErrors).toEqual([]);
    expect(results).toHaveLength(1);
    const [r] = results;
    expect(r.sheet).toBe("自评表");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The one finding: the form computes with JX functions (ADDIN_FORMULA, warning) — 14 cells on 自评表
    // (H7, I7, H14–H20 and H22–H23 = 9 indicator scores, J21, H24, G25) and 20 on 共性指标 (F4–F8, D12–D26).
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([["ADDIN_FORMULA", "warning"]]);
    expect(r.findings[0].message).toMatch(
      /本表 H7、I7、H14、H15、H16、H17 等 14 个单元格.*“共性指标”的 20 个单元格/,
    );
    expect(r.total.typed).toBeCloseTo(99.03, 10);
    expect(r.total.computed).toBeCloseTo(99.03, 10);
    expect(r.grade).toEqual({ typed: "优", computed: "优" });
  });
});

describe("共性指标: the seeds' rates (domain.md §4)", () => {
  const rates: [string, string, number, number, number][] = [
    // name, id, numerator, denominator, result worked by hand
    ["公用经费控制率", "CONTROLRATE", 20.48, 27.6, 0.742], // 20.48 / 27.6 = 0.74203 → 74.20%
    ["“三公经费”变动率", "CHANGERATE", 75, 73.34, 0.0226], // 1.66 / 73.34 = 0.02263 → 2.26%
    ["财政供养人员控制率", "STAFFRATE", 88, 99, 0.8889], // 88 / 99 = 0.88889 → 88.89%
    ["预算调整率", "ADJUSTRATE", 398.18, 1311.99, 0.3035], // 398.18 / 1311.99 = 0.30349 → 30.35%
    ["政府采购执行率", "RATIO", 438.64, 180, 2.4369], // 438.64 / 180 = 2.43689 → 243.69%
  ];
  test.each(rates)("%s = JX.%s(%p, %p) → %p", (name, id, a, b, expected) => {
    const r = rowOf(name);
    expect(getCell(common, r, 2).value).toEqual({ kind: "number", value: a });
    expect(getCell(common, r, 4).value).toEqual({ kind: "number", value: b });
    const cell = getCell(common, r, 5);
    expect(cell.formula).toBe(`_xldudf_JX_${id}(C${r + 1},E${r + 1})`);
    expect(cell.numberFormat).toBe("0.00%");
    expect(cached(common, r, 5)).toBeCloseTo(expected, 4);
    const note = getCell(common, r, 6).value;
    expect(note.kind === "text" && note.value.length > 10).toBe(true);
  });

  test("one example row per function, with a Chinese explanation; results checked by hand", () => {
    // docs/functions.md examples: 4.82 / 6.7 = 0.7194; 97% is 3 points below 100%, one whole 2% step
    // → 5 − 1 = 4; ≤ direction, 120 exceeds 100 by 20% → 5 × 0.8 = 4; 7.5 < 8 (80% of 10); 10 − 7.42 =
    // 2.58; 89.995 → 90.00 → 优; 12 / 240 = 0.05; (10 + 100 + 20 − 13) / 130 = 117 / 130 = 0.9;
    // "≤27.6万元" → 27.6; the form's scores 10 + 10 + 9.5 + 10 + 10 + 10 + 10 + 5 + 5 + 10 = 89.5.
    const hand: Record<string, Value> = {
      EXECRATE: 0.7194,
      EXECSCORE: 4,
      INDSCORE: 4,
      QUALCHECK: "不符合：达成（80%–100%）应在 8–10 分，填写 7.5 分",
      DEDUCTION: 2.58,
      GRADE: "优",
      CONTROLRATE: 0.742,
      CHANGERATE: 0.0226,
      RATIO: 2.4369,
      STAFFRATE: 0.8889,
      ADJUSTRATE: 0.3035,
      CARRYRATE: 0.05,
      BUDGETCOMPLETION: 0.9,
      PARSEVALUE: 27.6,
      SUMSCORES: 89.5,
    };
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
      string,
      { name: string }
    >;
    for (const id of TAGGED_IDS) {
      const r = common.cells.findIndex((row) => {
        const v = row?.[1]?.value;
        return v?.kind === "text" && v.value === `JX.${id}`;
      });
      expect([id, r >= 0]).toEqual([id, true]);
      expect(getCell(common, r, 0).value).toEqual({ kind: "text", value: `JX.${zh[id].name}` });
      const shown = getCell(common, r, 2).value;
      expect(shown.kind === "text" && shown.value.startsWith(`JX.${zh[id].name}(`)).toBe(true);
      const cell = getCell(common, r, 3);
      expect(cell.formula!.startsWith(`_xldudf_JX_${id}(`)).toBe(true);
      const v = cached(common, r, 3);
      if (typeof hand[id] === "number") expect(v as number).toBeCloseTo(hand[id] as number, 4);
      else expect(v).toBe(hand[id]);
      const note = getCell(common, r, 4).value;
      expect(note.kind === "text" && /[\u4e00-\u9fff]/.test(note.value)).toBe(true);
    }
    const sumRow = common.cells.findIndex(
      (row) => row?.[1]?.value.kind === "text" && row[1].value.value === "JX.SUMSCORES",
    );
    expect(getCell(common, sumRow, 3).formula).toBe("_xldudf_JX_SUMSCORES(自评表!H14:H23)");
  });
});
