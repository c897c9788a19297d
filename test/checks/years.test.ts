/**
 * YEAR_MISMATCH only where the form's own period is misstated. The corpus is taken from the five seed
 * reports (each phrase with the year of the report it comes from); the misstatements are the seeds' own
 * sentences about their year carried into the next year's form (the "沿用往年内容" slip), plus the two
 * real slips of seeds 000 and 004.
 */
import { describe, expect, test } from "@jest/globals";
import { misstatedYear } from "../../src/core/checks/years";
import { build } from "./fixtures";
import { cellAt, one, run } from "./helpers";

/** [form year, phrase] — legitimate: must stay quiet. */
const QUIET: [number, string][] = [
  [2022, "按要求及时公开本部门2022 年部门预算和2021年度部门决算"], // 000
  [2022, "制造业综合实力居全国第36位,较2021年前进6位"], // 003
  [2022, "2023年6月30日"], // 003: the date the report was written
  [2022, "《桃江县推进先进制造业高质量发展工作方案（2022—2023年）》"], // 001
  [2021, "解决年初未纳入预算的2020年绩效奖金、基本养老保险和基本医疗保险"], // 002
  [2021, "《关于加快产业园区专业化建设推进高质量发展三年行动（2021—2023年）的实施意见》"], // 002
  [2021, "确定正清制药等92家企业的177个产品为“2020年度怀化市工业优质产品”"], // 002
  [2021, "列入《2020年度怀化市鼓励采购工业产品目录》"], // 002
  [2021, "确保在2022年度加快项目进度及专项项目资金的支付，强化预算执行的严肃性"], // 002
  [2021, "2022年6月28日"], // 002
  [2021, "《怀化市专精特新“小巨人”企业培育计划实施方案（2021—2025年）》"], // 002
  [2021, "《怀化市财政局关于开展2021年度部门整体支出 专项资金绩效自评工作的通知》（怀财绩〔2022〕51号）"], // 002
  [2022, "2021年度部门整体决算总支出4069.86万元"], // 002's 决算, cited in the next year's form
  [2023, "报告时间：2024年6月"], // 004
  [2023, "获得2022年“促进产业发展‘万千百’工程”省政府真抓实干激励"], // 004
  [2023, "获得2022年“打造具有核心竞争力的科技创新高地，创新驱动成效明显”省政府真抓实干激励"], // 004
  [2023, "州追加州财教指〔2022〕0033号关于下达2022年度第七批创新型省份建设专项资金30万元"], // 004
  [2023, "州追加州财企指〔2022〕0024号关于下达2022年湖南省移动互联网产业发展专项资金50万元"], // 004
  [2023, "关于下达2022年度第四批创新型省份建设专项资金30万元，主要用于委托业务费30万元"], // 004
  [2023, "湘西自治州科学技术局关于下达2022年中央引导地方科技发展清算资金80万元"], // 004
  [2023, "州财教指〔2022〕0036号2021年度企业研发财政奖补资金（第一批）52.5万元"], // 004
  [
    2023,
    "关于下达2022年州级科技专项资金（兑现2021年科技创新奖补资金139.8万、2022年科技创新计划项目资金110万）17.6万元",
  ], // 004
  [2023, "2022年度湖南内参销售有限责任公司目标管理考核奖励资金413.28万元"], // 004
  [2023, "离退休党员党组织工作经费3.6万元， 2022年科三费253.11万元，主要用于办公费2.35万元"], // 004
  [2023, "州追加州财企指〔2022〕0023号关于下达2022年湖南省第五批制造强省专项资金的通知300万元"], // 004
  [2023, "州追加州财企指【2021】19号下达2021年湖南省第三批制造强省专项资金（奖励类项目）1万元"], // 004
  [2023, "州追加州财企指〔2022〕0030号关于下达2022年中小企业公共服务平台补助资金的通知40万元"], // 004
  [2023, "吉首市塑料厂2022年度职工住院补差资金1.52万元，主要用于委托业务费1.52万元"], // 004
  [2023, "州财教指【2021】23号下达2021年度第九批创新型省份建设专项资金（科技潇湘吉首行）30.86万元"], // 004
  [2023, "2024年将继续加大预算绩效管理力度，扎实开展预算绩效管理工作"], // 004: next year's plan
  [2023, "2023年，本部门收入预算5374.35万元，收入决算5374.34万元"], // 004: its own year
  [2022, "2022年技术合同成交额任务3.7亿，至今已完成5.3亿元，超额完成全年任务达143.2%"], // 000: own year
];

/** [form year, phrase] — the form's own period misstated: must fire, with that year. */
const FIRING: [number, string, number][] = [
  [2022, "本部门2021年度整体支出自评综合得分为95分，其中预算执行率得分为0分", 2021], // 000 (real slip)
  [2023, "2022年政府采购预算数6.7万元，实际政府采购数4.82元，政府采购执行率71.94%", 2022], // 004 (real slip)
  [2022, "1、2021年部门预算情况", 2021], // 002 carried into 2022
  [2022, "2021年三公经费年初预算为75万元，上年预算73.34万元", 2021], // 002
  [2022, "2021年年初预算1311.90万元，调整年初预算398.18万元", 2021], // 002
  [2022, "2021年度我局项目支出2573.93万元，主要用于一般公共服务支出", 2021], // 002
  [2022, "2021年基本支出1495.93万元较上年减少53.29万元", 2021], // 002
  [2023, "2022年全年预算数459.61万元，全年执行数4551.57万元 ,预算执行率990%", 2022], // 000 carried into 2023
  [2023, "2022年度本部门预算数为459.61万元，预算执行数为4551.57万元", 2022], // 000
  [2023, "2022年预算收入4450.01万元,其中,年初预算2286.50万元", 2022], // 003
  [2023, "2022年度部门整体支出绩效评价报告", 2022], // 001's title carried over
  [2024, "2023年，本部门收入预算5374.35万元", 2023], // 004 carried into 2024
  [2023, "评价期间：2022年1月1日至2022年12月31日", 2022], // the reporting period's dates
  [2023, "2022年1-12月累计支出4563.47万元", 2022],
];

describe("YEAR_MISMATCH corpus (misstatedYear)", () => {
  test(`${QUIET.length} legitimate phrases from the seeds stay quiet`, () => {
    expect(QUIET.length).toBeGreaterThanOrEqual(30);
    const fired = QUIET.filter(([y, t]) => misstatedYear(t.normalize("NFKC"), y) !== null);
    expect(fired).toEqual([]);
  });
  test(`${FIRING.length} misstatements of the form's own period fire, each with its year`, () => {
    expect(FIRING.length).toBeGreaterThanOrEqual(10);
    const got = FIRING.map(([y, t]) => misstatedYear(t.normalize("NFKC"), y)?.year ?? null);
    expect(got).toEqual(FIRING.map((f) => f[2]));
  });
  test("the title with another year fires even without a period noun", () => {
    expect(misstatedYear("2022年度部门整体支出绩效自评表", 2023, true)?.year).toBe(2022);
    expect(misstatedYear("2022年度部门整体支出绩效自评表", 2022, true)).toBeNull();
  });
});

describe("YEAR_MISMATCH on a form", () => {
  test("fires on the goal text reporting last year's score (seed 000's slip)", () => {
    const { wb, layout } = build((s) => (s.goals.actual = "本部门2022年度整体支出自评综合得分为95分。"));
    const f = one(run(wb), "YEAR_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.goals.actual));
    expect(f.typed).toBe(2022);
    expect(f.expected).toBe(2023);
    expect(f.message).toMatch(/^这里把本表的年度写成了 2022年/);
  });
  test("quiet: an earlier 决算, an award for 2022 and next year's plan in a 2023 form", () => {
    const { wb } = build((s) => {
      s.goals.actual =
        "按要求公开本部门2023年部门预算和2022年度部门决算；获得2022年“促进产业发展‘万千百’工程”省政府真抓实干激励；2024年将继续加大预算绩效管理力度。";
    });
    expect(run(wb).of("YEAR_MISMATCH")).toEqual([]);
  });
  test("fires on a title carrying last year", () => {
    const { wb, layout } = build((s) => (s.title = "2022年度部门整体支出绩效自评表"));
    const found = run(wb).of("YEAR_MISMATCH");
    expect(found.map((f) => f.ref)).toEqual([cellAt(layout.title)]);
  });
});
