/* global process, structuredClone */
/**
 * fast-check generators for the fuzz tests: cell values (the form's own labels, value-like texts,
 * extreme numbers, error values, dates, full-width and very long strings), whole grids, forms built
 * from random specs, and random mutations of real forms.
 *
 * Run counts: FUZZ_RUNS (total generated grids over the grid properties, default 10,000) and a fixed
 * seed FUZZ_SEED (default below) so CI is reproducible; a failure prints the seed and path to replay.
 */
import fc from "fast-check";
import type { Cell, CellRange, CellValue, Sheet, Workbook } from "../../src/core/grid";
import { FORM_KINDS } from "../../src/core/kinds";
import { LABEL_SYNONYMS, LEVEL1_NAMES, LEVEL2_NAMES_BY_LEVEL1 } from "../../src/core/labels";
import { QUALITATIVE_KEYWORDS } from "../../src/core/parse";
import { QUANT_LABELS, REPORT_TABLES } from "../../src/core/kinds/report/labels";
import type { BuildOptions, CellInput, FormSpec, IndicatorSpec } from "../../src/core/template";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20240601);
/** Total number of generated grids across the grid properties (split by share). */
export const FUZZ_RUNS = Math.max(10, Number(process.env.FUZZ_RUNS ?? 10_000));

/** fc.assert parameters for a property that takes `share` of the FUZZ_RUNS budget. */
export function runs(share: number): { seed: number; numRuns: number; endOnFailure: false } {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)), endOnFailure: false };
}

// ───────────────────────────── texts ─────────────────────────────

const ALL_LABELS: string[] = [
  ...new Set([
    ...Object.values(LABEL_SYNONYMS).flat(),
    // Labels only one kind prints (项目名称, 实施单位 …) and every kind's name as a title.
    ...FORM_KINDS.flatMap((k) => [...Object.values(k.labels).flat(), k.name]),
    ...LEVEL1_NAMES,
    ...Object.values(LEVEL2_NAMES_BY_LEVEL1).flat(),
    // The 自评报告's table columns.
    ...REPORT_TABLES.flatMap((t) => [...t.total.labels, ...t.parts.flatMap((p) => p.labels)]),
    ...Object.values(QUANT_LABELS).flat(),
    "机构名称",
    "局机关及二级机构汇总",
    "部门整体支出绩效自评表",
    "（2023年度）",
    "2022年度",
    "产出指标(50分)",
    "效益(30分)",
    "投入",
    "产出",
    "效益",
    "满意度",
    "合计",
    "评分：96   等级：优",
    "优",
    "良",
    "较差",
    "差",
    "中",
  ]),
];

/** The form's own labels, as printed or with the spellings real forms use (spaces, colons, breaks). */
export const labelText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...ALL_LABELS),
    fc.constantFrom("", "：", ":", " ", "\n", "（万元）", "(分)"),
    fc.nat(3),
  )
  .map(([label, suffix, style]) => {
    if (style === 1) return `${label.split("").join(" ")}${suffix}`;
    if (style === 2) return `${label}${suffix}`.replace(/（/g, "(").replace(/）/g, ")");
    return `${label}${suffix}`;
  });

const COMPARATORS = [
  "",
  "≥",
  "≤",
  ">=",
  "<=",
  "＞＝",
  "＝",
  "=",
  "不低于",
  "不超过",
  "控制在",
  "约",
  "预计",
  "力争",
];
const UNITS = [
  "",
  "%",
  "％",
  "万元",
  "元",
  "亿元",
  "家",
  "人次",
  "个",
  "天",
  "户",
  "月",
  "以上",
  "以内",
  "多家",
  "余人",
];

/** Value-like texts: "≥95%", "≤27.6万元", "6户以上", "1-10月完成", "/", "达成年度指标" … */
export const valueText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...COMPARATORS),
      fc.oneof(
        fc.integer({ min: -1000, max: 100000 }).map(String),
        fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
        fc.constantFrom(
          "1e308",
          "-0",
          "0.000001",
          "9".repeat(400),
          "1,234.5",
          "１２３．４",
          "95.5.5",
          "1-10",
        ),
      ),
      fc.constantFrom(...UNITS),
    )
    .map(([c, n, u]) => `${c}${n}${u}`),
  fc.constantFrom(
    "/",
    "／",
    "—",
    "——",
    "-",
    "无",
    "暂无",
    "不适用",
    "N/A",
    "达成年度指标",
    "部分达成年度指标并具有一定效果",
    "未达成年度指标且效果较差",
    "1-10月完成95%",
    "9月前",
    "按时完成",
    "详见附件",
    "100%%",
    "%",
    "≥",
    "万元",
  ),
  fc.constantFrom(...QUALITATIVE_KEYWORDS),
);

/** ASCII → full-width (！ to ～, and the ideographic space). */
export function toFullWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x20) out += "\u3000";
    else if (c > 0x20 && c < 0x7f) out += String.fromCodePoint(c + 0xfee0);
    else out += ch;
  }
  return out;
}

/** A few 10,000-character texts (precomputed: generating them per run would dominate the time). */
export const LONG_TEXTS: readonly string[] = [
  "产出指标".repeat(2500),
  "x".repeat(10000),
  "9".repeat(10000),
  `≥${"9".repeat(9998)}%`,
  `${"预算资金（万元）".repeat(1250)}`,
  `达成年度指标${"，".repeat(9994)}`,
  Array.from({ length: 10000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join(""),
];

export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: labelText, weight: 6 },
  { arbitrary: valueText, weight: 5 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 12 }), weight: 1 },
  { arbitrary: fc.oneof(labelText, valueText).map(toFullWidth), weight: 2 },
  { arbitrary: fc.constantFrom(...LONG_TEXTS), weight: 1 },
  { arbitrary: fc.constantFrom("", " ", "\u3000", "\n", "\t", "\u200b", "\ufeff"), weight: 1 },
);

// ───────────────────────────── numbers and values ─────────────────────────────

/** NaN-free numbers, extremes included (1e308, -0, the smallest subnormal). */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 3 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 3 },
  { arbitrary: fc.double({ min: 0, max: 1.5, noNaN: true }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      Number.MAX_VALUE,
      -0,
      0,
      5e-324,
      1e-300,
      Number.MAX_SAFE_INTEGER,
      Number.EPSILON,
      0.1 + 0.2,
      99.995,
      89.995,
      100,
      10,
      0.76,
      1.3,
    ),
    weight: 3,
  },
);

export const ERRORS = [
  "#DIV/0!",
  "#REF!",
  "#N/A",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

export const anyCellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant<CellValue>({ kind: "empty" }), weight: 2 },
  { arbitrary: anyNumber.map((value): CellValue => ({ kind: "number", value })), weight: 5 },
  { arbitrary: anyText.map((value): CellValue => ({ kind: "text", value })), weight: 8 },
  { arbitrary: fc.boolean().map((value): CellValue => ({ kind: "boolean", value })), weight: 1 },
  { arbitrary: fc.constantFrom(...ERRORS).map((value): CellValue => ({ kind: "error", value })), weight: 1 },
  {
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 80000 }), fc.double({ min: -1, max: 3e6, noNaN: true }))
      .map((serial): CellValue => ({ kind: "date", serial })),
    weight: 1,
  },
);

const NUMBER_FORMATS = [
  "0.00%",
  "0%",
  "General",
  "0.00",
  '0"%"',
  "0\\%",
  "yyyy-mm-dd",
  "@",
  "#,##0.00",
  "%%%",
  "",
];

export const anyCell: fc.Arbitrary<Cell> = fc
  .record(
    {
      value: anyCellValue,
      formula: fc.constantFrom("SUM(A1:A3)", "B2/C2", "=H9*10", "", "IF(", 'A1&"%"', "1/0"),
      numberFormat: fc.oneof(fc.constantFrom(...NUMBER_FORMATS), fc.string({ maxLength: 8 })),
    },
    { requiredKeys: ["value"] },
  )
  .map((c) => c as Cell);

// ───────────────────────────── grids ─────────────────────────────

/** Merges: in range, overlapping, out of range (beyond the grid, inverted, negative, one cell). */
export const anyMerge: fc.Arbitrary<CellRange> = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.nat(40), fc.nat(14), fc.nat(6), fc.nat(6))
      .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      top: fc.integer({ min: -3, max: 2000 }),
      left: fc.integer({ min: -3, max: 200 }),
      bottom: fc.integer({ min: -3, max: 2000 }),
      right: fc.integer({ min: -3, max: 200 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }), weight: 1 },
);

interface Placed {
  row: number;
  col: number;
  cell: Cell;
}

function place(entries: Placed[], emptyRows: number[]): (Cell | undefined)[][] {
  const cells: (Cell | undefined)[][] = [];
  for (const { row, col, cell } of entries) (cells[row] ??= [])[col] = cell;
  // Empty rows: present but blank (an empty array, or cells holding empty values).
  for (const r of emptyRows) {
    if (r % 2 === 0) cells[r] = [];
    else cells[r] = [{ value: { kind: "empty" } }, undefined, { value: { kind: "text", value: "" } }];
  }
  return cells;
}

export const anySheet: fc.Arbitrary<Sheet> = fc
  .record({
    name: fc.oneof(
      fc.constantFrom("自评表", "Sheet1", "附件2", "My Sheet", "It's", "表'1", "", "_jixiao_marks"),
      fc.string({ maxLength: 31 }),
    ),
    entries: fc.array(fc.record({ row: fc.nat(45), col: fc.nat(14), cell: anyCell }), { maxLength: 90 }),
    emptyRows: fc.array(fc.nat(45), { maxLength: 4 }),
    merges: fc.array(anyMerge, { maxLength: 8 }),
    hidden: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ name, entries, emptyRows, merges, hidden }) => {
    const sheet: Sheet = { name, cells: place(entries, emptyRows), merges };
    if (hidden !== undefined) sheet.hidden = hidden;
    return sheet;
  });

export const anyWorkbook: fc.Arbitrary<Workbook> = fc
  .array(anySheet, { minLength: 0, maxLength: 3 })
  .map((sheets) => ({ sheets }));

// ───────────────────────────── forms built from random specs ─────────────────────────────

/** A CellInput as the template builder takes it, drawn from the hostile values above. */
export const anyInput: fc.Arbitrary<CellInput> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: anyNumber, weight: 5 },
  { arbitrary: anyText, weight: 5 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        anyNumber,
        fc.constantFrom("0.00%", "0%", "0.0"),
        fc.option(fc.constantFrom("H9/G9", "SUM(G10:G12)")),
      )
      .map(([value, numberFormat, formula]) =>
        formula ? { value, numberFormat, formula } : { value, numberFormat },
      ),
    weight: 2,
  },
);

const LEVEL1_CHOICES = [...LEVEL1_NAMES, "产出指标(50分)", "投入", "其他指标", ""];
const LEVEL2_CHOICES = [...Object.values(LEVEL2_NAMES_BY_LEVEL1).flat(), "数量", "其他", ""];

const indicatorSpec: fc.Arbitrary<IndicatorSpec> = fc.record({
  level1: fc.oneof(fc.constantFrom(...LEVEL1_CHOICES), anyText),
  level2: fc.oneof(fc.constantFrom(...LEVEL2_CHOICES), anyText),
  name: fc.oneof(
    fc.constantFrom("新增规模企业", "社会公众满意度", "资金使用合规率", "重点工作完成及时率"),
    anyText,
  ),
  target: anyInput,
  actual: anyInput,
  weight: anyInput,
  score: anyInput,
  reason: anyInput,
  nature: anyInput,
  unit: anyInput,
});

const BUDGET_LABELS = [
  "年度资金总额",
  "其中：当年财政拨款",
  "上年结转资金",
  "其他资金",
  "按收入性质分",
  "一般公共预算",
  "政府性基金拨款",
  "按支出性质分",
  "基本支出",
  "项目支出",
];

const budgetRow = fc.record({
  label: fc.oneof(
    { arbitrary: fc.constantFrom(...BUDGET_LABELS), weight: 5 },
    { arbitrary: anyText, weight: 1 },
  ),
  initialBudget: anyInput,
  fullYearBudget: anyInput,
  executed: anyInput,
  weight: anyInput,
  rate: anyInput,
  score: anyInput,
});

export const anySpec: fc.Arbitrary<FormSpec> = fc.record({
  year: fc.oneof(fc.integer({ min: 2015, max: 2030 }), fc.constantFrom(0, -1, 99999)),
  department: anyInput,
  budgetCode: anyInput,
  contact: anyInput,
  phone: anyInput,
  reportDate: anyInput,
  budget: fc.record({
    variant: fc.constantFrom<"by-source" | "by-nature">("by-source", "by-nature"),
    rows: fc.array(budgetRow, { maxLength: 9 }),
  }),
  goals: fc.record({ expected: anyInput, actual: anyInput }),
  indicators: fc.array(indicatorSpec, { maxLength: 14 }),
  total: fc.record({ weight: anyInput, score: anyInput }),
  grade: fc.oneof(fc.constantFrom("优", "良", "较差", "差", "中", "优秀", ""), anyInput),
});

const SYNONYM_OVERRIDES: Partial<Record<string, string>>[] = [
  {},
  { 预算编码: "部门预算编码：", 年度指标值: "指标值", 实际完成值: "全年完成值", 分值: "权重" },
  { 评价等级: "评价等次", 总分: "自评总分", 得分: "自评得分", "budget:分值": "分值" },
  { "预算部门、单位名称": "单位名称（盖章）", 全年预算数: "全年（调整）预算数", 绩效指标: "年度绩效指标" },
];

export const anyBuildOptions: fc.Arbitrary<BuildOptions> = fc.record({
  sheetName: fc.constantFrom("自评表", "Sheet1", "2023年 自评"),
  origin: fc.record({ row: fc.nat(6), col: fc.nat(4) }),
  mergeLevels: fc.boolean(),
  extraColumns: fc.subarray<"nature" | "unit">(["nature", "unit"]),
  labels: fc.constantFrom(...SYNONYM_OVERRIDES),
});

/** A 项目支出绩效自评表 spec: the same fields, plus 项目名称 / 实施单位. */
export const anyProjectSpec: fc.Arbitrary<FormSpec> = fc
  .tuple(anySpec, anyInput, anyInput)
  .map(([spec, projectName, implementer]) => ({ ...spec, projectName, implementer }));

/** Columns between 三级指标 and 分值 in any order (Tianjin, Sichuan and others), with or without nature/unit. */
const anyIndicatorOrder = fc
  .subarray<"nature" | "unit">(["nature", "unit"])
  .chain((extras) =>
    fc.shuffledSubarray([...extras, "target", "actual"] as const, { minLength: extras.length + 2 }),
  );

export const anyProjectOptions: fc.Arbitrary<BuildOptions> = fc.record({
  kind: fc.constant<"project">("project"),
  sheetName: fc.constantFrom("项目自评表", "Sheet1"),
  origin: fc.record({ row: fc.nat(6), col: fc.nat(4) }),
  mergeLevels: fc.boolean(),
  indicatorOrder: anyIndicatorOrder,
  printContact: fc.boolean(),
  printGrade: fc.boolean(),
  labels: fc.constantFrom<Partial<Record<string, string>>>(
    {},
    { 三级指标: "指标名称", 指标性质: "计算符号", 年度指标值: "指标值", 度量单位: "计量单位" },
    { 年度指标值: "指标值", 实际完成值: "完成值", 分值: "权重", 偏差原因分析及改进措施: "未完成原因分析" },
  ),
});

// ───────────────────────────── mutations of real forms ─────────────────────────────

export type MutationOp =
  | "delete"
  | "swap"
  | "numberToText"
  | "set"
  | "label"
  | "insertRow"
  | "insertRowKeepMerges"
  | "deleteRow"
  | "insertCol"
  | "emptyRow"
  | "addMerge"
  | "dropMerge"
  | "duplicateSheet";

export interface Mutation {
  op: MutationOp;
  /** Positions as fractions-free integers, taken modulo the sheet's size when applied. */
  r: number;
  c: number;
  r2: number;
  c2: number;
  cell: Cell;
  label: string;
  style: number;
}

export const anyMutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<MutationOp>(
    "delete",
    "delete",
    "swap",
    "numberToText",
    "numberToText",
    "set",
    "set",
    "label",
    "insertRow",
    "insertRowKeepMerges",
    "deleteRow",
    "insertCol",
    "emptyRow",
    "addMerge",
    "dropMerge",
    "duplicateSheet",
  ),
  r: fc.nat(1000),
  c: fc.nat(1000),
  r2: fc.nat(1000),
  c2: fc.nat(1000),
  cell: anyCell,
  label: labelText,
  style: fc.nat(5),
});

function cloneSheet(s: Sheet): Sheet {
  return {
    name: s.name,
    cells: s.cells.map((row) => (row ? row.map((c) => (c ? structuredClone(c) : c)) : row)),
    merges: s.merges.map((m) => ({ ...m })),
    ...(s.hidden !== undefined ? { hidden: s.hidden } : {}),
  };
}

/** A number typed as text, the ways people do it. */
function numberAsText(n: number, style: number): string {
  switch (style) {
    case 0:
      return String(n);
    case 1:
      return toFullWidth(String(n));
    case 2:
      return `${n}万元`;
    case 3:
      return n.toLocaleString("en-US");
    case 4:
      return `约${n}`;
    default:
      return ` ${n} `;
  }
}

/** Applies mutations to a copy of the workbook (the input is not touched). */
export function mutate(wb: Workbook, mutations: Mutation[]): Workbook {
  const sheets = wb.sheets.map(cloneSheet);
  for (const m of mutations) {
    if (sheets.length === 0) break;
    const sheet = sheets[m.r2 % sheets.length];
    const rows = Math.max(1, sheet.cells.length + 2);
    let cols = 1;
    for (const row of sheet.cells) if (row && row.length + 2 > cols) cols = row.length + 2;
    const r = m.r % rows;
    const c = m.c % cols;
    const r2 = m.r2 % rows;
    const c2 = m.c2 % cols;
    const cells = sheet.cells;
    const get = (rr: number, cc: number): Cell | undefined => cells[rr]?.[cc];
    const set = (rr: number, cc: number, cell: Cell | undefined): void => {
      (cells[rr] ??= [])[cc] = cell;
    };
    switch (m.op) {
      case "delete":
        set(r, c, undefined);
        break;
      case "swap": {
        const a = get(r, c);
        set(r, c, get(r2, c2));
        set(r2, c2, a);
        break;
      }
      case "numberToText": {
        // The first number at or after (r, c) in reading order becomes text.
        outer: for (let rr = r; rr < cells.length; rr++) {
          const row = cells[rr];
          if (!row) continue;
          for (let cc = rr === r ? c : 0; cc < row.length; cc++) {
            const cell = row[cc];
            if (cell?.value.kind === "number") {
              row[cc] = { ...cell, value: { kind: "text", value: numberAsText(cell.value.value, m.style) } };
              break outer;
            }
          }
        }
        break;
      }
      case "set":
        set(r, c, m.cell);
        break;
      case "label":
        set(r, c, { value: { kind: "text", value: m.label } });
        break;
      case "insertRow":
      case "insertRowKeepMerges":
        cells.splice(Math.min(r, cells.length), 0, [{ value: { kind: "text", value: m.label } }]);
        if (m.op === "insertRow") {
          for (const g of sheet.merges) {
            if (g.top >= r) g.top++;
            if (g.bottom >= r) g.bottom++;
          }
        }
        break;
      case "deleteRow":
        cells.splice(r, 1);
        for (const g of sheet.merges) {
          if (g.top > r) g.top--;
          if (g.bottom >= r && g.bottom > g.top) g.bottom--;
        }
        break;
      case "insertCol":
        for (const row of cells) if (row && row.length > c) row.splice(c, 0, undefined);
        for (const g of sheet.merges) {
          if (g.left >= c) g.left++;
          if (g.right >= c) g.right++;
        }
        break;
      case "emptyRow":
        cells[r] = m.style % 2 === 0 ? [] : (cells[r] ?? []).map(() => ({ value: { kind: "empty" } }));
        break;
      case "addMerge":
        sheet.merges.push({
          top: Math.min(r, r2),
          left: Math.min(c, c2),
          bottom: Math.max(r, r2),
          right: Math.max(c, c2),
        });
        break;
      case "dropMerge":
        if (sheet.merges.length) sheet.merges.splice(m.r % sheet.merges.length, 1);
        break;
      case "duplicateSheet": {
        const copy = cloneSheet(sheet);
        // Same name sometimes: hosts cannot produce it, but a grid may carry it.
        copy.name = m.style === 0 ? sheet.name : `${sheet.name} (${sheets.length + 1})`;
        if (sheets.length < 4) sheets.push(copy);
        break;
      }
    }
  }
  return { sheets };
}
