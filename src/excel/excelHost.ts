/* global Excel, globalThis */
/**
 * WorkbookHost on the Excel JavaScript API (runs inside Excel, task pane / shared runtime).
 *
 * Round trips (context.sync calls) per method — the numbers the tests assert:
 * - readWorkbook: 2 (sheet list and structure protection; then every sheet's used-range address and its
 *   content within a window from A1 sized so that all windows together stay within readPlan.ts's
 *   CELL_BUDGET: values, types, formulas, formats, merged areas, fills (getCellProperties, ExcelApi
 *   1.9), protection, and the restore record). +1 per CELL_BUDGET cells of sheets that reach beyond their
 *   window but are small enough to read in full; larger sheets keep their window only (Sheet.truncated),
 *   so no response passes Excel on the web's 5 MB limit.
 *   Only if the second read fails (more than 512 merged areas in a window): +1 for a read without
 *   merges and fills, then +1 per sheet for the merges.
 * - applyMarks right after readWorkbook: 1 (restores, the restore record and marks in one batch): the
 *   original fills come from readWorkbook's snapshot. So validating = 2 + 1 = 3.
 *   +1 (fills of the cells the snapshot does not cover, read with the protection) when a target lies
 *   outside the window read, without ExcelApi 1.9, or after the fallback read above. Without a fresh
 *   snapshot: 3 (sheet list and merges; record, fills and protection; write).
 * - clearMarks: 4 with marks (sheet list; record + protection; the recorded cells' current colour, so
 *   that a cell no longer in our colour — recoloured, or another cell sorted into its place — is left
 *   alone; restore + delete the record sheet), 1 without. markedCount: 2 with marks, 1 without.
 * - selectCell 2 (visibility: a hidden sheet cannot be activated; then activate and select),
 *   inspectCells 1, writeCells 2 (protection check, then write), writeFormulas 2 (same),
 *   addReportSheet 2.
 *
 * Requirement sets: features.ts lists every call's set; the add-in needs ExcelApi 1.4 and tests newer
 * sets at run time. Workbook structure protection (ExcelApi 1.7) is read first wherever a sheet would be
 * added or deleted: the restore record then goes to the document settings, an emptied record sheet
 * stays, and the report sheet is refused with the reason.
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
import { a1, type CellRange, type CellRef, type Workbook } from "../core/grid";
import {
  HostError,
  REPORT_SHEET,
  type CellSnapshot,
  type CellWrite,
  type FormulaWrite,
  type MarkSpec,
  type WorkbookHost,
} from "../host/host";
import { chunkAddresses, compressCells, parseAreasAddress, rangeAddress, type Pos } from "./addresses";
import { guarded } from "./errors";
import { fillFromLoaded, fillKey, MARK_COLORS, queueRestore, type FillRecord } from "./fills";
import {
  cellKey,
  expandMarks,
  formulaOf,
  posOf,
  removeRecordSheet,
  resolveEntries,
  sheetGetter,
  toCellValue,
  type SheetInfo,
  type Target,
} from "./hostHelpers";
import {
  countMarks,
  decodeRecord,
  encodeRecord,
  encodeRecordFormulas,
  RECORD_SETTING,
  RECORD_SHEET,
  type RecordEntry,
} from "./record";
import { detectFeatures, type ExcelFeatures } from "./features";
import { queueStructureRead, readAll, type SheetProtection, type Snapshot } from "./reader";
import { queueReportLayout, queueReportPrint } from "./reportLayout";
import { sheetProtectedError, writableRanges } from "./writeTargets";

/** Excel.run as we use it (tests pass a double). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office.Settings we use (Office.context.document.settings). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
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
   * API features (features.ts); each one not given is detected with
   * Office.context.requirements.isSetSupported("ExcelApi", …).
   */
  features?: Partial<ExcelFeatures>;
  /** Clock for the snapshot age check (tests). */
  now?: () => number;
}

const SNAPSHOT_MAX_AGE_MS = 60_000;
/** The colours we paint, upper-case (Excel reports fill colours as #RRGGBB). */
const MARK_COLOR_SET = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));
export { toCellValue } from "./hostHelpers";

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

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly run: ExcelRun;
  private readonly settingsOption?: SettingsStore;
  private readonly features: ExcelFeatures;
  private readonly fillDetails: boolean;
  private readonly now: () => number;
  private snapshot: Snapshot | null = null;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.settingsOption = options.settings;
    this.features = { ...detectFeatures(supported), ...options.features };
    this.fillDetails = this.features.fillDetails;
    this.now = options.now ?? (() => Date.now());
  }

  // ───────────────────────────── reading ─────────────────────────────

  readWorkbook(): Promise<Workbook> {
    return guarded("读取工作簿", () =>
      this.run(async (context) => {
        const { workbook, snapshot } = await readAll(context, this.features, this.now);
        this.snapshot = snapshot;
        return workbook;
      }),
    );
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
      let structureProtected: boolean | null;
      if (snap) {
        sheets = snap.sheets;
        merges = snap.merges;
        recordExists = snap.recordExists;
        structureProtected = snap.structureProtected;
      } else {
        worksheets.load("items/name,items/id");
        const structure = queueStructureRead(context, this.features);
        const mergedReads = this.features.mergedAreas
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
        structureProtected = structure ? structure.protected : null;
        merges = new Map();
        for (const { name, m } of mergedReads)
          merges.set(name, m.isNullObject ? [] : parseAreasAddress(m.address));
      }

      const targets = expandMarks(marks, merges);
      // Marks kept in the document settings (structure protected when they were made): restored like the
      // sheet's, and the record moves back to the sheet when one can be added again.
      const settingsEntries = this.settingsRecord();
      if (targets.length === 0 && !recordExists && settingsEntries.length === 0) return; // nothing to do
      const known = snap
        ? new Set(
            resolveEntries([...snap.record, ...settingsEntries], sheets).map((e) =>
              cellKey(e.sheet, e.address),
            ),
          )
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
        if (recordRange) recordRange.load("values,formulas");
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
          oldEntries = decodeRecord(recordRange.values, recordRange.formulas);
        }
      } else protection = snapProtection;

      for (const name of markSheets) {
        const p = protection.get(name);
        if (p && p.protected && !p.allowFormatCells) throw sheetProtectedError(name, "标记单元格");
      }
      const resolved = resolveEntries([...oldEntries, ...settingsEntries], sheets);
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
      // Where the record goes: the record sheet, unless it would have to be added to a workbook whose
      // structure is protected (adding, hiding and deleting sheets fail there): then the settings.
      const inSettings = !recordExists && structureProtected === true;
      if (inSettings && newEntries.length > 0) {
        // Saved before anything is painted, so no highlight is ever left without its record.
        await this.saveSettingsRecord(newEntries);
      }
      this.queueRestores(wsOf, stale);
      if (newEntries.length > 0 && !inSettings) {
        const rs = recordExists ? wsOf(RECORD_SHEET) : worksheets.add(RECORD_SHEET);
        if (!recordExists) rs.visibility = "VeryHidden";
        else rs.getRange().clear("Contents");
        const rows = encodeRecord(newEntries);
        const target = rs.getRange(`A1:A${rows.length}`);
        target.numberFormat = rows.map(() => ["@"]);
        target.values = rows;
        rs.getRange(`B1:B${rows.length}`).formulas = encodeRecordFormulas(newEntries);
      } else if (recordExists) removeRecordSheet(wsOf(RECORD_SHEET), structureProtected);
      this.queueHighlights(wsOf, targets);
      await context.sync();
      // The settings copy is dropped only once the sheet holds the record, or nothing is marked.
      if (settingsEntries.length > 0 && (!inSettings || newEntries.length === 0)) {
        await this.saveSettingsRecord([]);
      }
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
      for (const fill of this.fillsOf(wsOf(g.sheet), g.cells)) queueRestore(fill, g.fill, this.fillDetails);
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
      for (const fill of this.fillsOf(wsOf(g.sheet), g.cells)) {
        fill.color = g.color;
        if (this.fillDetails) fill.pattern = "Solid";
      }
    }
  }

  /**
   * The fill objects covering these cells: one RangeAreas per address chunk (ExcelApi 1.9), or without
   * it one Range per compressed area — more commands, the same single sync.
   */
  private fillsOf(ws: Excel.Worksheet, cells: Pos[]): Excel.RangeFill[] {
    const areas = compressCells(cells).map(rangeAddress);
    if (!this.features.rangeAreas) return areas.map((a) => ws.getRange(a).format.fill);
    return chunkAddresses(areas).map((chunk) => ws.getRanges(chunk).format.fill);
  }

  /** The record kept in the document settings (structure-protected workbooks), [] when none. */
  private settingsRecord(): RecordEntry[] {
    const store = this.settingsOption ?? officeGlobal()?.context?.document?.settings;
    const raw = store?.get(RECORD_SETTING);
    if (typeof raw !== "string") return [];
    try {
      const rows = JSON.parse(raw) as unknown;
      return Array.isArray(rows) ? decodeRecord(rows.map((r) => [r])) : [];
    } catch {
      return [];
    }
  }

  /** Writes (or, for [], removes) the settings record and saves the settings with the document. */
  private async saveSettingsRecord(entries: RecordEntry[]): Promise<void> {
    const settings = this.settings();
    if (entries.length === 0) settings.remove(RECORD_SETTING);
    else settings.set(RECORD_SETTING, JSON.stringify(encodeRecord(entries).map((r) => r[0])));
    await saveSettings(settings);
  }

  clearMarks(): Promise<void> {
    this.snapshot = null;
    return guarded("清除标记", () =>
      this.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/id");
        const structure = queueStructureRead(context, this.features);
        await context.sync();
        const items = worksheets.items;
        const sheets = items.map((ws) => ({ name: ws.name, id: ws.id }));
        const recordExists = sheets.some((s) => s.name === RECORD_SHEET);
        const settingsEntries = this.settingsRecord();
        if (!recordExists && settingsEntries.length === 0) return;

        const wsOf = sheetGetter(worksheets);
        const used = recordExists ? wsOf(RECORD_SHEET).getUsedRangeOrNullObject(true) : null;
        if (used) used.load("values,formulas");
        // Protection of every other sheet: which ones the record touches is known only after this sync.
        const protections = sheets
          .filter((s) => s.name !== RECORD_SHEET)
          .map((s) => {
            const p = wsOf(s.name).protection;
            p.load("protected,options");
            return { name: s.name, p };
          });
        await context.sync();

        let recorded: RecordEntry[] = [...settingsEntries];
        if (used && !used.isNullObject) recorded = [...decodeRecord(used.values, used.formulas), ...recorded];
        const entries = resolveEntries(recorded, sheets);
        const touched = new Set(entries.map((e) => e.sheet));
        for (const { name, p } of protections) {
          if (touched.has(name) && p.protected && !p.options.allowFormatCells) {
            throw sheetProtectedError(name, "清除标记");
          }
        }
        // Only cells still wearing one of our colours are restored. A cell whose fill changed since
        // (the user recoloured it, or sorting moved another row's cell there: sorting does not move
        // references) keeps what it has now: restoring would paint someone else's cell.
        const current = entries.map((e) => {
          const fill = wsOf(e.sheet).getRange(e.address).format.fill;
          fill.load("color");
          return fill;
        });
        if (entries.length > 0) await context.sync();
        const stillMarked = entries.filter((_, i) =>
          MARK_COLOR_SET.has(String(current[i].color).toUpperCase()),
        );
        this.queueRestores(wsOf, stillMarked);
        // Removed last: if a restore fails, the record stays and 清除标记 can be retried.
        if (recordExists) removeRecordSheet(wsOf(RECORD_SHEET), structure ? structure.protected : null);
        await context.sync();
        if (settingsEntries.length > 0) await this.saveSettingsRecord([]);
      }),
    );
  }

  markedCount(): Promise<number> {
    return guarded("读取标记", () =>
      this.run(async (context) => {
        const inSettings = this.settingsRecord();
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name");
        await context.sync();
        const items = worksheets.items;
        const rs = items.find((ws) => ws.name === RECORD_SHEET);
        if (!rs) return countMarks(inSettings);
        const used = rs.getUsedRangeOrNullObject(true);
        used.load("values,formulas");
        await context.sync();
        if (used.isNullObject) return countMarks(inSettings);
        return countMarks([...decodeRecord(used.values, used.formulas), ...inSettings]);
      }),
    );
  }

  // ───────────────────────────── navigation and writing ─────────────────────────────

  selectCell(ref: CellRef): Promise<void> {
    return guarded("定位单元格", () =>
      this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        // A hidden sheet cannot be activated (Worksheet.activate fails); it is never unhidden for the
        // user, who is told where the cell is and how to show the sheet.
        ws.load("visibility");
        await context.sync();
        if (ws.visibility !== "Visible") {
          throw new HostError(
            "SheetHidden",
            `问题所在的工作表「${ref.sheet}」是隐藏的，无法跳转到 ${a1(ref.row, ref.col)}。` +
              "请右键单击任一工作表标签，选择“取消隐藏”，显示该工作表后再点击此问题" +
              (ws.visibility === "VeryHidden" ? "（该表为“深度隐藏”，需在 VBA 编辑器中取消）。" : "。"),
          );
        }
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
        const refs = writes.map((w) => w.ref);
        const ranges = await writableRanges(context, refs, "写入");
        writes.forEach((w, i) => {
          // Undo puts a formula back: Range.values (ExcelApi 1.1) enters "=…" as a formula; "" empties the cell.
          ranges[i].values = [[w.formula !== undefined ? `=${w.formula}` : w.value]];
        });
        await context.sync();
      }),
    );
  }

  /**
   * 转换为普通公式 and its undo: Range.formulas (English function names, ExcelApi 1.1) or
   * Range.values (1.1); the protection check as in writeCells (protection.protected and
   * format.protection.locked, ExcelApi 1.2). Two syncs: check, then write.
   */
  writeFormulas(writes: FormulaWrite[]): Promise<void> {
    if (writes.length === 0) return Promise.resolve();
    return guarded("转换公式", () =>
      this.run(async (context) => {
        const refs = writes.map((w) => w.ref);
        const ranges = await writableRanges(context, refs, "转换公式");
        writes.forEach((w, i) => {
          if ("formula" in w) ranges[i].formulas = [[`=${w.formula}`]];
          else ranges[i].values = [[w.value]];
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
        const structure = queueStructureRead(context, this.features);
        await context.sync();
        if (structure?.protected) {
          throw new HostError(
            "WorkbookProtected",
            `工作簿结构受保护，无法新建「${baseName}」工作表。请在“审阅 → 保护工作簿”中撤销保护后重试，` +
              "或使用导出的 CSV 报告。",
          );
        }
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
        }
        // Widths, wrapping, row heights, header (the files' layout: reportLayout.ts); print setup and
        // filter (ExcelApi 1.9) in a sync of their own, so a build refusing one keeps the sheet.
        const layout = queueReportLayout(ws, rows, this.features);
        ws.activate();
        await context.sync();
        if (this.features.pageLayout && rows.length > 0) {
          queueReportPrint(ws, layout);
          await context.sync().catch(() => undefined);
        }
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
    return saveSettings(settings);
  }
}

function saveSettings(settings: SettingsStore): Promise<void> {
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
