/**
 * addReportSheet of the Excel adapter: the 校验报告 written to a new worksheet. Two syncs: the sheet
 * names and the workbook structure protection (ExcelApi 1.7, where supported: a protected structure
 * refuses new sheets, so the report is refused with the reason), then add, write, lay out
 * (reportLayout.ts) and activate; print setup and filter (ExcelApi 1.9) in a third sync where supported.
 */
import { HostError, REPORT_SHEET } from "../host/host";
import { rangeAddress } from "./addresses";
import { guarded } from "./errors";
import { queueStructureRead } from "./reader";
import { queueReportLayout, queueReportPrint } from "./reportLayout";
import type { ExcelEnv } from "./runtime";

export function addReportSheet(
  env: ExcelEnv,
  rows: (string | number)[][],
  baseName: string = REPORT_SHEET,
): Promise<string> {
  return guarded("生成校验报告", () =>
    env.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const structure = queueStructureRead(context, env.features);
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
      const layout = queueReportLayout(ws, rows, env.features);
      ws.activate();
      await context.sync();
      if (env.features.pageLayout && rows.length > 0) {
        queueReportPrint(ws, layout);
        await context.sync().catch(() => undefined);
      }
      return name;
    }),
  );
}
