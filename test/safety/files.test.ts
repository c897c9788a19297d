/**
 * Data safety of the marked copy (src/io/xlsxWrite.ts markedCopy), compared cell by cell with ExcelJS
 * against the original: every cell keeps its value and formula, and every cell other than the marked
 * ones its style (font, fill, border, alignment, number format, protection) and note; marked cells change
 * only their fill and add to their note; with `fix` (CLI --fix) exactly the correction plan's cells change
 * value; sheets, merges, widths, heights, hidden rows, sheet states and protection are as they were. The
 * original bytes are never modified.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   ExcelJS cells, not Office.js proxies: nothing to load or sync. */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { checkWorkbook } from "../../src/core/check";
import type { CellRef } from "../../src/core/grid";
import type { FormResult } from "../../src/core/model";
import { buildStandardForm } from "../../src/core/template";
import { readXlsx } from "../../src/io/xlsxRead";
import { fixOfForm, markedCopy, SEVERITY_FILL, workbookToXlsx } from "../../src/io/xlsxWrite";
import { correctFormSpec, faultyFormSpec } from "../../scripts/make-hostile-corpus";

const FILL_COLORS = ["FF92D050", "FFFFFFFF", "FFFFC7CE", "FF4472C4"];

/** An original as a department would have it: styled cells everywhere, notes, widths, hidden rows. */
async function styledOriginal(): Promise<Uint8Array> {
  const spec = correctFormSpec();
  spec.total.score = 90; // typed 90 while the rules give 99.03 → written back
  spec.grade = "良"; // → 优 written back
  const bytes = await workbookToXlsx({
    sheets: [
      buildStandardForm(faultyFormSpec(), { sheetName: "自评表" }),
      buildStandardForm(spec, { sheetName: "第二张" }),
      {
        name: "备注",
        cells: [[{ value: { kind: "text", value: "不相关的内容" } }]],
        merges: [],
        hidden: true,
      },
    ],
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  wb.worksheets.forEach((ws, si) => {
    for (let r = 1; r <= 45; r++) {
      const row = ws.getRow(r);
      if (r % 9 === 0) row.height = 30 + si;
      for (let c = 1; c <= 14; c++) {
        const cell = ws.getCell(r, c);
        const k = r * 3 + c + si;
        if (k % 4 !== 3) {
          cell.fill = {
            type: "pattern",
            pattern: k % 5 === 0 ? "gray125" : "solid",
            fgColor: { argb: FILL_COLORS[k % 4] },
          };
        }
        cell.font = { name: "宋体", size: 10 + (k % 3), bold: k % 2 === 0, color: { argb: "FF1F4E79" } };
        cell.border = { top: { style: "thin" }, bottom: { style: k % 3 ? "thin" : "double" } };
        cell.alignment = { wrapText: k % 2 === 1, vertical: "middle", horizontal: k % 3 ? "center" : "left" };
        if (k % 11 === 0) cell.protection = { locked: false };
      }
    }
    ws.getColumn(2).width = 24;
    ws.getCell("N2").note = "原有批注，不能丢";
  });
  wb.getWorksheet("第二张")!.getRow(3).hidden = true;
  return new Uint8Array((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const json = (x: unknown): string => JSON.stringify(x ?? null);
const masterAddress = (ws: ExcelJS.Worksheet, ref: CellRef): string => {
  const c = ws.getCell(ref.row + 1, ref.col + 1);
  return (c.type === ExcelJS.ValueType.Merge && c.master ? c.master : c).address;
};

let original: Uint8Array;
let originalHash: string;
let results: FormResult[];
let copy: Uint8Array;
let fixed: Uint8Array;

beforeAll(async () => {
  original = await styledOriginal();
  originalHash = createHash("sha256").update(original).digest("hex");
  results = checkWorkbook(await readXlsx(original));
  copy = await markedCopy(original, results);
  fixed = await markedCopy(original, results, { fix: true });
}, 60000);

describe("the marked copy against the original", () => {
  test("there is something to mark and to write back", () => {
    expect(results.map((r) => r.sheet)).toEqual(["自评表", "第二张"]);
    expect(results[0].findings.some((f) => f.severity === "error")).toBe(true);
    expect(results[1].total).toEqual({ typed: 90, computed: 99.03 });
    expect(results[1].grade).toEqual({ typed: "良", computed: "优" });
  });

  test("markedCopy leaves the original bytes untouched", () => {
    expect(createHash("sha256").update(original).digest("hex")).toBe(originalHash);
  });

  test.each([
    ["the marked copy", false],
    ["the copy with --fix", true],
  ])(
    "%s: every cell but the marked and planned ones is identical; those change only as intended",
    async (_n, fix) => {
      const a = await load(original);
      const b = await load(fix ? fixed : copy);
      expect(b.worksheets.map((w) => [w.name, w.state])).toEqual(a.worksheets.map((w) => [w.name, w.state]));

      // Marked cells (merge masters) with their worst severity; written-back cells with their value.
      const rank = { error: 3, warning: 2, info: 1 } as const;
      const marked = new Map<string, keyof typeof rank>();
      const written = new Map<string, number | string>();
      const proposed = new Set<string>();
      for (const r of results) {
        for (const f of r.findings) {
          if (!f.ref) continue;
          const k = `${f.ref.sheet}!${masterAddress(a.getWorksheet(f.ref.sheet)!, f.ref)}`;
          const prev = marked.get(k);
          if (!prev || rank[f.severity] > rank[prev]) marked.set(k, f.severity);
        }
        // With fix the copy applies each form's correction plan (items, rates, subtotals, total, grade)
        // where the plan computes the total; otherwise the plan's values are only proposed in notes.
        const f = fixOfForm(r);
        for (const c of r.plan?.changes ?? []) {
          const k = `${c.ref.sheet}!${masterAddress(a.getWorksheet(c.ref.sheet)!, c.ref)}`;
          if (fix && f.apply) written.set(k, c.value);
          else proposed.add(k);
        }
      }
      expect(marked.size).toBeGreaterThan(3);
      // The second form's 总分 (typed 90, should be 99.03) is planned; the first form's typed 95 is right
      // once its parts are corrected, so its total cell is not.
      const totals = results.map(
        (r) => `${r.sheet}!${masterAddress(a.getWorksheet(r.sheet!)!, r.writeBack.total!)}`,
      );
      expect(totals.map((k) => written.get(k) ?? (proposed.has(k) ? "proposed" : undefined))).toEqual([
        undefined,
        fix ? 99.03 : "proposed",
      ]);

      let compared = 0;
      for (const wa of a.worksheets) {
        const wbSheet = b.getWorksheet(wa.name)!;
        expect(json(wbSheet.model.merges)).toBe(json(wa.model.merges));
        expect(json(wbSheet.columns.map((c) => c.width ?? null))).toBe(
          json(wa.columns.map((c) => c.width ?? null)),
        );
        const protection = (w: ExcelJS.Worksheet): string =>
          json((w as unknown as { sheetProtection?: unknown }).sheetProtection);
        expect(protection(wbSheet)).toBe(protection(wa));
        const rows = Math.max(wa.rowCount, wbSheet.rowCount, 45);
        for (let r = 1; r <= rows; r++) {
          expect([wa.name, r, wbSheet.getRow(r).height, wbSheet.getRow(r).hidden]).toEqual([
            wa.name,
            r,
            wa.getRow(r).height,
            wa.getRow(r).hidden,
          ]);
          for (let c = 1; c <= 16; c++) {
            const ca = wa.getCell(r, c);
            const cb = wbSheet.getCell(r, c);
            const key = `${wa.name}!${ca.address}`;
            const severity = marked.get(key);
            // A merged slave cell reads its master's value, so it shows what was written into the master.
            const masterKey = `${wa.name}!${masterAddress(wa, { sheet: wa.name, row: r - 1, col: c - 1 })}`;
            const value = written.has(masterKey) ? written.get(masterKey) : ca.value;
            const styleA = { ...ca.style, fill: severity ? undefined : ca.style.fill };
            const styleB = { ...cb.style, fill: severity ? undefined : cb.style.fill };
            expect({ key, value: json(cb.value), style: json(styleB) }).toEqual({
              key,
              value: json(value),
              style: json(styleA),
            });
            if (severity) {
              expect({ key, fill: cb.fill }).toEqual({
                key,
                fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[severity] } },
              });
              expect(typeof cb.note === "string" ? cb.note : json(cb.note)).toMatch(/【(错误|警告|提示)】/);
            } else if (written.has(key)) {
              expect(typeof cb.note === "string" ? cb.note : json(cb.note)).toMatch(/已按评分规则改为/);
            } else if (proposed.has(key)) {
              expect(typeof cb.note === "string" ? cb.note : json(cb.note)).toMatch(/^按规则应为 /);
            } else {
              expect({ key, note: json(cb.note) }).toEqual({ key, note: json(ca.note) });
            }
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    },
  );

  test("checking the copies finds the same forms; the marked copy's totals are as typed, the fixed one's agree", async () => {
    const again = checkWorkbook(await readXlsx(copy));
    expect(again.map((r) => r.sheet)).toEqual(["自评表", "第二张"]);
    expect(again[1].total).toEqual({ typed: 90, computed: 99.03 });
    expect(again[1].grade).toEqual({ typed: "良", computed: "优" });
    const corrected = checkWorkbook(await readXlsx(fixed));
    expect(corrected.map((r) => r.sheet)).toEqual(["自评表", "第二张"]);
    expect(corrected[1].total).toEqual({ typed: 99.03, computed: 99.03 });
    expect(corrected[1].grade).toEqual({ typed: "优", computed: "优" });
  });
});
