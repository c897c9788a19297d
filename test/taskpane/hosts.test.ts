/**
 * What each Excel build is told: the builds of src/taskpane/hosts.ts (facts from Microsoft's
 * requirement-set tables) against manifest.xml itself — its base requirements decide whether the
 * add-in is listed at all, its VersionOverrides' requirements whether the shared runtime, the JX
 * functions and the ribbon button come along — and then what the page says there, in Chinese:
 * compat.js run in jsdom with that build's user agent and requirement sets, the pane's notice for a
 * build without the shared runtime, and how the CSV report is handed over.
 *
 * The expected rows are written by hand from the documentation (see hosts.ts for the sources).
 */
/* global __dirname */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { JSDOM, ResourceLoader } from "jsdom";
import { HOSTS, evaluateHost, supports, type HostFacts } from "../../src/taskpane/hosts";
import { csvDeliveryFor, limitedHostNotice } from "../../src/taskpane/platform";
import { FEATURE_SETS, MIN_EXCEL_API, detectFeatures } from "../../src/excel/features";
import { manifestFacts } from "../../scripts/hosts-table";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const COMPAT = fs.readFileSync(path.join(ROOT, "src/taskpane/compat.js"), "utf8");
const FACTS = manifestFacts(MANIFEST);

type CompatWindow = Window & {
  jixiaoCompat: { blocked: string | null; officeProblem(o: unknown): string | null; show(r: string): void };
};

/** The pane page in that build's webview: compat.js first, then (where it can) Office.onReady's check. */
async function whatThePageSays(host: HostFacts): Promise<{ blocked: string | null; text: string }> {
  const dom = new JSDOM(
    '<!doctype html><html><head></head><body><div id="container"><div id="loading">正在加载绩效自评助手…</div></div></body></html>',
    { resources: new ResourceLoader({ userAgent: host.userAgent }), runScripts: "outside-only" },
  );
  dom.window.eval(COMPAT);
  await new Promise<void>((resolve) =>
    dom.window.document.addEventListener("DOMContentLoaded", () => resolve()),
  );
  const win = dom.window as unknown as CompatWindow;
  if (!win.jixiaoCompat.blocked) {
    // What index.tsx does once Office is ready.
    const office = {
      context: { requirements: { isSetSupported: (n: string, v: string) => supports(host, n, v) } },
    };
    const problem = win.jixiaoCompat.officeProblem(office);
    if (problem) win.jixiaoCompat.show(problem);
  }
  return { blocked: win.jixiaoCompat.blocked, text: win.document.body.textContent ?? "" };
}

interface Expected {
  listed: boolean;
  ribbon: boolean;
  sharedRuntime: boolean;
  customFunctions: boolean;
  engine: string;
  /** compat.js's reason, or null where the pane runs. */
  blocked: string | null;
  /** Words the page must show. */
  says: string[];
  /** The pane's notice of a build without the shared runtime. */
  limitedNotice: boolean;
  csv: "download" | "clipboard" | "sheet";
  /** ExcelApi 1.13: exact merged areas. */
  mergedAreas: boolean;
}

const EXPECTED: Record<string, Expected> = {
  // ExcelApi 1.1 only, no add-in commands on volume-licensed Office before 2021, Internet Explorer 11.
  "win-2016-msi": {
    listed: true,
    ribbon: false,
    sharedRuntime: false,
    customFunctions: false,
    engine: "ie11",
    blocked: "ie11",
    says: ["Internet Explorer 11", "绩效自评校验.html", "jixiao-check"],
    limitedNotice: true,
    csv: "clipboard",
    mergedAreas: false,
  },
  // ExcelApi 1.7, no add-in commands, Edge Legacy on Windows 10.
  "win-2019-volume": {
    listed: true,
    ribbon: false,
    sharedRuntime: false,
    customFunctions: false,
    engine: "edgehtml",
    blocked: "edgehtml",
    says: ["EdgeHTML", "绩效自评校验.html", "jixiao-check"],
    limitedNotice: true,
    csv: "clipboard",
    mergedAreas: false,
  },
  // SharedRuntime is there, so Office reads <Runtimes>, and then without WebView2 it uses IE11.
  "m365-no-webview2": {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: false,
    engine: "ie11",
    blocked: "ie11",
    says: ["Internet Explorer 11", "WebView2", "绩效自评校验.html"],
    limitedNotice: false,
    csv: "clipboard",
    mergedAreas: false,
  },
  "m365-current": {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: true,
    engine: "webview2",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: false,
    csv: "clipboard",
    mergedAreas: true,
  },
  // Shared runtime and ribbon, but no custom functions in volume-licensed Office 2021.
  "win-2021-volume": {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: false,
    engine: "webview2",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: false,
    csv: "clipboard",
    mergedAreas: true,
  },
  // Reads VersionOverrides but lacks SharedRuntime 1.1: the plain task pane, which says what is missing.
  "mac-16.30": {
    listed: true,
    ribbon: false,
    sharedRuntime: false,
    customFunctions: false,
    engine: "wkwebview",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: true,
    csv: "sheet",
    mergedAreas: false,
  },
  "mac-16.35": {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: true,
    engine: "wkwebview",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: false,
    csv: "sheet",
    mergedAreas: false,
  },
  // ExcelApi 1.13 arrives on Mac with 16.50 (not 16.46).
  "mac-16.50": {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: true,
    engine: "wkwebview",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: false,
    csv: "sheet",
    mergedAreas: true,
  },
  web: {
    listed: true,
    ribbon: true,
    sharedRuntime: true,
    customFunctions: true,
    engine: "browser",
    blocked: null,
    says: ["正在加载绩效自评助手"],
    limitedNotice: false,
    csv: "download",
    mergedAreas: true,
  },
};

test("the manifest facts read from manifest.xml", () => {
  expect(FACTS).toEqual({
    base: [{ name: "ExcelApi", minVersion: "1.1" }],
    overrides: [{ name: "SharedRuntime", minVersion: "1.1" }],
    sharedRuntime: true,
    customFunctions: true,
    ribbon: true,
  });
});

test("every host described has an expected row, and the other way round", () => {
  expect(HOSTS.map((h) => h.id).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(HOSTS.map((h) => [h.id, h] as const))("%s", (_id, host) => {
  const want = EXPECTED[host.id];

  test("which parts load", () => {
    const o = evaluateHost(host, FACTS, MIN_EXCEL_API);
    expect({
      listed: o.listed,
      ribbon: o.ribbon,
      sharedRuntime: o.sharedRuntime,
      customFunctions: o.customFunctions,
      engine: o.engine,
    }).toEqual({
      listed: want.listed,
      ribbon: want.ribbon,
      sharedRuntime: want.sharedRuntime,
      customFunctions: want.customFunctions,
      engine: want.engine,
    });
    expect(o.pane === "runs").toBe(want.blocked === null);
  });

  test("what the page says, in Chinese", async () => {
    const { blocked, text } = await whatThePageSays(host);
    expect(blocked).toBe(want.blocked);
    for (const words of want.says) expect(text).toContain(words);
    if (blocked) expect(text).toMatch(/[\u4e00-\u9fff]{10,}/);
    const notice = limitedHostNotice((n, v) => supports(host, n, v));
    expect(notice !== null).toBe(want.limitedNotice);
    if (want.limitedNotice && !blocked) expect(notice).toContain("JX 函数和功能区按钮不可用");
    expect(csvDeliveryFor(host.platform)).toBe(want.csv);
    expect(detectFeatures((v) => supports(host, "ExcelApi", v)).mergedAreas).toBe(want.mergedAreas);
  });
});

test("with SharedRuntime in the base requirements (the old manifest), Office 2016/2019 would list nothing", () => {
  const old = {
    ...FACTS,
    base: [...FACTS.base, { name: "SharedRuntime", minVersion: "1.1" }],
    overrides: [],
  };
  const hidden = HOSTS.filter((h) => !evaluateHost(h, old, MIN_EXCEL_API).listed).map((h) => h.id);
  expect(hidden).toEqual(["win-2016-msi", "win-2019-volume", "mac-16.30"]);
  // The current manifest lists the add-in everywhere.
  expect(HOSTS.filter((h) => !evaluateHost(h, FACTS, MIN_EXCEL_API).listed)).toEqual([]);
});

test("merged areas need ExcelApi 1.13", () => {
  expect(FEATURE_SETS.mergedAreas).toBe("1.13");
});
