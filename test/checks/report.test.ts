/**
 * Checks of the 自评报告 layout (kind `report`) on seed 004's own table (scripts/sample-report.ts), each with a
 * firing and a quiet case. Every number below is computed by hand from the seed text.
 */
import { describe, expect, test } from "@jest/globals";
import type { CellRef } from "../../src/core/grid";
import type { Finding, RuleId } from "../../src/core/model";
import {
  buildReportForm,
  type Pos,
  type ReportLayout,
  type ReportSpec,
} from "../../src/core/kinds/report/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { HUNAN, NATIONAL, STEP, run, type Run } from "./helpers";

const SHEET = "自评报告";
const ref = (p: Pos): CellRef => ({ sheet: SHEET, row: p.row, col: p.col });

function check(edit?: (s: ReportSpec) => void, profile = HUNAN()): { r: Run; layout: ReportLayout } {
  const spec = seed004ReportSpec();
  edit?.(spec);
  const { sheet, layout } = buildReportForm(spec);
  return { r: run({ sheets: [sheet] }, profile), layout };
}

/** The cell of a money table's value: row index (0 = 汇总, 1 = 局机关) and value index (0 = 合计). */
function moneyRef(
  layout: ReportLayout,
  table: keyof ReportLayout["tables"],
  row: number,
  value: number,
): CellRef {
  const t = layout.tables[table]!;
  return { sheet: SHEET, row: t.firstRow + row, col: t.cols[value] };
}

const at = (r: Run, rule: RuleId, cell: CellRef): Finding[] =>
  r.of(rule).filter((f) => f.ref?.row === cell.row && f.ref?.col === cell.col);

/** Sets a money row's values (0 = 汇总, 1 = 局机关). */
function setMoney(
  s: ReportSpec,
  table: "income" | "spending" | "threePublic" | "assets",
  row: number,
  values: (number | null)[],
) {
  s[table]![row] = { ...s[table]![row], values };
}

describe("基本概况", () => {
  test("实有人数 above 人员编制 is a MAGNITUDE warning (25 > 23); the seed's 22 ≤ 23 is quiet", () => {
    const { r, layout } = check((s) => (s.staff.actual = 25));
    const [f] = at(r, "MAGNITUDE", ref(layout.staffActual));
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("实有人数 25 人多于人员编制 23 人（多 2 人）");
    const quiet = check();
    expect(at(quiet.r, "MAGNITUDE", ref(quiet.layout.staffActual))).toEqual([]);
  });

  test("联系电话 blank is MISSING_FIELD on its cell; filled (8520526) is quiet", () => {
    const { r, layout } = check((s) => (s.phone = null));
    expect(at(r, "MISSING_FIELD", ref(layout.phone))).toHaveLength(1);
    expect(check().r.of("MISSING_FIELD")).toEqual([]);
  });
});

describe("年度收入情况", () => {
  test("seed: 收入合计 5374.34 ≠ 0 + 3091.34 + 1744.35 + 0 + 538.05 = 5373.74, on the 汇总 and the 局机关 row", () => {
    const { r, layout } = check();
    for (const row of [0, 1]) {
      const [f] = at(r, "SUM_MISMATCH", moneyRef(layout, "income", row, 0));
      expect(f.severity).toBe("error");
      expect(f.typed).toBe(5374.34);
      expect(f.expected).toBe(5373.74);
      expect(f.steps).toBe("5373.74 = 公共财政拨款 3091.34 + 政府基金拨款 1744.35 + 其他收入 538.05");
      expect(f.message).toContain("相差 0.6");
    }
  });

  test("quiet when 收入合计 = its parts (5373.74)", () => {
    const v = [5373.74, null, 3091.34, 1744.35, null, 538.05];
    const { r, layout } = check((s) => {
      setMoney(s, "income", 0, v);
      setMoney(s, "income", 1, v);
    });
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "income", 0, 0))).toEqual([]);
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "income", 1, 0))).toEqual([]);
  });

  test("the 汇总 row = the sum of its 机构 rows: 局机关 5373.74 + 二级机构1 100 = 5473.74, 汇总 typed 5373.74", () => {
    const { r, layout } = check((s) => {
      setMoney(s, "income", 0, [5373.74, null, 3091.34, 1744.35, null, 538.05]);
      setMoney(s, "income", 1, [5373.74, null, 3091.34, 1744.35, null, 538.05]);
      setMoney(s, "income", 2, [100, null, 100, null, null, null]);
    });
    const found = at(r, "SUM_MISMATCH", moneyRef(layout, "income", 0, 0));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(5473.74);
    expect(found[0].message).toContain("各机构相加为 5473.74");
    // 公共财政拨款 column too: 3091.34 + 100 = 3191.34.
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "income", 0, 2))[0].expected).toBe(3191.34);
    // The seed's 汇总 (= its one filled 机构 row) gives no 汇总-vs-机构 finding: only the parts one.
    const seed = check();
    expect(at(seed.r, "SUM_MISMATCH", moneyRef(seed.layout, "income", 0, 0))[0].message).toContain(
      "各组成部分",
    );
    expect(at(seed.r, "SUM_MISMATCH", moneyRef(seed.layout, "income", 0, 2))).toEqual([]);
  });
});

describe("年度支出和结余情况", () => {
  test("seed: 支出合计 5374.44 ≠ 基本支出 382.71 + 项目支出 4991.63 = 5374.34; 基本支出 = 362.23 + 20.48 holds", () => {
    const { r, layout } = check();
    for (const row of [0, 1]) {
      const [f] = at(r, "SUM_MISMATCH", moneyRef(layout, "spending", row, 0));
      expect(f.expected).toBe(5374.34);
      expect(f.steps).toBe("5374.34 = 基本支出 382.71 + 项目支出 4991.63");
      expect(at(r, "SUM_MISMATCH", moneyRef(layout, "spending", row, 1))).toEqual([]);
    }
  });

  test("基本支出 ≠ 人员支出 + 公用支出 fires (382.71 vs 360 + 20.48 = 380.48); quiet when they add up", () => {
    const { r, layout } = check((s) =>
      setMoney(s, "spending", 1, [5374.34, 382.71, 360, 20.48, 4991.63, null, null]),
    );
    const [f] = at(r, "SUM_MISMATCH", moneyRef(layout, "spending", 1, 1));
    expect(f.expected).toBe(380.48);
    expect(f.steps).toBe("380.48 = 人员支出 360 + 公用支出 20.48");
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "spending", 1, 0))).toEqual([]);
  });

  test("支出合计 5374.44 > 收入合计 5374.34 is an EXEC_OVER_100 warning; quiet when spending is lower", () => {
    const { r, layout } = check();
    const [f] = r.of("EXEC_OVER_100");
    expect(f.severity).toBe("warning");
    expect(f.ref).toEqual(moneyRef(layout, "spending", 0, 0));
    // 5374.44 ÷ 5374.34 = 1.0000186… → 100.00%.
    expect(f.steps).toBe("100.0019% = 支出合计 5374.44 ÷ 收入合计 5374.34");
    const quiet = check((s) => {
      const v = [5000, 382.71, 362.23, 20.48, 4617.29, null, null]; // 382.71 + 4617.29 = 5000
      setMoney(s, "spending", 0, v);
      setMoney(s, "spending", 1, v);
    });
    expect(quiet.r.of("EXEC_OVER_100")).toEqual([]);
  });
});

describe("三公经费 and 固定资产", () => {
  test("合计 ≠ parts fires (三公 0.5 vs 0.4 + 0 + 0 + 0; 固定资产 73.04 vs 73.22); the seed's tables are quiet", () => {
    const { r, layout } = check((s) => {
      setMoney(s, "threePublic", 1, [0.5, 0.4, 0, 0, 0]);
      setMoney(s, "assets", 1, [73.04, 73.22, null, null]);
    });
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "threePublic", 1, 0))[0].expected).toBe(0.4);
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "assets", 1, 0))[0].expected).toBe(73.22);
    // 汇总 0.4 vs 机构 rows 0.5: its own parts add up (0.4), so the 汇总-vs-机构 sum fires there.
    expect(at(r, "SUM_MISMATCH", moneyRef(layout, "threePublic", 0, 0))[0].expected).toBe(0.5);
    const seed = check();
    for (const t of ["threePublic", "assets"] as const)
      for (const row of [0, 1])
        expect(at(seed.r, "SUM_MISMATCH", moneyRef(seed.layout, t, row, 0))).toEqual([]);
  });
});

describe("定量目标 rows", () => {
  test("rate indicators filled with amounts: UNIT_MISMATCH with the rate (20.48 ÷ 27.6 = 74.20%, 4.82 ÷ 6.7 = 71.94%)", () => {
    const { r, layout } = check();
    const unit = (i: number) => at(r, "UNIT_MISMATCH", ref(layout.quantitative[i].actual))[0];
    expect(unit(0).expected).toBe("74.20%");
    expect(unit(0).steps).toBe("74.20% = 20.48万元 ÷ 27.6万元");
    expect(unit(1).expected).toBe("100.00%"); // 0.4 ÷ 0.4
    expect(unit(2).expected).toBe("71.94%");
    expect(unit(2).steps).toBe("71.94% = 4.82万元 ÷ 6.7万元");
    const quiet = check((s) => {
      s.quantitative[0].target = "≤100%";
      s.quantitative[0].actual = "74.20%";
    });
    expect(at(quiet.r, "UNIT_MISMATCH", ref(quiet.layout.quantitative[0].actual))).toEqual([]);
  });

  test("below target without a reason: MISSING_REASON (99% vs 100% → 99.00%; 95% vs 98% → 96.94%)", () => {
    const { r, layout } = check();
    const timely = at(r, "MISSING_REASON", ref(layout.quantitative[7].actual));
    expect(timely).toHaveLength(1);
    expect(timely[0].steps).toBe("完成 99% ÷ 目标 100% = 99.00%");
    const satisfaction = at(r, "MISSING_REASON", ref(layout.quantitative[12].actual));
    expect(satisfaction[0].steps).toBe("完成 95% ÷ 目标 98% = 96.94%");
    expect(r.of("MISSING_REASON")).toHaveLength(2);
  });

  test("quiet when the target is met, or the 完成情况 gives the reason; a ≤ target exceeded fires", () => {
    const met = check((s) => {
      s.quantitative[7].actual = "100%";
      s.quantitative[12].actual = "满意度在98%以上";
    });
    expect(met.r.of("MISSING_REASON")).toEqual([]);
    const explained = check((s) => {
      s.quantitative[7].actual = "99%，因1项工作受疫情影响延期完成";
      s.quantitative[12].actual = "满意度95%，原因是政策宣传覆盖面不足";
    });
    expect(explained.r.of("MISSING_REASON")).toEqual([]);
    const over = check((s) => {
      s.quantitative[0].target = "≤100%";
      s.quantitative[0].actual = "110%";
    });
    const [f] = at(over.r, "MISSING_REASON", ref(over.layout.quantitative[0].actual));
    expect(f.message).toContain("超出了目标");
    expect(f.steps).toBe("完成 110% ÷ 目标 100% = 110.00%");
  });

  test("over 130% (8 ÷ 4 = 200%, 80 ÷ 50 = 160%, 40 ÷ 30 = 133.33%), forecast and part-year values as on the standard form", () => {
    const { r, layout } = check();
    const over = r.of("OVER_ACHIEVEMENT");
    expect(over.map((f) => f.ref)).toEqual([3, 6, 10].map((i) => ref(layout.quantitative[i].actual)));
    expect(over.map((f) => f.steps)).toEqual([
      "200.00% = 8家 ÷ 4家",
      "160.00% = 80个 ÷ 50个",
      "133.33% = 40家 ÷ 30家",
    ]);
    // 实际完成 of the 定性目标: 今年1-10月.
    const [goal] = r.of("FORECAST_VALUE");
    expect(goal.ref).toEqual(ref(layout.goalsActual));
    expect(goal.typed).toBe("1-10月");
    const forecast = check((s) => {
      s.quantitative[3].actual = "预计完成5家";
      s.quantitative[4].actual = "1-10月完成11.6亿元";
    });
    for (const i of [3, 4])
      expect(at(forecast.r, "FORECAST_VALUE", ref(forecast.layout.quantitative[i].actual))).toHaveLength(1);
    const quiet = check((s) => {
      s.quantitative[3].actual = "完成5家";
      s.quantitative[6].actual = "60个";
      s.quantitative[10].actual = "入企走访35家企业";
      s.goals.actual = "全年市属规上工业完成产值48.2亿元，同比增长2.4%。";
    });
    expect(quiet.r.of("OVER_ACHIEVEMENT")).toEqual([]);
    expect(quiet.r.of("FORECAST_VALUE")).toEqual([]);
  });
});

describe("一级指标 summary, 投入 and the total", () => {
  test("seed: 投入 8 although 支出合计 ÷ 收入合计 = 100%: SCORE_MISMATCH 10, total 10 + 49 + 30 + 9 = 98", () => {
    const { r, layout } = check();
    const [f] = at(r, "SCORE_MISMATCH", ref(layout.summary[0].score));
    expect(f.typed).toBe(8);
    expect(f.expected).toBe(10);
    expect(f.fix).toEqual({ ref: ref(layout.summary[0].score), value: 10 });
    expect(f.steps).toContain(
      "支出合计 5374.44 ÷ 收入合计 5374.34（表中没有全年预算数，按支出合计 ÷ 收入合计计算）",
    );
    expect(f.message).toContain("综合得分应为 98");
    expect(r.results[0].total).toEqual({ typed: 96, computed: 98 });
    expect(r.results[0].grade).toEqual({ typed: "优", computed: "优" });
    // The summary itself adds up (8 + 49 + 30 + 9 = 96) and its 得分率 are right (8 ÷ 10 = 80% …).
    expect(r.of("RATE_MISMATCH")).toEqual([]);
    expect(r.of("WEIGHT_TOTAL")).toEqual([]);
  });

  test("the 投入 row printed as 预算执行率 is the same row: SCORE_MISMATCH 8 → 10, total 98", () => {
    const { r, layout } = check((s) => (s.summary![0] = ["预算执行率", 10, 8, "80%"]));
    const [f] = at(r, "SCORE_MISMATCH", ref(layout.summary[0].score));
    expect([f.typed, f.expected]).toEqual([8, 10]);
    // 10 + 49 + 30 + 9 = 98, as with 投入.
    expect(r.results[0].total).toEqual({ typed: 96, computed: 98 });
  });

  test("quiet when 投入 is 10 (合计 98, 评分 98); under step-deduction 96% → 10 − 1 × 2 = 8", () => {
    const fixed = check((s) => {
      s.summary![0] = ["投入", 10, 10, "100%"];
      s.summary![4] = ["合计", 100, 98, "98%"];
      s.combined = "评分：98   等级：优";
    });
    expect(fixed.r.of("SCORE_MISMATCH")).toEqual([]);
    expect(fixed.r.results[0].total).toEqual({ typed: 98, computed: 98 });
    // 支出合计 4800 ÷ 收入合计 5000 = 96%: 4 points short, 2 whole steps of 2% → 10 − 2 = 8 (step-deduction);
    // proportional (hunan): 10 × 96% = 9.6.
    const lower = (s: ReportSpec) => {
      setMoney(s, "income", 0, [5000, null, 3000, 1500, null, 500]);
      setMoney(s, "income", 1, [5000, null, 3000, 1500, null, 500]);
      setMoney(s, "spending", 0, [4800, 400, 380, 20, 4400, null, null]);
      setMoney(s, "spending", 1, [4800, 400, 380, 20, 4400, null, null]);
    };
    expect(check(lower, STEP()).r.of("SCORE_MISMATCH")).toEqual([]);
    const hunan = check(lower, HUNAN());
    expect(hunan.r.of("SCORE_MISMATCH")[0].expected).toBe(9.6);
    expect(hunan.r.results[0].total.computed).toBe(97.6); // 9.6 + 49 + 30 + 9
  });

  test("得分率 = 自评得分 ÷ 指标分值 and 合计 = parts, on the report's summary", () => {
    const { r, layout } = check((s) => {
      s.summary![1] = ["产出", 50, 49, "90%"];
      s.summary![4] = ["合计", 100, 95, "96%"];
    });
    expect(at(r, "RATE_MISMATCH", ref(layout.summary[1].rate))[0].expected).toBe("98.00%"); // 49 ÷ 50
    // Typed rows 8 + 49 + 30 + 9 = 96 ≠ 95; 投入 by the rule is 10 (支出合计 ÷ 收入合计 = 100%), so the 合计 the
    // plan writes is 10 + 49 + 30 + 9 = 98, and the message names the 投入 change.
    const f = at(r, "SUM_MISMATCH", ref(layout.summary[4].score))[0];
    expect(f.expected).toBe(98);
    expect(f.message).toContain("96");
    expect(f.message).toContain("应为 10");
  });
});

describe("评分/等级 cell and the printed grade bands", () => {
  test("typed total and grade with or without the summary: 评分 96 等级 良 → GRADE_MISMATCH 优 (96 ≥ 90)", () => {
    for (const summary of [true, false]) {
      const { r, layout } = check((s) => {
        s.combined =
          "评分：96   等级：良\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。";
        if (!summary) s.summary = null;
      });
      const [f] = at(r, "GRADE_MISMATCH", ref(layout.combined));
      expect(f.expected).toBe("优");
      // The printed bands equal the profile's: nothing to name.
      expect(f.message).not.toContain("备注");
      expect(r.results[0].total.typed).toBe(96);
    }
  });

  test("the 评分 is checked against the summary's 合计 (95 vs 96); the fix is the corrected total 98", () => {
    const { r, layout } = check((s) => (s.combined = "评分：95   等级：优"));
    // Typed parts 8 + 49 + 30 + 9 = 96 ≠ 95 (seed 004); with 投入 corrected to 10 (execution 100%) the plan's
    // total is 10 + 49 + 30 + 9 = 98, the value every finding proposes (issue 13: one plan per form).
    const f = at(r, "SUM_MISMATCH", ref(layout.combined))[0];
    expect(f.message).toContain("96");
    expect(f.expected).toBe(98);
  });

  test("printed bands that differ from the profile win and are named (85 is 优 by the 备注, 良 by hunan)", () => {
    const note = "备注：85（含）—100分为优；70（含）—85分为良；60（含）—70分为较差；60分以下为差。";
    const summary: ReportSpec["summary"] = [
      ["投入", 10, 10, "100%"],
      ["产出", 50, 40, "80%"],
      ["效益", 30, 27, "90%"],
      ["满意度", 10, 8, "80%"],
      ["合计", 100, 85, "85%"], // 10 + 40 + 27 + 8 = 85
    ];
    const ok = check((s) => {
      s.summary = summary;
      s.combined = `评分：85   等级：优\n${note}`;
    });
    expect(ok.r.of("GRADE_MISMATCH")).toEqual([]);
    expect(ok.r.results[0].grade).toEqual({ typed: "优", computed: "优" });
    expect(ok.r.results[0].profile).toBe("hunan");
    const wrong = check((s) => {
      s.summary = summary;
      s.combined = `评分：85   等级：良\n${note}`;
    });
    const [f] = wrong.r.of("GRADE_MISMATCH");
    expect(f.expected).toBe("优");
    expect(f.message).toContain(
      "以表中备注为准，与评分规则“湖南省（优/良/较差/差）”的划分不同：优 ≥ 85；良 70～85",
    );
    expect(f.steps).toContain("优 ≥ 85");
    // Without the 备注 the profile decides: 85 → 良 under hunan, so 良 is right.
    const plain = check((s) => {
      s.summary = summary;
      s.combined = "评分：85   等级：良";
    });
    expect(plain.r.of("GRADE_MISMATCH")).toEqual([]);
    // The national profile's 中 band is replaced too: 65 is 较差 by the 备注.
    const national = check((s) => {
      s.summary = summary;
      s.combined = `评分：85   等级：优\n${note}`;
    }, NATIONAL());
    expect(national.r.of("GRADE_MISMATCH")).toEqual([]);
  });
});
