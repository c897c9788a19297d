/* global globalThis, structuredClone */
/**
 * The Excel adapter against the strict in-memory Excel double (test/excel/double/excelDouble.ts).
 * Sync counts are asserted exactly; expected grids come from buildStandardForm (what the core reads
 * from any host), expected fills from the cells as the tests set them up.
 */
import { describe, expect, test } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import { a1, type CellRange, type CellRef, type Sheet } from "../../src/core/grid";
import type { Severity } from "../../src/core/model";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { createExcelHost, type ExcelHostOptions } from "../../src/excel/excelHost";
import { MARK_COLORS } from "../../src/excel/fills";
import { RECORD_SHEET } from "../../src/excel/record";
import { HostError, type MarkSpec, type WorkbookHost } from "../../src/host/host";
import { correctSpec } from "../checks/fixtures";
import {
  emptySheet,
  ExcelDouble,
  sheetDataFromGrid,
  type DoubleOptions,
  type FillData,
  type SheetData,
  type WorkbookData,
} from "./double/excelDouble";

const ORIGIN = { row: 4, col: 2 }; // the form starts at C5

function sampleSheet(): Sheet {
  return buildStandardForm(correctSpec(), { origin: ORIGIN });
}

function book(sheets: SheetData[], options?: DoubleOptions): ExcelDouble {
  return new ExcelDouble({ sheets, settings: {} }, options);
}

function hostOn(dbl: ExcelDouble, extra: ExcelHostOptions = {}): WorkbookHost {
  return createExcelHost({
    run: dbl.run,
    settings: dbl.settings,
    features: { fillDetails: true, mergedAreas: true },
    ...extra,
  });
}

/** Syncs made by one call. */
async function syncsOf<T>(dbl: ExcelDouble, fn: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = dbl.syncCount;
  const implicitBefore = dbl.implicitSyncs;
  const result = await fn();
  expect(dbl.implicitSyncs).toBe(implicitBefore); // every batch ends with an explicit sync
  return { result, syncs: dbl.syncCount - before };
}

const ref = (sheet: string, address: string): CellRef => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[2]) - 1, col: col - 1 };
};
const mark = (sheet: string, address: string, severity: Severity = "error"): MarkSpec => ({
  ref: ref(sheet, address),
  severity,
});

const GREEN: FillData = { color: "#92D050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
const WHITE: FillData = { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
const HATCH: FillData = { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0 };

/** A sheet with four kinds of fill: B2 green, B3 white (a real fill), B4 hatched, B5 none. */
function fillSheet(name = "填充"): SheetData {
  return emptySheet(name, {
    cells: {
      "1,1": { value: 1, fill: GREEN },
      "2,1": { value: 2, fill: WHITE },
      "3,1": { value: 3, fill: HATCH },
      "4,1": { value: 4 },
      "5,1": { value: "备注" },
    },
  });
}

async function expectHostError(p: Promise<unknown>, code: string): Promise<HostError> {
  const err = await p.then(
    () => {
      throw new Error(`expected HostError ${code}`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe(code);
  return err as HostError;
}

// ───────────────────────────── reading ─────────────────────────────

describe("readWorkbook", () => {
  test("the sample form at C5 reads back as the grid the core expects, in 2 syncs", async () => {
    const grid = sampleSheet();
    const dbl = book([sheetDataFromGrid(grid), emptySheet("空白页")]);
    const host = hostOn(dbl);
    const { result: wb, syncs } = await syncsOf(dbl, () => host.readWorkbook());
    expect(syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["自评表", "空白页"]);
    const s = wb.sheets[0];
    expect(s.cells).toEqual(grid.cells);
    const byTopLeft = (x: CellRange, y: CellRange): number => x.top - y.top || x.left - y.left;
    expect([...s.merges].sort(byTopLeft)).toEqual([...grid.merges].sort(byTopLeft));
    expect(s.hidden).toBeUndefined();
    // Absolute coordinates: the title is at C5 = (4, 2), nothing above or left of it.
    expect(s.cells[4]?.[2]?.value).toEqual({ kind: "text", value: "部门整体支出绩效自评表" });
    expect(s.cells.slice(0, 4).every((r) => r === undefined)).toBe(true);
    expect(wb.sheets[1]).toEqual({ name: "空白页", cells: [], merges: [] });
  });

  test("the core finds the form in what readWorkbook returns", async () => {
    const dbl = book([sheetDataFromGrid(sampleSheet())]);
    const wb = await hostOn(dbl).readWorkbook();
    const [result] = checkWorkbook(wb);
    expect(result.form?.sheet).toBe("自评表");
    expect(result.form?.bounds.top).toBe(4);
    expect(result.form?.bounds.left).toBe(2);
  });

  test("value types, formulas, number formats, hidden sheets; the record sheet is left out", async () => {
    const dbl = book([
      emptySheet("数据", {
        cells: {
          "0,0": { value: 12.5 },
          "0,1": { value: "文字" },
          "0,2": { value: true },
          "0,3": { error: "#DIV/0!", formula: "=1/0" },
          "1,0": { value: 45366, numberFormat: "yyyy-mm-dd" }, // a date stays a number with its format
          "1,1": { value: 0.76, numberFormat: "0.00%", formula: "=B9/B8" },
          "1,2": { numberFormat: "0.00%" }, // empty but formatted, inside the used range
          "1,3": { value: "", formula: '=IF(A1>100,"超","")' }, // a formula giving ""
          "2,0": { fill: GREEN }, // formatting only: outside "values only" used range
        },
      }),
      emptySheet("隐藏", { visibility: "Hidden", cells: { "0,0": { value: "x" } } }),
      emptySheet(RECORD_SHEET, { visibility: "VeryHidden", cells: { "0,0": { value: "marker" } } }),
    ]);
    const wb = await hostOn(dbl).readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["数据", "隐藏"]);
    const c = wb.sheets[0].cells;
    expect(c[0][0]).toEqual({ value: { kind: "number", value: 12.5 } });
    expect(c[0][1]).toEqual({ value: { kind: "text", value: "文字" } });
    expect(c[0][2]).toEqual({ value: { kind: "boolean", value: true } });
    expect(c[0][3]).toEqual({ value: { kind: "error", value: "#DIV/0!" }, formula: "1/0" });
    expect(c[1][0]).toEqual({ value: { kind: "number", value: 45366 }, numberFormat: "yyyy-mm-dd" });
    expect(c[1][1]).toEqual({
      value: { kind: "number", value: 0.76 },
      formula: "B9/B8",
      numberFormat: "0.00%",
    });
    expect(c[1][2]).toEqual({ value: { kind: "empty" }, numberFormat: "0.00%" });
    expect(c[1][3]).toEqual({ value: { kind: "empty" }, formula: 'IF(A1>100,"超","")' });
    expect(c[2]).toBeUndefined();
    expect(wb.sheets[1].hidden).toBe(true);
  });

  test("a sheet over the 512-merged-areas limit loses only its own merges (fallback: 1 + 1 sync per sheet)", async () => {
    const grid = sampleSheet();
    const busy = emptySheet("项目明细", {
      cells: { "0,0": { value: "项目" } },
      // 600 merged pairs in A1:T60 (10 per row), all inside the first read's window (readPlan.ts)
      merges: Array.from({ length: 600 }, (_, i) => {
        const row = Math.floor(i / 10);
        return { top: row, left: (i % 10) * 2, bottom: row, right: (i % 10) * 2 + 1 };
      }),
    });
    const dbl = book([busy, sheetDataFromGrid(grid)]);
    const { result: wb, syncs } = await syncsOf(dbl, () => hostOn(dbl).readWorkbook());
    expect(syncs).toBe(2 + 1 + 2);
    expect(wb.sheets[0]).toEqual({
      name: "项目明细",
      cells: [[{ value: { kind: "text", value: "项目" } }]],
      merges: [],
    });
    expect(wb.sheets[1].merges).toHaveLength(grid.merges.length);
    expect(wb.sheets[1].cells).toEqual(grid.cells);
  });

  test("after that fallback the fills are not in the snapshot: applyMarks reads them (2 syncs), restores exactly", async () => {
    const busy = emptySheet("项目明细", {
      cells: { "0,0": { value: "项目", fill: GREEN }, "1,0": { value: "甲" } },
      merges: Array.from({ length: 600 }, (_, i) => ({ top: i + 5, left: 0, bottom: i + 5, right: 1 })),
    });
    const dbl = book([busy]);
    const original = structuredClone(dbl.sheet("项目明细").cells);
    const host = hostOn(dbl);
    expect((await syncsOf(dbl, () => host.readWorkbook())).syncs).toBe(2 + 1 + 1);
    expect(dbl.cellPropertiesReads).toBe(0); // the first read failed whole, the second went without fills
    const applied = await syncsOf(dbl, () =>
      host.applyMarks([mark("项目明细", "A1"), mark("项目明细", "A2")]),
    );
    expect(applied.syncs).toBe(2);
    expect(dbl.fill("项目明细", "A1")?.color).toBe("#FFC7CE");
    await host.clearMarks();
    expect(dbl.sheet("项目明细").cells).toEqual(original);
  });

  test("Excel errors surface as HostError with Excel's code and a Chinese message", async () => {
    const dbl = book([fillSheet()]);
    dbl.failSync(1, "InvalidOperation", "The operation is not allowed while a cell is being edited.");
    const err = await expectHostError(hostOn(dbl).readWorkbook(), "InvalidOperation");
    expect(err.message).toContain("读取工作簿失败");
    expect(err.message).toContain("The operation is not allowed while a cell is being edited.");
  });
});

describe("inspectCells", () => {
  test("reports values and formulas of the write-back cells in 1 sync", async () => {
    const dbl = book([
      emptySheet("自评表", {
        cells: { "9,7": { value: 94.07, formula: "=SUM(H2:H9)" }, "10,7": { value: "优" }, "11,7": {} },
      }),
    ]);
    const host = hostOn(dbl);
    const { result, syncs } = await syncsOf(dbl, () =>
      host.inspectCells([ref("自评表", "H10"), ref("自评表", "H11"), ref("自评表", "H12")]),
    );
    expect(syncs).toBe(1);
    expect(result).toEqual([
      { ref: ref("自评表", "H10"), value: { kind: "number", value: 94.07 }, formula: "SUM(H2:H9)" },
      { ref: ref("自评表", "H11"), value: { kind: "text", value: "优" } },
      { ref: ref("自评表", "H12"), value: { kind: "empty" } },
    ]);
  });
});

// ───────────────────────────── marks ─────────────────────────────

describe("validating: readWorkbook + applyMarks", () => {
  test("2 syncs to read, 1 to mark (3 in all); the worst severity per cell; merged areas painted whole", async () => {
    const spec = correctSpec();
    spec.total.score = 90; // the right total is 94.07: at least one error on the total
    spec.grade = "中"; // not a grade of the default profile
    const grid = buildStandardForm(spec, { origin: ORIGIN });
    const layout = standardLayout(spec, { origin: ORIGIN });
    const dbl = book([sheetDataFromGrid(grid)]);
    const host = hostOn(dbl);

    const read = await syncsOf(dbl, () => host.readWorkbook());
    const [result] = checkWorkbook(read.result);
    const marks: MarkSpec[] = result.findings
      .filter((f) => f.ref !== null)
      .map((f) => ({ ref: f.ref!, severity: f.severity }));
    expect(marks.length).toBeGreaterThan(0);
    expect(
      marks.some((m) => m.ref.row === layout.total.score.row && m.ref.col === layout.total.score.col),
    ).toBe(true);
    const applied = await syncsOf(dbl, () => host.applyMarks(marks));
    expect(read.syncs).toBe(2);
    expect(applied.syncs).toBe(1);
    expect(read.syncs + applied.syncs).toBe(3);
    expect(dbl.cellPropertiesReads).toBe(1); // the fills of the one sheet, read in bulk with the values

    // Expected colour per cell, computed here from the findings and the grid's merges.
    const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
    const worst = new Map<string, { area: CellRange; severity: Severity }>();
    for (const m of marks) {
      const area = grid.merges.find(
        (r) => m.ref.row >= r.top && m.ref.row <= r.bottom && m.ref.col >= r.left && m.ref.col <= r.right,
      ) ?? { top: m.ref.row, left: m.ref.col, bottom: m.ref.row, right: m.ref.col };
      const k = `${area.top},${area.left}`;
      const prev = worst.get(k);
      if (!prev || rank[m.severity] > rank[prev.severity]) worst.set(k, { area, severity: m.severity });
    }
    const expected = new Map<string, string>();
    for (const { area, severity } of worst.values()) {
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++) expected.set(`${r},${c}`, MARK_COLORS[severity]);
    }
    const painted = new Map<string, string>();
    for (const [k, cell] of Object.entries(dbl.sheet("自评表").cells))
      if (cell.fill) painted.set(k, cell.fill.color);
    expect(painted).toEqual(expected);
    expect(await host.markedCount()).toBe(worst.size);
    // RangeAreas per colour, not a per-cell loop: at most (colour + pattern) × colours fill writes.
    expect(dbl.fillWrites).toBeLessThanOrEqual(2 * new Set(expected.values()).size);
    expect(dbl.sheet(RECORD_SHEET).visibility).toBe("VeryHidden");
  });

  test("clearMarks restores every kind of fill exactly, and removes the record sheet", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([
      mark("填充", "B2"),
      mark("填充", "B3", "warning"),
      mark("填充", "B4", "info"),
      mark("填充", "B5"),
    ]);
    expect(dbl.fill("填充", "B2")?.color).toBe("#FFC7CE");
    expect(dbl.fill("填充", "B3")?.color).toBe("#FFEB9C");
    expect(dbl.fill("填充", "B4")).toEqual({
      color: "#DDEBF7",
      pattern: "Solid",
      patternColor: "#FF0000",
      tintAndShade: 0,
    });
    expect(dbl.fill("填充", "B5")?.color).toBe("#FFC7CE");
    expect(await host.markedCount()).toBe(4);

    const { syncs } = await syncsOf(dbl, () => host.clearMarks());
    expect(syncs).toBe(4); // list; record + protection; current colours; restore
    expect(dbl.sheet("填充").cells).toEqual(original);
    expect(dbl.fill("填充", "B5")).toBeUndefined(); // no fill, not white
    expect(dbl.fill("填充", "B3")).toEqual(WHITE); // white, not "no fill"
    expect(dbl.sheetNames()).toEqual(["填充"]);
    expect(await host.markedCount()).toBe(0);
  });

  test("restore works after save, close and reopen (worksheet ids change on reopen)", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2"), mark("填充", "B3"), mark("填充", "B4"), mark("填充", "B5")]);

    const saved: WorkbookData = dbl.save();
    const reopened = ExcelDouble.reopen(saved);
    expect(reopened.sheet("填充").id).not.toBe(dbl.sheet("填充").id);
    const host2 = hostOn(reopened);
    expect(await host2.markedCount()).toBe(4);
    // The reopened workbook reads without the record sheet, and the marks are still there.
    const wb = await host2.readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["填充"]);
    expect(reopened.fill("填充", "B5")?.color).toBe("#FFC7CE");

    await host2.clearMarks();
    expect(reopened.sheet("填充").cells).toEqual(original);
    expect(reopened.sheetNames()).toEqual(["填充"]);
  });

  test("validating twice: same marks, the record is not doubled, originals are kept", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    const marks = [mark("填充", "B2"), mark("填充", "B5", "warning")];

    await host.readWorkbook();
    await host.applyMarks(marks);
    const afterFirst = structuredClone(dbl.data);
    const second = await syncsOf(dbl, async () => {
      await host.readWorkbook();
      await host.applyMarks(marks);
    });
    expect(second.syncs).toBe(2 + 1);
    expect(dbl.data).toEqual(afterFirst); // same fills, same record rows (marker + 2)
    // marker + 2 entries in column A, the 2 entries' =ROW(…) references in column B
    expect(Object.keys(dbl.sheet(RECORD_SHEET).cells).sort()).toEqual(["0,0", "1,0", "1,1", "2,0", "2,1"]);
    expect(await host.markedCount()).toBe(2);

    await host.clearMarks();
    expect(dbl.sheet("填充").cells).toEqual(original); // green again, not our red
  });

  test("revalidating with fewer or different marks restores the dropped cells and recolours the rest", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2"), mark("填充", "B3"), mark("填充", "B4")]);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2", "info"), mark("填充", "B6", "warning")]);
    expect(dbl.fill("填充", "B2")?.color).toBe("#DDEBF7");
    expect(dbl.fill("填充", "B3")).toEqual(WHITE);
    expect(dbl.fill("填充", "B4")).toEqual(HATCH);
    expect(dbl.fill("填充", "B6")?.color).toBe("#FFEB9C");
    expect(await host.markedCount()).toBe(2);
    await host.clearMarks();
    expect(dbl.fill("填充", "B2")).toEqual(GREEN);
    expect(dbl.fill("填充", "B6")).toBeUndefined();
  });

  test("applyMarks([]) clears our marks and the record", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2")]);
    await host.readWorkbook();
    await host.applyMarks([]);
    expect(dbl.fill("填充", "B2")).toEqual(GREEN);
    expect(dbl.sheetNames()).toEqual(["填充"]);
  });

  test("a merged cell is painted over its whole area, counted once, restored whole", async () => {
    const dbl = book([
      emptySheet("表", {
        cells: { "1,1": { value: "优" }, "1,2": { fill: GREEN } },
        merges: [{ top: 1, left: 1, bottom: 1, right: 3 }], // B2:D2
      }),
    ]);
    const original = structuredClone(dbl.sheet("表").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("表", "B2"), mark("表", "C2", "info")]);
    for (const a of ["B2", "C2", "D2"]) expect(dbl.fill("表", a)?.color).toBe("#FFC7CE");
    expect(await host.markedCount()).toBe(1);
    await host.clearMarks();
    expect(dbl.sheet("表").cells).toEqual(original);
  });

  test("builds that report pattern null for no fill (office-js#4900) still restore exactly", async () => {
    const dbl = book([fillSheet()], { noFillPattern: null });
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B3"), mark("填充", "B5")]);
    await host.clearMarks();
    expect(dbl.sheet("填充").cells).toEqual(original);
  });

  test("limit without ExcelApi 1.9: a white fill comes back as no fill, other colours exactly", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl, { features: { fillDetails: false, mergedAreas: true } });
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2"), mark("填充", "B3"), mark("填充", "B5")]);
    await host.clearMarks();
    expect(dbl.fill("填充", "B2")).toEqual(GREEN);
    expect(dbl.fill("填充", "B3")).toBeUndefined();
    expect(dbl.fill("填充", "B5")).toBeUndefined();
  });

  test("thousands of scattered cells: address strings chunked under getRanges' limit, still 1 sync", async () => {
    const cells: SheetData["cells"] = {};
    const marks: MarkSpec[] = [];
    for (let r = 0; r < 1500; r++) {
      for (const c of [0, 2, 4]) {
        cells[`${2 * r},${c}`] = { value: r };
        marks.push({ ref: { sheet: "大表", row: 2 * r, col: c }, severity: r % 2 ? "warning" : "error" });
      }
    }
    const dbl = book([emptySheet("大表", { cells })]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    const { syncs } = await syncsOf(dbl, () => host.applyMarks(marks));
    expect(syncs).toBe(1);
    expect(dbl.fill("大表", "A1")?.color).toBe("#FFC7CE");
    expect(dbl.fill("大表", "E3")?.color).toBe("#FFEB9C");
    expect(dbl.fill("大表", "A2")).toBeUndefined();
    expect(await host.markedCount()).toBe(4500);
    // 4,500 cells in two colours: a handful of getRanges chunks, not 4,500 writes.
    expect(dbl.fillWrites).toBeLessThan(40);
    await host.clearMarks();
    expect(Object.values(dbl.sheet("大表").cells).some((c) => c.fill)).toBe(false);
  });

  test("a formatted-but-empty cell outside the values-only used range: its fill is read when marking, restored exactly", async () => {
    // fillSheet's values span B2:B6; A10 is only filled, D20 has nothing at all.
    const dbl = book([fillSheet()]);
    dbl.setCell("填充", "A10", { fill: GREEN });
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    const applied = await syncsOf(dbl, () =>
      host.applyMarks([mark("填充", "B2"), mark("填充", "A10", "warning"), mark("填充", "D20", "info")]),
    );
    expect(applied.syncs).toBe(2); // B2 from the snapshot; A10 and D20 read, with the protection
    expect(dbl.fill("填充", "A10")?.color).toBe("#FFEB9C");
    expect(dbl.fill("填充", "D20")?.color).toBe("#DDEBF7");
    await host.clearMarks();
    expect(dbl.sheet("填充").cells).toEqual(original);
    expect(dbl.fill("填充", "A10")).toEqual(GREEN);
    expect(dbl.fill("填充", "D20")).toBeUndefined();
  });

  test("a sheet without values: the snapshot covers A1 (getUsedRange), fill and all", async () => {
    const dbl = book([fillSheet(), emptySheet("空", { cells: { "0,0": { fill: HATCH } } })]);
    const original = structuredClone(dbl.data.sheets);
    const host = hostOn(dbl);
    const wb = await host.readWorkbook();
    expect(wb.sheets[1]).toEqual({ name: "空", cells: [], merges: [] });
    const applied = await syncsOf(dbl, () => host.applyMarks([mark("空", "A1"), mark("填充", "B5")]));
    expect(applied.syncs).toBe(1);
    expect(dbl.fill("空", "A1")?.color).toBe("#FFC7CE");
    await host.clearMarks();
    expect(dbl.data.sheets).toEqual(original);
  });

  test("without ExcelApi 1.9 no bulk fills: 2 syncs to read, 2 to mark (as before)", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl, { features: { fillDetails: false, mergedAreas: true } });
    expect((await syncsOf(dbl, () => host.readWorkbook())).syncs).toBe(2);
    expect((await syncsOf(dbl, () => host.applyMarks([mark("填充", "B2"), mark("填充", "B4")]))).syncs).toBe(
      2,
    );
    expect(dbl.cellPropertiesReads).toBe(0);
    await host.clearMarks();
    expect(dbl.sheet("填充").cells).toEqual(original);
  });

  test("without a fresh readWorkbook snapshot applyMarks reads the sheet list first: 3 syncs", async () => {
    let now = 0;
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl, { now: () => now });
    expect((await syncsOf(dbl, () => host.applyMarks([mark("填充", "B2")]))).syncs).toBe(3);
    await host.readWorkbook();
    now = 120_000; // two minutes later the snapshot is not trusted
    expect((await syncsOf(dbl, () => host.applyMarks([mark("填充", "B2"), mark("填充", "B5")]))).syncs).toBe(
      3,
    );
    await host.clearMarks();
    expect(dbl.fill("填充", "B2")).toEqual(GREEN);
    expect(dbl.fill("填充", "B5")).toBeUndefined();
  });

  test("a snapshot overtaken by another writer: retried from scratch, originals still kept", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook(); // snapshot: no record sheet
    await hostOn(dbl).applyMarks([mark("填充", "B2")]); // another pane instance marks B2
    await host.applyMarks([mark("填充", "B2"), mark("填充", "B3")]);
    expect(await host.markedCount()).toBe(2);
    await host.clearMarks();
    expect(dbl.sheet("填充").cells).toEqual(original);
  });

  test("a sheet renamed after marking is still restored (the reference follows), a deleted one is skipped", async () => {
    const dbl = book([fillSheet("甲"), fillSheet("乙")]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("甲", "B2"), mark("乙", "B2")]);
    dbl.renameSheet("甲", "甲（改）");
    dbl.data.sheets.splice(dbl.data.sheets.indexOf(dbl.sheet("乙")), 1);
    await host.clearMarks();
    expect(dbl.fill("甲（改）", "B2")).toEqual(GREEN);
    expect(dbl.sheetNames()).toEqual(["甲（改）"]);
  });

  test("a protected sheet is not marked: HostError SheetProtected, nothing painted, no record", async () => {
    const dbl = book([emptySheet("锁", { protected: true, cells: { "0,0": { value: 1 } } })]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    const err = await expectHostError(host.applyMarks([mark("锁", "A1")]), "SheetProtected");
    expect(err.message).toContain("「锁」");
    expect(dbl.fill("锁", "A1")).toBeUndefined();
    expect(dbl.sheetNames()).toEqual(["锁"]);
  });

  test("a sheet protected between readWorkbook and applyMarks: SheetProtected, nothing lost from the record", async () => {
    const dbl = book([fillSheet()]);
    const original = structuredClone(dbl.sheet("填充").cells);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("填充", "B2"), mark("填充", "B3")]);

    // Revalidating: B3 is dropped (to be restored), B4 is new; the sheet gets protected in between.
    await host.readWorkbook();
    dbl.sheet("填充").protected = true;
    await expectHostError(host.applyMarks([mark("填充", "B2"), mark("填充", "B4")]), "SheetProtected");
    expect(dbl.fill("填充", "B4")).toEqual(HATCH); // not painted
    expect(await host.markedCount()).toBe(2); // the record still lists B2 and B3

    // A first validation hit by the same race: the record is written, the highlight is refused.
    const dbl2 = book([fillSheet()]);
    const original2 = structuredClone(dbl2.sheet("填充").cells);
    const host2 = hostOn(dbl2);
    await host2.readWorkbook();
    dbl2.sheet("填充").protected = true;
    await expectHostError(host2.applyMarks([mark("填充", "B2")]), "SheetProtected");
    expect(dbl2.sheet("填充").cells).toEqual(original2);

    for (const [d, h, o] of [
      [dbl, host, original],
      [dbl2, host2, original2],
    ] as const) {
      d.sheet("填充").protected = false;
      await h.clearMarks();
      expect(d.sheet("填充").cells).toEqual(o);
      expect(d.sheetNames()).toEqual(["填充"]);
    }
  });

  test("a protected sheet that allows formatting is marked", async () => {
    const dbl = book([
      emptySheet("锁", { protected: true, allowFormatCells: true, cells: { "0,0": { value: 1 } } }),
    ]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await host.applyMarks([mark("锁", "A1")]);
    expect(dbl.fill("锁", "A1")?.color).toBe("#FFC7CE");
  });

  test("marks on a sheet that does not exist: HostError ItemNotFound", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl);
    await host.readWorkbook();
    await expectHostError(host.applyMarks([mark("没有", "A1")]), "ItemNotFound");
    expect(dbl.sheetNames()).toEqual(["填充"]);
  });

  test("clearMarks and markedCount on a workbook without marks: 1 sync each, nothing changes", async () => {
    const dbl = book([fillSheet()]);
    const before = structuredClone(dbl.data);
    const host = hostOn(dbl);
    expect((await syncsOf(dbl, () => host.clearMarks())).syncs).toBe(1);
    expect((await syncsOf(dbl, () => host.markedCount())).result).toBe(0);
    expect(dbl.data).toEqual(before);
  });
});

// ───────────────────────────── navigation and writing ─────────────────────────────

describe("selectCell", () => {
  test("activates the sheet and selects the cell in 2 syncs (visibility first)", async () => {
    const dbl = book([emptySheet("其他"), fillSheet()]);
    const host = hostOn(dbl);
    const { syncs } = await syncsOf(dbl, () => host.selectCell(ref("填充", "B4")));
    expect(syncs).toBe(2);
    expect(dbl.activeSheet).toBe("填充");
    expect(dbl.selection).toEqual({ sheet: "填充", address: "B4" });
  });

  test("a missing sheet is a HostError ItemNotFound", async () => {
    const dbl = book([fillSheet()]);
    const err = await expectHostError(hostOn(dbl).selectCell(ref("不存在", "A1")), "ItemNotFound");
    expect(err.message).toContain("定位单元格失败");
  });
});

describe("writeCells", () => {
  test("writes numbers and text in 2 syncs (protection check, then write)", async () => {
    const dbl = book([emptySheet("自评表")]);
    const host = hostOn(dbl);
    const { syncs } = await syncsOf(dbl, () =>
      host.writeCells([
        { ref: ref("自评表", "H20"), value: 94.07 },
        { ref: ref("自评表", "H21"), value: "优" },
      ]),
    );
    expect(syncs).toBe(2);
    expect(dbl.cell("自评表", "H20")).toEqual({ value: 94.07 });
    expect(dbl.cell("自评表", "H21")).toEqual({ value: "优" });
  });

  test("never writes into a protected sheet: HostError SheetProtected and nothing written anywhere", async () => {
    const dbl = book([
      emptySheet("开放"),
      emptySheet("锁定", { protected: true, cells: { "0,0": { value: 1 } } }),
    ]);
    const before = structuredClone(dbl.data);
    const host = hostOn(dbl);
    const err = await expectHostError(
      host.writeCells([
        { ref: ref("开放", "A1"), value: 5 },
        { ref: ref("锁定", "A1"), value: 6 },
      ]),
      "SheetProtected",
    );
    expect(err.message).toBe("工作表「锁定」受保护，无法写入。请先撤销工作表保护。");
    expect(dbl.data).toEqual(before);
  });

  test("unlocked input cells of a protected sheet are writable, as in Excel", async () => {
    const dbl = book([emptySheet("锁定", { protected: true, cells: { "1,1": { locked: false } } })]);
    await hostOn(dbl).writeCells([{ ref: ref("锁定", "B2"), value: 88 }]);
    expect(dbl.cell("锁定", "B2")).toEqual({ locked: false, value: 88 });
  });
});

describe("addReportSheet", () => {
  const rows = [
    ["规则", "单元格", "说明", "填写值"],
    ["SCORE_MISMATCH", "自评表!H12", "得分应为 7.6", 8],
    ["UNIT_MISMATCH", "自评表!D9", "1/2", "=A1"],
    ["X", "12"],
  ];
  /** Column widths in points for widths in characters (content + 2; Calibri 11: 7 px each + 5 px, × 0.75). */
  const pt = (chars: number) => (chars * 7 + 5) * 0.75;

  test("adds 校验报告, then 校验报告2; one 2-D write, text stays text, laid out as the files; 2 syncs + 1 for print", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl);
    const { result: name, syncs } = await syncsOf(dbl, () => host.addReportSheet(rows));
    expect(syncs).toBe(3);
    expect(name).toBe("校验报告");
    expect(dbl.cell("校验报告", "D2")?.value).toBe(8);
    expect(dbl.cell("校验报告", "C3")?.value).toBe("1/2");
    expect(dbl.cell("校验报告", "D3")).toEqual({ value: "=A1", numberFormat: "@" });
    expect(dbl.cell("校验报告", "B4")).toEqual({ value: "12", numberFormat: "@" });
    expect(dbl.cell("校验报告", "C4")).toEqual({ numberFormat: "@" }); // ragged row padded with ""
    expect(dbl.activeSheet).toBe("校验报告");
    // Widths from the content, not autofit: SCORE_MISMATCH (14) → 16; 自评表!H12 (3 CJK + 4) → 12;
    // 得分应为 7.6 (4 CJK + 4) → 14; 填写值 (header, 6) → 8. Top-aligned; the header bold and wrapped.
    const f = (at: string) => dbl.formats.get(`校验报告!${at}`);
    expect([f("A1:A4"), f("B1:B4"), f("C1:C4"), f("D1:D4")]).toEqual([
      { columnWidth: pt(16), verticalAlignment: "Top" },
      { columnWidth: pt(12), verticalAlignment: "Top" },
      { columnWidth: pt(14), verticalAlignment: "Top" },
      { columnWidth: pt(8), verticalAlignment: "Top" },
    ]);
    expect(f("A1:D1")).toEqual({ bold: true, wrapText: true });
    expect(dbl.autofitCalls).toBe(0);
    expect(dbl.autofitRowsCalls).toBe(1);
    // ExcelApi 1.7 / 1.9: frozen header, filter over the table, A4 landscape one page wide, header repeated.
    expect(dbl.sheetLayout.get("校验报告")).toEqual({
      frozenRows: 1,
      autoFilter: "A1:D4",
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$1",
      centerHeader: "&A",
      centerFooter: "第 &P 页，共 &N 页",
    });
    expect(await host.addReportSheet(rows)).toBe("校验报告2");
  });

  test("on an ExcelApi 1.4 build: the same widths and wrapping, no freeze, filter or print setup (1.7, 1.9); 2 syncs", async () => {
    const dbl = book([fillSheet()], { apiVersion: "1.4" });
    const host = hostOn(dbl, {
      features: {
        fillDetails: false,
        mergedAreas: false,
        rangeAreas: false,
        workbookProtection: false,
        freezePanes: false,
        pageLayout: false,
      },
    });
    const { syncs } = await syncsOf(dbl, () => host.addReportSheet(rows));
    expect(syncs).toBe(2);
    expect(dbl.formats.get("校验报告!A1:A4")).toEqual({ columnWidth: pt(16), verticalAlignment: "Top" });
    expect(dbl.autofitRowsCalls).toBe(1);
    expect(dbl.sheetLayout.get("校验报告")).toBeUndefined();
  });

  test("the 复核底稿: titles bold, no filter, no frozen row, its first header row repeated in print", async () => {
    const dbl = book([fillSheet()]);
    const review = [
      ["复核底稿：测试县科技局 2023 年度"],
      ["核查项", "公式/来源", "计算值", "报告值", "差额", "判断", "单元格"],
      ["预算执行率得分", "10 = 100.00% × 10", 10, 8, -2, "不符", "自评表!H7"],
    ];
    await hostOn(dbl).addReportSheet(review, "复核底稿");
    expect(dbl.formats.get("复核底稿!A1")).toEqual({ bold: true });
    expect(dbl.formats.get("复核底稿!A2:G2")).toEqual({ bold: true, wrapText: true });
    const layout = dbl.sheetLayout.get("复核底稿")!;
    expect(layout.frozenRows).toBeUndefined();
    expect(layout.autoFilter).toBeUndefined();
    expect(layout.printTitleRows).toBe("$2:$2");
  });
});

describe("settings", () => {
  test("load/save through document settings; saved settings travel with the file", async () => {
    const dbl = book([fillSheet()]);
    const host = hostOn(dbl);
    expect(await host.loadSetting("profile")).toBeNull();
    await host.saveSetting("profile", "hunan");
    expect(await host.loadSetting("profile")).toBe("hunan");
    const reopened = ExcelDouble.reopen(dbl.save());
    expect(await hostOn(reopened).loadSetting("profile")).toBe("hunan");
  });

  test("a failed saveAsync is a HostError", async () => {
    const dbl = book([fillSheet()]);
    dbl.settingsSaveFails = { code: 5001, message: "Internal error" };
    const err = await expectHostError(hostOn(dbl).saveSetting("k", "v"), "5001");
    expect(err.message).toContain("保存设置失败");
  });
});

describe("module hygiene", () => {
  test("importing the adapter makes no Office calls; Office is touched only when used", async () => {
    const g = globalThis as { Office?: unknown; Excel?: unknown };
    expect(g.Office).toBeUndefined();
    expect(g.Excel).toBeUndefined();
    const host = createExcelHost();
    await expectHostError(host.readWorkbook(), "NoExcel");
    await expectHostError(host.loadSetting("x"), "NoSettings");
  });

  test("the default run is Excel.run with delayForCellEdit", async () => {
    const dbl = book([fillSheet()]);
    const seen: unknown[] = [];
    const g = globalThis as { Excel?: unknown };
    g.Excel = {
      run: (options: unknown, batch: (c: never) => Promise<unknown>) => {
        seen.push(options);
        return dbl.run(batch);
      },
    };
    try {
      const wb = await createExcelHost({ features: { fillDetails: true, mergedAreas: true } }).readWorkbook();
      expect(wb.sheets[0].name).toBe("填充");
      expect(seen).toEqual([{ delayForCellEdit: true }]);
    } finally {
      delete g.Excel;
    }
  });
});

test("a1 helper agrees with the test's ref()", () => {
  expect(a1(ref("x", "AB12").row, ref("x", "AB12").col)).toBe("AB12");
});
