/**
 * Bench section `core` (third table): core time (locate + check) per form for each kind against the
 * department form, on the committed samples' content in memory: the department forms 正确填报示例 (10
 * indicator rows, no findings) and 错误示例-吉首2023 (seed 004 in the department layout, 13 rows and its
 * findings), and the 自评报告 of the same seed (4 money tables, 13 定量目标 rows, the summary, 17 findings).
 * Aim: a report form costs at most 1.5 × a department form of the same content (the 吉首 one); the ratio to
 * the findings-free correct form is shown too.
 */
import type { Workbook } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/check";
import { buildReportForm } from "../../src/core/kinds/report/template";
import { buildStandardForm } from "../../src/core/template";
import { seed004ReportSpec } from "../sample-report";
import { sampleSpecs } from "../sample-specs";
import { type BenchTable, fmtNum, median, timeIt } from "./table";

/** The ratio a kind may cost against the department form. */
export const REPORT_RATIO_AIM = 1.5;

export async function benchCoreReport(): Promise<BenchTable[]> {
  const spec = (file: string) => sampleSpecs().find((s) => s.file === file)!.spec;
  const forms: { kind: string; name: string; wb: Workbook }[] = [
    {
      kind: "department",
      name: "错误示例-吉首2023",
      wb: { sheets: [buildStandardForm(spec("错误示例-吉首2023.xlsx"))] },
    },
    {
      kind: "department",
      name: "正确填报示例",
      wb: { sheets: [buildStandardForm(spec("正确填报示例.xlsx"))] },
    },
    {
      kind: "report",
      name: "自评报告示例-吉首2023",
      wb: { sheets: [buildReportForm(seed004ReportSpec()).sheet] },
    },
  ];
  // Timed in alternation, several rounds, median per form: a busy machine slows all forms alike.
  const times: number[][] = forms.map(() => []);
  const findings: number[] = forms.map(() => 0);
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < forms.length; i++) {
      const wb = forms[i].wb;
      times[i].push(
        await timeIt(
          () => {
            findings[i] = checkWorkbook(wb).reduce((a, r) => a + r.findings.length, 0);
          },
          100,
          200,
        ),
      );
    }
  }
  const ms = times.map(median);
  const base = ms[0];
  const correct = ms[1];
  const ratios: number[] = [];
  const rows: (string | number)[][] = forms.map((f, i) => {
    const cells = f.wb.sheets[0].cells.reduce((a, r) => a + (r ? r.filter(Boolean).length : 0), 0);
    if (f.kind !== "department") ratios.push(ms[i] / base);
    return [
      f.kind,
      f.name,
      cells,
      ms[i] * 1000,
      (ms[i] * 1000) / cells,
      `${fmtNum(ms[i] / base)}×`,
      `${fmtNum(ms[i] / correct)}×`,
      findings[i],
    ];
  });
  const worst = Math.max(...ratios);
  return [
    {
      title: "核心：每种表格一份的耗时（定位 + 检查，内存中，中位数）",
      headers: [
        "类型",
        "表格",
        "单元格数",
        "耗时 µs",
        "µs/单元格",
        "与同一种子的部门整体表之比",
        "与正确填报示例之比",
        "问题数",
      ],
      rows,
      notes: [
        `与同一种子的部门整体表相比，最大比值 ${fmtNum(worst)}×（目标 ≤ ${REPORT_RATIO_AIM}×）：${worst <= REPORT_RATIO_AIM ? "达标" : "未达标"}。` +
          "自评报告比部门整体表多四张收支表，单元格数和问题数都更多；按单元格计的耗时见“µs/单元格”。",
      ],
    },
  ];
}
