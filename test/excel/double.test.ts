/**
 * The double's own strictness: if these did not hold, the adapter tests would prove little.
 * Calls are made the way the Excel API is called; the context is typed loosely on purpose.
 */
/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/no-empty-load -- this file misuses the API on purpose, to prove the double refuses it */
import { describe, expect, test } from "@jest/globals";
import { DoubleMisuse, emptySheet, ExcelDouble, RichApiError } from "./double/excelDouble";

type Ctx = any;

function dbl(): ExcelDouble {
  return new ExcelDouble({
    sheets: [emptySheet("表", { cells: { "0,0": { value: 1 }, "1,1": { value: "x" } } }), emptySheet("另一")],
    settings: {},
  });
}

describe("load/sync discipline", () => {
  test("reading before load+sync throws PropertyNotLoaded; after sync it reads", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("表").getRange("A1:B2");
      expect(() => r.values).toThrow(RichApiError);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await context.sync();
      const values = r.values;
      expect(values).toEqual([
        [1, ""],
        ["", "x"],
      ]);
    });
    expect(d.syncCount).toBe(1);
  });

  test("empty loads and navigation loads are refused", async () => {
    await dbl().run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("表").getRange("A1");
      expect(() => r.load()).toThrow(DoubleMisuse);
      expect(() => r.load("format")).toThrow(DoubleMisuse);
      expect(() => context.workbook.worksheets.load("name")).toThrow(DoubleMisuse);
    });
  });

  test("writes wait for sync; a failing command keeps earlier writes, drops later ones and all loads", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("C1").values = [[5]];
      expect(d.cell("表", "C1")).toBeUndefined();
      const a1 = ws.getRange("A1");
      a1.load("values");
      context.workbook.worksheets.getItem("没有").getRange("A1").values = [[1]];
      ws.getRange("D1").values = [[6]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(d.cell("表", "C1")).toEqual({ value: 5 });
      expect(d.cell("表", "D1")).toBeUndefined();
      expect(() => a1.values).toThrow(RichApiError);
    });
  });

  test("isNullObject after sync; calling through a null object is a misuse", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      const used = context.workbook.worksheets.getItem("另一").getUsedRangeOrNullObject(true);
      used.load("values");
      expect(() => missing.isNullObject).toThrow(DoubleMisuse);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.values).toThrow(DoubleMisuse);
      missing.getUsedRangeOrNullObject(true).load("values");
      await expect(context.sync()).rejects.toThrow(DoubleMisuse);
    });
  });
});

describe("Excel behaviours the adapter relies on", () => {
  test("getRanges refuses address strings of 8,200+ characters", async () => {
    const long = Array.from({ length: 1100 }, (_, i) => `AB${10000 + i}`).join(","); // 1100 × 8 − 1 = 8,799
    expect(long.length).toBeGreaterThanOrEqual(8200);
    await dbl().run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("表").getRanges(long).format.fill.color = "#FFC7CE";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("no fill reads as #FFFFFF / None / tint null, a white fill as #FFFFFF / Solid / 0", async () => {
    const d = dbl();
    d.setCell("表", "B1", {
      fill: { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 },
    });
    await d.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("表");
      const none = ws.getRange("A1").format.fill;
      const white = ws.getRange("B1").format.fill;
      none.load("color,pattern,tintAndShade");
      white.load("color,pattern,tintAndShade");
      await context.sync();
      expect([none.color, none.pattern, none.tintAndShade]).toEqual(["#FFFFFF", "None", null]);
      expect([white.color, white.pattern, white.tintAndShade]).toEqual(["#FFFFFF", "Solid", 0]);
    });
  });

  test("getCellProperties: fills per cell as RangeFill reports them, value only after the sync", async () => {
    const d = dbl();
    d.setCell("表", "B1", {
      value: 2,
      fill: { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 },
    });
    d.setCell("表", "A2", {
      fill: { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0 },
    });
    await d.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("表").getRange("A1:B2");
      const props = r.getCellProperties({
        format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
      });
      expect(() => props.value).toThrow(RichApiError);
      await context.sync();
      const fills = props.value.map((row: any[]) => row.map((c) => c.format.fill));
      expect(fills).toEqual([
        [
          { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null },
          { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 },
        ],
        [
          { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0 },
          { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null },
        ],
      ]);
      // Only the properties asked for come back.
      const colours = r.getCellProperties({ format: { fill: { color: true } } });
      await context.sync();
      expect(colours.value[0][1]).toEqual({ format: { fill: { color: "#FFFFFF" } } });
    });
    expect(d.cellPropertiesReads).toBe(2);
  });

  test("getCellProperties refuses what it does not model, and unbounded ranges", async () => {
    await dbl().run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("表");
      expect(() => ws.getRange("A1").getCellProperties({ format: { font: { bold: true } } })).toThrow(
        DoubleMisuse,
      );
      expect(() => ws.getRange("A1").getCellProperties({ address: true })).toThrow(DoubleMisuse);
      expect(() => ws.getRange("A1").getCellProperties({ format: { fill: {} } })).toThrow(DoubleMisuse);
      ws.getRange("A:A").getCellProperties({ format: { fill: { color: true } } });
      await expect(context.sync()).rejects.toThrow(DoubleMisuse);
    });
  });

  test("a failed sync delivers no getCellProperties result", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      const props = context.workbook.worksheets
        .getItem("表")
        .getRange("A1")
        .getCellProperties({ format: { fill: { color: true } } });
      context.workbook.worksheets.getItem("没有").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => props.value).toThrow(RichApiError);
    });
  });

  test("Worksheet.getUsedRange is never null: A1 on a blank sheet; valuesOnly ignores formatting", async () => {
    const d = dbl();
    d.setCell("另一", "C3", {
      fill: { color: "#92D050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 },
    });
    await d.run(async (context: Ctx) => {
      const other = context.workbook.worksheets.getItem("另一");
      const valuesOnly = other.getUsedRange(true);
      const all = other.getUsedRange();
      const table = context.workbook.worksheets.getItem("表").getUsedRange(true);
      for (const r of [valuesOnly, all, table]) r.load("address");
      await context.sync();
      expect([valuesOnly.address, all.address, table.address]).toEqual(["另一!A1", "另一!C3", "表!A1:B2"]);
      expect(valuesOnly.isNullObject).toBe(false);
    });
  });

  test("strings are parsed like typed input unless the cell is text-formatted", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("另一");
      ws.getRange("A1:B1").values = [["12", "=A1"]];
      const text = ws.getRange("A2:B2");
      text.numberFormat = [["@", "@"]];
      text.values = [["12", "=A1"]];
      await context.sync();
    });
    expect(d.cell("另一", "A1")).toEqual({ value: 12 });
    expect(d.cell("另一", "B1")?.formula).toBe("=A1");
    expect(d.cell("另一", "A2")).toEqual({ value: "12", numberFormat: "@" });
    expect(d.cell("另一", "B2")).toEqual({ value: "=A1", numberFormat: "@" });
  });

  test("protected sheets refuse writes to locked cells and unpermitted formatting", async () => {
    const d = new ExcelDouble({
      sheets: [emptySheet("锁", { protected: true, cells: { "1,0": { locked: false } } })],
      settings: {},
    });
    await d.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("锁");
      ws.getRange("A2").values = [[1]];
      await context.sync();
      ws.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.getRanges("A2").format.fill.color = "#FFC7CE";
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(d.cell("锁", "A2")).toEqual({ locked: false, value: 1 });
  });

  test("save and reopen keep the content and give sheets new ids", () => {
    const d = dbl();
    const again = ExcelDouble.reopen(d.save());
    expect(again.sheet("表").cells).toEqual(d.sheet("表").cells);
    expect(again.sheet("表").id).not.toBe(d.sheet("表").id);
  });

  test("commands left queued at the end of run are flushed and counted as an implicit sync", async () => {
    const d = dbl();
    await d.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("表").getRange("E5").values = [[1]];
    });
    expect(d.cell("表", "E5")).toEqual({ value: 1 });
    expect(d.implicitSyncs).toBe(1);
    expect(d.syncCount).toBe(0);
  });
});
