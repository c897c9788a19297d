/* global __dirname */
/**
 * The README's reference parts say what the program does: the command-line options and exit codes are
 * the ones `jixiao-check --help` prints, and the functions table names every custom function with the
 * Chinese name and parameters of src/functions/zh-cn.json (the names Excel shows).
 */
import { describe, expect, test } from "@jest/globals";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { HELP_TEXT } from "../../src/cli/args";

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
