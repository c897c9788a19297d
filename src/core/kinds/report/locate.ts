/**
 * The 自评报告 layout (kind `report`, domain.md §2.7, seed 004): the 基本概况 staff cells, the money tables
 * (年度收入情况, 年度支出和结余情况, 三公经费, 固定资产), the 定量目标 table (评价内容 | 绩效目标 | 完成情况, no
 * points per row) and the 备注 line printing the grade bands. Found by their labels (./labels.ts),
 * never by fixed addresses; one pass builds the text lookup, so the cost is linear in the sheet's texts.
 */
import type { CellRef } from "../../grid";
import { EMPTY } from "../../grid";
import { parseGradeBands } from "../../gradeBands";
import { isPlaceholderText, normalizeLabel } from "../../labels";
import type {
  FormField,
  IndicatorRow,
  IndicatorTable,
  ReportBlocks,
  ReportTable,
  ReportTableRow,
  SelfEvalForm,
} from "../../model";
import {
  INSTITUTION_LABELS,
  OVERVIEW_LABELS,
  QUANT_LABELS,
  REPORT_TABLES,
  type ReportTableSpec,
  STAFF_LABELS,
  SUMMARY_ROW_RE,
} from "./labels";
import { type SheetIndex, hasContent, textOf } from "../../locate/scan";

interface Pos {
  row: number;
  col: number;
}

/** Rows a money table's header may span (机构名称 | 支出合计 | 其中： / 基本支出 … / 人员支出 …). */
const HEADER_ROWS = 3;
/** Columns right of the 合计 header where its parts may be. */
const PART_COLUMNS = 12;
const MAX_TABLE_ROWS = 60;
const MAX_QUANT_ROWS = 300;
/** "四、评价人员", "三、部门（单位）整体支出绩效自评情况": a new section ends a table. */
const SECTION_RE = /^[一二三四五六七八九十]{1,3}[、.]/;
/** Rows holding one of these labels end the 定量目标 table. */
const QUANT_STOP_ROLES = new Set([
  "combined",
  "total",
  "grade",
  "ind.col.level1",
  "goals.expected",
  "goals.block",
]);

/** Every short text cell of the index (labels and plain texts) by its normalised text. */
class TextLookup {
  private readonly byNorm = new Map<string, Pos[]>();
  private readonly found = new Map<readonly string[], Pos[]>();

  constructor(ix: SheetIndex) {
    // Only the texts the report's labels can match are kept (most cells are values or other labels).
    const wanted = reportLabelNorms();
    for (const t of ix.texts) if (wanted.has(t.norm)) this.add(t.norm, t);
    for (const list of ix.byRow.values())
      for (const h of list) if (h.inline === undefined && wanted.has(h.norm)) this.add(h.norm, h);
  }

  private add(norm: string, p: Pos): void {
    const list = this.byNorm.get(norm);
    if (list) list.push({ row: p.row, col: p.col });
    else this.byNorm.set(norm, [{ row: p.row, col: p.col }]);
  }

  /** Cells whose text is one of `labels` (a list of report-labels.ts), in reading order; computed once per list. */
  find(labels: readonly string[]): Pos[] {
    let out = this.found.get(labels);
    if (!out) {
      out = [];
      for (const l of labels) {
        const hits = this.byNorm.get(normalizeLabel(l));
        if (hits) out.push(...hits);
      }
      if (out.length > 1) out.sort((a, b) => a.row - b.row || a.col - b.col);
      this.found.set(labels, out);
    }
    return out;
  }
}

let labelNorms: Set<string> | null = null;

/** Every label of ./labels.ts, normalised (built once: the tables are constant). */
function reportLabelNorms(): Set<string> {
  if (labelNorms) return labelNorms;
  const all: string[] = [
    ...INSTITUTION_LABELS,
    ...OVERVIEW_LABELS,
    ...Object.values(QUANT_LABELS).flat(),
    ...REPORT_TABLES.flatMap((t) => [...t.total.labels, ...t.parts.flatMap((p) => p.labels)]),
  ];
  labelNorms = new Set(all.map((l) => normalizeLabel(l)));
  return labelNorms;
}

const NO_FIELD: FormField = { labelRef: null, ref: null, cell: { value: EMPTY } };

export interface LocatedReport {
  blocks: Omit<ReportBlocks, "gradeNote">;
  /** The 定量目标 rows as indicator rows (weight and score without a cell); null when the form has none. */
  quantitative: IndicatorTable | null;
  /** Topmost row of the blocks found (the title is above it). */
  firstRow: number;
}

/** The report blocks of one sheet (band); null when it holds no money table and no 定量目标 table. */
export function locateReport(ix: SheetIndex): LocatedReport | null {
  const lookup = new TextLookup(ix);
  const totalRows = new Set<number>();
  for (const spec of REPORT_TABLES) for (const p of lookup.find(spec.total.labels)) totalRows.add(p.row);
  const tables: ReportTable[] = [];
  for (const spec of REPORT_TABLES) {
    const t = locateTable(ix, lookup, spec, totalRows);
    if (t) tables.push(t);
  }
  const quantitative = locateQuantitative(ix, lookup);
  if (tables.length === 0 && !quantitative) return null;
  const rows = [...tables.map((t) => t.headerRef.row), ...(quantitative ? [quantitative.headerRef.row] : [])];
  return {
    blocks: { staff: locateStaff(ix, lookup), tables, quantitativeRef: quantitative?.headerRef ?? null },
    quantitative,
    firstRow: Math.min(...rows),
  };
}

/** The value of a label typed to its right (after the label's merge). */
function valueRight(ix: SheetIndex, p: Pos): FormField {
  const col = ix.rightEdge(p.row, p.col) + 1;
  const field = ix.field(p.row, col);
  return field
    ? { ...field, labelRef: ix.ref(p.row, p.col) }
    : { ...NO_FIELD, labelRef: ix.ref(p.row, p.col) };
}

function locateStaff(ix: SheetIndex, lookup: TextLookup): ReportBlocks["staff"] {
  const a = lookup.find(STAFF_LABELS.authorised)[0];
  const b = lookup.find(STAFF_LABELS.actual)[0];
  return { authorised: a ? valueRight(ix, a) : null, actual: b ? valueRight(ix, b) : null };
}

/** One money table: the first 合计 header of its kind with at least one of its part columns. */
function locateTable(
  ix: SheetIndex,
  lookup: TextLookup,
  spec: ReportTableSpec,
  totalRows: Set<number>,
): ReportTable | null {
  const institutions = lookup.find(INSTITUTION_LABELS);
  for (const head of lookup.find(spec.total.labels)) {
    let inst: Pos | undefined;
    for (const p of institutions) if (p.row === head.row && p.col < head.col) inst = p;
    const nameCol = inst ? inst.col : head.col - 1;
    if (nameCol < 0) continue;
    const columns: ReportTable["columns"] = [{ key: spec.total.key, label: spec.total.name, col: head.col }];
    let headerBottom = ix.bottomEdge(head.row, head.col);
    for (const part of spec.parts) {
      const p = lookup
        .find(part.labels)
        .find(
          (x) =>
            x.row >= head.row &&
            x.row <= head.row + HEADER_ROWS &&
            x.col > head.col &&
            x.col <= head.col + PART_COLUMNS &&
            !columns.some((c) => c.col === x.col),
        );
      if (!p) continue;
      columns.push({ key: part.key, label: part.name, col: p.col });
      headerBottom = Math.max(headerBottom, ix.bottomEdge(p.row, p.col));
    }
    if (columns.length < 2) continue; // a stray 收入合计 without its parts is not the table
    const rows: ReportTableRow[] = [];
    for (let r = headerBottom + 1; r <= headerBottom + MAX_TABLE_ROWS; r++) {
      const label = textOf(ix.cell(r, nameCol));
      if (label === "" || totalRows.has(r)) break;
      const norm = normalizeLabel(label);
      if (INSTITUTION_LABELS.includes(norm) || SECTION_RE.test(norm) || /情况|\(万元\)$/.test(norm)) break;
      if (norm.length > 40) break;
      const cells: Record<string, FormField | null> = {};
      for (const c of columns) cells[c.key] = ix.field(r, c.col);
      rows.push({ label, labelRef: ix.ref(r, nameCol), summary: SUMMARY_ROW_RE.test(norm), cells });
    }
    if (rows.length === 0) continue;
    return { kind: spec.kind, headerRef: ix.ref(head.row, head.col), columns, rows };
  }
  return null;
}

/** "产出目标（部门工作实绩…）" → "产出目标"; a 满意度 group → "满意度". */
function groupName(group: string, sub: string): string {
  if (/满意/.test(sub) || /满意/.test(group)) return "满意度";
  return normalizeLabel(group).replace(/\(.*$/, "");
}

/** 定量目标: the first row with 绩效目标 and, right of it, 完成情况; rows below until the table ends. */
function locateQuantitative(ix: SheetIndex, lookup: TextLookup): IndicatorTable | null {
  const actuals = lookup.find(QUANT_LABELS.actual);
  const contents = lookup.find(QUANT_LABELS.content);
  for (const t of lookup.find(QUANT_LABELS.target)) {
    const a = actuals.find((x) => x.row === t.row && x.col > t.col);
    if (!a) continue;
    const content = contents.filter((x) => x.row === t.row && x.col < t.col).pop();
    const nameCol = t.col - 1;
    if (nameCol < 0) continue;
    const groupCol = content && content.col < nameCol ? content.col : nameCol - 2 >= 0 ? nameCol - 2 : null;
    const subCol = groupCol !== null && nameCol - 1 > groupCol ? nameCol - 1 : null;
    let headerBottom = Math.max(ix.bottomEdge(t.row, t.col), ix.bottomEdge(a.row, a.col));
    if (content) headerBottom = Math.max(headerBottom, ix.bottomEdge(content.row, content.col));
    const rows = quantRows(ix, headerBottom + 1, { groupCol, subCol, nameCol, target: t.col, actual: a.col });
    if (rows.length === 0) continue;
    return { headerRef: ix.ref(t.row, t.col), rows, level1: [] };
  }
  return null;
}

function quantRows(
  ix: SheetIndex,
  start: number,
  cols: { groupCol: number | null; subCol: number | null; nameCol: number; target: number; actual: number },
): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const text = (r: number, c: number | null): string => (c === null ? "" : textOf(ix.cell(r, c)));
  let group = "";
  let groupRef: CellRef | null = null;
  let sub = "";
  let subRef: CellRef | null = null;
  for (let r = start; r < start + MAX_QUANT_ROWS; r++) {
    if (stopsTable(ix, r)) break;
    const g = text(r, cols.groupCol);
    const s = text(r, cols.subCol);
    const name = text(r, cols.nameCol);
    const first = g !== "" ? g : s !== "" ? s : name;
    if (first !== "" && SECTION_RE.test(normalizeLabel(first))) break;
    const target = ix.field(r, cols.target) ?? NO_FIELD;
    const actual = ix.field(r, cols.actual) ?? NO_FIELD;
    const filled = hasContent(target.cell) || hasContent(actual.cell);
    if (g === "" && s === "" && name === "" && !filled) break;
    if (g !== "") {
      group = g;
      groupRef = ix.ref(r, cols.groupCol!);
      sub = "";
      subRef = null;
    }
    if (s !== "") {
      sub = s;
      subRef = ix.ref(r, cols.subCol!);
    }
    if (name === "" && !filled) continue; // a group heading row
    const satisfaction = /满意/.test(sub) && !/满意/.test(group);
    rows.push({
      row: r,
      level1: groupName(group, sub),
      level1Ref: satisfaction ? subRef : groupRef,
      level2: sub,
      // The report's 二级 cells are combined categories (数量、质量、时效、成本指标): not judged by name.
      level2Ref: null,
      name,
      nameRef: ix.ref(r, cols.nameCol),
      nature: null,
      unit: null,
      target,
      actual,
      weight: NO_FIELD,
      score: NO_FIELD,
      reason: null,
      placeholder: isPlaceholder(target) && isPlaceholder(actual),
    });
  }
  return rows;
}

/** A row holding a label that ends the 定量目标 table (绩效自评综合得分及评价等次, 一级指标, 总分 …). */
function stopsTable(ix: SheetIndex, row: number): boolean {
  for (const h of ix.rowHits(row)) for (const role of h.roles) if (QUANT_STOP_ROLES.has(role)) return true;
  return false;
}

function isPlaceholder(f: FormField): boolean {
  const v = f.cell.value;
  return !hasContent(f.cell) || (v.kind === "text" && isPlaceholderText(v.value));
}

/**
 * The 备注 printing the grade bands: inside the combined 评分/等级 cell (seed 004) or a text cell of its own
 * ("备注：90（含）—100分为优；…"). Null when the form prints none.
 */
export function locateGradeNote(ix: SheetIndex, combined: FormField | null): ReportBlocks["gradeNote"] {
  if (combined?.ref && combined.cell.value.kind === "text") {
    const bands = parseGradeBands(combined.cell.value.value);
    if (bands) return { field: combined, bands };
  }
  for (const t of ix.texts) {
    if (!/^备注|分为优|为优[;；]/.test(t.norm)) continue;
    const bands = parseGradeBands(t.text);
    if (bands)
      return { field: { labelRef: null, ref: ix.ref(t.row, t.col), cell: ix.cell(t.row, t.col) }, bands };
  }
  return null;
}

/**
 * The 基本概况 grid puts 人员编制 / 实有人数 under 联系人 / 联系电话: when 联系电话 is blank, the generic header
 * reader takes the label below for its value. On a report form such a value is the blank cell to the right.
 */
export function reportHeader(ix: SheetIndex, header: SelfEvalForm["header"]): SelfEvalForm["header"] {
  const labels = new Set(OVERVIEW_LABELS.map((l) => normalizeLabel(l)));
  const fix = (f: FormField | null): FormField | null => {
    if (!f?.ref || !f.labelRef || f.ref.row === f.labelRef.row) return f;
    if (!labels.has(normalizeLabel(textOf(f.cell)))) return f;
    return valueRight(ix, f.labelRef);
  };
  return { ...header, contact: fix(header.contact), phone: fix(header.phone) };
}
