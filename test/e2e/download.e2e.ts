/**
 * End to end, the built browser preview (dist/preview.html) in headless Debian Chromium: the downloaded
 * copy holds exactly what the person applied in the session, nothing the checker recomputed on its own.
 * - validated, nothing applied: every cell of the original keeps its value and formula (compared cell by
 *   cell with ExcelJS), the finding cells are filled, the 复核底稿 sheet is added; named （已标注）;
 * - one 采用重算值 applied, then 清除标记: exactly that one cell changed, no fill and no note left
 *   anywhere (every cell's fill as in the original); named （已改正）.
 * Every request that is not to the local server is blocked (and counted: there must be none).
 */
/* global require, process */
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import type { Server } from "http";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Download, Page } from "playwright-core";
import { launchLocalChromium } from "../../scripts/local-chromium";
import { findingsByCell, validate } from "./pane-page";

const start = require("../../scripts/start.js") as {
  ROOT: string;
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
  createStaticServer(root: string): Server;
  listen(server: Server, port: number): Promise<number>;
};

/** 吉首 2023: 执行率得分 I7 typed 8, while 5374.35 ÷ 5374.35 = 100% gives 10 × 100% = 10 points. */
const SAMPLE = "错误示例-吉首2023.xlsx";
const FIX_CELL = "I7";

let server: Server;
let base: string;
let context: BrowserContext;
let profileDir: string;
let blocked: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : start.DIST;
  if (!process.env.E2E_DIST) start.ensureBuilt({ log: (s) => process.stdout.write(s + "\n") });
  server = start.createStaticServer(dist);
  const port = await start.listen(server, 0);
  base = `http://127.0.0.1:${port}`;
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-e2e-download-"));
  ({ context, blocked } = await launchLocalChromium(profileDir, { acceptDownloads: true }));
}, 600000);

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function download(page: Page): Promise<Download> {
  const [d] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载已标注副本" }).click(),
  ]);
  return d;
}

interface CellState {
  content: string;
  fill: string;
  note: string;
}

/** Every cell of the original's sheets: value and formula, fill, note ("sheet!A1" → state). */
function cells(wb: ExcelJS.Workbook, sheets: string[]): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const name of sheets) {
    wb.getWorksheet(name)?.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        out.set(`${name}!${c.address}`, {
          content: JSON.stringify({ value: c.value ?? null, formula: c.formula ?? null }),
          fill: JSON.stringify(c.fill ?? null),
          note: JSON.stringify(c.note ?? null),
        });
      }),
    );
  }
  return out;
}

const NONE: CellState = {
  content: JSON.stringify({ value: null, formula: null }),
  fill: "null",
  note: "null",
};

test("download without applying keeps every value; one fix then 清除标记 gives exactly that fix, no fills", async () => {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  await page.goto(`${base}/preview.html?sample=${encodeURIComponent(SAMPLE)}`);
  await page.locator('td[data-cell="自评表!A1"]').waitFor();
  const original = await load(path.join(start.ROOT, "samples", SAMPLE));
  const sheets = original.worksheets.map((w) => w.name);
  const before = cells(original, sheets);

  await validate(page);
  const findings = await findingsByCell(page);
  expect(findings.get(`自评表!${FIX_CELL}`)).toBe("error");

  // 1. Nothing applied: same values and formulas as the original; marked cells filled; 复核底稿 added.
  const first = await download(page);
  expect(first.suggestedFilename()).toBe("错误示例-吉首2023（已标注）.xlsx");
  const marked = await load(await first.path());
  expect(marked.worksheets.map((w) => w.name)).toEqual([...sheets, "复核底稿"]);
  const afterMarked = cells(marked, sheets);
  let compared = 0;
  for (const key of new Set([...before.keys(), ...afterMarked.keys()])) {
    const content = (afterMarked.get(key) ?? NONE).content;
    expect({ key, content }).toEqual({ key, content: (before.get(key) ?? NONE).content });
    compared++;
  }
  expect(compared).toBeGreaterThan(200);
  for (const cell of findings.keys()) expect(afterMarked.get(cell)?.fill).toMatch(/argb/);
  expect(afterMarked.get(`自评表!${FIX_CELL}`)?.note).toContain("按规则应为 10（现填写 8）");

  // 2. One fix (采用重算值 on I7), then 清除标记.
  await page.getByRole("button", { name: `采用重算值 10 写入 自评表!${FIX_CELL}` }).click();
  await page
    .getByTestId("notice-bar")
    .filter({ hasText: `已将 自评表!${FIX_CELL} 改为 10` })
    .waitFor();
  await page.locator('main[data-phase="idle"]').waitFor();
  await page.getByRole("button", { name: "清除标记" }).click();
  await page.getByTestId("notice-bar").filter({ hasText: "已清除全部标记" }).waitFor();

  const second = await download(page);
  expect(second.suggestedFilename()).toBe("错误示例-吉首2023（已改正）.xlsx");
  const fixed = await load(await second.path());
  expect(fixed.worksheets.map((w) => w.name)).toEqual([...sheets, "复核底稿"]);
  const afterFixed = cells(fixed, sheets);
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...afterFixed.keys()])) {
    const was = before.get(key) ?? NONE;
    const now = afterFixed.get(key) ?? NONE;
    // No fill and no note added anywhere: each cell as the original had it.
    expect({ key, fill: now.fill, note: now.note }).toEqual({ key, fill: was.fill, note: was.note });
    if (now.content !== was.content) changed.push(key);
  }
  expect(changed).toEqual([`自评表!${FIX_CELL}`]);
  expect(fixed.getWorksheet("自评表")!.getCell(FIX_CELL).value).toBe(10);

  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await page.close();
});
