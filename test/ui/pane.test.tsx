/** @jest-environment jsdom */
/**
 * The pane against a recording fake host, with real FormResults from checkWorkbook on a built grid
 * (test/ui/fixtures.ts lists the problems of the form and the numbers, checked by hand).
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { TextDecoder } from "util";
import { checkWorkbook } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import { HostError } from "../../src/host/host";
import { defaultDeps, type PaneDeps } from "../../src/ui/deps";
import { Pane } from "../../src/ui/Pane";
import { FakeHost } from "./fakeHost";
import {
  B4,
  brokenWorkbook,
  F20,
  G24,
  H16,
  H23,
  itemsRightWorkbook,
  noFormWorkbook,
  twoFormWorkbook,
} from "./fixtures";

// The machine may be busy (parallel suites, builds): give async queries room.
configure({ asyncUtilTimeout: 5000 });

function setup(workbook: Workbook = brokenWorkbook(), prepare?: (host: FakeHost) => void) {
  const host = new FakeHost(workbook);
  prepare?.(host);
  const download = jest.fn<void, [string, Blob]>();
  const deps: PaneDeps = { ...defaultDeps, download, now: () => new Date(2024, 2, 15, 10, 30) };
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} deps={deps} />
    </FluentProvider>,
  );
  return { host, user, download, view };
}

const validateButton = () => screen.getByRole("button", { name: "一键校验" });

async function ready() {
  await waitFor(() => expect(validateButton()).toBeEnabled());
}

async function validate(user: ReturnType<typeof userEvent.setup>) {
  await ready();
  await user.click(validateButton());
  await screen.findByText(/校验完成/);
  await waitFor(() => expect(validateButton()).toBeEnabled());
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

function findingItem(cell: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-finding-cell="${cell}"]`);
  if (!el) throw new Error(`no finding for ${cell}`);
  return el;
}

/**
 * The open confirmation dialog. Queried with `hidden: true` because under jsdom tabster's modalizer
 * (Fluent's focus trap) can leave aria-hidden="true" on the open dialog's own portal when an earlier
 * test's FluentProvider was unmounted — an artifact of many providers in one jsdom window (the pane has
 * one for its lifetime); role queries then missed an open dialog. That it is a modal dialog is asserted.
 */
async function confirmDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  expect(dialog).toHaveAttribute("aria-modal", "true");
  return dialog;
}

function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}

/** The dialog is gone from the document (not merely hidden). */
async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
}

describe("task pane", () => {
  test("loads the saved profile at start and checks with it", async () => {
    const { host } = setup(brokenWorkbook(), (h) => h.settings.set("profile", "national"));
    await ready();
    expect(host.callsOf("loadSetting")).toEqual([["profile"], ["undo"]]);
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveTextContent("全国通用（优/良/中/差）");
  });

  test("validation reads, checks and marks: findings grouped by severity, then category", async () => {
    const { host, user } = setup();
    await validate(user);

    // One read and one applyMarks with one mark per cell at its worst severity.
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
    const marks = host.callsOf("applyMarks");
    expect(marks).toHaveLength(1);
    const byCell = (marks[0][0] as { ref: { row: number; col: number }; severity: string }[])
      .map((m) => `${m.ref.row},${m.ref.col}:${m.severity}`)
      .sort();
    expect(byCell).toEqual(["15,7:error", "19,5:warning", "3,1:error"]);

    // Severity groups, with their counts.
    const errorGroup = document.querySelector<HTMLElement>('[data-severity-group="error"]')!;
    const warningGroup = document.querySelector<HTMLElement>('[data-severity-group="warning"]')!;
    expect(document.querySelector('[data-severity-group="info"]')).toBeNull();
    expect(within(errorGroup).getByRole("button", { name: /错误/ })).toHaveTextContent("2");
    // Categories inside a group: 漏填 before 计算.
    const sections = within(errorGroup).getAllByRole("region");
    expect(sections.map((s) => s.getAttribute("aria-label"))).toEqual(["错误 · 漏填", "错误 · 计算"]);
    expect(within(sections[0]).getByText("自评表!B4")).toBeInTheDocument();
    expect(within(sections[1]).getByText("自评表!H16")).toBeInTheDocument();
    expect(within(warningGroup).getByRole("region", { name: "警告 · 合理性" })).toHaveTextContent(
      "自评表!F20",
    );

    // A finding shows typed vs recomputed and the steps.
    const h16 = findingItem("自评表!H16");
    expect(h16).toHaveTextContent("填写：10");
    expect(h16).toHaveTextContent("重算：9.5");
    // …and the core's own steps text, as the core wrote it.
    const coreH16 = checkWorkbook(brokenWorkbook())[0].findings.find((f) => f.rule === "SCORE_MISMATCH");
    expect(coreH16?.steps).toBeTruthy();
    expect(h16).toHaveTextContent(`计算：${coreH16!.steps}`);

    // Summary: counts, typed vs computed total (99.5 vs 99) and grade, top band reached.
    expect(document.querySelector('[data-count="error"]')).toHaveTextContent("错误 2");
    expect(document.querySelector('[data-count="warning"]')).toHaveTextContent("警告 1");
    const totalRow = document.querySelector<HTMLElement>('[data-row="total"]')!;
    expect(totalRow).toHaveTextContent("总分99.599");
    expect(document.querySelector('[data-row="grade"]')).toHaveTextContent("等级优优");
    expect(screen.getByTestId("next-band")).toHaveTextContent("已达最高等级「优」");
    // H16 is to be corrected first: write-back will ask which total to write.
    expect(screen.getByRole("region", { name: "校验结果摘要" })).toHaveTextContent("有 1 项得分等与规则不符");
  });

  test("clicking a finding selects its cell", async () => {
    const { host, user } = setup();
    await validate(user);
    await user.click(within(findingItem("自评表!H16")).getByRole("button", { name: /^自评表!H16/ }));
    await user.click(within(findingItem("自评表!B4")).getByRole("button", { name: /^自评表!B4/ }));
    expect(host.callsOf("selectCell")).toEqual([[H16], [B4]]);
  });

  test("buttons are disabled while busy, with the current step shown", async () => {
    const { host, user } = setup();
    await validate(user);
    const release = host.hold("readWorkbook");
    await user.click(validateButton());
    expect(validateButton()).toBeDisabled();
    expect(screen.getByRole("button", { name: "写回总分和等级" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "清除标记" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "导出校验报告" })).toBeDisabled();
    expect(screen.getByRole("combobox", { name: "评分规则" })).toBeDisabled();
    expect(within(findingItem("自评表!H16")).getByRole("button", { name: /^自评表!H16/ })).toBeDisabled();
    expect(screen.getByText("正在读取工作簿…（1/3）")).toBeInTheDocument();
    // A click on a finding while busy does nothing.
    await user.click(within(findingItem("自评表!F20")).getByRole("button", { name: /^自评表!F20/ }));
    expect(host.callsOf("selectCell")).toEqual([]);

    await act(async () => release());
    await waitFor(() => expect(validateButton()).toBeEnabled());
    expect(screen.getByRole("button", { name: "清除标记" })).toBeEnabled();
    expect(screen.queryByText(/正在读取工作簿/)).toBeNull();
  });

  test("a host error shows in a MessageBar in Chinese; its code stays on the element, not in the text", async () => {
    const { user } = setup(brokenWorkbook(), (h) =>
      h.fail("readWorkbook", new HostError("GeneralException", "Excel 无法完成此操作。")),
    );
    await ready();
    await user.click(validateButton());
    const bar = await screen.findByTestId("error-bar");
    expect(bar).toHaveTextContent("一键校验失败");
    expect(bar).toHaveTextContent("Excel 无法完成此操作。");
    expect(bar).not.toHaveTextContent("GeneralException");
    expect(bar).toHaveAttribute("data-code", "GeneralException");
    expect(validateButton()).toBeEnabled();
  });

  test("an error while marking keeps the results and keeps the code on the bar", async () => {
    const { user } = setup(brokenWorkbook(), (h) =>
      h.fail("applyMarks", new HostError("InvalidArgument", "区域无效。")),
    );
    await ready();
    await user.click(validateButton());
    const bar = await screen.findByTestId("error-bar");
    expect(bar).toHaveAttribute("data-code", "InvalidArgument");
    expect(bar).not.toHaveTextContent("InvalidArgument");
    expect(findingItem("自评表!H16")).toBeInTheDocument();
  });

  test("write-back asks before overwriting a formula and writes nothing when cancelled", async () => {
    // Items right, total 99.5 (should be 99), G24's formula shows 良 (should be 优).
    const { host, user } = setup(itemsRightWorkbook("良"));
    await validate(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await confirmDialog();
    expect(host.callsOf("inspectCells")).toEqual([[[H23, G24]]]);
    // Shows what will be written: 99.5 → 99 in H23, the formula in G24 → 优.
    expect(dialog).toHaveTextContent("自评表!H23");
    expect(dialog).toHaveTextContent("99.5");
    expect(dialog).toHaveTextContent('=IF(H23>=90,"优",IF(H23>=80,"良","较差"))（良）');
    await user.click(dialogButton(dialog, "取消"));
    await dialogClosed();
    expect(host.callsOf("writeCells")).toEqual([]);
    expect(host.settings.has("undo")).toBe(false);
    expect(screen.getByTestId("notice-bar")).toHaveTextContent("已取消写回，未修改任何单元格");
  });

  test("write-back writes the computed total and grade after confirmation, then re-checks", async () => {
    const { host, user } = setup(itemsRightWorkbook("良"));
    await validate(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await confirmDialog();
    await user.click(dialogButton(dialog, "写回"));
    await screen.findByText(/已写回/);
    expect(host.callsOf("writeCells")).toEqual([
      [
        [
          { ref: H23, value: 99 },
          { ref: G24, value: "优" },
        ],
      ],
    ]);
    expect(host.callsOf("readWorkbook")).toHaveLength(2);
    expect(document.querySelector('[data-row="total"]')).toHaveTextContent("总分9999");
  });

  test("write-back keeps a formula whose result already is the grade", async () => {
    const { host, user } = setup(itemsRightWorkbook("优"));
    await validate(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await confirmDialog();
    await user.click(dialogButton(dialog, "写回"));
    await screen.findByText(/已写回/);
    expect(host.callsOf("writeCells")).toEqual([[[{ ref: H23, value: 99 }]]]);
    expect(host.workbook.sheets[0].cells[G24.row][G24.col]?.formula).toBe(
      'IF(H23>=90,"优",IF(H23>=80,"良","较差"))',
    );
  });

  test("采用重算值 writes the fix into its cell and re-checks", async () => {
    const { host, user } = setup();
    await validate(user);
    await user.click(screen.getByRole("button", { name: "采用重算值 9.5 写入 自评表!H16" }));
    await screen.findByText(/已将 自评表!H16 改为 9.5/);
    expect(host.callsOf("writeCells")).toEqual([[[{ ref: H16, value: 9.5 }]]]);
    expect(document.querySelector('[data-finding-cell="自评表!H16"]')).toBeNull();
    expect(findingItem("自评表!F20")).toBeInTheDocument();
  });

  test("采用重算值 asks before replacing a formula", async () => {
    const wb = brokenWorkbook();
    wb.sheets[0].cells[H16.row][H16.col] = { value: { kind: "number", value: 10 }, formula: "G16" };
    const { host, user } = setup(wb);
    await validate(user);
    await user.click(screen.getByRole("button", { name: "采用重算值 9.5 写入 自评表!H16" }));
    const dialog = await confirmDialog();
    expect(dialog).toHaveTextContent("=G16");
    await user.click(dialogButton(dialog, "取消"));
    await screen.findByText("已取消，未修改任何单元格。");
    expect(host.callsOf("writeCells")).toEqual([]);
  });

  test("自动 is the default: the card names the form's kind, the profile the core chose and why", async () => {
    const { host, user } = setup();
    await ready();
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveTextContent("自动（按表中特征选择）");
    await validate(user);
    const card = screen.getByRole("region", { name: "找到的自评表" });
    expect(card).toHaveTextContent("表类部门整体支出绩效自评表");
    expect(card).toHaveTextContent("评分规则湖南省（优/良/较差/差）");
    expect(card).toHaveTextContent("选择依据按表中特征自动选择“湖南省（优/良/较差/差）”");
    // Choosing 自动 again after another profile is saved as "auto" in the workbook settings.
    await user.click(screen.getByRole("combobox", { name: "评分规则" }));
    await user.click(screen.getByRole("option", { name: "全国通用（优/良/中/差）" }));
    await waitFor(() => expect(validateButton()).toBeEnabled());
    expect(screen.getByRole("region", { name: "找到的自评表" })).not.toHaveTextContent("选择依据");
    await user.click(screen.getByRole("combobox", { name: "评分规则" }));
    await user.click(screen.getByRole("option", { name: "自动（按表中特征选择）" }));
    await waitFor(() =>
      expect(host.callsOf("saveSetting")).toEqual([
        ["profile", "national"],
        ["profile", "auto"],
      ]),
    );
  });

  test("the profile choice is saved and the form re-checked with it", async () => {
    const { host, user } = setup();
    await validate(user);
    await user.click(screen.getByRole("combobox", { name: "评分规则" }));
    await user.click(screen.getByRole("option", { name: "全国通用（优/良/中/差）" }));
    await waitFor(() => expect(host.callsOf("saveSetting")).toEqual([["profile", "national"]]));
    await waitFor(() => expect(host.callsOf("readWorkbook")).toHaveLength(2));
    await waitFor(() => expect(validateButton()).toBeEnabled());
    expect(screen.getByRole("region", { name: "找到的自评表" })).toHaveTextContent("全国通用（优/良/中/差）");
  });

  test("清除标记 calls clearMarks and disables itself", async () => {
    const { host, user } = setup();
    await validate(user);
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText(/已清除全部标记/);
    expect(host.callsOf("clearMarks")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "清除标记" })).toBeDisabled();
  });

  test("导出校验报告 adds a report sheet and downloads a CSV with a BOM", async () => {
    const { host, user, download } = setup();
    await validate(user);
    await user.click(screen.getByRole("button", { name: "导出校验报告" }));
    await screen.findByText(/已新建工作表「校验报告」（3 条）和「复核底稿」/);
    const rows = host.callsOf("addReportSheet")[0][0] as (string | number)[][];
    // The 复核底稿 sheet: every verified item of the form, the SCORE_MISMATCH cell among them as 不符,
    // and the totals 自评得分 / 复核得分 / 偏离度 at the end.
    const [review, reviewName] = host.callsOf("addReportSheet")[1] as [(string | number)[][], string];
    expect(reviewName).toBe("复核底稿");
    expect(review[1].slice(0, 6)).toEqual(["核查项", "公式/来源", "计算值", "报告值", "差额", "判断"]);
    expect(review.find((r) => r[6] === "自评表!H16")?.[5]).toBe("不符");
    expect(review.filter((r) => r[5] === "一致").length).toBeGreaterThan(3);
    expect(review.slice(-3).map((r) => r[0])).toEqual(["自评得分", "复核得分", "偏离度"]);
    expect(rows[0]).toContain("单元格");
    // 规则 is the rule's Chinese name; the code is in the last column, 规则代码.
    expect(rows[0][6]).toBe("规则");
    expect(rows[0][rows[0].length - 1]).toBe("规则代码");
    expect(rows.slice(1).map((r) => [r[3], r[4], r[6], r[r.length - 1]])).toEqual([
      ["自评表!B4", "错误", "必填项为空", "MISSING_FIELD"],
      ["自评表!H16", "错误", "得分与规则不符", "SCORE_MISMATCH"],
      ["自评表!F20", "警告", "完成值远超目标", "OVER_ACHIEVEMENT"],
    ]);
    expect(download).toHaveBeenCalledTimes(1);
    const [name, blob] = download.mock.calls[0];
    expect(name).toBe("绩效自评校验报告-测试县科技局-20240315-1030.csv");
    const bytes = await blobBytes(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")).toHaveLength(rows.length + 1);
    // The CSV too: 规则 in Chinese, the code last.
    expect(text).toContain("自评表!H16,错误,计算,得分与规则不符,");
    expect(text.split("\r\n")[2].endsWith(",SCORE_MISMATCH")).toBe(true);
  });

  test("two forms: both checked and marked, the user picks which one is shown", async () => {
    const { host, user } = setup(twoFormWorkbook());
    await validate(user);
    const marks = host.callsOf("applyMarks")[0][0] as { ref: { sheet: string } }[];
    expect(new Set(marks.map((m) => m.ref.sheet))).toEqual(new Set(["自评表", "二级单位"]));
    const header = screen.getByRole("region", { name: "找到的自评表" });
    expect(header).toHaveTextContent("测试县科技局");
    await user.click(screen.getByRole("combobox", { name: "选择要显示的自评表" }));
    await user.click(screen.getByRole("option", { name: /二级单位 · 测试县科技服务中心/ }));
    expect(screen.getByRole("region", { name: "找到的自评表" })).toHaveTextContent("测试县科技服务中心");
    expect(findingItem("二级单位!H16")).toBeInTheDocument();
    await user.click(within(findingItem("二级单位!H16")).getByRole("button", { name: /^二级单位!H16/ }));
    expect(host.callsOf("selectCell")).toEqual([[{ sheet: "二级单位", row: 15, col: 7 }]]);
  });

  test("no form: a friendly 未找到自评表 with advice, nothing written", async () => {
    const { host, user } = setup(noFormWorkbook());
    await ready();
    await user.click(validateButton());
    const bar = await screen.findByTestId("template-not-found");
    expect(bar).toHaveTextContent("未找到自评表");
    expect(bar).toHaveTextContent("部门整体支出绩效自评表");
    await waitFor(() => expect(validateButton()).toBeEnabled());
    expect(host.callsOf("writeCells")).toEqual([]);
    expect(host.callsOf("applyMarks")).toEqual([[[]]]);
    expect(screen.queryByRole("button", { name: "写回总分和等级" })).toBeNull();
  });

  test("marks left from an earlier session can be cleared before validating", async () => {
    const { host, user } = setup(brokenWorkbook(), (h) => {
      h.marks = [{ ref: F20, severity: "warning" }];
    });
    await ready();
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText(/已清除全部标记/);
    expect(host.callsOf("clearMarks")).toHaveLength(1);
  });
});

describe("a total that cannot be recomputed", () => {
  test("says why instead of a bare —: 全年执行数 (F7) typed as text, so the 执行率 score is undetermined", async () => {
    const wb = brokenWorkbook();
    wb.sheets[0].cells[6][5] = { value: { kind: "text", value: "待核实" } };
    const { user } = setup(wb);
    await user.click(screen.getByRole("button", { name: "一键校验" }));
    const reason = await screen.findByTestId("total-reason");
    // The core's plan says why (plan.totalReason); the pane shows that text, it does not recompute.
    const plan = checkWorkbook(wb)[0].plan;
    expect(plan?.total).toBeNull();
    expect(plan?.totalReason).toBeTruthy();
    expect(reason).toHaveTextContent(`未重算总分：${plan!.totalReason}`);
    expect(reason).toHaveTextContent("F7");
    expect(screen.queryByTestId("next-band")).toBeNull();
  });
});
