/**
 * Sentence quality of every message a clerk reads (issue: "实际完成 完成8家", "““三公经费”控制率”", "认可。，达到"):
 * 1. every finding of the samples (samples/*.xlsx) and of the hostile corpus (scripts/make-hostile-corpus.ts)
 *    as the checker writes it (message and steps);
 * 2. every message template (src/core/messages.ts MSG, kinds/report/messages.ts REPORT_MSG), called with
 *    the names, texts and numbers of those same workbooks, through the last pass every finding gets
 *    (tidyText in makeFinding). The table below is typed against the templates: a new template that is
 *    not listed here does not compile.
 * Rejected: a doubled word or quote, "。，" and friends, English words, "undefined", "NaN", floats with
 * more than 4 decimals — unless the piece comes from the typed input itself (a clerk's own text may say
 * anything; the template must not add it).
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { makeHostileCorpus } from "../../scripts/make-hostile-corpus";
import { checkWorkbook } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import { cellText } from "../../src/core/grid";
import { MSG, tidyText } from "../../src/core/messages";
import { REPORT_MSG } from "../../src/core/kinds/report/messages";
import { readXlsx } from "../../src/io/xlsxRead";

/** Words of the templates themselves that are not Chinese (product and spreadsheet names, a key). */
const ALLOWED_LATIN = new Set(["JX", "Excel", "WPS", "NAME", "F9"]);

/** What is wrong with a sentence; pieces found in `inputs` (typed text) are not the template's doing. */
export function sentenceProblems(text: string, inputs: readonly string[] = []): string[] {
  const fromInput = (piece: string): boolean => inputs.some((i) => i.includes(piece));
  const out: string[] = [];
  const hit = (re: RegExp, what: string, allow?: (m: string) => boolean): void => {
    for (const m of text.matchAll(re)) {
      if (fromInput(m[0]) || allow?.(m[0])) continue;
      out.push(`${what}: ${m[0]}`);
    }
  };
  // A doubled word of 2-4 Han characters, side by side or around a space ("完成 完成8家").
  hit(/(\p{Script=Han}{2,4})\s?\1/gu, "doubled word", (m) => {
    // The doubled word is both halves of one typed piece: "完成" + "完成8家" (from an input) is not.
    const half = m.replace(/\s/g, "").slice(0, m.replace(/\s/g, "").length / 2);
    return inputs.some((i) => i.includes(half + half));
  });
  hit(/““|””|‘‘|’’/g, "doubled quote");
  hit(/[。．][，,；;。]|[，,][。，,]|；[。；]/g, "punctuation joined");
  hit(
    /[A-Za-z]{2,}/g,
    "English word",
    (m) => ALLOWED_LATIN.has(m) || /^(?:undefined|NaN|Infinity|null)$/.test(m),
  );
  hit(/undefined|NaN|Infinity|\bnull\b/g, "not a value");
  hit(/\d+\.\d{5,}/g, "float with more than 4 decimals");
  return out;
}

// ───────────────────────────── inputs from the workbooks ─────────────────────────────

interface Corpus {
  books: { file: string; wb: Workbook }[];
  texts: string[];
  numbers: number[];
}

const corpus: Corpus = { books: [], texts: [], numbers: [] };

/**
 * The texts and numbers of a workbook as typed: text cells, formulas, error values, TRUE/FALSE and sheet
 * names (a message may quote each of them).
 */
function collect(wb: Workbook, texts: Set<string>, numbers: Set<number>, all = false): void {
  for (const sheet of wb.sheets) {
    if (all) texts.add(sheet.name);
    for (const row of sheet.cells ?? [])
      for (const cell of row ?? []) {
        if (!cell) continue;
        if (all && cell.formula) texts.add(cell.formula);
        if (cell.value.kind === "number") numbers.add(cell.value.value);
        else if (cell.value.kind === "text" || all) {
          const t = cellText(cell.value).trim();
          if (t !== "" && (all || t.length <= 120)) texts.add(t);
        }
      }
  }
}

beforeAll(async () => {
  const dir = path.join(__dirname, "../../samples");
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx")).sort())
    corpus.books.push({ file, wb: await readXlsx(new Uint8Array(await fs.readFile(path.join(dir, file)))) });
  for (const entry of await makeHostileCorpus())
    if (entry.grid) corpus.books.push({ file: entry.file, wb: entry.grid });
  const texts = new Set<string>();
  const numbers = new Set<number>();
  // The large hostile sheets repeat themselves: their first rows are enough for texts and numbers.
  for (const { wb } of corpus.books) collect(wb, texts, numbers);
  corpus.texts = [...texts].slice(0, 600);
  corpus.numbers = [...numbers, 0, 0.9031, 1.0000186, 2.675, 89.974, 1e-7, 123456.789012].slice(0, 400);
}, 120_000);

// ───────────────────────────── 1. findings as written ─────────────────────────────

describe("findings of the samples and the hostile corpus", () => {
  test("no doubled word or quote, no 。，, no English, undefined, NaN or float with more than 4 decimals", () => {
    const bad: string[] = [];
    let count = 0;
    for (const { file, wb } of corpus.books) {
      const inputs: string[] = [];
      const t = new Set<string>();
      collect(wb, t, new Set(), true);
      inputs.push(...t);
      for (const r of checkWorkbook(wb))
        for (const f of r.findings) {
          count++;
          for (const text of [f.message, f.steps ?? ""])
            for (const p of sentenceProblems(text, inputs)) bad.push(`${file} ${f.rule}: ${p} ← ${text}`);
        }
    }
    expect(count).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });
});

// ───────────────────────────── 2. every template ─────────────────────────────

/** One set of arguments taken from the corpus: names and typed texts, numbers, a fraction. */
interface Pick {
  s: string;
  s2: string;
  x: number;
  y: number;
  f: number;
}

type Cases<T extends Record<string, (...args: never[]) => string>> = {
  [K in keyof T]: (p: Pick) => Parameters<T[K]>;
};

const MSG_CASES: Cases<typeof MSG> = {
  templateNotFound: () => [],
  partialRead: (p) => [`第 12 行“${p.s}”`, 2, { read: p.x, expected: 100 }],
  scoreUndetermined: (p) => [p.s, p.x, `无法确定：请先核对${p.s2}（F7）`],
  totalRightPartsOff: (p) => ["总分", p.x, p.y, `${p.x} + ${p.y}`],
  kindConflict: (p) => [p.s, "部门整体支出绩效自评表", "项目支出绩效自评表"],
  missingField: (p) => [p.s, p.s2],
  missingFieldNoCell: (p) => [p.s],
  emptyIndicatorRow: (p) => [p.s, p.x],
  missingValue: (p) => ["全年预算数", p.s],
  uncalculatedFormula: (p) => [`“${p.s}”`, "SUM(H7:H9)"],
  errorValue: (p) => ["得分", p.s, "#DIV/0!"],
  notNumber: (p) => [`“${p.s}”的得分`, `“${p.s2}”`, "数字"],
  budgetColumnMissing: () => ["全年执行数"],
  budgetTotalRowMissing: () => [],
  totalNotComputable: (p) => [`“${p.s}”的得分未填写`],
  missingReasonLost: (p) => [p.s, p.x, p.y, p.s2],
  missingReasonRate: (p) => [p.f, 0.9, "偏差原因"],
  sumMismatch: (p) => [`“${p.s}”的全年预算数`, p.x, p.y, `${p.y} = 1 + 2`, false, "万元"],
  sumUnrecognised: (p) => [`“${p.s}”的全年执行数`, p.x, p.y, `${p.y} = 1 + 2`, "万元", p.s2, "C9"],
  totalExplained: (p) => ["总分", p.x, p.y, `“${p.s}”得分应为 5（见 I7）`, 1],
  totalAfterParts: (p) => ["总分", p.x, p.y, `${p.y} = 1 + 2`, p.x, `“${p.s}”得分应为 5（见 I7）`, 2],
  sumMismatchNoTotal: (p) => ["总分", p.x, p.y, `${p.y} = 1 + 2`, p.s2],
  totalOutOfRange: (p) => [p.x, 100, p.y],
  weightNoBuiltinProfile: (p) => [p.s, "10 + 50 + 30 + 10", "10 + 50 + 30 + 10"],
  weightTotal: (p) => [p.x, 100, "10 + 50 + 30 + 10"],
  weightTotalPrinted: (p) => [p.x, p.y, "10 + 50 + 30 + 10"],
  weightLevel1Profile: (p) => ["产出指标", p.x, 50, "20 + 30"],
  weightLevel3: (p) => [p.s, p.x, p.y, "20 + 30"],
  weightNonPositive: (p) => [p.s, p.x],
  rateMismatch: (p) => [`“${p.s}”的执行率`, p.s2, p.f, "74.20% = 20.48万元 ÷ 27.6万元", false],
  scoreMismatch: (p) => [p.s, p.x, p.y, "9.47 = 10 × 90% ÷ 95%"],
  scoreAbove: (p) => [p.s, p.x, p.y, p.y, "6 = 满分（实际 8家 ≥ 目标 4家）"],
  scoreNegative: (p) => [p.s, p.x],
  qualBand: (p) => [p.s, p.s2, p.x, 10, 0.6, 0.8, false],
  gradeMismatch: (p) => [p.s, p.x, "优", "优 ≥ 90；良 80～90"],
  gradeFitsWrongTotal: (p) => [p.s, p.x, p.y, "良", "优 ≥ 90；良 80～90"],
  gradeNonStandard: (p) => [p.s, "优", "优、良、较差、差"],
  gradeNonStandardMismatch: (p) => [p.s, "优", p.x, "良", "优 ≥ 90；良 80～90"],
  gradeUnknown: (p) => [p.s, p.x, "优", "优、良、较差、差"],
  execOver100: (p) => ["105%", "105万元", "100万元", p.s, "101.5%"],
  incomeAsSpending: (p) => [p.x, p.x, p.y, `${p.y} = 1 + 2`, "万元"],
  magnitudeYuan: (p) => [`“${p.s}”的全年预算数`, p.x],
  magnitudeBelowBasic: (p) => [p.x, p.y],
  magnitudeYuanUnit: (p) => [p.s, p.s2],
  percentOver100: (p) => [p.s, p.f],
  overAchievement: (p) => [p.s, "8家", "4家", p.f, 1.3, 0, p.s2],
  spendingRateOver: (p) => [p.s, p.f, p.s2],
  forecast: (p) => [`“${p.s}”的实际完成值`, p.s2],
  unitMismatch: (p) => [p.s, p.s2, p.s],
  rateHoldsAmount: (p) => [p.s, p.s2, "74.20% = 20.48万元 ÷ 27.6万元"],
  yearMismatch: (p) => [2021, 2022, p.s],
  figureConflict: (p) => [
    p.s,
    "5.3亿元",
    "H20",
    "年度总体目标的实际完成情况",
    "C12",
    p.s2,
    "9.43亿元",
    null,
    "text",
  ],
  unknownLevel1: (p) => [p.s, "产出指标、效益指标、满意度指标"],
  unknownLevel2: (p) => [p.s, "产出指标", "数量指标、质量指标"],
  goalDuplicate: () => [],
  unparsed: (p) => [`“${p.s}”的年度指标值`, p.s2],
  bandsFromForm: (p) => ["备注", p.s],
  addinFormula: (p) => [
    ["H7", "I7"],
    Math.max(2, Math.round(Math.abs(p.x)) % 40),
    { sheets: [p.s], count: 3 },
  ],
};

const REPORT_CASES: Cases<typeof REPORT_MSG> = {
  staffOver: (p) => [p.x, p.y],
  institutionSum: (p) => [`“${p.s}”的收入合计`, p.x, p.y, `${p.y} = 1 + 2`, false],
  spendingOverIncome: (p) => [p.x, p.y, p.f],
  executionScore: (p) => [p.s, p.x, p.y, "10 = 100% × 10", p.y],
  belowTarget: (p) => [p.s, p.s2, p.s, "完成 99% ÷ 目标 100% = 99.00%", "未达到目标"],
  rateFromTables: () => ["5374.44", "5374.34", "100.0019%"],
  noSummary: () => [],
};

function picks(): Pick[] {
  const { texts, numbers } = corpus;
  const out: Pick[] = [];
  for (let k = 0; k < texts.length; k++)
    out.push({
      s: texts[k],
      s2: texts[(k * 7 + 3) % texts.length],
      x: numbers[k % numbers.length],
      y: numbers[(k * 5 + 1) % numbers.length],
      f: Math.abs(numbers[(k * 3 + 2) % numbers.length]) / 100,
    });
  return out;
}

/** Every string in the arguments, also inside arrays and objects ({ sheets: [...] }). */
function stringsIn(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(stringsIn);
  if (x && typeof x === "object") return Object.values(x).flatMap(stringsIn);
  return [];
}

function runCases<T extends Record<string, (...args: never[]) => string>>(
  templates: T,
  cases: Cases<T>,
): string[] {
  const bad: string[] = [];
  for (const p of picks())
    for (const name of Object.keys(cases) as (keyof T & string)[]) {
      const args = cases[name](p) as unknown as never[];
      const text = tidyText(templates[name](...args));
      const inputs = stringsIn(args);
      for (const problem of sentenceProblems(text, inputs)) bad.push(`${name}: ${problem} ← ${text}`);
    }
  return bad;
}

describe("every message template over the corpus' names, texts and numbers", () => {
  test("MSG (src/core/messages.ts)", () => {
    expect(corpus.texts.length).toBeGreaterThan(100);
    expect(runCases(MSG, MSG_CASES).slice(0, 20)).toEqual([]);
  });
  test("REPORT_MSG (src/core/kinds/report/messages.ts)", () => {
    expect(runCases(REPORT_MSG, REPORT_CASES).slice(0, 20)).toEqual([]);
  });
});

describe("the checker itself", () => {
  test("sees the issue's slips", () => {
    expect(sentenceProblems("“新增规模企业”实际完成 完成8家，达到指标值 4家")).toEqual([
      "doubled word: 完成 完成",
    ]);
    expect(sentenceProblems("““三公经费”控制率”是比率指标")).toEqual(["doubled quote: ““"]);
    expect(sentenceProblems("得到企业的认可。，达到指标值")).toEqual(["punctuation joined: 。，"]);
    expect(sentenceProblems("（错误代码：NoFile）")).toEqual(["English word: NoFile"]);
    expect(sentenceProblems("应为 undefined 或 NaN")).toEqual(["not a value: undefined", "not a value: NaN"]);
    expect(sentenceProblems("5.94 = 6 × 0.990000001 ÷ 1")).toEqual([
      "float with more than 4 decimals: 0.990000001",
    ]);
    // What the clerk typed is theirs: "完成完成" in the input is not the template's doubling.
    expect(sentenceProblems("写的是“完成完成”", ["完成完成"])).toEqual([]);
  });
});
