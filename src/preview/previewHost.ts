/* global Storage, localStorage */
/**
 * WorkbookHost for the browser preview: an .xlsx file read with ExcelJS (src/io), held in memory.
 * Marks, selection and writes live here and are shown by GridView; the downloaded copy carries the
 * writes, the report sheets and (markedCopy) the highlights. Settings go to localStorage.
 */
import * as ExcelJS from "exceljs";
import {
  refToString,
  type Cell,
  type CellRange,
  type CellRef,
  type Sheet,
  type Workbook,
} from "../core/grid";
import type { FormResult } from "../core/model";
import {
  HostError,
  REPORT_SHEET,
  type CellSnapshot,
  type CellWrite,
  type FormulaWrite,
  type MarkSpec,
  type WorkbookHost,
} from "../host/host";
import { readErrorMessage } from "../io/readErrors";
import { writeReportSheet } from "../io/reviewSheet";
import { xlsxBytes } from "../io/tableSheet";
import { readXlsx } from "../io/xlsxRead";
import type { CopyKind } from "../io/names";
import { addReviewSheet } from "../io/reviewSheet";
import { markedCopy } from "../io/xlsxWrite";

const SETTINGS_PREFIX = "jixiao-zipingzhushou:";

export function markKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
}

/** The merge a cell belongs to, if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): CellRange | null {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return null;
}

/** Findings may name any cell of a merged area; the grid shows (and marks) its top-left cell. */
export function masterRef(workbook: Workbook | null, ref: CellRef): CellRef {
  const sheet = workbook?.sheets.find((s) => s.name === ref.sheet);
  const m = sheet ? mergeAt(sheet, ref.row, ref.col) : null;
  return m ? { sheet: ref.sheet, row: m.top, col: m.left } : ref;
}

/** Same value (formulas, number formats and styles aside); a missing cell is an empty one. */
function sameValue(a: Cell | undefined, b: Cell | undefined): boolean {
  return JSON.stringify(a?.value ?? { kind: "empty" }) === JSON.stringify(b?.value ?? { kind: "empty" });
}

export class PreviewHost implements WorkbookHost {
  readonly kind = "preview" as const;
  fileName: string | null = null;
  workbook: Workbook | null = null;
  /** Marks by master cell. */
  readonly marks = new Map<string, MarkSpec>();
  selected: CellRef | null = null;
  private original: Uint8Array | null = null;
  private writes: CellWrite[] = [];
  /** 转换为普通公式 (and its undo), in order; applied to the downloaded copy after `writes`. */
  private formulaWrites: FormulaWrite[] = [];
  private reports: { name: string; rows: (string | number)[][] }[] = [];
  /** Each written cell as the file had it before the session's first write to it (undefined: empty). */
  private before = new Map<string, Cell | undefined>();
  private listeners = new Set<() => void>();
  private version = 0;

  constructor(
    private readonly storage: Storage | null = typeof localStorage !== "undefined" ? localStorage : null,
  ) {}

  // ───────── change notification (GridView uses useSyncExternalStore) ─────────

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** Opens a file: everything from the previous file (marks, writes, selection) is dropped. */
  async load(data: ArrayBuffer | Uint8Array, fileName: string): Promise<void> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    let workbook: Workbook;
    try {
      workbook = await readXlsx(bytes.slice());
    } catch (e) {
      throw new HostError("InvalidFile", `无法读取“${fileName}”：${readErrorMessage(bytes, fileName, e)}`);
    }
    this.original = bytes;
    this.fileName = fileName;
    this.workbook = workbook;
    this.marks.clear();
    this.writes = [];
    this.formulaWrites = [];
    this.reports = [];
    this.before.clear();
    this.selected = null;
    this.changed();
  }

  private requireWorkbook(): Workbook {
    if (!this.workbook)
      throw new HostError("NoFile", "请先打开一个 .xlsx 文件（点击「打开文件」或把文件拖到页面上）。");
    return this.workbook;
  }

  private sheet(name: string): Sheet {
    const s = this.requireWorkbook().sheets.find((x) => x.name === name);
    if (!s) throw new HostError("ItemNotFound", `工作表“${name}”不存在。`);
    return s;
  }

  // ───────── WorkbookHost ─────────

  async readWorkbook(): Promise<Workbook> {
    return this.requireWorkbook();
  }

  async applyMarks(marks: MarkSpec[]): Promise<void> {
    const wb = this.requireWorkbook();
    this.marks.clear();
    for (const m of marks) {
      const ref = masterRef(wb, m.ref);
      this.marks.set(markKey(ref), { ...m, ref });
    }
    this.changed();
  }

  async clearMarks(): Promise<void> {
    this.marks.clear();
    this.changed();
  }

  async markedCount(): Promise<number> {
    return this.marks.size;
  }

  async selectCell(ref: CellRef): Promise<void> {
    this.sheet(ref.sheet);
    this.selected = masterRef(this.workbook, ref);
    this.changed();
  }

  async inspectCells(refs: CellRef[]): Promise<CellSnapshot[]> {
    return refs.map((ref) => {
      const m = masterRef(this.workbook, ref);
      const cell = this.sheet(ref.sheet).cells[m.row]?.[m.col];
      const snap: CellSnapshot = { ref, value: cell?.value ?? { kind: "empty" } };
      if (cell?.formula) snap.formula = cell.formula;
      return snap;
    });
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    // Check everything first: a failed write changes nothing.
    for (const w of writes) this.sheet(w.ref.sheet);
    for (const w of writes) {
      const m = masterRef(this.workbook, w.ref);
      const sheet = this.sheet(m.sheet);
      // "" empties the cell; a formula (undo) comes back with its last result, as there is no calculation here.
      const cell: Cell =
        typeof w.value === "number"
          ? { value: { kind: "number", value: w.value } }
          : w.value === ""
            ? { value: { kind: "empty" } }
            : { value: { kind: "text", value: w.value } };
      if (w.formula !== undefined) cell.formula = w.formula;
      const old = sheet.cells[m.row]?.[m.col];
      this.remember(m, old);
      if (old?.numberFormat) cell.numberFormat = old.numberFormat;
      (sheet.cells[m.row] ??= [])[m.col] = cell;
      this.writes.push({ ...w, ref: m });
      this.formulaWrites = this.formulaWrites.filter((f) => markKey(f.ref) !== markKey(m)); // last write wins
    }
    this.changed();
  }

  async writeFormulas(writes: FormulaWrite[]): Promise<void> {
    for (const w of writes) this.sheet(w.ref.sheet);
    for (const w of writes) {
      const m = masterRef(this.workbook, w.ref);
      const row = (this.sheet(m.sheet).cells[m.row] ??= []);
      this.remember(m, row[m.col]);
      const old: Cell = row[m.col] ?? { value: { kind: "empty" } };
      // A formula keeps the result shown (the built-in equivalent gives the same; Excel recalculates);
      // a value replaces both.
      const cell: Cell =
        "formula" in w
          ? { ...old, formula: w.formula }
          : {
              value:
                typeof w.value === "number"
                  ? { kind: "number", value: w.value }
                  : typeof w.value === "boolean"
                    ? { kind: "boolean", value: w.value }
                    : { kind: "text", value: w.value },
            };
      if (!("formula" in w) && old.numberFormat) cell.numberFormat = old.numberFormat;
      row[m.col] = cell;
      this.formulaWrites.push({ ...w, ref: m });
      this.writes = this.writes.filter((x) => markKey(x.ref) !== markKey(m)); // last write wins
    }
    this.changed();
  }

  private remember(ref: CellRef, cell: Cell | undefined): void {
    const key = markKey(ref);
    if (!this.before.has(key)) this.before.set(key, cell ? { ...cell } : undefined);
  }

  /**
   * The cells whose value now differs from the file as opened (a write undone is no change; 转换为普通公式
   * keeps every value). Report sheets added by 导出校验报告 are not counted: they change no cell.
   */
  changedCells(): CellRef[] {
    const out: CellRef[] = [];
    for (const [key, was] of this.before) {
      const [sheet, row, col] = key.split("\u0000");
      const now = this.workbook?.sheets.find((s) => s.name === sheet)?.cells[Number(row)]?.[Number(col)];
      if (!sameValue(was, now)) out.push({ sheet, row: Number(row), col: Number(col) });
    }
    return out;
  }

  /** （已改正） when the session changed a cell's value, else （已标注）. */
  copyKind(): CopyKind {
    return this.changedCells().length > 0 ? "fixed" : "marked";
  }

  async addReportSheet(rows: (string | number)[][], baseName: string = REPORT_SHEET): Promise<string> {
    const wb = this.requireWorkbook();
    let name = baseName;
    for (let i = 2; wb.sheets.some((s) => s.name === name); i++) name = `${baseName}${i}`;
    const cells: (Cell | undefined)[][] = rows.map((row) =>
      row.map((v): Cell | undefined =>
        v === ""
          ? undefined
          : typeof v === "number"
            ? { value: { kind: "number", value: v } }
            : { value: { kind: "text", value: v } },
      ),
    );
    wb.sheets.push({ name, cells, merges: [] });
    this.reports.push({ name, rows });
    this.changed();
    return name;
  }

  /**
   * Excel keeps settings in the document; here the pane's undo record is kept per file name (the other
   * settings, such as the rule profile, are the browser's), so one file's record is never offered on another.
   */
  private settingKey(key: string): string {
    return key === "undo" ? `${SETTINGS_PREFIX}${key}:${this.fileName ?? ""}` : SETTINGS_PREFIX + key;
  }

  async loadSetting(key: string): Promise<string | null> {
    try {
      return this.storage?.getItem(this.settingKey(key)) ?? null;
    } catch (e) {
      throw new HostError("SettingsUnavailable", `无法读取浏览器中保存的设置：${(e as Error).message}`);
    }
  }

  async saveSetting(key: string, value: string): Promise<void> {
    try {
      this.storage?.setItem(this.settingKey(key), value);
    } catch (e) {
      throw new HostError("SettingsUnavailable", `无法在浏览器中保存设置：${(e as Error).message}`);
    }
  }

  // ───────── downloads ─────────

  /** The file as it is now: the original plus the values written and the report sheets added. */
  async currentBytes(): Promise<Uint8Array> {
    if (!this.original) throw new HostError("NoFile", "请先打开一个 .xlsx 文件。");
    if (this.writes.length === 0 && this.reports.length === 0 && this.formulaWrites.length === 0)
      return this.original.slice();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(this.original.slice() as unknown as ExcelJS.Buffer);
    for (const w of this.writes) {
      const ws = wb.getWorksheet(w.ref.sheet);
      if (!ws) throw new HostError("ItemNotFound", `工作表“${w.ref.sheet}”不存在（${refToString(w.ref)}）。`);
      const value = w.value === "" ? null : w.value;
      ws.getCell(w.ref.row + 1, w.ref.col + 1).value =
        w.formula !== undefined
          ? ({ formula: w.formula, result: value ?? undefined } as ExcelJS.CellFormulaValue)
          : value;
    }
    for (const w of this.formulaWrites) {
      const ws = wb.getWorksheet(w.ref.sheet);
      if (!ws) throw new HostError("ItemNotFound", `工作表“${w.ref.sheet}”不存在（${refToString(w.ref)}）。`);
      const cell = ws.getCell(w.ref.row + 1, w.ref.col + 1);
      if ("formula" in w) {
        // Keep the saved result, so the copy shows numbers before Excel or WPS recalculates.
        const v = this.workbook?.sheets.find((x) => x.name === w.ref.sheet)?.cells[w.ref.row]?.[w.ref.col]
          ?.value;
        const result =
          v && (v.kind === "number" || v.kind === "text" || v.kind === "boolean") ? v.value : undefined;
        cell.value = { formula: w.formula, result } as ExcelJS.CellFormulaValue;
      } else cell.value = w.value;
    }
    // Laid out as the Excel host lays them out (widths, wrapping, filter, print setup).
    for (const r of this.reports) writeReportSheet(wb.addWorksheet(r.name), r.rows);
    return xlsxBytes(wb);
  }

  /**
   * 下载已标注副本: the file as the session left it — exactly the values the person applied (采用重算值,
   * 写回), nothing recomputed on its own — with the marks the grid shows now (none after 清除标记) and
   * their notes, the plans' proposed values in notes while marked, and the 复核底稿 of `results`, which
   * must be the check of the current cells (the pane checks again after every write).
   */
  async markedCopy(results: FormResult[]): Promise<Uint8Array> {
    const marks = [...this.marks.values()].map((m) => ({
      ref: m.ref,
      severity: m.severity,
      note: m.note ?? "",
    }));
    return markedCopy(await this.currentBytes(), results, {
      marks,
      proposals: marks.length > 0,
      decorate: (wb) => addReviewSheet(wb, results),
    });
  }
}
