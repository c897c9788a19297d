/**
 * help.html lists every reason each JX function gives (src/functions/reasons.ts), so a desktop user
 * who sees only #VALUE! can look it up: every function is driven over a grid of awkward inputs
 * (test/functions/reasons-grid.ts) and each reason it gives must match a listed one, and each listed
 * one must be given by some input (no stale entries). The help page carries the current list.
 */
/* global __dirname */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { REASONS, reasonPattern } from "../../src/functions/reasons";
import { FUNCTIONS, collectReasons } from "./reasons-grid";
import { helpSection, withSection } from "../../scripts/help-reasons";

const ROOT = path.resolve(__dirname, "../..");
let given: Map<string, Map<string, unknown[]>>;

beforeAll(() => {
  given = collectReasons();
}, 120_000);

test("the list and the functions name the same ids, and the metadata's ids", () => {
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
    string,
    unknown
  >;
  expect(REASONS.map((r) => r.id).sort()).toEqual(Object.keys(zh).sort());
  expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(zh).sort());
});

describe.each(REASONS.map((r) => [r.id, r.reasons] as const))("%s", (id, reasons) => {
  test("every reason it gives is listed", () => {
    const patterns = reasons.map(reasonPattern);
    const unlisted = [...given.get(id)!]
      .filter(([m]) => !patterns.some((p) => p.test(m)))
      .map(([m, args]) => `${m} ← ${JSON.stringify(args)}`);
    expect(unlisted).toEqual([]);
    expect(given.get(id)!.size).toBeGreaterThan(1);
  });

  test("every listed reason is given by some input", () => {
    const messages = [...given.get(id)!.keys()];
    const never = reasons.filter((r) => !messages.some((m) => reasonPattern(r).test(m)));
    expect(never).toEqual([]);
  });
});

test("the patterns can fail: a reason with other words is not taken for a listed one", () => {
  expect(reasonPattern("全年预算数为 0，无法计算执行率").test("全年预算数为 0，无法计算比率")).toBe(false);
  expect(reasonPattern("全年预算数“…”不是数字").test("全年预算数“abc”不是数字")).toBe(true);
  expect(reasonPattern("全年预算数“…”不是数字").test("全年执行数“abc”不是数字")).toBe(false);
});

test("help.html carries the current list (npx tsx scripts/help-reasons.ts)", () => {
  const html = fs.readFileSync(path.join(ROOT, "src/help/help.html"), "utf8");
  expect(withSection(html, helpSection())).toBe(html);
  for (const r of REASONS)
    for (const reason of r.reasons) expect(html).toContain(reason.replace(/"/g, "&quot;"));
});
