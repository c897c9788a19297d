/**
 * ADDIN_FORMULA on the command line: the functions sample (every computed cell a JX formula, as the
 * file stores it) gets the warning in the text report and in --json, exit status 0 (a warning only);
 * the correct sample (plain numbers) does not.
 */
import { expect, test } from "@jest/globals";
import { ROOT, runCli } from "./run-cli";

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string | null;
  message: string;
}

test("the functions sample: one ADDIN_FORMULA warning naming the cells and the count, exit 0", () => {
  const r = runCli(ROOT, ["--json", "samples/自定义函数示例.xlsx"]);
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout) as { files: { findings: JsonFinding[] }[] };
  const findings = doc.files.flatMap((f) => f.findings);
  expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
    ["ADDIN_FORMULA", "warning", "自评表!H7"],
  ]);
  // 14 JX cells on 自评表, 20 on 共性指标 (counted in test/functions/sample.test.ts).
  expect(findings[0].message).toMatch(/^本表 H7、I7、H14、H15、H16、H17 等 14 个单元格使用了本加载项的函数/);
  expect(findings[0].message).toContain("转换为普通公式");

  const text = runCli(ROOT, ["--no-progress", "samples/自定义函数示例.xlsx"]);
  expect(text.status).toBe(0);
  expect(text.stdout).toMatch(/\[警告\] 自评表!H7 {2}ADDIN_FORMULA/);
});

test("the correct sample (no JX formulas): no ADDIN_FORMULA", () => {
  const r = runCli(ROOT, ["--json", "samples/正确填报示例.xlsx"]);
  expect(r.status).toBe(0);
  expect(r.stdout).not.toContain("ADDIN_FORMULA");
});
