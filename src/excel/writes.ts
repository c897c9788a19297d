/**
 * Cell writes of the Excel adapter: writeCells (the pane's fixes and their undo) and writeFormulas
 * (转换为普通公式 and its undo). Two syncs each: the protection check (writeTargets.ts), then the write —
 * checked first because a batch is not transactional: a failure in the middle leaves the earlier writes
 * applied.
 */
import type { CellWrite, FormulaWrite } from "../host/host";
import { guarded } from "./errors";
import type { ExcelEnv } from "./runtime";
import { writableRanges } from "./writeTargets";

export function writeCells(env: ExcelEnv, writes: CellWrite[]): Promise<void> {
  if (writes.length === 0) return Promise.resolve();
  return guarded("写入单元格", () =>
    env.run(async (context) => {
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
export function writeFormulas(env: ExcelEnv, writes: FormulaWrite[]): Promise<void> {
  if (writes.length === 0) return Promise.resolve();
  return guarded("转换公式", () =>
    env.run(async (context) => {
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
