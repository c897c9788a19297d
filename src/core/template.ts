/**
 * Builder of the national-style 部门整体支出绩效自评表 (domain.md §2) as a grid, for tests and sample
 * generation. Pure: no Office/DOM/Node imports.
 *
 * Layout (W = 9 + number of extra columns, all columns relative to `origin`):
 *
 *   r0   title, merged over all W columns
 *   r1   year line （2023年度）, merged over all W columns
 *   r2   预算部门、单位名称 | value (c1..c3) | 预算编码 (c4..c5+E) | value (c6+E..W-1)
 *   r3   联系人            | value (c1..c3) | 联系电话 (c4..c5+E) | value (c6+E..W-1)
 *   r4   填报日期          | value (c1..c3)
 *   r5   预算资金（万元）(c0, merged down over the block) | (label cols c1..c2+E) | 年初预算数 | 全年预算数 |
 *        全年执行数 | 分值 | 执行率 | 得分   (numeric columns W-6..W-1)
 *   r6…  budget rows: label (c1..c2+E merged when E > 0), values in the six numeric columns
 *   g    年度总体目标 (c0, merged over 2 rows) | 预期目标 (c1..c4) | 实际完成情况 (c5..W-1)
 *   g+1                                   | expected text    | actual text
 *   h    绩效指标 (c0, merged down over header + rows) | 一级指标 | 二级指标 | 三级指标 | [指标性质] [度量单位] |
 *        年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
 *   h+1… indicator rows (一级/二级 merged vertically over their groups unless mergeLevels = false)
 *   t    总分 (c0..c5+E merged) | weight (c6+E) | score (c7+E)
 *   t+1  评价等级 (c0..c5+E merged) | grade (c6+E..W-1 merged)
 */
import type { Cell, CellRange, CellValue, Sheet } from "./grid";
import type {
  CellInput,
  FormSpec,
  BuildOptions,
  IndicatorColumn,
  Pos,
  LabelValuePos,
  BudgetRowLayout,
  IndicatorRowLayout,
  StandardLayout,
} from "./templateSpec";

// The spec and layout types live in templateSpec.ts; importers of template.ts keep finding them here.
export type * from "./templateSpec";

const DEFAULT_TITLE = "部门整体支出绩效自评表";
const DEFAULT_BUDGET_TITLE = "预算资金（万元）";
const PLACEHOLDER = "—";

function toCell(input: CellInput | undefined): Cell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "string") {
    return input === "" ? undefined : { value: { kind: "text", value: input } };
  }
  if (typeof input === "number") return { value: { kind: "number", value: input } };
  if (typeof input === "boolean") return { value: { kind: "boolean", value: input } };
  if ("error" in input) return { value: { kind: "error", value: input.error } };
  const v = input.value;
  let value: CellValue;
  if (v === null || v === "") value = { kind: "empty" };
  else if (typeof v === "string") value = { kind: "text", value: v };
  else if (typeof v === "number") value = { kind: "number", value: v };
  else value = { kind: "boolean", value: v };
  const cell: Cell = { value };
  if (input.formula !== undefined) cell.formula = input.formula.replace(/^=/, "");
  if (input.numberFormat !== undefined) cell.numberFormat = input.numberFormat;
  if (value.kind === "empty" && cell.formula === undefined && cell.numberFormat === undefined)
    return undefined;
  return cell;
}

function isTotalLabel(label: string): boolean {
  return label.replace(/\s/g, "").includes("年度资金总额");
}

/** Computes positions only; shared by the builder and standardLayout. */
export function standardLayout(spec: FormSpec, options: BuildOptions = {}): StandardLayout {
  const o = options.origin ?? { row: 0, col: 0 };
  const order = columnOrder(options);
  const E = order.length - 2;
  const W = 9 + E;
  const P = (row: number, col: number): Pos => ({ row: o.row + row, col: o.col + col });

  const header =
    options.kind === "project"
      ? {
          projectName: { label: P(2, 0), value: P(2, 1) },
          department: { label: P(3, 0), value: P(3, 1) },
          implementer: { label: P(3, 4), value: P(3, 6 + E) },
          contact: { label: P(4, 0), value: P(4, 1) },
          phone: { label: P(4, 4), value: P(4, 6 + E) },
          // Not printed on the project form; positions kept so the type stays total.
          budgetCode: { label: P(2, 4), value: P(2, 6 + E) },
          reportDate: { label: P(4, 0), value: P(4, 1) },
        }
      : {
          department: { label: P(2, 0), value: P(2, 1) },
          budgetCode: { label: P(2, 4), value: P(2, 6 + E) },
          contact: { label: P(3, 0), value: P(3, 1) },
          phone: { label: P(3, 4), value: P(3, 6 + E) },
          reportDate: { label: P(4, 0), value: P(4, 1) },
          projectName: null,
          implementer: null,
        };

  const budgetHeaderRow = 5;
  const numStart = W - 6;
  const columns = {
    initialBudget: o.col + numStart,
    fullYearBudget: o.col + numStart + 1,
    executed: o.col + numStart + 2,
    weight: o.col + numStart + 3,
    rate: o.col + numStart + 4,
    score: o.col + numStart + 5,
  };
  const budgetRows: BudgetRowLayout[] = spec.budget.rows.map((_, i) => {
    const r = budgetHeaderRow + 1 + i;
    return {
      row: o.row + r,
      label: P(r, 1),
      initialBudget: { row: o.row + r, col: columns.initialBudget },
      fullYearBudget: { row: o.row + r, col: columns.fullYearBudget },
      executed: { row: o.row + r, col: columns.executed },
      weight: { row: o.row + r, col: columns.weight },
      rate: { row: o.row + r, col: columns.rate },
      score: { row: o.row + r, col: columns.score },
    };
  });

  const g = budgetHeaderRow + 1 + spec.budget.rows.length;
  const goals = {
    label: P(g, 0),
    expectedLabel: P(g, 1),
    actualLabel: P(g, 5),
    expected: P(g + 1, 1),
    actual: P(g + 1, 5),
  };

  const h = g + 2;
  const at = (c: IndicatorColumn): number | null => (order.includes(c) ? o.col + 4 + order.indexOf(c) : null);
  const ic = {
    level1: o.col + 1,
    level2: o.col + 2,
    name: o.col + 3,
    nature: at("nature"),
    unit: at("unit"),
    target: at("target")!,
    actual: at("actual")!,
    weight: o.col + 6 + E,
    score: o.col + 7 + E,
    reason: o.col + 8 + E,
  };
  const merge = options.mergeLevels !== false;
  const rows: IndicatorRowLayout[] = [];
  let l1Top = -1;
  let l2Top = -1;
  spec.indicators.forEach((ind, i) => {
    const r = o.row + h + 1 + i;
    const prev = i > 0 ? spec.indicators[i - 1] : undefined;
    const sameL1 = merge && prev !== undefined && ind.level1 !== "" && prev.level1 === ind.level1;
    const sameL2 = sameL1 && ind.level2 !== "" && prev!.level2 === ind.level2;
    if (!sameL1) l1Top = r;
    if (!sameL2) l2Top = r;
    const at = (col: number): Pos => ({ row: r, col });
    rows.push({
      row: r,
      level1: { row: l1Top, col: ic.level1 },
      level2: { row: l2Top, col: ic.level2 },
      name: at(ic.name),
      nature: ic.nature === null ? null : at(ic.nature),
      unit: ic.unit === null ? null : at(ic.unit),
      target: at(ic.target),
      actual: at(ic.actual),
      weight: at(ic.weight),
      score: at(ic.score),
      reason: at(ic.reason),
    });
  });

  const t = h + 1 + spec.indicators.length;
  return {
    sheetName: options.sheetName ?? "自评表",
    width: W,
    bounds: {
      top: o.row,
      left: o.col,
      bottom: o.row + t + (options.kind === "project" && !options.printGrade ? 0 : 1),
      right: o.col + W - 1,
    },
    title: P(0, 0),
    yearLine: P(1, 0),
    header,
    budget: {
      title: P(budgetHeaderRow, 0),
      headerRow: o.row + budgetHeaderRow,
      labelCol: o.col + 1,
      columns,
      rows: budgetRows,
    },
    goals,
    indicators: { title: P(h, 0), headerRow: o.row + h, columns: ic, rows },
    total: { label: P(t, 0), weight: P(t, 6 + E), score: P(t, 7 + E) },
    grade: { label: P(t + 1, 0), value: P(t + 1, 6 + E) },
  };
}

/** The columns between 三级指标 and 分值, each once, target and actual always among them. */
function columnOrder(options: BuildOptions): IndicatorColumn[] {
  const out: IndicatorColumn[] = [];
  const add = (c: IndicatorColumn): void => {
    if (!out.includes(c)) out.push(c);
  };
  if (options.indicatorOrder) options.indicatorOrder.forEach(add);
  else for (const e of options.extraColumns ?? []) add(e);
  add("target");
  add("actual");
  return out;
}

/** Builds the sheet of a standard form. */
export function buildStandardForm(spec: FormSpec, options: BuildOptions = {}): Sheet {
  const L = standardLayout(spec, options);
  const W = L.width;
  const o = { row: L.bounds.top, col: L.bounds.left };
  const E = W - 9;
  const project = options.kind === "project";
  const labelOf = (text: string, key?: string): string =>
    (key !== undefined ? options.labels?.[key] : undefined) ?? options.labels?.[text] ?? text;

  const cells: (Cell | undefined)[][] = [];
  const merges: CellRange[] = [];
  const put = (pos: Pos, input: CellInput | undefined): void => {
    const cell = toCell(input);
    if (!cell) return;
    (cells[pos.row] ??= [])[pos.col] = cell;
  };
  const text = (pos: Pos, s: string): void => put(pos, s);
  const mergeRect = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const hMerge = (pos: Pos, right: number): void => mergeRect(pos.row, pos.col, pos.row, right);
  const lastCol = o.col + W - 1;

  // Title and year line.
  text(L.title, spec.title ?? (project ? "项目支出绩效自评表" : DEFAULT_TITLE));
  hMerge(L.title, lastCol);
  const yearLine = `（${spec.year}年度）`;
  text(L.yearLine, labelOf(yearLine));
  hMerge(L.yearLine, lastCol);

  // Header.
  const hdr = L.header;
  const labelValue = (
    lv: LabelValuePos,
    label: string,
    value: CellInput | undefined,
    labelRight: number | null,
    valueRight: number,
  ): void => {
    text(lv.label, labelOf(label));
    if (labelRight !== null) hMerge(lv.label, labelRight);
    put(lv.value, value);
    hMerge(lv.value, valueRight);
  };
  if (project) {
    labelValue(hdr.projectName!, "项目名称", spec.projectName, null, lastCol);
    labelValue(hdr.department, "主管部门", spec.department, null, o.col + 3);
    labelValue(hdr.implementer!, "实施单位", spec.implementer, o.col + 5 + E, lastCol);
    if (options.printContact) {
      labelValue(hdr.contact, "联系人", spec.contact, null, o.col + 3);
      labelValue(hdr.phone, "联系电话", spec.phone, o.col + 5 + E, lastCol);
    }
  } else {
    labelValue(hdr.department, "预算部门、单位名称", spec.department, null, o.col + 3);
    labelValue(hdr.budgetCode, "预算编码", spec.budgetCode, o.col + 5 + E, lastCol);
    labelValue(hdr.contact, "联系人", spec.contact, null, o.col + 3);
    labelValue(hdr.phone, "联系电话", spec.phone, o.col + 5 + E, lastCol);
    labelValue(hdr.reportDate, "填报日期", spec.reportDate, null, o.col + 3);
  }

  // Budget block.
  const b = L.budget;
  text(b.title, labelOf(spec.budget.title ?? (project ? "项目资金（万元）" : DEFAULT_BUDGET_TITLE)));
  mergeRect(b.title.row, b.title.col, b.headerRow + spec.budget.rows.length, b.title.col);
  const bc = b.columns;
  const hr = b.headerRow;
  text({ row: hr, col: bc.initialBudget }, labelOf("年初预算数"));
  text({ row: hr, col: bc.fullYearBudget }, labelOf(project ? "全年预算数（A）" : "全年预算数"));
  text({ row: hr, col: bc.executed }, labelOf(project ? "全年执行数（B）" : "全年执行数"));
  text({ row: hr, col: bc.weight }, labelOf("分值", "budget:分值"));
  text({ row: hr, col: bc.rate }, labelOf(project ? "执行率（B/A）" : "执行率"));
  text({ row: hr, col: bc.score }, labelOf("得分", "budget:得分"));
  hMerge({ row: hr, col: b.labelCol }, bc.initialBudget - 1);
  spec.budget.rows.forEach((rs, i) => {
    const rl = b.rows[i];
    const scored = isTotalLabel(rs.label);
    text(rl.label, rs.label);
    hMerge(rl.label, bc.initialBudget - 1);
    put(rl.initialBudget, rs.initialBudget);
    put(rl.fullYearBudget, rs.fullYearBudget);
    put(rl.executed, rs.executed);
    put(rl.weight, rs.weight !== undefined ? rs.weight : scored ? null : PLACEHOLDER);
    put(rl.rate, rs.rate);
    put(rl.score, rs.score !== undefined ? rs.score : scored ? null : PLACEHOLDER);
  });

  // Goals.
  const g = L.goals;
  text(g.label, labelOf("年度总体目标"));
  mergeRect(g.label.row, g.label.col, g.label.row + 1, g.label.col);
  text(g.expectedLabel, labelOf("预期目标"));
  hMerge(g.expectedLabel, g.actualLabel.col - 1);
  text(g.actualLabel, labelOf("实际完成情况"));
  hMerge(g.actualLabel, lastCol);
  put(g.expected, spec.goals.expected);
  hMerge(g.expected, g.actual.col - 1);
  put(g.actual, spec.goals.actual);
  hMerge(g.actual, lastCol);

  // Indicator table.
  const it = L.indicators;
  const ic = it.columns;
  text(it.title, labelOf("绩效指标"));
  mergeRect(it.title.row, it.title.col, it.headerRow + spec.indicators.length, it.title.col);
  const hRow = it.headerRow;
  text({ row: hRow, col: ic.level1 }, labelOf("一级指标"));
  text({ row: hRow, col: ic.level2 }, labelOf("二级指标"));
  text({ row: hRow, col: ic.name }, labelOf("三级指标"));
  if (ic.nature !== null) text({ row: hRow, col: ic.nature }, labelOf("指标性质"));
  if (ic.unit !== null) text({ row: hRow, col: ic.unit }, labelOf("度量单位"));
  text({ row: hRow, col: ic.target }, labelOf("年度指标值"));
  text({ row: hRow, col: ic.actual }, labelOf("实际完成值"));
  text({ row: hRow, col: ic.weight }, labelOf("分值"));
  text({ row: hRow, col: ic.score }, labelOf("得分"));
  text({ row: hRow, col: ic.reason }, labelOf("偏差原因分析及改进措施"));
  const n = spec.indicators.length;
  spec.indicators.forEach((ind, i) => {
    const rl = it.rows[i];
    if (rl.level1.row === rl.row) {
      text(rl.level1, ind.level1);
      let end = i;
      while (end + 1 < n && it.rows[end + 1].level1.row === rl.row) end++;
      mergeRect(rl.row, ic.level1, it.rows[end].row, ic.level1);
    }
    if (rl.level2.row === rl.row) {
      text(rl.level2, ind.level2);
      let end = i;
      while (end + 1 < n && it.rows[end + 1].level2.row === rl.row) end++;
      mergeRect(rl.row, ic.level2, it.rows[end].row, ic.level2);
    }
    text(rl.name, ind.name);
    if (rl.nature) put(rl.nature, ind.nature);
    if (rl.unit) put(rl.unit, ind.unit);
    put(rl.target, ind.target);
    put(rl.actual, ind.actual);
    put(rl.weight, ind.weight);
    put(rl.score, ind.score);
    put(rl.reason, ind.reason);
  });

  // Total and grade.
  text(L.total.label, labelOf("总分"));
  hMerge(L.total.label, L.total.weight.col - 1);
  put(L.total.weight, spec.total.weight);
  put(L.total.score, spec.total.score);
  if (!project || options.printGrade) {
    text(L.grade.label, labelOf("评价等级"));
    hMerge(L.grade.label, L.grade.value.col - 1);
    put(L.grade.value, spec.grade);
    hMerge(L.grade.value, lastCol);
  }

  return { name: L.sheetName, cells, merges };
}

/** The empty template: all labels, the standard 一级/二级 rows, blank values (分值 10 / 100 pre-printed). */
export function emptyStandardSpec(year: number): FormSpec {
  const level2: [string, string][] = [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["产出指标", "成本指标"],
    ["效益指标", "经济效益指标"],
    ["效益指标", "社会效益指标"],
    ["效益指标", "生态效益指标"],
    ["效益指标", "可持续影响指标"],
    ["满意度指标", "服务对象满意度指标"],
  ];
  return {
    year,
    department: null,
    budgetCode: null,
    contact: null,
    phone: null,
    reportDate: null,
    budget: {
      variant: "by-source",
      rows: [
        { label: "年度资金总额", weight: 10 },
        { label: "其中：当年财政拨款" },
        { label: "上年结转资金" },
        { label: "其他资金" },
      ],
    },
    goals: { expected: null, actual: null },
    indicators: level2.map(([level1, l2]) => ({
      level1,
      level2: l2,
      name: "",
      target: null,
      actual: null,
      weight: null,
      score: null,
      reason: null,
    })),
    total: { weight: 100, score: null },
    grade: null,
  };
}
