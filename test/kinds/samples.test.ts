/* global __dirname, structuredClone */
/**
 * The committed samples of the other kinds (samples/, from scripts/sample-specs.ts kindSampleSpecs): read
 * back from the .xlsx and checked with no profile chosen. Expected findings computed by hand in
 * sample-specs.ts (projectSampleSpec, tianjinSampleSpec) and repeated here.
 */
import { describe, expect, it } from "@jest/globals";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import { a1 } from "../../src/core/grid";
import type { Workbook } from "../../src/core/grid";
import type { FormResult } from "../../src/core/model";
import { readXlsx } from "../../src/io/xlsxRead";
import { kindSampleSpecs } from "../../scripts/sample-specs";

const SAMPLES = path.resolve(__dirname, "../../samples");

async function load(file: string): Promise<Workbook> {
  return readXlsx(new Uint8Array(await fs.readFile(path.join(SAMPLES, file))));
}

function check(wb: Workbook): FormResult[] {
  const internalErrors: InternalError[] = [];
  const before = structuredClone(wb);
  const r = checkWorkbook(wb, { internalErrors });
  expect(internalErrors).toEqual([]);
  // Nothing is written by a check.
  expect(wb).toEqual(before);
  return r;
}

const rows = (r: FormResult) =>
  r.findings.map((f) => [
    f.rule,
    f.severity,
    f.ref ? `${f.ref.sheet}!${a1(f.ref.row, f.ref.col)}` : null,
    f.typed,
    f.expected,
  ]);

describe("samples of the other kinds", () => {
  it("项目示例: the §2.8 defect (年度资金总额 0 over 90 / 89.974 / 89.974) and one score", async () => {
    const s = kindSampleSpecs()[0];
    const [r, ...more] = check(await load(s.file));
    expect(more).toEqual([]);
    expect(r.form?.kind).toBe("project");
    expect(r.profile).toBe("hunan");
    const sh = "项目支出绩效自评表";
    // Rows: 1 title, 2 year, 3 项目名称, 4 主管部门/实施单位, 5 (none), 6 budget header, 7 年度资金总额 (D/E/F = 年初/全年/执行).
    expect(rows(r)).toEqual([
      ["SUM_MISMATCH", "error", `${sh}!D7`, 0, 90], // 90 + 0 + 0
      ["SUM_MISMATCH", "error", `${sh}!E7`, 0, 89.974], // 89.974 + 0 + 0
      ["SUM_MISMATCH", "error", `${sh}!F7`, 0, 89.974],
      // 服务按期完成率 (3rd indicator, row 16 = header row 13 + 3), 得分 column H: 15 × 90 / 100 = 13.5
      ["SCORE_MISMATCH", "error", `${sh}!H16`, 15, 13.5],
    ]);
    expect(r.total.typed).toBe(100);
    expect(s.expect.errorRules.every((rule) => r.findings.some((f) => f.rule === rule))).toBe(true);
  });

  it("天津格式示例: comparator and unit from their columns — one score, one percentage over 100%", async () => {
    const s = kindSampleSpecs()[1];
    const [r, ...more] = check(await load(s.file));
    expect(more).toEqual([]);
    expect(r.form?.kind).toBe("department");
    // Columns: A 绩效指标, B 一级, C 二级, D 指标名称, E 计算符号, F 指标值, G 实际完成值, H 计量单位, I 分值, J 得分.
    expect(rows(r)).toEqual([
      // 投诉处理平均时长 ≤ 5 天, 7 天: 15 × (1 − (7 − 5) / 5) = 9
      ["SCORE_MISMATCH", "error", "自评表!J16", 15, 9],
      // 群众满意度 105 under %: 105% > 100%
      ["PERCENT_OVER_100", "error", "自评表!G18", "105%", "≤ 100%"],
    ]);
    // Typed 9.42 + 20 + 15 + 15 + 30 + 10 = 99.42; computed 9.42 + 20 + 15 + 9 + 30 + 10 = 93.42 → 优.
    expect(r.total).toEqual({ typed: 99.42, computed: 93.42 });
    expect(r.grade).toEqual({ typed: "优", computed: "优" });
  });

  it("云南格式示例: two header rows and 其中：财政资金, read from the file — nothing to report", async () => {
    const s = kindSampleSpecs().find((k) => k.variant === "yunnan-2020")!;
    const [r, ...more] = check(await load(s.file));
    expect(more).toEqual([]);
    expect(r.form?.kind).toBe("project");
    expect(r.form?.indicators?.rows).toHaveLength(6);
    expect(r.form?.budget?.rows.map((x) => x.kind)).toEqual(["total", "current", "other"]);
    // 9.5 + (20 + 15 + 15) + (15 + 15) + 10 = 99.5 (scripts/sample-variants.ts).
    expect(r.total).toEqual({ typed: 99.5, computed: 99.5 });
    expect(rows(r)).toEqual([]);
    expect(r.form?.ledger?.unread).toEqual([]);
  });

  it("四川格式示例: 新技术推广覆盖率 72% of 80% → 13.5, typed 15", async () => {
    const s = kindSampleSpecs().find((k) => k.variant === "sichuan")!;
    const [r, ...more] = check(await load(s.file));
    expect(more).toEqual([]);
    // Rows: 6 budget header, 7–10 its four rows, 11–12 goals, 13 indicator header; 覆盖率 the 5th indicator
    // (row 18); 得分 column J (A 绩效指标, B–D 一级–三级, E–H 性质/指标值/单位/完成值, I 权重).
    expect(rows(r)).toEqual([["SCORE_MISMATCH", "error", "项目支出绩效自评表!J18", 15, 13.5]]);
    // 9 + 50 + (15 + 13.5) + 10 = 97.5.
    expect(r.total).toEqual({ typed: 99, computed: 97.5 });
  });
});
