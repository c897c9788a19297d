/**
 * WorkbookHost on the Excel JavaScript API (runs inside Excel, task pane / shared runtime). This file
 * only composes the adapter's parts; each operation lives with its own kind of work:
 * - reading: readWorkbook, inspectCells — reader.ts (sizes planned in readPlan.ts);
 * - marks and the restore record: applyMarks — markApply.ts; clearMarks, markedCount — markClear.ts;
 *   what both share (painting, the record in the document settings) — markStore.ts; the record's
 *   format — record.ts;
 * - writes and their undo: writeCells, writeFormulas — writes.ts (protection check: writeTargets.ts);
 * - navigation: selectCell — navigate.ts; the 校验报告 sheet: addReportSheet — reportSheet.ts;
 * - Excel.run, the settings, the features and the clock: runtime.ts.
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
 * Nothing here touches Office at import: `run` and `settings` are injected (defaults resolved lazily).
 */
import type { CellRef, Workbook } from "../core/grid";
import type { CellSnapshot, CellWrite, FormulaWrite, MarkSpec, WorkbookHost } from "../host/host";
import { applyMarks, freshSnapshot } from "./markApply";
import { clearMarks, markedCount } from "./markClear";
import { selectCell } from "./navigate";
import { inspectCells, readWorkbook, type Snapshot } from "./reader";
import { addReportSheet } from "./reportSheet";
import { createEnv, saveSettings, type ExcelEnv, type ExcelHostOptions } from "./runtime";
import { writeCells, writeFormulas } from "./writes";

export type { ExcelHostOptions, ExcelRun, SettingsStore } from "./runtime";
export { toCellValue } from "./hostHelpers";

export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  return new ExcelHost(options);
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private readonly env: ExcelEnv;
  /** readWorkbook's snapshot, used once by the next applyMarks (markApply.ts). */
  private snapshot: Snapshot | null = null;

  constructor(options: ExcelHostOptions = {}) {
    this.env = createEnv(options);
  }

  async readWorkbook(): Promise<Workbook> {
    const { workbook, snapshot } = await readWorkbook(this.env);
    this.snapshot = snapshot;
    return workbook;
  }

  inspectCells(refs: CellRef[]): Promise<CellSnapshot[]> {
    return inspectCells(this.env, refs);
  }

  applyMarks(marks: MarkSpec[]): Promise<void> {
    const snap = freshSnapshot(this.env, this.snapshot);
    this.snapshot = null; // used once: later calls read the workbook again
    return applyMarks(this.env, marks, snap);
  }

  clearMarks(): Promise<void> {
    this.snapshot = null;
    return clearMarks(this.env);
  }

  markedCount(): Promise<number> {
    return markedCount(this.env);
  }

  selectCell(ref: CellRef): Promise<void> {
    return selectCell(this.env, ref);
  }

  writeCells(writes: CellWrite[]): Promise<void> {
    return writeCells(this.env, writes);
  }

  writeFormulas(writes: FormulaWrite[]): Promise<void> {
    return writeFormulas(this.env, writes);
  }

  addReportSheet(rows: (string | number)[][], baseName?: string): Promise<string> {
    return addReportSheet(this.env, rows, baseName);
  }

  async loadSetting(key: string): Promise<string | null> {
    const v = this.env.settings().get(key);
    if (v === null || v === undefined) return null;
    return typeof v === "string" ? v : JSON.stringify(v);
  }

  saveSetting(key: string, value: string): Promise<void> {
    const settings = this.env.settings();
    settings.set(key, value);
    return saveSettings(settings);
  }
}
