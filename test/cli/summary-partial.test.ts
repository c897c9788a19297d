/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not the Office API */
/**
 * 汇总.xlsx for a form read only in part (PARTIAL_READ): status 需人工核对 with its own fill, no 重算总分 or
 * 重算等级, counted in 说明; a correct and a faulty form beside it keep 通过 and 需修改.
 */
import { describe, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import type { Cell as GridCell } from "../../src/core/grid";
import { insertRows } from "../../src/core/gridEdit";
import { getProfile } from "../../src/core/profiles";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { toReportResult } from "../../src/cli/report";
import { buildSummary, SUMMARY_HEADER } from "../../src/cli/summary";
import { STATUS_FILL, summaryToXlsx } from "../../src/io/summaryWrite";
import { longTableSpec } from "../locate/longTable";

const HUNAN = getProfile("hunan");

/** The long form with a 合计 row under 产出: 效益 and 满意度 are not read (test/checks/partial.test.ts). */
function partialSheet() {
  const spec = longTableSpec();
  const L = standardLayout(spec, { mergeLevels: false });
  const row: (GridCell | undefined)[] = [];
  row[L.indicators.columns.name] = { value: { kind: "text", value: "合计" } };
  return insertRows(buildStandardForm(spec, { mergeLevels: false }), L.indicators.rows[16].row, [row]);
}

function report(file: string, sheet: ReturnType<typeof buildStandardForm>) {
  return { file, results: checkWorkbook({ sheets: [sheet] }, { profile: HUNAN }).map(toReportResult) };
}

describe("汇总: 需人工核对", () => {
  const faulty = longTableSpec();
  faulty.total.score = 99; // 99.25 by the rules
  const files = [
    report("a-正确.xlsx", buildStandardForm(longTableSpec())),
    report("b-未读全.xlsx", partialSheet()),
    report("c-总分错.xlsx", buildStandardForm(faulty)),
  ];
  const t = buildSummary({
    files,
    skipped: [],
    profileName: () => "湖南省",
    profileSource: "默认规则",
    generatedAt: new Date(Date.UTC(2024, 0, 1)),
    version: "0.0.0",
    inputs: ["收件箱"],
  });
  const col = (name: string) => SUMMARY_HEADER.indexOf(name as (typeof SUMMARY_HEADER)[number]);

  test("the partly read form is 需人工核对, after 需修改 and before 通过, with no recomputed total or grade", () => {
    const rows = t.summary.slice(1);
    expect(rows.map((r) => [r[col("文件")], r[col("状态")]])).toEqual([
      ["c-总分错.xlsx", "需修改"],
      ["b-未读全.xlsx", "需人工核对"],
      ["a-正确.xlsx", "通过"],
    ]);
    const partial = rows[1];
    expect(partial[col("表中总分")]).toBe(99.25);
    expect(partial[col("重算总分")]).toBe("");
    expect(partial[col("重算等级")]).toBe("");
    expect(String(partial[col("主要问题")])).toContain("本表未能完整读取");
    expect(t.statuses).toEqual(["需修改", "需人工核对", "通过"]);
    expect(t.notes).toContainEqual(["需人工核对", 1]);
  });

  test("its own fill colour in the workbook", async () => {
    const book = new ExcelJS.Workbook();
    const bytes = await summaryToXlsx(t, new Date(Date.UTC(2024, 0, 1)));
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet("汇总")!;
    const fillOf = (r: number) =>
      (ws.getRow(r).getCell(SUMMARY_HEADER.length).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(ws.getRow(3).getCell(SUMMARY_HEADER.length).value).toBe("需人工核对");
    expect(fillOf(3)).toBe(STATUS_FILL["需人工核对"]);
    expect(new Set([fillOf(2), fillOf(3), fillOf(4)]).size).toBe(3);
  });
});
