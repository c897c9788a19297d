/* global Excel */
/**
 * The protection check shared by ExcelHost.writeCells and writeFormulas: one sync that loads each
 * target sheet's protection.protected and each target cell's format.protection.locked (ExcelApi 1.2),
 * then the ranges to write to — or a SheetProtected error naming the first locked target of a
 * protected sheet. Unlocked cells of a protected sheet stay writable (forms often protect everything
 * but the input cells), so the lock state of each target decides.
 */
import { a1, type CellRef } from "../core/grid";
import { HostError } from "../host/host";
import { sheetGetter } from "./hostHelpers";

export function sheetProtectedError(sheet: string, doing: string): HostError {
  return new HostError("SheetProtected", `工作表「${sheet}」受保护，无法${doing}。请先撤销工作表保护。`);
}

/** `doing` names the action in the error ("写入", "转换公式"). */
export async function writableRanges(
  context: Excel.RequestContext,
  refs: CellRef[],
  doing: string,
): Promise<Excel.Range[]> {
  const wsOf = sheetGetter(context.workbook.worksheets);
  const protections = [...new Set(refs.map((r) => r.sheet))].map((name) => {
    const p = wsOf(name).protection;
    p.load("protected");
    return { name, p };
  });
  const ranges = refs.map((ref) => {
    const r = wsOf(ref.sheet).getRange(a1(ref.row, ref.col));
    r.load("format/protection/locked");
    return r;
  });
  await context.sync();
  const protectedSheets = new Set(protections.filter(({ p }) => p.protected).map(({ name }) => name));
  refs.forEach((ref, i) => {
    if (protectedSheets.has(ref.sheet) && ranges[i].format.protection.locked !== false)
      throw sheetProtectedError(ref.sheet, doing);
  });
  return ranges;
}
