/** The indicator table 绩效指标 (domain.md §2.4). */
import type { CellRef, CellRange } from "../grid";
import type { FormField, IndicatorRow, IndicatorTable, Level1Summary } from "../model";
import { type LabelRole, isPlaceholderText, level1Points, normalizeLabel } from "../labels";
import { type Hit, type SheetIndex, cellKey, hasContent, textOf } from "./scan";

type ColKey =
  "level1" | "level2" | "name" | "nature" | "unit" | "target" | "actual" | "weight" | "score" | "reason";

const COL_ROLES: [LabelRole, ColKey][] = [
  ["ind.col.level1", "level1"],
  ["ind.col.level2", "level2"],
  ["ind.col.name", "name"],
  ["ind.col.nature", "nature"],
  ["ind.col.unit", "unit"],
  ["ind.col.target", "target"],
  ["ind.col.actual", "actual"],
  ["ind.col.weight", "weight"],
  ["ind.col.score", "score"],
  ["ind.col.reason", "reason"],
];

/** Labels that end the table (the row is not an indicator). */
const STOP_ROLES: LabelRole[] = [
  "total",
  "grade",
  "combined",
  "goals.block",
  "goals.expected",
  "budget.title",
  "ind.col.level1",
  "ind.col.name",
  "header.department",
  "header.contact",
];

export interface LocatedTable {
  table: IndicatorTable;
  /** Last sheet row of the table (header row when it has no rows). */
  lastRow: number;
  /** A 合计 row that closed the table, used as the total row when no 总分 label exists. */
  sumRow: number | null;
  columns: Partial<Record<ColKey, number>>;
}

function columnsOfRow(hits: Hit[], into: Map<ColKey, Hit>): void {
  for (const h of [...hits].sort((a, b) => a.col - b.col)) {
    for (const [role, key] of COL_ROLES) if (h.roles.includes(role) && !into.has(key)) into.set(key, h);
  }
}

/** The header row: 三级指标 together with 一级指标 or 二级指标 on one row. */
function findHeader(ix: SheetIndex): Hit | null {
  for (const h of ix.hits("ind.col.name")) {
    const row = ix.rowHits(h.row);
    if (row.some((x) => x.roles.includes("ind.col.level1") || x.roles.includes("ind.col.level2"))) return h;
  }
  return null;
}

/** For a column: sheet row → top-left row of the vertical merge covering it (rows below the top only). */
function coverage(merges: CellRange[], col: number | undefined, fromRow: number): Map<number, number> {
  const out = new Map<number, number>();
  if (col === undefined) return out;
  for (const m of merges) {
    if (m.left > col || m.right < col || m.bottom < fromRow || m.bottom === m.top) continue;
    for (let r = Math.max(m.top + 1, fromRow); r <= m.bottom; r++) out.set(r, m.top);
  }
  return out;
}

const SUBTOTAL_RE = /小计$/;
const SUM_RE = /^(合计|总计)$/;

export function locateIndicators(ix: SheetIndex): LocatedTable | null {
  const nameHead = findHeader(ix);
  if (!nameHead) return null;
  const headerRow = nameHead.row;
  const heads = new Map<ColKey, Hit>();
  columnsOfRow(ix.rowHits(headerRow), heads);
  let headerBottom = headerRow;
  for (const h of heads.values()) headerBottom = Math.max(headerBottom, ix.bottomEdge(h.row, h.col));
  // A second header row (e.g. 年度指标值 / 实际完成值 under a merged group heading).
  const next = ix.rowHits(headerBottom + 1);
  if (next.length > 0 && next.every((h) => COL_ROLES.some(([role]) => h.roles.includes(role)))) {
    const extra = new Map<ColKey, Hit>();
    columnsOfRow(next, extra);
    if ([...extra.keys()].some((k) => !heads.has(k))) {
      for (const [k, h] of extra) if (!heads.has(k) || heads.get(k)!.row !== headerRow) heads.set(k, h);
      headerBottom += 1;
    }
  }
  const col: Partial<Record<ColKey, number>> = {};
  for (const [k, h] of heads) col[k] = h.col;
  const colValues = Object.values(col) as number[];
  const left = Math.min(...colValues);
  let right = Math.max(...colValues);
  for (const h of heads.values()) right = Math.max(right, ix.rightEdge(h.row, h.col));

  const start = headerBottom + 1;
  const cover1 = coverage(ix.merges, col.level1, start);
  const cover2 = coverage(ix.merges, col.level2, start);

  const rows: IndicatorRow[] = [];
  const subtotals: Level1Summary[] = [];
  let level1 = "";
  let level1Ref: CellRef | null = null;
  let level2 = "";
  let level2Ref: CellRef | null = null;
  let sumRow: number | null = null;
  let lastRow = headerBottom;
  const rowLimit = ix.sheet.cells?.length ?? 0;

  for (let r = start; r < rowLimit + 1; r++) {
    if (ix.rowHits(r).some((h) => STOP_ROLES.some((s) => h.roles.includes(s)))) break;
    let any = false;
    for (let c = left; c <= right && !any; c++) if (hasContent(ix.cell(r, c))) any = true;
    const covered = cover1.has(r) || cover2.has(r);
    if (!any && !covered) break;

    const l1Text = col.level1 !== undefined ? textOf(ix.cell(r, col.level1)) : "";
    const l2Text = col.level2 !== undefined ? textOf(ix.cell(r, col.level2)) : "";
    const nameText = col.name !== undefined ? textOf(ix.cell(r, col.name)) : "";
    const firstName = [l1Text, l2Text, nameText].find((t) => t !== "") ?? "";
    const firstNorm = normalizeLabel(firstName);
    if (SUM_RE.test(firstNorm)) {
      sumRow = r;
      break;
    }
    if (SUBTOTAL_RE.test(firstNorm)) {
      const nameCol = [col.level1, col.level2, col.name].find(
        (c) => c !== undefined && textOf(ix.cell(r, c)) === firstName,
      )!;
      subtotals.push({
        name: firstName,
        nameRef: ix.ref(r, nameCol),
        weight: ix.field(r, col.weight),
        score: ix.field(r, col.score),
        rate: null,
      });
      lastRow = r;
      continue;
    }

    let newLevel1 = false;
    if (col.level1 !== undefined) {
      if (l1Text !== "") {
        level1 = l1Text;
        level1Ref = ix.ref(r, col.level1);
        newLevel1 = true;
      } else if (cover1.has(r)) {
        const top = cover1.get(r)!;
        level1 = textOf(ix.cell(top, col.level1));
        level1Ref = level1 !== "" ? ix.ref(top, col.level1) : null;
      }
    }
    if (col.level2 !== undefined) {
      if (l2Text !== "") {
        level2 = l2Text;
        level2Ref = ix.ref(r, col.level2);
      } else if (cover2.has(r)) {
        const top = cover2.get(r)!;
        level2 = textOf(ix.cell(top, col.level2));
        level2Ref = level2 !== "" ? ix.ref(top, col.level2) : null;
      } else if (newLevel1) {
        level2 = "";
        level2Ref = null;
      }
    }

    const nameCol = col.name ?? right;
    const field = (k: ColKey): FormField =>
      ix.field(r, col[k]) ?? { labelRef: null, ref: null, cell: ix.cell(-1, -1) };
    const target = field("target");
    const actual = field("actual");
    const weight = field("weight");
    const score = field("score");
    rows.push({
      row: r,
      level1,
      level1Ref,
      level2,
      level2Ref,
      name: nameText,
      nameRef: ix.ref(r, nameCol),
      nature: ix.field(r, col.nature),
      unit: ix.field(r, col.unit),
      target,
      actual,
      weight,
      score,
      reason: ix.field(r, col.reason),
      placeholder: isPlaceholderRow([target, actual, weight, score]),
    });
    lastRow = r;
  }

  // 一级 weights printed in the names: 产出指标(50分).
  const level1Weights: Level1Summary[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (!row.level1Ref) continue;
    const key = cellKey(row.level1Ref.row, row.level1Ref.col);
    if (seen.has(key)) continue;
    seen.add(key);
    const points = level1Points(row.level1);
    if (points === null) continue;
    level1Weights.push({
      name: row.level1,
      nameRef: row.level1Ref,
      weight: {
        labelRef: row.level1Ref,
        ref: row.level1Ref,
        cell: { value: { kind: "number", value: points } },
      },
      score: null,
      rate: null,
    });
  }
  level1Weights.push(...subtotals);

  return {
    table: {
      headerRef: ix.ref(nameHead.row, heads.get("level1")?.col ?? nameHead.col),
      rows,
      level1: level1Weights,
    },
    lastRow,
    sumRow,
    columns: col,
  };
}

/** Every value cell blank or "/"/"—", at least one of them "/"/"—". */
function isPlaceholderRow(fields: FormField[]): boolean {
  let marks = 0;
  for (const f of fields) {
    if (!f.ref || !hasContent(f.cell)) continue;
    const v = f.cell.value;
    if (v.kind === "text" && isPlaceholderText(v.value)) marks++;
    else return false;
  }
  return marks > 0;
}
