/* global structuredClone */
/**
 * Correct forms of every kind with their true total and grade computed here (in hundredths, independently
 * of the checker's scoring), and the layout obstacles real offices add (domain.md §2.11), applied to the
 * built grid the way Excel would (rows and columns inserted, merges growing with them).
 *
 * Forms: 部门整体 (national layout), 项目 (national 2020), 项目 Yunnan 2020 (two header rows), 项目 Sichuan,
 * 自评报告 (kind report: total from its 一级 summary, 投入 from 支出合计 ÷ 收入合计).
 */
import type { Cell, Sheet } from "../../src/core/grid";
import { copyRow, insertColumn, insertRows } from "../../src/core/gridEdit";
import { buildProjectVariant, variantOptions } from "../../src/core/kinds/project/template";
import { projectVariant } from "../../src/core/kinds/project/variants";
import { buildReportForm, type ReportSpec } from "../../src/core/kinds/report/template";
import {
  type BuildOptions,
  type FormSpec,
  type IndicatorSpec,
  buildStandardForm,
  standardLayout,
} from "../../src/core/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { toFullWidth } from "./arbitraries";

export const KINDS = ["department", "project", "yunnan-2020", "sichuan", "report"] as const;
export type LayoutKind = (typeof KINDS)[number];

export const OBSTACLES = [
  "repeated header",
  "blank row",
  "小计 rows",
  "inserted column",
  "numbers as text",
  "unmerged 一级/二级",
  "shifted",
  "annotated grade",
  "signature block",
  "label breaks",
] as const;
export type Obstacle = (typeof OBSTACLES)[number];

/** What one generated form is made of: the draws of the property. */
export interface FormDraw {
  /** Rows per 一级 group (产出, 效益, 满意度) and each row's achievement (100, 95, 90 or 80 % of target). */
  groups: { rows: number; ratios: number[] }[];
  /** 执行率 in hundredths: 100, 98, 95, 90. */
  rate: number;
  /** Which row / column / style an obstacle uses (taken modulo what the form has). */
  pick: number;
  style: number;
}

export interface Built {
  sheet: Sheet;
  total: number;
  grade: string;
  /** The grade cell (for the annotated grade); `combined`: the 自评报告's 评分：… 等级：… cell. */
  gradeCell: { row: number; col: number; combined?: boolean } | null;
  /** Sheet rows of the indicator header, the indicator rows, each 一级 group's last row with its sums. */
  header: number[];
  rows: number[];
  groups: { last: number; weight: number; score: number }[];
  cols: { level1: number; level2: number; name: number; weight: number; score: number; reason: number };
  /** Cells holding numbers typed by the clerk (weights, scores, budget amounts). */
  numbers: { row: number; col: number; points: boolean }[];
}

const WEIGHTS = [50, 30, 10];
const LEVEL1 = ["产出指标", "效益指标", "满意度指标"];
const LEVEL2 = [
  ["数量指标", "质量指标", "时效指标"],
  ["社会效益指标", "经济效益指标"],
  ["服务对象满意度指标"],
];

function gradeOf(total: number): string {
  return total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "较差" : "差";
}

/** Integer weights adding up to `w` over `n` rows (the first rows take the remainder). */
function split(w: number, n: number): number[] {
  const base = Math.floor(w / n);
  return Array.from({ length: n }, (_, i) => base + (i < w - base * n ? 1 : 0));
}

/** The indicator rows and the true points in hundredths (every weight × ratio is a whole number of hundredths). */
function indicators(d: FormDraw, separate: boolean): { rows: IndicatorSpec[]; hundredths: number[][] } {
  const rows: IndicatorSpec[] = [];
  const hundredths: number[][] = [];
  d.groups.forEach((g, gi) => {
    const ws = split(WEIGHTS[gi], g.rows);
    hundredths.push([]);
    ws.forEach((w, i) => {
      const ratio = g.ratios[i % g.ratios.length];
      const target = 20 * (2 + ((i + gi) % 5)); // 40 … 120, a multiple of 20: target × ratio is whole
      const actual = (target * ratio) / 100;
      const pts = w * ratio; // hundredths
      hundredths[gi].push(pts);
      const name = `指标${i + 1}：${LEVEL1[gi].slice(0, 2)}任务${i + 1}`;
      const level2 = LEVEL2[gi][i % LEVEL2[gi].length];
      const reason = ratio < 100 ? "受项目进度影响未全部完成，下一步加快推进。" : null;
      rows.push(
        separate
          ? {
              level1: LEVEL1[gi],
              level2,
              name,
              nature: "≥",
              target,
              unit: "家",
              actual,
              weight: w,
              score: pts / 100,
              reason,
            }
          : {
              level1: LEVEL1[gi],
              level2,
              name,
              target: `≥${target}家`,
              actual: `${actual}家`,
              weight: w,
              score: pts / 100,
              reason,
            },
      );
    });
  });
  // Rows of one 二级 are contiguous: sort each group by its 二级 name (stable).
  const out: IndicatorSpec[] = [];
  const outH: number[][] = [];
  let k = 0;
  d.groups.forEach((g, gi) => {
    const part = rows.slice(k, k + g.rows).map((r, i) => ({ r, h: hundredths[gi][i] }));
    k += g.rows;
    part.sort((a, b) => LEVEL2[gi].indexOf(a.r.level2) - LEVEL2[gi].indexOf(b.r.level2));
    out.push(...part.map((p) => p.r));
    outH.push(part.map((p) => p.h));
  });
  return { rows: out, hundredths: outH };
}

function specOf(kind: LayoutKind, d: FormDraw): { spec: FormSpec; total: number; hundredths: number[][] } {
  const separate = kind === "yunnan-2020" || kind === "sichuan";
  const { rows, hundredths } = indicators(d, separate);
  const exec = 10 * d.rate; // 执行率得分 in hundredths: 10 × rate%
  const totalH = exec + hundredths.flat().reduce((a, b) => a + b, 0);
  const total = totalH / 100;
  const labels =
    kind === "yunnan-2020" || kind === "sichuan"
      ? projectVariant(kind).budgetRows
      : ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"];
  // 1000 = 900 + 0 (+ 0) + 100; executed 10 × rate = 9 × rate + (0 +) rate.
  const amounts = labels.map((_, i) =>
    i === 0
      ? [1000, 10 * d.rate]
      : i === 1
        ? [900, 9 * d.rate]
        : i === labels.length - 1
          ? [100, d.rate]
          : [0, 0],
  );
  const spec: FormSpec = {
    year: 2023,
    projectName: kind === "department" ? undefined : "示范项目",
    implementer: kind === "department" ? undefined : "示范中心",
    department: "示范市科技局",
    budgetCode: "028001",
    contact: "王丽",
    phone: "0731-85550123",
    reportDate: "2024年3月15日",
    budget: {
      variant: "by-source",
      rows: labels.map((label, i) => ({
        label,
        initialBudget: amounts[i][0],
        fullYearBudget: amounts[i][0],
        executed: amounts[i][1],
        ...(i === 0
          ? { weight: 10, rate: { value: d.rate / 100, numberFormat: "0.00%" }, score: exec / 100 }
          : {}),
      })),
    },
    goals: { expected: "完成年度工作任务。", actual: "基本完成年度工作任务。" },
    indicators: rows,
    total: { weight: 100, score: total },
    grade: gradeOf(total),
  };
  return { spec, total, hundredths };
}

/** A correct 自评报告: 收入合计 5000 = 支出合计 (投入 10 of 10), summary scores from the draw. */
function reportBuilt(d: FormDraw): Built {
  const spec: ReportSpec = structuredClone(seed004ReportSpec());
  const sums = d.groups.map((g, gi) =>
    split(WEIGHTS[gi], g.rows).reduce((a, w, i) => a + w * g.ratios[i % g.ratios.length], 0),
  );
  const totalH = 1000 + sums.reduce((a, b) => a + b, 0);
  const total = totalH / 100;
  const grade = gradeOf(total);
  spec.income = [{ label: "局机关及二级机构汇总", values: [5000, null, 4000, 1000, null, null] }];
  spec.spending = [{ label: "局机关及二级机构汇总", values: [5000, 400, 350, 50, 4600, null, null] }];
  spec.threePublic = [{ label: "局机关及二级机构汇总", values: [0.4, 0.4, 0, 0, 0] }];
  spec.assets = [{ label: "局机关及二级机构汇总", values: [73.22, 73.22, null, null] }];
  spec.goals.actual = "全年完成各项工作任务。";
  spec.quantitative = spec.quantitative.slice(3, 7).map((q) => ({ ...q, target: "≥2家", actual: "2家" }));
  spec.quantitative[0].group = "产出目标";
  spec.quantitative[0].sub = "数量、质量、时效、成本指标";
  spec.combined = `评分：${total}                       等级：${grade}\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。`;
  const rate = (s: number, w: number) => `${((s / w) * 100).toFixed(2)}%`;
  spec.summary = [
    ["投入", 10, 10, "100%"],
    ["产出", 50, sums[0] / 100, rate(sums[0] / 100, 50)],
    ["效益", 30, sums[1] / 100, rate(sums[1] / 100, 30)],
    ["满意度", 10, sums[2] / 100, rate(sums[2] / 100, 10)],
    ["合计", 100, total, rate(total, 100)],
  ];
  const { sheet, layout } = buildReportForm(spec);
  const q = layout.quantitative;
  return {
    sheet,
    total,
    grade,
    gradeCell: { ...layout.combined, combined: true },
    header: [q[0].name.row - 1],
    rows: q.map((x) => x.name.row),
    groups: [],
    cols: {
      level1: 1,
      level2: 2,
      name: q[0].name.col,
      weight: q[0].target.col,
      score: q[0].actual.col,
      reason: 7,
    },
    numbers: layout.summary.flatMap((s) => [
      { row: s.weight.row, col: s.weight.col, points: true },
      { row: s.score.row, col: s.score.col, points: true },
    ]),
  };
}

export function buildForm(kind: LayoutKind, d: FormDraw, obstacle: Obstacle): Built {
  if (kind === "report") return reportBuilt(d);
  const { spec, total } = specOf(kind, d);
  const base: BuildOptions = {
    kind: kind === "department" ? "department" : "project",
    printGrade: true,
    mergeLevels: !(obstacle === "unmerged 一级/二级" && d.style % 2 === 0),
  };
  const opts = kind === "yunnan-2020" || kind === "sichuan" ? variantOptions(kind, base) : base;
  const built =
    kind === "yunnan-2020" || kind === "sichuan"
      ? buildProjectVariant(spec, kind, base)
      : { sheet: buildStandardForm(spec, opts), headerRows: 1 };
  const L = standardLayout(spec, opts);
  const shift = built.headerRows - 1;
  const at = (r: number) => (r > L.indicators.headerRow ? r + shift : r);
  const ic = L.indicators.columns;
  const rows = L.indicators.rows.map((r) => at(r.row));
  const groups: Built["groups"] = [];
  spec.indicators.forEach((ind, i) => {
    const next = spec.indicators[i + 1];
    const g = groups.length;
    if (!next || next.level1 !== ind.level1) {
      const mine = spec.indicators.filter((x) => x.level1 === ind.level1);
      groups.push({
        last: rows[i],
        weight: mine.reduce((a, x) => a + (x.weight as number), 0),
        score: Math.round(mine.reduce((a, x) => a + (x.score as number) * 100, 0)) / 100,
      });
    }
    void g;
  });
  const numbers: Built["numbers"] = [];
  for (const r of L.indicators.rows)
    for (const p of [r.weight, r.score]) numbers.push({ row: at(p.row), col: p.col, points: true });
  for (const r of L.budget.rows)
    for (const p of [r.initialBudget, r.fullYearBudget, r.executed])
      numbers.push({ row: p.row, col: p.col, points: false });
  return {
    sheet: built.sheet,
    total,
    grade: gradeOf(total),
    gradeCell: { row: at(L.grade.value.row), col: L.grade.value.col },
    header: Array.from({ length: built.headerRows }, (_, i) => L.indicators.headerRow + i),
    rows,
    groups,
    cols: {
      level1: ic.level1,
      level2: ic.level2,
      name: ic.name,
      weight: ic.weight,
      score: ic.score,
      reason: ic.reason,
    },
    numbers,
  };
}

const text = (value: string): Cell => ({ value: { kind: "text", value } });
const num = (value: number): Cell => ({ value: { kind: "number", value } });

/** Labels rewritten with a line break or full-width spaces (the first match of each cell's whole text). */
const LABELS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "年度指标值",
  "实际完成值",
  "指标值",
  "完成值",
  "分值",
  "得分",
  "权重",
  "总分",
  "评价等级",
  "年度资金总额",
  "全年预算数",
  "全年执行数",
  "预算编码",
  "联系人",
  "联系电话",
  "指标性质",
  "度量单位",
  "指标分值",
  "自评得分",
];

function relabel(s: string, style: number): string {
  if (style % 2 === 0) return `${s.slice(0, Math.ceil(s.length / 2))}\n${s.slice(Math.ceil(s.length / 2))}`;
  return s.split("").join("\u3000");
}

/** Number typed as text: full-width, thousands separators on amounts, "分" after points. */
function asText(n: number, points: boolean, style: number): string {
  if (style % 3 === 0) return toFullWidth(String(n));
  if (style % 3 === 1) return points ? `${n}分` : n.toLocaleString("en-US", { minimumFractionDigits: 2 });
  return ` ${n} `;
}

/** Obstacles a kind cannot have: the 自评报告 has no scored 三级 table to put 小计 rows in. */
export function applies(kind: LayoutKind, obstacle: Obstacle): boolean {
  return !(kind === "report" && obstacle === "小计 rows");
}

/** The form with one obstacle. */
export function withObstacle(b: Built, obstacle: Obstacle, d: FormDraw): Sheet {
  let s: Sheet = {
    ...b.sheet,
    cells: b.sheet.cells.map((r) => (r ? [...r] : r)),
    merges: b.sheet.merges.map((m) => ({ ...m })),
  };
  const pickRow = (from = 1): number =>
    b.rows[from + (d.pick % Math.max(1, b.rows.length - from))] ?? b.rows[b.rows.length - 1];
  switch (obstacle) {
    case "repeated header":
      return insertRows(
        s,
        pickRow(),
        b.header.map((r) => copyRow(s, r)),
      );
    case "blank row":
      return insertRows(s, pickRow(), [[]]);
    case "小计 rows": {
      for (const g of [...b.groups].reverse()) {
        const row: (Cell | undefined)[] = [];
        row[d.style % 2 === 0 ? b.cols.name : b.cols.level2] = text("小计");
        row[b.cols.weight] = num(g.weight);
        row[b.cols.score] = num(g.score);
        s = insertRows(s, g.last + 1, [row]);
      }
      return s;
    }
    case "inserted column": {
      const choices = [b.cols.name, b.cols.name + 1, b.cols.weight, b.cols.reason + 1];
      const c = choices[d.pick % choices.length];
      s = insertColumn(s, c);
      (s.cells[b.header[0]] ??= [])[c] = text(d.style % 2 === 0 ? "指标解释" : "评分标准");
      for (const r of b.rows) (s.cells[r] ??= [])[c] = text("按年度计划核定");
      return s;
    }
    case "numbers as text":
      for (const p of b.numbers) {
        const cell = s.cells[p.row]?.[p.col];
        if (cell?.value.kind === "number")
          s.cells[p.row][p.col] = text(asText(cell.value.value, p.points, d.style + p.row));
      }
      return s;
    case "unmerged 一级/二级":
      // Without merges: the names on the first row of each group only (style odd), or on every row (built so).
      s.merges = s.merges.filter(
        (m) =>
          !((m.left === b.cols.level1 || m.left === b.cols.level2) && m.right === m.left && m.bottom > m.top),
      );
      return s;
    case "shifted": {
      s = insertRows(
        s,
        0,
        Array.from({ length: 1 + (d.pick % 6) }, () => []),
      );
      for (let i = 0; i < d.style % 4; i++) s = insertColumn(s, 0);
      return s;
    }
    case "annotated grade":
      if (b.gradeCell?.combined) {
        const cell = s.cells[b.gradeCell.row][b.gradeCell.col]!;
        const old = cell.value.kind === "text" ? cell.value.value : "";
        s.cells[b.gradeCell.row][b.gradeCell.col] = text(
          old.replace(`等级：${b.grade}`, `等级：${b.grade}（${b.total}分）`),
        );
      } else if (b.gradeCell)
        (s.cells[b.gradeCell.row] ??= [])[b.gradeCell.col] = text(`${b.grade}（${b.total}分）`);
      return s;
    case "signature block": {
      const end = s.cells.length;
      return insertRows(s, end, [
        [],
        [text("评价人员：张三"), undefined, text("签字：")],
        [text("填表人：李四"), undefined, text("审核人：王五"), undefined, text("联系电话：0731-1234567")],
        [text("日期：2024年3月20日")],
      ]);
    }
    case "label breaks":
      for (const row of s.cells)
        row?.forEach((cell, c) => {
          if (cell?.value.kind === "text" && LABELS.includes(cell.value.value))
            row[c] = text(relabel(cell.value.value, d.style));
        });
      return s;
  }
}
