/** @jest-environment jsdom */
/**
 * 转换为普通公式 in the pane, on the real preview host (src/preview/previewHost.ts) with
 * samples/自定义函数示例.xlsx: 一键校验 shows ADDIN_FORMULA and the action; the plan lists every JX
 * cell before anything is written; after 确认转换 the workbook — and the downloaded file, read back —
 * holds no JX formula; 撤销转换 writes the original formulas back. Cancel writes nothing.
 */
/* global __dirname */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { findJxCells } from "../../src/core/portable/plan";
import { readXlsx } from "../../src/io/xlsxRead";
import { PreviewHost } from "../../src/preview/previewHost";
import { Pane } from "../../src/ui/Pane";

configure({ asyncUtilTimeout: 10000 });

const SAMPLE = fs.readFileSync(path.join(__dirname, "../../samples/自定义函数示例.xlsx"));

async function setup() {
  const host = new PreviewHost(null);
  await host.load(new Uint8Array(SAMPLE), "自定义函数示例.xlsx");
  const original = findJxCells(host.workbook!);
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} />
    </FluentProvider>,
  );
  const validate = screen.getByRole("button", { name: "一键校验" });
  await waitFor(() => expect(validate).toBeEnabled());
  await user.click(validate);
  await screen.findByText(/校验完成/);
  return { host, user, original };
}

test("validate → ADDIN_FORMULA → plan listed → convert: no JX left, in the grid and in the saved file; undo restores", async () => {
  const { host, user, original } = await setup();
  expect(original).toHaveLength(34);
  expect(document.querySelector('[data-finding="ADDIN_FORMULA"]')).not.toBeNull();

  await user.click(screen.getByRole("button", { name: "转换为普通公式" }));
  const plan = await screen.findByTestId("portable-plan");
  // Every JX cell is listed before anything is written: 21 built-in formulas, 13 values.
  expect(within(plan).getAllByRole("listitem")).toHaveLength(34);
  expect(plan.querySelectorAll('[data-portable-kind="formula"]')).toHaveLength(21);
  expect(plan.querySelectorAll('[data-portable-kind="value"]')).toHaveLength(13);
  expect(plan.querySelector('[data-portable-cell="自评表!G25"]')!.textContent).toContain(
    '=JX.GRADE(H24) → =LOOKUP(ROUND(H24,2),{0,60,80,90},{"差","较差","良","优"})',
  );
  expect(findJxCells(host.workbook!)).toHaveLength(34); // nothing written yet

  await user.click(screen.getByRole("button", { name: "确认转换" }));
  await screen.findByTestId("portable-done");
  expect(findJxCells(host.workbook!)).toEqual([]);
  const saved = await readXlsx(await host.currentBytes());
  expect(findJxCells(saved)).toEqual([]);
  const g25 = saved.sheets[0].cells[24]![6]!;
  expect(g25.formula).toBe('LOOKUP(ROUND(H24,2),{0,60,80,90},{"差","较差","良","优"})');
  expect(g25.value).toEqual({ kind: "text", value: "优" }); // the saved result stays until Excel recalculates
  const h14 = saved.sheets[0].cells[13]![7]!;
  expect(h14.formula).toBeUndefined();
  expect(h14.value).toEqual({ kind: "number", value: 10 });

  await user.click(screen.getByRole("button", { name: "撤销转换" }));
  await screen.findByText(/已撤销：34 个单元格恢复为原来的 JX 公式/);
  expect(findJxCells(host.workbook!)).toEqual(original);
  const restored = await readXlsx(await host.currentBytes());
  expect(findJxCells(restored)).toEqual(original);
});

test("cancel writes nothing", async () => {
  const { host, user, original } = await setup();
  await user.click(screen.getByRole("button", { name: "转换为普通公式" }));
  await screen.findByTestId("portable-plan");
  await user.click(screen.getByRole("button", { name: "取消" }));
  expect(screen.queryByTestId("portable-plan")).toBeNull();
  expect(findJxCells(host.workbook!)).toEqual(original);
  expect(Buffer.from(await host.currentBytes()).equals(SAMPLE)).toBe(true);
});

test("the downloaded file keeps the last write of a cell: a value written after the conversion wins, and the reverse", async () => {
  const host = new PreviewHost(null);
  await host.load(new Uint8Array(SAMPLE), "自定义函数示例.xlsx");
  const h24 = { sheet: "自评表", row: 23, col: 7 };
  await host.writeFormulas([{ ref: h24, formula: "I7+ROUND(SUM(H14:H23),2)" }]);
  await host.writeCells([{ ref: h24, value: 99.03 }]);
  let cell = (await readXlsx(await host.currentBytes())).sheets[0].cells[23]![7]!;
  expect(cell.formula).toBeUndefined();
  expect(cell.value).toEqual({ kind: "number", value: 99.03 });

  await host.writeFormulas([{ ref: h24, formula: "I7+ROUND(SUM(H14:H23),2)" }]);
  cell = (await readXlsx(await host.currentBytes())).sheets[0].cells[23]![7]!;
  expect(cell.formula).toBe("I7+ROUND(SUM(H14:H23),2)");
});
