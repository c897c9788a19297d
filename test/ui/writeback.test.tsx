/** @jest-environment jsdom */
/**
 * 写回总分和等级 from the correction plan, and 撤销, against a recording FakeHost. The plans are built by
 * hand from the fixture's numbers (test/ui/plans.ts); the re-checks are the core's real checks.
 */
import "@testing-library/jest-dom";
import { configure, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import type { CorrectionPlan } from "../../src/core/model";
import { HostError } from "../../src/host/host";
import { parseUndoStack } from "../../src/ui/undo";
import { FakeHost } from "./fakeHost";
import { brokenWorkbook, G24, H16, H23, H7 } from "./fixtures";
import {
  confirmDialog,
  dialogButton,
  dialogClosed,
  idle,
  listedFindings,
  renderPane,
  setupPane,
  validate,
} from "./harness";
import { checkWithFixturePlan, fixturePlan } from "./plans";

configure({ asyncUtilTimeout: 5000 });

const deps = { check: checkWithFixturePlan };
const GRADE_FORMULA = 'IF(H23>=90,"优",IF(H23>=80,"良","较差"))';

/** The broken form (H16 typed 10, rule 9.5; total 99.5, should be 99) with G24's formula showing `grade`. */
function brokenWith(grade: string, total = 99.5): Workbook {
  const wb = brokenWorkbook();
  const cells = wb.sheets[0].cells;
  cells[G24.row][G24.col] = { value: { kind: "text", value: grade }, formula: GRADE_FORMULA };
  cells[H23.row][H23.col] = { ...cells[H23.row][H23.col]!, value: { kind: "number", value: total } };
  return wb;
}

/** A copy through JSON (holes become null): compare copies with copies. */
const clone = (wb: Workbook): Workbook => JSON.parse(JSON.stringify(wb)) as Workbook;
const at = (wb: Workbook, ref: { row: number; col: number }) => wb.sheets[0].cells[ref.row]?.[ref.col];
const undoStack = (host: FakeHost) => parseUndoStack(host.settings.get("undo") ?? null);
const writeBackButton = () => screen.getByRole("button", { name: "写回总分和等级" });

async function writeAll(user: ReturnType<typeof setupPane>["user"]): Promise<void> {
  await user.click(writeBackButton());
  const dialog = await confirmDialog();
  await user.click(dialogButton(dialog, "全部采用重算值并写回"));
  await screen.findByText(/已写回/);
  await idle();
}

describe("写回总分和等级 with item fixes pending", () => {
  test("the dialog lists the fixes (填写 → 重算) and nothing is written before an answer; 取消 writes nothing", async () => {
    const { host, user } = setupPane(brokenWorkbook(), deps);
    await validate(user);
    expect(screen.getByRole("region", { name: "校验结果摘要" })).toHaveTextContent("有 1 项得分等与规则不符");
    await user.click(writeBackButton());
    const dialog = await confirmDialog();
    expect(dialog).toHaveTextContent("先改正各项得分？");
    const headers = within(dialog)
      .getAllByRole("columnheader", { hidden: true })
      .map((h) => h.textContent);
    expect(headers).toEqual(["单元格", "填写", "重算"]);
    const row = dialog.querySelector<HTMLElement>('tr[data-cell="自评表!H16"]')!;
    expect(row).toHaveTextContent("“规模工业增加值增速”得分");
    expect([...row.querySelectorAll("td")].slice(1).map((td) => td.textContent)).toEqual(["10", "9.5"]);
    // Only the item is listed: the total and grade are what the two answers decide.
    expect(dialog.querySelectorAll("tbody tr")).toHaveLength(1);
    // What each answer writes: 99 / 优 after the fix; 9.5 + 8 × 10 + 10 = 99.5 / 优 keeping the items,
    // which the form already shows, so that answer has nothing to write.
    expect(dialog).toHaveTextContent(
      "全部采用重算值并写回：上表各项改为重算值，总分 99、等级 优（共 2 个单元格",
    );
    expect(dialog).toHaveTextContent(
      "只写回与现有得分一致的总分和等级：表中的总分 99.5、等级 优已与现有得分一致，无需写回",
    );
    expect(dialogButton(dialog, "只写回与现有得分一致的总分和等级")).toBeDisabled();
    expect(host.callsOf("writeCells")).toEqual([]);

    await user.click(dialogButton(dialog, "取消"));
    await dialogClosed();
    expect(host.callsOf("writeCells")).toEqual([]);
    expect(host.settings.has("undo")).toBe(false);
    expect(screen.getByTestId("notice-bar")).toHaveTextContent("已取消写回，未修改任何单元格");
  });

  test("全部采用重算值并写回: items, total and grade in one write with one undo record; the re-check finds nothing in them", async () => {
    const { host, user } = setupPane(brokenWith("良"), deps);
    await validate(user);
    expect(listedFindings()).toContain("自评表!H16 SCORE_MISMATCH");
    await user.click(writeBackButton());
    const dialog = await confirmDialog();
    // The grade formula the whole plan replaces is listed too, with the formula shown.
    expect([...dialog.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-cell"))).toEqual([
      "自评表!H16",
      "自评表!G24",
    ]);
    expect(dialog.querySelector('tr[data-cell="自评表!G24"]')).toHaveTextContent(`=${GRADE_FORMULA}（良）`);
    expect(dialog).toHaveTextContent("表中列出的公式会被替换为数值");
    await user.click(dialogButton(dialog, "全部采用重算值并写回"));
    await screen.findByText(/已写回/);
    await idle();
    expect(host.callsOf("writeCells")).toEqual([
      [
        [
          { ref: H16, value: 9.5 },
          { ref: H23, value: 99 },
          { ref: G24, value: "优" },
        ],
      ],
    ]);
    const stack = undoStack(host);
    expect(stack).toHaveLength(1);
    expect(stack[0].action).toBe("全部采用重算值并写回");
    expect(stack[0].cells.map((c) => c.before)).toEqual([
      { value: { kind: "number", value: 10 } },
      { value: { kind: "number", value: 99.5 } },
      { value: { kind: "text", value: "良" }, formula: GRADE_FORMULA },
    ]);
    const written = ["自评表!H16", "自评表!H23", "自评表!G24"];
    expect(listedFindings().filter((f) => written.includes(f.split(" ")[0]))).toEqual([]);
    expect(document.querySelector('[data-row="total"]')).toHaveTextContent("总分9999");
    expect(screen.getByRole("region", { name: "可撤销的修改" })).toHaveTextContent(
      "上次修改：全部采用重算值并写回",
    );
  });

  test("只写回与现有得分一致的总分和等级: the total that agrees with the typed scores, items unchanged", async () => {
    // Typed total 95; the typed scores add up to 9.5 + 8 × 10 + 10 = 99.5 (优).
    const { host, user } = setupPane(brokenWith("优", 95), deps);
    await validate(user);
    await user.click(writeBackButton());
    const dialog = await confirmDialog();
    expect(dialog).toHaveTextContent("只写回与现有得分一致的总分和等级：自评表!H23 = 99.5，各项得分不变");
    await user.click(dialogButton(dialog, "只写回与现有得分一致的总分和等级"));
    await screen.findByText(/已写回/);
    await idle();
    expect(host.callsOf("writeCells")).toEqual([[[{ ref: H23, value: 99.5 }]]]);
    expect(undoStack(host).map((r) => r.action)).toEqual(["写回总分和等级"]);
    expect(listedFindings().filter((f) => f.startsWith("自评表!H23"))).toEqual([]);
    expect(listedFindings()).toContain("自评表!H16 SCORE_MISMATCH");
  });

  test("撤销 puts every written cell back exactly (values and the formula), and the findings come back", async () => {
    const original = brokenWith("良");
    const { host, user } = setupPane(clone(original), deps);
    await validate(user);
    await writeAll(user);
    await user.click(screen.getByRole("button", { name: "撤销「全部采用重算值并写回」" }));
    await screen.findByText(/已撤销「全部采用重算值并写回」/);
    await idle();
    expect(host.callsOf("writeCells")[1]).toEqual([
      [
        { ref: H16, value: 10 },
        { ref: H23, value: 99.5 },
        { ref: G24, value: "良", formula: GRADE_FORMULA },
      ],
    ]);
    expect(clone(host.workbook)).toEqual(clone(original));
    expect(undoStack(host)).toEqual([]);
    expect(screen.queryByRole("region", { name: "可撤销的修改" })).toBeNull();
    expect(listedFindings()).toContain("自评表!H16 SCORE_MISMATCH");
  });

  test("the undo record survives save and reopen: a new pane on the saved document can undo", async () => {
    const original = brokenWith("良");
    const first = setupPane(clone(original), deps);
    await validate(first.user);
    await writeAll(first.user);
    first.view.unmount();

    // "Saved and reopened": the same cells and the document's settings, a fresh pane.
    const reopened = new FakeHost(clone(first.host.workbook));
    for (const [k, v] of first.host.settings) reopened.settings.set(k, v);
    const { user } = renderPane(reopened, deps);
    await idle();
    expect(screen.getByRole("region", { name: "可撤销的修改" })).toHaveTextContent("全部采用重算值并写回");
    await user.click(screen.getByRole("button", { name: "撤销「全部采用重算值并写回」" }));
    await screen.findByText(/已撤销/);
    await idle();
    expect(clone(reopened.workbook)).toEqual(clone(original));
  });

  test("撤销 asks before overwriting a cell edited since the write; 取消 writes nothing", async () => {
    const original = brokenWith("良");
    const { host, user } = setupPane(clone(original), deps);
    await validate(user);
    await writeAll(user);
    // The user types 98 into the total afterwards.
    host.workbook.sheets[0].cells[H23.row][H23.col] = { value: { kind: "number", value: 98 } };
    await user.click(screen.getByRole("button", { name: "撤销「全部采用重算值并写回」" }));
    let dialog = await confirmDialog();
    expect(dialog).toHaveTextContent("单元格已被改动");
    const row = dialog.querySelector<HTMLElement>('tr[data-cell="自评表!H23"]')!;
    expect([...row.querySelectorAll("td")].slice(1).map((td) => td.textContent)).toEqual(["98", "99.5"]);
    expect(dialog.querySelectorAll("tbody tr")).toHaveLength(1);
    await user.click(dialogButton(dialog, "取消"));
    await dialogClosed();
    expect(host.callsOf("writeCells")).toHaveLength(1);
    expect(at(host.workbook, H23)?.value).toEqual({ kind: "number", value: 98 });

    await user.click(screen.getByRole("button", { name: "撤销「全部采用重算值并写回」" }));
    dialog = await confirmDialog();
    await user.click(dialogButton(dialog, "仍然撤销"));
    await screen.findByText(/已撤销/);
    await idle();
    expect(clone(host.workbook)).toEqual(clone(original));
  });

  test("a record whose sheet is gone can only be dropped, and nothing is written", async () => {
    const { host, user } = setupPane(brokenWorkbook(), deps);
    await validate(user);
    await writeAll(user);
    host.fail("inspectCells", new HostError("ItemNotFound", "工作表“自评表”不存在。"));
    await user.click(screen.getByRole("button", { name: "撤销「全部采用重算值并写回」" }));
    const dialog = await confirmDialog();
    expect(dialog).toHaveTextContent("这条修改记录无法撤销");
    await user.click(dialogButton(dialog, "删除这条记录"));
    await screen.findByText(/已删除这条无法撤销的修改记录/);
    expect(host.callsOf("writeCells")).toHaveLength(1);
    expect(undoStack(host)).toEqual([]);
    expect(screen.queryByRole("region", { name: "可撤销的修改" })).toBeNull();
  });

  test("采用重算值 is recorded too, and 撤销 restores the typed score", async () => {
    const original = brokenWorkbook();
    const { host, user } = setupPane(clone(original), deps);
    await validate(user);
    await user.click(screen.getByRole("button", { name: "采用重算值 9.5 写入 自评表!H16" }));
    await screen.findByText(/已将 自评表!H16 改为 9.5/);
    await idle();
    expect(undoStack(host).map((r) => [r.action, r.cells.length])).toEqual([["采用重算值", 1]]);
    expect(listedFindings().filter((f) => f.startsWith("自评表!H16"))).toEqual([]);
    await user.click(screen.getByRole("button", { name: "撤销「采用重算值」" }));
    await screen.findByText(/已撤销/);
    await idle();
    expect(clone(host.workbook)).toEqual(clone(original));
  });

  test("a percentage cell shows as a percentage in the dialog and on its fix button", async () => {
    // 执行率 typed 90% in a 0.00% cell; 95 ÷ 100 = 95%.
    const wb = brokenWorkbook();
    wb.sheets[0].cells[H7.row][H7.col] = { value: { kind: "number", value: 0.9 }, numberFormat: "0.00%" };
    const { host, user } = setupPane(wb, deps);
    await validate(user);
    expect(screen.getByRole("button", { name: "采用重算值 95% 写入 自评表!H7" })).toHaveTextContent(
      "采用重算值（95%）",
    );
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await confirmDialog();
    const row = dialog.querySelector<HTMLElement>('tr[data-cell="自评表!H7"]')!;
    expect([...row.querySelectorAll("td")].slice(1).map((td) => td.textContent)).toEqual(["90%", "95%"]);
    await user.click(dialogButton(dialog, "取消"));
    await dialogClosed();
    expect(host.callsOf("writeCells")).toEqual([]);

    // The report (sheet and CSV) shows the rate as the cell does, too.
    await user.click(screen.getByRole("button", { name: "导出校验报告" }));
    await screen.findByText(/已新建工作表/);
    const rows = host.callsOf("addReportSheet")[0][0] as (string | number)[][];
    const at = (name: string) => rows[0].indexOf(name);
    const h7 = rows.find((r) => r[3] === "自评表!H7" && r[at("规则代码")] === "RATE_MISMATCH");
    expect(h7?.[at("填写值")]).toBe("90%");
    expect(h7?.[at("重算值")]).toMatch(/^95(\.00)?%$/);
  });
});

describe("the hand-built plans and the core's", () => {
  const key = (p: CorrectionPlan) => ({
    ...p,
    changes: p.changes
      .map(({ ref, value, item, rule }) => ({ ref, value, item, rule }))
      .sort((a, b) => a.ref.row - b.ref.row || a.ref.col - b.ref.col),
  });
  test.each([
    ["broken form", brokenWorkbook()],
    ["grade formula showing 良, typed total 95", brokenWith("良", 95)],
  ])("agree on the %s", (_name, wb) => {
    expect(key(checkWorkbook(wb)[0].plan!)).toEqual(key(fixturePlan(wb)));
  });

  test("with the core's own plan, 全部采用重算值并写回 leaves no finding in a cell it wrote", async () => {
    const { host, user } = setupPane(brokenWith("良", 95));
    await validate(user);
    await writeAll(user);
    const written = (host.callsOf("writeCells")[0][0] as { ref: typeof H16 }[]).map((w) => w.ref);
    expect(written).toEqual([H16, H23, G24]);
    expect(listedFindings().filter((f) => /^自评表!(H16|H23|G24) /.test(f))).toEqual([]);
  });
});

describe("write-back without pending fixes", () => {
  test("writing into a blank total needs no dialog (nothing is overwritten) and is recorded for undo", async () => {
    const blank = brokenWorkbook();
    const cells = blank.sheets[0].cells;
    cells[H16.row][H16.col] = { value: { kind: "number", value: 9.5 } };
    cells[H23.row][H23.col] = undefined as never;
    const { host, user } = setupPane(blank, deps);
    await validate(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    await screen.findByText(/已写回：自评表!H23 = 99/);
    expect(host.callsOf("writeCells")).toEqual([[[{ ref: H23, value: 99 }]]]);
    await waitFor(() => expect(undoStack(host)).toHaveLength(1));
  });
});
