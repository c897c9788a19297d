/* global Excel, OfficeExtension */
/**
 * readWorkbook of the Excel adapter: the workbook for the core, and the snapshot applyMarks reuses.
 * Size-aware (readPlan.ts): sync 1 the sheet list (and structure protection, ExcelApi 1.7); sync 2 every
 * sheet's used-range address and its content within a window from A1 — values, types, formulas, formats,
 * merged areas (ExcelApi 1.13), fills (getCellProperties, ExcelApi 1.9), protection — and the restore
 * record; then, only for sheets beyond their window yet small enough, one sync per CELL_BUDGET cells.
 * Also inspectCells: given cells' values, types and formulas in 1 sync.
 */
import { a1, type CellRange, type CellRef, type Sheet, type Workbook } from "../core/grid";
import type { CellSnapshot } from "../host/host";
import { parseAreasAddress, rangeAddress } from "./addresses";
import { guarded } from "./errors";
import type { ExcelFeatures } from "./features";
import { fillCells, formulaOf, toCellValue, usedRect, type SheetInfo } from "./hostHelpers";
import { CELL_BUDGET, planFullReads, windowFor, type UsedArea } from "./readPlan";
import { decodeRecord, RECORD_SHEET, type RecordEntry } from "./record";
import type { ExcelEnv } from "./runtime";

/** What readWorkbook learned that applyMarks can reuse within SNAPSHOT_MAX_AGE_MS. */
export interface Snapshot {
  takenAt: number;
  sheets: SheetInfo[];
  merges: Map<string, CellRange[]>;
  recordExists: boolean;
  record: RecordEntry[];
  /** Fills of each sheet's (values-only) used range; absent for a sheet = read them when marking. */
  fills: Map<string, FillArea>;
  protection: Map<string, SheetProtection>;
  /** Workbook structure protection; null where ExcelApi 1.7 is missing (unknown). */
  structureProtected: boolean | null;
}

/** What queueContent loads for one sheet. */
interface Content {
  area: Excel.Range;
  merged: Excel.RangeAreas | null;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

/** The fills of one rectangle, as getCellProperties returned them (row-major, from top/left). */
export interface FillArea {
  top: number;
  left: number;
  cells: Excel.CellProperties[][];
}

export interface SheetProtection {
  protected: boolean;
  allowFormatCells: boolean;
}

/** What applyMarks needs to know of a cell's original fill (fills.ts). */
const FILL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } },
};
/** readWorkbook: the workbook, and the snapshot that applyMarks may reuse (markApply.ts). */
export function readWorkbook(env: ExcelEnv): Promise<{ workbook: Workbook; snapshot: Snapshot }> {
  return guarded("读取工作簿", () => env.run((context) => readAll(context, env.features, env.now)));
}

/** inspectCells: the current value and formula of each cell, in 1 sync. */
export function inspectCells(env: ExcelEnv, refs: CellRef[]): Promise<CellSnapshot[]> {
  return guarded("读取单元格", () =>
    env.run(async (context) => {
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

/** Reads the workbook (2 syncs usually; see the header) and what applyMarks may reuse. */
async function readAll(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  now: () => number,
): Promise<{ workbook: Workbook; snapshot: Snapshot }> {
  // Sync 1: the sheet list (and whether the structure is protected).
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  const structure = queueStructureRead(context, features);
  await context.sync();

  const items = worksheets.items;
  const structureProtected = structure ? structure.protected : null;
  const sheetCount = items.filter((ws) => ws.name !== RECORD_SHEET).length;
  let window = windowFor(sheetCount);
  let fullReadBudget = CELL_BUDGET;
  let windowAddress = rangeAddress(window);
  // Sync 2: every sheet's used-range address, and its content within the window (readPlan.ts).
  // `extras` = merged areas and fills: what may make the combined read fail (see the catch).
  const queueReads = (extras: boolean) =>
    items.map((ws) => {
      if (ws.name === RECORD_SHEET) {
        const record = ws.getUsedRangeOrNullObject(true);
        record.load("values,formulas");
        return { ws, record, size: null, content: null, protection: null };
      }
      const size = ws.getUsedRangeOrNullObject(true);
      size.load("rowIndex,columnIndex,rowCount,columnCount");
      // A1 … the used range's bottom-right corner, cut to the window: never null (getUsedRange gives
      // A1 on a blank sheet, per the API reference) and never larger than the window.
      const area = ws.getUsedRange(true).getBoundingRect("A1").getIntersection(windowAddress);
      const content = queueContent(features, ws, area, extras, windowAddress);
      const protection = ws.protection;
      protection.load("protected,options");
      return { ws, record: null, size, content, protection };
    });
  let reads = queueReads(true);
  const fallbackMerges = new Map<string, CellRange[]>();
  try {
    await context.sync();
  } catch (err) {
    // getMergedAreasOrNullObject fails on a range with more than 512 merged areas (API reference),
    // which would make one busy sheet block the whole workbook; the fills add to the response.
    // Read again without both; if that fails too, the error was about neither and is thrown.
    // applyMarks then reads the fills of its targets itself.
    // A response over the size limit (cells of long text): a window a quarter the size as well.
    const tooLarge = (err as { code?: unknown }).code === "ResponsePayloadSizeLimitExceeded";
    if (!features.mergedAreas && !features.fillDetails && !tooLarge) throw err;
    if (tooLarge) {
      window = windowFor(sheetCount, 0.25);
      windowAddress = rangeAddress(window);
      fullReadBudget = 0; // these cells are too large to read more of: keep the windows only
    }
    reads = queueReads(false);
    await context.sync();
    if (features.mergedAreas) await mergesSheetBySheet(context, items, fallbackMerges);
  }

  const sheets: Sheet[] = [];
  const infos: SheetInfo[] = [];
  const merges = new Map<string, CellRange[]>();
  const fillAreas = new Map<string, FillArea>();
  const protection = new Map<string, SheetProtection>();
  const areas: UsedArea[] = [];
  let record: RecordEntry[] = [];
  let recordExists = false;
  for (const { ws, record: rec, size, content, protection: p } of reads) {
    infos.push({ name: ws.name, id: ws.id });
    if (rec) {
      recordExists = true;
      if (!rec.isNullObject) record = decodeRecord(rec.values, rec.formulas);
      continue;
    }
    const sheet: Sheet = { name: ws.name, cells: [], merges: [] };
    if (ws.visibility !== "Visible") sheet.hidden = true;
    const sheetMerges = content!.merged
      ? content!.merged.isNullObject
        ? []
        : parseAreasAddress(content!.merged.address)
      : (fallbackMerges.get(ws.name) ?? []);
    sheet.merges = sheetMerges;
    merges.set(ws.name, sheetMerges);
    takeContent(sheet, content!, fillAreas);
    if (p)
      protection.set(ws.name, {
        protected: p.protected,
        allowFormatCells: p.options.allowFormatCells === true,
      });
    areas.push({ name: ws.name, used: size!.isNullObject ? null : usedRect(size!) });
    sheets.push(sheet);
  }

  // Syncs 3…: sheets the window did not cover, in full when they are not too large.
  const plan = planFullReads(areas, window, fullReadBudget);
  const byName = new Map(sheets.map((sh) => [sh.name, sh]));
  for (const group of plan.fullReads) {
    const full = group.map((name) => {
      const ws = items.find((w) => w.name === name)!;
      return { name, content: queueContent(features, ws, ws.getUsedRange(true), true, null) };
    });
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per CELL_BUDGET cells, see readPlan.ts
    await context.sync();
    for (const { name, content } of full) {
      const sheet = byName.get(name)!;
      sheet.cells = [];
      if (content.merged) {
        sheet.merges = content.merged.isNullObject ? [] : parseAreasAddress(content.merged.address);
        merges.set(name, sheet.merges);
      }
      takeContent(sheet, content, fillAreas);
    }
  }
  for (const name of plan.truncated) {
    const used = areas.find((a) => a.name === name)!.used!;
    byName.get(name)!.truncated = { rowsRead: window.bottom + 1, rows: used.bottom + 1 };
  }

  const snapshot: Snapshot = {
    takenAt: now(),
    sheets: infos,
    merges,
    recordExists,
    record,
    fills: fillAreas,
    protection,
    structureProtected,
  };
  return { workbook: { sheets }, snapshot };
}

/** Workbook.protection (ExcelApi 1.7) queued for loading, or null where the build lacks it. */
export function queueStructureRead(
  context: Excel.RequestContext,
  features: ExcelFeatures,
): Excel.WorkbookProtection | null {
  if (!features.workbookProtection) return null;
  const p = context.workbook.protection;
  p.load("protected");
  return p;
}

/**
 * Queues the reads of one sheet's content in `area`: values, types, formulas, formats; with `extras`,
 * its fills (ExcelApi 1.9) and the merged areas of `mergeAddress` (null: of the area itself).
 */
function queueContent(
  features: ExcelFeatures,
  ws: Excel.Worksheet,
  area: Excel.Range,
  extras: boolean,
  mergeAddress: string | null,
): Content {
  area.load("rowIndex,columnIndex,values,valueTypes,formulas,numberFormat");
  let merged: Excel.RangeAreas | null = null;
  if (extras && features.mergedAreas) {
    // Never chained on a null proxy: getRange(address) and getUsedRange are never null.
    merged = (mergeAddress === null ? area : ws.getRange(mergeAddress)).getMergedAreasOrNullObject();
    merged.load("address");
  }
  const fills = extras && features.fillDetails ? area.getCellProperties(FILL_PROPERTIES) : null;
  return { area, merged, fills };
}

/** Copies what queueContent loaded into the sheet (and the fills into the snapshot's map). */
function takeContent(sheet: Sheet, content: Content, fillAreas: Map<string, FillArea>): void {
  const area = content.area;
  fillCells(sheet, area);
  if (content.fills) {
    fillAreas.set(sheet.name, { top: area.rowIndex, left: area.columnIndex, cells: content.fills.value });
  }
}

/**
 * Fallback after a failed combined read: merged areas one sheet per round trip, so that a sheet over
 * the 512-merge limit only loses its own merges (the core then inherits 一级/二级 names from the row
 * above instead). Only ever runs after a failure, hence the sync in a loop.
 */
async function mergesSheetBySheet(
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
