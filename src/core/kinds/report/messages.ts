/**
 * Chinese messages of the 自评报告 checks (kind `report`, ./checks.ts), in the style of messages.ts:
 * what is wrong, with the numbers and how they were computed, and how to fix it.
 */
import { formatNumber, formatPercent } from "../../numbers";

const n = (v: number): string => formatNumber(v, 2);
const pct = (v: number): string => formatPercent(v, 2);
const q = (text: string): string => {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > 30 ? `${t.slice(0, 30)}…` : t}”`;
};

export const REPORT_MSG = {
  staffOver: (actual: number, authorised: number): string =>
    `实有人数 ${n(actual)} 人多于人员编制 ${n(authorised)} 人（多 ${n(actual - authorised)} 人）。` +
    "请核对人员编制和实有人数；确有超编的，请在报告中说明原因。",
  institutionSum: (what: string, typed: number, expected: number, steps: string, rounding: boolean): string =>
    `${what}填写 ${n(typed)}，各机构相加为 ${n(expected)}（${steps}）` +
    (rounding
      ? `，相差 ${n(Math.abs(typed - expected))}，可能是四舍五入造成的，请核对。`
      : `，相差 ${n(Math.abs(typed - expected))}。汇总行应等于各机构之和，请改为 ${n(expected)}，或核对各机构的数额。`),
  spendingOverIncome: (spending: number, income: number, rate: number): string =>
    `支出合计 ${n(spending)} 万元大于收入合计 ${n(income)} 万元（支出合计 ÷ 收入合计 = ${pct(rate)}），支出不应超过收入。` +
    "请先核对支出合计是否等于基本支出 + 项目支出，再核对收入是否漏填。",
  executionScore: (
    name: string,
    typed: number,
    expected: number,
    steps: string,
    total: number | null,
  ): string =>
    `“${name}”（预算执行率得分）填写 ${n(typed)}，按评分规则应为 ${n(expected)}（${steps}）。请改为 ${n(expected)}` +
    (total !== null ? `；改后一级指标合计和综合得分应为 ${n(total)}，请一并修改。` : "。"),
  belowTarget: (name: string, target: string, actual: string, steps: string, direction: string): string =>
    `“${name}”绩效目标为${q(target)}，完成情况为${q(actual)}，${direction}（${steps}），但没有说明原因。` +
    "请在完成情况中写明未完成的原因和改进措施，并在一级指标汇总表中相应扣分。",
  /** Where the report has no 全年预算数: the rate is computed from its own tables. */
  rateFromTables: (spending: string, income: string, rate: string): string =>
    `执行率 ${rate} = 支出合计 ${spending} ÷ 收入合计 ${income}（表中没有全年预算数，按支出合计 ÷ 收入合计计算）`,
  noSummary: (): string =>
    "表中没有一级指标汇总表（一级指标 | 指标分值 | 自评得分），无法由各项得分核对综合得分",
};
