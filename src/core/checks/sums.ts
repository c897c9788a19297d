/**
 * SUM_MISMATCH: a total that differs from the sum of its parts (difference ≤ 0.01: rounding → warning).
 * - budget: by-source 年度资金总额 = 当年财政拨款 + 上年结转 + 其他资金 (each amount column);
 *   by-nature 按收入性质分 = its items, 按支出性质分 = its items, 年度资金总额 = 按支出性质分
 *   (the 全年执行数 column is left to INCOME_AS_SPENDING when it equals the income total instead);
 * - 总分 = 执行率得分 + every indicator 得分 (typed parts);
 * - a 一级 subtotal score = its 三级 scores; the older Hunan summary 合计 = its rows, and the combined
 *   "评分：96" = that 合计.
 */
import { a1 } from "../grid";
import type { CellRef } from "../grid";
import { MSG } from "../messages";
import type { BudgetRow, BudgetRowKind } from "../model";
import { incomeTotal, readNumber, spendingTotal } from "../read";

export { incomeTotal, spendingTotal };
import { changeNames, totalKeepingItems } from "../plan";
import { totalMax } from "./scores";
import type { BudgetInfo, Level1Info } from "../read";
import type { CheckContext } from "./context";
import { planKey, sum, sumDifference, sumSteps } from "../arithmetic";

type AmountColumn = "initialBudget" | "fullYearBudget" | "executed";
const AMOUNT_COLUMNS: { key: AmountColumn; name: string }[] = [
  { key: "initialBudget", name: "年初预算数" },
  { key: "fullYearBudget", name: "全年预算数" },
  { key: "executed", name: "全年执行数" },
];

function amount(
  row: BudgetRow,
  col: AmountColumn,
): { value: number | null; ref: CellRef | null; blank: boolean } {
  const r = readNumber(row[col]);
  return {
    value: r.value,
    ref: r.ref,
    blank: r.status === "empty" || r.status === "placeholder" || r.status === "absent",
  };
}

/**
 * A labelled amount inside the budget block that no recognised row holds, equal to `difference` (the
 * whole minus its recognised parts): "其他支出 4.00" beside 基本支出 and 项目支出. Looks at the rows the
 * block spans and the two below it; the amount is the first number right of the label on its row.
 */
function unrecognisedRow(
  ctx: CheckContext,
  wholeRef: CellRef,
  difference: number,
): { label: string; ref: CellRef } | null {
  const block = ctx.form.budget;
  const sheet = ctx.wb.sheets.find((s) => s.name === wholeRef.sheet);
  if (!block || !sheet || block.rows.length === 0) return null;
  const known = new Set(block.rows.map((r) => planKey(r.labelRef)));
  const top = Math.min(...block.rows.map((r) => r.labelRef.row));
  const bottom = Math.max(...block.rows.map((r) => r.labelRef.row)) + 2;
  for (let row = top; row <= bottom; row++) {
    const cells = sheet.cells[row] ?? [];
    for (let col = 0; col < cells.length; col++) {
      const v = cells[col]?.value;
      if (v?.kind !== "text" || known.has(planKey({ sheet: sheet.name, row, col }))) continue;
      const label = v.value.trim();
      if (!/[\u4e00-\u9fff]/.test(label) || /[:：]$/.test(label)) continue;
      for (let c = col + 1; c < cells.length; c++) {
        const x = cells[c]?.value;
        if (!x || x.kind === "empty") continue;
        if (x.kind === "number" && sumDifference(x.value, difference) === "none")
          return { label, ref: { sheet: sheet.name, row, col } };
        break;
      }
    }
  }
  return null;
}

/**
 * Compares `whole` (one row) with the sum of `parts` in one column. Blank parts count as 0; nothing is
 * reported when every part is blank or the whole is blank (MISSING_VALUE covers the total row).
 */
function compareColumn(
  ctx: CheckContext,
  _group: string,
  whole: BudgetRow,
  parts: BudgetRow[],
  col: AmountColumn,
  colName: string,
  fix: boolean,
): void {
  const w = amount(whole, col);
  if (w.value === null || !w.ref) return;
  const values: number[] = [];
  for (const p of parts) {
    const a = amount(p, col);
    if (a.value !== null) values.push(a.value);
    else if (!a.blank) return; // a part is unreadable text: do not guess
  }
  if (values.length === 0) return;
  const expected = sum(values);
  const kind = sumDifference(w.value, expected);
  if (kind === "none") return;
  const steps = sumSteps(expected, values);
  const unit = ctx.form.budget?.unit ?? "万元";
  const what = `“${whole.label.trim()}”的${colName}`;
  const stray = kind === "real" ? unrecognisedRow(ctx, w.ref, w.value - expected) : null;
  if (stray) {
    // The difference is exactly one row the form has but the template does not (其他支出 4.00): name it.
    ctx.report({
      rule: "SUM_MISMATCH",
      ref: w.ref,
      message: MSG.sumUnrecognised(
        what,
        w.value,
        expected,
        steps,
        unit,
        stray.label,
        a1(stray.ref.row, stray.ref.col),
      ),
      typed: w.value,
      expected: w.value,
      steps,
    });
    return;
  }
  ctx.report({
    rule: "SUM_MISMATCH",
    ref: w.ref,
    message: MSG.sumMismatch(what, w.value, expected, steps, kind === "rounding", unit),
    typed: w.value,
    expected,
    steps,
    roundingOnly: kind === "rounding",
    ...(fix ? { fix: { ref: w.ref, value: expected } } : {}),
  });
}

function rowsOf(b: BudgetInfo, kind: BudgetRowKind): BudgetRow[] {
  return b.block.rows.filter((r) => r.kind === kind);
}

function checkBudget(ctx: CheckContext): void {
  const b = ctx.analysis.budget;
  if (!b || !b.total) return;
  if (b.block.variant === "by-source") {
    const parts = b.block.rows.filter(
      (r) => r.kind === "current" || r.kind === "carryover" || r.kind === "other",
    );
    if (parts.length === 0) return;
    for (const c of AMOUNT_COLUMNS) compareColumn(ctx, "budget", b.total, parts, c.key, c.name, false);
    return;
  }
  const incomeGroup = rowsOf(b, "income-group")[0];
  const spendingGroup = rowsOf(b, "spending-group")[0];
  const incomeItems = rowsOf(b, "income-item");
  const spendingItems = rowsOf(b, "spending-item");
  for (const c of AMOUNT_COLUMNS) {
    if (incomeGroup && incomeItems.length > 0)
      compareColumn(ctx, "income", incomeGroup, incomeItems, c.key, c.name, false);
    if (spendingGroup && spendingItems.length > 0)
      compareColumn(ctx, "spending", spendingGroup, spendingItems, c.key, c.name, false);
    // Total vs spending: the spending group row when it holds the column, else its items.
    let parts: BudgetRow[] = [];
    if (spendingGroup && readNumber(spendingGroup[c.key]).value !== null) parts = [spendingGroup];
    else parts = spendingItems;
    if (parts.length === 0) continue;
    if (c.key === "executed") {
      const inc = incomeTotal(b);
      const exe = b.executed.value;
      if (inc !== null && exe !== null && sumDifference(exe, inc) === "none") continue; // INCOME_AS_SPENDING
    }
    compareColumn(ctx, "total", b.total, parts, c.key, c.name, false);
  }
}

/**
 * 总分 vs 执行率得分 + indicator scores, all as typed. The fix is the plan's total (the parts corrected
 * first); a total that is right once a wrong part is corrected gets no fix of its own — the message names
 * that part. A total above the total weight is SCORE_OUT_OF_RANGE's (scores.ts), not reported here.
 */
function checkTotal(ctx: CheckContext): void {
  const a = ctx.analysis;
  if (a.typedTotal === null || !a.typedTotalRef) return;
  if (totalMax(ctx) > 0 && a.typedTotal > totalMax(ctx) + 0.005) return; // SCORE_OUT_OF_RANGE
  const scored = a.indicators.filter((i) => i.scored);
  const rowPoints = scored.some((i) => i.row.score?.ref);
  let parts: number[] = [];
  let what = "总分";
  if (rowPoints) {
    const keep = totalKeepingItems(a);
    if (keep === null) return; // MISSING_VALUE / unreadable: no sum
    if (a.budget?.total) parts.push(a.budget.score.value!);
    for (const i of scored) if (i.row.score?.ref) parts.push(i.score.value!);
  } else {
    const total = a.summary.find((s) => s.name === "合计");
    if (total && total.score.value !== null) {
      parts = [total.score.value];
      what = "综合得分";
    } else {
      const rows = a.summary.filter((s) => s.name !== "合计");
      if (rows.length === 0 || rows.some((r) => r.score.value === null)) return;
      parts = rows.map((r) => r.score.value!);
    }
  }
  if (parts.length === 0) return;
  const typedSum = sum(parts);
  const kind = sumDifference(a.typedTotal, typedSum);
  if (kind === "none") return;
  const steps = what === "综合得分" ? `${typedSum} = 一级指标汇总表合计` : sumSteps(typedSum, parts);
  const ref = a.typedTotalRef;
  const plan = ctx.plan;
  const total = plan.plan.total;
  // The parts the plan corrects (执行率得分, 三级 scores, the summary's 合计).
  const partRefs = new Set(plan.parts.map((p) => (p.ref ? planKey(p.ref) : "")));
  const sumRow = a.summary.find((s) => s.name === "合计");
  if (what === "综合得分" && sumRow?.score.ref) partRefs.add(planKey(sumRow.score.ref));
  const partChanges = plan.plan.changes.filter((c) => partRefs.has(planKey(c.ref)));
  const rounding = kind === "rounding";
  if (total !== null && partChanges.length > 0 && Math.abs(a.typedTotal - total) <= 1e-6) {
    ctx.report({
      rule: "SUM_MISMATCH",
      ref,
      message: MSG.totalExplained(what, a.typedTotal, typedSum, changeNames(partChanges), partChanges.length),
      typed: a.typedTotal,
      expected: total,
      steps,
      roundingOnly: rounding,
    });
    return;
  }
  const change = plan.byRef.get(planKey(ref));
  const fix = change ? { fix: { ref, value: change.value } } : {};
  if (total === null) {
    ctx.report({
      rule: "SUM_MISMATCH",
      ref,
      message: MSG.sumMismatchNoTotal(what, a.typedTotal, typedSum, steps, plan.totalReason ?? ""),
      typed: a.typedTotal,
      expected: typedSum,
      steps,
      roundingOnly: rounding,
    });
    return;
  }
  if (partChanges.length === 0 && Math.abs(a.typedTotal - total) <= 1e-6) {
    // Right by the rules, yet the typed parts add up to another number: name that sum, never "相差 0".
    ctx.report({
      rule: "SUM_MISMATCH",
      ref,
      message: MSG.totalRightPartsOff(what, a.typedTotal, typedSum, steps),
      typed: a.typedTotal,
      expected: typedSum,
      steps,
      roundingOnly: rounding,
    });
    return;
  }
  if (partChanges.length === 0) {
    ctx.report({
      rule: "SUM_MISMATCH",
      ref,
      message: MSG.sumMismatch(what, a.typedTotal, total, steps, rounding),
      typed: a.typedTotal,
      expected: total,
      steps,
      roundingOnly: rounding,
      ...fix,
    });
    return;
  }
  const plannedValues = plan.parts.map((p) => p.value ?? 0);
  const plannedSteps = what === "综合得分" ? `${total} = 各一级指标得分之和` : sumSteps(total, plannedValues);
  ctx.report({
    rule: "SUM_MISMATCH",
    ref,
    message: MSG.totalAfterParts(
      what,
      a.typedTotal,
      typedSum,
      steps,
      total,
      changeNames(partChanges),
      partChanges.length,
    ),
    typed: a.typedTotal,
    expected: total,
    steps: plannedSteps,
    ...fix,
  });
}

/**
 * Compares a 一级 subtotal (or the summary's 合计) with its parts as typed; the fix is the plan's value
 * (the parts corrected first), none when the subtotal is right once a wrong part is corrected.
 */
function compareSummary(
  ctx: CheckContext,
  whole: Level1Info,
  parts: number[],
  label: string,
  partRefs: (CellRef | null)[],
  /** sum(parts), when the caller has it already. */
  partsTotal?: number,
): void {
  if (whole.score.value === null || !whole.score.ref || parts.length === 0) return;
  const typedSum = partsTotal ?? sum(parts);
  const kind = sumDifference(whole.score.value, typedSum);
  if (kind === "none") return;
  const steps = sumSteps(typedSum, parts);
  const keys = new Set(partRefs.map((r) => (r ? planKey(r) : "")));
  const partChanges = ctx.plan.plan.changes.filter((c) => keys.has(planKey(c.ref)));
  const change = ctx.plan.byRef.get(planKey(whole.score.ref));
  const rounding = kind === "rounding";
  if (!change && partChanges.length > 0) {
    ctx.report({
      rule: "SUM_MISMATCH",
      ref: whole.score.ref,
      message: MSG.totalExplained(
        label,
        whole.score.value,
        typedSum,
        changeNames(partChanges),
        partChanges.length,
      ),
      typed: whole.score.value,
      expected: whole.score.value,
      steps,
      roundingOnly: rounding,
    });
    return;
  }
  const value = typeof change?.value === "number" ? change.value : typedSum;
  ctx.report({
    rule: "SUM_MISMATCH",
    ref: whole.score.ref,
    message:
      partChanges.length > 0
        ? MSG.totalAfterParts(
            label,
            whole.score.value,
            typedSum,
            steps,
            value,
            changeNames(partChanges),
            partChanges.length,
          )
        : MSG.sumMismatch(label, whole.score.value, value, steps, rounding),
    typed: whole.score.value,
    expected: value,
    steps,
    roundingOnly: rounding && partChanges.length === 0,
    fix: { ref: whole.score.ref, value },
  });
}

/** 一级 subtotal rows of the indicator table vs their 三级 scores; the summary table's 合计 vs its rows. */
function checkLevel1(ctx: CheckContext): void {
  const a = ctx.analysis;
  // The 三级 scores of each 一级 name, collected and summed once per name (a form without merges has one
  // 一级 entry per row: linear, not rows × rows).
  type Group = { parts: number[]; refs: (CellRef | null)[]; total: number };
  const groups = new Map<string, Group | null>();
  const groupOf = (name: string): Group | null => {
    let g = groups.get(name);
    if (g === undefined) {
      const rows = a.indicators.filter((i) => i.scored && i.level1 === name);
      if (rows.length === 0 || rows.some((i) => i.score.value === null)) g = null;
      else {
        const parts = rows.map((i) => i.score.value!);
        g = { parts, refs: rows.map((i) => i.score.ref), total: sum(parts) };
      }
      groups.set(name, g);
    }
    return g;
  };
  for (const l1 of a.level1) {
    if (l1.name === "合计") continue;
    if (l1.score.value === null || !l1.score.ref) continue; // nothing to compare (compareSummary's rule)
    const g = groupOf(l1.name);
    if (!g) continue;
    compareSummary(ctx, l1, g.parts, `${l1.summary.name.trim()}得分`, g.refs, g.total);
  }
  const total = a.summary.find((s) => s.name === "合计");
  const rows = a.summary.filter((s) => s.name !== "合计");
  if (total && rows.length > 0 && rows.every((r) => r.score.value !== null))
    compareSummary(
      ctx,
      total,
      rows.map((r) => r.score.value!),
      "一级指标汇总表的合计得分",
      rows.map((r) => r.score.ref),
    );
}

export function checkSums(ctx: CheckContext): void {
  checkBudget(ctx);
  checkTotal(ctx);
  checkLevel1(ctx);
}
