/**
 * The offline page's compat check (scripts/single-file.js checkCompat), which fails the production
 * build and runs in CI on dist/绩效自评校验.html: it must reject what Chromium 80 cannot run and
 * accept what it can. The built page itself is checked by the build and by .ci/run.
 */
import { describe, expect, test } from "@jest/globals";

/* global require */
const { checkCompat } = require("../../scripts/single-file.js") as {
  checkCompat: (code: string) => string[];
};

describe("rejects syntax newer than Chromium 80 (ES2020)", () => {
  test.each([
    ["logical assignment (Chromium 85)", "a ??= b; c ||= d;"],
    ["class fields (ES2022)", "class A { x = 1 }"],
    ["private methods (Chromium 84)", "class A { #m() {} }"],
    ["static blocks (Chromium 94)", "class A { static { init(); } }"],
    ["regexp flag d (Chromium 90)", "const r = /x/d;"],
    ["regexp flag v (Chromium 112)", "const r = /[\\p{L}--[a-z]]/v;"],
    ["numeric separators (ES2021)", "const n = 1_000;"],
    ["top-level await", "await f();"],
    ["sloppy-mode code in the module script", "with (o) { x = 1; }"],
  ])("%s", (_label, code) => {
    expect(checkCompat(code).join("\n")).toMatch(/syntax newer than ES2020/);
  });
});

describe("rejects run-time APIs Chromium 80 lacks, unless guarded or polyfilled", () => {
  test.each([
    ["replaceAll (Chromium 85)", 's.replaceAll("a", "b")', /replaceAll/],
    ["Array.prototype.at (Chromium 92)", "xs.at(-1)", /\.at/],
    ["structuredClone (Chromium 98)", "const c = structuredClone(o);", /structuredClone/],
    ["Object.hasOwn unguarded (Chromium 93)", "if (Object.hasOwn(o, k)) f();", /Object\.hasOwn/],
    ["Promise.any (Chromium 85)", "Promise.any(ps)", /Promise\.any/],
    ["toSorted (Chromium 110)", "xs.toSorted()", /toSorted/],
  ])("%s", (_label, code, re) => {
    expect(checkCompat(code).join("\n")).toMatch(re);
  });

  test("a core-js style fallback and the WeakRef shim (src/preview/compat.ts) pass", () => {
    expect(
      checkCompat("var h = Object.hasOwn || function (o, k) { return {}.hasOwnProperty.call(o, k); };"),
    ).toEqual([]);
    expect(checkCompat("var r = new WeakRef(el);")).toEqual([]);
  });
});

test("accepts ES2020: optional chaining, ??, BigInt, dynamic import, async iteration, named groups", () => {
  const code = [
    "const a = o?.b?.[c] ?? d;",
    "const big = 10n ** 3n;",
    "async function f() { for await (const x of xs) await import('./m.js'); }",
    "const m = /(?<year>\\d{4})/u.exec(s)?.groups.year;",
    "const { x, ...rest } = { ...o };",
    "try { g(); } catch { h(); }",
    "export const v = globalThis.Promise.allSettled([]);",
  ].join("\n");
  expect(checkCompat(code)).toEqual([]);
});
