/**
 * Checks of the 自评报告 layout (kind `report`, domain.md §2.7, seed 004). The 定量目标 rows are indicator
 * rows, so UNIT_MISMATCH (a rate filled with amounts), OVER_ACHIEVEMENT, FORECAST_VALUE, PERCENT_OVER_100
 * and UNPARSED_VALUE come from the standard groups; the 一级指标 summary's 得分率 and 合计 from rate.ts and
 * sums.ts. This group adds what only the report has:
 * - MAGNITUDE (warning): 实有人数 above 人员编制;
 * - SUM_MISMATCH: each money table's sums per row (收入合计 = its five parts; 支出合计 = 基本支出 + 项目支出,
 *   基本支出 = 人员支出 + 公用支出; 三公经费合计, 固定资产合计 = their parts) and the 汇总 row = its 机构 rows;
 * - EXEC_OVER_100 (warning): 支出合计 above 收入合计;
 * - SCORE_MISMATCH: the summary's 投入 (= 预算执行率得分) against the rate 支出合计 ÷ 收入合计 (the report has
 *   no 全年预算数) under the profile's rule;
 * - MISSING_REASON: a 定量目标 row below its target (完成情况 worse than 绩效目标) with no reason given.
 * What it checks against comes from ./read.ts (the plug-in's `read`, FormAnalysis.kindReading). The 备注
 * grade bands, when they differ from the profile, replace its bands (the kind's profileHints, decided by
 * the orchestrator).
 */
import type { CellRef } from "../../grid";
import { MSG } from "../../messages";
import { REPORT_MSG } from "./messages";
import type { FormField } from "../../model";
import { formatNumber, formatPercent } from "../../numbers";
import { REPORT_TABLES } from "./labels";
import { fieldText, readNumber, rowLabel } from "../../read";
import type { IndicatorInfo } from "../../read";
import type { CheckContext } from "../../checks/context";
import { sum, sumDifference } from "../../arithmetic";
import { analyseReport, reportReading, type ReportAnalysis } from "./read";

// ───────────────────────────── checks ─────────────────────────────

function checkStaff(ctx: CheckContext): void {
  const staff = ctx.form.report?.staff;
  const authorised = readNumber(staff?.authorised);
  const actual = readNumber(staff?.actual);
  if (authorised.value === null || actual.value === null || !actual.ref) return;
  if (!(authorised.value >= 0) || !(actual.value > authorised.value)) return;
  ctx.report({
    rule: "MAGNITUDE",
    ref: actual.ref,
    message: REPORT_MSG.staffOver(actual.value, authorised.value),
    typed: actual.value,
    expected: `≤ ${formatNumber(authorised.value)}`,
    steps: `实有人数 ${formatNumber(actual.value)} > 人员编制 ${formatNumber(authorised.value)}`,
  });
}

interface Amount {
  value: number | null;
  ref: CellRef | null;
  /** Blank, "/" or no such column: counts as 0 in a sum. */
  blank: boolean;
}

const ABSENT: Amount = { value: null, ref: null, blank: true };

function amount(field: FormField | null | undefined): Amount {
  if (!field?.ref) return ABSENT;
  const v = field.cell?.value;
  // Most cells of a money table are plain numbers or blank (the empty 二级机构 rows): no parsing needed.
  if (!v || v.kind === "empty") return { value: null, ref: field.ref, blank: true };
  if (v.kind === "number" && Number.isFinite(v.value))
    return { value: v.value, ref: field.ref, blank: false };
  const r = readNumber(field);
  return {
    value: r.value,
    ref: r.ref,
    blank: r.status === "empty" || r.status === "placeholder" || r.status === "absent",
  };
}

/** Numbers of `keys` on a row; null when one of them is unreadable text (then nothing is summed). */
function partValues(
  row: Record<string, Amount>,
  keys: readonly string[],
): { values: number[]; named: string[] } | null {
  const values: number[] = [];
  const named: string[] = [];
  for (const k of keys) {
    const a = row[k];
    if (!a) continue;
    if (a.value !== null) {
      values.push(a.value);
      named.push(k);
    } else if (!a.blank) return null;
  }
  return { values, named };
}

/** sum() (compensated, float noise removed) without its cost for a single value. */
const total = (values: number[]): number => (values.length === 1 ? values[0] : sum(values));

function checkTables(ctx: CheckContext): void {
  for (const table of ctx.form.report?.tables ?? []) {
    const spec = REPORT_TABLES.find((s) => s.kind === table.kind);
    if (!spec) continue;
    const names = new Map(table.columns.map((c) => [c.key, c.label]));
    const colName = (k: string): string => names.get(k) ?? k;
    // Every value cell read once.
    const reads = table.rows.map((row) => {
      const out: Record<string, Amount> = {};
      for (const c of table.columns) out[c.key] = amount(row.cells[c.key]);
      return out;
    });
    const sums = spec.sums.filter(
      (s) => reads.length > 0 && s.whole in reads[0] && s.parts.some((p) => p in reads[0]),
    );
    const reported = new Set<number>();
    // Each row: its sums (收入合计 = its parts …).
    table.rows.forEach((row, r) => {
      for (const s of sums) {
        const whole = reads[r][s.whole];
        if (whole.value === null || !whole.ref) continue;
        const parts = partValues(reads[r], s.parts);
        if (!parts || parts.values.length === 0) continue;
        const expected = total(parts.values);
        const kind = sumDifference(whole.value, expected);
        if (kind === "none") continue;
        const steps = `${formatNumber(expected, 4)} = ${parts.named
          .map((k, i) => `${colName(k)} ${formatNumber(parts.values[i], 4)}`)
          .join(" + ")}`;
        reported.add(whole.ref.row * 65536 + whole.ref.col);
        ctx.report({
          rule: "SUM_MISMATCH",
          ref: whole.ref,
          message: MSG.sumMismatch(
            `“${rowLabel(row.label)}”的${colName(s.whole)}`,
            whole.value,
            expected,
            steps,
            kind === "rounding",
          ),
          typed: whole.value,
          expected,
          steps,
          roundingOnly: kind === "rounding",
          fix: { ref: whole.ref, value: expected },
        });
      }
    });
    // The 汇总 row: each column = the sum of the 机构 rows (when any 机构 row is filled in).
    const si = table.rows.findIndex((r) => r.summary);
    if (si < 0 || table.rows.length < 2) continue;
    for (const c of table.columns) {
      const whole = reads[si][c.key];
      if (whole.value === null || !whole.ref || reported.has(whole.ref.row * 65536 + whole.ref.col)) continue;
      const values: number[] = [];
      const labels: string[] = [];
      let unreadable = false;
      table.rows.forEach((u, r) => {
        if (u.summary) return;
        const a = reads[r][c.key];
        if (a.value !== null) {
          values.push(a.value);
          labels.push(rowLabel(u.label));
        } else if (!a.blank) unreadable = true;
      });
      if (unreadable || values.length === 0) continue;
      const expected = total(values);
      const kind = sumDifference(whole.value, expected);
      if (kind === "none") continue;
      const steps = `${formatNumber(expected, 4)} = ${labels.map((l, i) => `${l} ${formatNumber(values[i], 4)}`).join(" + ")}`;
      ctx.report({
        rule: "SUM_MISMATCH",
        ref: whole.ref,
        message: REPORT_MSG.institutionSum(
          `“${rowLabel(table.rows[si].label)}”的${c.label}`,
          whole.value,
          expected,
          steps,
          kind === "rounding",
        ),
        typed: whole.value,
        expected,
        steps,
        roundingOnly: kind === "rounding",
        fix: { ref: whole.ref, value: expected },
      });
    }
  }
}

function checkSpendingOverIncome(ctx: CheckContext, r: ReportAnalysis): void {
  if (!r.income || !r.spending || r.rate === null) return;
  if (!(r.spending.value > r.income.value + 1e-9)) return;
  ctx.report({
    rule: "EXEC_OVER_100",
    ref: r.spending.ref,
    message: REPORT_MSG.spendingOverIncome(r.spending.value, r.income.value, r.rate),
    typed: r.spending.value,
    expected: `≤ ${formatNumber(r.income.value, 4)}`,
    steps: `${formatPercent(r.rate, 2)} = 支出合计 ${r.spending.text} ÷ 收入合计 ${r.income.text}`,
  });
}

function checkExecutionScore(ctx: CheckContext, r: ReportAnalysis): void {
  const e = r.execution;
  if (!e) return;
  const score = e.summary.score;
  if (score.value === null || !score.ref) return;
  // Above the weight or negative: SCORE_OUT_OF_RANGE (scores.ts) reports it.
  if (score.value < 0 || score.value > e.weight + 0.005) return;
  if (Math.abs(score.value - e.rule.value) <= 0.01 + 1e-9) return;
  // The total the summary shows (the plan's): the same number as every other finding's fix.
  const total = ctx.plan.plan.total;
  ctx.report({
    rule: "SCORE_MISMATCH",
    ref: score.ref,
    message: REPORT_MSG.executionScore(
      e.summary.summary.name.trim(),
      score.value,
      e.rule.value,
      e.rule.steps,
      total,
    ),
    typed: score.value,
    expected: e.rule.value,
    steps: e.rule.steps,
    fix: { ref: score.ref, value: e.rule.value },
  });
}

/** The 完成情况 says why the target was missed. */
const REASON_RE = /原因|由于|因为|受.{0,12}影响|未能|导致/;

function checkBelowTarget(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !i.comparable || !i.direction || !i.row.actual?.ref) continue;
    const t = i.target.value;
    const v = i.actual.value;
    if (t === null || v === null) continue;
    const tol = 1e-9 * Math.max(1, Math.abs(t));
    const lower = i.direction === "<=";
    if (lower ? !(v > t + tol) : !(v < t - tol)) continue;
    const text = fieldText(i.row.actual);
    if (REASON_RE.test(text)) continue;
    const steps = belowSteps(i);
    ctx.report({
      rule: "MISSING_REASON",
      ref: i.row.actual.ref,
      message: REPORT_MSG.belowTarget(
        rowLabel(i.row.name),
        i.target.text,
        i.actual.text,
        steps,
        lower ? "超出了目标" : "未达到目标",
      ),
      typed: i.actual.text,
      expected: `${lower ? "≤" : "≥"} ${i.target.text.trim()}`,
      steps,
    });
  }
}

function belowSteps(i: IndicatorInfo): string {
  const t = i.target.value!;
  const v = i.actual.value!;
  const shown = (x: number): string => (i.target.isPercent ? formatPercent(x, 2) : formatNumber(x, 4));
  if (t > 0) return `完成 ${shown(v)} ÷ 目标 ${shown(t)} = ${formatPercent(v / t, 2)}`;
  return `完成 ${shown(v)}，目标 ${shown(t)}`;
}

export function checkReport(ctx: CheckContext): void {
  if (ctx.form.kind !== "report" || !ctx.form.report) return;
  const r = reportReading(ctx.analysis) ?? analyseReport(ctx.form, ctx.analysis, ctx.profile);
  checkStaff(ctx);
  checkTables(ctx);
  checkSpendingOverIncome(ctx, r);
  checkExecutionScore(ctx, r);
  checkBelowTarget(ctx);
}
