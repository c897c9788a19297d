/**
 * samples/自评报告示例-吉首2023.xlsx (scripts/sample-report.ts): seed 004's 自评报告 table with its own figures.
 * The committed file is what `npm run samples` writes, it reads back as a report form, and the check finds
 * the ten errors a careful reviewer finds there (listed and worked out by hand in scripts/sample-report.ts)
 * and nothing else.
 */
/* global __dirname, Buffer */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CellRef, Workbook } from "../../src/core/grid";
import { a1 } from "../../src/core/grid";
import { buildReportForm } from "../../src/core/kinds/report/template";
import { readXlsx } from "../../src/io/xlsxRead";
import { reportSampleXlsx } from "../../scripts/make-samples";
import { REPORT_SAMPLE_FILE, seed004ReportSpec } from "../../scripts/sample-report";
import { runCli } from "../cli/run-cli";
import { run, type Run } from "./helpers";

const FILE = path.resolve(__dirname, "../..", "samples", REPORT_SAMPLE_FILE);
const { layout } = buildReportForm(seed004ReportSpec());
const cell = (ref: CellRef | null): string => (ref ? a1(ref.row, ref.col) : "—");
const money = (table: "income" | "spending", row: number): string =>
  a1(layout.tables[table]!.firstRow + row, layout.tables[table]!.cols[0]);
const actual = (i: number): string =>
  a1(layout.quantitative[i].actual.row, layout.quantitative[i].actual.col);

let wb: Workbook;
let r: Run;

beforeAll(async () => {
  wb = await readXlsx(fs.readFileSync(FILE));
  r = run(wb);
});

describe(REPORT_SAMPLE_FILE, () => {
  test("the committed file is what `npm run samples` writes (byte for byte)", async () => {
    const fresh = await reportSampleXlsx();
    expect(Buffer.from(fresh).equals(fs.readFileSync(FILE))).toBe(true);
  });

  test("read back from the file: one report form, total 96 typed / 98 computed, grade 优", () => {
    expect(r.results).toHaveLength(1);
    const [res] = r.results;
    expect(res.form!.kind).toBe("report");
    expect(res.department).toBe("吉首市科工信局");
    expect(res.year).toBe(2023);
    expect(res.total).toEqual({ typed: 96, computed: 98 });
    expect(res.grade).toEqual({ typed: "优", computed: "优" });
  });

  test("the ten errors a careful reviewer finds on seed 004's table", () => {
    const has = (rule: string, at: string, expected?: number | string): void => {
      const f = r.findings.find((x) => x.rule === rule && cell(x.ref) === at);
      expect(f ? [rule, at] : `missing ${rule} at ${at}`).toEqual([rule, at]);
      if (expected !== undefined) expect(f!.expected).toBe(expected);
    };
    // 1. 收入合计 5374.34 vs 3091.34 + 1744.35 + 538.05 = 5373.74 (汇总 and 局机关 rows).
    has("SUM_MISMATCH", money("income", 0), 5373.74);
    has("SUM_MISMATCH", money("income", 1), 5373.74);
    // 2. 支出合计 5374.44 vs 382.71 + 4991.63 = 5374.34.
    has("SUM_MISMATCH", money("spending", 0), 5374.34);
    has("SUM_MISMATCH", money("spending", 1), 5374.34);
    // 3. 支出合计 5374.44 > 收入合计 5374.34.
    has("EXEC_OVER_100", money("spending", 0));
    // 4.–6. Rate indicators filled with amounts: 20.48 ÷ 27.6 = 74.20%, 0.4 ÷ 0.4 = 100%, 4.82 ÷ 6.7 = 71.94%.
    has("UNIT_MISMATCH", actual(0), "74.20%");
    has("UNIT_MISMATCH", actual(1), "100.00%");
    has("UNIT_MISMATCH", actual(2), "71.94%");
    // 7.–8. Below target with no reason: 99% vs 100%, 95% vs 98%.
    has("MISSING_REASON", actual(7));
    has("MISSING_REASON", actual(12));
    // 9. 今年1-10月 figures as the year's result.
    has("FORECAST_VALUE", a1(layout.goalsActual.row, layout.goalsActual.col));
    // 10. 投入 8 although the rate is 100%: 10 (total 98).
    has("SCORE_MISMATCH", a1(layout.summary[0].score.row, layout.summary[0].score.col), 10);
  });

  test("and nothing else: the complete list of findings (rule, severity, cell)", () => {
    const got = r.findings.map((f) => `${f.severity} ${f.rule} ${cell(f.ref)}`).sort();
    const expected = [
      `error SUM_MISMATCH ${money("income", 0)}`,
      `error SUM_MISMATCH ${money("income", 1)}`,
      `error SUM_MISMATCH ${money("spending", 0)}`,
      `error SUM_MISMATCH ${money("spending", 1)}`,
      `error MISSING_REASON ${actual(7)}`,
      `error MISSING_REASON ${actual(12)}`,
      `error SCORE_MISMATCH ${a1(layout.summary[0].score.row, layout.summary[0].score.col)}`,
      `warning EXEC_OVER_100 ${money("spending", 0)}`,
      `warning UNIT_MISMATCH ${actual(0)}`,
      `warning UNIT_MISMATCH ${actual(1)}`,
      `warning UNIT_MISMATCH ${actual(2)}`,
      `warning FORECAST_VALUE ${a1(layout.goalsActual.row, layout.goalsActual.col)}`,
      // 新增规模企业 8 ÷ 4 = 200%, 5G基站 80 ÷ 50 = 160%, 入企走访 40 ÷ 30 = 133.33%.
      `warning OVER_ACHIEVEMENT ${actual(3)}`,
      `warning OVER_ACHIEVEMENT ${actual(6)}`,
      `warning OVER_ACHIEVEMENT ${actual(10)}`,
      // No YEAR_MISMATCH: "获得2022年…激励" in the 2023 achievements text (B12) is an award granted for
      // an earlier year, a legitimate mention (domain.md §6).
      // 发放科普宣传资料: neither a number nor a qualitative phrase.
      `info UNPARSED_VALUE ${a1(layout.quantitative[11].target.row, layout.quantitative[11].target.col)}`,
    ].sort();
    expect(got).toEqual(expected);
  });

  test("end to end: jixiao-check --json on a copy of the file exits 1 with the same findings, the file untouched", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-report-"));
    try {
      const copy = path.join(dir, REPORT_SAMPLE_FILE);
      fs.copyFileSync(FILE, copy);
      const before = fs.readFileSync(copy);
      const cli = runCli(dir, ["--json", "--profile", "hunan", REPORT_SAMPLE_FILE]);
      expect(cli.status).toBe(1);
      const doc = JSON.parse(cli.stdout) as {
        files: { form: { total: unknown; grade: unknown }; findings: { rule: string; cell: string }[] }[];
      };
      expect(doc.files).toHaveLength(1);
      expect(doc.files[0].form.total).toEqual({ typed: 96, computed: 98 });
      expect(doc.files[0].form.grade).toEqual({ typed: "优", computed: "优" });
      const cells = (xs: { rule: string; cell: string | null }[]) =>
        xs.map((f) => `${f.rule} ${f.cell}`).sort();
      expect(cells(doc.files[0].findings)).toEqual(
        cells(r.findings.map((f) => ({ rule: f.rule, cell: f.ref ? `自评报告!${cell(f.ref)}` : null }))),
      );
      expect(Buffer.compare(fs.readFileSync(copy), before)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
