/**
 * Builder of the 自评报告 table (kind `report`, domain.md §2.7) as a grid, as seed 004 prints it, for tests,
 * samples, fuzzing and the bench. Pure: no Office/DOM/Node imports. Eight columns A–H (c0–c7):
 *
 *   title; 部门（单位）名称（盖章）：…; 预算编码：…; 评价方式：…; 评价机构：…; 报告时间：…   (one cell each, c0..c7)
 *   一、部门（单位）基本概况
 *   联系人 | value (c1..c3) | 联系电话 (c4) | value (c5..c7);  人员编制 | value | 实有人数 | value
 *   职能职责概述 / 年度主要工作内容 / 年度部门（单位）总体运行情况及取得的成绩 | text (c1..c7)
 *   二、部门（单位）收支情况
 *   年度收入情况（万元）; 机构名称 | 收入合计 | 其中：(c2..c6) / 上年结转 | 公共财政拨款 | 政府基金拨款 |
 *     纳入专户管理的非税收入拨款 | 其他收入; rows 汇总 and 机构
 *   部门（单位）年度支出和结余情况（万元）; 机构名称 | 支出合计 | 其中：(c2..c5) | 结余 (c6..c7) / 基本支出 |
 *     其中：(c3..c4) | 项目支出 | 当年结余 | 累计结余 / 人员支出 | 公用支出; rows
 *   机构名称 | 三公经费合计 | 其中： / 公务接待费 | 公务用车运行维护费 | 公务用车购置费 | 因公出国（境）费用; rows
 *   机构名称 | 固定资产合计 | 其中： / 在用固定资产 | 出租固定资产 | 其他; rows
 *   三、部门（单位）整体支出绩效自评情况
 *   整体支出绩效定性目标及实施计划完成情况 (c0, 2 rows) | 预期目标 (c1..c3) | 实际完成 (c4..c7) / texts
 *   整体支出绩效定量目标及实施计划完成情况 (c0, down over the rows) | 评价内容 (c1..c3) | 绩效目标 (c4) |
 *     完成情况 (c5..c7) / rows: 一级 (c1, merged over its group) | 二级 (c2, merged) | name | target | actual
 *   绩效自评综合得分及评价等次 | text (c1..c7)
 *   四、评价人员; 姓  名 | 职务/职称 | 单  位 | 签  字; rows
 *   (optional) the 一级指标 summary: 一级指标 | 指标分值 | 自评得分 | 得分率; rows; 合计
 */
import type { Cell, CellRange, CellValue, Sheet } from "../../grid";
import type { CellInput } from "../../template";

export interface ReportMoneyRow {
  label: string;
  /** Values in column order: the 合计 first, then the parts (null = blank). */
  values: CellInput[];
}

export interface ReportQuantRow {
  /** 一级 group (产出目标（…） / 效益目标（…）); "" continues the group above (one merged cell). */
  group: string;
  /** 二级 group (数量、质量、时效、成本指标 …); "" continues the one above. */
  sub: string;
  name: string;
  target: CellInput;
  actual: CellInput;
}

export interface ReportSpec {
  title: string;
  department: string;
  budgetCode: CellInput;
  method?: string;
  evaluator?: string;
  reportDate: string;
  contact: CellInput;
  phone: CellInput;
  staff: { authorised: CellInput; actual: CellInput };
  duties: string;
  work: string;
  achievements: string;
  /** Rows of each money table (汇总 first); null leaves the table out. */
  income: ReportMoneyRow[] | null;
  spending: ReportMoneyRow[] | null;
  threePublic: ReportMoneyRow[] | null;
  assets: ReportMoneyRow[] | null;
  goals: { expected: CellInput; actual: CellInput };
  quantitative: ReportQuantRow[];
  /** 绩效自评综合得分及评价等次, e.g. "评分：96   等级：优\n备注：…". */
  combined: CellInput;
  evaluators: [string, string, string][];
  /** 一级指标 | 指标分值 | 自评得分 | 得分率 rows (合计 last); null leaves the summary out. */
  summary: [string, CellInput, CellInput, CellInput][] | null;
}

export interface Pos {
  row: number;
  col: number;
}

/** Where the builder put what tests look at. */
export interface ReportLayout {
  contact: Pos;
  phone: Pos;
  staffAuthorised: Pos;
  staffActual: Pos;
  /** Per money table: the first data row and the column of each value (合计 first). */
  tables: Partial<
    Record<"income" | "spending" | "threePublic" | "assets", { firstRow: number; cols: number[] }>
  >;
  goalsExpected: Pos;
  goalsActual: Pos;
  /** Per 定量 row: name, target and actual cells. */
  quantitative: { name: Pos; target: Pos; actual: Pos }[];
  combined: Pos;
  /** Per summary row: name, weight, score, rate. */
  summary: { name: Pos; weight: Pos; score: Pos; rate: Pos }[];
  rows: number;
}

const W = 8;

function toValue(input: CellInput): Cell | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "string") return input === "" ? undefined : { value: { kind: "text", value: input } };
  if (typeof input === "number") return { value: { kind: "number", value: input } };
  if (typeof input === "boolean") return { value: { kind: "boolean", value: input } };
  if ("error" in input) return { value: { kind: "error", value: input.error } };
  const v = input.value;
  const value: CellValue =
    v === null
      ? { kind: "empty" }
      : typeof v === "number"
        ? { kind: "number", value: v }
        : typeof v === "boolean"
          ? { kind: "boolean", value: v }
          : { kind: "text", value: v };
  const cell: Cell = { value };
  if (input.formula) cell.formula = input.formula;
  if (input.numberFormat) cell.numberFormat = input.numberFormat;
  return cell;
}

class Grid {
  readonly cells: (Cell | undefined)[][] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  put(row: number, col: number, input: CellInput): void {
    const cell = toValue(input);
    if (!cell) return;
    (this.cells[row] ??= [])[col] = cell;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }

  /** A text over the whole width, on a row of its own. */
  line(text: CellInput): number {
    const r = this.row++;
    this.put(r, 0, text);
    this.merge(r, 0, r, W - 1);
    return r;
  }
}

interface MoneyTable {
  key: "income" | "spending" | "threePublic" | "assets";
  title: string | null;
  rows: ReportMoneyRow[] | null;
}

function moneyTable(g: Grid, t: MoneyTable, layout: ReportLayout): void {
  if (!t.rows) return;
  if (t.title) g.line(t.title);
  const h = g.row;
  let cols: number[];
  let headerRows: number;
  switch (t.key) {
    case "income":
      g.put(h, 0, "机构名称");
      g.put(h, 1, "收入合计");
      g.put(h, 2, "其中：");
      g.merge(h, 2, h, 6);
      ["上年结转", "公共财\n政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他\n收入"].forEach(
        (l, i) => g.put(h + 1, 2 + i, l),
      );
      cols = [1, 2, 3, 4, 5, 6];
      headerRows = 2;
      break;
    case "spending":
      g.put(h, 0, "机构名称");
      g.put(h, 1, "支出合计");
      g.put(h, 2, "其中：");
      g.merge(h, 2, h, 5);
      g.put(h, 6, "结余");
      g.merge(h, 6, h, 7);
      g.put(h + 1, 2, "基本支出");
      g.merge(h + 1, 2, h + 2, 2);
      g.put(h + 1, 3, "其中：");
      g.merge(h + 1, 3, h + 1, 4);
      g.put(h + 1, 5, "项目支出");
      g.merge(h + 1, 5, h + 2, 5);
      g.put(h + 1, 6, "当年结余");
      g.merge(h + 1, 6, h + 2, 6);
      g.put(h + 1, 7, "累计结余");
      g.merge(h + 1, 7, h + 2, 7);
      g.put(h + 2, 3, "人员支出");
      g.put(h + 2, 4, "公用支出");
      // 支出合计 | 基本支出 | 人员支出 | 公用支出 | 项目支出 | 当年结余 | 累计结余
      cols = [1, 2, 3, 4, 5, 6, 7];
      headerRows = 3;
      break;
    case "threePublic":
      g.put(h, 0, "机构名称");
      g.put(h, 1, "三公经费\n合计");
      g.put(h, 2, "其中：");
      g.merge(h, 2, h, 5);
      ["公务接待费", "公务用车运行维护费", "公务用车购置费", "因公出国（境）费用"].forEach((l, i) =>
        g.put(h + 1, 2 + i, l),
      );
      cols = [1, 2, 3, 4, 5];
      headerRows = 2;
      break;
    case "assets":
      g.put(h, 0, "机构名称");
      g.put(h, 1, "固定资产\n合计");
      g.put(h, 2, "其中：");
      g.merge(h, 2, h, 4);
      ["在用固定资产", "出租固定资产", "其他"].forEach((l, i) => g.put(h + 1, 2 + i, l));
      cols = [1, 2, 3, 4];
      headerRows = 2;
      break;
  }
  g.merge(h, 0, h + headerRows - 1, 0);
  g.merge(h, 1, h + headerRows - 1, 1);
  g.row = h + headerRows;
  layout.tables[t.key] = { firstRow: g.row, cols };
  for (const r of t.rows) {
    const row = g.row++;
    g.put(row, 0, r.label);
    r.values.forEach((v, i) => {
      if (i < cols.length) g.put(row, cols[i], v);
    });
  }
}

/** Builds the 自评报告 table on one sheet; returns the sheet and where its cells are. */
export function buildReportForm(
  spec: ReportSpec,
  options: { sheetName?: string } = {},
): { sheet: Sheet; layout: ReportLayout } {
  const g = new Grid();
  const layout: ReportLayout = {
    contact: { row: 0, col: 0 },
    phone: { row: 0, col: 0 },
    staffAuthorised: { row: 0, col: 0 },
    staffActual: { row: 0, col: 0 },
    tables: {},
    goalsExpected: { row: 0, col: 0 },
    goalsActual: { row: 0, col: 0 },
    quantitative: [],
    combined: { row: 0, col: 0 },
    summary: [],
    rows: 0,
  };
  g.line(spec.title);
  g.line(`部门（单位）名称（盖章）：${spec.department}`);
  const code = g.line("预算编码：");
  g.put(code, 0, typeof spec.budgetCode === "string" ? `预算编码：${spec.budgetCode}` : "预算编码：");
  if (spec.method) g.line(`评价方式：${spec.method}`);
  if (spec.evaluator) g.line(`评价机构：${spec.evaluator}`);
  g.line(`报告时间：${spec.reportDate}`);
  g.line("一、部门（单位）基本概况");

  const pair = (l1: string, v1: CellInput, l2: string, v2: CellInput): [Pos, Pos] => {
    const r = g.row++;
    g.put(r, 0, l1);
    g.put(r, 1, v1);
    g.merge(r, 1, r, 3);
    g.put(r, 4, l2);
    g.put(r, 5, v2);
    g.merge(r, 5, r, 7);
    return [
      { row: r, col: 1 },
      { row: r, col: 5 },
    ];
  };
  [layout.contact, layout.phone] = pair("联系人", spec.contact, "联系电话", spec.phone);
  [layout.staffAuthorised, layout.staffActual] = pair(
    "人员编制",
    spec.staff.authorised,
    "实有人数",
    spec.staff.actual,
  );
  for (const [label, text] of [
    ["职能职责概述", spec.duties],
    ["年度主要\n工作内容", spec.work],
    ["年度部门（单位）总体运行情况及取得的成绩", spec.achievements],
  ] as const) {
    const r = g.row++;
    g.put(r, 0, label);
    g.put(r, 1, text);
    g.merge(r, 1, r, 7);
  }

  g.line("二、部门（单位）收支情况");
  moneyTable(g, { key: "income", title: "年度收入情况（万元）", rows: spec.income }, layout);
  moneyTable(
    g,
    { key: "spending", title: "部门（单位）年度支出和结余情况（万元）", rows: spec.spending },
    layout,
  );
  moneyTable(g, { key: "threePublic", title: null, rows: spec.threePublic }, layout);
  moneyTable(g, { key: "assets", title: null, rows: spec.assets }, layout);

  g.line("三、部门（单位）整体支出绩效自评情况");
  const q = g.row;
  g.put(q, 0, "整体支出绩效定性目标及实施计划完成情况");
  g.merge(q, 0, q + 1, 0);
  g.put(q, 1, "预期目标");
  g.merge(q, 1, q, 3);
  g.put(q, 4, "实际完成");
  g.merge(q, 4, q, 7);
  g.put(q + 1, 1, spec.goals.expected);
  g.merge(q + 1, 1, q + 1, 3);
  g.put(q + 1, 4, spec.goals.actual);
  g.merge(q + 1, 4, q + 1, 7);
  layout.goalsExpected = { row: q + 1, col: 1 };
  layout.goalsActual = { row: q + 1, col: 4 };

  const h = q + 2;
  g.put(h, 0, "整体支出\n绩效定量目标及实施计划完成情况");
  g.put(h, 1, "评价内容");
  g.merge(h, 1, h, 3);
  g.put(h, 4, "绩效目标");
  g.put(h, 5, "完成情况");
  g.merge(h, 5, h, 7);
  g.row = h + 1;
  let groupStart = -1;
  let subStart = -1;
  const closeGroup = (end: number): void => {
    if (groupStart >= 0) g.merge(groupStart, 1, end, 1);
  };
  const closeSub = (end: number): void => {
    if (subStart >= 0) g.merge(subStart, 2, end, 2);
  };
  for (const row of spec.quantitative) {
    const r = g.row++;
    if (row.group !== "") {
      closeSub(r - 1);
      closeGroup(r - 1);
      groupStart = r;
      subStart = -1;
      g.put(r, 1, row.group);
    }
    if (row.sub !== "") {
      closeSub(r - 1);
      subStart = r;
      g.put(r, 2, row.sub);
    }
    g.put(r, 3, row.name);
    g.put(r, 4, row.target);
    g.put(r, 5, row.actual);
    g.merge(r, 5, r, 7);
    layout.quantitative.push({
      name: { row: r, col: 3 },
      target: { row: r, col: 4 },
      actual: { row: r, col: 5 },
    });
  }
  closeSub(g.row - 1);
  closeGroup(g.row - 1);
  g.merge(h, 0, g.row - 1, 0);

  const c = g.row++;
  g.put(c, 0, "绩效自评综合得分及评价等次");
  g.put(c, 1, spec.combined);
  g.merge(c, 1, c, 7);
  layout.combined = { row: c, col: 1 };

  g.line("四、评价人员");
  const e = g.row++;
  ["姓  名", "职务/职称", "单  位", "签  字"].forEach((l, i) => g.put(e, i * 2, l));
  for (const [name, title, unit] of spec.evaluators) {
    const r = g.row++;
    g.put(r, 0, name);
    g.put(r, 2, title);
    g.put(r, 4, unit);
  }

  if (spec.summary) {
    g.row++;
    g.line("一级指标具体得分情况");
    const s = g.row++;
    ["一级指标", "指标分值", "自评得分", "得分率"].forEach((l, i) => g.put(s, i, l));
    for (const [name, weight, score, rate] of spec.summary) {
      const r = g.row++;
      g.put(r, 0, name);
      g.put(r, 1, weight);
      g.put(r, 2, score);
      g.put(r, 3, rate);
      layout.summary.push({
        name: { row: r, col: 0 },
        weight: { row: r, col: 1 },
        score: { row: r, col: 2 },
        rate: { row: r, col: 3 },
      });
    }
  }
  layout.rows = g.row;
  const cells = Array.from({ length: g.row }, (_, r) => g.cells[r] ?? []);
  return { sheet: { name: options.sheetName ?? "自评报告", cells, merges: g.merges }, layout };
}
