/**
 * 自评报告示例-吉首2023.xlsx: the 吉首市科工信局 2023 自评报告 table (seed 004, kind `report`) with the seed's
 * own figures and errors, built by src/core/kinds/report/template.ts. Phone and names as printed in the seed.
 *
 * The ten errors a careful reviewer finds on this table (each checked by hand from the seed text):
 *  1. 收入合计 5374.34 ≠ 上年结转 0 + 公共财政拨款 3091.34 + 政府基金拨款 1744.35 + 非税 0 + 其他收入 538.05
 *     = 5373.74 (汇总 row and 局机关 row)                                               SUM_MISMATCH ×2
 *  2. 支出合计 5374.44 ≠ 基本支出 382.71 + 项目支出 4991.63 = 5374.34 (汇总 and 局机关)  SUM_MISMATCH ×2
 *     (基本支出 382.71 = 人员支出 362.23 + 公用支出 20.48 holds.)
 *  3. 支出合计 5374.44 > 收入合计 5374.34 (5374.44 ÷ 5374.34 = 100.0019% → 100.00%)      EXEC_OVER_100
 *  4. 公用经费控制率 filled with amounts 27.6万元 / 20.48万元: 20.48 ÷ 27.6 = 74.20%     UNIT_MISMATCH
 *  5. “三公经费”控制率 filled with amounts 0.4万元 / 0.4万元: 0.4 ÷ 0.4 = 100.00%         UNIT_MISMATCH
 *  6. 政府采购执行率 filled with amounts 6.7万元 / 4.82万元: 4.82 ÷ 6.7 = 71.94%          UNIT_MISMATCH
 *  7. 重点工作完成及时率 99% below its target 100% (99 ÷ 100 = 99.00%), no reason          MISSING_REASON
 *  8. 社会公众满意度 95% below its target 98% (95 ÷ 98 = 96.94%), no reason               MISSING_REASON
 *  9. 实际完成 reports 今年1-10月 figures as the year's result                           FORECAST_VALUE
 * 10. 投入 (预算执行率得分) 8 although the rate is 100% (支出合计 ÷ 收入合计, no 全年预算数 on the form):
 *     10 × 100% = 10, so 合计 and 评分 should be 10 + 49 + 30 + 9 = 98, not 96            SCORE_MISMATCH
 * Also reported (warnings/info, true to the seed): 新增规模企业 8 ÷ 4 = 200%, 5G基站 80 ÷ 50 = 160%,
 * 入企走访 40 ÷ 30 = 133.33% (≥ 130%: OVER_ACHIEVEMENT ×3); 2022 in the 2023 achievements text
 * (YEAR_MISMATCH); 发放科普宣传资料 is no value (UNPARSED_VALUE, info).
 * The grade: 96 → 优 under the printed 备注 bands (90（含）—100 优), the same as the hunan profile.
 */
import type { ReportSpec } from "../src/core/kinds/report/template";

export const REPORT_SAMPLE_FILE = "自评报告示例-吉首2023.xlsx";

/** Money rows: 汇总, 1、局机关, 2、二级机构1, 3、二级机构2 (the two 二级机构 rows blank, as printed). */
function money(values: (number | null)[]): { label: string; values: (number | null)[] }[] {
  const blank = values.map(() => null);
  return [
    { label: "局机关及二级机构汇总", values },
    { label: "1、局机关", values },
    { label: "2、二级机构1", values: blank },
    { label: "3、二级机构2", values: blank },
  ];
}

export function seed004ReportSpec(): ReportSpec {
  return {
    title: "吉首市科工信局2023年度部门整体支出绩效自评报告",
    department: "吉首市科工信局",
    budgetCode: "004001",
    method: "吉首市科工信局绩效自评",
    evaluator: "吉首市科工信局评价组",
    reportDate: "2024年6月",
    contact: "陶毅",
    phone: "8520526",
    staff: { authorised: 23, actual: 22 },
    duties:
      "负责全市工业和信息化的日常运行调节。拟订全市新型工业化发展战略、规划和相关政策措施并组织实施，协调解决有关重大问题；管理全市科学技术工作，负责全市科学技术进步的宏观管理和统筹协调。承办市人民政府交办的其他事项。",
    work: "1、党建引领工作。\n2、工业经济运行基本平稳。\n3、扎实推进企业培育增效。\n4、全力打好科技创新攻坚战。\n5、科技创新服务成效明显。\n6、信息化建设有序推进。\n7、坚持统筹发展和安全。",
    achievements:
      "1、获得2022年“促进产业发展‘万千百’工程”省政府真抓实干激励。\n2、获得2022年“打造具有核心竞争力的科技创新高地，创新驱动成效明显”省政府真抓实干激励。\n3、2023年6月入选湖南省第二批创新型县（市、区）。\n4、2023年10月获得省工信厅授予的2023年“创客中国”湖南省中小微企业创新创业大赛优秀组织单位。",
    // 收入合计 | 上年结转 | 公共财政拨款 | 政府基金拨款 | 纳入专户管理的非税收入拨款 | 其他收入
    income: money([5374.34, null, 3091.34, 1744.35, null, 538.05]),
    // 支出合计 | 基本支出 | 人员支出 | 公用支出 | 项目支出 | 当年结余 | 累计结余
    spending: money([5374.44, 382.71, 362.23, 20.48, 4991.63, null, null]),
    // 三公经费合计 | 公务接待费 | 公务用车运行维护费 | 公务用车购置费 | 因公出国（境）费用
    threePublic: money([0.4, 0.4, 0, 0, 0]),
    // 固定资产合计 | 在用固定资产 | 出租固定资产 | 其他
    assets: money([73.22, 73.22, null, null]),
    goals: {
      expected:
        "市属规模工业增加值增长10%以上；新增规模企业6户以上；实施2000万元以上的工业建设项目10个；完成工业投资30亿元以上,培育高新技术企业5家。继续争取省科技厅关于创新驱动发展和科技创新能力提升工作、创建创新型县（市、区）和科技高质量发展方面激励；积极争取省工信厅建设通信基础设施和产业数字化方面激励。",
      actual:
        "今年1-10月，市属规上工业完成产值39.4亿元，同比增长2.6%，增加值实现11.6亿元，同比增长2.5%。其中，电子信息、食品、烟草行业同比增长75%、24%和15%，是我市规上工业增长的重要支撑。\n\n企业培育方面，实现新建入规企业2家，完成小升规企业5家，全年共成功申创省级创新型中小企业26家，5家企业被认定为省级“专精特新”中小企业，两家企业被纳入全省上市后备企业，完成上争资金400余万元。",
    },
    quantitative: [
      {
        group:
          "产出目标\n（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）",
        sub: "数量、质量、时效、成本指标",
        name: " 公用经费控制率",
        target: "27.6万元",
        actual: "20.48万元",
      },
      { group: "", sub: "", name: "  “三公经费”控制率", target: "0.4万元", actual: "0.4万元" },
      { group: "", sub: "", name: "政府采购执行率", target: "  6.7万元", actual: "4.82万元" },
      { group: "", sub: "", name: "新增规模企业", target: "4家", actual: "完成8家" },
      { group: "", sub: "", name: "完成工业投资", target: "10亿元", actual: "完成11.6亿元" },
      { group: "", sub: "", name: "培育高新技术企业", target: "2家", actual: "2家" },
      { group: "", sub: "", name: "通信基础设施建设加速推进建设5G基站", target: "50个", actual: "80个" },
      { group: "", sub: "", name: "重点工作完成及时率", target: "100%", actual: "99%" },
      { group: "", sub: "", name: "固定资产利用率", target: "100%", actual: "100%" },
      {
        group: "效益目标\n（预期实现的效益）",
        sub: "社会、经济、生态效益",
        name: "扎实开展大庭尾矿库生态环境治理工作",
        target: "大庭尾矿库治理达标情况",
        actual: "大庭尾矿库的治理已全面达标，并于2023年10月完成销号。",
      },
      {
        group: "",
        sub: "",
        name: "开展“上门服务送政策、为企解忧助发展”活动",
        target: "入企走访30家企业",
        actual: "入企走访40多家企业，宣传政策，指导企业规范报统数据，得到企业的认可。",
      },
      {
        group: "",
        sub: "",
        name: "开展科普宣传活动",
        target: "发放科普宣传资料",
        actual:
          "通过科技活动周共接待群众800余人次，发放宣传书籍、手册800余册、开展义诊500余人次，发放科普小礼品1000余份，提高全民科学素质。",
      },
      {
        group: "",
        sub: "社会公众或服务对象满意度",
        name: " 社会公众满意度",
        target: "满意度在98%以上",
        actual: "满意度在95%以上",
      },
    ],
    combined:
      "评分：96                       等级：优\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。",
    evaluators: [
      ["张  峰", "局  长", "吉首市科工信局"],
      ["龙子卫", "副局长", "吉首市科工信局"],
      ["田再义", "工作人员", "吉首市科工信局"],
      ["尚玉屏", "工作人员", "吉首市科工信局"],
    ],
    // Section 七 of the seed: 投入 10/8/80%, 产出 50/49/98%, 效益 30/30/100%, 满意度 10/9/90%, 合计 100/96/96%.
    summary: [
      ["投入", 10, 8, "80%"],
      ["产出", 50, 49, "98%"],
      ["效益", 30, 30, "100%"],
      ["满意度", 10, 9, "90%"],
      ["合计", 100, 96, "96%"],
    ],
  };
}
