/**
 * What real Excel does and the mocks did not: older requirement sets, references that move, a protected
 * workbook structure, the 5 MB response limit of Excel on the web, hidden sheets. Each case runs the
 * adapter against the Excel double configured like such a build or workbook.
 */
import { describe, expect, test } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import { buildStandardForm } from "../../src/core/template";
import { createExcelHost, type ExcelHostOptions } from "../../src/excel/excelHost";
import { detectFeatures, MIN_EXCEL_API } from "../../src/excel/features";
import { MARK_COLORS } from "../../src/excel/fills";
import { RECORD_SETTING, RECORD_SHEET } from "../../src/excel/record";
import { CELL_BUDGET } from "../../src/excel/readPlan";
import { HostError, type WorkbookHost } from "../../src/host/host";
import { correctSpec } from "../checks/fixtures";
import {
  apiAtLeast,
  emptySheet,
  ExcelDouble,
  sheetDataFromGrid,
  type CellData,
  type DoubleOptions,
  type FillData,
  type SheetData,
} from "./double/excelDouble";

const GREEN: FillData = { color: "#92D050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
const RED = MARK_COLORS.error;
const MB = 1024 * 1024;

function book(sheets: SheetData[], options: DoubleOptions = {}, structureProtected = false): ExcelDouble {
  return new ExcelDouble({ sheets, settings: {}, structureProtected }, options);
}

/** A host on the double, with the features a build of `options.apiVersion` reports. */
function hostOn(dbl: ExcelDouble, extra: ExcelHostOptions = {}): WorkbookHost {
  const version = dbl.options.apiVersion;
  return createExcelHost({
    run: dbl.run,
    settings: dbl.settings,
    features: detectFeatures((v) => version === undefined || apiAtLeast(version, v)),
    ...extra,
  });
}

const at = (sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[2]) - 1, col: col - 1 };
};

async function hostError(p: Promise<unknown>): Promise<HostError> {
  const err = await p.then(
    () => new Error("expected a HostError"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostError);
  return err as HostError;
}

/** B1:B{n} holding 10, 20, … (B{k} = 10k); the rows listed in `green` (1-based) filled green. */
function rowsSheet(name: string, n: number, green: number[] = []): SheetData {
  const cells: Record<string, CellData> = {};
  for (let r = 1; r <= n; r++) {
    cells[`${r - 1},1`] = { value: r * 10 };
    if (green.includes(r)) cells[`${r - 1},1`].fill = GREEN;
  }
  return emptySheet(name, { cells });
}

describe("requirement sets: the declared minimum is enough, newer calls are gated", () => {
  test(`ExcelApi ${MIN_EXCEL_API}: read, mark, count, clear, select, write and report all work, fills restored`, async () => {
    const dbl = book([rowsSheet("表", 6, [2]), emptySheet("其他")], { apiVersion: MIN_EXCEL_API });
    const original = structuredClone(dbl.sheet("表").cells);
    const host = hostOn(dbl);
    const wb = await host.readWorkbook();
    expect(wb.sheets[0].cells[2]?.[1]?.value).toEqual({ kind: "number", value: 30 }); // B3
    await host.applyMarks([
      { ref: at("表", "B3"), severity: "error" },
      { ref: at("表", "B4"), severity: "warning" },
    ]);
    expect(dbl.fill("表", "B3")?.color).toBe(RED);
    expect(await host.markedCount()).toBe(2);
    await host.clearMarks();
    expect(dbl.sheet("表").cells).toEqual(original);
    expect(await host.markedCount()).toBe(0);
    await host.selectCell(at("表", "B5"));
    expect(dbl.selection).toEqual({ sheet: "表", address: "B5" });
    await host.writeCells([{ ref: at("其他", "A1"), value: 94.07 }]);
    expect(dbl.cell("其他", "A1")).toEqual({ value: 94.07 });
    expect(await host.addReportSheet([["问题"], ["总分不符"]])).toBe("校验报告");
  });

  test("below the minimum (ExcelApi 1.3) reading fails: the manifest's minimum is the real one", async () => {
    const dbl = book([rowsSheet("表", 3)], { apiVersion: "1.3" });
    const err = await hostError(hostOn(dbl).readWorkbook());
    expect(err.code).toBe("ApiNotFound");
    expect(err.message).toContain("读取工作簿失败");
  });
});

describe("the restore record follows the cells (=ROW(…) references in the record sheet)", () => {
  test("rows inserted above a mark: the moved cell is restored, the cell now at the old address is untouched", async () => {
    const dbl = book([rowsSheet("表", 10, [6])]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([{ ref: at("表", "B6"), severity: "error" }]); // B6 = 60, green
    dbl.insertRows("表", 2, 3); // three rows inserted above row 3: B6 moves to B9
    dbl.setCell("表", "B6", { value: "新数据", fill: { ...GREEN, color: "#FFFF00" } });
    await host.clearMarks();
    expect(dbl.cell("表", "B9")).toEqual({ value: 60, fill: GREEN });
    expect(dbl.cell("表", "B6")).toEqual({ value: "新数据", fill: { ...GREEN, color: "#FFFF00" } });
    expect(dbl.sheetNames()).toEqual(["表"]);
  });

  test("a marked cell cut and pasted elsewhere is restored where it went; its old place is left alone", async () => {
    const dbl = book([rowsSheet("表", 10, [3])]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([{ ref: at("表", "B3"), severity: "error" }]); // B3 = 30, green
    dbl.moveCell("表", "B3", "D8");
    dbl.setCell("表", "B3", { value: "新" });
    await host.clearMarks();
    expect(dbl.cell("表", "D8")).toEqual({ value: 30, fill: GREEN });
    expect(dbl.cell("表", "B3")).toEqual({ value: "新" });
  });

  test("sorted after marking: the cell sorted into a marked place is not painted over; recoloured cells are kept", async () => {
    const dbl = book([rowsSheet("表", 10, [3])]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([
      { ref: at("表", "B3"), severity: "error" }, // B3 = 30, green underneath
      { ref: at("表", "B5"), severity: "error" }, // B5 = 50, no fill underneath
      { ref: at("表", "B9"), severity: "warning" },
    ]);
    dbl.swapRows("表", 2, 6); // a sort: row 3 (marked) and row 7 (not marked) trade places
    const yellow = { color: "#FFFF00", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
    dbl.setCell("表", "B9", { value: 90, fill: yellow }); // the user recoloured B9 themselves
    await host.clearMarks();
    expect(dbl.cell("表", "B3")).toEqual({ value: 70 }); // row 7's cell, not painted green
    expect(dbl.cell("表", "B5")).toEqual({ value: 50 }); // unmoved mark restored
    expect(dbl.cell("表", "B9")).toEqual({ value: 90, fill: yellow });
    expect(dbl.fill("表", "B7")?.color).toBe(RED); // the limitation the README states: clear before sorting
  });

  test("a deleted marked row is skipped; the others are restored where they moved", async () => {
    const dbl = book([rowsSheet("表", 10)]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([
      { ref: at("表", "B4"), severity: "error" },
      { ref: at("表", "B8"), severity: "error" },
    ]);
    dbl.deleteRows("表", 3, 1); // row 4 (B4 = 40) deleted; B8 = 80 moves to B7
    expect(await host.markedCount()).toBe(1);
    await host.clearMarks();
    expect(dbl.cell("表", "B7")).toEqual({ value: 80 });
    expect(dbl.cell("表", "B4")).toEqual({ value: 50 }); // the row that moved up was never marked
    expect(dbl.sheetNames()).toEqual(["表"]);
  });

  test("re-validating after an insertion restores the moved old mark and paints the new one", async () => {
    const dbl = book([rowsSheet("表", 10)]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([{ ref: at("表", "B3"), severity: "error" }]);
    dbl.insertRows("表", 0, 1); // B3 → B4
    await host.readWorkbook();
    await host.applyMarks([{ ref: at("表", "B8"), severity: "warning" }]);
    expect(dbl.cell("表", "B4")).toEqual({ value: 30 }); // old mark gone from the cell it moved to
    expect(dbl.fill("表", "B8")?.color).toBe(MARK_COLORS.warning);
    await host.clearMarks();
    expect(Object.values(dbl.sheet("表").cells).every((c) => c.fill === undefined)).toBe(true);
  });
});

describe("workbook structure protection", () => {
  test("marks are recorded in the document settings (no sheet can be added) and cleared exactly", async () => {
    const dbl = book([rowsSheet("表", 6, [2])], {}, true);
    const original = structuredClone(dbl.sheet("表").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([
      { ref: at("表", "B3"), severity: "error" },
      { ref: at("表", "B5"), severity: "info" },
    ]);
    expect(dbl.sheetNames()).toEqual(["表"]);
    expect(dbl.fill("表", "B3")?.color).toBe(RED);
    expect(typeof dbl.save().settings[RECORD_SETTING]).toBe("string"); // saved with the file
    // after save and reopen
    const reopened = ExcelDouble.reopen(dbl.save());
    const host2 = hostOn(reopened);
    expect(await host2.markedCount()).toBe(2);
    await host2.clearMarks();
    expect(reopened.sheet("表").cells).toEqual(original);
    expect(reopened.save().settings[RECORD_SETTING]).toBeUndefined();
  });

  test("a record sheet made before the protection is emptied, not deleted, when the marks are cleared", async () => {
    const dbl = book([rowsSheet("表", 6)]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([{ ref: at("表", "B3"), severity: "error" }]);
    dbl.data.structureProtected = true;
    await host.clearMarks();
    expect(dbl.cell("表", "B3")).toEqual({ value: 30 });
    expect(await host.markedCount()).toBe(0);
  });

  test("the report sheet is refused with a Chinese reason before anything is tried", async () => {
    const dbl = book([rowsSheet("表", 3)], {}, true);
    const err = await hostError(hostOn(dbl).addReportSheet([["问题"]]));
    expect(err.code).toBe("WorkbookProtected");
    expect(err.message).toMatch(/工作簿结构受保护.*审阅 → 保护工作簿/);
    expect(dbl.sheetNames()).toEqual(["表"]);
  });

  test("the refusal names the sheet asked for (复核底稿), not 校验报告", async () => {
    const dbl = book([rowsSheet("表", 3)], {}, true);
    const err = await hostError(hostOn(dbl).addReportSheet([["核查项"]], "复核底稿"));
    expect(err.code).toBe("WorkbookProtected");
    expect(err.message).toContain("无法新建「复核底稿」工作表");
    expect(dbl.sheetNames()).toEqual(["表"]);
  });
});

describe("size-aware reading: a form beside a 100,000-row data sheet", () => {
  /** 100,000 rows × 5 columns of realistic data (Chinese text, numbers, a formula). */
  function dataSheet(rows = 100_000): SheetData {
    const cells: Record<string, CellData> = {};
    for (let r = 0; r < rows; r++) {
      cells[`${r},0`] = { value: r + 1 };
      cells[`${r},1`] = { value: `某某单位项目支出明细第${r + 1}笔` };
      cells[`${r},2`] = { value: 1234.56 + r, numberFormat: "#,##0.00" };
      cells[`${r},3`] = { value: "财政拨款" };
      cells[`${r},4`] = { formula: `=C${r + 1}/10000`, value: (1234.56 + r) / 10000 };
    }
    return emptySheet("支出明细", { cells });
  }

  test("Excel on the web (5 MB per response): read in 2 syncs, each ≤ 4 MB; the form is found; the data sheet is cut", async () => {
    const form = sheetDataFromGrid(buildStandardForm(correctSpec(), { origin: { row: 4, col: 2 } }));
    const dbl = book([form, dataSheet()], { maxResponseBytes: 5 * MB });
    const host = hostOn(dbl);
    const wb = await host.readWorkbook();
    expect(dbl.syncCount).toBe(2);
    for (const bytes of dbl.responseBytes) expect(bytes).toBeLessThanOrEqual(4 * MB);
    const [result] = checkWorkbook(wb);
    expect(result.form?.sheet).toBe("自评表");
    const data = wb.sheets.find((s) => s.name === "支出明细")!;
    expect(data.truncated?.rows).toBe(100_000);
    expect(data.truncated!.rowsRead).toBeGreaterThan(0);
    expect(data.cells.length).toBe(data.truncated!.rowsRead);
    expect(wb.sheets[0].truncated).toBeUndefined();
    // then marking: one write sync
    await host.applyMarks([{ ref: { sheet: "自评表", row: 10, col: 4 }, severity: "error" }]);
    expect(dbl.syncCount).toBe(3);
  }, 60_000);

  test("a sheet beyond its window but small enough is read in full in one more sync", async () => {
    const form = sheetDataFromGrid(buildStandardForm(correctSpec(), { origin: { row: 4, col: 2 } }));
    const long = rowsSheet("长表", 1500); // B1:B1500, beyond the window of 3 sheets
    const dbl = book([form, long, emptySheet("空白")], { maxResponseBytes: 5 * MB });
    const wb = await hostOn(dbl).readWorkbook();
    expect(dbl.syncCount).toBe(3);
    const sheet = wb.sheets.find((s) => s.name === "长表")!;
    expect(sheet.truncated).toBeUndefined();
    expect(sheet.cells[1499]?.[1]?.value).toEqual({ kind: "number", value: 15000 }); // B1500
    expect(1500 * 2).toBeLessThanOrEqual(CELL_BUDGET);
  });
});

describe("size-aware reading: cells of long text", () => {
  test("a window refused as too large is read again a quarter the size, without fills; nothing fails", async () => {
    // 1,200 rows × 20 columns of 100-character Chinese text: ≈ 24,000 × 700 bytes ≫ 5 MB in one window.
    const text = "某某单位支出说明".repeat(13).slice(0, 100);
    const cells: Record<string, CellData> = {};
    for (let r = 0; r < 1200; r++) for (let c = 0; c < 20; c++) cells[`${r},${c}`] = { value: text };
    const dbl = book([emptySheet("说明", { cells })], { maxResponseBytes: 5 * MB });
    const wb = await hostOn(dbl).readWorkbook();
    expect(dbl.responseBytes[1]).toBeGreaterThan(5 * MB); // the first window read was refused
    for (const bytes of dbl.responseBytes.slice(2)) expect(bytes).toBeLessThanOrEqual(5 * MB);
    const sheet = wb.sheets[0];
    expect(sheet.truncated).toEqual({ rowsRead: sheet.cells.length, rows: 1200 });
    expect(sheet.cells[0]?.[19]?.value).toEqual({ kind: "text", value: text });
  });
});

describe("hidden sheets", () => {
  test("a finding on a hidden sheet says the sheet is hidden and how to show it; nothing fails half-way", async () => {
    const dbl = book([rowsSheet("表", 3), rowsSheet("附表", 3)]);
    dbl.sheet("附表").visibility = "Hidden";
    const err = await hostError(hostOn(dbl).selectCell(at("附表", "B2")));
    expect(err.code).toBe("SheetHidden");
    expect(err.message).toContain("「附表」是隐藏的");
    expect(err.message).toContain("取消隐藏");
    expect(dbl.activeSheet).toBeNull();
    expect(dbl.sheet("附表").visibility).toBe("Hidden"); // never unhidden behind the user's back
  });
});
