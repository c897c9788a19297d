/* global TextEncoder */
import { describe, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import type { Cell, CellRef, Sheet, Workbook } from "../../src/core/grid";
import type { Finding, FormResult } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";
import JSZip from "jszip";
import { bytesContain, dateToSerial, NotAWorkbookError, readXlsx, serialToDate } from "../../src/io/xlsxRead";
import { combinedScoreGradeText, markedCopy, SEVERITY_FILL, workbookToXlsx } from "../../src/io/xlsxWrite";

const num = (value: number, numberFormat?: string): Cell =>
  numberFormat ? { value: { kind: "number", value }, numberFormat } : { value: { kind: "number", value } };
const text = (value: string): Cell => ({ value: { kind: "text", value } });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("dates", () => {
  test("Excel serials: 2024-01-01 is 45292, 1900-03-01 is 61", () => {
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1)))).toBe(45292);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(serialToDate(45292).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    // Noon is half a day.
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
  });
});

describe("workbookToXlsx ↔ readXlsx round trip", () => {
  const sheet: Sheet = {
    name: "自评表",
    cells: [
      [text("部门整体支出绩效自评表")],
      [text("预算部门、单位名称"), text("吉首市科技和工业信息化局")],
      [
        num(1311.99, "#,##0.00"),
        num(1250),
        { value: { kind: "number", value: 1250 / 1311.99 }, formula: "B3/A3", numberFormat: "0.00%" },
      ],
      [
        { value: { kind: "error", value: "#DIV/0!" }, formula: "B3/0" },
        { value: { kind: "error", value: "#N/A" } },
        { value: { kind: "error", value: "#REF!" } },
        { value: { kind: "boolean", value: true } },
        { value: { kind: "boolean", value: false } },
      ],
      [
        { value: { kind: "date", serial: 45292 }, numberFormat: "yyyy-mm-dd" },
        {
          value: { kind: "text", value: "评分：96   等级：优" },
          formula: 'CONCATENATE("评分：",96,"   等级：优")',
        },
        { value: { kind: "empty" }, numberFormat: "0.00" },
      ],
    ],
    merges: [
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 1, bottom: 1, right: 3 },
    ],
  };
  const hidden: Sheet = { name: "基础数据 表", cells: [[text("编制数"), num(23)]], merges: [], hidden: true };
  const model: Workbook = { sheets: [sheet, hidden] };

  test("values, formulas with cached results, formats, merges, errors, dates, Chinese text and hidden sheets survive", async () => {
    const back = await readXlsx(await workbookToXlsx(model));
    expect(back.sheets.map((s) => s.name)).toEqual(["自评表", "基础数据 表"]);
    expect(back.sheets[0].hidden).toBeUndefined();
    expect(back.sheets[1].hidden).toBe(true);
    expect(back.sheets[0].merges).toEqual(sheet.merges);
    // Cell by cell. A blank cell that only carries a format reads as missing (= empty): the reader
    // visits only cells with content.
    const expected = sheet.cells.map((row) => [...(row ?? [])]);
    expected[4].pop();
    expect(back.sheets[0].cells).toEqual(expected);
    expect(back.sheets[1].cells).toEqual(hidden.cells);
  });

  test("reads ArrayBuffer input as well as Uint8Array", async () => {
    const bytes = await workbookToXlsx(model);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const back = await readXlsx(ab);
    expect(back.sheets[0].cells[1]?.[1]).toEqual(text("吉首市科技和工业信息化局"));
  });

  test("a second round trip gives the same grid", async () => {
    const once = await readXlsx(await workbookToXlsx(model));
    const twice = await readXlsx(await workbookToXlsx(once));
    expect(twice).toEqual(once);
  });
});

describe("readXlsx on files written by other tools", () => {
  test("rich text is joined, hyperlinks give their text, shared formulas are translated, merge slaves are empty", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = {
      richText: [{ text: "产出" }, { font: { bold: true }, text: "指标" }, { text: "(50分)" }],
    };
    ws.getCell("A2").value = { text: "详见附件", hyperlink: "https://example.org/" };
    ws.getCell("B1").value = 2;
    ws.getCell("B2").value = 3;
    ws.getCell("B3").value = 4;
    ws.getCell("C1").value = {
      formula: "B1*10",
      result: 20,
      shareType: "shared",
      ref: "C1:C3",
    } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = { sharedFormula: "C1", result: 30 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C3").value = { sharedFormula: "C1", result: 40 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("D1").value = "合并";
    ws.mergeCells("D1:E2");
    ws.getCell("F1").value = new Date(Date.UTC(2023, 11, 31));
    ws.getCell("F2").value = "";
    const back = await readXlsx(await save(wb));
    const s = back.sheets[0];
    expect(s.cells[0][0]).toEqual(text("产出指标(50分)"));
    expect(s.cells[1][0]).toEqual(text("详见附件"));
    expect(s.cells[0][2]).toEqual({ value: { kind: "number", value: 20 }, formula: "B1*10" });
    expect(s.cells[1][2]).toEqual({ value: { kind: "number", value: 30 }, formula: "B2*10" });
    expect(s.cells[2][2]).toEqual({ value: { kind: "number", value: 40 }, formula: "B3*10" });
    expect(s.cells[0][3]).toEqual(text("合并"));
    expect(s.cells[0][4]).toBeUndefined();
    expect(s.cells[1]?.[3]).toBeUndefined();
    expect(s.merges).toEqual([{ top: 0, left: 3, bottom: 1, right: 4 }]);
    // 2023-12-31 = 45291 (2024-01-01 is 45292).
    expect(s.cells[0][5]?.value).toEqual({ kind: "date", serial: 45291 });
    expect(s.cells[1][5]).toBeUndefined();
  });

  test("a formula whose cached result is an error keeps the formula and the error", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    const back = await readXlsx(await save(wb));
    expect(back.sheets[0].cells[0][0]).toEqual({
      value: { kind: "error", value: "#DIV/0!" },
      formula: "1/0",
    });
  });

  test("bytes that are not an .xlsx are rejected", async () => {
    await expect(readXlsx(new TextEncoder().encode("年度资金总额,1311.99\n"))).rejects.toThrow();
    await expect(readXlsx(new Uint8Array(0))).rejects.toThrow();
  });
});

// ───────────────────────────── markedCopy ─────────────────────────────

function finding(
  ref: CellRef,
  severity: Finding["severity"],
  message: string,
  rule: Finding["rule"] = "SCORE_MISMATCH",
): Finding {
  return { rule, severity, category: "arithmetic", ref, message };
}

function result(
  findings: Finding[],
  writeBack: FormResult["writeBack"],
  total: number | null,
  grade: string | null,
): FormResult {
  return {
    form: null,
    sheet: "自评表",
    department: "吉首市科技和工业信息化局",
    year: 2023,
    profile: "hunan",
    profileReason: null,
    profileUsed: getProfile("hunan"),
    total: { typed: 96, computed: total },
    grade: { typed: "优", computed: grade },
    writeBack,
    findings,
    plan: null,
  };
}

const at = (row: number, col: number, sheet = "自评表"): CellRef => ({ sheet, row, col });

describe("markedCopy", () => {
  async function original(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getCell("A1").value = "部门整体支出绩效自评表";
    ws.mergeCells("A1:F1");
    ws.getCell("A2").value = "年度资金总额";
    ws.getCell("B2").value = 1311.99;
    ws.getCell("C2").value = 1250;
    ws.getCell("D2").value = { formula: "C2/B2", result: 1250 / 1311.99 } as ExcelJS.CellFormulaValue;
    ws.getCell("D2").numFmt = "0.00%";
    ws.getCell("E2").value = 8;
    ws.getCell("A3").value = "指标1：新增规模企业";
    ws.getCell("B3").value = "4家";
    ws.getCell("C3").value = "完成8家";
    ws.getCell("E3").value = 7;
    ws.getCell("A4").value = "总分";
    ws.getCell("E4").value = 96;
    ws.getCell("A5").value = "评价等级";
    ws.getCell("E5").value = "优";
    ws.getCell("B6").value = "合并区域";
    ws.mergeCells("B6:D7");
    const other = wb.addWorksheet("说明");
    other.getCell("A1").value = "不要改动";
    return save(wb);
  }

  test("fills exactly the finding cells by severity, adds notes, and changes no value (no plan applied unasked)", async () => {
    const input = await original();
    const before = new Uint8Array(input);
    const findings = [
      finding(at(1, 4), "error", "执行率得分应为 9.53，填写 8。"),
      finding(at(1, 4), "warning", "同一单元格的第二条提示。", "EXEC_OVER_100"),
      finding(at(2, 2), "warning", "实际完成值是目标的 200%。", "OVER_ACHIEVEMENT"),
      finding(at(2, 1), "info", "无法识别的数值。", "UNPARSED_VALUE"),
      // Inside a merged area: the mark goes on its top-left cell.
      finding(at(6, 3), "error", "合并区域内的问题。", "MISSING_VALUE"),
    ];
    const out = await markedCopy(input, [
      result(findings, { total: at(3, 4), grade: at(4, 4) }, 95.53, "优"),
    ]);
    expect(input).toEqual(before); // the input buffer itself is not touched

    const wb = await load(out);
    const ws = wb.getWorksheet("自评表")!;
    const fillOf = (addr: string): string | undefined => {
      const f = ws.getCell(addr).fill as ExcelJS.FillPattern | undefined;
      return f && f.type === "pattern" && f.pattern === "solid" ? (f.fgColor?.argb as string) : undefined;
    };
    expect(fillOf("E2")).toBe(SEVERITY_FILL.error); // highest severity wins
    expect(fillOf("C3")).toBe("FFFFEB9C");
    expect(fillOf("B3")).toBe("FFDDEBF7");
    expect(fillOf("B6")).toBe("FFFFC7CE");
    const noteOf = (addr: string): string => {
      const n = ws.getCell(addr).note as unknown;
      if (typeof n === "string") return n;
      const texts = (n as { texts?: { text: string }[] })?.texts ?? [];
      return texts.map((t) => t.text).join("");
    };
    expect(noteOf("E2")).toContain("执行率得分应为 9.53，填写 8。");
    expect(noteOf("E2")).toContain("同一单元格的第二条提示。");
    expect(noteOf("C3")).toContain("实际完成值是目标的 200%。");

    // Every other cell: no fill, no note.
    const marked = new Set(["E2", "C3", "B3", "B6"]);
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (marked.has(c.address)) return;
        expect(fillOf(c.address)).toBeUndefined();
        expect(c.note).toBeUndefined();
      }),
    );

    // No value is written: the result's computed total is not the clerk's request.
    expect(ws.getCell("E4").value).toBe(96);
    expect(ws.getCell("E5").value).toBe("优");
    expect(ws.getCell("B2").value).toBe(1311.99);
    expect(ws.getCell("E2").value).toBe(8);
    expect(ws.getCell("D2").formula).toBe("C2/B2");
    expect(ws.getCell("D2").numFmt).toBe("0.00%");
    expect(ws.getCell("C3").value).toBe("完成8家");
    expect(ws.getCell("A1").isMerged).toBe(true);
    expect(wb.getWorksheet("说明")!.getCell("A1").value).toBe("不要改动");

    // Read through our own reader: the grid is the original's, cell for cell.
    const a = await readXlsx(input);
    const b = await readXlsx(out);
    expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
    expect(b.sheets[0].merges).toEqual(a.sheets[0].merges);
    expect(b.sheets[0].cells).toEqual(a.sheets[0].cells);
    expect(b.sheets[1]).toEqual(a.sheets[1]);
  });

  test("nothing is written when the total or grade cannot be computed", async () => {
    const input = await original();
    const out = await markedCopy(input, [result([], { total: at(3, 4), grade: at(4, 4) }, null, null)]);
    const ws = (await load(out)).getWorksheet("自评表")!;
    expect(ws.getCell("E4").value).toBe(96);
    expect(ws.getCell("E5").value).toBe("优");
  });

  test("older Hunan form: with fix the plan's combined text is written; without, only proposed in the note", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getCell("A1").value = "绩效自评综合得分及评价等次";
    const typed = "评分：96                       等级：优\n备注：90（含）—100分为优；80（含）—90分为良。";
    ws.getCell("B1").value = typed;
    ws.getCell("B1").note = "填表人的批注";
    const planned = combinedScoreGradeText(typed, 88.5, "良");
    const form: FormResult = {
      ...result([], { total: at(0, 1), grade: at(0, 1) }, 88.5, "良"),
      // markedCopy applies a plan only on a located form; its content is not read here.
      form: {} as FormResult["form"],
      plan: {
        changes: [{ ref: at(0, 1), typed, value: planned, item: "评分和等级", rule: "SUM_MISMATCH" }],
        total: 88.5,
        grade: "良",
        totalKeepingItems: 96,
        gradeKeepingItems: "优",
      },
    };
    const input = await save(wb);
    const fixedCell = (await load(await markedCopy(input, [form], { fix: true })))
      .getWorksheet("自评表")!
      .getCell("B1");
    expect(fixedCell.value).toBe(
      "评分：88.5                       等级：良\n备注：90（含）—100分为优；80（含）—90分为良。",
    );
    expect(fixedCell.note).toMatch(/^填表人的批注\n已按评分规则改为 评分：88\.5/);
    const markedCell = (await load(await markedCopy(input, [form]))).getWorksheet("自评表")!.getCell("B1");
    expect(markedCell.value).toBe(typed);
    expect(markedCell.note).toMatch(/^填表人的批注\n按规则应为 评分：88\.5/);
  });

  test("fix changes nothing on a form whose plan cannot compute the total", async () => {
    const input = await original();
    const form: FormResult = {
      ...result([], { total: at(3, 4), grade: at(4, 4) }, null, null),
      form: {} as FormResult["form"],
      plan: {
        changes: [{ ref: at(1, 4), typed: 8, value: 10, item: "执行率得分", rule: "SCORE_MISMATCH" }],
        total: null,
        grade: null,
        totalKeepingItems: 96,
        gradeKeepingItems: "优",
      },
    };
    const ws = (await load(await markedCopy(input, [form], { fix: true }))).getWorksheet("自评表")!;
    expect(ws.getCell("E2").value).toBe(8);
    expect(ws.getCell("E4").value).toBe(96);
    expect(ws.getCell("E2").note).toBe("按规则应为 10（现填写 8）。");
  });
});

describe("combinedScoreGradeText", () => {
  test("writes the standard text into an empty cell", () => {
    expect(combinedScoreGradeText("", 96, "优")).toBe("评分：96   等级：优");
    expect(combinedScoreGradeText("", 95.456, "优")).toBe("评分：95.46   等级：优");
  });
  test("replaces only the numbers and the grade in existing text", () => {
    expect(combinedScoreGradeText("评分：96   等级：优", 79.99, "较差")).toBe("评分：79.99   等级：较差");
    expect(combinedScoreGradeText("评 分: 96 等 级: 优", 90, "优")).toBe("评 分: 90 等 级: 优");
  });
  test("an unknown total keeps the typed score", () => {
    expect(combinedScoreGradeText("评分：96   等级：优", null, "良")).toBe("评分：96   等级：良");
  });
});

describe("readXlsx on a zip that is not a workbook", () => {
  async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
    const zip = new JSZip();
    for (const [name, body] of Object.entries(files)) zip.file(name, body);
    return zip.generateAsync({ type: "uint8array" });
  }

  // Before the fix ExcelJS opened these as workbooks without sheets (→ TEMPLATE_NOT_FOUND, exit 1).
  test("a .docx renamed .xlsx is not a workbook: NotAWorkbookError naming the Word document", async () => {
    const docx = await zipOf({
      "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
      "word/document.xml": "<document>不是工作簿</document>",
    });
    const read = readXlsx(docx);
    await expect(read).rejects.toBeInstanceOf(NotAWorkbookError);
    await expect(readXlsx(docx)).rejects.toThrow(/Word 文档（\.docx）.*不是 Excel 工作簿（\.xlsx）/);
  });

  test("any other zip (also as an ArrayBuffer) is not a workbook either", async () => {
    const zip = await zipOf({ "readme.txt": "hello", "data/a.csv": "1,2" });
    const buffer = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer;
    await expect(readXlsx(buffer)).rejects.toThrow(/xl\/workbook\.xml.*不是 Excel 工作簿（\.xlsx）/);
  });

  test("the workbook ExcelJS writes with no sheet at all has xl/workbook.xml: read as a workbook", async () => {
    const bytes = await save(new ExcelJS.Workbook());
    expect(bytesContain(bytes, "xl/workbook.xml")).toBe(true);
    await expect(readXlsx(bytes)).resolves.toEqual({ sheets: [] });
  });

  test("bytesContain: found at the start, the end, across a false start; not found when cut short", () => {
    const b = new TextEncoder().encode("xl/workbook.xmlxxl/workbook.xm");
    expect(bytesContain(b, "xl/workbook.xml")).toBe(true);
    expect(bytesContain(new TextEncoder().encode("abcxl/wxl/workbook.xml"), "xl/workbook.xml")).toBe(true);
    expect(bytesContain(b.slice(15), "xl/workbook.xml")).toBe(false);
    expect(bytesContain(new Uint8Array(0), "x")).toBe(false);
  });
});
