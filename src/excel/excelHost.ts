/* global Excel, OfficeExtension, globalThis */
/**
 * WorkbookHost on the Excel JavaScript API (runs inside Excel, task pane / shared runtime).
 *
 * Round trips (context.sync calls) per method — the numbers the tests assert:
 * - readWorkbook: 2 (sheet list; then every sheet's used range, merged areas, the fills of the used
 *   range (getCellProperties, ExcelApi 1.9), protection, and the restore record).
 *   Only if that read fails (a sheet over the 512-merged-areas limit, or a response too large): +1 for
 *   a read without merges and fills, then +1 per sheet for the merges.
 * - applyMarks right after readWorkbook: 1 (restores, the restore record and marks in one batch): the
 *   original fills come from readWorkbook's snapshot. So validating = 2 + 1 = 3.
 *   +1 (fills of the cells the snapshot does not cover, read with the protection) when a target lies
 *   outside the values-only used range (e.g. an empty, formatted cell below the last value), without
 *   ExcelApi 1.9, or after the fallback read above. Without a fresh snapshot: 3 (sheet list and
 *   merges; record, fills and protection; write).
 * - clearMarks: 3 with marks (sheet list; record + protection; restore + delete the record sheet),
 *   1 without. markedCount: 2 with marks, 1 without.
 * - selectCell 1, inspectCells 1, writeCells 2 (protection check, then write), addReportSheet 2.
 *
 * Why not fewer: the record sheet may not exist, and we never chain calls on an *OrNullObject proxy
 * (getItemOrNullObject(x).getUsedRange…), whose behaviour when null is not documented; so the sheet
 * list is read first. readWorkbook already reads the list, which is why applyMarks after it needs 1.
 * writeCells checks protection before writing because a batch is not transactional: a failure in the
 * middle leaves the earlier writes applied.
 *
 * Exactness of the snapshot's fills: cells outside the rectangle read are never assumed to have no fill
 * (a formatted empty cell lies outside a values-only used range, and whole-row/column formatting does
 * not widen the used range); they are read when marking. What the snapshot cannot see is a fill changed
 * between readWorkbook and applyMarks (the pane calls one right after the other; the snapshot is used
 * once and only within SNAPSHOT_MAX_AGE_MS): such a cell gets its fill from the read recorded.
 * Painting stays with RangeAreas per colour (getRanges): setCellProperties would need a matrix over the
 * bounding box of scattered targets and cannot express "no fill" as clear() does, for no sync saved.
 *
 * Nothing here touches Office at import: `run` and `settings` are injected (defaults resolved lazily).
 */
import {
  a1,
  EMPTY,
  type Cell,
  type CellRange,
  type CellRef,
  type CellValue,
  type Sheet,
  type Workbook,
} from "../core/grid";
import type { Severity } from "../core/model";
import { HostError, type CellSnapshot, type CellWrite, type MarkSpec, type WorkbookHost } from "../host/host";
import {
  cellsOf,
  chunkAddresses,
  compressCells,
  containsCell,
  parseAreasAddress,
  rangeAddress,
  type Pos,
} from "./addresses";
import { guarded } from "./errors";
import { moreSevere } from "../core/marks";
import { fillFromLoaded, fillKey, MARK_COLORS, queueRestore, type FillRecord } from "./fills";
import { countMarks, decodeRecord, encodeRecord, RECORD_SHEET, type RecordEntry } from "./record";

/** Excel.run as we use it (tests pass a double). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office.Settings we use (Office.context.document.settings). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback: (result: { status: string; error?: { code?: unknown; message?: string } }) => void,
  ): void;
}

export interface ExcelHostOptions {
  /** Default: Excel.run with delayForCellEdit (waits while the user edits a cell instead of failing). */
  run?: ExcelRun;
  /** Default: Office.context.document.settings. */
  settings?: SettingsStore;
  /**
   * API features; default: detected with Office.context.requirements.isSetSupported.
   * fillDetails = ExcelApi 1.9 (fill pattern/tintAndShade: exact "no fill" vs white);
   * mergedAreas = ExcelApi 1.13 (Range.getMergedAreasOrNullObject).
   */
  features?: { fillDetails?: boolean; mergedAreas?: boolean };
  /** Clock for the snapshot age check (tests). */
  now?: () => number;
}

/** What readWorkbook learned that applyMarks can reuse within SNAPSHOT_MAX_AGE_MS. */
interface Snapshot {
  takenAt: number;
  sheets: SheetInfo[];
  merges: Map<string, CellRange[]>;
  recordExists: boolean;
  record: RecordEntry[];
  /** Fills of each sheet's (values-only) used range; absent for a sheet = read them when marking. */
  fills: Map<string, FillArea>;
  protection: Map<string, SheetProtection>;
}

/** The fills of one rectangle, as getCellProperties returned them (row-major, from top/left). */
interface FillArea {
  top: number;
  left: number;
  cells: Excel.CellProperties[][];
}

interface SheetProtection {
  protected: boolean;
  allowFormatCells: boolean;
}

interface SheetInfo {
  name: string;
  id: string;
}

/** A cell we are about to highlight. */
interface Target {
  sheet: string;
  row: number;
  col: number;
  address: string;
  /** Address of the marked cell it belongs to (merged-area anchor or itself). */
  mark: string;
  color: string;
}

const SNAPSHOT_MAX_AGE_MS = 60_000;
/** What applyMarks needs to know of a cell's original fill (fills.ts). */
const FILL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};
export const REPORT_SHEET = "校验报告";

export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  return new ExcelHost(options);
}

interface OfficeGlobal {
  context?: {
    document?: { settings?: SettingsStore };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}
interface ExcelGlobal {
  run(
    options: { delayForCellEdit?: boolean },
    batch: (context: Excel.RequestContext) => Promise<unknown>,
  ): Promise<unknown>;
}

function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
  if (!excel) throw new HostError("NoExcel", "未在 Excel 中运行：找不到 Excel JavaScript API。");
  return excel.run({ delayForCellEdit: true }, batch) as Promise<T>;
}

function supported(version: string): boolean {
  const req = officeGlobal()?.context?.requirements;
  if (!req) return true;
  try {
    return req.isSetSupported("ExcelApi", version);
  } catch {
    return false; // a host that cannot answer is treated as not supporting the set
  }
}

function sheetProtectedError(sheet: string, doing: string): HostError {
  return new HostError("SheetProtected", `工作表「${sheet}」受保护，无法${doing}。请先撤销工作表保护。`);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly settingsOption?: SettingsStore;
  private readonly fillDetails: boolean;
  private readonly mergedAreas: boolean;
  private readonly now: () => number;
  private snapshot: Snapshot | null = null;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.settingsOption = options.settings;
    this.fillDetails = options.features?.fillDetails ?? supported("1.9");
    this.mergedAreas = options.features?.mergedAreas ?? supported("1.13");
    this.now = options.now ?? (() => Date.now());
  }

  // ───────────────────────────── reading ─────────────────────────────

  readWorkbook(): Promise<Workbook> {
    return guarded("读取工作簿", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/visibility,items/id");
        await context.sync();

        const items = worksheets.items;
        // `extras` = merged areas and fills: what may make the combined read fail (see the catch).
        const queueReads = (extras: boolean) =>
          items.map((ws) => {
            const used = ws.getUsedRangeOrNullObject(true);
            if (ws.name === RECORD_SHEET) {
              used.load("values");
              return { ws, used, merged: null, fills: null, protection: null };
            }
            used.load("rowIndex,columnIndex,values,valueTypes,formulas,numberFormat");
            // getRange() (the whole sheet) is never null, so chaining on it is safe; merges outside the
            // used range (formatting only) are harmless to the core.
            const merged = extras && this.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
            if (merged) merged.load("address");
            // The fills of the same rectangle, for applyMarks. Worksheet.getUsedRange is never null (A1 on
            // a blank sheet, per the API reference), so getCellProperties is not chained on a null proxy;
            // its own rowIndex/columnIndex say which cells the matrix covers.
            let fills: {
              area: Excel.Range;
              props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
            } | null = null;
            if (extras && this.fillDetails) {
              const area = ws.getUsedRange(true);
              area.load("rowIndex,columnIndex");
              fills = { area, props: area.getCellProperties(FILL_PROPERTIES) };
            }
            const protection = ws.protection;
            protection.load("protected,options");
            return { ws, used, merged, fills, protection };
          });
        let reads = queueReads(true);
        const fallbackMerges = new Map<string, CellRange[]>();
        try {
          await context.sync();
        } catch (err) {
          // getMergedAreasOrNullObject fails on a range with more than 512 merged areas (API reference),
          // which would make one busy sheet block the whole workbook; the fills add to the response,
          // which Excel on the web caps at 5 MB. Read again without both; if that fails too, the error
          // was about neither and is thrown. applyMarks then reads the fills of its targets itself.
          if (!this.mergedAreas && !this.fillDetails) throw err;
          reads = queueReads(false);
          await context.sync();
          if (this.mergedAreas) await this.mergesSheetBySheet(context, items, fallbackMerges);
        }
        const sheets: Sheet[] = [];
        const infos: SheetInfo[] = [];
        const merges = new Map<string, CellRange[]>();
        const fillAreas = new Map<string, FillArea>();
        const protection = new Map<string, SheetProtection>();
        let record: RecordEntry[] = [];
        let recordExists = false;
        for (const { ws, used, merged, fills, protection: p } of reads) {
          infos.push({ name: ws.name, id: ws.id });
          if (ws.name === RECORD_SHEET) {
            recordExists = true;
            if (!used.isNullObject) {
              const values = used.values;
              record = decodeRecord(values);
            }
            continue;
          }
          const sheetMerges = merged
            ? merged.isNullObject
              ? []
              : parseAreasAddress(merged.address)
            : (fallbackMerges.get(ws.name) ?? []);
          merges.set(ws.name, sheetMerges);
          if (fills) {
            fillAreas.set(ws.name, {
              top: fills.area.rowIndex,
              left: fills.area.columnIndex,
              cells: fills.props.value,
            });
          }
          if (p)
            protection.set(ws.name, {
              protected: p.protected,
              allowFormatCells: p.options.allowFormatCells === true,
            });
          const sheet: Sheet = { name: ws.name, cells: [], merges: sheetMerges };
          if (ws.visibility !== "Visible") sheet.hidden = true;
          if (!used.isNullObject) fillCells(sheet, used);
          sheets.push(sheet);
        }
        this.snapshot = {
          takenAt: this.now(),
          sheets: infos,
          merges,
          recordExists,
          record,
          fills: fillAreas,
          protection,
        };
        return { sheets };
      }),
    );
  }

  /**
   * Fallback after a failed combined read: merged areas one sheet per round trip, so that a sheet over
   * the 512-merge limit only loses its own merges (the core then inherits 一级/二级 names from the row
   * above instead). Only ever runs after a failure, hence the sync in a loop.
   */
  private async mergesSheetBySheet(
    context: Excel.RequestContext,
    items: Excel.Worksheet[],
    out: Map<string, CellRange[]>,
  ): Promise<void> {
    for (const ws of items) {
      if (ws.name === RECORD_SHEET) continue;
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- failure fallback, see above
        await context.sync();
        out.set(ws.name, merged.isNullObject ? [] : parseAreasAddress(merged.address));
      } catch {
        out.set(ws.name, []); // this sheet's merges cannot be read: read it without them
      }
    }
  }

  inspectCells(refs: CellRef[]): Promise<CellSnapshot[]> {
    return guarded("读取单元格", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const bySheet = new Map<string, Excel.Worksheet>();
        const ranges = refs.map((ref) => {
          let ws = bySheet.get(ref.sheet);
          if (!ws) bySheet.set(ref.sheet, (ws = worksheets.getItem(ref.sheet)));
          const r = ws.getRange(a1(ref.row, ref.col));
          r.load("values,valueTypes,formulas");
          return r;
        });
        await context.sync();
        return refs.map((ref, i) => {
          const r = ranges[i];
          const values = r.values;
          const types = r.valueTypes;
          const formulas = r.formulas;
          const snap: CellSnapshot = { ref, value: toCellValue(types[0][0], values[0][0]) };
          const f = formulaOf(formulas[0][0]);
          if (f !== undefined) snap.formula = f;
          return snap;
        });
      }),
    );
  }

  // ───────────────────────────── marks ─────────────────────────────

  async applyMarks(marks: MarkSpec[]): Promise<void> {
    const snap = this.takeSnapshot();
    await guarded("标记单元格", async () => {
      try {
        await this.applyOnce(marks, snap);
      } catch (err) {
        // The snapshot is out of date: the record sheet did (not) exist after all (e.g. the user undid our
        // last marks), or a sheet was protected since. What the failed batch applied is harmless (see
        // phase C's order); retry from scratch, which reads everything again.
        const code = (err as { code?: unknown }).code;
        if (snap && (code === "ItemNotFound" || code === "ItemAlreadyExists" || code === "AccessDenied"))
          await this.applyOnce(marks, null);
        else throw err;
      }
    });
  }

  private takeSnapshot(): Snapshot | null {
    const snap = this.snapshot;
    this.snapshot = null; // used once: later calls read the workbook again
    if (!snap || this.now() - snap.takenAt > SNAPSHOT_MAX_AGE_MS) return null;
    return snap;
  }

  private applyOnce(marks: MarkSpec[], snap: Snapshot | null): Promise<void> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const markSheets = [...new Set(marks.map((m) => m.ref.sheet))];
      const wsOf = sheetGetter(worksheets);

      // Phase A (no snapshot only): sheet list and the merged areas of the sheets we mark.
      let sheets: SheetInfo[];
      let merges: Map<string, CellRange[]>;
      let recordExists: boolean;
      if (snap) {
        sheets = snap.sheets;
        merges = snap.merges;
        recordExists = snap.recordExists;
      } else {
        worksheets.load("items/name,items/id");
        const mergedReads = this.mergedAreas
          ? markSheets.map((name) => {
              const m = wsOf(name).getRange().getMergedAreasOrNullObject();
              m.load("address");
              return { name, m };
            })
          : [];
        await context.sync();
        const items = worksheets.items;
        sheets = items.map((ws) => ({ name: ws.name, id: ws.id }));
        recordExists = sheets.some((s) => s.name === RECORD_SHEET);
        merges = new Map();
        for (const { name, m } of mergedReads)
          merges.set(name, m.isNullObject ? [] : parseAreasAddress(m.address));
      }

      const targets = expandMarks(marks, merges);
      if (targets.length === 0 && !recordExists) return; // nothing marked before, nothing to mark now
      const known = snap
        ? new Set(resolveEntries(snap.record, sheets).map((e) => cellKey(e.sheet, e.address)))
        : null;

      // Original fills of the cells not yet recorded: from the snapshot where it covers them, else read.
      const fromSnapshot = new Map<string, FillRecord>();
      const toRead = new Map<string, Target>();
      for (const t of targets) {
        const key = cellKey(t.sheet, t.address);
        if (known?.has(key) || fromSnapshot.has(key) || toRead.has(key)) continue;
        const f = snap ? snapshotFill(snap, t) : undefined;
        if (f) fromSnapshot.set(key, f);
        else toRead.set(key, t);
      }
      const snapProtection = snap && markSheets.every((n) => snap.protection.has(n)) ? snap.protection : null;

      // Phase B (skipped when the snapshot answers everything): the record (no snapshot only), the
      // original fills of the other cells, and the protection of the sheets we mark.
      const fillReads = new Map<string, Excel.RangeFill>();
      let protection: Map<string, SheetProtection>;
      let oldEntries: RecordEntry[] = snap ? snap.record : [];
      if (!snap || toRead.size > 0 || !snapProtection) {
        const recordRange = !snap && recordExists ? wsOf(RECORD_SHEET).getUsedRangeOrNullObject(true) : null;
        if (recordRange) recordRange.load("values");
        const fillProps = this.fillDetails ? "color,pattern,patternColor,tintAndShade" : "color";
        for (const [key, t] of toRead) {
          const fill = wsOf(t.sheet).getRange(t.address).format.fill;
          fill.load(fillProps);
          fillReads.set(key, fill);
        }
        const protections = markSheets.map((name) => {
          const p = wsOf(name).protection;
          p.load("protected,options");
          return { name, p };
        });
        await context.sync();

        protection = new Map(
          protections.map(({ name, p }) => [
            name,
            { protected: p.protected, allowFormatCells: p.options.allowFormatCells === true },
          ]),
        );
        if (recordRange && !recordRange.isNullObject) {
          const values = recordRange.values;
          oldEntries = decodeRecord(values);
        }
      } else protection = snapProtection;

      for (const name of markSheets) {
        const p = protection.get(name);
        if (p && p.protected && !p.allowFormatCells) throw sheetProtectedError(name, "标记单元格");
      }
      const resolved = resolveEntries(oldEntries, sheets);
      const oldByKey = new Map(resolved.map((e) => [cellKey(e.sheet, e.address), e]));
      const idOf = new Map(sheets.map((s) => [s.name, s.id]));

      // The new record: cells already recorded keep their ORIGINAL fill (not our highlight).
      const newEntries: RecordEntry[] = [];
      const targetKeys = new Set<string>();
      for (const t of targets) {
        const key = cellKey(t.sheet, t.address);
        targetKeys.add(key);
        const old = oldByKey.get(key);
        let fill: FillRecord;
        if (old) fill = old.fill;
        else if (fromSnapshot.has(key)) fill = fromSnapshot.get(key)!;
        else {
          const f = fillReads.get(key)!;
          fill = fillFromLoaded(
            this.fillDetails
              ? {
                  color: f.color,
                  pattern: f.pattern,
                  patternColor: f.patternColor,
                  tintAndShade: f.tintAndShade,
                }
              : { color: f.color },
            this.fillDetails,
          );
        }
        newEntries.push({
          sheet: t.sheet,
          sheetId: idOf.get(t.sheet) ?? "",
          address: t.address,
          mark: t.mark,
          fill,
        });
      }
      const stale = resolved.filter((e) => !targetKeys.has(cellKey(e.sheet, e.address)));

      // Phase C, one batch, in an order that is safe wherever it fails (a batch is not transactional):
      // 1. restores: a failure leaves the old record, which still lists every cell (restoring a recorded
      //    cell to its original fill twice is harmless);
      // 2. the record: a failure (the record sheet is (not) there after all) stops before any highlight;
      // 3. highlights: a failure leaves recorded cells unpainted, which clearMarks restores harmlessly.
      this.queueRestores(wsOf, stale);
      if (newEntries.length > 0) {
        const rs = recordExists ? wsOf(RECORD_SHEET) : worksheets.add(RECORD_SHEET);
        if (!recordExists) rs.visibility = "VeryHidden";
        else rs.getRange().clear("Contents");
        const rows = encodeRecord(newEntries);
        const target = rs.getRange(`A1:A${rows.length}`);
        target.numberFormat = rows.map(() => ["@"]);
        target.values = rows;
      } else if (recordExists) deleteRecordSheet(wsOf(RECORD_SHEET));
      this.queueHighlights(wsOf, targets);
      await context.sync();
    });
  }

  private queueRestores(wsOf: (name: string) => Excel.Worksheet, entries: RecordEntry[]): void {
    const groups = new Map<string, { sheet: string; fill: FillRecord; cells: Pos[] }>();
    for (const e of entries) {
      const pos = posOf(e.address);
      if (!pos) continue;
      const key = `${e.sheet}\u0000${fillKey(e.fill)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { sheet: e.sheet, fill: e.fill, cells: [] }));
      g.cells.push(pos);
    }
    for (const g of groups.values()) {
      const ws = wsOf(g.sheet);
      for (const chunk of chunkAddresses(compressCells(g.cells).map(rangeAddress))) {
        queueRestore(ws.getRanges(chunk).format.fill, g.fill, this.fillDetails);
      }
    }
  }

  private queueHighlights(wsOf: (name: string) => Excel.Worksheet, targets: Target[]): void {
    const groups = new Map<string, { sheet: string; color: string; cells: Pos[] }>();
    for (const t of targets) {
      const key = `${t.sheet}\u0000${t.color}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { sheet: t.sheet, color: t.color, cells: [] }));
      g.cells.push({ row: t.row, col: t.col });
    }
    for (const g of groups.values()) {
      const ws = wsOf(g.sheet);
      for (const chunk of chunkAddresses(compressCells(g.cells).map(rangeAddress))) {
        const fill = ws.getRanges(chunk).format.fill;
        fill.color = g.color;
        if (this.fillDetails) fill.pattern = "Solid";
      }
    }
  }

  clearMarks(): Promise<void> {
    this.snapshot = null;
    return guarded("清除标记", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        await context.sync();
        const items = worksheets.items;
        const sheets = items.map((ws) => ({ name: ws.name, id: ws.id }));
        if (!sheets.some((s) => s.name === RECORD_SHEET)) return;

        const wsOf = sheetGetter(worksheets);
        const used = wsOf(RECORD_SHEET).getUsedRangeOrNullObject(true);
        used.load("values");
        // Protection of every other sheet: which ones the record touches is known only after this sync.
        const protections = sheets
          .filter((s) => s.name !== RECORD_SHEET)
          .map((s) => {
            const p = wsOf(s.name).protection;
            p.load("protected,options");
            return { name: s.name, p };
          });
        await context.sync();

        let entries: RecordEntry[] = [];
        if (!used.isNullObject) {
          const values = used.values;
          entries = resolveEntries(decodeRecord(values), sheets);
        }
        const touched = new Set(entries.map((e) => e.sheet));
        for (const { name, p } of protections) {
          if (touched.has(name) && p.protected && !p.options.allowFormatCells) {
            throw sheetProtectedError(name, "清除标记");
          }
        }
        this.queueRestores(wsOf, entries);
        // Deleted last: if a restore fails, the record stays and 清除标记 can be retried.
        deleteRecordSheet(wsOf(RECORD_SHEET));
        await context.sync();
      }),
    );
  }

  markedCount(): Promise<number> {
    return guarded("读取标记", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const items = worksheets.items;
        const rs = items.find((ws) => ws.name === RECORD_SHEET);
        if (!rs) return 0;
        const used = rs.getUsedRangeOrNullObject(true);
        used.load("values");
        await context.sync();
        if (used.isNullObject) return 0;
        const values = used.values;
        return countMarks(decodeRecord(values));
      }),
    );
  }

  // ───────────────────────────── navigation and writing ─────────────────────────────

  selectCell(ref: CellRef): Promise<void> {
    return guarded("定位单元格", () =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        ws.getRange(a1(ref.row, ref.col)).select();
        await context.sync();
      }),
    );
  }

  writeCells(writes: CellWrite[]): Promise<void> {
    if (writes.length === 0) return Promise.resolve();
    return guarded("写入单元格", () =>
      this.run(async (context) => {
        const wsOf = sheetGetter(context.workbook.worksheets);
        const sheetNames = [...new Set(writes.map((w) => w.ref.sheet))];
        const protections = sheetNames.map((name) => {
          const p = wsOf(name).protection;
          p.load("protected");
          return { name, p };
        });
        // Unlocked cells of a protected sheet stay writable (forms often protect everything but the
        // input cells), so the lock state of each target decides.
        const ranges = writes.map((w) => {
          const r = wsOf(w.ref.sheet).getRange(a1(w.ref.row, w.ref.col));
          r.load("format/protection/locked");
          return r;
        });
        await context.sync();

        const protectedSheets = new Set(protections.filter(({ p }) => p.protected).map(({ name }) => name));
        writes.forEach((w, i) => {
          if (protectedSheets.has(w.ref.sheet) && ranges[i].format.protection.locked !== false) {
            throw sheetProtectedError(w.ref.sheet, "写入");
          }
        });
        writes.forEach((w, i) => {
          ranges[i].values = [[w.value]];
        });
        await context.sync();
      }),
    );
  }

  addReportSheet(rows: (string | number)[][], baseName: string = REPORT_SHEET): Promise<string> {
    return guarded("生成校验报告", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const items = worksheets.items;
        const taken = new Set(items.map((ws) => ws.name.toLowerCase()));
        let name = baseName;
        for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${baseName}${n}`;

        const ws = worksheets.add(name);
        const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
        if (rows.length > 0 && width > 0) {
          const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          const range = ws.getRange(
            `A1:${rangeAddress({ top: rows.length - 1, left: width - 1, bottom: rows.length - 1, right: width - 1 })}`,
          );
          // Text cells are text-formatted first, so "1/2" or "=…" in a message stays text.
          range.numberFormat = grid.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
          range.values = grid;
          range.format.autofitColumns();
        }
        ws.activate();
        await context.sync();
        return name;
      }),
    );
  }

  // ───────────────────────────── settings ─────────────────────────────

  private settings(): SettingsStore {
    const s = this.settingsOption ?? officeGlobal()?.context?.document?.settings;
    if (!s)
      throw new HostError("NoSettings", "无法访问文档设置（Office.context.document.settings 不可用）。");
    return s;
  }

  async loadSetting(key: string): Promise<string | null> {
    const v = this.settings().get(key);
    if (v === null || v === undefined) return null;
    return typeof v === "string" ? v : JSON.stringify(v);
  }

  saveSetting(key: string, value: string): Promise<void> {
    const settings = this.settings();
    settings.set(key, value);
    return new Promise<void>((resolve, reject) => {
      settings.saveAsync((result) => {
        if (result.status === "failed") {
          const code = result.error?.code;
          const detail = result.error?.message ? `（Office：${result.error.message}）` : "";
          reject(new HostError(code === undefined ? "SaveFailed" : String(code), `保存设置失败${detail}`));
        } else resolve();
      });
    });
  }
}

// ───────────────────────────── helpers ─────────────────────────────

/** One Worksheet proxy per name within a batch (hoisted out of loops, as the performance guide says). */
function sheetGetter(worksheets: Excel.WorksheetCollection): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) cache.set(name, (ws = worksheets.getItem(name)));
    return ws;
  };
}

function deleteRecordSheet(ws: Excel.Worksheet): void {
  ws.visibility = "Hidden"; // a very hidden sheet is made merely hidden before it goes
  ws.delete();
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/** A target's original fill from readWorkbook's snapshot, or undefined when the snapshot does not cover it. */
function snapshotFill(snap: Snapshot, t: Target): FillRecord | undefined {
  const area = snap.fills.get(t.sheet);
  const f = area?.cells[t.row - area.top]?.[t.col - area.left]?.format?.fill;
  if (!f) return undefined;
  return fillFromLoaded(
    {
      color: f.color ?? null,
      pattern: f.pattern ?? null,
      patternColor: f.patternColor ?? null,
      tintAndShade: f.tintAndShade ?? null,
    },
    true,
  );
}

function posOf(address: string): Pos | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * Map record entries to today's sheet names: by worksheet id first (follows renames), then by name
 * (ids may change when the file is reopened). Entries of deleted sheets are dropped: nothing to restore.
 */
function resolveEntries(entries: RecordEntry[], sheets: SheetInfo[]): RecordEntry[] {
  const byId = new Map(sheets.filter((s) => s.id !== "").map((s) => [s.id, s.name]));
  const names = new Set(sheets.map((s) => s.name));
  const out: RecordEntry[] = [];
  for (const e of entries) {
    const name =
      (e.sheetId !== "" ? byId.get(e.sheetId) : undefined) ?? (names.has(e.sheet) ? e.sheet : undefined);
    if (name === undefined || name === RECORD_SHEET) continue;
    out.push(name === e.sheet ? e : { ...e, sheet: name });
  }
  return out;
}

/** Marks → the cells to paint: one per cell, worst severity wins, merged areas painted whole. */
function expandMarks(marks: MarkSpec[], merges: Map<string, CellRange[]>): Target[] {
  const byMark = new Map<string, { sheet: string; area: CellRange; severity: Severity }>();
  for (const m of marks) {
    if (m.ref.sheet === RECORD_SHEET) continue;
    const area = merges.get(m.ref.sheet)?.find((r) => containsCell(r, m.ref.row, m.ref.col)) ?? {
      top: m.ref.row,
      left: m.ref.col,
      bottom: m.ref.row,
      right: m.ref.col,
    };
    const key = cellKey(m.ref.sheet, a1(area.top, area.left));
    const prev = byMark.get(key);
    if (!prev || moreSevere(m.severity, prev.severity)) {
      byMark.set(key, { sheet: m.ref.sheet, area, severity: m.severity });
    }
  }
  const out: Target[] = [];
  for (const { sheet, area, severity } of byMark.values()) {
    const mark = a1(area.top, area.left);
    for (const c of cellsOf(area)) {
      out.push({
        sheet,
        row: c.row,
        col: c.col,
        address: a1(c.row, c.col),
        mark,
        color: MARK_COLORS[severity],
      });
    }
  }
  return out;
}

/** Excel valueTypes + value → the core's CellValue. */
export function toCellValue(type: string, v: unknown): CellValue {
  switch (type) {
    case "Empty":
      return EMPTY;
    case "Double":
    case "Integer":
      if (typeof v === "number") return { kind: "number", value: v };
      break;
    case "String":
      return v === "" || v === null || v === undefined ? EMPTY : { kind: "text", value: String(v) };
    case "Boolean":
      return { kind: "boolean", value: v === true };
    case "Error":
      return { kind: "error", value: String(v) };
  }
  // "Unknown", "RichValue" or a type/value mismatch: go by the JavaScript type.
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (v === "" || v === null || v === undefined) return EMPTY;
  return { kind: "text", value: String(v) };
}

function formulaOf(f: unknown): string | undefined {
  return typeof f === "string" && f.startsWith("=") && f.length > 1 ? f.slice(1) : undefined;
}

interface UsedRangeData {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** Copy a loaded used range into the sheet at absolute 0-based coordinates. */
function fillCells(sheet: Sheet, used: UsedRangeData): void {
  const values = used.values;
  if (values === null || values === undefined) {
    // Excel returns null instead of throwing past 5,000,000 cells (office-js-docs-pr #5821).
    throw new HostError("RangeTooLarge", `工作表「${sheet.name}」的已用区域过大，无法一次读取。`);
  }
  const types = used.valueTypes;
  const formulas = used.formulas;
  const formats = used.numberFormat;
  const top = used.rowIndex;
  const left = used.columnIndex;
  for (let i = 0; i < values.length; i++) {
    const rowValues = values[i];
    for (let j = 0; j < rowValues.length; j++) {
      const value = toCellValue(types[i][j], rowValues[j]);
      const formula = formulaOf(formulas[i][j]);
      const nf = formats[i][j];
      const numberFormat = typeof nf === "string" && nf !== "General" ? nf : undefined;
      if (value.kind === "empty" && formula === undefined && numberFormat === undefined) continue;
      const cell: Cell = { value };
      if (formula !== undefined) cell.formula = formula;
      if (numberFormat !== undefined) cell.numberFormat = numberFormat;
      (sheet.cells[top + i] ??= [])[left + j] = cell;
    }
  }
}
