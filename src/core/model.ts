/**
 * The contract between the stages of the core: grid → form (locator) → findings (checks) → grade.
 * Hosts (CLI, Excel adapter, preview, custom functions) only see these types.
 */
import type { Cell, CellRange, CellRef } from "./grid";

// ───────────────────────────── form model (output of the locator) ─────────────────────────────

/** A form field: the label that identified it and the cell where its value is typed. */
export interface FormField {
  /** Label cell that identified the field; null when the field is positional (a table column). */
  labelRef: CellRef | null;
  /** Value cell; null when the locator found the label but no place for a value. */
  ref: CellRef | null;
  /** Content of the value cell ({ value: { kind: "empty" } } when ref is null or the cell is blank). */
  cell: Cell;
}

export type BudgetRowKind =
  | "total" // 年度资金总额
  | "current" // 其中：当年财政拨款 / 本年财政拨款
  | "carryover" // 上年结转资金
  | "other" // 其他资金
  | "income-group" // 按收入性质分
  | "income-item" // 一般公共预算 / 政府性基金拨款 / 纳入专户管理的非税收入拨款 / 其他资金 (under 按收入性质分)
  | "spending-group" // 按支出性质分
  | "spending-item"; // 基本支出 / 项目支出

export interface BudgetRow {
  label: string;
  labelRef: CellRef;
  kind: BudgetRowKind;
  initialBudget: FormField | null; // 年初预算数
  fullYearBudget: FormField | null; // 全年预算数 / 全年（调整）预算数 / 调整后预算数
  executed: FormField | null; // 全年执行数 / 预算执行数 (or the cell right after the label, variant 2)
  weight: FormField | null; // 分值
  rate: FormField | null; // 执行率
  score: FormField | null; // 得分 / 自评得分
}

export interface BudgetBlock {
  /** "by-source": 当年财政拨款/上年结转/其他; "by-nature": 按收入性质分 + 按支出性质分. */
  variant: "by-source" | "by-nature";
  /** Unit from the block title, e.g. 预算资金（万元） → "万元"; null when not stated. */
  unit: string | null;
  titleRef: CellRef;
  rows: BudgetRow[];
  /** The 年度资金总额 row (also present in rows). */
  total: BudgetRow | null;
  /** A reason/explanation cell for the budget block when the form has one. */
  reason: FormField | null;
}

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  /** 一级指标 name, inherited from a merged or previous cell; "" when none. */
  level1: string;
  level1Ref: CellRef | null;
  /** 二级指标 name, inherited likewise. */
  level2: string;
  level2Ref: CellRef | null;
  /** 三级指标 name (as typed, prefix such as "指标1：" kept). */
  name: string;
  nameRef: CellRef;
  nature: FormField | null; // 指标性质 (≥ / ≤ / = / 定性) when the form has that column
  unit: FormField | null; // 度量单位 when the form has that column
  target: FormField; // 年度指标值
  actual: FormField; // 实际完成值
  weight: FormField; // 分值 / 权重
  score: FormField; // 得分
  reason: FormField | null; // 偏差原因分析及改进措施
  /** Rows with "/" or "—" in every value cell: not scored, not missing. */
  placeholder: boolean;
}

/** A 一级 subtotal row inside the indicator table or a 一级 summary table (older Hunan form). */
export interface Level1Summary {
  /** As printed: 产出指标 / 产出 / 投入 / 效益 / 满意度 / 合计. */
  name: string;
  nameRef: CellRef;
  weight: FormField | null; // 指标分值 (or points inside the name, e.g. 产出指标(50分))
  score: FormField | null; // 自评得分
  rate: FormField | null; // 得分率 (older Hunan form)
}

export interface IndicatorTable {
  headerRef: CellRef;
  rows: IndicatorRow[];
  /** 一级 weights printed in the names ("产出指标(50分)") or subtotal rows, when present. */
  level1: Level1Summary[];
}

// ───────────────────────────── 自评报告 blocks (kind `report`, domain.md §2.7) ─────────────────────────────

/** The 自评报告's money tables: 年度收入情况, 年度支出和结余情况, 三公经费, 固定资产. */
export type ReportTableKind = "income" | "spending" | "threePublic" | "assets";

export interface ReportTableRow {
  /** 机构名称 as printed: 局机关及二级机构汇总 / 1、局机关 / 2、二级机构1 …. */
  label: string;
  labelRef: CellRef;
  /** The 汇总 row (sum of the 机构 rows). */
  summary: boolean;
  /** Value cells by column key ("total" and the kind's part keys); null when the column is absent. */
  cells: Record<string, FormField | null>;
}

export interface ReportTable {
  kind: ReportTableKind;
  /** The 合计 column header (收入合计 / 支出合计 / 三公经费合计 / 固定资产合计). */
  headerRef: CellRef;
  /** Columns found: key, header text as printed, sheet column. */
  columns: { key: string; label: string; col: number }[];
  rows: ReportTableRow[];
}

export interface ReportBlocks {
  /** 人员编制 / 实有人数 of the 基本概况 grid. */
  staff: { authorised: FormField | null; actual: FormField | null };
  tables: ReportTable[];
  /** Header cell of the 定量目标 table (绩效目标); its rows are in SelfEvalForm.indicators. */
  quantitativeRef: CellRef | null;
  /** The 备注 text printing the grade bands (in the combined cell or its own cell), parsed. */
  gradeNote: { field: FormField; bands: GradeBand[] } | null;
}

// ───────────────────────────── read ledger (what the locator made of every row) ─────────────────────────────

/**
 * What the locator read a row of the form's area as. "unread" rows are in ReadLedger.unread instead.
 * - title / year: the form's title and year line (or a page title repeated inside a table)
 * - header: a header field (单位名称, 预算编码 …) or any other labelled field row
 * - budget-header / budget: the budget block's column headers and its rows
 * - goals: 年度总体目标 and its texts
 * - column-header: the indicator table's column headers (one to three rows)
 * - repeated-header: the column headers (or the page title) printed again inside the table
 * - indicator / placeholder: a 三级 row (scored, or "/" everywhere)
 * - subtotal: a 小计 row; sum: a 合计 row closing the table
 * - blank: an empty row inside the table (rows around the table are not listed)
 * - total / grade: 总分 and 评价等级 (or the combined 综合得分及评价等次 cell)
 * - summary / report: the older report's 一级 summary and the 自评报告's own tables
 * - text: a row of narrative text only
 * - note / signature: 备注 / 说明 rows and the signature block (评价人员, 签字, 填表人, 审核, 日期 …)
 */
export type LedgerRole =
  | "title"
  | "year"
  | "header"
  | "budget-header"
  | "budget"
  | "goals"
  | "column-header"
  | "repeated-header"
  | "indicator"
  | "placeholder"
  | "subtotal"
  | "sum"
  | "blank"
  | "total"
  | "grade"
  | "summary"
  | "report"
  | "text"
  | "note"
  | "signature";

/** A row with content inside the form's area that the locator did not understand. */
export interface UnreadRow {
  /** 0-based sheet row. */
  row: number;
  /** Its filled cells inside the area, left to right (text as shown, trimmed). */
  cells: { ref: CellRef; text: string }[];
}

/** Per form: which rows the locator read as what, and which rows with content it did not understand. */
export interface ReadLedger {
  /** The area the ledger covers (the form's bounds, extended over a signature block below it). */
  area: CellRange;
  /** Every row of the area that was read, top to bottom. */
  rows: { row: number; as: LedgerRole }[];
  /** Rows with content inside the area that were not understood, top to bottom. */
  unread: UnreadRow[];
}

/**
 * Which form was found: 部门整体支出绩效自评表 (`department`), 项目支出绩效自评表 (`project`), or the older
 * Hunan 自评报告 layout (`report`, domain.md §2.7). Reported as JSON `form.kind`.
 */
export type FormKind = "department" | "project" | "report";

export interface SelfEvalForm {
  kind: FormKind;
  sheet: string;
  /** Area the form occupies on its sheet (used to tell two forms on one workbook apart). */
  bounds: CellRange;
  titleRef: CellRef | null;
  /** The form's own year from （2023年度） or the title; null when not found. */
  year: number | null;
  yearRef: CellRef | null;
  header: {
    department: FormField | null; // 预算部门、单位名称 / 部门（单位）名称 / 单位名称 / 主管部门 ...
    budgetCode: FormField | null; // 预算编码 / 部门预算编码
    contact: FormField | null; // 联系人
    phone: FormField | null; // 联系电话
    reportDate: FormField | null; // 填报日期 (optional)
    /** 项目名称 (project form, src/core/kinds/project); absent or null on other kinds. */
    projectName?: FormField | null;
    /** 实施单位 (project form); absent or null on other kinds. */
    implementer?: FormField | null;
  };
  budget: BudgetBlock | null;
  goals: { expected: FormField | null; actual: FormField | null };
  indicators: IndicatorTable | null;
  /** Older Hunan report form: 一级指标 | 指标分值 | 自评得分 | 得分率 rows 投入/产出/效益/满意度/合计. */
  level1Summary: Level1Summary[];
  /** 总分 row: 分值 (normally 100) and 得分 (the total). */
  total: { weight: FormField | null; score: FormField | null };
  /** 评价等级 / 自评等级 / 等级 / 评价等次. */
  grade: FormField | null;
  /** Older Hunan form: one cell "评分：96   等级：优" (绩效自评综合得分及评价等次). */
  combinedScoreGrade: FormField | null;
  /**
   * Kind `report` only (null otherwise): the 自评报告's own blocks. Its 定量目标 rows (评价内容 | 绩效目标 |
   * 完成情况, no points per row) are `indicators` rows whose weight and score fields have no cell.
   */
  report: ReportBlocks | null;
  /**
   * The read ledger: what every row of the form's area was read as, and what was not understood (set by
   * the locator; absent on forms built by hand in tests).
   */
  ledger?: ReadLedger;
}

// ───────────────────────────── findings ─────────────────────────────

export const RULE_IDS = [
  "TEMPLATE_NOT_FOUND",
  "MISSING_FIELD",
  "MISSING_VALUE",
  "MISSING_REASON",
  "SUM_MISMATCH",
  "WEIGHT_TOTAL",
  "RATE_MISMATCH",
  "SCORE_MISMATCH",
  "SCORE_OUT_OF_RANGE",
  "QUAL_BAND",
  "GRADE_MISMATCH",
  "GRADE_NAME",
  "EXEC_OVER_100",
  "INCOME_AS_SPENDING",
  "MAGNITUDE",
  "PERCENT_OVER_100",
  "UNIT_MISMATCH",
  "YEAR_MISMATCH",
  "UNKNOWN_CATEGORY",
  "OVER_ACHIEVEMENT",
  "FORECAST_VALUE",
  "GOAL_DUPLICATE",
  "FIGURE_CONFLICT",
  "ADDIN_FORMULA",
  "UNPARSED_VALUE",
  "PARTIAL_READ",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = "error" | "warning" | "info";

/** Grouping shown in the task pane (domain.md §6). */
export type FindingCategory =
  "template" | "missing" | "arithmetic" | "grade" | "plausibility" | "consistency";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  category: FindingCategory;
  /** The cell the finding is about; null only for TEMPLATE_NOT_FOUND. */
  ref: CellRef | null;
  /** Chinese message for department staff: what is wrong and how to fix it, with the numbers. */
  message: string;
  /** What the form says (number or text), when there is one. */
  typed?: number | string | null;
  /** What the rules give, when computable. */
  expected?: number | string | null;
  /** How `expected` was computed, e.g. "7.6 = 76% × 10". */
  steps?: string;
  /** A computed fix: write `value` into `ref` (e.g. the recomputed score). */
  fix?: { ref: CellRef; value: number | string };
}

/** One cell the correction plan changes (issue: one coherent correction per form). */
export interface PlannedChange {
  ref: CellRef;
  /** What the cell holds now, as typed (null when blank). */
  typed: number | string | null;
  /** What it should hold so that the form is consistent. */
  value: number | string;
  /** Chinese name of the item, e.g. 执行率得分 / 产出指标小计 / 总分 / 等级. */
  item: string;
  /** The rule whose finding this change answers. */
  rule: RuleId;
}

/**
 * A value the plan cannot determine because an input of its computation is itself doubted (a figure a
 * plausibility finding flags): it is not proposed, and the dependent values (subtotals, total, grade) are
 * not either. `because` names the doubted cell and the rule that doubts it.
 */
export interface UndeterminedValue {
  state: "undetermined";
  /** The cell that would hold the value (null for a total without a cell). */
  ref: CellRef | null;
  /** Chinese name of the item: 执行率得分 / 执行率 / 总分. */
  item: string;
  because: { ref: CellRef; rule: RuleId };
  /** "无法确定：请先核对全年执行数（F7）、全年预算数（E7）". */
  reason: string;
}

/**
 * The form as it should read, computed once: item scores → 一级 subtotals → 总分 → 等级, each from the
 * corrected level below (plus rates and sums). Every finding's `expected`/`fix` agrees with it.
 */
export interface CorrectionPlan {
  /** Every change, lower levels first (items → subtotals → total → grade); empty when consistent. */
  changes: PlannedChange[];
  /** Total and grade once every change is applied (null when not computable). */
  total: number | null;
  grade: string | null;
  /** Total and grade that agree with the item scores as typed (write back without changing items). */
  totalKeepingItems: number | null;
  gradeKeepingItems: string | null;
  /**
   * Set when the form was only partly read (rule PARTIAL_READ): the rows not understood. Then total, grade
   * and the *KeepingItems are null and the plan holds only changes of rows read in full (item scores,
   * printed rates); nothing is added up. Absent or null otherwise.
   */
  declined?: {
    rule: "PARTIAL_READ";
    rows: UnreadRow[];
    weights: { read: number | null; expected: number } | null;
  } | null;
  /**
   * Values not determined because an input is doubted (then `total` and `grade` are null and `changes`
   * holds none of them); absent or empty when every input is trusted.
   */
  undetermined?: UndeterminedValue[];
  /** Why `total` is null, in Chinese for the pane and the reports ("表格未完整读取"); absent when computed. */
  totalReason?: string | null;
}

export interface FormResult {
  /** Null when no form was found (then findings holds TEMPLATE_NOT_FOUND). */
  form: SelfEvalForm | null;
  sheet: string | null;
  department: string | null;
  year: number | null;
  profile: string;
  /** Why this profile was chosen when the user chose none (automatic choice); null when chosen by the user. */
  profileReason: string | null;
  /**
   * The rules the form was checked and graded under, as checkWorkbook decided them once: the profile named by
   * `profile`, with the grade bands the form prints when they differ (a 自评报告's 备注). Writers and front ends
   * use this, never deciding it again.
   */
  profileUsed: RuleProfile;
  total: { typed: number | null; computed: number | null };
  grade: { typed: string | null; computed: string | null };
  /** Where write-back puts the total and the grade (null when the form has no such cell). */
  writeBack: { total: CellRef | null; grade: CellRef | null };
  findings: Finding[];
  /** The correction plan (null when the form could not be read far enough to compute one). */
  plan: CorrectionPlan | null;
}

// ───────────────────────────── rule profiles (held as data, validated on load) ─────────────────────────────

export type ExecutionRule =
  /** 得分 = 分值 × min(执行率, 100%). */
  | { kind: "proportional" }
  /** 100%为满分，每低于 stepPercent% 扣 pointsPerStep 分, 扣完为止; whole steps or linear. */
  | { kind: "step"; stepPercent: number; pointsPerStep: number; partial: "whole" | "linear" };

export interface GradeBand {
  /** 优 / 良 / 较差 / 差 (or 中 under the national profile). */
  label: string;
  /** Inclusive lower bound on the total rounded to 2 decimals. */
  min: number;
}

export interface RuleProfile {
  id: string;
  /** Chinese display name, e.g. "湖南省（优/良/较差/差）". */
  name: string;
  /** Sum of all weights (100; 95 on seed 000's form). */
  totalWeight: number;
  /** 一级 weights; execution = 预算执行率. */
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  execution: ExecutionRule;
  /** Below this rate (fraction) a reason is required: 0.9. */
  reasonBelowRate: number;
  /** Bands, highest first. */
  grades: GradeBand[];
  /** Labels accepted when reading, mapped to a band label: { "中": "较差" }. */
  gradeAliases: Record<string, string>;
  /** Over-achievement warning threshold (1.3 = 130%) and points deducted (0: the user decides). */
  overAchievement: { ratio: number; deduct: number };
  /** Per-rule severity overrides. */
  severities: Partial<Record<RuleId, Severity>>;
}
