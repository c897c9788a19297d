/** The one layout of every table a reviewer opens as a sheet (src/core/review/layout.ts). */
import { describe, expect, test } from "@jest/globals";
import {
  DEFAULT_CAP,
  displayWidth,
  isReviewTable,
  LINE_HEIGHT,
  lineCount,
  reportSheetLayout,
  REVIEW_CAPS,
  tableLayout,
} from "../../src/core/review/layout";
import { WORKSHEET_HEADER } from "../../src/core/review/table";

describe("widths of texts", () => {
  test("CJK and full-width characters count two columns, ASCII and half-width katakana one", () => {
    expect(displayWidth("年度资金总额")).toBe(12);
    expect(displayWidth("A1:J40")).toBe(6);
    expect(displayWidth("（万元）")).toBe(8);
    expect(displayWidth("ｱｲ")).toBe(2);
  });

  test("lines: a column of width w holds w − 1 columns of text; each line break starts a line", () => {
    // 10 CJK characters = 20 columns; 5 per line in a column 6 wide.
    expect(lineCount("一二三四五六七八九十", 6)).toBe(4);
    expect(lineCount("一二三四五六七八九十", 21)).toBe(1);
    expect(lineCount("甲\n乙\n丙", 40)).toBe(3);
  });
});

describe("a single table (汇总, 校验报告)", () => {
  const long =
    "本年度预算执行率低于目标值，原因是部分项目资金于年底才下达，尚未支付完毕，需在下一年度继续执行。";
  const rows = [
    ["序号", "单位名称", "表中总分", "主要问题"],
    [1, "示范市科技和工业信息化局", 92.5, long],
    [2, "某局", 88, "无"],
  ];
  const layout = tableLayout(rows);

  test("header row 1, frozen, filtered over every row and column, repeated on printed pages", () => {
    expect(layout.headerRows).toEqual([0]);
    expect(layout.titleRows).toEqual([]);
    expect(layout.freezeRows).toBe(1);
    expect(layout.filter).toEqual({ rows: 3, columns: 4 });
    expect(layout.print).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
      titleRow: 1,
    });
    expect(layout.print.footer).toContain("&P");
  });

  test("widths fit the content plus 2, a long header takes two lines, long texts are capped and wrap", () => {
    // 序号: a header of 2 CJK characters stays on one line → 6. 单位名称: 24 columns of text → 26.
    // 表中总分: "92.5" is 4 wide, the header 8 → two lines of 4 → 6.
    expect(layout.widths.slice(0, 3)).toEqual([6, 26, 6]);
    expect(layout.widths[3]).toBe(DEFAULT_CAP);
    expect(layout.wrap).toEqual([false, false, true, true]);
  });

  test("a row is as tall as its longest wrapped text; one-line rows keep the default height", () => {
    const lines = lineCount(long, DEFAULT_CAP);
    expect(lines).toBe(3);
    expect(layout.heights[1]).toBe(lines * LINE_HEIGHT + 3);
    expect(layout.heights[2]).toBeNull();
    // The header's 表中总分 takes two lines in a column 6 wide.
    expect(layout.heights[0]).toBe(2 * LINE_HEIGHT + 3);
  });

  test("per-column caps and the width of numbers as they show", () => {
    const l = tableLayout(rows, { caps: [undefined, 10], numberText: (n) => n.toFixed(4) });
    expect(l.widths[1]).toBe(10);
    expect(l.widths[2]).toBe(9); // "92.5000" + 2
    expect(tableLayout(rows, { filter: false }).filter).toBeNull();
  });
});

describe("the 复核底稿 (titled blocks)", () => {
  const rows = [
    ["复核底稿：示范市科技和工业信息化局 2023 年度（工作表“自评表” A1:J40）——一行很长的标题不会撑宽第一列"],
    WORKSHEET_HEADER,
    ["年度资金总额·年初预算数", "一级指标分值之和 = 20 + 20 + 30 + 30", 100, 100, 0, "一致", "自评表!D7"],
    [],
    ["复核底稿：第二张表"],
    WORKSHEET_HEADER,
    ["执行率", "执行数 ÷ 全年预算数", 0.95, 0.9, 0.05, "不符", "自评表!H7"],
  ];
  const layout = reportSheetLayout(rows);

  test("titles and the header after each; no filter, no frozen row; the first header repeated in print", () => {
    expect(isReviewTable(rows)).toBe(true);
    expect(layout.titleRows).toEqual([0, 4]);
    expect(layout.headerRows).toEqual([1, 5]);
    expect(layout.filter).toBeNull();
    expect(layout.freezeRows).toBe(0);
    expect(layout.print.titleRow).toBe(2);
  });

  test("a title does not widen column A; 核查项 and 公式/来源 are capped by REVIEW_CAPS", () => {
    // "年度资金总额·年初预算数": 11 CJK + the middle dot (U+00B7, 1) = 23 → 25, under the cap of 30.
    expect(layout.widths[0]).toBe(25);
    expect(layout.widths[1]).toBeLessThanOrEqual(REVIEW_CAPS[1]);
    expect(layout.widths).toHaveLength(WORKSHEET_HEADER.length);
  });

  test("the 校验报告 is no 复核底稿", () => {
    expect(
      isReviewTable([
        ["工作表", "单元格"],
        ["自评表", "自评表!H7"],
      ]),
    ).toBe(false);
  });
});
