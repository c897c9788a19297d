/**
 * The indicator table 绩效指标 (domain.md §2.4, §2.11): its header (one to three rows, tableHeader.ts), then
 * every row down to its end (总分 / 等级 / another block's label / 合计, or blank rows followed by nothing
 * table-like). Inside, a repeated header, blank rows, 小计 rows and 备注 lines are recognised and recorded
 * (LocatedTable.rowRoles), never taken for the table's end.
 */
import type { CellRange, CellRef } from "../grid";
import type { FormField, IndicatorRow, IndicatorTable, LedgerRole, Level1Summary } from "../model";
import { type LabelRole, isPlaceholderText, level1Points, normalizeLabel } from "../labels";
import { type SheetIndex, cellKey, hasContent, textOf } from "./scan";
import { type ColKey, isRepeatedHeader, locateTableHeader } from "./tableHeader";
import { isNoteText, isPageTitleText, isSignatureText } from "./rowKinds";

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

/** Header lines (title, 单位名称 …) of a page pasted mid-table, above its repeated column headers. */
const MAX_PAGE_TOP_ROWS = 4;
/** Blank rows inside a table: the table goes on when a table row follows within this many rows. */
const MAX_BLANK_RUN = 5;

export interface LocatedTable {
  table: IndicatorTable;
  /** Last sheet row of the table (header row when it has no rows). */
  lastRow: number;
  /** A 合计 row that closed the table, used as the total row when no 总分 label exists. */
  sumRow: number | null;
  columns: Partial<Record<ColKey, number>>;
  /** First and last row of the column headers. */
  headerTop: number;
  headerBottom: number;
  /** What each row of the table other than an indicator was read as (repeated header, blank, 小计, 备注 …). */
  rowRoles: Map<number, LedgerRole>;
}

const SUBTOTAL_RE = /小计$/;
const SUM_RE = /^(合计|总计)$/;

export function locateIndicators(ix: SheetIndex): LocatedTable | null {
  const header = locateTableHeader(ix);
  if (!header) return null;
  const { anchor: nameHead, heads, columns: col } = header;
  const headerBottom = header.bottom;
  const colValues = Object.values(col) as number[];
  const left = Math.min(...colValues);
  let right = Math.max(...colValues);
  for (const h of heads.values()) right = Math.max(right, ix.rightEdge(h.row, h.col));

  const start = headerBottom + 1;
  const cover1 = coverage(ix.merges, col.level1, start);
  const cover2 = coverage(ix.merges, col.level2, start);
  const rowRoles = new Map<number, LedgerRole>();
  /** Columns whose content makes a row more than its inherited 一级/二级 names. */
  const ownCols = (["name", "nature", "unit", "target", "actual", "weight", "score", "reason"] as ColKey[])
    .map((k) => col[k])
    .filter((c): c is number => c !== undefined);
  const valueCols = (["target", "actual", "weight", "score"] as ColKey[])
    .map((k) => col[k])
    .filter((c): c is number => c !== undefined);
  const filled = (r: number, cols: number[]): boolean => cols.some((c) => hasContent(ix.cell(r, c)));
  const anyIn = (r: number): boolean => {
    for (let c = left; c <= right; c++) if (hasContent(ix.cell(r, c))) return true;
    return false;
  };
  const firstText = (r: number): string => {
    for (let c = left; c <= right; c++) {
      const t = textOf(ix.cell(r, c));
      if (t !== "") return t;
    }
    return "";
  };
  const stops = (r: number): boolean =>
    ix.rowHits(r).some((h) => STOP_ROLES.some((s) => h.roles.includes(s)));
  /** A row that carries a table row of its own (not only a merged 一级/二级 name). */
  const tableLike = (r: number): boolean =>
    isRepeatedHeader(ix.rowHits(r), col) ||
    (!stops(r) && !isNoteText(firstText(r)) && !isSignatureText(firstText(r)) && filled(r, valueCols));

  /** Row of the column headers repeated under header lines starting at `r` (within a few rows); else null. */
  const pageTopEnd = (r: number): number | null => {
    const headerLine = (row: number): boolean =>
      ix.rowHits(row).every((h) => h.roles.some((x) => x.startsWith("header."))) ||
      isPageTitleText(firstText(row)) ||
      !anyIn(row);
    for (let k = r; k <= r + MAX_PAGE_TOP_ROWS; k++) {
      if (isRepeatedHeader(ix.rowHits(k), col)) return k > r ? k : null;
      if (!headerLine(k)) return null;
    }
    return null;
  };

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
    const hits = ix.rowHits(r);
    if (isRepeatedHeader(hits, col)) {
      // (A header printed on two rows repeats as two such rows: each is recognised on its own.)
      rowRoles.set(r, "repeated-header");
      lastRow = r;
      continue;
    }
    if (stops(r)) {
      // A page pasted mid-table repeats the form's header lines (单位名称, 联系人 …) above the column headers:
      // the whole page top is recognised when the column headers follow it.
      const resume = pageTopEnd(r);
      if (resume === null) break;
      for (let k = r; k <= resume; k++) rowRoles.set(k, "repeated-header");
      r = resume;
      lastRow = r;
      continue;
    }
    const l1Text = col.level1 !== undefined ? textOf(ix.cell(r, col.level1)) : "";
    const l2Text = col.level2 !== undefined ? textOf(ix.cell(r, col.level2)) : "";
    const nameText = col.name !== undefined ? textOf(ix.cell(r, col.name)) : "";
    const own = l1Text !== "" || l2Text !== "" || filled(r, ownCols);
    // An empty row inside a merged 一级/二级 group is one of the group's slots (an indicator left unfilled,
    // reported as such); an empty row outside any group is a blank line.
    if (!own && !cover1.has(r) && !cover2.has(r)) {
      // Blank (or only a merged 一级/二级 name running through, or only a helper column): the table goes on
      // when a table row follows. A row with content elsewhere stays unrecorded (the ledger lists it unread).
      let next = r + 1;
      while (next <= r + MAX_BLANK_RUN && next < rowLimit && !anyIn(next)) next++;
      if (next > r + MAX_BLANK_RUN || next >= rowLimit) break;
      if (!tableLike(next) && pageTopEnd(next) === null) break;
      if (!anyIn(r)) rowRoles.set(r, "blank");
      continue;
    }
    const lead = firstText(r);
    if (isPageTitleText(lead) && !filled(r, valueCols)) {
      rowRoles.set(r, "repeated-header");
      lastRow = r;
      continue;
    }
    if (isNoteText(lead) || isSignatureText(lead)) {
      if (!tableLike(r + 1) && !tableLike(r + 2)) break;
      rowRoles.set(r, isNoteText(lead) ? "note" : "signature");
      lastRow = r;
      continue;
    }
    const firstName = [l1Text, l2Text, nameText].find((t) => t !== "") ?? "";
    if (SUM_RE.test(normalizeLabel(firstName))) {
      sumRow = r;
      rowRoles.set(r, "sum");
      break;
    }
    const subtotalText = [l1Text, l2Text, nameText].find((t) => SUBTOTAL_RE.test(normalizeLabel(t)));
    if (subtotalText !== undefined) {
      const nameCol = [col.level1, col.level2, col.name].find(
        (c) => c !== undefined && textOf(ix.cell(r, c)) === subtotalText,
      )!;
      // A bare 小计 subtotals the 一级 group it closes (its own row's 一级 name, else the current one).
      const bare = normalizeLabel(subtotalText) === "小计";
      const group = l1Text !== "" && l1Text !== subtotalText ? l1Text : level1;
      subtotals.push({
        name: bare && group !== "" ? `${group}小计` : subtotalText,
        nameRef: ix.ref(r, nameCol),
        weight: ix.field(r, col.weight),
        score: ix.field(r, col.score),
        rate: null,
      });
      rowRoles.set(r, "subtotal");
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
    headerTop: header.top,
    headerBottom,
    rowRoles,
  };
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
