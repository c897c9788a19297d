/* global process, Buffer */
/**
 * End-to-end tests of bin/jixiao-check.js: builds lib/ once (tsc -p tsconfig.cli.json), then spawns the
 * real command on copies of the committed samples and on generated files in a temp folder.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { a1 } from "../../src/core/grid";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { workbookToXlsx } from "../../src/io/xlsxWrite";
import { writeLargeSample } from "../../scripts/make-samples";
import { sampleSpecs } from "../../scripts/sample-specs";
import { BIN, type CliRun, ROOT, runCli } from "./run-cli";

let dir: string;

type Run = CliRun;

function run(args: string[]): Run {
  return runCli(dir, args, 60000);
}

function json(args: string[]): { run: Run; doc: { files: Record<string, unknown>[] } } {
  const r = run(["--json", ...args]);
  return { run: r, doc: JSON.parse(r.stdout) };
}

const spec = (file: string) => sampleSpecs().find((s) => s.file === file)!.spec;
const WUGANG = "错误示例-武冈2022.xlsx";
const JISHOU = "错误示例-吉首2023.xlsx";
const CORRECT = "正确填报示例.xlsx";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-cli-"));
  for (const f of [CORRECT, WUGANG, JISHOU, "空白模板.xlsx"]) {
    await fs.copyFile(path.join(ROOT, "samples", f), path.join(dir, f));
  }
}, 180000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("help and version", () => {
  test("--help prints Chinese usage and exits 0", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("用法：jixiao-check");
    expect(r.stdout).toContain("--write");
    expect(r.stdout).toContain("退出码");
  });
  test("--version prints the package version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = run(["--version"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`jixiao-check ${pkg.version}`);
  });
  test("usage errors exit 2 with a Chinese message", () => {
    for (const args of [
      [],
      ["--bogus", CORRECT],
      ["--jobs", "0", CORRECT],
      ["--write", "a.xlsx", "--write-dir", "d", CORRECT],
    ]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/jixiao-check：/);
      expect(r.stdout).toBe("");
    }
  });
  test("--fix without --write or --write-dir is a usage error that says why", () => {
    const r = run(["--fix", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--fix 只能与 --write 或 --write-dir 一起使用");
    expect(r.stdout).toBe("");
    const help = run(["--help"]);
    expect(help.stdout).toContain("--fix");
  });
});

describe("checking the samples", () => {
  test("the correct sample: exit 0, no findings, total 99.03 and grade 优 both typed and computed", () => {
    const { run: r, doc } = json([CORRECT]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(doc.files).toHaveLength(1);
    const f = doc.files[0] as { form: { total: unknown; grade: unknown; year: number }; findings: unknown[] };
    // 9.53 + 49.5 + 30 + 10 = 99.03 (scripts/sample-specs.ts), ≥ 90 → 优.
    expect(f.form.total).toEqual({ typed: 99.03, computed: 99.03 });
    expect(f.form.grade).toEqual({ typed: "优", computed: "优" });
    expect(f.form.year).toBe(2023);
    expect(f.findings).toEqual([]);
    const text = run([CORRECT]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("未发现问题");
  });

  test("JSON has exactly the shape of rules.md", () => {
    const { doc } = json([WUGANG]);
    expect(Object.keys(doc)).toEqual(["files", "skipped"]);
    const entry = doc.files[0] as Record<string, Record<string, unknown>>;
    expect(Object.keys(entry)).toEqual(["file", "sheet", "form", "counts", "findings", "error"]);
    expect(entry.file).toBe(WUGANG);
    expect(entry.sheet).toBe("自评表");
    expect(entry.error).toBeNull();
    expect(Object.keys(entry.form)).toEqual([
      ...["department", "year", "profile", "total", "grade"],
      ...["kind", "code", "area", "profileReason"],
    ]);
    // The 武冈 sample (scripts/sample-specs.ts): a 部门整体 form, 预算编码 517001.
    expect(entry.form.kind).toBe("department");
    expect(entry.form.code).toBe("517001");
    expect(entry.form.area).toMatch(/^A1:[A-Z]+\d+$/);
    // No --profile: the form's weights (执行率 5, total 95) chose the step-deduction profile, and say so.
    expect(entry.form.profileReason).toMatch(/执行率每低于2%扣1分.*预算执行率分值 5、总分分值 95/);
    // counts agree with the findings listed.
    const sev = (s: string) =>
      (entry.findings as unknown as { severity: string }[]).filter((f) => f.severity === s).length;
    expect(entry.counts).toEqual({ error: sev("error"), warning: sev("warning"), info: sev("info") });
    expect(Object.keys(entry.form.total as object)).toEqual(["typed", "computed"]);
    expect(Object.keys(entry.form.grade as object)).toEqual(["typed", "computed"]);
    const findings = entry.findings as unknown as Record<string, unknown>[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "cell", "message", "typed", "expected", "steps"]);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.cell).toMatch(/^自评表![A-Z]+\d+$/);
      expect(typeof f.message).toBe("string");
    }
  });

  test("seed 000 (武冈 2022): exit 1 with income-as-spending, total 95 vs parts 90, weights 95, 执行率得分", () => {
    const { run: r, doc } = json([WUGANG]);
    expect(r.status).toBe(1);
    const entry = doc.files[0] as {
      form: { department: string; year: number; profile: string; total: unknown };
      findings: { rule: string; severity: string; cell: string; typed: unknown; expected: unknown }[];
    };
    expect(entry.form.department).toBe("武冈市科技和工业信息化局");
    expect(entry.form.year).toBe(2022);
    // No --profile: 执行率 weight 5 and 总分 95 point to the step-deduction profile (domain.md §2.10).
    expect(entry.form.profile).toBe("step-deduction");
    // No computed total: the 执行率 4551.57 ÷ 459.61 = 990.31% rests on doubted figures (全年执行数 is the
    // income total; 全年预算数 is below its own 基本支出), so neither its points nor the total are proposed.
    expect(entry.form.total).toEqual({ typed: 95, computed: null });
    const L = standardLayout(spec(WUGANG));
    const at = (p: { row: number; col: number }) => `自评表!${a1(p.row, p.col)}`;
    const budgetTotal = L.budget.rows[0];
    const find = (rule: string, cell?: string) =>
      entry.findings.find((f) => f.rule === rule && (cell === undefined || f.cell === cell));
    const doubt = `无法确定：请先核对全年执行数（${a1(budgetTotal.executed.row, budgetTotal.executed.col)}）`;

    // 4551.57 is the income total; spending is 679.77 + 3883.70 = 4563.47.
    expect(find("INCOME_AS_SPENDING", at(budgetTotal.executed))).toMatchObject({
      severity: "error",
      typed: 4551.57,
      expected: 4563.47,
    });
    // Typed 总分 95, typed parts 0 + 50 + 30 + 10 = 90: the difference is reported, no total is proposed.
    const total = find("SUM_MISMATCH", at(L.total.score)) as Record<string, unknown> | undefined;
    expect(total).toMatchObject({ severity: "error", typed: 95, expected: 90 });
    expect(total?.message).toContain(doubt);
    expect(total?.fix).toBeUndefined();
    // Weights 5 + 50 + 30 + 10 = 95: the step-deduction profile's own total, so no WEIGHT_TOTAL; under
    // --profile hunan (total 100) they are reported.
    expect(entry.findings.some((f) => f.rule === "WEIGHT_TOTAL")).toBe(false);
    const hunan = json(["--profile", "hunan", WUGANG]).doc.files[0] as typeof entry;
    expect(hunan.form.profile).toBe("hunan");
    expect(hunan.findings.some((f) => f.rule === "WEIGHT_TOTAL" && f.severity === "error")).toBe(true);
    // 执行率得分 typed 0: not "应为 5" — it cannot be determined until the doubted cells are checked.
    const score = find("SCORE_MISMATCH", at(budgetTotal.score)) as Record<string, unknown> | undefined;
    expect(score).toMatchObject({ severity: "warning", typed: 0 });
    expect(score?.message).toContain(doubt);
    expect(score?.message).not.toMatch(/应为 5/);
    expect(score?.fix).toBeUndefined();
    expect(find("EXEC_OVER_100")).toMatchObject({ severity: "warning" });
    // 459.61 < 基本支出 679.77.
    expect(find("MAGNITUDE", at(budgetTotal.fullYearBudget))).toMatchObject({ severity: "warning" });
    // "2021年度" in the 2022 form's 实际完成情况.
    expect(find("YEAR_MISMATCH", at(L.goals.actual))).toMatchObject({
      severity: "warning",
      typed: 2021,
      expected: 2022,
    });
  });

  test("seed 004 (吉首 2023): exit 1 with blank phone, score above weight, missing reason, 万元 in rate indicators, 2022", () => {
    const { run: r, doc } = json([JISHOU]);
    expect(r.status).toBe(1);
    const entry = doc.files[0] as {
      findings: { rule: string; severity: string; cell: string; typed: unknown; expected: unknown }[];
    };
    const s = spec(JISHOU);
    const L = standardLayout(s);
    const at = (p: { row: number; col: number }) => `自评表!${a1(p.row, p.col)}`;
    const row = (name: string) => L.indicators.rows[s.indicators.findIndex((i) => i.name === name)];
    const has = (rule: string, cell: string, severity: string) =>
      entry.findings.some((f) => f.rule === rule && f.cell === cell && f.severity === severity);

    expect(has("MISSING_FIELD", at(L.header.phone.value), "error")).toBe(true);
    // 新增规模企业: 7 points typed against a weight of 6.
    const over = entry.findings.find((f) => f.rule === "SCORE_OUT_OF_RANGE");
    expect(over).toMatchObject({
      cell: at(row("新增规模企业").score),
      typed: 7,
      expected: 6,
      severity: "error",
    });
    // 重点工作完成及时率: 4 of 6 with no reason (rule: 6 × 99% = 5.94).
    expect(has("MISSING_REASON", at(row("重点工作完成及时率").reason), "error")).toBe(true);
    expect(
      entry.findings.find(
        (f) => f.rule === "SCORE_MISMATCH" && f.cell === at(row("重点工作完成及时率").score),
      ),
    ).toMatchObject({
      typed: 4,
      expected: 5.94,
    });
    // Rate indicators holding amounts.
    expect(has("UNIT_MISMATCH", at(row("公用经费控制率").actual), "warning")).toBe(true);
    expect(has("UNIT_MISMATCH", at(row("政府采购执行率").actual), "warning")).toBe(true);
    // "2022年政府采购预算数…" in a 2023 form.
    expect(has("YEAR_MISMATCH", at(row("政府采购执行率").reason), "warning")).toBe(true);
  });

  test("a mix of clean and failing files exits 1; the text report names each file", () => {
    const r = run([CORRECT, WUGANG]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`文件：${CORRECT}`);
    expect(r.stdout).toContain(`文件：${WUGANG}`);
    expect(r.stdout).toContain("INCOME_AS_SPENDING");
    expect(r.stdout).toMatch(/共 2 个文件：1 个有错误，0 个只有警告，1 个未发现问题/);
  });
});

describe("unreadable files", () => {
  test("a file that is not an .xlsx: exit 2, a message naming the file, the other files still checked", async () => {
    await fs.writeFile(path.join(dir, "坏文件.xlsx"), "这不是一个工作簿");
    const { run: r, doc } = json(["坏文件.xlsx", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取 坏文件.xlsx");
    expect(r.stderr).toContain("不是 .xlsx 工作簿");
    // Both files are in the JSON: the bad one with its error (and no form), the other checked.
    expect(doc.files.map((f) => f.file)).toEqual(["坏文件.xlsx", CORRECT]);
    const bad = doc.files[0] as unknown as {
      form: unknown;
      findings: unknown[];
      error: { code: string; message: string };
    };
    expect(bad.form).toBeNull();
    expect(bad.findings).toEqual([]);
    expect(bad.error.code).toBe("NOT_XLSX");
    expect(bad.error.message).toContain("不是 .xlsx 工作簿");
    // And in the text report's list of unreadable files, not only on stderr.
    const text = runCli(dir, ["坏文件.xlsx", CORRECT]);
    expect(text.stdout).toContain("无法读取的文件：\n  坏文件.xlsx：不是 .xlsx 工作簿");
  });

  test("a missing file: exit 2", () => {
    const r = run(["没有这个文件.xlsx"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取 没有这个文件.xlsx：文件或文件夹不存在。");
  });

  test("an old .xls / encrypted file (OLE container) gets its own explanation", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(path.join(dir, "旧表.xls"), ole);
    const r = run(["旧表.xls"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("旧版 .xls");
  });
});

describe("folders and several forms", () => {
  test("folders recurse for .xlsx, skip ~$ lock files, and two forms in one workbook give two entries", async () => {
    const batch = path.join(dir, "收件箱");
    await fs.mkdir(path.join(batch, "二级单位"), { recursive: true });
    await fs.copyFile(path.join(dir, CORRECT), path.join(batch, CORRECT));
    await fs.copyFile(path.join(dir, JISHOU), path.join(batch, "二级单位", JISHOU));
    await fs.writeFile(path.join(batch, "~$正确填报示例.xlsx"), "lock");
    await fs.writeFile(path.join(batch, "说明.txt"), "不是工作簿");
    const two = await workbookToXlsx({
      sheets: [
        buildStandardForm(spec(CORRECT), { sheetName: "自评表" }),
        buildStandardForm(spec(WUGANG), { sheetName: "二级单位" }),
      ],
    });
    await fs.writeFile(path.join(batch, "两张表.xlsx"), two);

    const { run: r, doc } = json(["收件箱"]);
    expect(r.status).toBe(1);
    const entries = doc.files.map((f) => [f.file, f.sheet]);
    // Sorted by name (code point order: 两 U+4E24 < 二 U+4E8C < 正 U+6B63), sheets in tab order.
    expect(entries).toEqual([
      [path.join("收件箱", "两张表.xlsx"), "自评表"],
      [path.join("收件箱", "两张表.xlsx"), "二级单位"],
      [path.join("收件箱", "二级单位", JISHOU), "自评表"],
      [path.join("收件箱", CORRECT), "自评表"],
    ]);
    // No progress bar when stderr is not a terminal.
    expect(r.stderr).toBe("");
  });
});

describe("large form", () => {
  test("大表-1000行.xlsx (generated, not committed): 1,000 fully achieved indicators, exit 0, total 100", async () => {
    const file = await writeLargeSample(path.join(dir, "大表"), 1000);
    const { run: r, doc } = json([file]);
    expect(r.status).toBe(0);
    const entry = doc.files[0] as { form: { total: unknown; grade: unknown }; findings: unknown[] };
    // 执行率 1000 / 1000 → 10 points; every indicator at full points; weights add up to 50 / 30 / 10.
    expect(entry.form.total).toEqual({ typed: 100, computed: 100 });
    expect(entry.form.grade).toEqual({ typed: "优", computed: "优" });
    expect(entry.findings).toEqual([]);
  });
});

describe("--profile", () => {
  test("a builtin name is used and reported", () => {
    const { run: r, doc } = json(["--profile", "national", CORRECT]);
    expect(r.status).toBe(0);
    expect((doc.files[0].form as { profile: string }).profile).toBe("national");
    // The text report names the rules in Chinese (src/core/profiles/national.json), with the id.
    expect(run(["--profile", "national", CORRECT]).stdout).toContain(
      "评分规则：全国通用（优/良/中/差）（national）",
    );
    expect(run([CORRECT]).stdout).toContain("评分规则：湖南省（优/良/较差/差）（hunan）");
  });

  test("a reader that closes the pipe early (| head) ends the run quietly, with the usual exit status", async () => {
    // 30 copies of the 武冈 form make a report far larger than a pipe's buffer; `head` reads 100 bytes
    // and closes the pipe, as a reviewer's `jixiao-check --json 文件夹 | head` does.
    const many = path.join(dir, "许多");
    await fs.mkdir(many);
    for (let i = 0; i < 30; i++) await fs.copyFile(path.join(dir, WUGANG), path.join(many, `${i}.xlsx`));
    const script = '( "$0" "$1" --json "$2"; echo "退出状态=$?" >&2 ) | head -c 100 > /dev/null';
    const r = spawnSync("sh", ["-c", script, process.execPath, BIN, many], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js:\d+/);
    expect(r.stderr.trim()).toBe("退出状态=1");
  }, 60000);

  test("a JSON profile file is validated and used", async () => {
    const hunan = JSON.parse(readFileSync(path.join(ROOT, "src/core/profiles/hunan.json"), "utf8"));
    // 执行率 5 + 产出 55 + 效益 30 + 满意度 10 = 100: the correct sample's 执行率分值 10 now breaks the weights.
    const mine = {
      ...hunan,
      id: "mycity",
      name: "本市规则",
      weights: { execution: 5, output: 55, effect: 30, satisfaction: 10 },
    };
    await fs.writeFile(path.join(dir, "本市规则.json"), JSON.stringify(mine));
    const { run: r, doc } = json(["--profile", "本市规则.json", CORRECT]);
    expect((doc.files[0].form as { profile: string }).profile).toBe("mycity");
    expect(r.status).toBe(1);
    expect((doc.files[0].findings as { rule: string }[]).some((f) => f.rule === "WEIGHT_TOTAL")).toBe(true);
  });

  test("an invalid profile file, bad JSON or an unknown name: exit 2 with a Chinese explanation", async () => {
    await fs.writeFile(path.join(dir, "坏规则.json"), JSON.stringify({ id: "x", totalWeight: "一百" }));
    await fs.writeFile(path.join(dir, "不是json.json"), "{ id: x");
    let r = run(["--profile", "坏规则.json", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("评分规则文件 坏规则.json 内容有误");
    expect(r.stdout).toBe("");
    r = run(["--profile", "不是json.json", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("不是有效的 JSON");
    r = run(["--profile", "不存在的规则", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("hunan");
  });
});

describe("--write and --write-dir", () => {
  async function fillOf(file: string, address: string): Promise<string | undefined> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
    const f = wb.getWorksheet("自评表")!.getCell(address).fill as ExcelJS.FillPattern | undefined;
    return f?.type === "pattern" ? (f.fgColor?.argb as string | undefined) : undefined;
  }

  test("writes a marked copy; the input stays byte-identical", async () => {
    const input = path.join(dir, WUGANG);
    const before = await fs.readFile(input);
    const r = run(["--write", "武冈-已标注.xlsx", WUGANG]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("已保存标注副本");
    expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);

    const L = standardLayout(spec(WUGANG));
    const out = path.join(dir, "武冈-已标注.xlsx");
    const executed = L.budget.rows[0].executed;
    expect(await fillOf(out, a1(executed.row, executed.col))).toBe("FFFFC7CE"); // INCOME_AS_SPENDING: error
    const fy = L.budget.rows[0].fullYearBudget;
    expect(await fillOf(out, a1(fy.row, fy.col))).toBe("FFFFEB9C"); // MAGNITUDE: warning
    expect(
      await fillOf(out, a1(L.header.department.value.row, L.header.department.value.col)),
    ).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("自评表")!;
    // Without --fix the typed values stay: 执行率得分 0 (the rules would give 5) and the total 95.
    const score = L.budget.rows[0].score;
    expect(ws.getCell(a1(score.row, score.col)).value).toBe(0);
    expect(ws.getCell(a1(L.total.score.row, L.total.score.col)).value).toBe(95);
    expect(ws.getCell(a1(L.grade.value.row, L.grade.value.col)).value).toBe("优");
  });

  test("refuses to overwrite an existing file or the input itself, and takes one input only", async () => {
    const existing = path.join(dir, "已有.xlsx");
    await fs.writeFile(existing, "old");
    let r = run(["--write", "已有.xlsx", CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("已存在");
    expect(await fs.readFile(existing, "utf8")).toBe("old");

    const before = await fs.readFile(path.join(dir, CORRECT));
    r = run(["--write", CORRECT, CORRECT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("不能指向输入文件本身");
    expect(Buffer.compare(await fs.readFile(path.join(dir, CORRECT)), before)).toBe(0);

    r = run(["--write", "两个.xlsx", CORRECT, JISHOU]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--write-dir");
    await expect(fs.stat(path.join(dir, "两个.xlsx"))).rejects.toThrow();
  });

  test("--write-dir writes one marked copy per input and never overwrites on a second run", async () => {
    const r = run(["--write-dir", "标注", CORRECT, JISHOU]);
    expect(r.status).toBe(1);
    const names = (await fs.readdir(path.join(dir, "标注"))).sort();
    expect(names).toEqual(["正确填报示例（已标注）.xlsx", "错误示例-吉首2023（已标注）.xlsx"].sort());
    const stamp = await fs.readFile(path.join(dir, "标注", "正确填报示例（已标注）.xlsx"));
    const again = run(["--write-dir", "标注", CORRECT]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(
      Buffer.compare(await fs.readFile(path.join(dir, "标注", "正确填报示例（已标注）.xlsx")), stamp),
    ).toBe(0);
  });
});
