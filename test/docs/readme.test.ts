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

describe("README, custom functions table", () => {
  const zh = JSON.parse(readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
    string,
    Translation
  >;
  // Rows of the table: | 中文函数名 | 英文名 | 参数 | 作用 | 示例 | 结果 |
  const rows = README.split("\n")
    .filter((l) => /^\| [^|]+ \| [A-Z]+ \|/.test(l))
    .map((l) => l.split("|").map((c) => c.trim()))
    .map((c) => ({ zhName: c[1], id: c[2], params: c[3] }));

  test("one row per function, in any order, and no row for a function that does not exist", () => {
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(zh).sort());
  });

  test.each(Object.keys(zh).map((id) => [id]))("%s: the Chinese name and the parameter names", (id) => {
    const row = rows.find((r) => r.id === id)!;
    expect(row.zhName).toBe(zh[id].name);
    // "全年执行数, 全年预算数" or "执行率, 分值, [规则], [步长], [每步扣分]": optional ones in brackets.
    const names = row.params.split(",").map((p) => p.trim().replace(/^\[(.*)\]$/, "$1"));
    expect(names).toEqual(Object.values(zh[id].parameters).map((p) => p.name));
    // The example formulas use the Chinese name.
    expect(README).toContain(`=JX.${zh[id].name}(`);
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
  RATE: F.ratio,
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
  const zh = JSON.parse(readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
    string,
    Translation
  >;
  const examples: [string, string, string][] = [];
  for (const line of README.split("\n").filter((l) => /^\| [^|]+ \| [A-Z]+ \|/.test(l))) {
    const c = line.split("|").map((x) => x.trim());
    const formulas = c[5].split("<br>");
    const results = c[6].split("<br>");
    formulas.forEach((f, i) => examples.push([c[2], f.replace(/`/g, ""), results[i] ?? ""]));
  }

  test("every row has an example, and most can be evaluated here (the others use cell references)", () => {
    expect(examples.length).toBeGreaterThanOrEqual(Object.keys(zh).length);
    const literal = examples.filter(([id, f]) => {
      const m = new RegExp(`^=JX\\.${zh[id].name}\\((.*)\\)$`).exec(f);
      return m && literalArgs(m[1]);
    });
    expect(literal.length).toBeGreaterThanOrEqual(15);
  });

  test.each(examples)("%s: %s → %s", (id, formula, shown) => {
    const m = new RegExp(`^=JX\\.${zh[id].name}\\((.*)\\)$`).exec(formula);
    expect(m).not.toBeNull();
    const args = literalArgs(m![1]);
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
