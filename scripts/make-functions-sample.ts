/* global process, require, module, console, __dirname, structuredClone */
/**
 * Writes samples/自定义函数示例.xlsx: the correct form of scripts/sample-specs.ts whose computed cells
 * use the JX custom functions, plus a sheet 共性指标 with the common rates of domain.md §4 on the seeds'
 * numbers and one example per function.
 *
 *   npx tsx scripts/make-functions-sample.ts [outDir]     (also run at the end of make-samples.ts)
 *
 * Formulas are written the way Excel stores JavaScript custom functions in a file:
 * `_xldudf_<NAMESPACE>_<ID>(…)`, e.g. `_xldudf_JX_EXECRATE(F7,E7)`; Excel shows them as
 * `JX.EXECRATE` / `JX.执行率` once the add-in is loaded (office-js issues #2568, #3558, #4811, #5611).
 * Every formula carries its cached result, computed by the same functions the custom functions call
 * (src/functions/logic.ts), so the values show before the add-in loads. Output is deterministic.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { a1, quoteSheetName, type Cell, type CellRange, type Sheet, type Workbook } from "../src/core/grid";
import { parseValue } from "../src/core/parse";
import {
  buildStandardForm,
  standardLayout,
  type CellInput,
  type FormSpec,
  type Pos,
} from "../src/core/template";
import * as L from "../src/functions/logic";
import { workbookToXlsx } from "../src/io/xlsxWrite";
import { sampleSpecs } from "./sample-specs";
import { normalizeZipTimes } from "./zip-times";

export const FUNCTIONS_SAMPLE_FILE = "自定义函数示例.xlsx";

/** How Excel stores a JavaScript custom function of namespace JX in a file. */
export const STORED_PREFIX = "_xldudf_JX_";

type Value = number | string | boolean | null;
type ArgValue = Value | Value[][];

/** Each function id → the logic function the custom function calls (src/functions/functions.ts). */
const LOGIC: Record<string, (...args: never[]) => Value> = {
  EXECRATE: L.execRate,
  EXECSCORE: L.execScore,
  INDSCORE: L.indicatorScore,
  QUALCHECK: L.qualCheck,
  DEDUCTION: L.deduction,
  GRADE: L.grade,
  CONTROLRATE: L.controlRate,
  CHANGERATE: L.changeRateFn,
  RATIO: L.rate,
  STAFFRATE: L.staffRate,
  ADJUSTRATE: L.adjustRate,
  CARRYRATE: L.carryRate,
  BUDGETCOMPLETION: L.budgetCompletion,
  PARSEVALUE: L.parseNumberText,
  SUMSCORES: L.sumScores,
};

/** A formula argument: its text in the formula and the value the function receives. */
interface Arg {
  text: string;
  value: ArgValue;
}

/** A literal number or text. */
function lit(v: number | string): Arg {
  return { text: typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`, value: v };
}

/** An omitted optional argument (`f(a,,b)`): the function receives null. */
const OMITTED: Arg = { text: "", value: null };

/** A reference to one cell (on the same sheet) holding `value`. */
function ref(pos: Pos, value: Value): Arg {
  return { text: a1(pos.row, pos.col), value };
}

/** A one-column range from `first` down `values.length` rows. */
function columnRange(first: Pos, values: Value[]): Arg {
  const last = a1(first.row + values.length - 1, first.col);
  return { text: `${a1(first.row, first.col)}:${last}`, value: values.map((v) => [v]) };
}

/** A JX function call: stored formula text and its result. */
function jx(id: string, ...args: Arg[]): { text: string; value: Value } {
  const fn = LOGIC[id] as (...a: ArgValue[]) => Value;
  return {
    text: `${STORED_PREFIX}${id}(${args.map((a) => a.text).join(",")})`,
    value: fn(...args.map((a) => a.value)),
  };
}

/** A formula cell with its cached result. */
function formulaCell(call: { text: string; value: Value }, numberFormat?: string): CellInput {
  return numberFormat === undefined
    ? { value: call.value, formula: call.text }
    : { value: call.value, formula: call.text, numberFormat };
}

const PERCENT = "0.00%";
const POINTS = "0.00";

/** Plain value of a spec cell (a number or text, or the value of a {value, formula} object). */
function plain(input: CellInput | undefined): Value {
  if (input === undefined || input === null) return null;
  if (typeof input !== "object") return input;
  if ("error" in input) throw new Error(`unexpected error cell ${input.error}`);
  return input.value;
}

function assertSame(what: string, computed: Value, typed: Value): void {
  const same =
    typeof computed === "number" && typeof typed === "number"
      ? Math.abs(computed - typed) < 1e-9
      : computed === typed;
  if (!same)
    throw new Error(`${what}: the function gives ${String(computed)}, the sample has ${String(typed)}`);
}

// ───────────────────────────── sheet 1: the form ─────────────────────────────

/** The correct form of sample-specs.ts (the sample a check passes with no findings). */
function correctSpec(): FormSpec {
  const s = sampleSpecs().find((x) => x.expect.exitCode === 0 && x.expect.errorRules.length === 0);
  if (!s) throw new Error("no correct sample in sample-specs");
  return structuredClone(s.spec);
}

/** The form sheet, and its indicator scores as a range argument on another sheet. */
function formSheet(): { sheet: Sheet; scores: Arg } {
  const spec = correctSpec();
  const layout = standardLayout(spec);
  const sheetName = layout.sheetName;

  // 执行率 and 执行率得分 of 年度资金总额.
  const b = spec.budget.rows[0];
  const bl = layout.budget.rows[0];
  const rate = jx(
    "EXECRATE",
    ref(bl.executed, plain(b.executed)),
    ref(bl.fullYearBudget, plain(b.fullYearBudget)),
  );
  assertSame("执行率", rate.value, plain(b.rate));
  b.rate = formulaCell(rate, PERCENT);
  const execScore = jx("EXECSCORE", ref(bl.rate, rate.value), ref(bl.weight, plain(b.weight)));
  assertSame("执行率得分", execScore.value, plain(b.score));
  b.score = formulaCell(execScore, POINTS);

  // 得分 of every quantitative indicator; the qualitative one keeps its typed points and gets a check.
  let qualitative: { row: number; call: { text: string; value: Value } } | null = null;
  for (const [i, ind] of spec.indicators.entries()) {
    const rl = layout.indicators.rows[i];
    const target = plain(ind.target);
    const actual = plain(ind.actual);
    const weight = plain(ind.weight);
    if (parseValue(target as string).kind === "qualitative") {
      const check = jx(
        "QUALCHECK",
        ref(rl.actual, actual),
        ref(rl.score, plain(ind.score)),
        ref(rl.weight, weight),
      );
      qualitative = { row: rl.row, call: check };
      continue;
    }
    const score = jx("INDSCORE", ref(rl.target, target), ref(rl.actual, actual), ref(rl.weight, weight));
    assertSame(`${ind.name} 得分`, score.value, plain(ind.score));
    ind.score = formulaCell(score, POINTS);
  }
  if (qualitative === null) throw new Error("the correct sample has no qualitative indicator");

  // 总分 = 执行率得分 + JX.SUMSCORES(indicator scores); 等级 = JX.GRADE(总分).
  const rows = layout.indicators.rows;
  const scores = columnRange(
    rows[0].score,
    spec.indicators.map((ind) => plain(ind.score)),
  );
  const sum = jx("SUMSCORES", scores);
  const total = {
    text: `${a1(bl.score.row, bl.score.col)}+${sum.text}`,
    value: (execScore.value as number) + (sum.value as number),
  };
  assertSame("总分", total.value, plain(spec.total.score));
  spec.total.score = formulaCell(total, POINTS);
  const grade = jx("GRADE", ref(layout.total.score, total.value));
  assertSame("评价等级", grade.value, plain(spec.grade));
  spec.grade = formulaCell(grade);

  const sheet = buildStandardForm(spec, { sheetName });

  // The qualitative check next to the table, under its own header.
  const checkCol = layout.bounds.right + 1;
  const put = (row: number, col: number, cell: Cell): void => {
    (sheet.cells[row] ??= [])[col] = cell;
  };
  put(layout.indicators.headerRow, checkCol, { value: { kind: "text", value: "定性得分检查" } });
  const q = qualitative;
  put(q.row, checkCol, { value: { kind: "text", value: String(q.call.value) }, formula: q.call.text });

  // Notes under the form: a short label in the first column, the text next to it (it overflows to the right).
  const at = (p: Pos): string => a1(p.row, p.col);
  const notes = [
    `本表与《正确填报示例》数据相同，计算单元格使用“绩效自评助手”加载项的 JX 自定义函数：` +
      `执行率 ${at(bl.rate)} =JX.执行率(${at(bl.executed)}, ${at(bl.fullYearBudget)})，` +
      `执行率得分 ${at(bl.score)} =JX.执行率得分(${at(bl.rate)}, ${at(bl.weight)})，` +
      `定量指标得分 =JX.指标得分(年度指标值, 实际完成值, 分值)，` +
      `总分 ${at(layout.total.score)} = 执行率得分 + JX.合计得分(${scores.text})，` +
      `评价等级 ${at(layout.grade.value)} =JX.评价等级(${at(layout.total.score)})。`,
    `${a1(q.row, checkCol)} 用 JX.定性得分检查 核对定性指标的得分是否落在所写档次的区间内。`,
    "未加载加载项时，单元格显示保存时的计算结果，编辑栏中的函数名显示为 _xldudf_JX_…；" +
      "加载项加载后，Excel 把它们识别为 JX 函数（中文版显示为 JX.执行率 等）并重新计算。",
  ];
  const noteRow = layout.bounds.bottom + 2;
  put(noteRow, layout.bounds.left, { value: { kind: "text", value: "说明" } });
  notes.forEach((text, i) => {
    put(noteRow + i, layout.bounds.left + 1, { value: { kind: "text", value: `${i + 1}. ${text}` } });
  });
  return { sheet, scores: { ...scores, text: `${quoteSheetName(sheetName)}!${scores.text}` } };
}

// ───────────────────────────── sheet 2: 共性指标 and the function list ─────────────────────────────

interface RateRow {
  name: string;
  a: [string, number];
  b: [string, number];
  id: string;
  note: string;
}

/** The common rates of domain.md §4 on the seeds' numbers. */
const RATE_ROWS: RateRow[] = [
  {
    name: "公用经费控制率",
    a: ["实际公用经费（万元）", 20.48],
    b: ["预算公用经费（万元）", 27.6],
    id: "CONTROLRATE",
    note: "JX.控制率 = 实际数 ÷ 预算数；吉首2023：20.48 ÷ 27.6 = 74.20%，≤ 100% 为好。",
  },
  {
    name: "“三公经费”变动率",
    a: ["本年三公经费预算（万元）", 75],
    b: ["上年三公经费预算（万元）", 73.34],
    id: "CHANGERATE",
    note: "JX.变动率 =（本年 − 上年）÷ 上年；怀化2021：(75 − 73.34) ÷ 73.34 = 2.26%，≤ 0 为好，下降为负数。",
  },
  {
    name: "财政供养人员控制率",
    a: ["实际在职人数", 88],
    b: ["编制数", 99],
    id: "STAFFRATE",
    note: "JX.人员控制率 = 实际在职人数 ÷ 编制数；怀化2021：88 ÷ 99 = 88.89%，≤ 100% 为好。",
  },
  {
    name: "预算调整率",
    a: ["预算调整数（万元）", 398.18],
    b: ["年初预算数（万元）", 1311.99],
    id: "ADJUSTRATE",
    note: "JX.预算调整率 = 预算调整数 ÷ 年初预算数；怀化2021：398.18 ÷ 1311.99 = 30.35%，越接近 0 越好。",
  },
  {
    name: "政府采购执行率",
    a: ["实际政府采购金额（万元）", 438.64],
    b: ["政府采购预算（万元）", 180],
    id: "RATIO",
    note: "JX.完成比率 = 分子 ÷ 分母；怀化2021：438.64 ÷ 180 = 243.69%，远超 100%，说明采购预算编制不准。",
  },
];

interface ExampleRow {
  zh: string;
  id: string;
  shown: string;
  args: Arg[];
  format?: string;
  note: string;
}

function exampleRows(formScores: Arg): ExampleRow[] {
  return [
    {
      zh: "执行率",
      id: "EXECRATE",
      shown: "JX.执行率(4.82, 6.7)",
      args: [lit(4.82), lit(6.7)],
      format: PERCENT,
      note: "预算执行率 = 全年执行数 ÷ 全年预算数。",
    },
    {
      zh: "执行率得分",
      id: "EXECSCORE",
      shown: 'JX.执行率得分(0.97, 5, "step", 2, 1)',
      args: [lit(0.97), lit(5), lit("step"), lit(2), lit(1)],
      format: POINTS,
      note: "执行率得分：默认按比例 = 分值 × min(执行率, 100%)；本例每低于 2% 扣 1 分，97% 低 3 个百分点，扣 1 档得 4 分。",
    },
    {
      zh: "指标得分",
      id: "INDSCORE",
      shown: 'JX.指标得分(100, 120, 5, , "公用经费控制率")',
      args: [lit(100), lit(120), lit(5), OMITTED, lit("公用经费控制率")],
      format: POINTS,
      note: "定量指标得分；控制率越低越好，超出目标 20%，得 5 × (1 − 20%) = 4 分。",
    },
    {
      zh: "定性得分检查",
      id: "QUALCHECK",
      shown: 'JX.定性得分检查("达成年度指标", 7.5, 10)',
      args: [lit("达成年度指标"), lit(7.5), lit(10)],
      note: "核对定性指标得分是否在档次区间：达成 80%–100%，部分达成 60%–80%，未达成 0–60%。",
    },
    {
      zh: "扣减分数",
      id: "DEDUCTION",
      shown: "JX.扣减分数(10, 7.42)",
      args: [lit(10), lit(7.42)],
      format: POINTS,
      note: "扣减分数 = 分值 − 得分。",
    },
    {
      zh: "评价等级",
      id: "GRADE",
      shown: "JX.评价等级(89.995)",
      args: [lit(89.995)],
      note: "按总分给出等级（优 ≥ 90，良 ≥ 80，较差 ≥ 60，差 < 60）；总分先四舍五入到 2 位小数，89.995 计为 90。",
    },
    {
      zh: "控制率",
      id: "CONTROLRATE",
      shown: "JX.控制率(20.48, 27.6)",
      args: [lit(20.48), lit(27.6)],
      format: PERCENT,
      note: "公用经费、“三公经费”控制率 = 实际数 ÷ 预算数。",
    },
    {
      zh: "变动率",
      id: "CHANGERATE",
      shown: "JX.变动率(75, 73.34)",
      args: [lit(75), lit(73.34)],
      format: PERCENT,
      note: "变动率 =（本年 − 上年）÷ 上年。",
    },
    {
      zh: "完成比率",
      id: "RATIO",
      shown: "JX.完成比率(438.64, 180)",
      args: [lit(438.64), lit(180)],
      format: PERCENT,
      note: "通用比率：完成率、完成及时率、政府采购执行率等。",
    },
    {
      zh: "人员控制率",
      id: "STAFFRATE",
      shown: "JX.人员控制率(88, 99)",
      args: [lit(88), lit(99)],
      format: PERCENT,
      note: "财政供养人员控制率 = 实际在职人数 ÷ 编制数。",
    },
    {
      zh: "预算调整率",
      id: "ADJUSTRATE",
      shown: "JX.预算调整率(398.18, 1311.99)",
      args: [lit(398.18), lit(1311.99)],
      format: PERCENT,
      note: "预算调整率 = 预算调整数 ÷ 年初预算数。",
    },
    {
      zh: "结转结余率",
      id: "CARRYRATE",
      shown: "JX.结转结余率(12, 240)",
      args: [lit(12), lit(240)],
      format: PERCENT,
      note: "结转结余率 = 结转结余总额 ÷ 支出预算数。",
    },
    {
      zh: "预算完成率",
      id: "BUDGETCOMPLETION",
      shown: "JX.预算完成率(10, 100, 20, 13)",
      args: [lit(10), lit(100), lit(20), lit(13)],
      format: PERCENT,
      note: "湖南口径：（年初结转 + 年初预算 + 追加 − 年末结转结余）÷（年初结转 + 年初预算 + 追加）。",
    },
    {
      zh: "解析数值",
      id: "PARSEVALUE",
      shown: 'JX.解析数值("≤27.6万元")',
      args: [lit("≤27.6万元")],
      note: "读取指标值文字中的数值：百分比为小数，金额换算为万元。",
    },
    {
      zh: "合计得分",
      id: "SUMSCORES",
      shown: `JX.合计得分(${formScores.text})`,
      args: [formScores],
      format: POINTS,
      note: "合计区域内的得分，跳过空白和“/”“—”等文字；本例为“自评表”各指标得分之和。",
    },
  ];
}

function commonSheet(formScores: Arg): Sheet {
  const name = "共性指标";
  const cells: (Cell | undefined)[][] = [];
  const merges: CellRange[] = [];
  const text = (row: number, col: number, s: string): void => {
    (cells[row] ??= [])[col] = { value: { kind: "text", value: s } };
  };
  const num = (row: number, col: number, n: number): void => {
    (cells[row] ??= [])[col] = { value: { kind: "number", value: n } };
  };
  const formula = (row: number, col: number, call: { text: string; value: Value }, fmt?: string): void => {
    const v = call.value;
    const cell: Cell = {
      value:
        typeof v === "number"
          ? { kind: "number", value: v }
          : typeof v === "string"
            ? { kind: "text", value: v }
            : { kind: "empty" },
      formula: call.text,
    };
    if (fmt) cell.numberFormat = fmt;
    (cells[row] ??= [])[col] = cell;
  };

  text(0, 0, "共性指标（数据取自种子报告：吉首市科技和工业信息化局 2023 年、怀化市工业和信息化局 2021 年）");
  merges.push({ top: 0, left: 0, bottom: 0, right: 6 });
  ["指标", "数据一", "数值", "数据二", "数值", "结果", "说明"].forEach((h, c) => text(2, c, h));
  RATE_ROWS.forEach((r, i) => {
    const row = 3 + i;
    text(row, 0, r.name);
    text(row, 1, r.a[0]);
    num(row, 2, r.a[1]);
    text(row, 3, r.b[0]);
    num(row, 4, r.b[1]);
    formula(row, 5, jx(r.id, ref({ row, col: 2 }, r.a[1]), ref({ row, col: 4 }, r.b[1])), PERCENT);
    text(row, 6, r.note);
  });

  // One example per function.
  const top = 3 + RATE_ROWS.length + 1;
  text(top, 0, "JX 自定义函数一览（示例公式的结果由加载项计算；未加载时显示保存的结果）");
  merges.push({ top, left: 0, bottom: top, right: 6 });
  ["中文函数名", "英文函数名", "示例（中文版 Excel 写法）", "结果", "说明"].forEach((h, c) =>
    text(top + 1, c, h),
  );
  exampleRows(formScores).forEach((ex, i) => {
    const row = top + 2 + i;
    text(row, 0, `JX.${ex.zh}`);
    text(row, 1, `JX.${ex.id}`);
    text(row, 2, ex.shown);
    formula(row, 3, jx(ex.id, ...ex.args), ex.format);
    text(row, 4, ex.note);
  });
  return { name, cells, merges };
}

/** The workbook model of 自定义函数示例.xlsx. */
export function functionsSampleWorkbook(): Workbook {
  const form = formSheet();
  return { sheets: [form.sheet, commonSheet(form.scores)] };
}

/** Deterministic .xlsx bytes of the sample. */
export async function functionsSampleXlsx(): Promise<Uint8Array> {
  return normalizeZipTimes(await workbookToXlsx(functionsSampleWorkbook()));
}

/** Writes 自定义函数示例.xlsx into `dir`; returns its path. */
export async function writeFunctionsSample(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, FUNCTIONS_SAMPLE_FILE);
  await fs.writeFile(file, await functionsSampleXlsx());
  return file;
}

if (require.main === module) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(__dirname, "..", "samples");
  writeFunctionsSample(dir)
    .then((f) => console.log(path.relative(process.cwd(), f) || f))
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
}
