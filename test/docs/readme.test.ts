/* global __dirname */
/**
 * The README's reference parts say what the program does: the command-line options and exit codes are
 * the ones `jixiao-check --help` prints, and the functions table names every custom function with the
 * Chinese name and parameters of src/functions/zh-cn.json (the names Excel shows).
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { HELP_TEXT } from "../../src/cli/args";
import * as F from "../../src/functions/functions";
import { installCustomFunctionsStub } from "../functions/cf-stub";

const ROOT = path.resolve(__dirname, "../..");
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** Lines from the one starting with `from` up to (not including) the first blank line after it. */
function paragraph(text: string, from: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trimEnd() === from);
  expect({ from, found: start >= 0 }).toEqual({ from, found: true });
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start, end < 0 ? undefined : end).map((l) => l.trimEnd());
}

describe("README, command line", () => {
  // The README shows them inside a ```text block, under a heading of its own: compare the lines.
  test("the options block is the one --help prints", () => {
    const options = paragraph(HELP_TEXT, "选项：").slice(1);
    expect(options.length).toBeGreaterThan(5);
    expect(README).toContain(options.join("\n"));
  });

  test("the exit codes are the ones --help prints", () => {
    const codes = paragraph(HELP_TEXT, "退出码：");
    expect(codes).toHaveLength(4);
    expect(README).toContain(codes.join("\n"));
  });
});

interface Translation {
  name: string;
  parameters: Record<string, { name: string }>;
}

const ZH = JSON.parse(readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
  string,
  Translation
>;

/** Rows of the functions table: | 中文函数名 | 英文名 | 参数 | 作用 | 示例 | 结果 |. */
const ROWS = README.split("\n")
  .filter((l) => /^\| [^|]+ \| [A-Z]+ \|/.test(l))
  .map((l) => l.split("|").map((c) => c.trim()))
  .map((c) => ({ zhName: c[1], id: c[2], params: c[3], examples: c[5], results: c[6] }));

describe("README, custom functions table", () => {
  test("one row per function, in any order, and no row for a function that does not exist", () => {
    expect(ROWS.map((r) => r.id).sort()).toEqual(Object.keys(ZH).sort());
  });

  test.each(Object.keys(ZH).map((id) => [id]))("%s: the Chinese name and the parameter names", (id) => {
    const row = ROWS.find((r) => r.id === id)!;
    expect(row.zhName).toBe(ZH[id].name);
    // "全年执行数, 全年预算数" or "执行率, 分值, [规则], [步长], [每步扣分]": optional ones in brackets.
    const names = row.params.split(",").map((p) => p.trim().replace(/^\[(.*)\]$/, "$1"));
    expect(names).toEqual(Object.values(ZH[id].parameters).map((p) => p.name));
    // The example formulas use the Chinese name.
    expect(README).toContain(`=JX.${ZH[id].name}(`);
  });
});

/** The exported function behind each id (src/functions/functions.ts). */
const BY_ID: Record<string, (...args: unknown[]) => unknown> = {
  EXECRATE: F.execRate,
  EXECSCORE: F.execScore,
  INDSCORE: F.indScore,
  QUALCHECK: F.qualCheck,
  DEDUCTION: F.deduction,
  GRADE: F.grade,
  CONTROLRATE: F.controlRate,
  CHANGERATE: F.changeRate,
  RATIO: F.ratio,
  STAFFRATE: F.staffRate,
  ADJUSTRATE: F.adjustRate,
  CARRYRATE: F.carryRate,
  BUDGETCOMPLETION: F.budgetCompletion,
  PARSEVALUE: F.parseNumberText,
  SUMSCORES: F.sumScores,
} as Record<string, (...args: unknown[]) => unknown>;

/** `4.82, 6.7` / `"≥95%", "90%", 10` / `100, 120, 5, , "公用经费控制率"` → arguments, or null if one is a cell reference. */
function literalArgs(text: string): unknown[] | null {
  const args: unknown[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    if (part === "")
      args.push(null); // an omitted argument reaches a custom function as null
    else if (/^".*"$/.test(part)) args.push(part.slice(1, -1));
    else if (/^-?\d+(\.\d+)?$/.test(part)) args.push(Number(part));
    else return null;
  }
  return args;
}

describe("README, custom functions examples give the results the table shows", () => {
  beforeAll(() => installCustomFunctionsStub());
  const examples: [string, string, string][] = [];
  for (const row of ROWS) {
    const results = row.results.split("<br>");
    row.examples
      .split("<br>")
      .forEach((f, i) => examples.push([row.id, f.replace(/`/g, ""), results[i] ?? ""]));
  }
  /** The arguments of an example formula `=JX.<中文名>(…)`, or null when one is a cell reference. */
  const exampleArgs = (id: string, formula: string): unknown[] | null => {
    const m = new RegExp(`^=JX\\.${ZH[id].name}\\((.*)\\)$`).exec(formula);
    expect({ formula, named: m !== null }).toEqual({ formula, named: true });
    return literalArgs(m![1]);
  };

  test("every row has an example, and most can be evaluated here (the others use cell references)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(Object.keys(ZH).length);
    const literal = examples.filter(([id, f]) => exampleArgs(id, f) !== null);
    expect(literal.length).toBeGreaterThanOrEqual(15);
  });

  test.each(examples)("%s: %s → %s", (id, formula, shown) => {
    const args = exampleArgs(id, formula);
    if (args === null) return; // refers to cells (E8, H10:H30): nothing to evaluate outside Excel
    const value = BY_ID[id](...args);
    // "0.7194（71.94%）" / "4（低 3 个百分点，扣 1 档）" → the leading number, to the decimals shown;
    // otherwise the text itself ("优", "不符合：…").
    const n = /^-?\d+(\.(\d+))?/.exec(shown);
    if (n) {
      expect(typeof value).toBe("number");
      const decimals = n[2]?.length ?? 0;
      expect(Number((value as number).toFixed(decimals))).toBe(Number(n[0]));
    } else {
      expect(value).toBe(shown);
    }
  });
});
