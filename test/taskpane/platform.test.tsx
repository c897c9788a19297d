/** @jest-environment jsdom */
/**
 * Platform-aware report export: Mac Excel's webview ignores `<a download>`, so on a Mac the pane must
 * neither call the download nor say a CSV was downloaded; it names the report sheet and how to get a CSV.
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Pane } from "../../src/ui/Pane";
import { paneDepsFor } from "../../src/taskpane/platform";
import { FakeHost } from "../ui/fakeHost";
import { brokenWorkbook } from "../ui/fixtures";

configure({ asyncUtilTimeout: 5000 });

async function exportOn(isMac: boolean) {
  const host = new FakeHost(brokenWorkbook());
  const download = jest.fn<void, [string, Blob]>();
  const deps = { ...paneDepsFor({ isMac }), download, now: () => new Date(2024, 2, 15, 10, 30) };
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
  test("Mac: no download attempted, the notice says why and points to the report sheet", async () => {
    const { download, text, host } = await exportOn(true);
    expect(download).not.toHaveBeenCalled();
    // The findings sheet and the 复核底稿 sheet: the report lives in the workbook, not in a download.
    expect(host.callsOf("addReportSheet").map((c) => (c as unknown[])[1])).toEqual(["校验报告", "复核底稿"]);
    expect(text).not.toContain("并下载");
    expect(text).toContain("Mac 版 Excel 的加载项窗格不能下载文件");
    expect(text).toContain("另存为");
  });

  test("Windows and the web: the CSV is downloaded and the notice says so", async () => {
    const { download, text } = await exportOn(false);
    expect(download).toHaveBeenCalledTimes(1);
    expect(text).toContain("并下载 绩效自评校验报告-测试县科技局-20240315-1030.csv");
  });
});
