/* global require */
/**
 * Batches through worker threads: the real command (bin/jixiao-check.js after tsc -p tsconfig.cli.json)
 * on 12 generated files — correct forms, faulty forms, a workbook with two forms and four unreadable
 * files — must print the same bytes with --jobs 1 (everything in the main thread), --jobs 3 (three
 * worker threads) and the default, and exit with the same status.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { buildStandardForm } from "../../src/core/template";
import { workbookToXlsx } from "../../src/io/xlsxWrite";
import { formToXlsx } from "../../scripts/make-samples";
import { largeSpec, sampleSpecs } from "../../scripts/sample-specs";
import { type CliRun, ROOT, runCli } from "./run-cli";

/** Every part of an .xlsx package: name → contents (base64, so a difference shows as unequal strings). */
async function zipParts(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) out[name] = await zip.files[name].async("base64");
  return out;
}

let dir: string;

type Run = CliRun;

function run(args: string[]): Run {
  return runCli(dir, args);
}

const spec = (file: string) => sampleSpecs().find((s) => s.file === file)!.spec;
const CORRECT = spec("正确填报示例.xlsx");
const WUGANG = spec("错误示例-武冈2022.xlsx");
const JISHOU = spec("错误示例-吉首2023.xlsx");

/** Readable files of the batch (relative to 批量/) in the order the command sorts them. */
const READABLE = [
  "01-正确.xlsx",
  "02-武冈.xlsx",
  "03-吉首.xlsx",
  "04-大表30行.xlsx",
  "05-大表45行.xlsx",
  "10-两张表.xlsx",
  "11-大表12行.xlsx",
  path.join("子文件夹", "12-正确副本.xlsx"),
];
const UNREADABLE = ["06-文本.xlsx", "07-空文件.xlsx", "08-加密.xlsx", "09-截断.xlsx"];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-batch-"));
  const b = path.join(dir, "批量");
  await fs.mkdir(path.join(b, "子文件夹"), { recursive: true });
  const put = (name: string, bytes: Uint8Array | string) => fs.writeFile(path.join(b, name), bytes);
  const correct = await formToXlsx(CORRECT);
  await put("01-正确.xlsx", correct);
  await put("02-武冈.xlsx", await formToXlsx(WUGANG));
  await put("03-吉首.xlsx", await formToXlsx(JISHOU));
  await put("04-大表30行.xlsx", await formToXlsx(largeSpec(30)));
  await put("05-大表45行.xlsx", await formToXlsx(largeSpec(45)));
  await put("06-文本.xlsx", "单位,金额\n某局,100\n");
  await put("07-空文件.xlsx", "");
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await put("08-加密.xlsx", ole);
  await put("09-截断.xlsx", correct.slice(0, Math.floor(correct.length / 2)));
  await put(
    "10-两张表.xlsx",
    await workbookToXlsx({
      sheets: [
        buildStandardForm(CORRECT, { sheetName: "自评表" }),
        buildStandardForm(WUGANG, { sheetName: "二级单位" }),
      ],
    }),
  );
  await put("11-大表12行.xlsx", await formToXlsx(largeSpec(12)));
  await put(path.join("子文件夹", "12-正确副本.xlsx"), correct);
  await put("~$01-正确.xlsx", "lock file");

  // Folders whose exit status is 0 (clean forms only) and 1 (an error finding, nothing unreadable).
  for (const [folder, names] of [
    ["干净", ["01-正确.xlsx", "04-大表30行.xlsx", "11-大表12行.xlsx"]],
    ["有错", ["01-正确.xlsx", "02-武冈.xlsx", "05-大表45行.xlsx"]],
  ] as const) {
    await fs.mkdir(path.join(dir, folder));
    for (const n of names) await fs.copyFile(path.join(b, n), path.join(dir, folder, n));
  }
}, 180000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("--jobs 1 and worker threads give the same output", () => {
  let one: Run;
  let three: Run;
  let dflt: Run;
  beforeAll(() => {
    one = run(["--json", "--jobs", "1", "批量"]);
    three = run(["--json", "--jobs", "3", "批量"]);
    dflt = run(["--json", "批量"]);
  }, 120000);

  test("JSON: byte-identical stdout and stderr, exit 2 because four files are unreadable", () => {
    expect(one.status).toBe(2);
    expect(three.status).toBe(2);
    expect(dflt.status).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    expect(dflt.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(dflt.stderr).toBe(one.stderr);
  });

  test("every file is reported once, in name order; the two-form workbook twice; the lock file skipped", () => {
    const doc = JSON.parse(three.stdout) as {
      files: { file: string; sheet: string; findings: unknown[]; error: { code: string } | null }[];
      skipped: { file: string; kind: string }[];
    };
    // Unreadable files have their entry too, with the error and no sheet.
    expect(doc.files.filter((e) => e.error).map((e) => [e.file, e.sheet, e.error!.code])).toEqual([
      [path.join("批量", "06-文本.xlsx"), null, "NOT_XLSX"],
      [path.join("批量", "07-空文件.xlsx"), null, "EMPTY_FILE"],
      [path.join("批量", "08-加密.xlsx"), null, "ENCRYPTED_OR_XLS"],
      [path.join("批量", "09-截断.xlsx"), null, "CORRUPT"],
    ]);
    expect(doc.skipped.map((x) => [x.file, x.kind])).toEqual([[path.join("批量", "~$01-正确.xlsx"), "lock"]]);
    doc.files = doc.files.filter((e) => !e.error);
    const expected = READABLE.flatMap((f) =>
      f === "10-两张表.xlsx"
        ? [
            [f, "自评表"],
            [f, "二级单位"],
          ]
        : [[f, "自评表"]],
    ).map(([f, s]) => [path.join("批量", f), s]);
    expect(doc.files.map((e) => [e.file, e.sheet])).toEqual(expected);
    // Findings with severity error: only the faulty 武冈 and 吉首 forms (scripts/sample-specs.ts:
    // exit code 1) and the 武冈 form as the second sheet; the generated large forms are fully achieved.
    const withErrors = doc.files
      .filter((e) => (e.findings as { severity: string }[]).some((f) => f.severity === "error"))
      .map((e) => `${e.file}#${e.sheet}`);
    expect(withErrors).toEqual([
      `${path.join("批量", "02-武冈.xlsx")}#自评表`,
      `${path.join("批量", "03-吉首.xlsx")}#自评表`,
      `${path.join("批量", "10-两张表.xlsx")}#二级单位`,
    ]);
  });

  test("unreadable files are named on stderr in name order with their reason, no progress bar off a TTY", () => {
    const lines = three.stderr.trimEnd().split("\n");
    expect(lines.map((l) => /^无法读取 (.+?)：/.exec(l)?.[1])).toEqual(
      UNREADABLE.map((f) => path.join("批量", f)),
    );
    expect(lines[0]).toContain("不是 .xlsx 工作簿");
    expect(lines[1]).toContain("文件是空的（0 字节）");
    expect(lines[2]).toContain("已加密");
    expect(lines[3]).toContain(".xlsx 文件已损坏或不完整");
    // stderr is a pipe here: neither the bar nor any terminal control sequence is written.
    expect(three.stderr).not.toContain("检查中");
    expect(three.stderr).not.toContain("\r");
    expect(three.stderr).not.toContain("\u001b");
  });

  test("the text report is byte-identical too", () => {
    const t1 = run(["--jobs", "1", "批量"]);
    const t3 = run(["--jobs", "3", "批量"]);
    expect(t1.status).toBe(2);
    expect(t3.status).toBe(2);
    expect(t3.stdout).toBe(t1.stdout);
    expect(t3.stderr).toBe(t1.stderr);
    // 12 files, 9 forms; error findings in 02, 03 and 10; 4 unreadable; the ~$ lock file skipped.
    expect(t3.stdout).toContain(
      "共 12 个文件，9 张自评表：3 个有错误，0 个只有警告，5 个未发现问题，4 个无法读取，另跳过 1 个非 .xlsx、临时文件或本工具的输出",
    );
    expect(t3.stdout).toContain(
      `无法读取的文件：\n  ${path.join("批量", "06-文本.xlsx")}：不是 .xlsx 工作簿`,
    );
  });
});

describe("exit status with worker threads", () => {
  test("clean forms only: 0 with --jobs 1 and --jobs 2", () => {
    for (const jobs of ["1", "2"]) {
      const r = run(["--json", "--jobs", jobs, "干净"]);
      expect({ jobs, status: r.status, stderr: r.stderr }).toEqual({ jobs, status: 0, stderr: "" });
      expect((JSON.parse(r.stdout) as { files: unknown[] }).files).toHaveLength(3);
    }
  });

  test("an error finding and nothing unreadable: 1 with --jobs 1 and --jobs 2", () => {
    for (const jobs of ["1", "2"]) {
      const r = run(["--json", "--jobs", jobs, "有错"]);
      expect({ jobs, status: r.status, stderr: r.stderr }).toEqual({ jobs, status: 1, stderr: "" });
    }
  });

  test("--write-dir from worker threads: one marked copy per readable form, same as --jobs 1", async () => {
    const a = run(["--jobs", "3", "--write-dir", "标注3", "有错"]);
    const b = run(["--jobs", "1", "--write-dir", "标注1", "有错"]);
    expect(a.status).toBe(1);
    expect(b.status).toBe(1);
    const names = ["01-正确（已标注）.xlsx", "02-武冈（已标注）.xlsx", "05-大表45行（已标注）.xlsx"];
    expect((await fs.readdir(path.join(dir, "标注3"))).sort()).toEqual(names);
    expect((await fs.readdir(path.join(dir, "标注1"))).sort()).toEqual(names);
    // Same parts with the same bytes. The zip entries' own timestamps are the time of writing
    // (a marked copy is a new file), so two runs a second apart differ there and only there.
    for (const n of names) {
      const x = await zipParts(path.join(dir, "标注3", n));
      const y = await zipParts(path.join(dir, "标注1", n));
      expect(Object.keys(x).length).toBeGreaterThan(5);
      expect({ n, parts: x }).toEqual({ n, parts: y });
    }
  });
});

describe("progress bar on a terminal, with worker threads", () => {
  test("drawn on a TTY stream while worker threads check; the report itself is unchanged", async () => {
    // The compiled entry point (lib/cli/main.js) so the worker script lib/cli/worker.js is used.
    const { main } = require(path.join(ROOT, "lib/cli/main.js")) as {
      main: (argv: string[], streams: unknown) => Promise<number>;
    };
    let out = "";
    let err = "";
    const stderr = { isTTY: true, columns: 120, write: (s: string) => ((err += s), true) };
    const stdout = { write: (s: string) => ((out += s), true) };
    const status = await main(["--json", "--jobs", "3", path.join(dir, "有错")], { stdout, stderr });
    expect(status).toBe(1);
    expect(err).toContain("检查中");
    expect(err).toContain("3/3 个文件");
    const plain = run(["--json", "--jobs", "1", path.join(dir, "有错")]);
    expect(out).toBe(plain.stdout);
  }, 60000);
});
