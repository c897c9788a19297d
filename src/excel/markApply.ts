/* global Excel */
/**
 * applyMarks of the Excel adapter: paints the cells of the findings and records their original fills,
 * so that clearMarks (markClear.ts) restores them exactly.
 *
 * Round trips: 1 right after readWorkbook (restores, the restore record and marks in one batch): the
 * original fills come from readWorkbook's snapshot (reader.ts). +1 (fills of the cells the snapshot does
 * not cover, read with the protection) when a target lies outside the window read, without ExcelApi 1.9,
 * or after readWorkbook's fallback read. Without a fresh snapshot: 3 (sheet list and merges; record,
 * fills and protection; write).
 *
 * Exactness of the snapshot's fills: cells outside the rectangle read are never assumed to have no fill
 * (a formatted empty cell lies outside a values-only used range, and whole-row/column formatting does
 * not widen the used range); they are read when marking. What the snapshot cannot see is a fill changed
 * between readWorkbook and applyMarks (the pane calls one right after the other; the snapshot is used
 * once and only within SNAPSHOT_MAX_AGE_MS): such a cell gets its fill from the read recorded.
 */
import type { CellRange } from "../core/grid";
import type { MarkSpec } from "../host/host";
import { parseAreasAddress } from "./addresses";
import { guarded } from "./errors";
import { fillFromLoaded, type FillRecord } from "./fills";
import {
  cellKey,
  expandMarks,
  removeRecordSheet,
  resolveEntries,
  sheetGetter,
  type SheetInfo,
  type Target,
} from "./hostHelpers";
import { queueHighlights, queueRestores, saveSettingsRecord, settingsRecord } from "./markStore";
import { queueStructureRead, type SheetProtection, type Snapshot } from "./reader";
import { decodeRecord, encodeRecord, encodeRecordFormulas, RECORD_SHEET, type RecordEntry } from "./record";
import type { ExcelEnv } from "./runtime";
import { sheetProtectedError } from "./writeTargets";

/** How long readWorkbook's snapshot may stand in for a fresh read. */
export const SNAPSHOT_MAX_AGE_MS = 60_000;

/** The snapshot if it is fresh enough to use, else null. */
export function freshSnapshot(env: ExcelEnv, snap: Snapshot | null): Snapshot | null {
  if (!snap || env.now() - snap.takenAt > SNAPSHOT_MAX_AGE_MS) return null;
  return snap;
}

/** Paints the marks; `snap` is readWorkbook's snapshot when fresh (freshSnapshot), else null. */
export async function applyMarks(env: ExcelEnv, marks: MarkSpec[], snap: Snapshot | null): Promise<void> {
  await guarded("标记单元格", async () => {
    try {
      await applyOnce(env, marks, snap);
    } catch (err) {
      // The snapshot is out of date: the record sheet did (not) exist after all (e.g. the user undid our
      // last marks), or a sheet was protected since. What the failed batch applied is harmless (see
      // phase C's order); retry from scratch, which reads everything again.
      const code = (err as { code?: unknown }).code;
      if (snap && (code === "ItemNotFound" || code === "ItemAlreadyExists" || code === "AccessDenied"))
        await applyOnce(env, marks, null);
      else throw err;
    }
  });
}

function applyOnce(env: ExcelEnv, marks: MarkSpec[], snap: Snapshot | null): Promise<void> {
  return env.run(async (context) => {
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
      const structure = queueStructureRead(context, env.features);
      const mergedReads = env.features.mergedAreas
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
    const settingsEntries = settingsRecord(env);
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
      const fillProps = env.features.fillDetails ? "color,pattern,patternColor,tintAndShade" : "color";
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
          env.features.fillDetails
            ? {
                color: f.color,
                pattern: f.pattern,
                patternColor: f.patternColor,
                tintAndShade: f.tintAndShade,
              }
            : { color: f.color },
          env.features.fillDetails,
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
      await saveSettingsRecord(env, newEntries);
    }
    queueRestores(env, wsOf, stale);
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
    queueHighlights(env, wsOf, targets);
    await context.sync();
    // The settings copy is dropped only once the sheet holds the record, or nothing is marked.
    if (settingsEntries.length > 0 && (!inSettings || newEntries.length === 0)) {
      await saveSettingsRecord(env, []);
    }
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
