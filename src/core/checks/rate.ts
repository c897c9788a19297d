/**
 * RATE_MISMATCH: a printed rate vs numerator / denominator — the budget block's 执行率 (全年执行数 /
 * 全年预算数) and the older Hunan summary's 得分率 (自评得分 / 指标分值).
 * Tolerance 0.01 percentage point. A printed rate that is the exact rate rounded or cut to the printed
 * number of decimals (30.35% shown as 30%, 990.31% as 990%) is a warning, anything else an error.
 * How a printed rate is read and judged (../read/rates.ts) is shared with the plan and the 复核底稿.
 */
import { formatPercent } from "../numbers";
import { MSG } from "../messages";
import { executionRate } from "../scoring";
import { judgeRate, rateFixValue, readNumber, readPrintedRate } from "../read";
import type { NumberRead } from "../read";
import { planKey, sum } from "../arithmetic";
import type { CheckContext } from "./context";
import { undeterminedAt } from "../plan";

function checkOne(
  ctx: CheckContext,
  what: string,
  read: NumberRead,
  numberFormat: string | undefined,
  expected: number,
  steps: string,
): void {
  if (!read.ref) return;
  const printed = readPrintedRate(read, expected, numberFormat);
  if (!printed) return;
  const verdict = judgeRate(printed, expected);
  if (verdict === "ok") return;
  const planned = ctx.plan.byRef.get(planKey(read.ref));
  ctx.report({
    rule: "RATE_MISMATCH",
    ref: read.ref,
    message: MSG.rateMismatch(what, read.text, expected, steps, verdict === "rounding"),
    typed: read.text,
    expected: formatPercent(expected, 2),
    steps,
    roundingOnly: verdict === "rounding",
    fix: { ref: read.ref, value: planned?.value ?? rateFixValue(printed, expected) },
  });
}

/**
 * Every printed 执行率 of the budget block: the 年度资金总额 row and its sub-rows (其中：当年财政拨款, 上年结转
 * 资金, 其他资金 …), each 全年执行数 ÷ 全年预算数 of its own row. EXEC_OVER_100 judges the sub-rows too
 * (plausibility.ts).
 */
export function checkRates(ctx: CheckContext): void {
  const b = ctx.analysis.budget;
  if (b) {
    for (const row of b.block.rows) {
      const isTotal = row === b.total;
      const budget = isTotal ? b.budget : readNumber(row.fullYearBudget);
      const executed = isTotal ? b.executed : readNumber(row.executed);
      const rateCell = isTotal ? b.rateCell : readNumber(row.rate);
      if (!rateCell.ref || budget.value === null || executed.value === null) continue;
      // A rate whose inputs are doubted is not judged (EXEC_OVER_100 / INCOME_AS_SPENDING say why).
      if (undeterminedAt(ctx.plan, rateCell.ref)) continue;
      const rate = executionRate(executed.value, budget.value);
      if (rate === null) continue;
      const u = b.block.unit ?? "万元";
      const steps = `${formatPercent(rate, 2)} = ${executed.text}${u} ÷ ${budget.text}${u}`;
      const what = isTotal ? "执行率" : `“${row.label.trim()}”的执行率`;
      checkOne(ctx, what, rateCell, row.rate?.cell.numberFormat, rate, steps);
    }
  }
  // Each row's rate is judged against its score as typed, the 合计 row's against the sum of the rows as
  // typed: a rate that follows a score the rules change (the 自评报告's 投入) is the plan's follow-up change,
  // not a finding of its own.
  const rows = ctx.analysis.summary.filter((s) => s.name !== "合计");
  const typedSum =
    rows.length > 0 && rows.every((r) => r.score.value !== null)
      ? sum(rows.map((r) => r.score.value!))
      : null;
  for (const s of ctx.analysis.summary) {
    const score = s.name === "合计" ? (typedSum ?? s.score.value) : s.score.value;
    if (score === null || s.weightValue === null || !(s.weightValue > 0)) continue;
    const expected = score / s.weightValue;
    const steps = `${formatPercent(expected, 2)} = ${score} ÷ ${s.weightValue}`;
    checkOne(
      ctx,
      `${s.summary.name.trim()}的得分率`,
      s.rate,
      s.summary.rate?.cell.numberFormat,
      expected,
      steps,
    );
  }
}
