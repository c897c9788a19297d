/* global __dirname */
/**
 * The copy with `fix` (CLI --write --fix) applies the form's correction plan — the same plan as the
 * pane's 全部采用重算值并写回 — so the copy's total agrees with its item scores, and re-checking the copy
 * finds no error in a cell it changed. Without `fix` the plan is only proposed in notes.
 */
import { describe, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { refToString, type CellRef } from "../../src/core/grid";
import type { FormResult } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";
import { readXlsx } from "../../src/io/xlsxRead";
import { markedCopy } from "../../src/io/xlsxWrite";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const ARITHMETIC = [
  "SUM_MISMATCH",
  "RATE_MISMATCH",
  "SCORE_MISMATCH",
  "GRADE_MISMATCH",
  "SCORE_OUT_OF_RANGE",
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const at = (row: number, col: number): CellRef => ({ sheet: "自评表", row, col });

describe("markedCopy with a correction plan", () => {
  test("writes every planned change, notes what was typed, keeps the number format", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getCell("E2").value = 8; // 执行率得分 typed 8, should be 9.53
    ws.getCell("D2").value = 0.9;
    ws.getCell("D2").numFmt = "0.00%"; // 执行率 typed 90%, should be 95.28%
    ws.getCell("E4").value = 96; // 总分 typed 96, should be 97.53 (96 − 8 + 9.53)
    ws.getCell("E5").value = "优";
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const result: FormResult = {
      // A plan is applied only on a located form; its content is not read here.
      form: {} as FormResult["form"],
      sheet: "自评表",
      department: null,
      year: 2023,
      profile: "hunan",
      profileReason: null,
      profileUsed: getProfile("hunan"),
      total: { typed: 96, computed: 97.53 },
      grade: { typed: "优", computed: "优" },
      writeBack: { total: at(3, 4), grade: at(4, 4) },
      findings: [],
      plan: {
        changes: [
          { ref: at(1, 4), typed: 8, value: 9.53, item: "执行率得分", rule: "SCORE_MISMATCH" },
          { ref: at(1, 3), typed: "90%", value: 0.9528, item: "执行率", rule: "RATE_MISMATCH" },
          { ref: at(3, 4), typed: 96, value: 97.53, item: "总分", rule: "SUM_MISMATCH" },
        ],
        total: 97.53,
        grade: "优",
        totalKeepingItems: 96,
        gradeKeepingItems: "优",
      },
    };
    const out = (await load(await markedCopy(input, [result], { fix: true }))).getWorksheet("自评表")!;
    expect(out.getCell("E2").value).toBe(9.53);
    expect(out.getCell("D2").value).toBe(0.9528);
    expect(out.getCell("D2").numFmt).toBe("0.00%");
    expect(out.getCell("E4").value).toBe(97.53);
    expect(out.getCell("E5").value).toBe("优");
    const note = (addr: string) => {
      const n = out.getCell(addr).note as unknown;
      return typeof n === "string"
        ? n
        : ((n as { texts: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
    };
    expect(note("E2")).toBe("已按评分规则改为 9.53（原填写 8）。");
    expect(note("D2")).toBe("已按评分规则改为 95.28%（原填写 90%）。");
    expect(note("E4")).toBe("已按评分规则改为 97.53（原填写 96）。");
  });

  test.each(["错误示例-吉首2023.xlsx", "天津格式示例-市场监管2023.xlsx"])(
    "%s: re-checking the copy finds no error in a cell it changed, and no arithmetic error at all",
    async (name) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));
      const results = checkWorkbook(await readXlsx(bytes));
      const changed = results.flatMap((r) => r.plan?.changes ?? []).map((c) => refToString(c.ref));
      expect(changed.length).toBeGreaterThan(0);
      const again = checkWorkbook(await readXlsx(await markedCopy(bytes, results, { fix: true })));
      const errors = again.flatMap((r) => r.findings).filter((f) => f.severity === "error");
      expect(errors.filter((f) => f.ref && changed.includes(refToString(f.ref))).map((f) => f.rule)).toEqual(
        [],
      );
      expect(
        errors.filter((f) => ARITHMETIC.includes(f.rule)).map((f) => `${f.rule} ${refToString(f.ref!)}`),
      ).toEqual([]);
      // The copy's total is the plan's total.
      expect(again[0].total.typed).toBe(results[0].plan!.total);
    },
  );
});
