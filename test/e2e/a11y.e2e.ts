/**
 * End to end, on the offline single-file page (file://, headless Debian Chromium), what a clerk meets
 * at 1366 px, half of it (683 px) and a phone-sized 360 px:
 *
 * - axe-core finds no WCAG 2.0/2.1 A or AA violation after validation (no rule excluded);
 * - a click or Enter on a finding far down the list selects its cell in the grid and leaves the
 *   list where it was, with focus still on the finding;
 * - error banners are Chinese only (the code stays in data-code), a new action clears the old banner,
 *   and a download says 已下载：<file name>;
 * - the page's text and labels speak of no 任务窗格 (there is none outside Excel).
 */
/* global require, process, document, getComputedStyle, HTMLElement */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import type { BrowserContext, Page } from "playwright-core";
import { launchLocalChromium } from "../../scripts/local-chromium";
import { fileLoaded, validate } from "./pane-page";

const start = require("../../scripts/start.js") as {
  ROOT: string;
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
};

const PAGE = "绩效自评校验.html";
const BROKEN_SAMPLE = "错误示例-武冈2022.xlsx";
/** The sample with the longest findings list (13 findings on 自评表). */
const LONG_SAMPLE = "错误示例-吉首2023.xlsx";
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe-core tags them. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let context: BrowserContext;
let profileDir: string;
let tmp: string;
let pageUrl: string;
let blocked: string[] = [];

beforeAll(async () => {
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : start.DIST;
  if (!process.env.E2E_DIST) start.ensureBuilt({ log: (s) => process.stdout.write(s + "\n") });
  const file = path.join(dist, PAGE);
  expect(fs.existsSync(file)).toBe(true);
  pageUrl = pathToFileURL(file).href;
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-a11y-"));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-a11y-files-"));
  ({ context, blocked } = await launchLocalChromium(profileDir, {
    acceptDownloads: true,
    allow: (url) => url.href === pageUrl,
  }));
}, 600000);

afterAll(async () => {
  await context?.close();
  for (const d of [profileDir, tmp]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

async function openPage(width: number, height = 768): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(pageUrl);
  await page.locator('main[data-phase="idle"]').waitFor();
  return { page, errors };
}

/** Opens a file with the picker and waits until it is loaded (pane-page.ts fileLoaded). */
async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await fileLoaded(page, path.basename(file));
}

interface AxeViolation {
  id: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core's violations of the WCAG A/AA rules on the whole page. Injected through the DevTools
 * protocol (page.evaluate), which the page's Content-Security-Policy does not apply to.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ["violations"] })`,
  )) as { violations: AxeViolation[]; passes: unknown[] };
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} ${n.html.slice(0, 120)}`),
  );
}

test.each([
  [1366, 768],
  [360, 740],
])("axe-core: no WCAG 2 A/AA violation after validation at %i×%i", async (width, height) => {
  const { page, errors } = await openPage(width, height);
  await openFile(page, path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  await validate(page);
  expect(await page.locator("[data-finding-cell]").count()).toBeGreaterThan(0);
  // The rules that used to fail ran and passed (not skipped as inapplicable).
  await page.evaluate(AXE_SOURCE);
  const ran = (await page.evaluate(
    `axe.run(document, { runOnly: { type: "rule", values: ["scrollable-region-focusable", "aria-hidden-focus"] } }).then((r) => r.passes.map((p) => p.id))`,
  )) as string[];
  expect(ran.sort()).toEqual(["aria-hidden-focus", "scrollable-region-focusable"]);
  expect(await axeViolations(page)).toEqual([]);
  // Fluent's focus guards (aria-hidden, focusable) are not on the page at all.
  expect(await page.locator("[data-tabster-dummy]").count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
});

/** The scrollable element the findings list scrolls in (the pane at 1366 px; the page body when narrow). */
async function listScroller(page: Page, cell: string): Promise<{ top: number; label: string }> {
  return page.evaluate((c) => {
    let el = document.querySelector(`[data-finding-cell="${c}"]`)?.parentElement ?? null;
    while (el && !(el.scrollHeight > el.clientHeight && /auto|scroll/.test(getComputedStyle(el).overflowY)))
      el = el.parentElement;
    const target = el ?? document.scrollingElement!;
    return { top: target.scrollTop, label: target.getAttribute("aria-label") ?? target.tagName };
  }, cell);
}

/** data-finding-cell of the finding the focused element belongs to ("" when focus is elsewhere). */
const focusedFinding = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      (document.activeElement as HTMLElement | null)
        ?.closest("[data-finding-cell]")
        ?.getAttribute("data-finding-cell") ?? "",
  );

/** The selected cell of the grid is inside the grid's visible scroll area (scrolled to). */
const selectedCellShown = (page: Page, cell: string): Promise<boolean> =>
  page.evaluate((c) => {
    const td = document.querySelector(`td[data-cell="${c}"][data-selected="true"]`);
    // The grid's scroll area: the nearest ancestor that scrolls.
    let box = td?.parentElement ?? null;
    while (box && !/auto|scroll/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
    if (!td || !box) return false;
    const a = td.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  }, cell);

test.each([683, 360, 1366])(
  "at %i px a click and Enter on a finding far down the list keep the list's place and the focus",
  async (width) => {
    const { page, errors } = await openPage(width);
    await openFile(page, path.join(start.ROOT, "samples", LONG_SAMPLE));
    await validate(page);
    const items = page.locator("[data-finding-cell]");
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(10);

    for (const [index, how] of [
      [n - 1, "click"],
      [n - 3, "Enter"],
    ] as const) {
      const item = items.nth(index);
      const cell = (await item.getAttribute("data-finding-cell"))!;
      const button = item.locator("button").first();
      await button.scrollIntoViewIfNeeded();
      const before = await listScroller(page, cell);
      expect(before.top).toBeGreaterThan(0); // far down: the list is scrolled
      if (how === "click") await button.click();
      else {
        await button.focus();
        await page.keyboard.press("Enter");
      }
      await page.locator(`td[data-cell="${cell}"][data-selected="true"]`).waitFor();
      await page.waitForTimeout(200); // any scrolling the selection causes has happened
      expect(await selectedCellShown(page, cell)).toBe(true);
      expect(await listScroller(page, cell)).toEqual(before);
      expect(await focusedFinding(page)).toBe(cell);
    }
    expect(errors).toEqual([]);
    await page.close();
  },
);

/** Latin words in a text, without the product and format names a Chinese sentence may use. */
const latinWords = (text: string): string[] =>
  text.replace(/\.?xlsx?|Excel|WPS/g, "").match(/[A-Za-z]{2,}/g) ?? [];

test("banners: Chinese only, cleared by the next action; a download says 已下载：<file name>", async () => {
  const { page, errors } = await openPage(1366);
  const empty = path.join(tmp, "空文件.xlsx");
  fs.writeFileSync(empty, "");
  const old = path.join(tmp, "旧格式.xls");
  fs.writeFileSync(old, "not a workbook");
  const bar = page.getByTestId("preview-error");

  for (const [file, code] of [
    [empty, "InvalidFile"],
    [old, "UnsupportedFile"],
  ]) {
    await page.getByTestId("file-input").setInputFiles(file);
    await bar.waitFor();
    expect(await bar.getAttribute("data-code")).toBe(code);
    const text = (await bar.textContent()) ?? "";
    expect(text).toContain(path.basename(file));
    expect(text).not.toContain(code);
    expect(text).not.toContain("错误代码");
    expect(latinWords(text)).toEqual([]);
  }
  // Only one error banner at a time.
  expect(await bar.count()).toBe(1);

  // Opening a good file clears the old banner as the load starts.
  await openFile(page, path.join(start.ROOT, "samples", BROKEN_SAMPLE));
  expect(await bar.count()).toBe(0);
  await validate(page);
  expect(await page.getByTestId("notice-bar").count()).toBe(1);

  // Downloading: the pane's 校验完成 is no longer the current message; the page confirms the download.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标注副本" }).click(),
  ]);
  const notice = page.getByTestId("preview-notice");
  await notice.waitFor();
  expect(await notice.textContent()).toBe(`已下载：${download.suggestedFilename()}`);
  expect(await page.getByTestId("notice-bar").count()).toBe(0);

  // The next pane command (一键校验) replaces the download confirmation.
  await validate(page);
  expect(await notice.count()).toBe(0);

  // Text that fits the page: no 任务窗格 outside Excel, in the text or in any label.
  const words = (await page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll("[aria-label],[title]")].map(
        (e) => `${e.getAttribute("aria-label") ?? ""} ${e.getAttribute("title") ?? ""}`,
      ),
    ].join("\n"),
  )) as string;
  expect(words).not.toMatch(/任务窗格|本窗格/);
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
});
