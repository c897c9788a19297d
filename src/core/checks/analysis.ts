/**
 * One pass over a located form that reads every number the checks need (budget figures, weights,
 * scores, parsed targets/actuals) and recomputes what the rules give. The check groups and the
 * orchestrator (total.computed) share it, so a value is parsed once and judged the same way everywhere.
 */
import { cellText, isPercentFormat } from "../grid";
import type { Cell, CellRef, CellValue } from "../grid";
import { isPlaceholderText, normalizeLabel, normalizeLevel1 } from "../labels";
import type {
  BudgetBlock,
  BudgetRow,
  FormField,
  IndicatorRow,
  Level1Summary,
  RuleProfile,
  SelfEvalForm,
} from "../model";
import { displayQuantity } from "../display";
import { parseCombinedScoreGrade } from "../grade";
import { shownValue } from "../messages";
import { round2 } from "../numbers";
import { sum } from "./util";
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
import { REPORT_MSG } from "../kinds/report/messages";
import type { ReportAnalysis } from "../kinds/report/checks";

// ───────────────────────────── reading one cell ─────────────────────────────

export type ReadStatus =
  /** The form has no cell for this field (column or label absent). */
  | "absent"
  | "empty"
  /** "/", "—": not applicable. */
  | "placeholder"
  /** An Excel error value such as #DIV/0!. */
  | "error"
  | "number"
  /** Text that is not a number. */
  | "text";

export interface NumberRead {
  status: ReadStatus;
  /** The number (percentages as fractions); null unless status is "number". */
  value: number | null;
  /** What the user sees (for messages). */
  text: string;
  ref: CellRef | null;
  /** The value is a percentage (percent format, or "%" in the text). */
  isPercent: boolean;
  /** The cell holds a number (not text). */
  numeric: boolean;
  percentFormat: boolean;
  parsed: ParsedValue | null;
  /** Kind of the cell's value (null when the form has no cell for the field). */
  cellKind: CellValue["kind"] | null;
}

const EMPTY_CELL: Cell = { value: { kind: "empty" } };

/** Reads a field as a number: numeric cells, formula results, numeric text ("74.20%", " 5374.44"). */
export function readNumber(field: FormField | null | undefined): NumberRead {
  const ref = field?.ref ?? null;
  const base: NumberRead = {
    status: "absent",
    value: null,
    text: "",
    ref,
    isPercent: false,
    numeric: false,
    percentFormat: false,
    parsed: null,
    cellKind: null,
  };
  if (!field || !ref) return base;
  const cell = field.cell ?? EMPTY_CELL;
  const v = cell.value;
  base.cellKind = v.kind;
  base.percentFormat = isPercentFormat(cell.numberFormat);
  base.text = cellText(v).trim();
  switch (v.kind) {
    case "empty":
      return { ...base, status: "empty" };
    case "error":
      return { ...base, status: "error" };
    case "boolean":
    case "date":
      return { ...base, status: "text" };
    case "number": {
      if (!Number.isFinite(v.value)) return { ...base, status: "text" };
      return {
        ...base,
        status: "number",
        value: v.value,
        numeric: true,
        isPercent: base.percentFormat,
        text: base.percentFormat ? `${round2(v.value * 100)}%` : base.text,
      };
    }
    case "text": {
      if (base.text === "") return { ...base, status: "empty" };
      if (isPlaceholderText(base.text)) return { ...base, status: "placeholder" };
      const parsed = parseValue(base.text);
      if (parsed.kind === "placeholder") return { ...base, status: "placeholder", parsed };
      if (parsed.kind === "empty") return { ...base, status: "empty", parsed };
      if (parsed.kind === "number" && parsed.value !== null && Number.isFinite(parsed.value))
        return { ...base, status: "number", value: parsed.value, isPercent: parsed.isPercent, parsed };
      return { ...base, status: "text", parsed };
    }
  }
  return base;
}

/** Text of a field ("" when absent or blank). */
export function fieldText(field: FormField | null | undefined): string {
  if (!field || !field.cell) return "";
  return cellText(field.cell.value).trim();
}

/** True when the field has a cell and it is blank. */
export function isBlankField(field: FormField | null | undefined): boolean {
  if (!field) return true;
  const v = field.cell?.value;
  return !v || v.kind === "empty" || (v.kind === "text" && v.value.trim() === "");
}

/** Where a finding about a field points: its value cell, else its label cell. */
export function fieldRef(field: FormField | null | undefined): CellRef | null {
  return field?.ref ?? field?.labelRef ?? null;
}

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
      const s = quantitativeScore(target.value!, actual.value!, weight.value, direction, {
        target: (v) => displayQuantity(target, v),
        actual: (v) => displayQuantity(actual, v),
      });
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
  /** Kind `report`: what its own tables give (set by the orchestrator after analyseForm). */
  report?: ReportAnalysis | null;
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

/**
 * total.computed: what the rules give from the typed inputs.
 * - Standard form: 执行率得分 by the profile's rule from the budget total row (executed / budget, the typed
 *   分值 or the profile's execution weight) + every scored indicator row: quantitative rows by
 *   quantitativeScore; every other row (qualitative, or not computable) the typed 得分 clamped to
 *   [0, 分值]. Null when the execution part or any scored row's points cannot be obtained.
 * - Older Hunan report form (no per-indicator points): the sum of its 一级 summary scores (合计 excluded).
 */
export function computeTotal(form: SelfEvalForm, a: FormAnalysis): number | null {
  return totalWithReason(form, a).value;
}

/**
 * computeTotal with, when it is null, the first part that could not be computed (Chinese, for the
 * "无法按规则计算总分：…" finding). One pass, like computeTotal.
 */
export function totalWithReason(
  form: SelfEvalForm,
  a: FormAnalysis,
): { value: number | null; reason: string | null } {
  const fail = (reason: string): { value: null; reason: string } => ({ value: null, reason });
  const done = (parts: number[]): { value: number | null; reason: string | null } => {
    const value = finiteOrNull(round2(sum(parts)));
    return value === null ? fail("各项得分相加超出了数值范围") : { value, reason: null };
  };
  const scoredRows = a.indicators.filter((i) => i.scored);
  const hasRowPoints = scoredRows.some((i) => i.row.score?.ref);
  const parts: number[] = [];
  if (!hasRowPoints) {
    const rows = a.summary.filter((s) => s.name !== "合计");
    if (rows.length === 0 && form.kind === "report") return fail(REPORT_MSG.noSummary());
    if (rows.length === 0)
      return fail(scoredRows.length > 0 ? "绩效指标表中没有“得分”栏" : "表中找不到带得分的绩效指标");
    for (const p of rows) {
      // 自评报告: 投入 is the 预算执行率 score, recomputed from 支出合计 ÷ 收入合计 (kinds/report/checks.ts).
      const execution = a.report?.execution;
      if (execution && p === execution.summary) {
        parts.push(execution.rule.value);
        continue;
      }
      if (p.score.value === null) return fail(`“${p.summary.name}”的自评得分${whyNot(p.score)}`);
      parts.push(p.score.value);
    }
    return done(parts);
  }
  if (form.budget) {
    const b = a.budget;
    if (!b?.rule) return fail(budgetReason(b));
    parts.push(b.rule.value);
  }
  for (const i of scoredRows) {
    if (i.effective === null) {
      const name = i.row.name.replace(/\s+/g, " ").trim() || "（未命名指标）";
      return fail(`“${name}”的得分${whyNot(i.score)}`);
    }
    parts.push(i.effective);
  }
  return done(parts);
}

/** Why a read gives no number: "未填写", "是错误值 #REF!", "不是数字（逻辑值“TRUE”）". */
function whyNot(read: NumberRead): string {
  switch (read.status) {
    case "absent":
      return "没有对应的栏目";
    case "empty":
      return "未填写";
    case "error":
      return `是错误值 ${read.text}`;
    case "placeholder":
      return `填的是“${read.text}”`;
    case "number":
      return `为 ${read.text}，无法计算`;
    default:
      return `不是数字（${shownValue(read.cellKind, read.text)}）`;
  }
}

function budgetReason(b: BudgetInfo | null): string {
  if (!b || !b.total) return "预算资金表中找不到“年度资金总额”行，预算执行率得分无法计算";
  const row = "“年度资金总额”";
  if (b.budget.value === null) return `${row}的全年预算数${whyNot(b.budget)}`;
  if (b.executed.value === null) return `${row}的全年执行数${whyNot(b.executed)}`;
  if (b.rate === null) return `${row}的全年预算数为 ${b.budget.text}，无法计算预算执行率`;
  return `预算执行率得分无法按规则计算（分值为 ${b.weight.text || "空"}）`;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
