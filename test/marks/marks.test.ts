import { describe, expect, test } from "@jest/globals";
import { cellMarks, combinedScoreGradeText, MARK_COLORS } from "../../src/core/marks";
import type { Finding, FormResult } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";

function result(findings: Finding[]): FormResult {
  return {
    form: null,
    sheet: "自评表",
    department: null,
    year: 2023,
    profile: "hunan",
    profileReason: null,
    profileUsed: getProfile("hunan"),
    total: { typed: null, computed: null },
    grade: { typed: null, computed: null },
    writeBack: { total: null, grade: null },
    findings,
    plan: null,
  };
}

const at = (row: number, col: number) => ({ sheet: "自评表", row, col });

describe("cellMarks", () => {
  test("one mark per cell, the worst severity wins, every distinct message is in the note", () => {
    const marks = cellMarks([
      result([
        {
          rule: "EXEC_OVER_100",
          severity: "warning",
          category: "plausibility",
          ref: at(6, 7),
          message: "执行率超过100%",
        },
        {
          rule: "RATE_MISMATCH",
          severity: "error",
          category: "arithmetic",
          ref: at(6, 7),
          message: "执行率不符",
        },
        {
          rule: "RATE_MISMATCH",
          severity: "error",
          category: "arithmetic",
          ref: at(6, 7),
          message: "执行率不符",
        },
        {
          rule: "UNPARSED_VALUE",
          severity: "info",
          category: "consistency",
          ref: at(20, 4),
          message: "无法识别",
        },
        { rule: "TEMPLATE_NOT_FOUND", severity: "error", category: "template", ref: null, message: "未找到" },
      ]),
    ]);
    expect(marks).toEqual([
      { ref: at(6, 7), severity: "error", note: "【警告】执行率超过100%\n【错误】执行率不符" },
      { ref: at(20, 4), severity: "info", note: "【提示】无法识别" },
    ]);
  });

  test("marks from two forms of one workbook are merged", () => {
    const a = result([
      { rule: "MISSING_FIELD", severity: "error", category: "missing", ref: at(2, 1), message: "a" },
    ]);
    const b = result([
      {
        rule: "MISSING_FIELD",
        severity: "error",
        category: "missing",
        ref: { sheet: "第二张", row: 2, col: 1 },
        message: "b",
      },
    ]);
    expect(cellMarks([a, b]).map((m) => m.ref.sheet)).toEqual(["自评表", "第二张"]);
  });

  test("colours are distinct hex RGB values", () => {
    const colours = Object.values(MARK_COLORS);
    expect(new Set(colours).size).toBe(3);
    for (const c of colours) expect(c).toMatch(/^#[0-9A-F]{6}$/);
  });
});

describe("combinedScoreGradeText", () => {
  test("replaces only the score and grade, keeps the rest of the cell", () => {
    expect(combinedScoreGradeText("评分：96   等级：优\n备注：按规定填写", 89.5, "良")).toBe(
      "评分：89.5   等级：良\n备注：按规定填写",
    );
  });
  test("writes the standard text into an empty cell, 2 decimals at most", () => {
    expect(combinedScoreGradeText("", 95.456, "优")).toBe("评分：95.46   等级：优");
  });
});
