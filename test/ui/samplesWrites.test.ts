/* global __dirname */
/**
 * The pane's write paths (src/ui/writes.ts) on the bundled samples, through a recording FakeHost: every
 * 采用重算值 the pane offers, and both answers of 写回总分和等级. After each, the re-check finds no error
 * in a cell the write changed, and 撤销 puts the workbook back exactly.
 */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { refToString, type Workbook } from "../../src/core/grid";
import { readXlsx } from "../../src/io/xlsxRead";
import type { ConfirmRequest } from "../../src/ui/state";
import type { UndoRecord } from "../../src/ui/undo";
import { applyFix, undoLast, writeBack, type WriteContext } from "../../src/ui/writes";
import { FakeHost } from "./fakeHost";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FAULTY = ["错误示例-吉首2023.xlsx"];

async function sample(name: string): Promise<Workbook> {
  return readXlsx(new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))));
}

const copy = (wb: Workbook): Workbook => JSON.parse(JSON.stringify(wb)) as Workbook;

/** A context whose dialog answers `answer` (an option's key) and records what it was asked. */
function context(host: FakeHost, answer: string | null) {
  const asked: ConfirmRequest[] = [];
  let stack: UndoRecord[] = [];
  const ctx: WriteContext = {
    host,
    now: () => new Date(2024, 2, 15, 10, 30),
    ask: async (r) => {
      asked.push(r);
      return answer;
    },
    hintOf: () => ({}),
    setUndo: (s) => (stack = s),
    writing: () => undefined,
  };
  return { ctx, asked, stack: () => stack };
}

/** Errors of a fresh check in the cells of the host's last write. */
function errorsInWritten(host: FakeHost): string[] {
  const writes = host.callsOf("writeCells");
  const last = (writes[writes.length - 1]?.[0] ?? []) as { ref: Parameters<typeof refToString>[0] }[];
  const cells = new Set(last.map((w) => refToString(w.ref)));
  return checkWorkbook(host.workbook)
    .flatMap((r) => r.findings)
    .filter((f) => f.severity === "error" && f.ref && cells.has(refToString(f.ref)))
    .map((f) => `${refToString(f.ref!)} ${f.rule}`);
}

describe.each(FAULTY)("%s", (name) => {
  test("every 采用重算值: no error in the cell written; 撤销 restores the workbook exactly", async () => {
    const original = await sample(name);
    const fixes = checkWorkbook(original)
      .flatMap((r) => r.findings)
      .filter((f) => f.fix);
    expect(fixes.length).toBeGreaterThan(0);
    const { total: planTotal, grade: planGrade } = checkWorkbook(original)[0].plan!;
    expect(planTotal).not.toBeNull();
    for (const f of fixes) {
      const host = new FakeHost(copy(original));
      const { ctx } = context(host, "ok");
      const out = await applyFix(ctx, f);
      expect([refToString(f.fix!.ref), out.wrote]).toEqual([refToString(f.fix!.ref), true]);
      expect(errorsInWritten(host)).toEqual([]);
      // One coherent correction: after any single fix the pane offers the same total and grade as before
      // (武冈 used to offer 90, then 95 once it was written).
      const [again] = checkWorkbook(host.workbook);
      expect([again.plan!.total, again.plan!.grade]).toEqual([planTotal, planGrade]);
      await undoLast(ctx);
      expect(copy(host.workbook)).toEqual(copy(original));
    }
  });

  test.each(["all", "keeping"])(
    "写回总分和等级, answer %s: one write, no error in a cell written; 撤销 restores exactly",
    async (answer) => {
      const original = await sample(name);
      const host = new FakeHost(copy(original));
      const { ctx, asked, stack } = context(host, answer);
      const [result] = checkWorkbook(original);
      const out = await writeBack(ctx, result);
      // Both samples have item fixes pending: the dialog with the two answers is asked first.
      expect(asked.map((a) => a.options.map((o) => o.key))).toEqual([["all", "keeping"]]);
      if (!out.wrote) {
        // 只写回…: nothing to write when the typed total already agrees with the typed scores.
        expect(answer).toBe("keeping");
        expect(asked[0].options[1].disabled).toBe(true);
        expect(host.callsOf("writeCells")).toEqual([]);
        return;
      }
      expect(host.callsOf("writeCells")).toHaveLength(1);
      expect(stack()).toHaveLength(1);
      expect(errorsInWritten(host)).toEqual([]);
      if (answer === "all") {
        // The whole plan applied: the form agrees with itself (total = plan total, nothing left to change).
        const [again] = checkWorkbook(host.workbook);
        expect(again.total.typed).toBe(result.plan!.total);
        expect(again.plan!.changes).toEqual([]);
      }
      await undoLast(ctx);
      expect(copy(host.workbook)).toEqual(copy(original));
      expect(stack()).toEqual([]);
    },
  );
});

describe("错误示例-武冈2022.xlsx: the 执行率 rests on doubted figures", () => {
  test("写回总分和等级 writes nothing; the only fix offered is the doubted cell's own", async () => {
    const original = await sample("错误示例-武冈2022.xlsx");
    const [result] = checkWorkbook(original);
    // 全年执行数 4551.57 is the income total (spending 679.77 + 3883.7 = 4563.47) and 全年预算数 459.61 is below
    // its own 基本支出 679.77: the 执行率 990.31%, its points and the total are undetermined.
    expect(result.plan!.total).toBeNull();
    expect(result.plan!.undetermined!.map((u) => [u.item, u.because.rule])).toEqual([
      ["执行率得分", "INCOME_AS_SPENDING"],
      ["执行率", "INCOME_AS_SPENDING"],
      ["总分", "INCOME_AS_SPENDING"],
    ]);
    expect(result.findings.filter((f) => f.fix).map((f) => `${f.rule} ${refToString(f.fix!.ref)}`)).toEqual([
      "INCOME_AS_SPENDING 自评表!F7",
    ]);
    const host = new FakeHost(copy(original));
    const { ctx, asked } = context(host, "all");
    const out = await writeBack(ctx, result);
    expect(out.wrote).toBe(false);
    expect(asked).toEqual([]);
    expect(host.callsOf("writeCells")).toEqual([]);
  });
});
