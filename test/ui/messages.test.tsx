/** @jest-environment jsdom */
/**
 * What the clerk reads in the pane's messages: Chinese only (error codes and English details stay on
 * the element and in the console), one current message at a time, and text that fits every host.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { HostError } from "../../src/host/host";
import { defaultDeps } from "../../src/ui/deps";
import { clerkErrorText, UNEXPECTED_ERROR_TEXT } from "../../src/ui/ErrorBanner";
import { Pane } from "../../src/ui/Pane";
import { FakeHost } from "./fakeHost";
import { brokenWorkbook, itemsRightWorkbook } from "./fixtures";
import { confirmDialog, setupPane, validate, validateButton } from "./harness";

configure({ asyncUtilTimeout: 5000 });

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe("clerkErrorText", () => {
  test("drops a bracketed detail that has no Chinese (Excel's English original, an HTTP status)", () => {
    expect(
      clerkErrorText(
        "读取工作簿失败：找不到要操作的工作表或单元格（可能已被重命名或删除）。（Excel：The requested resource doesn't exist.）",
      ),
    ).toBe("读取工作簿失败：找不到要操作的工作表或单元格（可能已被重命名或删除）。");
    expect(clerkErrorText("示例文件不存在(HTTP 404)。")).toBe("示例文件不存在。");
  });

  test("keeps Latin file names and product names inside Chinese text", () => {
    expect(clerkErrorText("无法读取“budget 2023.xlsx”：文件是空的（0 字节）。")).toBe(
      "无法读取“budget 2023.xlsx”：文件是空的（0 字节）。",
    );
    expect(clerkErrorText("只支持 .xlsx 文件（.xls 请先在 Excel 中另存为 .xlsx）。")).toBe(
      "只支持 .xlsx 文件（.xls 请先在 Excel 中另存为 .xlsx）。",
    );
  });

  test("a message without any Chinese becomes the general explanation", () => {
    expect(clerkErrorText("Cannot read properties of undefined (reading 'sheets')")).toBe(
      UNEXPECTED_ERROR_TEXT,
    );
    expect(clerkErrorText("")).toBe(UNEXPECTED_ERROR_TEXT);
  });
});

/** Every piece of text and every accessible label in the pane. */
function allReadableText(root: HTMLElement): string[] {
  const labels = [...root.querySelectorAll<HTMLElement>("[aria-label],[title],[placeholder]")].flatMap((e) =>
    ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
  );
  return [root.textContent ?? "", ...labels].filter((t) => t !== "");
}

describe("error banners", () => {
  test("an Excel error with an English detail: the banner is Chinese only; the code stays on the element", async () => {
    const { host, user } = setupPane(brokenWorkbook());
    host.fail(
      "readWorkbook",
      new HostError(
        "ItemNotFound",
        "找不到要操作的工作表或单元格（可能已被重命名或删除）。（Excel：The requested resource doesn't exist.）",
      ),
    );
    await waitFor(() => expect(validateButton()).toBeEnabled());
    await user.click(validateButton());
    const bar = await screen.findByTestId("error-bar");
    expect(bar).toHaveTextContent("一键校验失败找不到要操作的工作表或单元格（可能已被重命名或删除）。");
    expect(bar.textContent).not.toMatch(/[A-Za-z]/);
    expect(bar).toHaveAttribute("data-code", "ItemNotFound");
  });

  test("a program error (English only) shows the general Chinese explanation", async () => {
    const { host, user } = setupPane(brokenWorkbook());
    host.fail("readWorkbook", new TypeError("Cannot read properties of undefined (reading 'sheets')"));
    await waitFor(() => expect(validateButton()).toBeEnabled());
    await user.click(validateButton());
    const bar = await screen.findByTestId("error-bar");
    expect(bar).toHaveTextContent(UNEXPECTED_ERROR_TEXT);
    expect(bar.textContent).not.toMatch(/[A-Za-z]/);
    expect(bar).toHaveAttribute("data-code", "TypeError");
  });

  test("no English label anywhere in the validated pane (Fluent's dropdown clear button included)", async () => {
    const { user, view } = setupPane(brokenWorkbook());
    await validate(user);
    const clear = view.container.querySelector(".fui-Dropdown__clearButton");
    expect(clear).not.toBeNull();
    expect(clear).toHaveAttribute("aria-label", "清除选择");
    // Rule names and messages are Chinese; cell addresses (自评表!H16) and units are the only Latin.
    const english = allReadableText(view.container)
      .flatMap((t) => t.replace(/[A-Z]{1,3}\d+/g, "").match(/[A-Za-z]{2,}/g) ?? [])
      .filter((w) => !["Excel", "WPS", "xlsx", "CSV", "JX"].includes(w));
    expect(english).toEqual([]);
  });
});

describe("one current message", () => {
  function renderWith(host: FakeHost, props: { clearSignal?: number; onActionStart?: () => void }) {
    const deps = { ...defaultDeps, download: jest.fn(), now: () => new Date(2024, 2, 15, 10, 30) };
    const el = (p: typeof props) => (
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} deps={deps} {...p} />
      </FluentProvider>
    );
    const view = render(el(props));
    return { view, rerender: (p: typeof props) => view.rerender(el(p)) };
  }

  test("a new check removes the old error at once, also while the workbook is still being read", async () => {
    const host = new FakeHost(brokenWorkbook());
    host.fail("readWorkbook", new HostError("GeneralException", "Excel 处理请求时出错。"));
    renderWith(host, {});
    const user = userEvent.setup();
    await waitFor(() => expect(validateButton()).toBeEnabled());
    await user.click(validateButton());
    await screen.findByTestId("error-bar");
    await waitFor(() => expect(validateButton()).toBeEnabled());

    host.recover("readWorkbook");
    const release = host.hold("readWorkbook");
    await user.click(validateButton());
    await screen.findByText("正在读取工作簿…（1/3）");
    expect(screen.queryByTestId("error-bar")).toBeNull();
    await act(async () => release());
    await screen.findByText(/校验完成/);
    expect(screen.queryByTestId("error-bar")).toBeNull();
  });

  test("the page's own action (clearSignal) clears the pane's messages; a pane command tells the page (onActionStart)", async () => {
    const host = new FakeHost(brokenWorkbook());
    const started = jest.fn();
    const { rerender } = renderWith(host, { clearSignal: 0, onActionStart: started });
    const user = userEvent.setup();
    await validate(user);
    expect(started).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("notice-bar")).toHaveTextContent("校验完成");

    rerender({ clearSignal: 0, onActionStart: started });
    expect(screen.getByTestId("notice-bar")).toBeInTheDocument();
    rerender({ clearSignal: 1, onActionStart: started });
    await waitFor(() => expect(screen.queryByTestId("notice-bar")).toBeNull());
    // The results stay: only the message was stale.
    expect(document.querySelectorAll("[data-finding-cell]").length).toBeGreaterThan(0);
  });
});

test("the confirmation before overwriting speaks of the 撤销 button, not of a task pane", async () => {
  const { user } = setupPane(itemsRightWorkbook("良"));
  await validate(user);
  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  const dialog = await confirmDialog();
  expect(dialog).toHaveTextContent("之后可点「撤销」恢复");
  expect(dialog.textContent).not.toContain("窗格");
});
