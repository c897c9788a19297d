/* global Storage, TextEncoder */
/** The browser preview's WorkbookHost over an .xlsx in memory (ExcelJS via src/io). */
import { describe, expect, test } from "@jest/globals";
import type { Workbook } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/check";
import { buildMarks } from "../../src/ui/logic";
import * as ExcelJS from "exceljs";
import { HostError } from "../../src/host/host";
import { readXlsx } from "../../src/io/xlsxRead";
import { workbookToXlsx } from "../../src/io/xlsxWrite";
import { PreviewHost } from "../../src/preview/previewHost";
import { brokenWorkbook, G24, H16, H23 } from "./fixtures";

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
}

async function loaded(): Promise<{ host: PreviewHost; storage: MemoryStorage }> {
  const storage = new MemoryStorage();
  const host = new PreviewHost(storage as unknown as Storage);
  await host.load(await workbookToXlsx(brokenWorkbook()), "测试.xlsx");
  return { host, storage };
}

function valueAt(wb: Workbook, sheet: string, row: number, col: number) {
  return wb.sheets.find((s) => s.name === sheet)?.cells[row]?.[col]?.value;
}

describe("PreviewHost", () => {
  test("before a file is opened, reading fails with a code", async () => {
    const host = new PreviewHost(null);
    await expect(host.readWorkbook()).rejects.toMatchObject({ name: "HostError", code: "NoFile" });
  });

  test("a file that is not an .xlsx fails with InvalidFile and keeps nothing", async () => {
    const host = new PreviewHost(null);
    const err = await host
      .load(new TextEncoder().encode("not a zip"), "坏文件.xlsx")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("InvalidFile");
    expect(host.workbook).toBeNull();
  });

  test("marks: one per cell, a cell inside a merge is marked on its top-left cell; clear removes all", async () => {
    const { host } = await loaded();
    let notified = 0;
    host.subscribe(() => notified++);
    // The grade value G24 is merged over G24:I24; a mark on H24 lands on G24.
    await host.applyMarks([
      { ref: H16, severity: "error" },
      { ref: { sheet: "自评表", row: 23, col: 7 }, severity: "warning" },
    ]);
    expect(await host.markedCount()).toBe(2);
    expect([...host.marks.values()].map((m) => [m.ref.row, m.ref.col, m.severity])).toEqual([
      [15, 7, "error"],
      [23, 6, "warning"],
    ]);
    // Applying again replaces, never doubles.
    await host.applyMarks([{ ref: H16, severity: "error" }]);
    expect(await host.markedCount()).toBe(1);
    await host.clearMarks();
    expect(await host.markedCount()).toBe(0);
    expect(notified).toBe(3);
  });

  test("inspect and write: the grid and the downloaded copy both change; formulas are reported", async () => {
    const { host } = await loaded();
    const [total, grade] = await host.inspectCells([H23, G24]);
    expect(total.value).toEqual({ kind: "number", value: 99.5 });
    expect(grade.formula).toBe('IF(H23>=90,"优",IF(H23>=80,"良","较差"))');

    await host.writeCells([
      { ref: H23, value: 99 },
      { ref: G24, value: "优" },
    ]);
    const wb = await host.readWorkbook();
    expect(valueAt(wb, "自评表", 22, 7)).toEqual({ kind: "number", value: 99 });
    const [afterGrade] = await host.inspectCells([G24]);
    expect(afterGrade.formula).toBeUndefined();

    const copy = await readXlsx(await host.currentBytes());
    expect(valueAt(copy, "自评表", 22, 7)).toEqual({ kind: "number", value: 99 });
    expect(valueAt(copy, "自评表", 23, 6)).toEqual({ kind: "text", value: "优" });
  });

  test("a write to a missing sheet fails with ItemNotFound and writes nothing", async () => {
    const { host } = await loaded();
    const err = await host
      .writeCells([
        { ref: H23, value: 1 },
        { ref: { sheet: "没有这张表", row: 0, col: 0 }, value: 2 },
      ])
      .catch((e: unknown) => e);
    expect((err as HostError).code).toBe("ItemNotFound");
    expect(valueAt(await host.readWorkbook(), "自评表", 22, 7)).toEqual({ kind: "number", value: 99.5 });
  });

  test("report sheets get unique names and go into the downloaded copy", async () => {
    const { host } = await loaded();
    const rows = [
      ["单元格", "问题说明"],
      ["自评表!H16", "得分不符"],
    ];
    expect(await host.addReportSheet(rows)).toBe("校验报告");
    expect(await host.addReportSheet(rows)).toBe("校验报告2");
    // A named sheet (the 复核底稿 of 导出校验报告), numbered the same way when taken.
    expect(await host.addReportSheet(rows, "复核底稿")).toBe("复核底稿");
    expect(await host.addReportSheet(rows, "复核底稿")).toBe("复核底稿2");
    const copy = await readXlsx(await host.currentBytes());
    expect(copy.sheets.map((s) => s.name)).toEqual([
      "自评表",
      "校验报告",
      "校验报告2",
      "复核底稿",
      "复核底稿2",
    ]);
    expect(valueAt(copy, "校验报告", 1, 0)).toEqual({ kind: "text", value: "自评表!H16" });
  });

  test("settings live in localStorage under the add-in's prefix", async () => {
    const { host, storage } = await loaded();
    expect(await host.loadSetting("profile")).toBeNull();
    await host.saveSetting("profile", "national");
    expect(await host.loadSetting("profile")).toBe("national");
    expect([...storage.data.keys()]).toEqual(["jixiao-zipingzhushou:profile"]);
  });

  test("the undo record is kept per file name; the profile for the browser", async () => {
    const { host, storage } = await loaded();
    await host.saveSetting("undo", "[1]");
    await host.saveSetting("profile", "national");
    expect([...storage.data.keys()].sort()).toEqual([
      "jixiao-zipingzhushou:profile",
      "jixiao-zipingzhushou:undo:测试.xlsx",
    ]);
    await host.load(await workbookToXlsx(brokenWorkbook()), "另一个.xlsx");
    expect(await host.loadSetting("undo")).toBeNull();
    expect(await host.loadSetting("profile")).toBe("national");
  });

  test("undo writes: a formula comes back with its last result, '' empties a cell, in the grid and the copy", async () => {
    const { host } = await loaded();
    const formula = 'IF(H23>=90,"优",IF(H23>=80,"良","较差"))';
    await host.writeCells([
      { ref: G24, value: "良" },
      { ref: H16, value: 9.5 },
    ]);
    await host.writeCells([
      { ref: G24, value: "优", formula },
      { ref: H16, value: "" },
    ]);
    const grid = await host.readWorkbook();
    expect(grid.sheets[0].cells[G24.row][G24.col]).toMatchObject({
      value: { kind: "text", value: "优" },
      formula,
    });
    expect(grid.sheets[0].cells[H16.row][H16.col]?.value).toEqual({ kind: "empty" });
    const copy = await readXlsx(await host.currentBytes());
    expect(copy.sheets[0].cells[G24.row][G24.col]).toMatchObject({
      value: { kind: "text", value: "优" },
      formula,
    });
    expect(copy.sheets[0].cells[H16.row]?.[H16.col]?.value ?? { kind: "empty" }).toEqual({ kind: "empty" });
  });

  test("selectCell on a missing sheet fails with a code; on a merged cell selects its top-left cell", async () => {
    const { host } = await loaded();
    await expect(host.selectCell({ sheet: "无", row: 0, col: 0 })).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    await host.selectCell({ sheet: "自评表", row: 23, col: 8 });
    expect(host.selected).toEqual(G24);
  });

  describe("下载已标注副本: exactly what the session applied, the marks the grid shows", () => {
    async function cellsOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return wb;
    }
    const fillOf = (c: ExcelJS.Cell): string | undefined =>
      (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb as string | undefined;

    test("validated, nothing applied: the typed values, the fills of the marks, the 复核底稿; named （已标注）", async () => {
      const { host } = await loaded();
      const results = checkWorkbook(await host.readWorkbook());
      expect(results[0].plan!.changes.length).toBeGreaterThan(0); // the rules would change cells
      await host.applyMarks(buildMarks(results));
      const original = await readXlsx(await host.currentBytes());
      const bytes = await host.markedCopy(results);
      const copy = await readXlsx(bytes);
      expect(copy.sheets.map((x) => x.name)).toEqual(["自评表", "复核底稿"]);
      const values = (w: Workbook) => w.sheets[0].cells.map((r) => (r ?? []).map((c) => c?.value ?? null));
      expect(values(copy)).toEqual(values(original));
      const ws = (await cellsOf(bytes)).getWorksheet("自评表")!;
      for (const m of host.marks.values())
        expect(fillOf(ws.getCell(m.ref.row + 1, m.ref.col + 1))).toBeTruthy();
      expect(host.copyKind()).toBe("marked");
    });

    test("one fix applied, marks cleared: that one value changed, no fill, no note; named （已改正）", async () => {
      const { host } = await loaded();
      await host.applyMarks(buildMarks(checkWorkbook(await host.readWorkbook())));
      await host.writeCells([{ ref: H23, value: 99 }]);
      await host.clearMarks();
      const results = checkWorkbook(await host.readWorkbook());
      const bytes = await host.markedCopy(results);
      const ws = (await cellsOf(bytes)).getWorksheet("自评表")!;
      expect(ws.getCell(H23.row + 1, H23.col + 1).value).toBe(99);
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          expect({ at: c.address, fill: fillOf(c), note: c.note }).toEqual({
            at: c.address,
            fill: undefined,
            note: undefined,
          });
        }),
      );
      expect(host.changedCells()).toEqual([H23]);
      expect(host.copyKind()).toBe("fixed");
      // Undone (the old value written back): no change left, the name says （已标注） again.
      await host.writeCells([{ ref: H23, value: 99.5 }]);
      expect(host.changedCells()).toEqual([]);
      expect(host.copyKind()).toBe("marked");
    });
  });
});
