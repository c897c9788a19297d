/**
 * selectCell of the Excel adapter: the pane's "go to this cell". Two syncs: the sheet's visibility
 * (Worksheet.visibility, ExcelApi 1.1), then Worksheet.activate and Range.select (1.1).
 */
import { a1, type CellRef } from "../core/grid";
import { HostError } from "../host/host";
import { guarded } from "./errors";
import type { ExcelEnv } from "./runtime";

export function selectCell(env: ExcelEnv, ref: CellRef): Promise<void> {
  return guarded("定位单元格", () =>
    env.run(async (context) => {
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
