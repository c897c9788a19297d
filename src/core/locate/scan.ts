/**
 * One pass over a sheet: every short text cell is normalised once and indexed by the label roles it plays,
 * so the block finders never rescan the sheet per label. Also merges by their top-left cell, and the
 * helpers that turn a label into a FormField.
 */
import type { Cell, CellRange, CellRef, Sheet } from "../grid";
import { EMPTY } from "../grid";
import type { FormField } from "../model";
import { type LabelRole, normalizeLabel, normalizeLabelNfkc } from "../labels";
import { rolesOfNormalized } from "../kinds/roles";

/** Longest text considered as a label or a title (labels are short; long cells are narrative). */
const MAX_LABEL_LENGTH = 120;

/** "联系人：张三": a label, a colon and the value in one cell. */
const INLINE_LABEL_RE = /^([^:：]{1,40})[:：]([\s\S]*)$/;

/** A text cell that is a known label. */
export interface Hit {
  row: number;
  col: number;
  /** Raw text of the cell. */
  text: string;
  /** normalizeLabel(text) (or of the label part when the cell holds "label：value"). */
  norm: string;
  roles: readonly LabelRole[];
  /** Value typed in the same cell after the colon ("联系人：张三" → "张三"); undefined for a bare label. */
  inline?: string;
}

export interface TextCell {
  row: number;
  col: number;
  text: string;
  norm: string;
}

const EMPTY_CELL: Cell = { value: EMPTY };
/** Column multiplier for numeric cell keys (Excel has 16,384 columns; keep room for more). */
const KEY_COLS = 1 << 20;

export function cellKey(row: number, col: number): number {
  return row * KEY_COLS + col;
}

/** Bands a sheet is split into when it holds several forms: row ranges (stacked) or column ranges (side by side). */
export interface Bands {
  axis: "rows" | "cols";
  /** Inclusive [start, end] ranges, sorted, not overlapping. */
  ranges: [number, number][];
}

export class SheetIndex {
  readonly sheet: Sheet;
  readonly byRole = new Map<LabelRole, Hit[]>();
  readonly byRow = new Map<number, Hit[]>();
  /** Short text cells that are not labels (titles, year lines), in reading order. */
  readonly texts: TextCell[] = [];
  private readonly labelKeys = new Set<number>();
  private readonly mergeByTopLeft = new Map<number, CellRange>();
  readonly merges: CellRange[];
  /** The part of the sheet this index covers (a band of a sheet with several forms); null = all of it. */
  readonly band: CellRange | null;

  constructor(sheet: Sheet, band: CellRange | null = null) {
    this.sheet = sheet;
    this.band = band;
    this.merges = [];
    if (band) return; // filled by split()
    this.merges = Array.isArray(sheet.merges) ? sheet.merges.filter(isRange) : [];
    for (const m of this.merges) this.addMerge(m);
    const rows = Array.isArray(sheet.cells) ? sheet.cells : [];
    rows.forEach((cellsOfRow, row) => {
      if (!Array.isArray(cellsOfRow)) return;
      cellsOfRow.forEach((cell, col) => {
        const v = cell?.value;
        if (!v || v.kind !== "text" || typeof v.value !== "string") return;
        const text = v.value;
        if (text.length === 0 || text.length > MAX_LABEL_LENGTH) return;
        this.indexText(row, col, text);
      });
    });
  }

  private addMerge(m: CellRange): void {
    const key = cellKey(m.top, m.left);
    if (!this.mergeByTopLeft.has(key)) this.mergeByTopLeft.set(key, m);
  }

  private indexText(row: number, col: number, text: string): void {
    const c = classify(text);
    if (c === null) return;
    const { norm, roles, inline, labelNorm } = c;
    if (roles.length === 0) {
      this.texts.push({ row, col, text, norm });
      return;
    }
    const hit: Hit = { row, col, text, norm: labelNorm, roles };
    if (inline !== undefined) hit.inline = inline;
    this.addHit(hit);
  }

  private addHit(hit: Hit): void {
    const { row, col, roles } = hit;
    for (const role of roles) {
      const list = this.byRole.get(role);
      if (list) list.push(hit);
      else this.byRole.set(role, [hit]);
    }
    const rowList = this.byRow.get(row);
    if (rowList) rowList.push(hit);
    else this.byRow.set(row, [hit]);
    this.labelKeys.add(cellKey(row, col));
  }

  /**
   * One index per band, each holding only the hits, texts and merges whose (top-left) cell lies in its band;
   * cells outside a band read as empty there. One pass over this index (binary search per item), so the
   * cost stays linear in the sheet's labels however many bands there are.
   */
  split(bands: Bands): SheetIndex[] {
    const all = Number.MAX_SAFE_INTEGER;
    const out = bands.ranges.map(
      ([start, end]) =>
        new SheetIndex(
          this.sheet,
          bands.axis === "rows"
            ? { top: start, bottom: end, left: 0, right: all }
            : { top: 0, bottom: all, left: start, right: end },
        ),
    );
    const bandOf = (row: number, col: number): SheetIndex | undefined => {
      const x = bands.axis === "rows" ? row : col;
      let lo = 0;
      let hi = bands.ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [start, end] = bands.ranges[mid];
        if (x < start) hi = mid - 1;
        else if (x > end) lo = mid + 1;
        else return out[mid];
      }
      return undefined;
    };
    // Hits in reading order (byRow is filled row by row, left to right), so every list keeps its order.
    for (const list of this.byRow.values()) for (const h of list) bandOf(h.row, h.col)?.addHit(h);
    for (const t of this.texts) bandOf(t.row, t.col)?.texts.push(t);
    for (const m of this.merges) {
      const ix = bandOf(m.top, m.left);
      if (ix) {
        ix.merges.push(m);
        ix.addMerge(m);
      }
    }
    return out;
  }

  /** True when (row, col) lies in this index's band (always, for a whole-sheet index). */
  inBand(row: number, col: number): boolean {
    const b = this.band;
    return !b || (row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
  }

  hits(role: LabelRole): Hit[] {
    return this.byRole.get(role) ?? [];
  }

  rowHits(row: number): Hit[] {
    return this.byRow.get(row) ?? [];
  }

  isLabelAt(row: number, col: number): boolean {
    return this.labelKeys.has(cellKey(row, col));
  }

  cell(row: number, col: number): Cell {
    if (row < 0 || col < 0 || !this.inBand(row, col)) return EMPTY_CELL;
    const r = this.sheet.cells?.[row];
    const c = Array.isArray(r) ? r[col] : undefined;
    return c && typeof c === "object" && c.value ? c : EMPTY_CELL;
  }

  hasContent(row: number, col: number): boolean {
    return hasContent(this.cell(row, col));
  }

  /** The merge whose top-left cell is (row, col), if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeByTopLeft.get(cellKey(row, col));
  }

  /** Right edge of the cell (its merge's right column when it is merged). */
  rightEdge(row: number, col: number): number {
    return this.mergeAt(row, col)?.right ?? col;
  }

  bottomEdge(row: number, col: number): number {
    return this.mergeAt(row, col)?.bottom ?? row;
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.sheet.name, row, col };
  }

  /** A positional field (table column): no label of its own. */
  field(row: number, col: number | null | undefined): FormField | null {
    if (col === null || col === undefined || col < 0 || !this.inBand(row, col)) return null;
    return { labelRef: null, ref: this.ref(row, col), cell: this.cell(row, col) };
  }

  /**
   * The first filled cell right of an empty, unmerged (row, col), over empty unmerged cells only, within
   * 15 columns and this band; null at a label, a merged cell or the end.
   */
  private farRight(row: number, col: number): { row: number; col: number } | null {
    if (this.mergeAt(row, col)) return null;
    for (let c = col + 1; c <= col + 15 && this.inBand(row, c); c++) {
      if (this.isLabelAt(row, c)) return null;
      if (this.hasContent(row, c)) return { row, col: c };
      if (this.mergeAt(row, c)) return null;
    }
    return null;
  }

  /**
   * The value of a label: in the same cell ("联系人：张三"), to its right (after the label's merge) or below
   * it. `prefer` picks the side used when both are blank.
   */
  valueOf(hit: Hit, prefer: "right" | "below" = "right"): FormField {
    const labelRef = this.ref(hit.row, hit.col);
    if (hit.inline !== undefined) {
      return { labelRef, ref: labelRef, cell: { value: { kind: "text", value: hit.inline } } };
    }
    const right = { row: hit.row, col: this.rightEdge(hit.row, hit.col) + 1 };
    const below = { row: this.bottomEdge(hit.row, hit.col) + 1, col: hit.col };
    // Outside this index's band (another form's area) counts like a label: never the value's place.
    const rightLabel = this.isLabelAt(right.row, right.col) || !this.inBand(right.row, right.col);
    const belowLabel = this.isLabelAt(below.row, below.col) || !this.inBand(below.row, below.col);
    const rightFilled = !rightLabel && this.hasContent(right.row, right.col);
    const belowFilled = !belowLabel && this.hasContent(below.row, below.col);
    // On an unmerged row the value may stand further right (label in A20, grade in G20).
    const far = !rightFilled && !rightLabel && !belowFilled ? this.farRight(right.row, right.col) : null;
    let pos: { row: number; col: number } | null;
    if (far) pos = far;
    else if (prefer === "right") {
      if (rightFilled) pos = right;
      else if (belowFilled) pos = below;
      else if (!rightLabel) pos = right;
      else if (!belowLabel) pos = below;
      else pos = null;
    } else {
      if (belowFilled) pos = below;
      else if (rightFilled) pos = right;
      else if (!belowLabel) pos = below;
      else if (!rightLabel) pos = right;
      else pos = null;
    }
    if (!pos) return { labelRef, ref: null, cell: EMPTY_CELL };
    return { labelRef, ref: this.ref(pos.row, pos.col), cell: this.cell(pos.row, pos.col) };
  }
}

/** What a text cell is, as far as its text alone decides: a label (its roles), "label：value", or plain text. */
interface TextClass {
  /** normalizeLabel(text). */
  norm: string;
  /** [] for a plain text. */
  roles: readonly LabelRole[];
  inline: string | undefined;
  labelNorm: string;
}

/**
 * classify() results by cell text. The form's labels repeat in every workbook of a batch (and values such as
 * "/" or "≥95%" within one), so each distinct text is normalised and looked up once. A pure function of the
 * text; the cache is emptied when it reaches CLASS_CACHE_LIMIT entries, so memory stays bounded.
 */
const classCache = new Map<string, TextClass | null>();
const CLASS_CACHE_LIMIT = 20000;

function classify(text: string): TextClass | null {
  let c = classCache.get(text);
  if (c !== undefined) return c;
  c = classifyUncached(text);
  if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
  classCache.set(text, c);
  return c;
}

function classifyUncached(text: string): TextClass | null {
  const nfkc = text.normalize("NFKC");
  const norm = normalizeLabelNfkc(nfkc);
  if (norm === "") return null;
  let roles = rolesOfNormalized(norm);
  let inline: string | undefined;
  let labelNorm = norm;
  if (roles.length === 0 && (nfkc.includes(":") || nfkc.includes("："))) {
    // "联系人：张三" — a label and its value in one cell.
    const m = INLINE_LABEL_RE.exec(nfkc);
    if (m) {
      const left = normalizeLabel(m[1]);
      const leftRoles = rolesOfNormalized(left).filter(isInlineRole);
      const value = m[2].trim();
      if (leftRoles.length > 0 && value !== "") {
        roles = leftRoles;
        inline = value;
        labelNorm = left;
      }
    }
  }
  return { norm, roles, inline, labelNorm };
}

function isInlineRole(role: LabelRole): boolean {
  return (
    role.startsWith("header.") ||
    role === "grade" ||
    role === "combined" ||
    role === "total" ||
    role === "goals.expected" ||
    role === "goals.actual"
  );
}

function isRange(m: unknown): m is CellRange {
  if (!m || typeof m !== "object") return false;
  const r = m as CellRange;
  return (
    Number.isInteger(r.top) &&
    Number.isInteger(r.left) &&
    Number.isInteger(r.bottom) &&
    Number.isInteger(r.right) &&
    r.top >= 0 &&
    r.left >= 0 &&
    r.bottom >= r.top &&
    r.right >= r.left
  );
}

export function hasContent(cell: Cell): boolean {
  const v = cell.value;
  if (!v) return false;
  switch (v.kind) {
    case "empty":
      return false;
    case "text":
      return typeof v.value === "string" && v.value.trim() !== "";
    default:
      return true;
  }
}

/** Text of a cell for names (trimmed); "" for blank cells. */
export function textOf(cell: Cell): string {
  const v = cell.value;
  if (!v) return "";
  switch (v.kind) {
    case "text":
      return typeof v.value === "string" ? v.value.trim() : "";
    case "number":
      return String(v.value);
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "error":
      return String(v.value);
    case "date":
      return String(v.serial);
    default:
      return "";
  }
}

/** First hit in reading order satisfying pred. */
export function firstHit(hits: Hit[], pred: (h: Hit) => boolean = () => true): Hit | undefined {
  for (const h of hits) if (pred(h)) return h;
  return undefined;
}
