/** @jest-environment jsdom */
/**
 * What the pane says about sheets it cannot fully show: findings on a hidden sheet say so in the list
 * (Excel cannot jump to a hidden sheet; clicking one gets the adapter's SheetHidden message,
 * test/excel/realExcel.test.ts), and a very large sheet the adapter read only in part is named.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { defaultDeps } from "../../src/ui/deps";
import { Pane } from "../../src/ui/Pane";
import { FakeHost } from "../ui/fakeHost";
import { brokenWorkbook } from "../ui/fixtures";

configure({ asyncUtilTimeout: 5000 });

async function validated(hidden: boolean) {
  const workbook = brokenWorkbook();
  if (hidden) workbook.sheets[0].hidden = true;
  const host = new FakeHost(workbook);
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} deps={{ ...defaultDeps, now: () => new Date(2024, 2, 15, 10, 30) }} />
    </FluentProvider>,
  );
  const validate = screen.getByRole("button", { name: "一键校验" });
  await waitFor(() => expect(validate).toBeEnabled());
  await user.click(validate);
  await screen.findByText(/校验完成/);
  return view.container;
}

test("the form's sheet is hidden: every finding with a cell says the sheet is hidden and how to show it", async () => {
  const container = await validated(true);
  const items = [...container.querySelectorAll("[data-finding-cell]")];
  expect(items.length).toBeGreaterThan(0);
  for (const li of items) {
    expect(li.textContent).toContain("（工作表已隐藏）");
    expect(li.querySelector("button")?.getAttribute("title")).toMatch(/已隐藏.*取消隐藏/);
  }
});

test("visible sheet: no such note", async () => {
  const container = await validated(false);
  expect(container.querySelectorAll("[data-finding-cell]").length).toBeGreaterThan(0);
  expect(container.textContent).not.toContain("已隐藏");
});

test("a very large sheet read only in part: 一键校验's notice says which, how much, and what to do", async () => {
  const workbook = brokenWorkbook();
  workbook.sheets.push({
    name: "支出明细",
    cells: [],
    merges: [],
    truncated: { rowsRead: 600, rows: 100000 },
  });
  const host = new FakeHost(workbook);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} deps={{ ...defaultDeps, now: () => new Date(2024, 2, 15, 10, 30) }} />
    </FluentProvider>,
  );
  const validate = screen.getByRole("button", { name: "一键校验" });
  await waitFor(() => expect(validate).toBeEnabled());
  await user.click(validate);
  const notice = await screen.findByText(/校验完成/);
  expect(notice.textContent).toContain("「支出明细」共 100000 行，只读取了前 600 行");
  expect(notice.textContent).toContain("复制到单独的工作表");
});
