/**
 * The hostile corpus (scripts/make-hostile-corpus.ts, written to a temp folder) through the real
 * command: `node bin/jixiao-check.js --json <file>` after compiling lib/ (tsc -p tsconfig.cli.json).
 * Exit status per rules.md: 0 no error finding, 1 an error finding, 2 unreadable (Chinese message on
 * stderr). The correct sample form totals 99.03 → 优 (scripts/sample-specs.ts: 9.53 + 49.5 + 30 + 10).
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { correctFormSpec, writeHostileCorpus, type HostileEntry } from "../../scripts/make-hostile-corpus";
import { standardLayout } from "../../src/core/template";
import { runCli } from "../cli/run-cli";

let dir: string;
let corpus: HostileEntry[];

interface JsonEntry {
  file: string;
  sheet: string | null;
  form: {
    department: string | null;
    year: number | null;
    total: { typed: number | null; computed: number | null };
    grade: { typed: string | null; computed: string | null };
  };
  findings: { rule: string; severity: string; cell: string | null; message: string }[];
}
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  doc: { files: JsonEntry[] } | null;
}

function check(...args: string[]): Run {
  const t = Date.now();
  const r = runCli(dir, ["--json", "--no-progress", ...args]);
  let doc: Run["doc"] = null;
  try {
    doc = JSON.parse(r.stdout) as Run["doc"];
  } catch {
    doc = null;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t, doc };
}

const errors = (e: JsonEntry): string[] =>
  e.findings.filter((f) => f.severity === "error").map((f) => f.rule);

/** The correct form, unchanged in its values: checked exactly as the plain sample. */
function expectCorrectForm(e: JsonEntry, sheet = "自评表"): void {
  expect(e.sheet).toBe(sheet);
  expect(e.form.total).toEqual({ typed: 99.03, computed: 99.03 });
  expect(e.form.grade).toEqual({ typed: "优", computed: "优" });
  expect(errors(e)).toEqual([]);
}

/** The JSON entry of an unreadable file (docs/rules.md): no form, no findings, error { code, message }. */
function unreadableEntry(file: string, code: string, doc: unknown): unknown {
  const message = (doc as { files: { error?: { message?: unknown } }[] }).files[0]?.error?.message;
  expect(typeof message).toBe("string");
  return {
    file,
    sheet: null,
    form: null,
    counts: { error: 0, warning: 0, info: 0 },
    findings: [],
    error: { code, message },
  };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-hostile-"));
  corpus = await writeHostileCorpus(dir);
}, 180000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("unreadable files: exit 2, a Chinese reason on stderr, a JSON entry with the error and no findings", () => {
  test.each([
    ["truncated.xlsx", /损坏或不完整/, "CORRUPT"],
    ["corrupt.xlsx", /损坏或不完整/, "CORRUPT"],
    ["zero-bytes.xlsx", /文件是空的/, "EMPTY_FILE"],
    ["text-renamed.xlsx", /不是 \.xlsx 工作簿/, "NOT_XLSX"],
    ["png-renamed.xlsx", /不是 \.xlsx 工作簿/, "NOT_XLSX"],
    ["ole-renamed.xlsx", /旧版 \.xls|已加密/, "ENCRYPTED_OR_XLS"],
  ])("%s", (file, reason, code) => {
    const r = check(file);
    expect(r.status).toBe(2);
    expect(r.doc).toEqual({ files: [unreadableEntry(file, code, r.doc)], skipped: [] });
    expect((r.doc!.files[0] as unknown as { error: { message: string } }).error.message).toMatch(reason);
    expect(r.stderr).toContain(`无法读取 ${file}`);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|TypeError|内部错误|意外错误/); // no stack trace, no crash
  });
});

describe("readable hostile workbooks", () => {
  test("a workbook without any sheet and a blank sheet: TEMPLATE_NOT_FOUND, exit 1", () => {
    for (const file of ["empty-workbook.xlsx", "blank-sheet.xlsx"]) {
      const r = check(file);
      expect(r.status).toBe(1);
      expect(r.doc!.files).toHaveLength(1);
      expect(r.doc!.files[0].sheet).toBeNull();
      expect(r.doc!.files[0].findings.map((f) => f.rule)).toEqual(["TEMPLATE_NOT_FOUND"]);
      expect(r.doc!.files[0].findings[0].cell).toBeNull();
      expect(r.stderr).toBe("");
    }
  });

  test("a zip package that is not a workbook (a .docx renamed .xlsx) is unreadable: exit 2", () => {
    // ExcelJS opens any zip as a workbook without sheets (before the fix: TEMPLATE_NOT_FOUND, exit 1);
    // readXlsx now rejects a zip without xl/workbook.xml.
    const r = check("zip-not-xlsx.xlsx");
    expect(r.status).toBe(2);
    expect(r.doc).toEqual({
      files: [unreadableEntry("zip-not-xlsx.xlsx", "NOT_A_WORKBOOK", r.doc)],
      skipped: [],
    });
    expect(r.stderr).toContain("无法读取 zip-not-xlsx.xlsx");
    expect(r.stderr).toContain("不是 Excel 工作簿（.xlsx）");
    // The reader's own explanation, not wrapped as a damaged file.
    expect(r.stderr).not.toContain("已损坏");
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|TypeError|内部错误|意外错误/);
  });

  test("200 sheets: the one form on sheet 137 is found and checked like the sample", () => {
    const r = check("many-sheets.xlsx");
    expect(r.status).toBe(0);
    expect(r.doc!.files).toHaveLength(1);
    expectCorrectForm(r.doc!.files[0]);
  });

  test("a sheet of 100,000 cells beside the form: the form is checked, within 30 s", () => {
    const r = check("large-sheet.xlsx");
    expect(r.status).toBe(0);
    expect(r.doc!.files).toHaveLength(1);
    expectCorrectForm(r.doc!.files[0]);
    expect(r.ms).toBeLessThan(30000);
  });

  test("formulas everywhere with cached results: read as their results, same as the sample", () => {
    const r = check("formulas-everywhere.xlsx");
    expect(r.status).toBe(0);
    expectCorrectForm(r.doc!.files[0]);
  });

  test("formulas never calculated (no cached results): the numbers are missing → MISSING_VALUE, exit 1", () => {
    const r = check("formulas-no-cache.xlsx");
    expect(r.status).toBe(1);
    const e = r.doc!.files[0];
    expect(errors(e)).toContain("MISSING_VALUE");
    expect(e.form.total.computed).toBeNull();
    // Each such cell says it holds a formula without a result, never that it is blank.
    const missing = e.findings.filter((f) => f.rule === "MISSING_VALUE" || f.rule === "MISSING_FIELD");
    expect(missing.length).toBeGreaterThan(10);
    for (const f of missing) expect(f.message).toMatch(/是公式 =.*没有得到结果.*没有保存计算结果/);
  });

  test("error values in number cells: MISSING_VALUE naming the error, exit 1", () => {
    const r = check("error-values.xlsx");
    expect(r.status).toBe(1);
    const e = r.doc!.files[0];
    const missing = e.findings.filter((f) => f.rule === "MISSING_VALUE");
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.some((f) => /#(DIV\/0!|REF!|N\/A|VALUE!|NUM!|NAME\?|NULL!)/.test(f.message))).toBe(true);
  });

  test("dates and booleans in number cells: MISSING_VALUE at each such cell, exit 1", () => {
    // The corpus puts a date, TRUE, a date and FALSE into four number cells of the correct form: each is
    // a required number that is not a number (before the fix: no finding, "未发现问题", exit 0).
    const r = check("dates-booleans.xlsx");
    expect(r.status).toBe(1);
    expect(r.doc!.files).toHaveLength(1);
    const e = r.doc!.files[0];
    expect(e.sheet).toBe("自评表");
    expect(e.form.total.typed).toBe(99.03);
    const missing = e.findings.filter((f) => f.rule === "MISSING_VALUE");
    expect(missing.length).toBeGreaterThanOrEqual(4);
    expect(missing.every((f) => f.severity === "error")).toBe(true);
    expect(missing.filter((f) => /应填写数字，现在是日期“\d{4}-\d{2}-\d{2}/.test(f.message))).toHaveLength(2);
    expect(missing.filter((f) => /应填写数字，现在是逻辑值“(TRUE|FALSE)”/.test(f.message))).toHaveLength(2);
    if (e.form.total.computed === null) expect(errors(e).length).toBeGreaterThan(0);
    expect(r.stderr).toBe("");
  });

  test("merged blocks over labels: the values under the merges are gone, so fields are reported missing", () => {
    // Merging keeps only the top-left value (Excel and ExcelJS alike): the header values of rows 3–4
    // are no longer in the file, and the form is still located.
    const r = check("merged-across-labels.xlsx");
    expect(r.status).toBe(1);
    expect(r.doc!.files).toHaveLength(1);
    expect(errors(r.doc!.files[0])).toContain("MISSING_FIELD");
    expect(r.stderr).toBe("");
  });

  test("hidden rows, hidden and very hidden sheets: the visible form is checked like the sample", () => {
    const r = check("hidden.xlsx");
    expect(r.status).toBe(0);
    expect(r.doc!.files).toHaveLength(1);
    expectCorrectForm(r.doc!.files[0]);
  });

  test("the form on a hidden sheet is still checked", () => {
    const r = check("form-on-hidden-sheet.xlsx");
    expect(r.status).toBe(0);
    expectCorrectForm(r.doc!.files[0]);
  });

  test("a password-protected sheet is read and checked like the sample", () => {
    const r = check("protected.xlsx");
    expect(r.status).toBe(0);
    expectCorrectForm(r.doc!.files[0]);
  });

  test("the form twice (two sheets): both reported, in sheet order; the faulty one gives exit 1", () => {
    const r = check("twice.xlsx");
    expect(r.status).toBe(1);
    expect(r.doc!.files.map((f) => f.sheet)).toEqual(["自评表（一）", "O'Brien 表"]);
    expectCorrectForm(r.doc!.files[0], "自评表（一）");
    const second = r.doc!.files[1];
    expect(errors(second).length).toBeGreaterThan(0);
    // Cells of the quoted sheet name are written the way Excel writes them.
    expect(second.findings.every((f) => f.cell === null || f.cell.startsWith("'O''Brien 表'!"))).toBe(true);
  });

  test("two forms stacked on one sheet: both checked, each on its own rows, exit 1 (the second is faulty)", () => {
    // Before the fix only the first form of a sheet was found (exit 0: the faulty second form was never
    // checked). The corpus stacks the faulty sample 3 rows below the correct one.
    const r = check("twice-one-sheet.xlsx");
    expect(r.status).toBe(1);
    expect(r.doc!.files).toHaveLength(2);
    const [first, second] = r.doc!.files;
    expectCorrectForm(first, "两张表");
    expect(second.sheet).toBe("两张表");
    expect(second.form.department).toBe("武冈市科技和工业信息化局");
    expect(errors(second).length).toBeGreaterThan(0);
    const secondTop = standardLayout(correctFormSpec()).bounds.bottom + 1 + 3;
    for (const f of second.findings) {
      const m = /!([A-Z]+)(\d+)$/.exec(f.cell ?? "");
      expect(m).not.toBeNull();
      expect(Number(m![2]) - 1).toBeGreaterThanOrEqual(secondTop);
    }
    // The text report tells the two apart by where each lies on the sheet.
    const text = runCli(dir, ["--no-progress", "twice-one-sheet.xlsx"]).stdout;
    const heads = text.split("\n").filter((l) => l.startsWith("文件："));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toMatch(/工作表：两张表 {4}区域：A1:[A-Z]+\d+$/);
    expect(heads[1]).toMatch(new RegExp(`工作表：两张表 {4}区域：A${secondTop + 1}:[A-Z]+\\d+$`));
  });

  test("32,767-character texts: checked, no error finding", () => {
    const r = check("long-texts.xlsx");
    expect(r.status).toBe(0);
    expect(errors(r.doc!.files[0])).toEqual([]);
  });

  test("the whole corpus in one run: exit 2, one stderr line per unreadable file, JSON for the rest", () => {
    const r = check(".");
    expect(r.status).toBe(2);
    const unreadable = [
      "truncated",
      "corrupt",
      "zero-bytes",
      "text-renamed",
      "png-renamed",
      "ole-renamed",
      "zip-not-xlsx",
    ];
    for (const u of unreadable) expect(r.stderr).toContain(`${u}.xlsx`);
    // Every file has an entry: the unreadable ones with an error and nothing else.
    const entries = r.doc!.files as unknown as { file: string; form: unknown; error: unknown }[];
    const withError = new Set(entries.filter((f) => f.error !== null).map((f) => path.basename(f.file)));
    const withForm = new Set(entries.filter((f) => f.form !== null).map((f) => path.basename(f.file)));
    for (const e of corpus) {
      const name = e.file.replace(/\.xlsx$/, "");
      expect({ file: e.file, error: withError.has(e.file) }).toEqual({
        file: e.file,
        error: unreadable.includes(name),
      });
      expect({ file: e.file, form: withForm.has(e.file) }).toEqual({
        file: e.file,
        form: !unreadable.includes(name),
      });
    }
    // twice.xlsx contributes two entries.
    expect(r.doc!.files.filter((f) => f.file.endsWith("twice.xlsx"))).toHaveLength(2);
    expect(r.doc!.files.filter((f) => f.file.endsWith("twice-one-sheet.xlsx"))).toHaveLength(2);
  }, 120000);
});
