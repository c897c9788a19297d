/**
 * Undo records for the pane's writes (采用重算值, 写回总分和等级, 全部采用重算值并写回). Host-agnostic: the
 * content of every cell is read with inspectCells before the write and the record is kept with
 * saveSetting, which both hosts persist (Excel: the document's settings, so it survives save and reopen;
 * preview: the browser's storage). Pure functions only; the effects live in usePane.ts.
 */
import { refToString, type CellRef, type CellValue } from "../core/grid";
import type { CellSnapshot, CellWrite } from "../host/host";

export const UNDO_SETTING = "undo";
/** Records kept (oldest dropped first): the document's settings are small. */
export const UNDO_LIMIT = 10;

export interface UndoCell {
  ref: CellRef;
  /** The cell before the write, exactly as inspectCells gave it (value and formula). */
  before: { value: CellValue; formula?: string };
  /** What the pane wrote. */
  after: number | string;
}

export interface UndoRecord {
  id: string;
  /** What was done, as the pane named it: 采用重算值 / 写回总分和等级 / 全部采用重算值并写回. */
  action: string;
  /** ISO time of the write. */
  at: string;
  cells: UndoCell[];
}

function isRef(x: unknown): x is CellRef {
  const r = x as CellRef;
  return (
    !!r &&
    typeof r.sheet === "string" &&
    Number.isInteger(r.row) &&
    r.row >= 0 &&
    Number.isInteger(r.col) &&
    r.col >= 0
  );
}

function isCellValue(x: unknown): x is CellValue {
  const v = x as { kind?: unknown; value?: unknown; serial?: unknown };
  if (!v || typeof v !== "object") return false;
  switch (v.kind) {
    case "empty":
      return true;
    case "number":
      return typeof v.value === "number";
    case "text":
    case "error":
      return typeof v.value === "string";
    case "boolean":
      return typeof v.value === "boolean";
    case "date":
      return typeof v.serial === "number";
    default:
      return false;
  }
}

function isUndoCell(x: unknown): x is UndoCell {
  const c = x as UndoCell;
  return (
    !!c &&
    isRef(c.ref) &&
    !!c.before &&
    isCellValue(c.before.value) &&
    (c.before.formula === undefined || typeof c.before.formula === "string") &&
    (typeof c.after === "number" || typeof c.after === "string")
  );
}

function isRecord(x: unknown): x is UndoRecord {
  const r = x as UndoRecord;
  return (
    !!r &&
    typeof r.id === "string" &&
    typeof r.action === "string" &&
    typeof r.at === "string" &&
    Array.isArray(r.cells) &&
    r.cells.length > 0 &&
    r.cells.every(isUndoCell)
  );
}

/** The saved stack, oldest first; anything unreadable (another version, edited by hand) is dropped. */
export function parseUndoStack(text: string | null): UndoRecord[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    return Array.isArray(data) ? data.filter(isRecord) : [];
  } catch {
    return [];
  }
}

export function serializeUndoStack(stack: UndoRecord[]): string {
  return JSON.stringify(stack.slice(-UNDO_LIMIT));
}

/** A record of writing `writes` over the cells as `snapshots` show them before the write. */
export function makeRecord(
  action: string,
  at: Date,
  writes: CellWrite[],
  snapshots: CellSnapshot[],
): UndoRecord {
  const cells = writes.map((w): UndoCell => {
    const snap = snapshots.find((s) => sameCell(s.ref, w.ref));
    const before: UndoCell["before"] = { value: snap?.value ?? { kind: "empty" } };
    if (snap?.formula !== undefined) before.formula = snap.formula;
    return { ref: w.ref, before, after: w.value };
  });
  return {
    id: `${at.getTime()}-${cells.map((c) => refToString(c.ref)).join(",")}`,
    action,
    at: at.toISOString(),
    cells,
  };
}

function sameCell(a: CellRef, b: CellRef): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** The write that puts a cell back as it was: its formula (with its last result), its value, or empty. */
export function restoreWrite(cell: UndoCell): CellWrite {
  const v = cell.before.value;
  let value: number | string;
  switch (v.kind) {
    case "empty":
      value = "";
      break;
    case "number":
      value = v.value;
      break;
    case "date":
      value = v.serial; // the cell's date format stays, so it shows the same date
      break;
    case "boolean":
      value = v.value ? "TRUE" : "FALSE";
      break;
    default:
      value = v.value;
  }
  const w: CellWrite = { ref: cell.ref, value };
  if (cell.before.formula !== undefined) w.formula = cell.before.formula;
  return w;
}

function holds(snapshot: CellSnapshot | undefined, value: number | string): boolean {
  if (!snapshot || snapshot.formula !== undefined) return false;
  const v = snapshot.value;
  if (typeof value === "number") return v.kind === "number" && Math.abs(v.value - value) < 1e-9;
  if (value === "") return v.kind === "empty";
  return v.kind === "text" && v.value === value;
}

/** Cells of the record that no longer hold what the pane wrote (edited since, or another file). */
export function changedSince(record: UndoRecord, current: CellSnapshot[]): UndoCell[] {
  return record.cells.filter(
    (c) =>
      !holds(
        current.find((s) => sameCell(s.ref, c.ref)),
        c.after,
      ),
  );
}
