/* global process, structuredClone, __dirname */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not the Office API */
/**
 * The reviewer's desk (issue 9): a batch with good, faulty, two-form, project-form, unreadable, .xls-named,
 * lock-file, other and duplicate-code files. The text report, the JSON, the summary workbook (opened with ExcelJS)
 * and the CSV of the same batch must agree on every file and count; bad output locations are refused.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { getProfile } from "../../src/core/profiles";
import { buildStandardForm, type FormSpec } from "../../src/core/template";
import { workbookToXlsx } from "../../src/io/xlsxWrite";
import { formToXlsx } from "../../scripts/make-samples";
import { sampleSpecs } from "../../scripts/sample-specs";
import { AS_ROOT, commandCopyFor, NOBODY, testIfNobodyCanRun } from "./as-nobody";
import { BIN, type CliRun, runCli } from "./run-cli";

let dir: string;
const IN = "收件箱";
const spec = (file: string): FormSpec => structuredClone(sampleSpecs().find((s) => s.file === file)!.spec);
const p = (name: string): string => path.join(IN, name);
/** 文件 in the summary: relative to the folder given on the command line (the JSON keeps the path as given). */
const rel = (file: string): string => path.relative(IN, file);
const SAMPLES = path.resolve(__dirname, "../../samples");
/** 表格类型 of each JSON form.kind (README 二, docs/rules.md). */
const KIND_NAME: Record<string, string> = {
  department: "部门整体支出绩效自评表",
  project: "项目支出绩效自评表",
};

interface Entry {
  file: string;
  sheet: string | null;
  form: {
    department: string | null;
    year: number | null;
    total: { typed: number | null; computed: number | null };
    grade: { typed: string | null; computed: string | null };
    kind: string | null;
    code: string | null;
    area: string | null;
    profile: string;
    profileReason: string | null;
  } | null;
  counts: { error: number; warning: number; info: number };
  findings: { rule: string; severity: string; cell: string | null; message: string }[];
  error: { code: string; message: string } | null;
}
interface Doc {
  files: Entry[];
  skipped: { file: string; kind: string; reason: string; action: string }[];
}

let jsonRun: CliRun;
let textRun: CliRun;
let doc: Doc;
let book: ExcelJS.Workbook;
/** Sheet → rows of cell values ("" for blank), header included. */
const sheets: Record<string, (string | number)[][]> = {};

function values(ws: ExcelJS.Worksheet): (string | number)[][] {
  const out: (string | number)[][] = [];
  const width = ws.getRow(1).cellCount;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: (string | number)[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      line.push(v === null || v === undefined ? "" : (v as string | number));
    }
    out[r - 1] = line;
  });
  return out;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-summary-"));
  // Readable by another user: the read-only test runs the command as "nobody" when the tests run as root.
  await fs.chmod(dir, 0o755);
  const b = path.join(dir, IN);
  await fs.mkdir(b);
  const put = (name: string, bytes: Uint8Array | string) => fs.writeFile(path.join(b, name), bytes);
  const correct = await formToXlsx(spec("正确填报示例.xlsx"));
  await put("01-正确.xlsx", correct);
  await put("02-武冈.xlsx", await formToXlsx(spec("错误示例-武冈2022.xlsx")));
  await put(
    "03-两张表.xlsx",
    await workbookToXlsx({
      sheets: [
        buildStandardForm(spec("正确填报示例.xlsx"), { sheetName: "自评表" }),
        buildStandardForm(spec("错误示例-吉首2023.xlsx"), { sheetName: "二级单位" }),
      ],
    }),
  );
  // Same 预算编码 as 01 (028001), another department name.
  const other = spec("正确填报示例.xlsx");
  other.department = "示范市科技和工业信息化局机关";
  await put("04-同编码.xlsx", await formToXlsx(other));
  await put("05-损坏.xlsx", "单位,金额\n某局,100\n");
  await put("06-旧格式.xls", "an old binary workbook");
  await put("~$01-正确.xlsx", "lock file");
  await put("说明.txt", "请于 3 月底前报送");
  // A project form: the committed sample (test/kinds/samples.test.ts: three SUM_MISMATCH errors on the
  // 年度资金总额 row typed 0 over 90 / 89.974 / 89.974, one SCORE_MISMATCH, no warning).
  await fs.copyFile(path.join(SAMPLES, "项目示例-公共服务平台2023.xlsx"), path.join(b, "07-项目.xlsx"));

  jsonRun = runCli(dir, ["--json", "--no-progress", "--summary", "汇总.xlsx", IN]);
  textRun = runCli(dir, ["--no-progress", "--summary", "汇总.csv", IN]);
  doc = JSON.parse(jsonRun.stdout) as Doc;
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir, "汇总.xlsx"));
  for (const ws of book.worksheets) sheets[ws.name] = values(ws);
}, 180000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const HEADER = [
  ...["序号", "文件", "工作表/区域", "表格类型", "单位名称", "预算编码", "年度", "评分规则（及选择依据）"],
  ...["表中总分", "重算总分", "差额", "表中等级", "重算等级", "错误数", "警告数", "主要问题", "状态"],
];
const col = (name: string): number => HEADER.indexOf(name);

describe("every input accounted for", () => {
  test("exit 2 (one unreadable file) in both runs; the summary files are written", () => {
    expect(jsonRun.status).toBe(2);
    expect(textRun.status).toBe(2);
    expect(jsonRun.stderr).toContain("已保存汇总表：汇总.xlsx");
    expect(textRun.stdout).toContain("已保存汇总表：汇总.csv");
  });

  test("JSON: one entry per form and per unreadable file, skipped files with reason and action", () => {
    expect(doc.files.map((e) => [e.file, e.sheet, e.error?.code ?? null])).toEqual([
      [p("01-正确.xlsx"), "自评表", null],
      [p("02-武冈.xlsx"), "自评表", null],
      [p("03-两张表.xlsx"), "自评表", null],
      [p("03-两张表.xlsx"), "二级单位", null],
      [p("04-同编码.xlsx"), "自评表", null],
      [p("05-损坏.xlsx"), null, "NOT_XLSX"],
      [p("07-项目.xlsx"), "项目支出绩效自评表", null],
    ]);
    expect(doc.skipped.map((s) => [s.file, s.kind])).toEqual([
      [p("06-旧格式.xls"), "xls"],
      [p("~$01-正确.xlsx"), "lock"],
      [p("说明.txt"), "other"],
    ]);
    expect(doc.skipped[0].action).toContain("另存为");
    // Codes as typed in the samples (scripts/sample-specs.ts): 028001 correct, 517001 武冈, 004001 吉首; the
    // project form has no 预算编码 (projectSampleSpec: budgetCode null).
    expect(doc.files.map((e) => e.form?.code ?? null)).toEqual([
      "028001",
      "517001",
      "028001",
      "004001",
      "028001",
      null,
      null,
    ]);
    expect(doc.files.map((e) => e.form?.kind ?? null)).toEqual([
      ...Array(5).fill("department"),
      null,
      "project",
    ]);
    // The project sample's known findings: 3 × SUM_MISMATCH + 1 × SCORE_MISMATCH, all errors.
    const project = doc.files[6];
    expect(project.counts).toEqual({ error: 4, warning: 0, info: 0 });
    expect(project.findings.map((f) => f.rule).sort()).toEqual([
      "SCORE_MISMATCH",
      ...Array(3).fill("SUM_MISMATCH"),
    ]);
    expect([project.form!.department, project.form!.year, project.form!.total.typed]).toEqual([
      "示范市科技和工业信息化局",
      2023,
      100,
    ]);
  });

  test("text report: the unreadable and skipped files are listed, and the totals add up", () => {
    const out = textRun.stdout;
    expect(out).toContain(`无法读取的文件：\n  ${p("05-损坏.xlsx")}：不是 .xlsx 工作簿`);
    expect(out).toContain(
      `  ${p("06-旧格式.xls")}：旧版 .xls 格式，本工具只读取 .xlsx。请在 Excel 中打开，“另存为”`,
    );
    expect(out).toContain(`  ${p("~$01-正确.xlsx")}：Excel 或 WPS 打开文件时生成的临时锁定文件`);
    expect(out).toContain(`  ${p("说明.txt")}：不是 .xlsx 工作簿（.txt 文件）`);
    // 5 readable files (01, 02, 03, 04, 07) + 1 unreadable = 6; forms 01, 02, 03 ×2, 04, 07 = 6. Counted by
    // file: errors in 02, 03 (its 吉首 sheet) and 07 (项目, 4 errors) = 3; 01 and 04 clean = 2; 3 skipped.
    expect(out).toContain(
      "检查完成。共 6 个文件，6 张自评表：3 个有错误，0 个只有警告，2 个未发现问题，1 个无法读取，另跳过 3 个非 .xlsx、临时文件或本工具的输出",
    );
  });
});

describe("text report = JSON of the same batch", () => {
  test("one block per form with the JSON's area, department, totals and counts", () => {
    const blocks = textRun.stdout.split("\n\n").filter((b) => b.startsWith("文件："));
    const forms = doc.files.filter((e) => !e.error);
    expect(blocks).toHaveLength(forms.length);
    forms.forEach((e, i) => {
      const b = blocks[i];
      expect(b.split("\n")[0]).toBe(`文件：${e.file}    工作表：${e.sheet}    区域：${e.form!.area}`);
      expect(b).toContain(`部门：${e.form!.department}`);
      // The text report writes a missing number as （空） (the project sample's total cannot be recomputed:
      // its 年度资金总额 全年预算数 is typed 0, so no 执行率).
      // A total not recomputed gives the plan's reason in the text (the JSON keeps rules.md's shape).
      const shown = (n: number | null) => (n === null ? "（空）" : String(n));
      const t = e.form!.total;
      if (t.computed === null) expect(b).toContain(`总分：填写 ${shown(t.typed)}，计算 （未重算：`);
      else expect(b).toContain(`总分：填写 ${shown(t.typed)}，计算 ${t.computed}`);
      if (e.form!.kind === "project") expect(t.computed).toBeNull();
      const c = e.counts;
      if (c.error + c.warning + c.info === 0) expect(b).toContain("未发现问题。");
      else expect(b).toContain(`小计：${c.error} 个错误，${c.warning} 个警告，${c.info} 个提示`);
    });
  });
});

describe("summary workbook = JSON of the same run, cell by cell", () => {
  test("four sheets; 汇总 has the header, a frozen first row and a filter over the table", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "问题统计", "重复", "说明"]);
    const ws = book.getWorksheet("汇总")!;
    expect(sheets["汇总"][0]).toEqual(HEADER);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    // One row per JSON entry and per skipped file.
    expect(sheets["汇总"].length - 1).toBe(doc.files.length + doc.skipped.length);
  });

  test("需修改 first, then 无法读取, 已跳过, 通过; 序号 1…n", () => {
    const rows = sheets["汇总"].slice(1);
    expect(
      rows.map((r) => [
        r[col("文件")],
        r[col("工作表/区域")] === "" ? "" : String(r[2]).split("!")[0],
        r[col("状态")],
      ]),
    ).toEqual([
      ["02-武冈.xlsx", "自评表", "需修改"],
      ["03-两张表.xlsx", "二级单位", "需修改"],
      ["07-项目.xlsx", "项目支出绩效自评表", "需修改"],
      ["05-损坏.xlsx", "", "无法读取"],
      ["06-旧格式.xls", "", "已跳过"],
      ["~$01-正确.xlsx", "", "已跳过"],
      ["说明.txt", "", "已跳过"],
      ["01-正确.xlsx", "自评表", "通过"],
      ["03-两张表.xlsx", "自评表", "通过"],
      ["04-同编码.xlsx", "自评表", "通过"],
    ]);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("the project form's row: 表格类型 项目支出绩效自评表, 4 errors, 需修改, its 年度资金总额 errors first", () => {
    const row = sheets["汇总"].find((r) => r[col("文件")] === "07-项目.xlsx")!;
    expect([row[col("表格类型")], row[col("错误数")], row[col("警告数")], row[col("状态")]]).toEqual([
      "项目支出绩效自评表",
      4,
      0,
      "需修改",
    ]);
    // Errors sorted by row: the three SUM_MISMATCH on row 7 (D7, E7, F7) come before H16.
    const lines = String(row[col("主要问题")]).split("\n");
    expect(lines.map((l) => /!([A-Z]+\d+)：/.exec(l)?.[1])).toEqual(["D7", "E7", "F7"]);
    for (const l of lines) expect(l).toContain("年度资金总额");
  });

  test("every form's cells are its JSON values", () => {
    const rows = sheets["汇总"].slice(1);
    for (const e of doc.files) {
      const where = e.form ? `${e.sheet}!${e.form.area}` : "";
      const row = rows.find((r) => r[col("文件")] === rel(e.file) && r[col("工作表/区域")] === where);
      expect({ file: e.file, where, found: row !== undefined }).toEqual({ file: e.file, where, found: true });
      const got = (name: string) => row![col(name)];
      const blank = (v: unknown) => (v === null || v === undefined ? "" : v);
      if (e.error) {
        expect(got("状态")).toBe("无法读取");
        expect(got("主要问题")).toBe(e.error.message);
        expect([got("错误数"), got("警告数"), got("单位名称")]).toEqual(["", "", ""]);
        continue;
      }
      const f = e.form!;
      const expected = {
        表格类型: KIND_NAME[f.kind!],
        单位名称: blank(f.department),
        预算编码: blank(f.code),
        年度: blank(f.year),
        表中总分: blank(f.total.typed),
        重算总分: blank(f.total.computed),
        表中等级: blank(f.grade.typed),
        重算等级: blank(f.grade.computed),
        错误数: e.counts.error,
        警告数: e.counts.warning,
        状态: e.counts.error > 0 ? "需修改" : "通过",
      };
      const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, got(k)]));
      expect({ file: e.file, where, ...actual }).toEqual({ file: e.file, where, ...expected });
      if (f.total.typed !== null && f.total.computed !== null)
        expect(got("差额")).toBeCloseTo(f.total.typed - f.total.computed, 4);
      // 主要问题: the first three findings, errors first, each one of this form's JSON messages.
      const lines = String(got("主要问题")).split("\n").filter(Boolean);
      expect(lines.length).toBe(Math.min(3, e.findings.length));
      for (const l of lines) {
        const m = /^\[(错误|警告|提示)\] (?:(.+?!\w+\d+)：)?(.*)$/s.exec(l);
        expect(m).not.toBeNull();
        expect(
          e.findings.some((x) => x.message.replace(/\s*\n\s*/g, " ") === m![3] && x.cell === (m![2] ?? null)),
        ).toBe(true);
      }
      if (e.counts.error > 0) expect(lines[0].startsWith("[错误]")).toBe(true);
      // No --profile: each form's own automatic choice, with its reason as the JSON gives it.
      expect(String(got("评分规则（及选择依据）"))).toBe(
        `${getProfile(f.profile).name}（${f.profileReason}）`,
      );
    }
  });

  test("skipped files: reason and what to do in 主要问题", () => {
    const rows = sheets["汇总"].slice(1);
    for (const s of doc.skipped) {
      const row = rows.find((r) => r[col("文件")] === rel(s.file))!;
      expect(row[col("状态")]).toBe("已跳过");
      expect(row[col("主要问题")]).toBe(`${s.reason}。${s.action}。`);
    }
  });

  test("status colours: one fill per status, different statuses differ", () => {
    const ws = book.getWorksheet("汇总")!;
    const fills = new Map<string, Set<string>>();
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(HEADER.length);
      const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? "none";
      const set = fills.get(String(cell.value)) ?? new Set<string>();
      set.add(argb);
      fills.set(String(cell.value), set);
    }
    expect([...fills.keys()].sort()).toEqual(["已跳过", "无法读取", "通过", "需修改"].sort());
    const each = [...fills.values()].map((s) => [...s]);
    for (const s of each) expect(s).toHaveLength(1);
    expect(new Set(each.map((s) => s[0])).size).toBe(4);
    expect(each.flat()).not.toContain("none");
  });

  test("问题统计: forms affected and findings per rule equal the JSON's", () => {
    const rows = sheets["问题统计"];
    // 规则 is the rule's Chinese name; its code comes last (规则代码), for a reviewer who filters by it.
    expect(rows[0]).toEqual(["规则", "涉及表数", "问题数", "其中错误", "其中警告", "其中提示", "规则代码"]);
    const forms = doc.files.filter((e) => !e.error);
    for (const r of rows.slice(1)) {
      const id = r[6] as string;
      const withRule = forms.filter((e) => e.findings.some((f) => f.rule === id));
      const all = forms.flatMap((e) => e.findings.filter((f) => f.rule === id));
      const sev = (s: string) => all.filter((f) => f.severity === s).length;
      expect({ id, counts: r.slice(1, 6) }).toEqual({
        id,
        counts: [withRule.length, all.length, sev("error"), sev("warning"), sev("info")],
      });
    }
    // Every rule of the JSON is listed, with its Chinese name.
    const ids = new Set(forms.flatMap((e) => e.findings.map((f) => f.rule)));
    for (const id of ids)
      expect(rows.some((r) => r[6] === id && /^\p{Script=Han}/u.test(String(r[0])))).toBe(true);
    expect(rows.find((r) => r[6] === "SUM_MISMATCH")![0]).toBe("合计不符");
  });

  // The project form's 主管部门 and year (示范市科技和工业信息化局, 2023) are those of 01 and 03's first form: a
  // department's overall form and its project forms are not duplicates, so 07 is in no group.
  test("重复: the same 预算编码 in three files, the same department and year in two, no project form", () => {
    const seq = (file: string, sheet: string) =>
      sheets["汇总"].find((r) => r[1] === file && String(r[2]).startsWith(`${sheet}!`))![0];
    const rows = sheets["重复"].slice(1).map((r) => [r[0], r[1], r[2], r[3], String(r[4]).split("!")[0]]);
    const dept = "示范市科技和工业信息化局 2023 年度";
    expect(rows).toEqual([
      // Sorted as in 汇总 (all three pass, so in input order).
      ["同一预算编码", "028001", seq("01-正确.xlsx", "自评表"), "01-正确.xlsx", "自评表"],
      ["同一预算编码", "028001", seq("03-两张表.xlsx", "自评表"), "03-两张表.xlsx", "自评表"],
      ["同一预算编码", "028001", seq("04-同编码.xlsx", "自评表"), "04-同编码.xlsx", "自评表"],
      ["同一单位和年度", dept, seq("01-正确.xlsx", "自评表"), "01-正确.xlsx", "自评表"],
      ["同一单位和年度", dept, seq("03-两张表.xlsx", "自评表"), "03-两张表.xlsx", "自评表"],
    ]);
  });

  test("说明: when, which tool, which rules, and the counts of the run", () => {
    const notes = Object.fromEntries(sheets["说明"].slice(1).map((r) => [r[0], r[1]]));
    expect(String(notes["生成时间"])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(String(notes["生成工具"])).toMatch(/^jixiao-check \d+\.\d+\.\d+/);
    expect(notes["检查对象"]).toBe(IN);
    // Every profile the forms were checked with, once each, in order of first use (JSON form.profile/profileReason).
    const used = [
      ...new Set(
        doc.files.flatMap((e) =>
          e.form ? [`${getProfile(e.form.profile).name}（${e.form.profileReason}）`] : [],
        ),
      ),
    ];
    expect(used.length).toBeGreaterThanOrEqual(2); // hunan for most, step-deduction for 武冈 (执行率 5 / 95)
    expect(notes["评分规则"]).toBe(used.join("；"));
    // Forms 01, 02, 03 ×2, 04, 07 = 6; 需修改 02, 03/二级单位, 07 = 3; 通过 01, 03/自评表, 04 = 3.
    expect([notes["自评表数"], notes["需修改"], notes["通过"], notes["无法读取"], notes["已跳过"]]).toEqual([
      6, 3, 3, 1, 3,
    ]);
    expect(String(notes["检查的规则"])).toContain("合计不符（SUM_MISMATCH）");
  });
});

describe("CSV", () => {
  test("UTF-8 with BOM and CRLF; the same rows as the 汇总 sheet", async () => {
    const bytes = await fs.readFile(path.join(dir, "汇总.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toEqual(sheets["汇总"].map((r) => r.map((v) => String(v))));
  });
});

describe("a summary workbook of an earlier run in the input folder", () => {
  test("is listed in skipped[] as an output, not checked: the exit status is the forms' alone", async () => {
    const inbox = path.join(dir, "第二批");
    await fs.mkdir(inbox);
    await fs.copyFile(path.join(dir, IN, "01-正确.xlsx"), path.join(inbox, "01-正确.xlsx"));
    // Renamed on purpose: recognised by its sheets and its 说明 生成工具 row, not by its name.
    await fs.copyFile(path.join(dir, "汇总.xlsx"), path.join(inbox, "上次的结果.xlsx"));
    const j = runCli(dir, ["--json", "--no-progress", "--summary", "汇总2.csv", "第二批"]);
    // Read as a form it would be TEMPLATE_NOT_FOUND (an error: exit 1); the one real form is clean.
    expect(j.status).toBe(0);
    const d = JSON.parse(j.stdout) as Doc;
    expect(d.files.map((e) => e.file)).toEqual([path.join("第二批", "01-正确.xlsx")]);
    expect(d.skipped).toEqual([
      {
        file: path.join("第二批", "上次的结果.xlsx"),
        kind: "output",
        reason: expect.stringContaining("这是本工具以前生成的汇总表"),
        action: expect.any(String),
      },
    ]);
    // The new summary lists it as 已跳过 with the reason.
    const csv = parseCsv((await fs.readFile(path.join(dir, "汇总2.csv"), "utf8")).slice(1));
    const row = csv.find((r) => r[col("文件")] === "上次的结果.xlsx")!;
    expect(row[col("状态")]).toBe("已跳过");
    expect(row[col("主要问题")]).toContain("这是本工具以前生成的汇总表");
    // The text report: one file checked, the old summary among the skipped files.
    const t = runCli(dir, ["--no-progress", "第二批"]);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain(`  ${path.join("第二批", "上次的结果.xlsx")}：这是本工具以前生成的汇总表`);
    expect(t.stdout).toContain("检查完成。共 1 个文件：0 个有错误，0 个只有警告，1 个未发现问题");
    await fs.rm(inbox, { recursive: true });
    await fs.rm(path.join(dir, "汇总2.csv"));
  }, 60000);

  test("a user's workbook with a sheet named 汇总, or with all four names but another 生成工具, is checked", async () => {
    const inbox = path.join(dir, "第三批");
    await fs.mkdir(inbox);
    const text = (rows: string[][]) => ({
      cells: rows.map((r) => r.map((v) => ({ value: { kind: "text" as const, value: v } }))),
      merges: [],
    });
    // A department's own workbook: its form plus a sheet it calls 汇总.
    await fs.writeFile(
      path.join(inbox, "带汇总页.xlsx"),
      await workbookToXlsx({
        sheets: [
          buildStandardForm(spec("正确填报示例.xlsx"), { sheetName: "自评表" }),
          { name: "汇总", ...text([["项目", "金额"]]) },
        ],
      }),
    );
    // Our four sheet names, but 说明 names another program: not ours, so checked (no form in it).
    await fs.writeFile(
      path.join(inbox, "别的汇总.xlsx"),
      await workbookToXlsx({
        sheets: [
          { name: "汇总", ...text([["序号", "文件"]]) },
          { name: "问题统计", ...text([["规则编号"]]) },
          { name: "重复", ...text([["重复类型"]]) },
          {
            name: "说明",
            ...text([
              ["项目", "内容"],
              ["生成时间", "2024-01-01"],
              ["生成工具", "某市财政汇总程序 2.0"],
            ]),
          },
        ],
      }),
    );
    const r = runCli(dir, ["--json", "--no-progress", "第三批"]);
    const d = JSON.parse(r.stdout) as Doc;
    expect(d.skipped).toEqual([]);
    expect(d.files.map((e) => [path.basename(e.file), e.sheet, e.counts.error > 0])).toEqual([
      ["别的汇总.xlsx", null, true],
      ["带汇总页.xlsx", "自评表", false],
    ]);
    expect(d.files[0].findings.map((f) => f.rule)).toEqual(["TEMPLATE_NOT_FOUND"]);
    expect(r.status).toBe(1);
    await fs.rm(inbox, { recursive: true });
  }, 60000);
});

describe("bad output locations", () => {
  const hash = async (f: string) =>
    createHash("sha256")
      .update(await fs.readFile(f))
      .digest("hex");

  test("an existing summary is refused with exit 2 before any check, and left unchanged", async () => {
    const before = await hash(path.join(dir, "汇总.xlsx"));
    const r = runCli(dir, ["--summary", "汇总.xlsx", IN]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("汇总表 汇总.xlsx 已存在。为避免覆盖，请换一个文件名");
    expect(r.stdout).toBe("");
    expect(await hash(path.join(dir, "汇总.xlsx"))).toBe(before);
  });

  test("a summary name that is neither .xlsx nor .csv: exit 2", () => {
    const r = runCli(dir, ["--summary", "汇总.txt", IN]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--summary 的文件名应以 .xlsx 或 .csv 结尾");
  });

  test("outputs inside the input folder are not read as input, now or in a later run", async () => {
    const first = runCli(dir, ["--json", "--summary", p("汇总-内.xlsx"), "--write-dir", p("退回"), IN]);
    expect(first.status).toBe(2);
    const d1 = JSON.parse(first.stdout) as Doc;
    expect(d1.files.map((e) => e.file)).toEqual(doc.files.map((e) => e.file));
    // Marked copies of the four readable files, each with its 复核底稿 sheet.
    const copies = (await fs.readdir(path.join(dir, IN, "退回"))).sort();
    expect(copies).toEqual([
      "01-正确（已标注）.xlsx",
      "02-武冈（已标注）.xlsx",
      "03-两张表（已标注）.xlsx",
      "04-同编码（已标注）.xlsx",
      "07-项目（已标注）.xlsx",
    ]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(dir, IN, "退回", "03-两张表（已标注）.xlsx"));
    const review = copy.getWorksheet("复核底稿")!;
    const titles: string[] = [];
    review.eachRow((row) => {
      const v = String(row.getCell(1).value ?? "");
      if (v.startsWith("复核底稿：")) titles.push(v);
    });
    // One block per form of the two-form workbook.
    expect(titles).toEqual([
      expect.stringContaining("示范市科技和工业信息化局 2023 年度（工作表“自评表”"),
      expect.stringContaining("吉首市科技和工业信息化局 2023 年度（工作表“二级单位”"),
    ]);
    // A later run into the same folder: the copies folder and the first run's summary (recognised by its
    // content once opened, so listed after the files skipped by name) are outputs, not checked.
    const second = runCli(dir, ["--json", "--write-dir", p("退回"), IN]);
    const d2 = JSON.parse(second.stdout) as Doc;
    expect(d2.files.map((e) => e.file)).toEqual(doc.files.map((e) => e.file));
    expect(d2.skipped.filter((s) => s.kind === "output").map((s) => s.file)).toEqual([
      p("退回"),
      p("汇总-内.xlsx"),
    ]);
    await fs.rm(path.join(dir, IN, "退回"), { recursive: true });
    await fs.rm(path.join(dir, IN, "汇总-内.xlsx"));
  }, 120000);

  // As root every folder is writable: the command runs as "nobody" then, from a copy it can read.
  const it = AS_ROOT ? testIfNobodyCanRun() : test;
  it("a read-only output folder: a clear error, exit 2, no file left behind", async () => {
    const ro = path.join(dir, "只读");
    await fs.mkdir(ro);
    await fs.chmod(ro, 0o555);
    const bin = AS_ROOT ? await commandCopyFor(dir) : BIN;
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, [bin, ...args], {
        cwd: dir,
        encoding: "utf8",
        timeout: 90000,
        ...(AS_ROOT ? NOBODY : {}),
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const a = run(["--summary", path.join("只读", "汇总.xlsx"), IN]);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("汇总表无法写入");
    expect(a.stderr).toContain("没有写入权限");
    const b = run(["--write-dir", path.join("只读", "退回"), IN]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain("标注副本文件夹无法写入");
    expect(await fs.readdir(ro)).toEqual([]);
    await fs.chmod(ro, 0o755);
  }, 60000);

  test("a folder that refuses the write itself (sysfs, even for root): exit 2, no partial file", () => {
    const r = runCli(dir, ["--summary", "/sys/jixiao-汇总.xlsx", IN]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/汇总表.*(没有写入权限|无法写入)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|意外错误/);
    return fs.access("/sys/jixiao-汇总.xlsx").then(
      () => {
        throw new Error("a file was left behind");
      },
      () => undefined,
    );
  });
});
