/**
 * The reading of a located form: one pass that reads every number the plan and the checks need (budget
 * figures, weights, scores, parsed targets/actuals) and recomputes what the rules give. The plan, the check
 * groups and the orchestrator (total.computed) share it, so a value is parsed once and judged the same way
 * everywhere. A kind with blocks of its own adds its part through its plug-in (FormAnalysis.kindReading).
 */
import { isPercentFormat } from "../grid";
import type { Cell, CellRef, CellValue } from "../grid";
import { isPlaceholderText, normalizeLabel, normalizeLevel1 } from "../labels";
import type {
  BudgetBlock,
  BudgetRow,
  IndicatorRow,
  Level1Summary,
  RuleProfile,
  SelfEvalForm,
} from "../model";
import { parseCombinedScoreGrade } from "../grade";
import { round2 } from "../numbers";
import { inferDirection, parseValue } from "../parse";
import type { Comparator, ParsedValue } from "../parse";
import {
  executionRate,
  executionScore,
  overAchievementRatio,
  quantitativeScore,
  qualitativeBand,
} from "../scoring";
import type { QualBandRange, Scored } from "../scoring";
import { EMPTY_CELL, fieldText, readNumber } from "./fields";
import type { NumberRead } from "./fields";

// ───────────────────────────── budget ─────────────────────────────

export interface BudgetInfo {
  block: BudgetBlock;
  total: BudgetRow | null;
  budget: NumberRead;
  executed: NumberRead;
  weight: NumberRead;
  score: NumberRead;
  rateCell: NumberRead;
  /** 全年执行数 / 全年预算数, computed; null when either is missing or the budget is not positive. */
  rate: number | null;
  /** The weight used for the execution score: the typed one, else the profile's. */
  weightUsed: number | null;
  /** 执行率得分 by the profile's rule; null when the rate cannot be computed. */
  rule: Scored | null;
}

function analyseBudget(block: BudgetBlock, profile: RuleProfile): BudgetInfo {
  const total = block.total ?? block.rows.find((r) => r.kind === "total") ?? null;
  const budget = readNumber(total?.fullYearBudget);
  const executed = readNumber(total?.executed);
  const weight = readNumber(total?.weight);
  const score = readNumber(total?.score);
  const rateCell = readNumber(total?.rate);
  const rate =
    budget.value !== null && executed.value !== null ? executionRate(executed.value, budget.value) : null;
  const weightUsed = weight.value !== null ? weight.value : total ? profile.weights.execution : null;
  let rule: Scored | null = null;
  if (rate !== null && weightUsed !== null && weightUsed >= 0) {
    const s = executionScore(rate, weightUsed, profile.execution);
    rule = s.invalid ? null : s;
  }
  return { block, total, budget, executed, weight, score, rateCell, rate, weightUsed, rule };
}

// ───────────────────────────── indicators ─────────────────────────────

export interface IndicatorInfo {
  row: IndicatorRow;
  /** Canonical 一级 name (产出指标 / 效益指标 / 满意度指标 / …). */
  level1: string;
  /** bareIndicatorName(row.name): the name without numbering and a trailing bracket. */
  bareName: string;
  /** Not a "/" placeholder row: it is scored and its values are required. */
  scored: boolean;
  target: ParsedValue;
  /** Parsed with the target as partner (a bare number takes the target's unit). */
  actual: ParsedValue;
  weight: NumberRead;
  score: NumberRead;
  natureText: string;
  /** 定性: the 指标性质 column says so, or the actual is a qualitative phrase. */
  qualitative: boolean;
  /** The stated result band of a qualitative row (from the actual, else the target); null when none. */
  band: QualBandRange | null;
  direction: Comparator | null;
  /** The name reads as a rate (…率). */
  rateName: boolean;
  /** Target and actual are numbers in comparable units, and not amounts under a rate name. */
  comparable: boolean;
  /** The one side is in 元 and the other in 万元 (a likely slip). */
  yuanSlip: boolean;
  /** Points by the quantitative rule; null when not computable. */
  rule: Scored | null;
  /** actual / target on a ≥ indicator (for over-achievement); null when not applicable. */
  overRatio: number | null;
  /** What this row contributes to total.computed; null when not computable. */
  effective: number | null;
}

/** "指标1：公用经费控制率（%）" → "公用经费控制率". */
export function bareIndicatorName(name: string): string {
  return normalizeLabel(name)
    .replace(/^(?:指标)?[0-9一二三四五六七八九十]{1,3}[:：.、．)）]/, "")
    .replace(/[(（][^)）]*[)）]$/, "");
}

function isMoney(p: ParsedValue): boolean {
  return p.kind === "number" && p.unit === "万元";
}

/** Bare number in NFKC text: "95", "3,000", "0.5". */
const BARE_NUMBER_RE = /^[+-]?\d[\d,]*(?:\.\d+)?$/;

/**
 * A bare number under a 计量单位 / 度量单位 column (domain.md §2.9) reads as the number with that unit: 95 under
 * "%" is 95%, 3000 under "批次" is 3000批次. A percent-formatted cell, a cell with its own unit, a placeholder
 * unit ("/") or no unit column: the cell as it is.
 */
function withUnitColumn(cell: Cell, unit: string): CellValue {
  const v = cell.value;
  const u = unit.trim();
  if (u === "" || isPlaceholderText(u) || u.length > 10 || isPercentFormat(cell.numberFormat)) return v;
  if (v.kind === "number" && Number.isFinite(v.value)) return { kind: "text", value: `${v.value}${u}` };
  if (v.kind === "text" && BARE_NUMBER_RE.test(v.value.normalize("NFKC").trim()))
    return { kind: "text", value: `${v.value.trim()}${u}` };
  return v;
}

function analyseIndicator(
  row: IndicatorRow,
  profile: RuleProfile,
  level1Names: Map<string, string>,
): IndicatorInfo {
  const unitText = fieldText(row.unit);
  const targetCell = row.target?.cell ?? EMPTY_CELL;
  const actualCell = row.actual?.cell ?? EMPTY_CELL;
  const target = parseValue(withUnitColumn(targetCell, unitText), {
    percentFormat: isPercentFormat(targetCell.numberFormat),
  });
  const actual = parseValue(withUnitColumn(actualCell, unitText), {
    percentFormat: isPercentFormat(actualCell.numberFormat),
    partner: target,
  });
  const weight = readNumber(row.weight);
  const score = readNumber(row.score);
  const natureText = fieldText(row.nature);
  const bare = bareIndicatorName(row.name);
  const rateName = /率/.test(bare);
  const natureQual = /定性/.test(natureText);
  const qualitative =
    natureQual ||
    actual.kind === "qualitative" ||
    (actual.kind !== "number" && target.kind === "qualitative");
  const band = qualitative ? (qualitativeBand(actual.text) ?? qualitativeBand(target.text)) : null;

  const bothNumbers =
    target.kind === "number" && actual.kind === "number" && target.value !== null && actual.value !== null;
  const yuanSlip =
    bothNumbers &&
    isMoney(target) &&
    isMoney(actual) &&
    target.yuanConverted !== actual.yuanConverted &&
    !actual.unitFromPartner;
  const unitsOk =
    bothNumbers &&
    (target.unit === null || actual.unit === null || target.unit === actual.unit) &&
    target.isPercent === actual.isPercent;
  const amountUnderRate = rateName && (isMoney(target) || isMoney(actual));
  const comparable = !natureQual && unitsOk && !yuanSlip && !amountUnderRate;

  let direction: Comparator | null = null;
  let rule: Scored | null = null;
  let overRatio: number | null = null;
  if (comparable) {
    direction = inferDirection(row.name, target, natureText || undefined);
    if (weight.value !== null && weight.value > 0) {
      const s = quantitativeScore(target.value!, actual.value!, weight.value, direction);
      rule = s.invalid ? null : s;
    }
    if (direction === ">=") overRatio = overAchievementRatio(target.value!, actual.value!);
    const deduct = profile.overAchievement.deduct;
    if (rule && overRatio !== null && deduct > 0 && overRatio >= profile.overAchievement.ratio - 1e-9) {
      // Clamped after rounding, like every score: never above the rule's own points (≤ the weight).
      const value = Math.min(round2(Math.max(0, rule.value - deduct)), rule.value);
      rule = {
        value,
        steps: `${value} = ${rule.value} − ${deduct}（超额完成 ≥ ${round2(profile.overAchievement.ratio * 100)}%，扣 ${deduct} 分）`,
      };
    }
  }

  // Contribution to total.computed: the rule's points for a quantitative row; for any other scored row
  // the typed points clamped to [0, weight] (the user picks qualitative points; the band check judges them).
  let effective: number | null = null;
  const scored = !row.placeholder;
  if (scored) {
    if (rule) effective = rule.value;
    else if (score.value !== null) {
      const w = weight.value;
      effective = w !== null && w >= 0 ? Math.min(Math.max(score.value, 0), w) : Math.max(score.value, 0);
    }
  } else effective = 0;

  // The 一级 name repeats down the table: normalise each distinct spelling once per form.
  const rawLevel1 = row.level1 ?? "";
  let level1 = level1Names.get(rawLevel1);
  if (level1 === undefined) {
    level1 = normalizeLevel1(rawLevel1);
    level1Names.set(rawLevel1, level1);
  }

  return {
    row,
    level1,
    bareName: bare,
    scored,
    target,
    actual,
    weight,
    score,
    natureText,
    qualitative,
    band,
    direction,
    rateName,
    comparable,
    yuanSlip,
    rule,
    overRatio,
    effective,
  };
}

// ───────────────────────────── the whole form ─────────────────────────────

export interface Level1Info {
  summary: Level1Summary;
  /** Canonical name; "合计" for the total row. */
  name: string;
  weight: NumberRead;
  score: NumberRead;
  rate: NumberRead;
  /** Weight read from the cell, or from points in the name ("产出指标(50分)"). */
  weightValue: number | null;
}

export interface FormAnalysis {
  budget: BudgetInfo | null;
  indicators: IndicatorInfo[];
  /** 一级 subtotal rows of the indicator table. */
  level1: Level1Info[];
  /** Older Hunan summary rows (投入/产出/效益/满意度/合计). */
  summary: Level1Info[];
  /** The typed 总分 (number, formula result, "评分：96" text or the combined cell). */
  typedTotal: number | null;
  typedTotalRef: CellRef | null;
  /** The typed grade label, trimmed; null when blank. */
  typedGrade: string | null;
  typedGradeRef: CellRef | null;
  /** What the form's kind reads from its own blocks (its plug-in's `read`, run by the orchestrator). */
  kindReading?: KindReading | null;
}

/**
 * What a kind's plug-in reads beyond the generic reading (e.g. the 自评报告's money tables). The generic
 * engine sees only `ruled`; `data` is the kind's own, for its own checks.
 */
export interface KindReading {
  /**
   * Rows of the 一级 summary whose points the kind computes by rule from its own tables (the 自评报告's
   * 投入 = 预算执行率得分): the total takes these points instead of the typed ones.
   */
  ruled: readonly { summary: Level1Info; rule: Scored }[];
  /** The kind's own reading, opaque to the generic engine. */
  data: unknown;
}

const TOTAL_NAME_RE = /^(?:合计|总计|总分|小计)$/;

export function analyseLevel1(summary: Level1Summary): Level1Info {
  const norm = normalizeLabel(summary.name);
  // "产出指标小计" subtotals the 产出指标 rows: its 一级 name is the part before 小计.
  const name = TOTAL_NAME_RE.test(norm) ? "合计" : normalizeLevel1(norm.replace(/小计$/, "") || summary.name);
  const weight = readNumber(summary.weight);
  const score = readNumber(summary.score);
  const rate = readNumber(summary.rate);
  let weightValue = weight.value;
  if (weightValue === null) {
    const m = /(\d+(?:\.\d+)?)\s*分/.exec(normalizeLabel(fieldText(summary.weight) || summary.name));
    if (m) weightValue = Number(m[1]);
  }
  return { summary, name, weight, score, rate, weightValue };
}

export function analyseForm(form: SelfEvalForm, profile: RuleProfile): FormAnalysis {
  const budget = form.budget ? analyseBudget(form.budget, profile) : null;
  const level1Names = new Map<string, string>();
  const indicators = (form.indicators?.rows ?? []).map((r) => analyseIndicator(r, profile, level1Names));
  const level1 = (form.indicators?.level1 ?? []).map(analyseLevel1);
  const summary = (form.level1Summary ?? []).map(analyseLevel1);

  let typedTotal: number | null = null;
  let typedTotalRef: CellRef | null = null;
  let typedGrade: string | null = null;
  let typedGradeRef: CellRef | null = null;
  const totalRead = readNumber(form.total?.score);
  if (form.total?.score?.ref) {
    typedTotalRef = form.total.score.ref;
    if (totalRead.status === "number") typedTotal = totalRead.value;
    // "评分：96" typed in the 总分 cell; a date's serial (45000) is not a score.
    else if (totalRead.status === "text" && totalRead.cellKind === "text")
      typedTotal = parseCombinedScoreGrade(totalRead.text).score;
  }
  if (form.grade?.ref) {
    typedGradeRef = form.grade.ref;
    const g = fieldText(form.grade);
    typedGrade = g === "" ? null : g;
  }
  const combined = form.combinedScoreGrade;
  if (combined?.ref) {
    const parts = parseCombinedScoreGrade(fieldText(combined));
    if (typedTotalRef === null) {
      typedTotalRef = combined.ref;
      typedTotal = parts.score;
    }
    if (typedGradeRef === null) {
      typedGradeRef = combined.ref;
      typedGrade = parts.grade;
    }
  }
  return { budget, indicators, level1, summary, typedTotal, typedTotalRef, typedGrade, typedGradeRef };
}
