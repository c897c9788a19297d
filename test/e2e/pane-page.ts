/**
 * What the e2e tests read off the pane in a page (the served preview and the offline single file
 * render the same PreviewApp): one copy of the queries both tests use.
 */
import type { Page } from "playwright-core";

const RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/** Clicks 一键校验 and waits until the check is done and the pane is idle again. */
export async function validate(page: Page): Promise<void> {
  await page.getByRole("button", { name: "一键校验" }).click();
  await page.getByTestId("notice-bar").filter({ hasText: "校验完成" }).waitFor();
  await page.locator('main[data-phase="idle"]').waitFor();
}

/** Findings in the pane: cell → worst severity. */
export async function findingsByCell(page: Page): Promise<Map<string, string>> {
  const items = await page.$$eval("[data-finding-cell]", (els) =>
    els.map((e) => [e.getAttribute("data-finding-cell")!, e.getAttribute("data-severity")!] as const),
  );
  const out = new Map<string, string>();
  for (const [cell, severity] of items) {
    const prev = out.get(cell);
    if (!prev || RANK[severity] > RANK[prev]) out.set(cell, severity);
  }
  return out;
}

/** Highlighted cells in the grid, over every sheet tab: cell → data-mark. */
export async function marksByCell(page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const tabs = page.getByRole("tablist", { name: "工作表" }).getByRole("tab");
  for (let i = 0, n = await tabs.count(); i < n; i++) {
    await tabs.nth(i).click();
    const marks = await page.$$eval("td[data-mark]", (els) =>
      els.map((e) => [e.getAttribute("data-cell")!, e.getAttribute("data-mark")!] as const),
    );
    for (const [cell, mark] of marks) out.set(cell, mark);
  }
  await tabs.first().click();
  return out;
}

/** Map entries sorted by cell, for comparing two maps. */
export const sorted = (m: Map<string, string>): [string, string][] =>
  [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));

/**
 * Waits until the page has loaded the file `name`: the file bar shows exactly that name (while loading it
 * says "正在打开 <name>…", and a click then still reaches the previous file's pane) and the pane is idle.
 */
export async function fileLoaded(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="file-name"]')?.textContent === n,
    name,
  );
  await page.locator('main[data-phase="idle"]').waitFor();
}
