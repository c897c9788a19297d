/**
 * FIGURE_CONFLICT: one quantity with two figures on one form. Figures from seed 000 (武冈 2022): 技术合同
 * 成交额 5.3亿元 (its indicator) vs "完成技术合同交易额9.43亿元" (the report text); 规模工业总产值 126.8亿元 vs
 * "占工业总产值（124亿元）"; "1－11月工业固投70.44亿元" vs a full-year 工业固定资产投资.
 */
import { describe, expect, test } from "@jest/globals";
import { figuresInText, sameQuantity } from "../../src/core/checks/figures";
import type { IndicatorSpec } from "../../src/core/template";
import { build } from "./fixtures";
import { cellAt, one, run } from "./helpers";

const row = (name: string, target: string, actual: string): IndicatorSpec => ({
  level1: "效益指标",
  level2: "经济效益指标",
  name,
  target,
  actual,
  weight: 0.5,
  score: 0.5,
});

/** The correct form with one more indicator row (index 0) and a goal text. */
function form(indicator: IndicatorSpec, goal: string) {
  return build((s) => {
    s.indicators.unshift(indicator);
    s.goals.actual = goal;
  });
}

describe("FIGURE_CONFLICT", () => {
  test("技术合同成交额 5.3亿元 in its row vs 9.43亿元 in the 实际完成情况 (交易额 = 成交额) → warning at the row", () => {
    const { wb, layout } = form(
      row("技术合同成交额", "≥3.7亿元", "5.3亿元"),
      "完成科技型中小企业评价入库111家；完成技术合同交易额9.43亿元、科技成果登记234项。",
    );
    const f = one(run(wb), "FIGURE_CONFLICT");
    expect(f.severity).toBe("warning");
    expect(f.category).toBe("consistency");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
    expect(f.typed).toBe("5.3亿元");
    expect(f.expected).toBe("9.43亿元");
    expect(f.message).toMatch(
      /^“技术合同成交额”的实际完成值（[A-Z]+\d+）为 5\.3亿元，而年度总体目标的实际完成情况（[A-Z]+\d+）写的是/,
    );
    expect(f.message).toMatch(/同一数量在一张表中应只有一个数/);
  });

  test("规模工业总产值 126.8亿元 vs “占工业总产值（124亿元）” (units normalised, bracket skipped)", () => {
    const { wb } = form(
      row("指标1：规模工业总产值", "≥120亿元", "126.8亿元"),
      "完成战新产业产值51亿元，占工业总产值（124亿元）的41%，排名邵阳前三。",
    );
    expect(one(run(wb), "FIGURE_CONFLICT").expected).toBe("124亿元");
  });

  test("the same amount in 万元 and 亿元 is no conflict: 126.8亿元 = 1268000万元", () => {
    const { wb } = form(
      row("规模工业总产值", "≥120亿元", "126.8亿元"),
      "全年完成规模工业总产值1268000万元。",
    );
    expect(run(wb).of("FIGURE_CONFLICT")).toEqual([]);
  });

  test("“1－11月” on the text side explains the difference and is named in the message", () => {
    const { wb } = form(
      row("完成工业固定资产投资", "≥80亿元", "88亿元"),
      "1－11月工业固投70.44亿元，增速14.7%。",
    );
    const f = one(run(wb), "FIGURE_CONFLICT");
    expect(f.message).toMatch(/其中文字写明“1-11月”，是预计数或非全年数，两处因此不同/);
  });

  test("“预计” on the row side is named too", () => {
    const { wb } = form(
      row("完成工业固定资产投资", "≥80亿元", "预计88亿元"),
      "全年完成工业固定资产投资91亿元。",
    );
    expect(one(run(wb), "FIGURE_CONFLICT").message).toMatch(/其中实际完成值写明“预计88亿元”/);
  });

  test("another row's 偏差原因 is compared too", () => {
    const { wb, layout } = build((s) => {
      s.indicators.unshift(row("技术合同成交额", "≥3.7亿元", "5.3亿元"));
      s.indicators[1].reason = "全市技术合同成交额4.7亿元，超额完成。";
    });
    const f = one(run(wb), "FIGURE_CONFLICT");
    expect(f.ref).toEqual(cellAt(layout.indicators.rows[0].actual));
    expect(f.message).toMatch(/“新增规模企业”的偏差原因/);
  });

  test("quiet: the same figure; the target (任务3.7亿) beside the result; an unrelated quantity; the seed samples", () => {
    const { wb } = form(
      row("技术合同成交额", "≥3.7亿元", "5.3亿元"),
      "2022年技术合同成交额任务3.7亿，至今已完成5.3亿元；全市122家规模工业企业全年完成规模工业总产值126.8亿元，同比增长16.2%。",
    );
    expect(run(wb).of("FIGURE_CONFLICT")).toEqual([]);
    // The correct form's own texts (11.6亿元 工业投资 in both) stay quiet.
    expect(run(build().wb).of("FIGURE_CONFLICT")).toEqual([]);
  });
});

/**
 * Near-synonym names of one quantity (src/core/checks/figureNames.ts), on seed 000's own sentences (武冈
 * 2022, copied verbatim): 规上 / 规模(以上), 成交金额 / 交易额, 实现 / 完成 in front of a name.
 */
describe("FIGURE_CONFLICT on near-synonym names (seed 000 phrasings)", () => {
  const S1 =
    "全市122家规模工业企业全年完成规模工业总产值126.8亿元，同比增长16.2%；完成规模工业增加值32.4亿元，预计同比增长8.2%；" +
    "完成制造业增加值23亿元，占GDP的13.5%；1－11月工业固投70.44亿元，增速14.7%，新增规模工业企业19家，超额完成各项指标任务。";
  const S2 =
    "2022年规上企业科技研发投入4.75亿元，研发支出占生产总值比重达2.2%，超额完成任务；完成科技型中小企业评价入库111家，" +
    "较去年增长160%；新认定高新技术企业9家；完成技术合同交易额9.43亿元、科技成果登记234项";

  test("“实现规上工业总产值” 130亿元 vs “完成规模工业总产值126.8亿元”: 实现 = 完成, 规上 = 规模(以上)", () => {
    const f = one(run(form(row("实现规上工业总产值", "≥120亿元", "130亿元"), S1).wb), "FIGURE_CONFLICT");
    expect(f.typed).toBe("130亿元");
    expect(f.expected).toBe("126.8亿元");
  });

  test("“技术合同成交金额” 5.3亿元 vs “完成技术合同交易额9.43亿元”: 成交金额 = 交易额", () => {
    expect(
      one(run(form(row("技术合同成交金额", "≥3.7亿元", "5.3亿元"), S2).wb), "FIGURE_CONFLICT").expected,
    ).toBe("9.43亿元");
  });

  test("“新增规上工业企业” 20家 vs “新增规模工业企业19家”; “规模企业科技研发投入” 5亿元 vs “规上企业科技研发投入4.75亿元”", () => {
    expect(one(run(form(row("新增规上工业企业", "≥15家", "20家"), S1).wb), "FIGURE_CONFLICT").expected).toBe(
      "19家",
    );
    expect(
      one(run(form(row("规模企业科技研发投入", "≥4亿元", "5亿元"), S2).wb), "FIGURE_CONFLICT").expected,
    ).toBe("4.75亿元");
  });

  test("quiet: the same figure under a synonym; other quantities beside it (增加值 vs 总产值, 制造业 vs 规上工业)", () => {
    for (const [name, target, actual, text] of [
      ["规上工业增加值", "≥30亿元", "32.4亿元", S1],
      ["新增规上工业企业", "≥15家", "19家", S1],
      ["规上工业总产值", "≥120亿元", "126.8亿元", S1],
      ["技术合同成交金额", "≥9亿元", "9.43亿元", S2],
      ["规上企业科技研发投入", "≥4亿元", "4.75亿元", S2],
    ] as const)
      expect(run(form(row(name, target, actual), text).wb).of("FIGURE_CONFLICT")).toEqual([]);
  });

  test("names: the table's spellings are one quantity; other names stay apart", () => {
    expect(sameQuantity("完成技术合同交易金额", "技术合同成交额")).toBe(true);
    expect(sameQuantity("全年完成规模工业总产值", "实现规上工业总产值")).toBe(true);
    expect(sameQuantity("完成规模工业增加值", "规上工业总产值")).toBe(false);
    expect(sameQuantity("完成制造业增加值", "规上工业增加值")).toBe(false);
  });
});

describe("figure extraction", () => {
  test("phrases and normalised values", () => {
    const f = figuresInText("完成技术合同交易额9.43亿元、科技成果登记234项");
    expect(f.map((x) => [x.phrase, x.value, x.unit])).toEqual([
      ["完成技术合同交易额", 94300, "万元"],
      ["科技成果登记", 234, "项"],
    ]);
  });
  test("names: verbs stripped, one ends the other, at least 4 characters, targets excluded", () => {
    expect(sameQuantity("占工业总产值", "规模工业总产值")).toBe(true);
    expect(sameQuantity("完成技术合同交易额", "技术合同成交额")).toBe(true);
    expect(sameQuantity("技术合同成交额任务", "技术合同成交额")).toBe(false);
    expect(sameQuantity("产值", "规模工业总产值")).toBe(false);
    expect(sameQuantity("新增规模企业", "培育高新技术企业")).toBe(false);
  });
});

test("3,000 rows naming one quantity, each reason giving another figure: linear, at most 3 findings per row", () => {
  // Every row: 工业投资 actual 11亿元; every reason: "全年完成工业投资12亿元" (a different figure).
  const { wb } = build((s) => {
    const rows: IndicatorSpec[] = [];
    for (let k = 0; k < 3000; k++)
      rows.push({
        ...row(`工业投资${k % 2 === 0 ? "" : "额"}`, "≥10亿元", "11亿元"),
        reason: "全年完成工业投资12亿元。",
      });
    s.indicators = [...rows, ...s.indicators];
  });
  const t0 = Date.now();
  const found = run(wb).of("FIGURE_CONFLICT");
  expect(Date.now() - t0).toBeLessThan(15000);
  const perRow = new Map<number, number>();
  for (const f of found) perRow.set(f.ref!.row, (perRow.get(f.ref!.row) ?? 0) + 1);
  expect(Math.max(...perRow.values())).toBeLessThanOrEqual(3);
  // The 1,500 工业投资 rows and the correct form's own 完成工业投资 (11.6亿元); "工业投资额" is another quantity.
  expect(perRow.size).toBe(1501);
});
