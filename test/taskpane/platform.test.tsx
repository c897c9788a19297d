/** @jest-environment jsdom */
/**
 * Platform-aware report export: Mac Excel's webview ignores `<a download>`, and a blob download from a
 * Windows desktop pane (WebView2) may silently do nothing, so only Excel on the web downloads and says
 * "已下载"; Windows desktop copies the CSV to the clipboard; Mac names the report sheet and 另存为.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Pane } from "../../src/ui/Pane";
import {
  csvDeliveryFor,
  limitedHostNotice,
  paneDepsFor,
  type OfficePlatform,
} from "../../src/taskpane/platform";
import { FakeHost } from "../ui/fakeHost";
import { brokenWorkbook } from "../ui/fixtures";

configure({ asyncUtilTimeout: 5000 });

async function exportOn(platform: OfficePlatform, copyText?: (text: string) => Promise<void>) {
  const host = new FakeHost(brokenWorkbook());
  const download = jest.fn<void, [string, Blob]>();
  const base = paneDepsFor(platform);
  const deps = {
    ...base,
    download,
    ...(base.copyText && copyText ? { copyText } : {}),
    now: () => new Date(2024, 2, 15, 10, 30),
  };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} deps={deps} />
    </FluentProvider>,
  );
  const validate = screen.getByRole("button", { name: "一键校验" });
  await waitFor(() => expect(validate).toBeEnabled());
  await user.click(validate);
  const exportButton = screen.getByRole("button", { name: "导出校验报告" });
  await waitFor(() => expect(exportButton).toBeEnabled());
  await user.click(exportButton);
  const notice = await screen.findByText(/已新建工作表「校验报告」/);
  return { download, text: notice.textContent ?? "", host };
}

describe("export on each platform", () => {
  test("which platform gets which: web downloads, Windows desktop copies, Mac and others use the sheet", () => {
    expect(csvDeliveryFor("OfficeOnline")).toBe("download");
    expect(csvDeliveryFor("PC")).toBe("clipboard");
    expect(csvDeliveryFor("Mac")).toBe("sheet");
    expect(csvDeliveryFor("iOS")).toBe("sheet");
    expect(csvDeliveryFor(null)).toBe("sheet");
  });

  test("Mac: no download attempted, the notice says why and points to the report sheet", async () => {
    const { download, text, host } = await exportOn("Mac");
    expect(download).not.toHaveBeenCalled();
    // The findings sheet and the 复核底稿 sheet: the report lives in the workbook, not in a download.
    expect(host.callsOf("addReportSheet").map((c) => (c as unknown[])[1])).toEqual(["校验报告", "复核底稿"]);
    expect(text).not.toContain("并下载");
    expect(text).toContain("Mac 版 Excel 的加载项窗格不能下载文件");
    expect(text).toContain("另存为");
  });

  test("Excel on the web: the CSV is downloaded and the notice says so", async () => {
    const { download, text } = await exportOn("OfficeOnline");
    expect(download).toHaveBeenCalledTimes(1);
    expect(text).toContain("已下载：绩效自评校验报告-测试县科技局-20240315-1030.csv");
  });

  test("Windows desktop: no download claimed; the CSV text goes to the clipboard", async () => {
    const copied: string[] = [];
    const { download, text } = await exportOn("PC", async (t) => {
      copied.push(t);
    });
    expect(download).not.toHaveBeenCalled();
    expect(copied).toHaveLength(1);
    expect(copied[0].split("\n").length).toBeGreaterThan(2); // header and findings
    expect(text).not.toContain("下载 绩效自评校验报告");
    expect(text).toContain("CSV 已复制到剪贴板");
    expect(text).toContain("另存为");
  });

  test("Windows desktop where the clipboard is refused: says so and points to the sheet", async () => {
    const { download, text } = await exportOn("PC", async () => {
      throw new Error("denied");
    });
    expect(download).not.toHaveBeenCalled();
    expect(text).toContain("CSV 未能复制到剪贴板");
    expect(text).not.toContain("已复制");
    expect(text).toContain("CSV UTF-8");
  });
});

describe("a build without the shared runtime (the plain task pane of DefaultSettings)", () => {
  test("is told in Chinese what is missing", () => {
    const notice = limitedHostNotice((name) => name !== "SharedRuntime");
    expect(notice).toContain("没有共享运行时");
    expect(notice).toContain("JX 函数和功能区按钮不可用");
  });

  test("a build with it gets no notice", () => {
    expect(limitedHostNotice(() => true)).toBeNull();
  });
});
