/**
 * What the standard-form builder (template.ts) takes and gives: the form's content (FormSpec), the
 * builder's options (BuildOptions) and the positions it lays out (StandardLayout). Types only.
 */
import type { CellRange } from "./grid";

/** A cell as the builder writes it. */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | { value: string | number | boolean | null; formula?: string; numberFormat?: string }
  | { error: string };

export interface IndicatorSpec {
  level1: string;
  level2: string;
  name: string;
  target: CellInput;
  actual: CellInput;
  weight: CellInput;
  score: CellInput;
  reason?: CellInput;
  nature?: CellInput;
  unit?: CellInput;
}

export interface BudgetRowSpec {
  label: string;
  initialBudget?: CellInput;
  fullYearBudget?: CellInput;
  executed?: CellInput;
  weight?: CellInput;
  rate?: CellInput;
  score?: CellInput;
}

export interface FormSpec {
  year: number;
  /** Project form only: 项目名称 and 实施单位 (主管部门 is `department`). */
  projectName?: CellInput;
  implementer?: CellInput;
  /** Default "部门整体支出绩效自评表"; the year line is "（2023年度）". */
  title?: string;
  department: CellInput;
  budgetCode: CellInput;
  contact: CellInput;
  phone: CellInput;
  reportDate?: CellInput;
  /** title default "预算资金（万元）". */
  budget: { variant: "by-source" | "by-nature"; title?: string; rows: BudgetRowSpec[] };
  goals: { expected: CellInput; actual: CellInput };
  indicators: IndicatorSpec[];
  total: { weight: CellInput; score: CellInput };
  grade: CellInput;
}

export interface BuildOptions {
  /** Default "自评表". */
  sheetName?: string;
  /** Top-left corner, default {0,0}. */
  origin?: { row: number; col: number };
  /** Merge 一级/二级 cells vertically and leave the repeated ones blank (default true); false = repeat names in every row, no merges. */
  mergeLevels?: boolean;
  /** Add 指标性质 / 度量单位 columns after 三级指标. */
  extraColumns?: ("nature" | "unit")[];
  /**
   * Order of the columns between 三级指标 and 分值 (domain.md §2.9), e.g. Tianjin-style
   * ["nature", "target", "actual", "unit"]; its nature/unit entries replace extraColumns. Default: the
   * extra columns, then target, actual.
   */
  indicatorOrder?: IndicatorColumn[];
  /**
   * "project": the 项目支出绩效自评表 (domain.md §2.8): header 项目名称 / 主管部门 | 实施单位 (联系人 | 联系电话 only
   * with printContact), block 项目资金（万元） with 全年预算数（A） / 全年执行数（B） / 执行率（B/A）, no 预算编码,
   * 填报日期 or 评价等级 row (unless printGrade). Default "department".
   */
  kind?: "department" | "project";
  /** Project form: print the 联系人 / 联系电话 row (some provinces' variants do). */
  printContact?: boolean;
  /** Project form: print the 评价等级 row. */
  printGrade?: boolean;
  /**
   * Override a label text, keyed by its default text (e.g. {"预算编码":"部门预算编码：", "年度指标值":"指标值"}).
   * "分值" and "得分" apply to both the budget block and the indicator table; "budget:分值" / "budget:得分"
   * override only the budget block's. The year line's key is its default text, e.g. "（2023年度）".
   */
  labels?: Partial<Record<string, string>>;
}

export type IndicatorColumn = "nature" | "unit" | "target" | "actual";

export interface Pos {
  row: number;
  col: number;
}

export interface LabelValuePos {
  label: Pos;
  value: Pos;
}

export interface BudgetRowLayout {
  row: number;
  label: Pos;
  initialBudget: Pos;
  fullYearBudget: Pos;
  executed: Pos;
  weight: Pos;
  rate: Pos;
  score: Pos;
}

export interface IndicatorRowLayout {
  row: number;
  /** Cell holding the 一级 name for this row (top of its merge when merged). */
  level1: Pos;
  /** Cell holding the 二级 name for this row (top of its merge when merged). */
  level2: Pos;
  name: Pos;
  nature: Pos | null;
  unit: Pos | null;
  target: Pos;
  actual: Pos;
  weight: Pos;
  score: Pos;
  reason: Pos;
}

/** Absolute positions (origin included) of every field of a built form. */
export interface StandardLayout {
  sheetName: string;
  /** Number of columns of the form. */
  width: number;
  bounds: CellRange;
  title: Pos;
  yearLine: Pos;
  header: {
    department: LabelValuePos;
    budgetCode: LabelValuePos;
    contact: LabelValuePos;
    phone: LabelValuePos;
    reportDate: LabelValuePos;
    /** Project form: 项目名称 and 实施单位 (null on the department form). */
    projectName: LabelValuePos | null;
    implementer: LabelValuePos | null;
  };
  budget: {
    title: Pos;
    headerRow: number;
    labelCol: number;
    columns: {
      initialBudget: number;
      fullYearBudget: number;
      executed: number;
      weight: number;
      rate: number;
      score: number;
    };
    rows: BudgetRowLayout[];
  };
  goals: { label: Pos; expectedLabel: Pos; actualLabel: Pos; expected: Pos; actual: Pos };
  indicators: {
    title: Pos;
    headerRow: number;
    columns: {
      level1: number;
      level2: number;
      name: number;
      nature: number | null;
      unit: number | null;
      target: number;
      actual: number;
      weight: number;
      score: number;
      reason: number;
    };
    rows: IndicatorRowLayout[];
  };
  total: { label: Pos; weight: Pos; score: Pos };
  grade: LabelValuePos;
}
