/**
 * End to end: the built browser preview (dist/preview.html) in headless Debian Chromium.
 * Opens a broken sample, validates, checks that the findings list and the highlighted cells agree,
 * selects a cell from a finding, downloads the marked copy, clears the marks; saves screenshots to
 * test-results/screenshots/ and copies them to docs/screenshots/.
 *
 * Every request that is not to the local server is blocked (and counted: there must be none).
 * Set E2E_DIST=<dir> to test an existing build instead of dist/ (built on demand when stale).
 */
/* global require, process, URL */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import type { Server } from "http";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { launchLocalChromium } from "../../scripts/local-chromium";
import { fileLoaded, findingsByCell, marksByCell, sorted, validate } from "./pane-page";

const start = require("../../scripts/start.js") as {
  ROOT: string;
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
  createStaticServer(root: string): Server;
  listen(server: Server, port: number): Promise<number>;
};

const BROKEN_SAMPLE = "错误示例-武冈2022.xlsx";
const CORRECT_SAMPLE = "正确填报示例.xlsx";
const SHOTS = path.join(start.ROOT, "test-results", "screenshots");
const DOC_SHOTS = path.join(start.ROOT, "docs", "screenshots");

let server: Server;
let base: string;
let context: BrowserContext;
let profileDir: string;
let blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : start.DIST;
  if (!process.env.E2E_DIST) start.ensureBuilt({ log: (s) => process.stdout.write(s + "\n") });
  expect(fs.existsSync(path.join(dist, "preview.html"))).toBe(true);
  server = start.createStaticServer(dist);
  const port = await start.listen(server, 0);
  base = `http://127.0.0.1:${port}`;
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-"));
  ({ context, blocked } = await launchLocalChromium(profileDir, { acceptDownloads: true }));
  fs.mkdirSync(SHOTS, { recursive: true });
}, 600000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

async function openPage(query: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(`${base}/preview.html${query}`);
  return page;
}

test("broken sample: validate, findings match highlights, select, download, clear", async () => {
  const page = await openPage(`?sample=${encodeURIComponent(BROKEN_SAMPLE)}`);
  await page.locator('td[data-cell="自评表!A1"]').waitFor();
  expect(await page.getByTestId("file-name").textContent()).toBe(BROKEN_SAMPLE);
  expect(await page.locator("td[data-mark]").count()).toBe(0);

  await validate(page);

  // The findings list and the highlighted cells agree: same cells, worst severity per cell.
  const findings = await findingsByCell(page);
  expect(findings.size).toBeGreaterThan(0);
  const errorCount = await page.locator('[data-finding-cell][data-severity="error"]').count();
  expect(errorCount).toBeGreaterThan(0);
  expect(sorted(await marksByCell(page))).toEqual(sorted(findings));

  // Summary counts equal the listed findings per severity.
  for (const sev of ["error", "warning", "info"]) {
    const listed = await page.locator(`[data-finding][data-severity="${sev}"]`).count();
    const badge = await page.locator(`[data-count="${sev}"]`).textContent();
    expect(badge).toMatch(new RegExp(`\\s${listed}$`));
  }

  // Clicking a finding selects (outlines) its cell in the grid.
  const first = page.locator("[data-finding-cell]").first();
  const cell = (await first.getAttribute("data-finding-cell"))!;
  await first.locator("button").first().click();
  await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor();

  // Screenshots: the preview overview, then the whole pane (350 px wide) after validation.
  await page.screenshot({ path: path.join(SHOTS, "preview-overview.png") });
  await page.setViewportSize({ width: 1400, height: 2600 });
  const pane = page.getByTestId("pane");
  const box = (await pane.boundingBox())!;
  expect(Math.round(box.width)).toBe(350);
  const contentHeight = await page.locator('[data-testid="pane"] > main').evaluate((e) => e.scrollHeight);
  await page.screenshot({
    path: path.join(SHOTS, "pane-after-validation.png"),
    clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, contentHeight) },
  });
  await page.setViewportSize({ width: 1400, height: 900 });

  // 下载已标注副本: an .xlsx whose marked cells are filled.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标注副本" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("错误示例-武冈2022（已标注）.xlsx"); // as the CLI names it
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const [sheetName, a1] = cell.split("!");
  const fill = wb.getWorksheet(sheetName)!.getCell(a1).fill as { fgColor?: { argb?: string } } | undefined;
  expect(fill?.fgColor?.argb).toBeTruthy();

  // 清除标记: every highlight is gone.
  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByTestId("notice-bar").filter({ hasText: "已清除全部标记" }).waitFor();
  expect((await marksByCell(page)).size).toBe(0);
  expect(await page.getByRole("button", { name: "清除标记" }).isDisabled()).toBe(true);

  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
});

test("file picker: opening a file replaces the sample, and the profile choice is remembered", async () => {
  const page = await openPage(`?sample=${encodeURIComponent(CORRECT_SAMPLE)}`);
  await page.locator('td[data-cell="自评表!A1"]').waitFor();
  expect(await page.getByTestId("file-name").textContent()).toBe(CORRECT_SAMPLE);

  await page.getByTestId("file-input").setInputFiles(path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  await fileLoaded(page, BROKEN_SAMPLE);
  await validate(page);
  expect(await page.locator("td[data-mark]").count()).toBeGreaterThan(0);

  await page.getByRole("combobox", { name: "评分规则" }).click();
  await page.getByRole("option", { name: "全国通用（优/良/中/差）" }).click();
  await page.locator('main[data-phase="idle"]').waitFor();
  await page.reload();
  await page.locator('td[data-cell="自评表!A1"]').waitFor();
  await page.locator('main[data-phase="idle"]').waitFor();
  expect(await page.getByRole("combobox", { name: "评分规则" }).textContent()).toContain("全国通用");

  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
});

/** office.js's CDN folder; its files are served from the npm copy when the test lets the CDN "answer". */
const CDN_DIR = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

test("taskpane.html outside Excel: office.js from the CDN (served from the npm copy) runs under the page's CSP", async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const cdn: string[] = [];
  // Page routes take precedence over the context's block-everything route.
  await page.route(`${CDN_DIR}**`, (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
    cdn.push(rel);
    const file = path.join(OFFICE_JS_DIST, rel);
    if (!file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
  });
  await page.goto(`${base}/taskpane.html`);
  await page.getByText("这个页面需要在 Excel 中作为加载项打开。").waitFor();
  expect(cdn[0]).toBe("office.js");
  expect(await page.getByRole("link", { name: "浏览器预览" }).getAttribute("href")).toContain(
    "preview.html?sample=",
  );
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
});

test("taskpane.html where the CDN is blocked: the page says in Chinese that office.js could not be loaded", async () => {
  const page = await context.newPage();
  await page.goto(`${base}/taskpane.html`);
  await page.getByText(/无法加载 office.js（appsforoffice.microsoft.com）/).waitFor();
  const text = (await page.locator("#jixiao-compat").textContent()) ?? "";
  expect(text).toContain("OFFICE_JS=local");
  expect(text).toContain("绩效自评校验.html");
  // The one request that left the machine was office.js itself, and the test's network refused it.
  expect(blocked).toEqual([`${CDN_DIR}office.js`]);
  blocked.length = 0;
  await page.close();
});

test("screenshots are copied to docs/screenshots for the README", () => {
  fs.mkdirSync(DOC_SHOTS, { recursive: true });
  for (const name of ["pane-after-validation.png", "preview-overview.png"]) {
    const from = path.join(SHOTS, name);
    expect(fs.statSync(from).size).toBeGreaterThan(10000);
    fs.copyFileSync(from, path.join(DOC_SHOTS, name));
  }
});
