/** The budget block 预算资金（万元） (domain.md §2.2), both variants. */
import type { BudgetBlock, BudgetRow, BudgetRowKind, FormField } from "../model";
import type { LabelRole } from "../labels";
import { type Hit, type SheetIndex, firstHit } from "./scan";

type ColKey = "initialBudget" | "fullYearBudget" | "executed" | "weight" | "rate" | "score" | "reason";

const COL_ROLES: [LabelRole, ColKey][] = [
  ["budget.col.initialBudget", "initialBudget"],
  ["budget.col.fullYearBudget", "fullYearBudget"],
  ["budget.col.executed", "executed"],
  ["budget.col.weight", "weight"],
  ["budget.col.rate", "rate"],
  ["budget.col.score", "score"],
  ["budget.col.reason", "reason"],
];

/** Columns only the budget block has (分值/得分 are shared with the indicator table). */
const DISTINCT_COLS: ColKey[] = ["initialBudget", "fullYearBudget", "executed", "rate"];

const ROW_ROLES: [LabelRole, BudgetRowKind][] = [
  ["budget.row.total", "total"],
  ["budget.row.current", "current"],
  ["budget.row.carryover", "carryover"],
  ["budget.row.other", "other"],
  ["budget.row.income-group", "income-group"],
  ["budget.row.income-item", "income-item"],
  ["budget.row.spending-group", "spending-group"],
  ["budget.row.spending-item", "spending-item"],
];

const STOP_ROLES: LabelRole[] = [
  "goals.block",
  "goals.expected",
  "ind.col.level1",
  "ind.col.name",
  "total",
  "grade",
];

function rowKind(hit: Hit): BudgetRowKind | null {
  for (const [role, kind] of ROW_ROLES) if (hit.roles.includes(role)) return kind;
  return null;
}

/** A row holding a budget row label and no label that ends the block. */
function knownRowAt(ix: SheetIndex, row: number): boolean {
  const hits = ix.rowHits(row);
  return (
    hits.some((h) => rowKind(h) !== null) &&
    !hits.some((h) => STOP_ROLES.some((s) => h.roles.includes(s)) && rowKind(h) === null)
  );
}

function columnsOfRow(ix: SheetIndex, row: number): Map<ColKey, Hit> {
  const cols = new Map<ColKey, Hit>();
  for (const h of ix.rowHits(row)) {
    for (const [role, key] of COL_ROLES) if (h.roles.includes(role) && !cols.has(key)) cols.set(key, h);
  }
  return cols;
}

function distinctCount(cols: Map<ColKey, Hit>): number {
  return DISTINCT_COLS.filter((k) => cols.has(k)).length;
}

export function locateBudget(ix: SheetIndex): BudgetBlock | null {
  const title = firstHit(ix.hits("budget.title"));
  // Column header row: the first row with at least two budget-only column headers (at or after the title row).
  let headerRow = -1;
  let cols = new Map<ColKey, Hit>();
  const candidateRows = new Set<number>();
  for (const [role] of COL_ROLES.filter(([, k]) => DISTINCT_COLS.includes(k))) {
    for (const h of ix.hits(role)) if (!title || h.row >= title.row - 1) candidateRows.add(h.row);
  }
  for (const r of [...candidateRows].sort((a, b) => a - b)) {
    const c = columnsOfRow(ix, r);
    if (distinctCount(c) >= 2) {
      headerRow = r;
      cols = c;
      break;
    }
  }
  if (!title && headerRow < 0) return null;

  let headerBottom = headerRow;
  for (const h of cols.values()) headerBottom = Math.max(headerBottom, ix.bottomEdge(h.row, h.col));
  const start = headerRow >= 0 ? headerBottom + 1 : title!.row + 1;
  const titleBottom = title ? ix.bottomEdge(title.row, title.col) : -1;

  const colOf = new Map<ColKey, number>();
  for (const [k, h] of cols) colOf.set(k, h.col);
  const numericCols = [...colOf.entries()].filter(([k]) => k !== "reason").map(([, c]) => c);
  const firstNumCol = numericCols.length > 0 ? Math.min(...numericCols) : Number.POSITIVE_INFINITY;

  const rows: BudgetRow[] = [];
  let byNature = false;
  const hitsByRow: Hit[][] = [];
  for (let r = start; ; r++) {
    const rowHits = ix.rowHits(r);
    if (rowHits.some((h) => STOP_ROLES.some((s) => h.roles.includes(s)) && rowKind(h) === null)) break;
    const labels = rowHits.filter((h) => rowKind(h) !== null).sort((a, b) => a.col - b.col);
    if (labels.length === 0) {
      if (r <= titleBottom) continue;
      // A row the block does not know (a province's own sub-row) with the block's rows going on below it:
      // skipped here (the read ledger lists it as not understood), not taken for the block's end.
      if (hitsByRow.length > 0 && (knownRowAt(ix, r + 1) || knownRowAt(ix, r + 2))) continue;
      break;
    }
    hitsByRow.push(labels);
    for (const h of labels) {
      const k = rowKind(h);
      if (k === "income-group" || k === "spending-group" || k === "income-item") byNature = true;
    }
  }
  // A header without a title needs rows; a title without a header or rows is just a word.
  if (hitsByRow.length === 0 && (headerRow < 0 || !title)) return null;

  for (const labels of hitsByRow) {
    labels.forEach((hit, i) => {
      let kind = rowKind(hit)!;
      if (kind === "other" && byNature) kind = "income-item";
      const nextLabelCol = i + 1 < labels.length ? labels[i + 1].col : Number.POSITIVE_INFINITY;
      const labelRight = ix.rightEdge(hit.row, hit.col);
      const inColumns = (c: number | undefined): number | null =>
        c !== undefined && c > labelRight && c < nextLabelCol ? c : null;
      const row: BudgetRow = {
        label: hit.text.trim(),
        labelRef: ix.ref(hit.row, hit.col),
        kind,
        initialBudget: null,
        fullYearBudget: null,
        executed: null,
        weight: null,
        rate: null,
        score: null,
      };
      const afterLabel = labelRight + 1;
      if (hit.col < firstNumCol) {
        row.initialBudget = ix.field(hit.row, inColumns(colOf.get("initialBudget")));
        row.fullYearBudget = ix.field(hit.row, inColumns(colOf.get("fullYearBudget")));
        row.executed = ix.field(hit.row, inColumns(colOf.get("executed")));
        row.weight = ix.field(hit.row, inColumns(colOf.get("weight")));
        row.rate = ix.field(hit.row, inColumns(colOf.get("rate")));
        row.score = ix.field(hit.row, inColumns(colOf.get("score")));
        const execCol = row.executed?.ref?.col;
        const execBlank = execCol === undefined || !ix.hasContent(hit.row, execCol);
        const afterFilled =
          afterLabel < nextLabelCol &&
          ix.hasContent(hit.row, afterLabel) &&
          !ix.isLabelAt(hit.row, afterLabel);
        if (kind !== "total" && byNature && execBlank && afterFilled && execCol !== afterLabel) {
          // Variant 2: the amount may sit in the cell right after the label instead of 全年执行数.
          row.executed = ix.field(hit.row, afterLabel);
          if (row.initialBudget?.ref?.col === afterLabel) row.initialBudget = null;
          if (row.fullYearBudget?.ref?.col === afterLabel) row.fullYearBudget = null;
        } else if (!row.executed && colOf.size === 0 && afterLabel < nextLabelCol) {
          // No column headers at all: the amount follows the label.
          row.executed = ix.field(hit.row, afterLabel);
        }
      } else {
        // A label inside the figures area (按支出性质分 beside 按收入性质分): its amount follows it.
        row.executed = afterLabel < nextLabelCol ? ix.field(hit.row, afterLabel) : null;
      }
      rows.push(row);
    });
  }
  const total = rows.find((r) => r.kind === "total") ?? null;
  const anchor: Hit = title ?? [...cols.values()].sort((a, b) => a.col - b.col)[0];
  const unitMatch = title ? /\((万元|元|亿元|千元)\)/.exec(title.norm) : null;
  const reasonCol = colOf.get("reason");
  const reason: FormField | null =
    total && reasonCol !== undefined ? ix.field(total.labelRef.row, reasonCol) : null;
  return {
    variant: byNature ? "by-nature" : "by-source",
    unit: unitMatch ? unitMatch[1] : null,
    titleRef: ix.ref(anchor.row, anchor.col),
    rows,
    total,
    reason,
  };
}
