/**
 * The correction plan (FormResult.plan): the form as it should read, computed once from the analysis.
 * Levels, each from the corrected level below: item scores (执行率得分 and every 三级 row) → printed rates
 * → 一级 subtotals (and the older summary's 合计 and 得分率) → 总分 → 等级. The check groups take their
 * `expected`/`fix` from it and the orchestrator its total.computed, so no two findings and the summary
 * can disagree. Budget amounts are never changed: which figure of a budget sum is wrong cannot be known.
 */
import { a1 } from "./grid";
import type { CellRef } from "./grid";
import { gradeFor, normalizeGrade } from "./grade";
import { combinedScoreGradeText } from "./marks";
import type {
  CorrectionPlan,
  PlannedChange,
  RuleId,
  RuleProfile,
  SelfEvalForm,
  UndeterminedValue,
} from "./model";
import { round2 } from "./numbers";
import { executionRate } from "./scoring";
import {
  executionDoubts,
  fieldText,
  judgeRate,
  rateFixValue,
  readNumber,
  readPrintedRate,
  rowLabel,
  totalWithReason,
} from "./read";
import type { Doubt, FormAnalysis, IndicatorInfo, Level1Info, NumberRead } from "./read";
import { planKey, sum } from "./arithmetic";
import { assessRead, weightsRead } from "./read";

/** Differences below this are float noise, not a change. */
const NOISE = 1e-6;

/** The plan with what the checks need to explain it. */
export interface PlanDetails {
  plan: CorrectionPlan;
  /** Changes by cell ("sheet!row:col"). */
  byRef: Map<string, PlannedChange>;
  /** Each scored part of the total as it should read (执行率得分 first), null when not computable. */
  parts: { ref: CellRef | null; value: number | null; item: string }[];
  /** Why plan.total is null (Chinese), else null. */
  totalReason: string | null;
  /** 一级 subtotal as it should read, by canonical 一级 name; null when a part is not computable. */
  level1: Map<string, number | null>;
}

const refKey = planKey;

/** The planned change of a cell, if any. */
export function changeAt(details: PlanDetails | null | undefined, ref: CellRef | null): PlannedChange | null {
  if (!details || !ref) return null;
  return details.byRef.get(refKey(ref)) ?? null;
}

/** "执行率得分应为 5（见 I7）" for messages naming the changes that explain another cell. */
export function changeNames(changes: PlannedChange[], max = 3): string {
  const shown = changes
    .slice(0, max)
    .map((c) => `${c.item}应为 ${shownPlanned(c.value)}（见 ${a1(c.ref.row, c.ref.col)}）`);
  const more = changes.length > max ? `等 ${changes.length} 项` : "";
  return shown.join("、") + more;
}

function shownPlanned(v: number | string): string {
  return typeof v === "number" ? String(round2(v)) : v;
}

function typedOf(read: NumberRead): number | string | null {
  if (read.status === "number") return read.value;
  return read.text === "" ? null : read.text;
}

/** The score a 三级 row should hold: the rule's points, else the typed points clamped to [0, 分值]. */
function plannedItem(i: IndicatorInfo): { value: number | null; rule: RuleId } {
  if (i.rule) {
    const out =
      i.score.value !== null &&
      (i.score.value < 0 || (i.weight.value !== null && i.score.value > i.weight.value + 0.005));
    return {
      value: i.rule.value,
      rule: out ? "SCORE_OUT_OF_RANGE" : i.score.value === null ? "MISSING_VALUE" : "SCORE_MISMATCH",
    };
  }
  return { value: i.effective, rule: "SCORE_OUT_OF_RANGE" };
}

export function planForm(form: SelfEvalForm, a: FormAnalysis, profile: RuleProfile): PlanDetails {
  const changes: PlannedChange[] = [];
  const byRef = new Map<string, PlannedChange>();
  const add = (
    ref: CellRef | null,
    typed: number | string | null,
    value: number | string,
    item: string,
    rule: RuleId,
  ): void => {
    if (!ref || byRef.has(refKey(ref))) return;
    if (typeof value === "number" && !Number.isFinite(value)) return;
    const c: PlannedChange = { ref, typed, value, item, rule };
    changes.push(c);
    byRef.set(refKey(ref), c);
  };
  /** A number cell that should hold `value`: changed when blank or different (not text: the user decides). */
  const setNumber = (read: NumberRead, value: number | null, item: string, rule: RuleId): void => {
    if (value === null || !read.ref) return;
    if (read.status === "number" && Math.abs(read.value! - value) <= NOISE) return;
    if (read.status !== "number" && read.status !== "empty") return;
    add(read.ref, typedOf(read), value, item, read.status === "empty" ? "MISSING_VALUE" : rule);
  };

  // ── doubted inputs: the 执行率 and its points rest on them, so are not proposed (nor the total) ──
  const doubts = executionDoubts(a);
  const undetermined: UndeterminedValue[] = [];
  const doubtReason = doubts.length > 0 ? undeterminedReason(doubts) : null;
  const because = doubts.length > 0 ? { ref: doubts[0].ref, rule: doubts[0].rule } : null;
  const undetermine = (ref: CellRef | null, item: string): void => {
    if (because && doubtReason)
      undetermined.push({ state: "undetermined", ref, item, because, reason: doubtReason });
  };

  // ── items: 执行率得分 and the 三级 scores ──
  const parts: PlanDetails["parts"] = [];
  const b = a.budget;
  if (form.budget && b?.total && because) {
    undetermine(b.score.ref, "执行率得分");
    parts.push({ ref: b.score.ref, value: null, item: "执行率得分" });
  } else if (form.budget && b?.total) {
    const value = b.rule ? b.rule.value : null;
    const out =
      b.score.value !== null &&
      (b.score.value < 0 || (b.weight.value !== null && b.score.value > b.weight.value + 0.005));
    setNumber(b.score, value, "执行率得分", out ? "SCORE_OUT_OF_RANGE" : "SCORE_MISMATCH");
    parts.push({ ref: b.score.ref, value, item: "执行率得分" });
  }
  const planned = new Map<IndicatorInfo, number | null>();
  for (const i of a.indicators) {
    if (!i.scored) continue;
    const p = plannedItem(i);
    planned.set(i, p.value);
    const item = `“${rowLabel(i.row.name)}”得分`;
    setNumber(i.score, p.value, item, p.rule);
    if (i.row.score?.ref) parts.push({ ref: i.score.ref, value: p.value, item });
  }

  // ── rates: every printed 执行率 of the budget block (they feed no score) ──
  if (b) {
    for (const row of b.block.rows) {
      const rate = readNumber(row.rate);
      const budget = readNumber(row.fullYearBudget);
      const executed = readNumber(row.executed);
      if (!rate.ref || budget.value === null || executed.value === null) continue;
      if (row === b.total && because) {
        undetermine(rate.ref, "执行率");
        continue;
      }
      const expected = executionRate(executed.value, budget.value);
      if (expected === null) continue;
      const printed = readPrintedRate(rate, expected, row.rate?.cell.numberFormat);
      if (!printed || judgeRate(printed, expected) === "ok") continue;
      add(
        rate.ref,
        rate.text,
        rateFixValue(printed, expected),
        `“${row.label.trim()}”执行率`,
        "RATE_MISMATCH",
      );
    }
  }

  // ── a partial read: the items and rates above stand on their own rows; nothing is added up from it ──
  const declined = assessRead(form, weightsRead(form, a, profile));
  if (declined) {
    const plan: CorrectionPlan = {
      changes,
      total: null,
      grade: null,
      totalKeepingItems: null,
      gradeKeepingItems: null,
      declined,
      totalReason: "表格未完整读取",
    };
    return { plan, byRef, parts, totalReason: "表格未完整读取", level1: new Map() };
  }

  // ── 一级 subtotals of the indicator table ──
  const level1 = new Map<string, number | null>();
  for (const i of a.indicators) {
    if (!i.scored) continue;
    const v = planned.get(i) ?? null;
    const prev = level1.has(i.level1) ? level1.get(i.level1)! : 0;
    level1.set(i.level1, prev === null || v === null ? null : prev + v);
  }
  for (const [k, v] of level1) if (v !== null) level1.set(k, sum([v]));
  for (const l1 of a.level1) {
    if (l1.name === "合计") continue;
    const v = level1.get(l1.name);
    if (v === undefined || v === null || l1.score.status !== "number") continue;
    setNumber(l1.score, v, `${l1.summary.name.trim()}得分`, "SUM_MISMATCH");
  }

  // ── older Hunan summary: rows the kind scores by rule (the 自评报告's 投入 = 执行率得分), then
  // 合计 = its rows as they should read; 得分率 = 自评得分 ÷ 指标分值 ──
  const ruled = new Map<Level1Info, number>();
  for (const r of a.kindReading?.ruled ?? []) {
    ruled.set(r.summary, r.rule.value);
    const out =
      r.summary.score.value !== null &&
      (r.summary.score.value < 0 ||
        (r.summary.weightValue !== null && r.summary.score.value > r.summary.weightValue + 0.005));
    setNumber(
      r.summary.score,
      r.rule.value,
      `“${r.summary.summary.name.trim()}”得分`,
      out ? "SCORE_OUT_OF_RANGE" : "SCORE_MISMATCH",
    );
  }
  const rowScore = (s: Level1Info): number | null => (ruled.has(s) ? ruled.get(s)! : s.score.value);
  const summaryTotal = plannedSummaryTotal(a.summary, rowScore);
  const summaryScore = (s: Level1Info): number | null => (s.name === "合计" ? summaryTotal : rowScore(s));
  const sumRow = a.summary.find((s) => s.name === "合计");
  if (sumRow && summaryTotal !== null && sumRow.score.status === "number")
    setNumber(sumRow.score, summaryTotal, "一级指标汇总表的合计得分", "SUM_MISMATCH");
  for (const s of a.summary) {
    const score = summaryScore(s);
    if (score === null || s.weightValue === null || !(s.weightValue > 0) || !s.rate.ref) continue;
    const expected = score / s.weightValue;
    const printed = readPrintedRate(s.rate, expected, s.summary.rate?.cell.numberFormat);
    if (!printed || judgeRate(printed, expected) === "ok") continue;
    add(
      s.rate.ref,
      s.rate.text,
      rateFixValue(printed, expected),
      `${s.summary.name.trim()}的得分率`,
      "RATE_MISMATCH",
    );
  }

  // ── total and grade ──
  const computed = doubtReason ? { value: null, reason: doubtReason } : totalWithReason(form, a);
  const total = computed.value;
  if (doubtReason) undetermine(a.typedTotalRef, "总分");
  const typedTotal = a.typedTotal;
  const gradeTotal = total ?? typedTotal;
  const grade = gradeTotal !== null ? gradeFor(round2(gradeTotal), profile) || null : null;
  const combinedRef = form.combinedScoreGrade?.ref ?? null;
  const totalRef = a.typedTotalRef;
  const gradeRef = a.typedGradeRef;
  const totalChanges = total !== null && (typedTotal === null || Math.abs(typedTotal - total) > NOISE);
  const typedGradeLabel = a.typedGrade !== null ? normalizeGrade(a.typedGrade, profile) : null;
  const gradeChanges = grade !== null && typedGradeLabel !== grade;
  const combinedBoth = combinedRef !== null && totalRef !== null && sameKey(totalRef, combinedRef);
  if (
    combinedBoth &&
    (totalChanges || (gradeChanges && gradeRef !== null && sameKey(gradeRef, combinedRef)))
  ) {
    const text = fieldText(form.combinedScoreGrade);
    const value = combinedScoreGradeText(text, total ?? typedTotal, grade);
    if (value !== text)
      add(
        combinedRef,
        text === "" ? null : text,
        value,
        "评分和等级",
        totalChanges ? "SUM_MISMATCH" : "GRADE_MISMATCH",
      );
  } else if (totalChanges && totalRef) {
    const read: NumberRead = readTotal(form, a);
    if (read.status === "number" || read.status === "empty")
      add(
        totalRef,
        typedTotal ?? (read.text === "" ? null : read.text),
        total!,
        "总分",
        typedTotal === null ? "MISSING_FIELD" : "SUM_MISMATCH",
      );
  }
  if (gradeChanges && gradeRef && !(combinedRef && sameKey(gradeRef, combinedRef))) {
    add(gradeRef, a.typedGrade, grade!, "等级", a.typedGrade === null ? "MISSING_FIELD" : "GRADE_MISMATCH");
  } else if (gradeChanges && gradeRef && combinedRef && sameKey(gradeRef, combinedRef) && !combinedBoth) {
    const text = fieldText(form.combinedScoreGrade);
    add(gradeRef, text, combinedScoreGradeText(text, a.typedTotal, grade), "等级", "GRADE_MISMATCH");
  }

  const keeping = totalKeepingItems(a);
  const plan: CorrectionPlan = {
    changes,
    total,
    grade: total !== null ? grade : null,
    totalKeepingItems: keeping,
    gradeKeepingItems: keeping !== null ? gradeFor(round2(keeping), profile) || null : null,
    ...(undetermined.length > 0 ? { undetermined } : {}),
    ...(total === null && computed.reason ? { totalReason: computed.reason } : {}),
  };
  return { plan, byRef, parts, totalReason: computed.reason, level1 };
}

/** "无法确定：请先核对全年执行数（F7）、全年预算数（E7）" — each doubted figure with its cell. */
export function undeterminedReason(doubts: Doubt[]): string {
  return `无法确定：请先核对${doubts.map((d) => `${d.what}（${a1(d.ref.row, d.ref.col)}）`).join("、")}`;
}

/** The undetermined value of a cell, if any (its doubted input named in `reason`). */
export function undeterminedAt(
  details: PlanDetails | null | undefined,
  ref: CellRef | null,
): UndeterminedValue | null {
  if (!details || !ref) return null;
  return details.plan.undetermined?.find((u) => u.ref !== null && sameKey(u.ref, ref)) ?? null;
}

function sameKey(a: CellRef, b: CellRef): boolean {
  return refKey(a) === refKey(b);
}

function readTotal(form: SelfEvalForm, a: FormAnalysis): NumberRead {
  // The 总分 cell as read by the analysis; only its status and text matter here.
  const text = fieldText(form.total?.score);
  const status = a.typedTotal !== null ? "number" : text === "" ? "empty" : "text";
  return {
    status,
    value: a.typedTotal,
    text,
    ref: a.typedTotalRef,
    isPercent: false,
    numeric: status === "number",
    percentFormat: false,
    parsed: null,
    cellKind: null,
  };
}

/** The older summary's 合计 as it should read: the sum of its rows as they should read; null when one has no number. */
function plannedSummaryTotal(summary: Level1Info[], score: (s: Level1Info) => number | null): number | null {
  const rows = summary.filter((s) => s.name !== "合计");
  const values = rows.map(score);
  if (rows.length === 0 || values.some((v) => v === null)) return null;
  return sum(values as number[]);
}

/**
 * The parts of the total as typed, as SUM_MISMATCH adds them: 执行率得分 + every 三级 score, or the older
 * summary's rows. Null when a part has no number. Shared with the 复核底稿 (review/worksheet.ts).
 */
export function typedTotalParts(a: FormAnalysis): number[] | null {
  const scored = a.indicators.filter((i) => i.scored);
  const rowPoints = scored.some((i) => i.row.score?.ref);
  if (!rowPoints) {
    const rows = a.summary.filter((s) => s.name !== "合计");
    if (rows.length === 0 || rows.some((r) => r.score.value === null)) return null;
    return rows.map((r) => r.score.value!);
  }
  const parts: number[] = [];
  if (a.budget?.total) {
    if (a.budget.score.value === null) return null;
    parts.push(a.budget.score.value);
  }
  for (const i of scored) {
    if (!i.row.score?.ref) continue;
    if (i.score.value === null) return null;
    parts.push(i.score.value);
  }
  return parts;
}

/** The total that agrees with the scores as typed (写回 without changing any item); null when a part has no number. */
export function totalKeepingItems(a: FormAnalysis): number | null {
  const parts = typedTotalParts(a);
  if (parts === null) return null;
  const s = sum(parts);
  // An overflow of the row points is no total; the older summary's rows add up as plannedSummaryTotal does.
  const rowPoints = a.indicators.some((i) => i.scored && i.row.score?.ref);
  return Number.isFinite(s) || !rowPoints ? s : null;
}
