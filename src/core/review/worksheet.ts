/**
 * 复核底稿: the reviewer's working paper for one form — every sum, rate, score, total and grade the checker
 * verifies, with what the rules give (计算值), what the form says (报告值), the difference and the verdict,
 * whether it agrees or not. Computed from the checked form's reading and the checker's own profile and plan
 * (FormResult.profileUsed, FormResult.plan), with the checks' tolerances, so a row judged 不符 here is a row the checks report. Every host renders the same
 * rows (worksheetTable): the CLI's marked copies (--write-dir / --write) and the pane's 导出校验报告.
 */
import { gradeFor, normalizeGrade } from "../grade";
import type { CorrectionPlan, RuleProfile, SelfEvalForm } from "../model";
import { cleanFloat, formatNumber, round2, roundTo } from "../numbers";
import { readForm } from "../plugins";
import { judgeRate, readNumber, readPrintedRate, rowLabel } from "../read";
import type { FormAnalysis } from "../read";
import { bandText } from "../checks/grade";
import { pointsInBand } from "../scoring";
import { sum, sumSteps } from "../arithmetic";
import { typedTotalParts } from "../plan";
import { budgetRows } from "./budget";
import { diffOf, scoreVerdict, shown, sumVerdict, type Verdict, type WorksheetRow } from "./rows";

export { diffOf, FAILING_VERDICTS, type Verdict, type WorksheetRow } from "./rows";

export interface ReviewWorksheet {
  rows: WorksheetRow[];
  /** 自评得分: the total as the form states it. */
  selfScore: number | null;
  /** 复核得分: the total the rules give (the checker's total.computed). */
  reviewScore: number | null;
  /** 偏离度 = (自评 − 复核) ÷ 自评, a fraction; null when either is missing or 自评 is 0. */
  deviation: number | null;
}

// ───────────────────────────── indicators ─────────────────────────────

function indicatorRows(a: FormAnalysis): WorksheetRow[] {
  const out: WorksheetRow[] = [];
  for (const i of a.indicators) {
    if (!i.scored) continue;
    const name = `${i.level1 ? `${i.level1}·` : ""}${rowLabel(i.row.name)} 得分`;
    const w = i.weight.value;
    const s = i.score.value;
    if (i.rule) {
      out.push({
        item: name,
        source: i.rule.steps,
        computed: i.rule.value,
        reported: shown(i.score),
        difference: diffOf(s, i.rule.value),
        verdict: scoreVerdict(s, i.rule.value),
        ref: i.score.ref,
      });
      continue;
    }
    if (i.qualitative && i.band && w !== null && w > 0) {
      const lo = round2(i.band.min * w);
      const hi = round2(i.band.max * w);
      const inBand = s !== null && pointsInBand(s, w, i.band);
      out.push({
        item: name,
        source: `定性“${i.band.band}”：分值 ${formatNumber(w)} × ${formatNumber(i.band.min * 100)}%～${formatNumber(i.band.max * 100)}%`,
        computed: `${formatNumber(lo)}～${formatNumber(hi)}`,
        reported: shown(i.score),
        difference: null,
        verdict: s === null ? "无法核对" : inBand ? "区间内" : "超出区间",
        ref: i.score.ref,
      });
      continue;
    }
    const outOfRange = s !== null && w !== null && (s < -1e-9 || s > w + 0.005);
    out.push({
      item: name,
      source:
        w !== null
          ? `无法按定量规则计算（${i.qualitative ? "定性指标" : "目标值与实际值不可比"}），得分应在 0～${formatNumber(w)} 之间`
          : "分值未填写，无法核对",
      computed: w !== null ? `0～${formatNumber(w)}` : null,
      reported: shown(i.score),
      difference: null,
      verdict: s === null || w === null ? "无法核对" : outOfRange ? "不符" : "人工判断",
      ref: i.score.ref,
    });
  }
  return out;
}

/** 一级 subtotal rows of the indicator table: typed subtotal vs the sum of its 三级 scores. */
function level1Rows(a: FormAnalysis): WorksheetRow[] {
  const out: WorksheetRow[] = [];
  for (const l1 of a.level1) {
    if (l1.name === "合计" || !l1.score.ref) continue;
    const rows = a.indicators.filter((i) => i.scored && i.level1 === l1.name);
    if (rows.length === 0) continue;
    const ok = rows.every((i) => i.score.value !== null);
    const parts = rows.map((i) => i.score.value ?? 0);
    const computed = ok ? sum(parts) : null;
    out.push({
      item: `${l1.summary.name.trim()} 小计得分`,
      source: computed !== null ? `各三级指标得分之和：${sumSteps(computed, parts)}` : "三级指标得分有缺失",
      computed,
      reported: shown(l1.score),
      difference: diffOf(l1.score.value, computed),
      verdict: sumVerdict(l1.score.value, computed),
      ref: l1.score.ref,
    });
  }
  return out;
}

/** Older Hunan report form: 得分率 = 自评得分 ÷ 指标分值 per row, and 合计 = the rows. */
function summaryRows(a: FormAnalysis): WorksheetRow[] {
  const out: WorksheetRow[] = [];
  for (const s of a.summary) {
    if (s.name === "合计" || !s.rate.ref) continue;
    const expected = s.score.value !== null && s.weightValue ? s.score.value / s.weightValue : null;
    const printed =
      expected !== null ? readPrintedRate(s.rate, expected, s.summary.rate?.cell.numberFormat) : null;
    const v = printed && expected !== null ? judgeRate(printed, expected) : null;
    const computed = expected !== null ? round2(expected * 100) : null;
    const reported = printed ? cleanFloat(roundTo(printed.percent, 4)) : shown(s.rate);
    out.push({
      item: `${s.summary.name.trim()} 得分率（%）`,
      source: `自评得分 ${s.score.text || "（空）"} ÷ 指标分值 ${s.weightValue ?? "（空）"} × 100`,
      computed,
      reported,
      difference: typeof reported === "number" ? diffOf(reported, computed) : null,
      verdict: v === null ? "无法核对" : v === "ok" ? "一致" : v === "rounding" ? "尾差" : "不符",
      ref: s.rate.ref,
    });
  }
  const total = a.summary.find((s) => s.name === "合计");
  const rows = a.summary.filter((s) => s.name !== "合计");
  if (total?.score.ref && rows.length > 0) {
    const ok = rows.every((r) => r.score.value !== null);
    const parts = rows.map((r) => r.score.value ?? 0);
    const computed = ok ? sum(parts) : null;
    out.push({
      item: "一级指标汇总表·合计得分",
      source: computed !== null ? sumSteps(computed, parts) : "一级指标得分有缺失",
      computed,
      reported: shown(total.score),
      difference: diffOf(total.score.value, computed),
      verdict: sumVerdict(total.score.value, computed),
      ref: total.score.ref,
    });
  }
  return out;
}

/** 分值合计: the weights as typed (执行率 + every scored indicator) against the profile's total weight. */
function weightRow(form: SelfEvalForm, a: FormAnalysis, profile: RuleProfile): WorksheetRow | null {
  const scored = a.indicators.filter((i) => i.scored && i.row.weight?.ref);
  if (scored.length === 0) return null;
  const parts: number[] = [];
  if (a.budget?.total) {
    if (a.budget.weight.value === null) return null;
    parts.push(a.budget.weight.value);
  }
  for (const i of scored) {
    if (i.weight.value === null) return null;
    parts.push(i.weight.value);
  }
  const typed = sum(parts);
  const printed = readNumber(form.total?.weight);
  return {
    item: "分值合计",
    source: `评分规则规定满分 ${formatNumber(profile.totalWeight)}；表中各项分值：${sumSteps(typed, parts)}${
      printed.value !== null ? `（表中总分分值 ${formatNumber(printed.value)}）` : ""
    }`,
    computed: profile.totalWeight,
    reported: typed,
    difference: diffOf(typed, profile.totalWeight),
    verdict: sumVerdict(typed, profile.totalWeight),
    ref: printed.ref ?? a.budget?.weight.ref ?? null,
  };
}

// ───────────────────────────── total and grade ─────────────────────────────

function gradeVerdict(typed: string | null, expected: string, profile: RuleProfile): Verdict {
  if (typed === null || expected === "") return "无法核对";
  return normalizeGrade(typed, profile) === expected ? "一致" : "不符";
}

function totalAndGradeRows(a: FormAnalysis, plan: CorrectionPlan, profile: RuleProfile): WorksheetRow[] {
  const out: WorksheetRow[] = [];
  const computedTotal = plan.total;
  const typed = a.typedTotal;
  const parts = typedTotalParts(a);
  const partsSum = parts ? sum(parts) : null;
  out.push({
    item: "总分（表中各项得分相加）",
    source: partsSum !== null ? sumSteps(partsSum, parts!) : "有得分未填写或不是数字",
    computed: partsSum,
    reported: typed,
    difference: diffOf(typed, partsSum),
    verdict: sumVerdict(typed, partsSum),
    ref: a.typedTotalRef,
  });
  out.push({
    item: "总分（按评分规则重算）",
    source:
      plan.undetermined?.[0]?.reason ?? "执行率得分与各定量指标按规则重算，定性指标按填报得分（限 0～分值）",
    computed: computedTotal,
    reported: typed,
    difference: diffOf(typed, computedTotal),
    verdict: scoreVerdict(typed, computedTotal),
    ref: a.typedTotalRef,
  });
  const bands = bandText(profile);
  const byTyped = typed !== null ? gradeFor(round2(typed), profile) : "";
  out.push({
    item: "等级（按表中总分）",
    source: typed !== null ? `表中总分 ${formatNumber(round2(typed))}：${bands}` : "表中总分未填写",
    computed: byTyped || null,
    reported: a.typedGrade,
    difference: null,
    verdict: gradeVerdict(a.typedGrade, byTyped, profile),
    ref: a.typedGradeRef,
  });
  const byComputed = plan.grade ?? "";
  out.push({
    item: "等级（按复核总分）",
    source:
      computedTotal !== null
        ? `复核总分 ${formatNumber(round2(computedTotal))}：${bands}`
        : "总分无法按规则计算",
    computed: byComputed || null,
    reported: a.typedGrade,
    difference: null,
    verdict: gradeVerdict(a.typedGrade, byComputed, profile),
    ref: a.typedGradeRef,
  });
  return out;
}

/** The checker could not compute a plan (an internal error): nothing is recomputed here either. */
const NO_PLAN: CorrectionPlan = {
  changes: [],
  total: null,
  grade: null,
  totalKeepingItems: null,
  gradeKeepingItems: null,
};

/** What the working paper needs of a checked form (a FormResult): the form and what the checker decided. */
export interface CheckedForm {
  form: SelfEvalForm;
  /** FormResult.profileUsed: the rules the checker graded the form under (printed 备注 bands included). */
  profileUsed: RuleProfile;
  /** FormResult.plan: the checker's correction plan; null when the checker could not compute one. */
  plan: CorrectionPlan | null;
}

/**
 * The working paper of one checked form. Pure; never throws on a strange form (rows it cannot read say
 * 无法核对). It takes the checker's decisions from the result — the profile (with a 自评报告's printed bands)
 * and the plan — so 复核得分 is by construction the result's total.computed; it only re-reads the form.
 */
export function reviewWorksheet(checked: CheckedForm): ReviewWorksheet {
  const { form, profileUsed: profile } = checked;
  const a = readForm(form, profile);
  const plan = checked.plan ?? NO_PLAN;
  const computedTotal = plan.total;
  const rows: WorksheetRow[] = [];
  if (a.budget) rows.push(...budgetRows(a.budget, plan.undetermined ?? []));
  rows.push(...indicatorRows(a));
  rows.push(...level1Rows(a));
  rows.push(...summaryRows(a));
  const w = weightRow(form, a, profile);
  if (w) rows.push(w);
  rows.push(...totalAndGradeRows(a, plan, profile));
  const selfScore = a.typedTotal;
  const deviation =
    selfScore !== null && computedTotal !== null && selfScore !== 0
      ? cleanFloat((selfScore - computedTotal) / selfScore)
      : null;
  return { rows, selfScore, reviewScore: computedTotal, deviation };
}
