/* global __dirname */
/**
 * Bench section `syncs`: Excel round trips (context.sync calls) per validation. The real adapter
 * (src/excel/excelHost.ts) runs against the strict Excel double of the tests
 * (test/excel/double/excelDouble.ts, which counts syncs the way Excel does), doing what 一键校验 does:
 * readWorkbook → checkWorkbook → applyMarks with the pane's marks (one per cell, worst severity).
 *
 * The target is at most 3 syncs whatever the size: 2 to read (sheet list, then used-range addresses and
 * each sheet's window of values + fills + protection), 1 to mark (none when there is nothing to mark and
 * no earlier marks); and no response above 4 MB (Excel on the web refuses 5 MB): the double runs with
 * that 5 MB limit and reports the largest response of each validation (UTF-8 JSON of what the sync
 * delivered). One case puts a generated 100,000-row data sheet beside the form. The time column is the
 * adapter's own work against the in-memory double (no Excel, no IPC), for orientation only.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../../src/core/check";
import type { Workbook } from "../../src/core/grid";
import { cellMarks } from "../../src/core/marks";
import { buildStandardForm, type FormSpec } from "../../src/core/template";
import { createExcelHost } from "../../src/excel/excelHost";
import type { WorkbookHost } from "../../src/host/host";
import { readXlsx } from "../../src/io/xlsxRead";
import {
  emptySheet,
  ExcelDouble,
  sheetDataFromGrid,
  type CellData,
  type SheetData,
} from "../../test/excel/double/excelDouble";
import { largeSpec } from "../sample-specs";
import { type BenchTable, fmtInt } from "./table";

const ROOT = path.resolve(__dirname, "../..");

interface Case {
  label: string;
  workbook: Workbook;
  /** Sheets added in the double beside the workbook's (built directly: 500,000 cells). */
  extra?: () => SheetData[];
}

const MB = 1024 * 1024;

/** 100,000 rows × 5 columns of expenditure detail: numbers, Chinese text, a formula. */
function dataSheet(rows = 100_000): SheetData {
  const cells: Record<string, CellData> = {};
  for (let r = 0; r < rows; r++) {
    cells[`${r},0`] = { value: r + 1 };
    cells[`${r},1`] = { value: `某某单位项目支出明细第${r + 1}笔` };
    cells[`${r},2`] = { value: 1234.56 + r, numberFormat: "#,##0.00" };
    cells[`${r},3`] = { value: "财政拨款" };
    cells[`${r},4`] = { formula: `=C${r + 1}/10000`, value: (1234.56 + r) / 10000 };
  }
  return emptySheet("支出明细（10万行）", { cells });
}

/** A 1,000-row form where every 10th indicator, fully achieved, was given 0 points (≈ 100 marked cells). */
function brokenLarge(rows: number): FormSpec {
  const spec = largeSpec(rows);
  spec.indicators.forEach((ind, i) => {
    if (i % 10 === 0) ind.score = 0;
  });
  return spec;
}

interface Validation {
  readSyncs: number;
  markSyncs: number;
  marks: number;
  cells: number;
  /** Largest response of one sync of this validation, bytes. */
  maxBytes: number;
  ms: number;
}

/** The workbook in a fresh Excel double (5 MB response limit, as Excel on the web), and the adapter on it. */
function openInDouble(wb: Workbook, extra: SheetData[] = []): { dbl: ExcelDouble; host: WorkbookHost } {
  const dbl = new ExcelDouble(
    { sheets: [...wb.sheets.map((s) => sheetDataFromGrid(s)), ...extra], settings: {} },
    { maxResponseBytes: 5 * MB },
  );
  const host = createExcelHost({
    run: dbl.run,
    settings: dbl.settings,
    features: { fillDetails: true, mergedAreas: true, rangeAreas: true, workbookProtection: true },
  });
  return { dbl, host };
}

/** What 一键校验 does: read, check, mark; syncs counted per step. */
async function validateOnDouble({
  dbl,
  host,
}: {
  dbl: ExcelDouble;
  host: WorkbookHost;
}): Promise<Validation> {
  const t0 = performance.now();
  const s0 = dbl.syncCount;
  const b0 = dbl.responseBytes.length;
  const read = await host.readWorkbook();
  const s1 = dbl.syncCount;
  const marks = cellMarks(checkWorkbook(read)).map((m) => ({
    ref: m.ref,
    severity: m.severity,
    note: m.note,
  }));
  await host.applyMarks(marks);
  const s2 = dbl.syncCount;
  const ms = performance.now() - t0;
  if (dbl.implicitSyncs !== 0)
    throw new Error(`适配器有 ${dbl.implicitSyncs} 次隐式同步（批处理未以 sync 结束）`);
  const cells = read.sheets.reduce(
    (a, s) => a + s.cells.reduce((b, r) => b + (r ? r.filter(Boolean).length : 0), 0),
    0,
  );
  const maxBytes = Math.max(0, ...dbl.responseBytes.slice(b0));
  return { readSyncs: s1 - s0, markSyncs: s2 - s1, marks: marks.length, cells, maxBytes, ms };
}

export async function benchSyncs(): Promise<BenchTable[]> {
  const correct = await readXlsx(await fs.readFile(path.join(ROOT, "samples/正确填报示例.xlsx")));
  const broken = await readXlsx(await fs.readFile(path.join(ROOT, "samples/错误示例-武冈2022.xlsx")));
  const cases: Case[] = [
    { label: "正确填报示例.xlsx", workbook: correct },
    { label: "错误示例-武冈2022.xlsx", workbook: broken },
    { label: "生成表 1,000 行（无问题）", workbook: { sheets: [buildStandardForm(largeSpec(1000))] } },
    {
      label: "生成表 1,000 行（每 10 行 1 处错）",
      workbook: { sheets: [buildStandardForm(brokenLarge(1000))] },
    },
    {
      label: "错误示例-武冈2022.xlsx + 10 万行数据表",
      workbook: broken,
      extra: () => [dataSheet()],
    },
  ];
  const rows: (string | number)[][] = [];
  let worst = 0;
  let worstBytes = 0;
  const row = (label: string, r: Validation): void => {
    worst = Math.max(worst, r.readSyncs + r.markSyncs);
    worstBytes = Math.max(worstBytes, r.maxBytes);
    rows.push([
      label,
      fmtInt(r.cells),
      fmtInt(r.marks),
      r.readSyncs,
      r.markSyncs,
      r.readSyncs + r.markSyncs,
      fmtInt(Math.round(r.maxBytes / 1024)),
      r.ms,
    ]);
  };
  for (const c of cases) row(c.label, await validateOnDouble(openInDouble(c.workbook, c.extra?.())));
  // Validating again in the same workbook: the earlier marks are restored before the new ones.
  const again = openInDouble(cases[3].workbook); // the 1,000-row form with errors
  await validateOnDouble(again);
  row("生成表 1,000 行（有错），再次校验（先还原上次标记）", await validateOnDouble(again));
  return [
    {
      title: "Excel 同步次数 / 每次校验（excelHost + 严格 Excel 替身：读取 → 检查 → 标记）",
      headers: [
        "工作簿",
        "读入单元格",
        "标记格",
        "读取 sync",
        "标记 sync",
        "合计",
        "最大响应 KB",
        "适配器 ms",
      ],
      rows,
      notes: [
        `目标：每次校验最多 3 次 sync（读 2 + 写 1），与表的大小无关；没有要标记的单元格时不写（2 次）。本次最多 ${worst} 次。`,
        `目标：每次 sync 的响应 ≤ 4 MB（网页版 Excel 上限 5 MB；替身按 5 MB 拒绝）。本次最大 ${fmtInt(Math.round(worstBytes / 1024))} KB。`,
        "10 万行数据表只读取前若干行（Sheet.truncated），自评表完整读取。",
        "适配器 ms 只是在内存替身上的耗时（不含 Excel 本身与进程间通信），仅供参考。",
      ],
    },
  ];
}
