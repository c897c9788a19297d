/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not the Office API */
/** Tables written as laid-out sheets, and the `_xlnm._FilterDatabase` names ExcelJS does not write (src/io/tableSheet.ts). */
import { describe, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { addFilterNames, writeTable, xlsxBytes } from "../../src/io/tableSheet";

async function workbookXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
}

const filterNamesOf = (xml: string): string[] =>
  [...xml.matchAll(/<definedName\b[^>]*name="_xlnm\._FilterDatabase"[^>]*>[^<]*<\/definedName>/g)].map(
    (m) => m[0],
  );

describe("xlsxBytes", () => {
  test("one hidden name local to each filtered sheet, in sheet order; none for a sheet without a filter", async () => {
    const wb = new ExcelJS.Workbook();
    writeTable(wb.addWorksheet("说明"), [["项目", "内容"]], { filter: false });
    writeTable(wb.addWorksheet("汇总"), [
      ["序号", "文件"],
      [1, "a.xlsx"],
      [2, "b.xlsx"],
    ]);
    const odd = wb.addWorksheet("张三's & <表>");
    odd.addRows([["x"], [1]]);
    odd.autoFilter = "A1:A2";
    const xml = await workbookXml(await xlsxBytes(wb));
    expect(filterNamesOf(xml)).toEqual([
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'汇总'!$A$1:$B$3</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'张三''s &amp; &lt;表&gt;'!$A$1:$A$2</definedName>`,
    ]);
    // Print titles (ExcelJS's own names) are kept beside them.
    expect(xml).toContain('name="_xlnm.Print_Titles" localSheetId="0"');
  });

  test("a file read and written again: the global name ExcelJS carries over is replaced by local ones", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["甲", "乙"]) {
      const ws = wb.addWorksheet(name);
      ws.addRows([
        ["a", "b"],
        [1, 2],
      ]);
      ws.autoFilter = "A1:B2";
    }
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await xlsxBytes(wb)) as unknown as ExcelJS.Buffer);
    // What ExcelJS alone writes for it: one global name over both sheets' ranges.
    const plain = Buffer.from(await reread.xlsx.writeBuffer());
    expect(filterNamesOf(await workbookXml(plain)).join("")).not.toContain("localSheetId");
    const xml = await workbookXml(await xlsxBytes(reread));
    expect(filterNamesOf(xml)).toEqual([
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'甲'!$A$1:$B$2</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'乙'!$A$1:$B$2</definedName>`,
    ]);
  });

  test("the hook on ExcelJS is removed after writing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("甲").autoFilter = "A1:B2";
    await xlsxBytes(wb);
    expect(Object.prototype.hasOwnProperty.call(wb.xlsx, "addWorkbook")).toBe(false);
    // Written again by ExcelJS alone: no filter name (so the test above sees the hook's work, not ExcelJS's).
    expect(filterNamesOf(await workbookXml(Buffer.from(await wb.xlsx.writeBuffer())))).toEqual([]);
  });
});

describe("addFilterNames", () => {
  test("without <definedNames>, the names go right after <sheets>", () => {
    const xml = '<workbook><sheets><sheet name="a" sheetId="1"/></sheets><calcPr/></workbook>';
    expect(addFilterNames(xml, new Map([["a", "A1:C9"]]))).toBe(
      '<workbook><sheets><sheet name="a" sheetId="1"/></sheets><definedNames>' +
        `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'a'!$A$1:$C$9</definedName>` +
        "</definedNames><calcPr/></workbook>",
    );
  });
});

describe("writeTable", () => {
  test("widths, wrapping, header style, row heights, filter, frozen header and print setup on the sheet", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("校验报告");
    const long = "执行数填写了收入数，".repeat(6);
    const layout = writeTable(ws, [
      ["单元格", "问题说明"],
      ["自评表!H7", long],
    ]);
    expect(ws.getColumn(1).width).toBe(layout.widths[0]);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.getCell("B2").alignment).toEqual({ vertical: "top", wrapText: true });
    expect(ws.getCell("A1").font).toEqual({ bold: true });
    expect(ws.getRow(2).height).toBe(layout.heights[1]);
    expect(layout.heights[1]).toBeGreaterThan(30);
    expect(ws.autoFilter).toEqual({ from: { row: 1, column: 1 }, to: { row: 2, column: 2 } });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(ws.headerFooter).toEqual({ oddHeader: "&C&A", oddFooter: "&C第 &P 页，共 &N 页" });
  });
});
