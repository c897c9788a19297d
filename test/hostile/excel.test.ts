/**
 * The hostile workbooks through the Excel adapter (src/excel) on the strict Excel double
 * (test/excel/double): a protected sheet refuses write-back and marks with HostError("SheetProtected")
 * and nothing changes; two forms are both read; every grid of the hostile corpus is read, checked,
 * marked and cleared without an internal error, and reads the same forms as the file route.
 */
import { beforeAll, describe, expect, test } from "@jest/globals";
import { isDeepStrictEqual } from "node:util";
import { checkWorkbook, type InternalError } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import type { FormResult } from "../../src/core/model";
import { createExcelHost } from "../../src/excel/excelHost";
import { HostError, type CellWrite, type MarkSpec, type WorkbookHost } from "../../src/host/host";
import { buildStandardForm } from "../../src/core/template";
import {
  correctFormSpec,
  faultyFormSpec,
  makeHostileCorpus,
  type HostileEntry,
} from "../../scripts/make-hostile-corpus";
import { ExcelDouble, sheetDataFromGrid, type SheetData } from "../excel/double/excelDouble";

function doubleOf(
  grid: Workbook,
  protectedSheets: string[] = [],
  extra: Partial<SheetData> = {},
): ExcelDouble {
  const sheets = grid.sheets.map((s) =>
    sheetDataFromGrid(s, {
      visibility: s.hidden ? "Hidden" : "Visible",
      ...(protectedSheets.includes(s.name) ? { protected: true, ...extra } : {}),
    }),
  );
  return new ExcelDouble({ sheets, settings: {} });
}

function hostOn(dbl: ExcelDouble): WorkbookHost {
  return createExcelHost({
    run: dbl.run,
    settings: dbl.settings,
    features: { fillDetails: true, mergedAreas: true },
  });
}

async function readAndCheck(host: WorkbookHost): Promise<FormResult[]> {
  const wb = await host.readWorkbook();
  const internal: InternalError[] = [];
  const results = checkWorkbook(wb, { internalErrors: internal });
  expect(internal).toEqual([]);
  return results;
}

/** One mark per finding cell (the worst severity), as the pane asks for them. */
function marksOf(results: FormResult[]): MarkSpec[] {
  const rank = { error: 3, warning: 2, info: 1 } as const;
  const byCell = new Map<string, MarkSpec>();
  for (const r of results)
    for (const f of r.findings) {
      if (!f.ref) continue;
      const k = `${f.ref.sheet}!${f.ref.row},${f.ref.col}`;
      const m = byCell.get(k);
      if (!m || rank[f.severity] > rank[m.severity]) byCell.set(k, { ref: f.ref, severity: f.severity });
    }
  return [...byCell.values()];
}

function writesOf(r: FormResult): CellWrite[] {
  const out: CellWrite[] = [];
  if (r.writeBack.total && r.total.computed !== null)
    out.push({ ref: r.writeBack.total, value: r.total.computed });
  if (r.writeBack.grade && r.grade.computed !== null)
    out.push({ ref: r.writeBack.grade, value: r.grade.computed });
  return out;
}

async function rejectsProtected(p: Promise<unknown>): Promise<HostError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe("SheetProtected");
  expect((err as HostError).message).toMatch(/受保护/);
  return err as HostError;
}

let corpus: HostileEntry[];
beforeAll(async () => {
  corpus = await makeHostileCorpus();
}, 120000);

describe("a protected sheet", () => {
  const grid = (): Workbook => ({ sheets: [buildStandardForm(correctFormSpec(), { sheetName: "自评表" })] });

  test("write-back throws HostError SheetProtected and writes nothing", async () => {
    const dbl = doubleOf(grid(), ["自评表"]);
    const host = hostOn(dbl);
    const results = await readAndCheck(host);
    expect(results).toHaveLength(1);
    const writes = writesOf(results[0]);
    expect(writes).toHaveLength(2); // 总分 and 等级 cells exist and are computable (99.03, 优)
    const before = dbl.save();
    await rejectsProtected(host.writeCells(writes));
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
  });

  test("marking a protected sheet (formatting not allowed) throws SheetProtected and changes nothing", async () => {
    const spec = faultyFormSpec();
    const dbl = doubleOf({ sheets: [buildStandardForm(spec, { sheetName: "自评表" })] }, ["自评表"]);
    const host = hostOn(dbl);
    const marks = marksOf(await readAndCheck(host));
    expect(marks.length).toBeGreaterThan(0);
    const before = dbl.save();
    await rejectsProtected(host.applyMarks(marks));
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
    expect(await host.markedCount()).toBe(0);
  });

  test("protected with formatting allowed: marks go on and come off exactly; writes are still refused", async () => {
    const dbl = doubleOf(
      { sheets: [buildStandardForm(faultyFormSpec(), { sheetName: "自评表" })] },
      ["自评表"],
      {
        allowFormatCells: true,
      },
    );
    const host = hostOn(dbl);
    const results = await readAndCheck(host);
    const before = dbl.save();
    await host.applyMarks(marksOf(results));
    expect(await host.markedCount()).toBeGreaterThan(0);
    await host.clearMarks();
    expect(await host.markedCount()).toBe(0);
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
    const writes = writesOf(results[0]);
    if (writes.length) await rejectsProtected(host.writeCells(writes));
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
  });
});

describe("the form twice in one workbook", () => {
  test("both forms are read and checked; marks (on the faulty sheet) come off exactly", async () => {
    const entry = corpus.find((e) => e.file === "twice.xlsx")!;
    const dbl = doubleOf(entry.grid!);
    const host = hostOn(dbl);
    const results = await readAndCheck(host);
    expect(results.map((r) => r.sheet)).toEqual(["自评表（一）", "O'Brien 表"]);
    expect(results[0].total).toEqual({ typed: 99.03, computed: 99.03 });
    expect(results[1].findings.some((f) => f.severity === "error")).toBe(true);
    const marks = marksOf(results);
    expect(new Set(marks.map((m) => m.ref.sheet))).toEqual(new Set(["O'Brien 表"]));
    const before = dbl.save();
    await host.applyMarks(marks);
    await host.clearMarks();
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
  });
});

describe("two forms stacked on one sheet", () => {
  test("both are read and checked; marks stay on the faulty second form's rows and come off exactly", async () => {
    // Before the fix only the first form of a sheet was located: the faulty second one got no marks.
    const entry = corpus.find((e) => e.file === "twice-one-sheet.xlsx")!;
    const dbl = doubleOf(entry.grid!);
    const host = hostOn(dbl);
    const results = await readAndCheck(host);
    expect(results.map((r) => r.sheet)).toEqual(["两张表", "两张表"]);
    expect(results[0].total).toEqual({ typed: 99.03, computed: 99.03 });
    expect(results[0].findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(results[1].findings.some((f) => f.severity === "error")).toBe(true);
    const secondTop = results[1].form!.bounds.top;
    expect(results[0].form!.bounds.bottom).toBeLessThan(secondTop);
    const marks = marksOf(results);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.ref.row).toBeGreaterThanOrEqual(secondTop);
    const before = dbl.save();
    await host.applyMarks(marks);
    await host.clearMarks();
    expect(isDeepStrictEqual(dbl.save(), before)).toBe(true);
  });
});

describe("every hostile grid through the adapter", () => {
  /** Sheet, totals, grade and the rules found, per form: what the user sees. */
  const summary = (results: FormResult[]) =>
    results.map((r) => ({
      sheet: r.sheet,
      total: r.total,
      grade: r.grade,
      rules: r.findings.map((f) => `${f.severity}:${f.rule}`).sort(),
    }));

  test("read, check, mark and clear without an error; the same forms as the grid itself", async () => {
    const withGrid = corpus.filter((e) => e.grid);
    expect(withGrid.length).toBeGreaterThanOrEqual(14);
    for (const entry of withGrid) {
      const dbl = doubleOf(entry.grid!, entry.protectedSheets ?? []);
      const host = hostOn(dbl);
      const results = await readAndCheck(host);
      // The double keeps dates as their serial numbers (Excel's values carry no date type), so a date
      // in a number cell reads as a number there; everything else reads exactly as the grid.
      if (entry.file !== "dates-booleans.xlsx") {
        expect({ file: entry.file, s: summary(results) }).toEqual({
          file: entry.file,
          s: summary(checkWorkbook(entry.grid!)),
        });
      }
      const marks = marksOf(results).filter((m) => !(entry.protectedSheets ?? []).includes(m.ref.sheet));
      const before = dbl.save();
      await host.applyMarks(marks);
      await host.clearMarks();
      expect({ file: entry.file, same: isDeepStrictEqual(dbl.save(), before) }).toEqual({
        file: entry.file,
        same: true,
      });
    }
  }, 120000);
});
