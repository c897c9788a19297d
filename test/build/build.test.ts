/**
 * The production build: runs `npx webpack --mode production` (into dist/, which it cleans) and
 * checks what Excel will load. This test never passes without building: a failed build fails it.
 *
 * - functions.json and functions.zh-cn.json: same ids, same types, Chinese names from zh-cn.json;
 * - taskpane.html (the shared runtime page): office.js from Microsoft's CDN (the default build; the
 *   OFFICE_JS=local build is checked by test/security/bundle.test.ts), synchronous and first, then the
 *   deferred bundles including functions.js;
 * - functions.js associates every id (the metadata plugin's loader ran) and computes in a sandbox;
 * - no office.js copy in the default build; manifest (valid against Microsoft's XSDs) and icons copied;
 * - size: the pane page's bundles (office.js excluded) ≤ 250 KB gzip, the core in one of them only,
 *   no ExcelJS on the pane page.
 */
/* global __dirname, process, console */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as acorn from "acorn";
import * as zlib from "zlib";
import { validateManifest } from "../manifest/schema";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
/** Target: under ~60 s on 2 cores; the assertion leaves room for a loaded CI machine. */
const MAX_BUILD_MS = 120_000;
/** The issue's aim for the pane page: its bundles, office.js excluded, gzip -9 (1 KB = 1,000 bytes). */
const MAX_PANE_GZIP_BYTES = 250_000;
/** Where the default build's pane page loads office.js from (Microsoft's docs and templates). */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: {
    name: string;
    description?: string;
    type: string;
    optional?: boolean;
    dimensionality?: string;
  }[];
  result: unknown;
}

let buildMs = 0;
let status: number | null = null;
let output = "";

function read(rel: string): string {
  return fs.readFileSync(path.join(DIST, rel), "utf8");
}

function functionsOf(rel: string): Fn[] {
  return (JSON.parse(read(rel)) as { functions: Fn[] }).functions;
}

/** <script> tags of a page in document order, with their attributes. */
function scripts(html: string): { src: string; attrs: string }[] {
  const out: { src: string; attrs: string }[] = [];
  const re = /<script\b([^>]*)>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) {
    const attrs = m[1];
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
    out.push({ src: src ? (src[1] ?? src[2] ?? src[3]) : "", attrs });
  }
  return out;
}

beforeAll(() => {
  // Start from nothing, so no file of an earlier build can make a check pass.
  fs.rmSync(DIST, { recursive: true, force: true });
  const started = Date.now();
  const r = spawnSync("npx", ["webpack", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    timeout: 175_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  buildMs = Date.now() - started;
  status = r.status;
  output = `${r.stdout ?? ""}\n${r.stderr ?? ""}${r.error ? `\n${String(r.error)}` : ""}`;
}, 180_000);

describe("npx webpack --mode production", () => {
  test("succeeds without errors, within the time budget", () => {
    if (status !== 0) throw new Error(`webpack exited with ${status}:\n${output.slice(-4000)}`);
    expect(output).not.toMatch(/\bERROR\b/);
    expect(output).toMatch(/compiled successfully|compiled with \d+ warning/);
    expect(buildMs).toBeLessThan(MAX_BUILD_MS);
  });

  test("emits functions.json and functions.zh-cn.json with the same ids, types and options", () => {
    const en = functionsOf("functions.json");
    const zh = functionsOf("functions.zh-cn.json");
    expect(en.length).toBeGreaterThanOrEqual(11);
    expect(zh.map((f) => f.id)).toEqual(en.map((f) => f.id));
    zh.forEach((f, i) => {
      expect(f.result).toEqual(en[i].result);
      expect(f.parameters.map((p) => [p.type, p.optional, p.dimensionality])).toEqual(
        en[i].parameters.map((p) => [p.type, p.optional, p.dimensionality]),
      );
    });
    for (const id of ["EXECRATE", "EXECSCORE", "INDSCORE", "QUALCHECK", "DEDUCTION", "GRADE", "SUMSCORES"]) {
      expect(en.map((f) => f.id)).toContain(id);
    }
  });

  test("functions.zh-cn.json carries the Chinese names and descriptions of src/functions/zh-cn.json", () => {
    const table = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
      string,
      { name: string; description: string; parameters: Record<string, { name: string }> }
    >;
    const en = functionsOf("functions.json");
    const zh = functionsOf("functions.zh-cn.json");
    zh.forEach((f, i) => {
      expect(f.name).toBe(table[f.id].name);
      expect(f.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(f.description).toBe(table[f.id].description);
      f.parameters.forEach((p, j) =>
        expect(p.name).toBe(table[f.id].parameters[en[i].parameters[j].name].name),
      );
    });
    const byId = new Map(zh.map((f) => [f.id, f.name]));
    expect(byId.get("EXECRATE")).toBe("执行率");
    expect(byId.get("GRADE")).toBe("评价等级");
    expect(byId.get("SUMSCORES")).toBe("合计得分");
  });

  test("taskpane.html loads compat.js, then office.js from the CDN synchronously, then the functions chunk", () => {
    const html = read("taskpane.html");
    const tags = scripts(html);
    const srcs = tags.map((t) => t.src);
    const office = srcs.indexOf(OFFICE_JS_CDN);
    const functions = srcs.indexOf("functions.js");
    expect(srcs[0]).toBe("compat.js");
    expect(tags[0].attrs).not.toMatch(/\b(?:defer|async)\b/);
    expect(office).toBe(1);
    expect(tags[office].attrs).not.toMatch(/\b(?:defer|async)\b|type\s*=\s*"?module/i);
    expect(functions).toBeGreaterThan(office);
    expect(srcs).toContain("taskpane.js");
    expect(srcs).toContain("react.js");
    // office.js must be in <head> so it runs before the deferred bundles.
    const head = html.slice(0, html.search(/<\/head>/i));
    expect(head).toContain(OFFICE_JS_CDN);
    // Every bundle after office.js is deferred (runs after parsing, in order).
    for (const t of tags.slice(2)) expect(t.attrs).toMatch(/\bdefer\b/);
    // office.js is the one remote script; the bundles are ours, in this folder.
    expect(srcs.filter((s) => /^(?:https?:)?\/\//.test(s))).toEqual([OFFICE_JS_CDN]);
  });

  test("the pane page's bundles (office.js excluded) total ≤ 250 KB gzip, with the core bundled once", () => {
    const srcs = scripts(read("taskpane.html"))
      .map((t) => t.src)
      .filter((s) => s && s !== OFFICE_JS_CDN && !s.startsWith("office-js/"));
    expect(srcs).toEqual(expect.arrayContaining(["functions.js", "react.js", "taskpane.js"]));
    const sizes = srcs.map((s) => ({
      file: s,
      gzip: zlib.gzipSync(fs.readFileSync(path.join(DIST, s)), { level: 9 }).length,
    }));
    const total = sizes.reduce((a, x) => a + x.gzip, 0);
    if (total > MAX_PANE_GZIP_BYTES)
      throw new Error(`pane page ${total} B gzip > ${MAX_PANE_GZIP_BYTES}: ${JSON.stringify(sizes)}`);
    // Core strings the functions and the pane share (profile validation; the 个百分点 unit of the value
    // parser and scoring's step texts) are in exactly one of the page's bundles: no second copy of the core.
    for (const marker of ["规则配置无效：", "个百分点"]) {
      const holders = srcs.filter((s) => read(s).includes(marker));
      expect({ marker, holders }).toEqual({ marker, holders: ["functions.js"] });
    }
    // ExcelJS belongs to the preview only.
    for (const s of srcs) expect(read(s)).not.toMatch(/exceljs|xl\/worksheets\/sheet/i);
  });

  test("preview.html loads react and preview, not the functions chunk", () => {
    const srcs = scripts(read("preview.html")).map((t) => t.src);
    expect(srcs).toContain("preview.js");
    expect(srcs).not.toContain("functions.js");
  });

  test("functions.js associates every id and computes in a sandbox", () => {
    const ids = functionsOf("functions.json").map((f) => f.id);
    const code = read("functions.js");
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class CfError extends Error {
      code: string;
      constructor(code: string, message?: string) {
        super(message);
        this.code = code;
      }
    }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
        Error: CfError,
        ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
      },
      console,
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    vm.runInNewContext(code, sandbox, { filename: "functions.js" });
    expect([...associated.keys()].sort()).toEqual([...ids].sort());
    // 4.82 / 6.7 = 71.94% (seed 004)
    expect(associated.get("EXECRATE")!(4.82, 6.7) as number).toBeCloseTo(0.719403, 6);
    // 10 × 0.9 / 0.95 = 9.47
    expect(associated.get("INDSCORE")!("≥95%", "90%", 10)).toBe(9.47);
    expect(associated.get("GRADE")!(89.995)).toBe("优");
    let thrown: unknown;
    try {
      associated.get("EXECRATE")!(5, 0);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CfError);
    expect((thrown as CfError).code).toBe("#VALUE!"); // the only code that carries the reason
    expect((thrown as CfError).message).toBe("全年预算数为 0，无法计算执行率");
  });

  test("the default build ships no copy of office.js (it comes from Microsoft's CDN)", () => {
    expect(fs.existsSync(path.join(DIST, "office-js"))).toBe(false);
    for (const page of ["taskpane.html", "preview.html", "help.html"]) {
      expect({ page, local: read(page).includes("office-js/") }).toEqual({ page, local: false });
    }
  });

  test("dist/manifest.xml is valid against Microsoft's manifest XSDs", async () => {
    const r = await validateManifest(read("manifest.xml"), "dist/manifest.xml");
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  test("every page runs compat.js (ES5, minified) before any other script", () => {
    for (const page of ["taskpane.html", "preview.html", "help.html"]) {
      expect(scripts(read(page))[0]?.src).toBe("compat.js");
    }
    const shipped = read("compat.js");
    // Minified (it counts in the pane page's budget) and still ES5, so IE11 can run it.
    expect(shipped.length).toBeLessThan(
      fs.readFileSync(path.join(ROOT, "src/taskpane/compat.js"), "utf8").length,
    );
    expect(() => acorn.parse(shipped, { ecmaVersion: 5 })).not.toThrow();
    expect(shipped).toContain("绩效自评校验.html");
  });

  test("the pane page's bundles ship their licence comments beside them", () => {
    expect(read("react.js.LEGAL.txt")).toContain("@license React");
    expect(read("react.js")).not.toContain("@license");
  });

  test("help.html (SupportUrl, LearnMoreUrl) is a static Chinese page", () => {
    const html = read("help.html");
    expect(html).toContain("绩效自评助手 — 帮助");
    expect(scripts(html).map((t) => t.src)).toEqual(["compat.js"]);
  });

  test("manifest.xml and the icons are copied unchanged; the metadata lock matches what was built", () => {
    // The build bumps the version only when the functions' metadata differs from the lock: a clean
    // tree builds with no bump, so the copy equals the source and the lock names its version.
    expect(read("manifest.xml")).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/metadata.lock.json"), "utf8"));
    expect(read("manifest.xml")).toContain(`<Version>${lock.version}</Version>`);
    for (const size of [16, 32, 64, 80, 128]) {
      const rel = `assets/icon-${size}.png`;
      expect(fs.readFileSync(path.join(DIST, rel)).equals(fs.readFileSync(path.join(ROOT, rel)))).toBe(true);
    }
  });
});
