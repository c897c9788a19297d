/**
 * src/taskpane/compat.js, the check every page loads first: it must parse as ES5 (IE11 cannot parse
 * anything newer, and then shows nothing at all) and, run with an IE11 or EdgeHTML user agent, replace
 * the page with the Chinese reason and the way out (the offline page, the command line).
 */
/* global __dirname */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";
import { JSDOM, ResourceLoader } from "jsdom";
import { MIN_EXCEL_API } from "../../src/excel/features";

const SOURCE = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/compat.js"), "utf8");

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
};

type CompatWindow = Window & {
  jixiaoCompat: { blocked: string | null; officeProblem(o: unknown): string | null; show(r: string): void };
};

/**
 * The task pane page as built: compat.js runs while the page is still loading (it is first in <head>),
 * the loading text in #container; resolves once DOMContentLoaded has fired.
 */
async function page(userAgent: string): Promise<CompatWindow> {
  const dom = new JSDOM(
    '<!doctype html><html><head></head><body><div id="container"><div id="loading">正在加载绩效自评助手…</div></div></body></html>',
    { resources: new ResourceLoader({ userAgent }), runScripts: "outside-only" },
  );
  expect(dom.window.navigator.userAgent).toBe(userAgent);
  expect(dom.window.document.readyState).toBe("loading");
  dom.window.eval(SOURCE);
  await new Promise<void>((resolve) =>
    dom.window.document.addEventListener("DOMContentLoaded", () => resolve()),
  );
  return dom.window as unknown as CompatWindow;
}

describe("compat.js is ES5", () => {
  test("acorn parses it with ecmaVersion 5", () => {
    expect(() => acorn.parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  test("the same parser rejects ES2015+ (the check can fail)", () => {
    expect(() => acorn.parse("const a = () => 1;", { ecmaVersion: 5 })).toThrow();
    expect(() => acorn.parse("var o = a?.b;", { ecmaVersion: 5 })).toThrow();
  });
});

describe("compat.js in the pane", () => {
  test("IE11 webview: the page says why in Chinese and where to go instead", async () => {
    const win = await page(UA.ie11);
    const text = win.document.body.textContent ?? "";
    expect(win.jixiaoCompat.blocked).toBe("ie11");
    expect(text).toContain("Internet Explorer 11");
    expect(text).toContain("WebView2");
    expect(text).toContain("绩效自评校验.html");
    expect(text).toContain("jixiao-check");
    expect(text).not.toContain("正在加载");
    expect(win.document.querySelector("[role=alert]")).not.toBeNull();
  });

  test("EdgeHTML webview: named as such", async () => {
    const win = await page(UA.edgeHtml);
    expect(win.jixiaoCompat.blocked).toBe("edgehtml");
    expect(win.document.body.textContent).toContain("EdgeHTML");
  });

  test("WebView2 (Chromium): the page is left alone", async () => {
    const win = await page(UA.webView2);
    expect(win.jixiaoCompat.blocked).toBeNull();
    expect(win.document.body.textContent).toBe("正在加载绩效自评助手…");
  });

  test("an Excel build without ExcelApi 1.4 is reported as too old; one with it is fine", async () => {
    const win = await page(UA.webView2);
    const office = (supported: string[]) => ({
      context: {
        requirements: { isSetSupported: (name: string, v: string) => supported.includes(`${name} ${v}`) },
      },
    });
    expect(win.jixiaoCompat.officeProblem(office([]))).toBe("old-build");
    expect(win.jixiaoCompat.officeProblem(office(["ExcelApi 1.4"]))).toBeNull();
    win.jixiaoCompat.show("old-build");
    expect(win.document.body.textContent).toContain("当前 Excel 版本过旧");
  });
});

/**
 * The pane page as built by default: compat.js, then office.js from Microsoft's CDN. jsdom fetches no
 * script here, just as an intranet that blocks the CDN would: `Office` stays undefined.
 */
async function paneWithOfficeJs(userAgent: string, defineOffice: boolean): Promise<CompatWindow> {
  const dom = new JSDOM(
    '<!doctype html><html><head><script src="compat.js"></script>' +
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>' +
      '<body><div id="container"><div id="loading">正在加载绩效自评助手…</div></div></body></html>',
    { resources: new ResourceLoader({ userAgent }), runScripts: "outside-only" },
  );
  dom.window.eval(SOURCE);
  if (defineOffice) (dom.window as unknown as { Office: object }).Office = {};
  await new Promise<void>((resolve) => dom.window.addEventListener("load", () => setTimeout(resolve, 0)));
  return dom.window as unknown as CompatWindow;
}

describe("office.js could not be loaded (the CDN blocked)", () => {
  test("the pane says so in Chinese, names the address and what the IT department can do", async () => {
    const win = await paneWithOfficeJs(UA.webView2, false);
    const text = win.document.body.textContent ?? "";
    expect(win.jixiaoCompat.blocked).toBe("no-office");
    expect(text).toContain("无法加载 office.js");
    expect(text).toContain("appsforoffice.microsoft.com");
    expect(text).toContain("OFFICE_JS=local");
    expect(text).toContain("绩效自评校验.html");
    expect(text).not.toContain("升级到"); // an upgrade would not help
  });

  test("office.js loaded: nothing is shown", async () => {
    const win = await paneWithOfficeJs(UA.webView2, true);
    expect(win.jixiaoCompat.blocked).toBeNull();
    expect(win.document.body.textContent).toBe("正在加载绩效自评助手…");
  });

  test("pages without office.js (preview, help) are never told it is missing", async () => {
    const win = await page(UA.webView2);
    await new Promise<void>((resolve) =>
      win.document.readyState === "complete" ? resolve() : win.addEventListener("load", () => resolve()),
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(win.jixiaoCompat.blocked).toBeNull();
  });
});

test("compat.js asks for the same ExcelApi minimum as the adapter and the manifest", () => {
  const declared = /var MIN_EXCEL_API = "([\d.]+)";/.exec(SOURCE)?.[1];
  expect(declared).toBe(MIN_EXCEL_API);
});
