/**
 * End to end: the offline single-file checker (dist/绩效自评校验.html) opened from file:// in headless
 * Debian Chromium, the way a clerk without Microsoft 365 double-clicks it. No server runs here.
 *
 * - opens the broken sample with the file picker, validates, the findings list and the highlights
 *   agree, downloads the marked copy (named as the CLI names it) and reads its fills back;
 * - every request the page makes is recorded: there must be none but the page itself, and no
 *   Content-Security-Policy violation; then a deliberate fetch proves the page's CSP blocks it;
 * - an empty and a truncated file get the command line's Chinese explanation;
 * - usable at 1280×720 (pane beside the grid) and in a 640 px window (pane below, no sideways scroll);
 * - the functions sample: ADDIN_FORMULA, 转换为普通公式, and a downloaded copy without JX formulas.
 */
/* global require, process */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { BrowserContext, Page } from "playwright-core";
import { launchLocalChromium } from "../../scripts/local-chromium";
import { fileLoaded, findingsByCell, marksByCell, sorted, validate } from "./pane-page";

const start = require("../../scripts/start.js") as {
  ROOT: string;
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
};

const PAGE = "绩效自评校验.html";
const BROKEN_SAMPLE = "错误示例-武冈2022.xlsx";
const SHOTS = path.join(start.ROOT, "test-results", "screenshots");

let context: BrowserContext;
let profileDir: string;
let pageUrl: string;
let tmp: string;
let blocked: string[] = [];

/** Records, in the page before its own script runs, every CSP violation it reports. */
const CSP_PROBE = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;

beforeAll(async () => {
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : start.DIST;
  if (!process.env.E2E_DIST) start.ensureBuilt({ log: (s) => process.stdout.write(s + "\n") });
  const file = path.join(dist, PAGE);
  expect(fs.existsSync(file)).toBe(true);
  pageUrl = pathToFileURL(file).href;
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-offline-"));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-offline-files-"));
  // Only the page's own file is let through; anything else is aborted and recorded in `blocked`.
  ({ context, blocked } = await launchLocalChromium(profileDir, {
    acceptDownloads: true,
    allow: (url) => url.href === pageUrl,
  }));
  await context.addInitScript(CSP_PROBE);
}, 600000);

afterAll(async () => {
  await context?.close();
  for (const d of [profileDir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Every request the page made (the page's own file:// URL included). */
  requests: string[];
  errors: string[];
}

async function openPage(viewport = { width: 1280, height: 720 }): Promise<Opened> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pageUrl);
  await page.locator('main[data-phase="idle"]').waitFor();
  return { page, requests, errors };
}

/** Requests other than loading the page itself (data:/blob: URLs never leave the browser). */
function network(o: Opened): string[] {
  return o.requests.filter((u) => u !== pageUrl && !/^(data|blob):/.test(u));
}

async function openFile(page: Page, file: string, name = path.basename(file)): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await fileLoaded(page, name);
}

test("from file://: open the broken sample, validate, download the marked copy — zero network requests", async () => {
  const o = await openPage();
  const { page } = o;
  expect(await page.title()).toBe("绩效自评助手 · 离线校验");
  await openFile(page, path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  await validate(page);

  const findings = await findingsByCell(page);
  expect(await page.locator('[data-finding-cell][data-severity="error"]').count()).toBeGreaterThan(0);
  expect(sorted(await marksByCell(page))).toEqual(sorted(findings));
  // The seed's income-as-spending error (武冈 2022: 全年执行数 is the income total) is among them.
  expect(await page.locator('[data-finding="INCOME_AS_SPENDING"]').count()).toBeGreaterThan(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标注副本" }).click(),
  ]);
  // As the command line names it (--write-dir): src/io/names.ts.
  expect(download.suggestedFilename()).toBe("错误示例-武冈2022（已标注）.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const [cell] = [...findings.keys()];
  const [sheetName, a1] = cell.split("!");
  const fill = wb.getWorksheet(sheetName)!.getCell(a1).fill as { fgColor?: { argb?: string } } | undefined;
  expect(fill?.fgColor?.argb).toBeTruthy();

  expect(network(o)).toEqual([]);
  expect(blocked).toEqual([]);
  expect(await page.evaluate("window.__csp")).toEqual([]);
  expect(o.errors).toEqual([]);

  // The CSP itself forbids connections: a fetch from the page is refused before it leaves.
  const outcome = await page.evaluate(`fetch("http://127.0.0.1:9/x").then(() => "sent", () => "refused")`);
  expect(outcome).toBe("refused");
  expect(await page.evaluate("window.__csp")).toEqual(["connect-src http://127.0.0.1:9/x"]);
  expect(network(o)).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
});

test("an empty and a truncated file get the command line's Chinese explanation", async () => {
  const empty = path.join(tmp, "空文件.xlsx");
  fs.writeFileSync(empty, "");
  const sample = fs.readFileSync(path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  const truncated = path.join(tmp, "半截.xlsx");
  fs.writeFileSync(truncated, sample.subarray(0, sample.length >> 1));

  const o = await openPage();
  const { page } = o;
  for (const [file, text] of [
    [empty, "无法读取“空文件.xlsx”：文件是空的（0 字节）。"],
    [truncated, "无法读取“半截.xlsx”：.xlsx 文件已损坏或不完整"],
  ]) {
    await page.getByTestId("file-input").setInputFiles(file);
    const bar = page.getByTestId("preview-error");
    await bar.filter({ hasText: text }).waitFor();
    const shown = (await bar.textContent()) ?? "";
    // Nothing of the library's English message (JSZip: "End of data reached", "Corrupted zip" …).
    expect(shown.replace(/xlsx|Excel|WPS|InvalidFile/g, "")).not.toMatch(/[A-Za-z]{3,}/);
  }
  expect(network(o)).toEqual([]);
  expect(blocked).toEqual([]);
  expect(o.errors).toEqual([]);
  await page.close();
});

test("functions sample: ADDIN_FORMULA, 转换为普通公式, and the downloaded copy has no JX formula left", async () => {
  const o = await openPage();
  const { page } = o;
  await openFile(page, path.join(start.ROOT, "samples", "自定义函数示例.xlsx"));
  await validate(page);
  expect(await page.locator('[data-finding="ADDIN_FORMULA"]').count()).toBe(1);

  await page.getByRole("button", { name: "转换为普通公式", exact: true }).click();
  const plan = page.getByTestId("portable-plan");
  await plan.waitFor();
  expect(await plan.locator("li").count()).toBe(34); // 14 cells on 自评表 + 20 on 共性指标
  await page.getByRole("button", { name: "确认转换", exact: true }).click();
  await page.getByTestId("portable-done").waitFor();
  await validate(page);
  expect(await page.locator('[data-finding="ADDIN_FORMULA"]').count()).toBe(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标注副本" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("自定义函数示例（已标注）.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const formulas: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas.push(String(c.formula));
      }),
    ),
  );
  // 21 built-in equivalents (the 13 others became values). The copy changes nothing on its own:
  // 总分 (H24) and 等级 (G25) keep their (converted) formulas.
  expect(formulas).toHaveLength(21);
  expect(formulas).toContain("I7+ROUND(SUM(H14:H23),2)");
  expect(formulas).toContain('LOOKUP(ROUND(H24,2),{0,60,80,90},{"差","较差","良","优"})');
  expect(formulas.filter((f) => /JX[._]/i.test(f))).toEqual([]);
  expect(formulas).toContain("MIN(G7,ROUND(G7*MIN(H7,1),2))");
  expect(formulas).toContain('LOOKUP(ROUND(89.995,2),{0,60,80,90},{"差","较差","良","优"})');

  expect(network(o)).toEqual([]);
  expect(blocked).toEqual([]);
  expect(o.errors).toEqual([]);
  await page.close();
});

/** The document scrolls sideways (content wider than the window)? */
const overflowsX = (page: Page): Promise<boolean> =>
  page.evaluate(
    "document.documentElement.scrollWidth > document.documentElement.clientWidth",
  ) as Promise<boolean>;

test("small laptop (1280×720) and wide (1920×1080): side by side; narrow window (640 px): pane below the grid", async () => {
  const o = await openPage({ width: 1280, height: 720 });
  const { page } = o;
  await openFile(page, path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  await validate(page);
  const pane = page.getByTestId("pane");
  const grid = page.getByRole("region", { name: "工作表预览" });
  let p = (await pane.boundingBox())!;
  let g = (await grid.boundingBox())!;
  expect(Math.round(p.width)).toBe(350);
  expect(g.width).toBeGreaterThan(800);
  expect(p.x).toBeGreaterThanOrEqual(g.x + g.width - 1);
  expect(p.y + p.height).toBeLessThanOrEqual(720 + 1);
  expect(await overflowsX(page)).toBe(false);
  // For a look (not committed): test-results/screenshots/offline-1280x720.png, offline-640.png.
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "offline-1280x720.png") });

  await page.setViewportSize({ width: 640, height: 720 });
  p = (await pane.boundingBox())!;
  g = (await grid.boundingBox())!;
  expect(Math.round(p.width)).toBe(640);
  expect(p.y).toBeGreaterThanOrEqual(g.y + g.height - 1);
  expect(g.height).toBeGreaterThan(200);
  expect(await overflowsX(page)).toBe(false);
  await page.screenshot({ path: path.join(SHOTS, "offline-640.png"), fullPage: true });
  // The pane is reachable: 一键校验 can be scrolled to and clicked in the narrow window.
  await validate(page);

  // Wide screen (1920×1080): side by side again, the grid takes the extra width.
  await page.setViewportSize({ width: 1920, height: 1080 });
  p = (await pane.boundingBox())!;
  g = (await grid.boundingBox())!;
  expect(Math.round(p.width)).toBe(350);
  expect(g.width).toBeGreaterThan(1500);
  expect(p.x).toBeGreaterThanOrEqual(g.x + g.width - 1);
  expect(await overflowsX(page)).toBe(false);
  expect(network(o)).toEqual([]);
  expect(blocked).toEqual([]);
  expect(o.errors).toEqual([]);
  await page.close();
});
