/**
 * ExcelHost.writeFormulas (转换为普通公式 and its undo) on the Excel double: built-in formulas and
 * values written in 2 syncs (protection check, then write); a locked cell on a protected sheet stops
 * the whole batch before anything is written.
 */
/* global structuredClone */
import { expect, test } from "@jest/globals";
import type { CellRef } from "../../src/core/grid";
import { HostError } from "../../src/host/host";
import { ExcelHost } from "../../src/excel/excelHost";
import { ExcelDouble, type SheetData } from "./double/excelDouble";

const ref = (sheet: string, a1: string): CellRef => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { sheet, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65 };
};

function sheet(name: string, extra: Partial<SheetData> = {}): SheetData {
  return { name, id: `{${name}}`, visibility: "Visible", cells: {}, merges: [], ...extra };
}

const book = (...sheets: SheetData[]): ExcelDouble => new ExcelDouble({ sheets, settings: {} });

test("formulas and values in 2 syncs; the formula is set with its leading =", async () => {
  const dbl = book(
    sheet("自评表", {
      cells: {
        "6,7": { formula: "=JX.EXECRATE(F7,E7)", value: 0.76 },
        "13,7": { formula: "=JX.INDSCORE(E14,F14,G14)", value: 10 },
      },
    }),
  );
  const host = new ExcelHost({ run: dbl.run, settings: dbl.settings });
  const before = dbl.syncCount;
  await host.writeFormulas([
    { ref: ref("自评表", "H7"), formula: "F7/E7" },
    { ref: ref("自评表", "H14"), value: 10 },
  ]);
  expect(dbl.syncCount - before).toBe(2);
  expect(dbl.cell("自评表", "H7")?.formula).toBe("=F7/E7");
  expect(dbl.cell("自评表", "H14")).toEqual({ value: 10 });
});

test("a protected sheet: HostError SheetProtected, nothing written", async () => {
  const dbl = book(
    sheet("开放", { cells: { "0,0": { formula: "=JX.RATIO(1,2)", value: 0.5 } } }),
    sheet("锁定", { protected: true, cells: { "0,0": { formula: "=JX.RATIO(1,2)", value: 0.5 } } }),
  );
  const before = structuredClone(dbl.data);
  const err = await new ExcelHost({ run: dbl.run, settings: dbl.settings })
    .writeFormulas([
      { ref: ref("开放", "A1"), formula: "1/2" },
      { ref: ref("锁定", "A1"), formula: "1/2" },
    ])
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(HostError);
  expect((err as HostError).code).toBe("SheetProtected");
  expect((err as HostError).message).toContain("工作表「锁定」受保护，无法转换公式");
  expect(dbl.data).toEqual(before);
});
