/** Pure helpers of the pane: CSV, the combined 评分/等级 cell, write previews, error codes. */
import { describe, expect, test } from "@jest/globals";
import { HostError } from "../../src/host/host";
import { combinedScoreGradeText, previewWrite, toCsv, toPaneError } from "../../src/ui/logic";

const ref = { sheet: "自评表", row: 22, col: 7 };

describe("pane logic", () => {
  test("CSV: UTF-8 BOM, CRLF, quotes only where needed", () => {
    const csv = toCsv([
      ["单元格", "说明"],
      ["自评表!H16", '得分填写 10，应为 "9.5"'],
      ["自评表!B4", "第一行\n第二行"],
      ["'My Sheet'!A1", 7.6],
    ]);
    expect(csv).toBe(
      '\uFEFF单元格,说明\r\n自评表!H16,"得分填写 10，应为 ""9.5"""\r\n自评表!B4,"第一行\n第二行"\r\n\'My Sheet\'!A1,7.6\r\n',
    );
  });

  test("combined cell of the older Hunan form: only the 评分/等级 parts change", () => {
    expect(combinedScoreGradeText("评分：96   等级：优\n备注：按规定填写", 89.5, "良")).toBe(
      "评分：89.5   等级：良\n备注：按规定填写",
    );
    expect(combinedScoreGradeText("", 95, "优")).toBe("评分：95   等级：优");
  });

  test("write preview: blank cells are written without asking; formulas and different values ask", () => {
    const blank = previewWrite("总分", { ref, value: 99 }, { ref, value: { kind: "empty" } });
    expect([blank.same, blank.needsConfirm]).toEqual([false, false]);
    const same = previewWrite("总分", { ref, value: 99 }, { ref, value: { kind: "number", value: 99 } });
    expect([same.same, same.needsConfirm]).toEqual([true, false]);
    const differs = previewWrite("总分", { ref, value: 99 }, { ref, value: { kind: "number", value: 99.5 } });
    expect([differs.same, differs.needsConfirm, differs.current, differs.next]).toEqual([
      false,
      true,
      "99.5",
      "99",
    ]);
    // A formula is replaced only after asking; one whose result already is the value is kept.
    const formula = previewWrite(
      "等级",
      { ref, value: "优" },
      { ref, value: { kind: "text", value: "良" }, formula: 'IF(H23>=90,"优","良")' },
    );
    expect([formula.same, formula.needsConfirm, formula.current]).toEqual([
      false,
      true,
      '=IF(H23>=90,"优","良")（良）',
    ]);
    const kept = previewWrite(
      "等级",
      { ref, value: "优" },
      { ref, value: { kind: "text", value: "优" }, formula: 'IF(H23>=90,"优","良")' },
    );
    expect([kept.same, kept.needsConfirm]).toEqual([true, false]);
    // A percentage cell shows its value as a percentage: 9.9031 in 0.00% → 990.31%.
    const rate = previewWrite(
      "执行率",
      { ref, value: 9.9031 },
      { ref, value: { kind: "number", value: 9.9 } },
      { numberFormat: "0.00%" },
    );
    expect([rate.current, rate.next]).toEqual(["990%", "990.31%"]);
  });

  test("errors keep their code: HostError, Office-style errors, anything else", () => {
    expect(toPaneError(new HostError("SheetProtected", "受保护"), "写回")).toEqual({
      code: "SheetProtected",
      message: "受保护",
      action: "写回",
    });
    const officeLike = Object.assign(new Error("The operation failed"), { code: "GeneralException" });
    expect(toPaneError(officeLike, "一键校验").code).toBe("GeneralException");
    expect(toPaneError(new TypeError("x is undefined"), "一键校验").code).toBe("TypeError");
    expect(toPaneError("boom", "一键校验")).toEqual({
      code: "UnknownError",
      message: "boom",
      action: "一键校验",
    });
  });
});
