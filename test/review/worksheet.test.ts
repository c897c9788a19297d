/**
 * 复核底稿 (src/core/review/worksheet.ts): every verified item with 计算值 / 报告值 / 差额 / 判断, and the
 * totals 自评得分 / 复核得分 / 偏离度. Numbers are the samples' hand-checked ones (scripts/sample-specs.ts).
 */
import { describe, expect, test } from "@jest/globals";
import { refToString } from "../../src/core/grid";
import { checkForm, checkWorkbook } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import type { FormResult, SelfEvalForm } from "../../src/core/model";
import { FAILING_VERDICTS, reviewWorksheet, type ReviewWorksheet } from "../../src/core/review/worksheet";
import { worksheetRows, worksheetTable, WORKSHEET_HEADER, type TableCell } from "../../src/core/review/table";
import { buildStandardForm, type FormSpec } from "../../src/core/template";
import type { Sheet } from "../../src/core/grid";
import { buildReportForm } from "../../src/core/kinds/report/template";
import { kindSampleSheet, kindSampleSpecs, largeSpec, sampleSpecs } from "../../scripts/sample-specs";
import { REPORT_SAMPLE_FILE, seed004ReportSpec } from "../../scripts/sample-report";
import { PROJECT_OPTIONS, projectSpec, TIANJIN_OPTIONS, tianjinSpec } from "../kinds/fixtures";
import { HUNAN, NATIONAL, run } from "../checks/helpers";

const spec = (file: string): FormSpec => sampleSpecs().find((s) => s.file === file)!.spec;

/** The working paper of a form checked under the hunan profile (as the checker decided its rules and plan). */
function reviewOf(wb: Workbook, form: SelfEvalForm): ReviewWorksheet {
  const r = checkForm(form, wb, HUNAN());
  return reviewWorksheet({ form, profileUsed: r.profileUsed, plan: r.plan });
}

function formOf(s: FormSpec): { form: SelfEvalForm; ws: ReviewWorksheet } {
  const wb = { sheets: [buildStandardForm(s)] };
  const form = locateForms(wb)[0];
  return { form, ws: reviewOf(wb, form) };
}

const row = (ws: ReviewWorksheet, item: string) => {
  const r = ws.rows.find((x) => x.item === item);
  if (!r) throw new Error(`no row ${item}: ${ws.rows.map((x) => x.item).join(", ")}`);
  return r;
};

describe("吉首2023 (seed 004)", () => {
  const { ws } = formOf(spec("错误示例-吉首2023.xlsx"));

  test("failing items with the rule's value, the typed value and 差额 = 报告值 − 计算值", () => {
    // 执行率 5374.35 / 5374.35 = 100% → 10 × 100% = 10; typed 8 → 8 − 10 = −2.
    expect(row(ws, "预算执行率得分")).toMatchObject({
      computed: 10,
      reported: 8,
      difference: -2,
      verdict: "不符",
    });
    // 新增规模企业 4家 / 8家, ≥ → full points 6; typed 7 → +1.
    expect(row(ws, "产出指标·新增规模企业 得分")).toMatchObject({
      computed: 6,
      reported: 7,
      difference: 1,
      verdict: "不符",
    });
    // 及时率 100% / 99%: 6 × 99 / 100 = 5.94; typed 4 → −1.94.
    expect(row(ws, "产出指标·重点工作完成及时率 得分")).toMatchObject({
      computed: 5.94,
      reported: 4,
      difference: -1.94,
      verdict: "不符",
    });
    // 满意度 target 98%, actual 95%: 10 × 95 / 98 = 9.693… → 9.69; typed 9 → −0.69.
    expect(row(ws, "满意度指标·社会公众满意度 得分")).toMatchObject({
      computed: 9.69,
      reported: 9,
      difference: -0.69,
      verdict: "不符",
    });
  });

  test("items that agree are listed too (not only the failing ones)", () => {
    // 5374.35 = 4836.3 + 0 + 538.05 in each amount column.
    for (const col of ["年初预算数", "全年预算数", "全年执行数"])
      expect(row(ws, `年度资金总额·${col}`)).toMatchObject({
        computed: 5374.35,
        reported: 5374.35,
        verdict: "一致",
      });
    expect(row(ws, "预算执行率（%）")).toMatchObject({ computed: 100, reported: 100, verdict: "一致" });
    expect(row(ws, "产出指标·完成工业投资 得分")).toMatchObject({
      computed: 6,
      reported: 6,
      verdict: "一致",
    });
    // The typed parts add up: 8 + 49 + 30 + 9 = 96 = the typed 总分.
    expect(row(ws, "总分（表中各项得分相加）")).toMatchObject({
      computed: 96,
      reported: 96,
      verdict: "一致",
    });
    // Weights: 10 + 6·4 + 5 + 6 + 5·3 + 10·3 + 10 = 100.
    expect(row(ws, "分值合计")).toMatchObject({ computed: 100, reported: 100, verdict: "一致" });
  });

  test("复核得分 by the rules, 偏离度 = (自评 − 复核) ÷ 自评", () => {
    // 10 + (6+6+6+6+5+5.94+5+5+5 = 49.94) + (10+10+10 = 30) + 9.69 = 99.63 (公用经费 etc. typed 5, not
    // comparable: counted as typed, within 0～5).
    expect(ws.selfScore).toBe(96);
    expect(ws.reviewScore).toBe(99.63);
    // (96 − 99.63) / 96 = −3.63 / 96 = −0.0378125
    expect(ws.deviation).toBeCloseTo(-0.0378125, 6);
    expect(row(ws, "总分（按评分规则重算）")).toMatchObject({
      computed: 99.63,
      reported: 96,
      verdict: "不符",
    });
    // 96 and 99.63 are both 优 (≥ 90).
    expect(row(ws, "等级（按表中总分）")).toMatchObject({ computed: "优", reported: "优", verdict: "一致" });
    expect(row(ws, "等级（按复核总分）")).toMatchObject({ computed: "优", reported: "优", verdict: "一致" });
  });

  test("indicators without a rule are left to the reviewer, with their range", () => {
    // 公用经费控制率 holds amounts (27.6万元 / 20.48万元) under a rate name: no quantitative rule.
    expect(row(ws, "产出指标·公用经费控制率 得分")).toMatchObject({
      computed: "0～5",
      reported: 5,
      verdict: "人工判断",
    });
  });
});

describe("武冈2022 (seed 000) under hunan", () => {
  const { ws } = formOf(spec("错误示例-武冈2022.xlsx"));

  test("doubted rate and 执行率得分 (no computed value), weights 95 and the typed total 95 vs parts 90", () => {
    // 全年执行数 4551.57 (F7) is the income total while spending is 4563.47, and 全年预算数 459.61 (E7) is below
    // its own 基本支出 679.77: 4551.57 / 459.61 = 990.31% rests on doubted figures, and so do its points.
    const doubt = "无法确定：请先核对全年执行数（F7）、全年预算数（E7）";
    expect(row(ws, "预算执行率（%）")).toMatchObject({
      source: doubt,
      computed: null,
      reported: 990,
      verdict: "无法核对",
    });
    expect(row(ws, "预算执行率得分")).toMatchObject({
      source: doubt,
      computed: null,
      reported: 0,
      verdict: "无法核对",
    });
    // 5 + 5·8 + 10 + 5 + 5 + 8 + 6 + 6 + 10 = 95 vs 100.
    expect(row(ws, "分值合计")).toMatchObject({
      computed: 100,
      reported: 95,
      difference: -5,
      verdict: "不符",
    });
    // Parts as typed: 0 + 50 + 30 + 10 = 90; typed 95.
    expect(row(ws, "总分（表中各项得分相加）")).toMatchObject({ computed: 90, reported: 95, difference: 5 });
    // Income total 4551.57 typed as 全年执行数; spending 679.77 + 3883.70 = 4563.47.
    expect(row(ws, "年度资金总额·全年执行数")).toMatchObject({
      computed: 4563.47,
      reported: 4551.57,
      verdict: "不符",
    });
    // The spending items have no 全年预算数: nothing to add up, not "0 ≠ 459.61".
    expect(row(ws, "年度资金总额·全年预算数")).toMatchObject({ computed: null, verdict: "无法核对" });
  });

  test("no 复核得分 while the 执行率 rests on doubted figures, so no 偏离度", () => {
    expect(ws.reviewScore).toBeNull();
    expect(ws.deviation).toBeNull();
    expect(row(ws, "总分（按评分规则重算）")).toMatchObject({ computed: null, verdict: "无法核对" });
  });
});

describe("正确填报示例", () => {
  test("every item agrees; the 定性 row lies in its band", () => {
    const { ws } = formOf(spec("正确填报示例.xlsx"));
    const failing = ws.rows.filter((r) => !["一致", "区间内"].includes(r.verdict));
    expect(failing).toEqual([]);
    // 尾矿库治理 达成 → [80%, 100%] of 5 = 4～5; typed 5.
    expect(row(ws, "效益指标·指标1：尾矿库治理达标情况 得分")).toMatchObject({
      computed: "4～5",
      reported: 5,
      verdict: "区间内",
    });
    // 9.53 + 49.5 + 30 + 10 = 99.03.
    expect(ws).toMatchObject({ selfScore: 99.03, reviewScore: 99.03, deviation: 0 });
    // One row per scored indicator (10) + 3 budget sums + rate + 执行率得分 + weights + 2 totals + 2 grades.
    expect(ws.rows).toHaveLength(10 + 3 + 1 + 1 + 1 + 2 + 2);
  });

  test("a typed score out of its band is 超出区间", () => {
    const s = spec("正确填报示例.xlsx");
    const i = s.indicators.findIndex((x) => x.name.includes("尾矿库"));
    s.indicators[i] = { ...s.indicators[i], score: 3 }; // 达成 band of 5 is 4～5
    const { ws } = formOf(s);
    expect(row(ws, "效益指标·指标1：尾矿库治理达标情况 得分")).toMatchObject({
      reported: 3,
      verdict: "超出区间",
    });
  });
});

describe("agreement with the checks", () => {
  const cases: [string, FormSpec][] = [
    ...sampleSpecs()
      .filter((s) => s.file.endsWith(".xlsx") && s.spec.indicators.length > 0)
      .map((s) => [s.file, s.spec] as [string, FormSpec]),
    ["largeSpec(30)", largeSpec(30)],
  ];
  test.each(cases)("%s: every failing row's cell carries an error or warning finding", (_name, s) => {
    const wb = { sheets: [buildStandardForm(s)] };
    const r = run(wb);
    const form = locateForms(wb)[0];
    const ws = reviewOf(wb, form);
    const flagged = new Set(
      r.findings.filter((f) => f.severity !== "info" && f.ref).map((f) => refToString(f.ref!)),
    );
    // Two rows are summaries, not cells of their own: 分值合计 (WEIGHT_TOTAL points at the weight that is
    // off) and the total by the rules (when the typed total adds up its typed parts, the wrong parts
    // carry the findings, not the total).
    const summaries = ["分值合计", "总分（按评分规则重算）"];
    for (const x of ws.rows.filter(
      (y) => FAILING_VERDICTS.includes(y.verdict) && !summaries.includes(y.item),
    ))
      expect({ item: x.item, flagged: flagged.has(refToString(x.ref!)) }).toEqual({
        item: x.item,
        flagged: true,
      });
    if (ws.rows.find((y) => y.item === "分值合计")?.verdict === "不符")
      expect(r.of("WEIGHT_TOTAL").length).toBeGreaterThan(0);
    const byRule = ws.rows.find((y) => y.item === "总分（按评分规则重算）")!;
    if (byRule.verdict === "不符")
      expect(r.findings.some((f) => f.severity === "error" && f.rule !== "WEIGHT_TOTAL")).toBe(true);
    // And the other way: every score/sum/rate/grade finding's cell is a row that does not read 一致.
    const arithmetic = r.findings.filter((f) =>
      ["SUM_MISMATCH", "SCORE_MISMATCH", "RATE_MISMATCH", "GRADE_MISMATCH", "SCORE_OUT_OF_RANGE"].includes(
        f.rule,
      ),
    );
    for (const f of arithmetic) {
      const rows = ws.rows.filter((y) => y.ref && refToString(y.ref) === refToString(f.ref!));
      expect({ rule: f.rule, verdicts: rows.some((y) => y.verdict !== "一致") }).toEqual({
        rule: f.rule,
        verdicts: true,
      });
    }
    // The total computed here is the checker's own.
    expect(ws.reviewScore).toBe(r.results[0].total.computed);
  });
});

describe("as a table", () => {
  test("title, header, one line per row, then 自评得分 / 复核得分 / 偏离度", () => {
    const { ws } = formOf(spec("错误示例-吉首2023.xlsx"));
    const t = worksheetTable(ws, "复核底稿：吉首");
    expect(t[0]).toEqual(["复核底稿：吉首"]);
    expect(t[1]).toEqual(WORKSHEET_HEADER);
    expect(WORKSHEET_HEADER.slice(0, 6)).toEqual(["核查项", "公式/来源", "计算值", "报告值", "差额", "判断"]);
    expect(t).toHaveLength(2 + ws.rows.length + 3);
    const tail = t.slice(-3);
    expect(tail[0].slice(0, 4)).toEqual(["自评得分", "表中总分", "", 96]);
    expect(tail[1].slice(0, 3)).toEqual(["复核得分", "按评分规则重算的总分", 99.63]);
    // −0.0378125 → −3.78%
    expect(tail[2][2]).toBe("-3.78%");
    const score = t.find((x) => x[0] === "预算执行率得分")!;
    expect(score).toEqual(["预算执行率得分", "10 = 100.00% × 10", 10, 8, -2, "不符", "自评表!I7"]);
  });
});

describe("older Hunan report form (一级 summary table, combined 评分/等级 cell)", () => {
  type In = string | number | null;
  const cell = (v: In) =>
    v === null
      ? undefined
      : typeof v === "number"
        ? { value: { kind: "number" as const, value: v } }
        : { value: { kind: "text" as const, value: v } };
  /** Modelled on seed 004's report form (test/locate/locate-hunan.test.ts). */
  const sheet = (outputRate: string) => ({
    name: "附件2",
    merges: [{ top: 8, left: 0, bottom: 9, right: 0 }],
    cells: (
      [
        ["吉首市科工信局2023年度部门整体支出绩效自评报告"],
        ["部门（单位）名称（盖章）：吉首市科工信局"],
        ["预算编码：004001"],
        ["报告时间：2024年6月"],
        ["一、部门（单位）基本概况"],
        ["联系人", "陶毅", "联系电话", "8520526"],
        ["人员编制", 23, "实有人数", 22],
        ["三、部门（单位）整体支出绩效自评情况"],
        ["整体支出绩效定性目标及实施计划完成情况", "预期目标", "实际完成"],
        [null, "市属规模工业增加值增长10%以上", "市属规上工业完成产值39.4亿元"],
        ["绩效自评综合得分及评价等次", "评分：96                       等级：优"],
        ["四、评价人员"],
        ["姓  名", "职务/职称", "单  位", "签  字"],
        ["张  峰", "局  长", "吉首市科工信局", null],
        [],
        ["一级指标", "指标分值", "自评得分", "得分率"],
        ["投入", 10, 8, "80%"],
        ["产出", 50, 49, outputRate],
        ["效益", 30, 30, "100%"],
        ["满意度", 10, 9, "90%"],
        ["合计", 100, 96, "96%"],
      ] as In[][]
    ).map((r) => r.map(cell)),
  });

  test("得分率 = 得分 ÷ 分值 per row, 合计 = the rows, total and grade from the combined cell", () => {
    const wb = { sheets: [sheet("90%")] };
    const form = locateForms(wb)[0];
    expect(form.kind).toBe("report");
    const ws = reviewOf(wb, form);
    // 8 ÷ 10 = 80% as printed; 49 ÷ 50 = 98% but "90%" printed → −8 points.
    expect(row(ws, "投入 得分率（%）")).toMatchObject({ computed: 80, reported: 80, verdict: "一致" });
    expect(row(ws, "产出 得分率（%）")).toMatchObject({
      computed: 98,
      reported: 90,
      difference: -8,
      verdict: "不符",
    });
    // 8 + 49 + 30 + 9 = 96 = 合计 and = 评分：96; 96 ≥ 90 → 优.
    expect(row(ws, "一级指标汇总表·合计得分")).toMatchObject({ computed: 96, reported: 96, verdict: "一致" });
    expect(row(ws, "总分（表中各项得分相加）")).toMatchObject({
      computed: 96,
      reported: 96,
      verdict: "一致",
    });
    expect(row(ws, "等级（按表中总分）")).toMatchObject({ computed: "优", reported: "优", verdict: "一致" });
    expect(ws).toMatchObject({ selfScore: 96, reviewScore: 96, deviation: 0 });
  });
});

describe("复核得分 is the checker's total (one source: the plan)", () => {
  const kinds = kindSampleSpecs().map((k) => [k.file, kindSampleSheet(k)] as [string, Sheet]);
  const cases: [string, Sheet][] = [
    ...sampleSpecs().map((s) => [s.file, buildStandardForm(s.spec)] as [string, Sheet]),
    ...kinds,
    ["largeSpec(30)", buildStandardForm(largeSpec(30))],
    ["largeSpec(200)", buildStandardForm(largeSpec(200))],
    ["projectSpec()", buildStandardForm(projectSpec(), PROJECT_OPTIONS)],
    ["tianjinSpec()", buildStandardForm(tianjinSpec(), TIANJIN_OPTIONS)],
    [REPORT_SAMPLE_FILE, buildReportForm(seed004ReportSpec()).sheet],
  ];
  test.each(cases)("%s", (_name, sheet) => {
    const r = run({ sheets: [sheet] });
    expect(r.results.length).toBeGreaterThan(0);
    for (const res of r.results) {
      const ws = reviewWorksheet({ ...res, form: res.form! });
      expect(ws.reviewScore).toBe(res.total.computed);
      expect(ws.rows.find((x) => x.item === "等级（按复核总分）")!.computed).toBe(res.grade.computed);
    }
  });

  test("自评报告 (seed 004): 投入 recomputed, 复核得分 98 where the form says 96", () => {
    // 投入 = 预算执行率 score: 支出合计 ÷ 收入合计 = 100% → 10 × 100% = 10 (typed 8);
    // 10 + 产出 49 + 效益 30 + 满意度 9 = 98 (scripts/sample-report.ts, item 10).
    const sheet = buildReportForm(seed004ReportSpec()).sheet;
    const wb = { sheets: [sheet] };
    const form = locateForms(wb)[0];
    expect(reviewOf(wb, form)).toMatchObject({ selfScore: 96, reviewScore: 98 });
  });
});

describe("the checker decides the rules once; FormResult carries them to the 复核底稿", () => {
  /** seed 004's report with its summary edited: 投入 10 + 产出 30 + 效益 20 + 满意度 5 = 65. */
  function reportAt65(combined: string): Workbook {
    const spec = seed004ReportSpec();
    spec.summary = [
      ["投入", 10, 10, "100%"],
      ["产出", 50, 30, "60%"],
      ["效益", 30, 20, "66.67%"],
      ["满意度", 10, 5, "50%"],
      ["合计", 100, 65, "65%"],
    ];
    spec.combined = combined;
    return { sheets: [buildReportForm(spec).sheet] };
  }
  const gradeByTyped = (rows: TableCell[][]): TableCell =>
    rows.find((r) => r[0] === "等级（按表中总分）")![2];

  test("the rows follow FormResult.profileUsed, not a profile looked up again by its id", () => {
    const [res] = checkWorkbook(reportAt65("评分：65   等级：较差"), { profile: HUNAN() });
    // 投入 from the tables: 支出合计 ÷ 收入合计 = 100% → 10; 10 + 30 + 20 + 5 = 65; hunan: 60 ≤ 65 < 80 → 较差.
    expect(res.total.computed).toBe(65);
    expect(res.grade.computed).toBe("较差");
    expect(res.profileUsed.id).toBe("hunan");
    expect(gradeByTyped(worksheetRows([res]))).toBe("较差");
    // The id alone naming the national profile (where 65 is 中) changes nothing: the decision is profileUsed.
    const renamed: FormResult = { ...res, profile: "national" };
    expect(worksheetRows([renamed])).toEqual(worksheetRows([res]));
    expect(gradeByTyped(worksheetRows([{ ...res, profileUsed: NATIONAL() }]))).toBe("中");
  });

  test("a 自评报告's printed 备注 bands are in profileUsed (id still hunan), and the 复核底稿 grades by them", () => {
    // 85（含）—100 优, 70（含）—85 良: 65 is 较差 by the 备注 as by hunan; 85 would be 优 (良 under hunan).
    const note = "备注：85（含）—100分为优；70（含）—85分为良；60（含）—70分为较差；60分以下为差。";
    const [res] = checkWorkbook(reportAt65(`评分：65   等级：较差\n${note}`), { profile: HUNAN() });
    expect(res.profile).toBe("hunan");
    expect(res.profileUsed.grades).toEqual([
      { label: "优", min: 85 },
      { label: "良", min: 70 },
      { label: "较差", min: 60 },
      { label: "差", min: 0 },
    ]);
    const rows = worksheetRows([res]);
    expect(rows.find((r) => r[0] === "等级（按表中总分）")![1]).toContain("优 ≥ 85");
    expect(gradeByTyped(rows)).toBe("较差");
  });
});
