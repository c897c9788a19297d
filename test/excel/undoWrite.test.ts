/**
 * The Excel host's part of 撤销: a CellWrite with a formula puts the formula back, "" empties the cell
 * (Range.values semantics as the double models them). Kept apart from excelHost.test.ts.
 */
import { describe, expect, test } from "@jest/globals";
import { createExcelHost } from "../../src/excel/excelHost";
import { emptySheet, ExcelDouble } from "./double/excelDouble";

describe("writeCells for undo", () => {
  test("a formula comes back as a formula, '' leaves the cell empty", async () => {
    const dbl = new ExcelDouble({
      sheets: [emptySheet("自评表", { cells: { "22,7": { value: 99 }, "23,6": { value: "优" } } })],
      settings: {},
    });
    const host = createExcelHost({ run: dbl.run, settings: dbl.settings });
    await host.writeCells([
      { ref: { sheet: "自评表", row: 23, col: 6 }, value: "良", formula: 'IF(H23>=90,"优","良")' },
      { ref: { sheet: "自评表", row: 22, col: 7 }, value: "" },
    ]);
    expect(dbl.cell("自评表", "G24")?.formula).toBe('=IF(H23>=90,"优","良")');
    expect(dbl.cell("自评表", "H23")?.value).toBeUndefined();
  });
});
