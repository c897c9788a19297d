/**
 * The command line never modifies an input file and never writes over any file: every file's SHA-256
 * is taken before and after each run. --write pointing at the input (any spelling, a symlink, a hard
 * link) or at an existing file → exit 2 and nothing changes; --write-dir skips names that exist.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildStandardForm } from "../../src/core/template";
import { workbookToXlsx } from "../../src/io/xlsxWrite";
import { correctFormSpec, faultyFormSpec, writeHostileCorpus } from "../../scripts/make-hostile-corpus";
import { type CliRun, runCli } from "../cli/run-cli";

let dir: string;

function cli(...args: string[]): CliRun {
  return runCli(dir, ["--no-progress", ...args]);
}

/** Every file under `root` (symlinks as links) → SHA-256 of its bytes. */
async function snapshot(root = dir): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isSymbolicLink()) out.set(path.relative(root, p), `link→${await fs.readlink(p)}`);
      else
        out.set(
          path.relative(root, p),
          createHash("sha256")
            .update(await fs.readFile(p))
            .digest("hex"),
        );
    }
  };
  await walk(root);
  return out;
}

/** Runs `fn` and asserts that no file existing before changed or vanished; returns the new files. */
async function unchangedAround(fn: () => void | Promise<void>): Promise<string[]> {
  const before = await snapshot();
  await fn();
  const after = await snapshot();
  for (const [file, hash] of before) expect({ file, hash: after.get(file) }).toEqual({ file, hash });
  return [...after.keys()].filter((f) => !before.has(f));
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-safety-"));
  await fs.writeFile(
    path.join(dir, "正确.xlsx"),
    await workbookToXlsx({ sheets: [buildStandardForm(correctFormSpec())] }),
  );
  await fs.writeFile(
    path.join(dir, "有错.xlsx"),
    await workbookToXlsx({ sheets: [buildStandardForm(faultyFormSpec())] }),
  );
  await fs.mkdir(path.join(dir, "sub"));
  await fs.writeFile(path.join(dir, "已存在.xlsx"), "someone else's file");
  await fs.symlink(path.join(dir, "有错.xlsx"), path.join(dir, "链接.xlsx"));
  await fs.link(path.join(dir, "有错.xlsx"), path.join(dir, "硬链接.xlsx"));
  await writeHostileCorpus(path.join(dir, "corpus"));
}, 180000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("checking never modifies an input", () => {
  test("text and JSON runs over every file, readable or not, change no file and create none", async () => {
    const created = await unchangedAround(() => {
      expect(cli(".").status).toBe(2); // the corpus holds unreadable files
      expect(cli("--json", ".").status).toBe(2);
      expect(cli("--json", "--profile", "national", "正确.xlsx", "有错.xlsx").status).toBe(1);
    });
    expect(created).toEqual([]);
  }, 120000);
});

describe("--write refuses to write over anything", () => {
  test.each([
    ["the input itself", "有错.xlsx"],
    ["the input, spelt with ./ and ..", "./sub/../有错.xlsx"],
    ["the input, as an absolute path", "<abs>"],
    ["a symlink to the input", "链接.xlsx"],
    ["a hard link to the input", "硬链接.xlsx"],
    ["an existing other file", "已存在.xlsx"],
    ["the other input of the folder", "正确.xlsx"],
  ])("--write %s → exit 2, a Chinese reason, nothing changed", async (_what, target) => {
    const out = target === "<abs>" ? path.join(dir, "有错.xlsx") : target;
    let r: ReturnType<typeof cli> | undefined;
    const created = await unchangedAround(() => {
      r = cli("--write", out, "有错.xlsx");
    });
    expect(r!.status).toBe(2);
    expect(r!.stderr).toMatch(/jixiao-check：.*(不能指向输入文件|已存在)/);
    expect(r!.stdout).toBe("");
    expect(created).toEqual([]);
  });

  test("a new name: the marked copy is created, the input untouched; a second run refuses (exit 2)", async () => {
    let first: ReturnType<typeof cli> | undefined;
    const created = await unchangedAround(() => {
      first = cli("--write", "sub/标注.xlsx", "有错.xlsx");
    });
    expect(first!.status).toBe(1); // error findings in the input
    expect(created).toEqual([path.join("sub", "标注.xlsx")]);
    let second: ReturnType<typeof cli> | undefined;
    const again = await unchangedAround(() => {
      second = cli("--write", "sub/标注.xlsx", "有错.xlsx");
    });
    expect(second!.status).toBe(2);
    expect(again).toEqual([]);
    await fs.rm(path.join(dir, "sub", "标注.xlsx"));
  });
});

describe("--write-dir never overwrites", () => {
  test("existing marked copies are skipped (exit 2) and stay as they were; the others are written", async () => {
    const out = path.join(dir, "标注");
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, "有错（已标注）.xlsx"), "an older marked copy");
    let r: ReturnType<typeof cli> | undefined;
    const created = await unchangedAround(() => {
      r = cli("--write-dir", "标注", "正确.xlsx", "有错.xlsx");
    });
    expect(r!.status).toBe(2);
    expect(r!.stderr).toMatch(/已存在，跳过/);
    expect(created).toEqual([path.join("标注", "正确（已标注）.xlsx")]);
    await fs.rm(out, { recursive: true });
  });

  test("--write-dir into the inputs' own folder, twice: the first copies are never overwritten", async () => {
    const folder = path.join(dir, "同目录");
    await fs.mkdir(folder);
    await fs.copyFile(path.join(dir, "有错.xlsx"), path.join(folder, "有错.xlsx"));
    const first = await unchangedAround(() => {
      expect(cli("--write-dir", "同目录", "同目录").status).toBe(1);
    });
    expect(first).toEqual([path.join("同目录", "有错（已标注）.xlsx")]);
    // The first copy is not read as an input (a marked copy met in a folder is listed as skipped), and
    // the second run does not overwrite it: nothing is created, the copy is named, exit 2.
    let again: ReturnType<typeof cli> | undefined;
    const second = await unchangedAround(() => {
      again = cli("--write-dir", "同目录", "同目录");
    });
    expect(second).toEqual([]);
    expect(again!.status).toBe(2);
    expect(again!.stderr).toMatch(/有错（已标注）\.xlsx 已存在，跳过/);
    expect(again!.stdout).toContain(
      `已跳过的文件（未检查）：\n  ${path.join("同目录", "有错（已标注）.xlsx")}：本工具生成的标注副本`,
    );
    expect(again!.stdout).toContain("共 1 个文件");
    await fs.rm(folder, { recursive: true });
  }, 60000);
});
