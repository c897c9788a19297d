/* global process, __dirname */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS cells, not the Office API */
/**
 * The workbooks a reviewer opens, loaded and re-saved by LibreOffice (headless soffice, the engine closest to
 * WPS that runs here): 汇总.xlsx (CLI --summary), the marked copies (CLI --write-dir) and the offline page's
 * download (PreviewHost.markedCopy after 导出校验报告, as the page calls it). After one `soffice --convert-to
 * xlsx` of all of them, every sheet, every value of the sheets we write, every autofilter with its
 * `_xlnm._FilterDatabase` name (without which LibreOffice drops the filter), and the print setup are still there.
 *
 * A jest test rather than an e2e one: it needs soffice, not a browser, and takes about ten seconds. Without
 * soffice it is skipped on a developer's machine only; under CI=true (.ci/run installs libreoffice-calc-nogui)
 * it fails.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { worksheetRows } from "../../src/core/review/table";
import { xlsxBytes } from "../../src/io/tableSheet";
import { PreviewHost } from "../../src/preview/previewHost";
import { reportRows } from "../../src/ui/logic";
import { runCli } from "../cli/run-cli";

const SAMPLES = path.resolve(__dirname, "../../samples");
const WUGANG = "错误示例-武冈2022.xlsx";
const CORRECT = "正确填报示例.xlsx";
const FILTERED = "带筛选.xlsx";

function sofficeAvailable(): boolean {
  const r = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60000 });
  return r.status === 0;
}

const available = sofficeAvailable();
if (!available && process.env.CI === "true") {
  throw new Error("soffice (Debian libreoffice-calc-nogui) is missing; .ci/run installs it");
}
const maybe = available ? describe : describe.skip;

let dir: string;
/** Name → bytes before and after LibreOffice. */
const before = new Map<string, Uint8Array>();
const after = new Map<string, Uint8Array>();

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** Cell values of a sheet, "" for blank, rich text and formulas as their text / result. */
function values(ws: ExcelJS.Worksheet): (string | number)[][] {
  const out: (string | number)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const line: (string | number)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      let x: unknown = v;
      if (v && typeof v === "object" && "richText" in v)
        x = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      else if (v && typeof v === "object" && "result" in v) x = (v as { result: unknown }).result;
      line[c - 1] =
        typeof x === "number" ? Math.round(x * 1e9) / 1e9 : x === null || x === undefined ? "" : String(x);
    });
    for (let i = 0; i < line.length; i++) if (line[i] === undefined) line[i] = "";
    out[r - 1] = line;
  });
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = [];
  return out;
}

/** The `_xlnm._FilterDatabase` names of workbook.xml: sheet index → { range, hidden }. */
async function filterNames(bytes: Uint8Array): Promise<Map<number, { range: string; hidden: string }>> {
  const xml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")!.async("string");
  const out = new Map<number, { range: string; hidden: string }>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1];
    if (attr("name") !== "_xlnm._FilterDatabase") continue;
    // The range without its sheet name ('汇总'!$A$1:$Q$9 as we write it, 汇总!$A$1:$Q$9 as LibreOffice does).
    out.set(Number(attr("localSheetId")), {
      range: m[2].split("!").pop()!.replace(/\$/g, ""),
      hidden: attr("hidden") ?? "",
    });
  }
  return out;
}

function autoFilterRef(ws: ExcelJS.Worksheet): string | null {
  const f = ws.autoFilter as unknown;
  return typeof f === "string" ? f : null;
}

/** The offline page's download after 一键校验 and 导出校验报告 (the calls usePane and PreviewApp make). */
async function pageDownload(original: Uint8Array): Promise<Uint8Array> {
  const host = new PreviewHost(null);
  await host.load(original, WUGANG);
  const results = checkWorkbook(await host.readWorkbook());
  await host.addReportSheet(reportRows(results));
  await host.addReportSheet(worksheetRows(results), "复核底稿");
  return host.markedCopy(results);
}

maybe("LibreOffice loads and re-saves our workbooks", () => {
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-lo-"));
    const inbox = path.join(dir, "收件箱");
    await fs.mkdir(path.join(inbox, "二级单位"), { recursive: true });
    await fs.copyFile(path.join(SAMPLES, WUGANG), path.join(inbox, WUGANG));
    await fs.copyFile(path.join(SAMPLES, CORRECT), path.join(inbox, "二级单位", CORRECT));
    // A clerk's workbook that already has a filter (as Excel writes it: a local, hidden name).
    const filtered = await load(await fs.readFile(path.join(SAMPLES, CORRECT)));
    const list = filtered.addWorksheet("名单");
    list.addRows([
      ["单位", "金额"],
      ["甲", 1],
      ["乙", 2],
    ]);
    list.autoFilter = "A1:B3";
    await fs.writeFile(path.join(inbox, FILTERED), await xlsxBytes(filtered));

    const run = runCli(dir, ["--no-progress", "--summary", "汇总.xlsx", "--write-dir", "标注", "收件箱"]);
    expect(run.stderr).not.toMatch(/无法|错误：/);
    before.set("汇总.xlsx", await fs.readFile(path.join(dir, "汇总.xlsx")));
    for (const name of await fs.readdir(path.join(dir, "标注"), { recursive: true })) {
      if (!String(name).endsWith(".xlsx")) continue;
      before.set(path.basename(String(name)), await fs.readFile(path.join(dir, "标注", String(name))));
    }
    before.set("网页下载.xlsx", await pageDownload(await fs.readFile(path.join(SAMPLES, WUGANG))));

    const src = path.join(dir, "src");
    const out = path.join(dir, "out");
    await fs.mkdir(src);
    for (const [name, bytes] of before) await fs.writeFile(path.join(src, name), bytes);
    const lo = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        ...[...before.keys()].map((n) => path.join(src, n)),
      ],
      { encoding: "utf8", timeout: 150000 },
    );
    if (lo.status !== 0) throw new Error(`soffice failed (${lo.status}): ${lo.stderr}`);
    for (const name of before.keys()) after.set(name, await fs.readFile(path.join(out, name)));
  }, 240000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("the files: 汇总, three marked copies and the page's download", () => {
    expect([...before.keys()].sort()).toEqual(
      [
        "汇总.xlsx",
        "网页下载.xlsx",
        `${path.parse(WUGANG).name}（已标注）.xlsx`,
        `${path.parse(CORRECT).name}（已标注）.xlsx`,
        `${path.parse(FILTERED).name}（已标注）.xlsx`,
      ].sort(),
    );
  });

  test("every sheet survives, in order; every value of the sheets we write is unchanged", async () => {
    for (const [name, bytes] of before) {
      const a = await load(bytes);
      const b = await load(after.get(name)!);
      expect({ name, sheets: b.worksheets.map((w) => w.name) }).toEqual({
        name,
        sheets: a.worksheets.map((w) => w.name),
      });
      for (const ws of a.worksheets) {
        if (!["汇总", "问题统计", "重复", "说明", "复核底稿", "校验报告", "名单"].includes(ws.name)) continue;
        expect({ name, sheet: ws.name, values: values(b.getWorksheet(ws.name)!) }).toEqual({
          name,
          sheet: ws.name,
          values: values(ws),
        });
      }
    }
    // The page's download and the marked copies carry the 复核底稿; the download also its 校验报告.
    const page = await load(before.get("网页下载.xlsx")!);
    expect(page.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["校验报告", "复核底稿"]));
    const copy = await load(before.get(`${path.parse(WUGANG).name}（已标注）.xlsx`)!);
    expect(copy.worksheets.map((w) => w.name)).toContain("复核底稿");
  });

  test("every autofilter and its hidden, sheet-local _xlnm._FilterDatabase name survive", async () => {
    let filters = 0;
    for (const [name, bytes] of before) {
      const a = await load(bytes);
      const b = await load(after.get(name)!);
      const namesBefore = await filterNames(bytes);
      const namesAfter = await filterNames(after.get(name)!);
      for (const [i, ws] of a.worksheets.entries()) {
        const ref = autoFilterRef(ws);
        const want = ref ? { range: ref, hidden: true } : null;
        const got = (m: Map<number, { range: string; hidden: string }>) => {
          const n = m.get(i);
          return n ? { range: n.range, hidden: n.hidden === "1" || n.hidden === "true" } : null;
        };
        expect({ name, sheet: ws.name, before: got(namesBefore), after: got(namesAfter) }).toEqual({
          name,
          sheet: ws.name,
          before: want,
          after: want,
        });
        expect({ name, sheet: ws.name, filter: autoFilterRef(b.getWorksheet(ws.name)!) }).toEqual({
          name,
          sheet: ws.name,
          filter: ref,
        });
        if (ref) filters++;
      }
    }
    // 汇总 / 问题统计 / 重复, the clerk's 名单 in its marked copy, the download's 校验报告.
    expect(filters).toBe(5);
    const sum = await load(after.get("汇总.xlsx")!);
    expect(autoFilterRef(sum.getWorksheet("汇总")!)).toMatch(/^A1:Q\d+$/);
  });

  test("汇总: 文件 relative to the folder given; wrapped, fitted columns; A4 landscape, one page wide, header repeated, page numbers", async () => {
    const sum = await load(after.get("汇总.xlsx")!);
    const ws = sum.getWorksheet("汇总")!;
    const rows = values(ws);
    const file = rows[0].indexOf("文件");
    expect(
      rows
        .slice(1)
        .map((r) => r[file])
        .sort(),
    ).toEqual([WUGANG, path.join("二级单位", CORRECT), FILTERED].sort());
    for (const sheet of sum.worksheets) {
      expect({ sheet: sheet.name, ...sheet.pageSetup }).toMatchObject({
        sheet: sheet.name,
        orientation: "landscape",
        paperSize: 9,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
      });
      expect(sheet.headerFooter.oddFooter).toContain("&P");
    }
    // 主要问题 wraps, in a column narrower than its longest text, and its rows are taller than one line.
    const problems = rows[0].indexOf("主要问题") + 1;
    const longest = Math.max(...rows.slice(1).map((r) => String(r[problems - 1]).length));
    expect(ws.getColumn(problems).width!).toBeLessThan(longest);
    const first = ws.getRow(2);
    expect(first.getCell(problems).alignment?.wrapText).toBe(true);
    expect(first.height).toBeGreaterThan(20);
  });
});
