/** Bench section `core`: locate + check of generated forms in memory (per-row cost as forms grow). */
import type { Workbook } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/check";
import { buildStandardForm } from "../../src/core/template";
import { largeSpec } from "../sample-specs";
import { benchKinds } from "./core-kinds";
import { type BenchTable, fmtNum, timeIt } from "./table";

/** Core time (locate + check) on generated forms of 10, 1,000 and 10,000 indicator rows; then per kind of form. */
export async function benchCore(sizes: number[] = [10, 1000, 10000]): Promise<BenchTable[]> {
  const rows: (string | number)[][] = [];
  let firstPerRow: number | null = null;
  for (const n of sizes) {
    const wb: Workbook = { sheets: [buildStandardForm(largeSpec(n))] };
    const cellCount = wb.sheets[0].cells.reduce((a, r) => a + (r ? r.filter(Boolean).length : 0), 0);
    let findings = 0;
    const ms = await timeIt(
      () => {
        findings = checkWorkbook(wb).reduce((a, r) => a + r.findings.length, 0);
      },
      n >= 10000 ? 3 : 5,
      n >= 10000 ? 0 : 300,
    );
    const perRow = (ms * 1000) / n;
    firstPerRow ??= perRow;
    rows.push([n.toLocaleString("en-US"), cellCount.toLocaleString("en-US"), ms, perRow, findings]);
  }
  const last = rows[rows.length - 1];
  const notes = [
    `每行成本（µs/行）在 ${sizes[0]} → ${sizes[sizes.length - 1]} 行之间的变化：${fmtNum(firstPerRow ?? 0)} → ${fmtNum(Number(last[3]))}（线性增长时应基本持平；小表以固定开销为主）。`,
  ];
  return [
    {
      title: "核心：定位 + 检查（内存中的表格，不含读文件）",
      headers: ["指标行数", "单元格数", "耗时 ms", "µs/行", "问题数"],
      rows,
      notes,
    },
    await benchKinds(),
  ];
}
