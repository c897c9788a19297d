/**
 * clearMarks and markedCount of the Excel adapter: the restore record (record.ts) read back, from its
 * very hidden sheet and from the document settings.
 *
 * Round trips: clearMarks 4 with marks (sheet list; record + protection; the recorded cells' current
 * colour, so that a cell no longer in our colour — recoloured, or another cell sorted into its place —
 * is left alone; restore + delete the record sheet), 1 without. markedCount: 2 with marks, 1 without.
 * Where the workbook structure is protected (ExcelApi 1.7, read first) an emptied record sheet stays.
 */
import { guarded } from "./errors";
import { removeRecordSheet, resolveEntries, sheetGetter } from "./hostHelpers";
import { MARK_COLOR_SET, queueRestores, saveSettingsRecord, settingsRecord } from "./markStore";
import { queueStructureRead } from "./reader";
import { countMarks, decodeRecord, RECORD_SHEET, type RecordEntry } from "./record";
import type { ExcelEnv } from "./runtime";
import { sheetProtectedError } from "./writeTargets";

export function clearMarks(env: ExcelEnv): Promise<void> {
  return guarded("清除标记", () =>
    env.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      const structure = queueStructureRead(context, env.features);
      await context.sync();
      const items = worksheets.items;
      const sheets = items.map((ws) => ({ name: ws.name, id: ws.id }));
      const recordExists = sheets.some((s) => s.name === RECORD_SHEET);
      const settingsEntries = settingsRecord(env);
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
      queueRestores(env, wsOf, stillMarked);
      // Removed last: if a restore fails, the record stays and 清除标记 can be retried.
      if (recordExists) removeRecordSheet(wsOf(RECORD_SHEET), structure ? structure.protected : null);
      await context.sync();
      if (settingsEntries.length > 0) await saveSettingsRecord(env, []);
    }),
  );
}

export function markedCount(env: ExcelEnv): Promise<number> {
  return guarded("读取标记", () =>
    env.run(async (context) => {
      const inSettings = settingsRecord(env);
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
