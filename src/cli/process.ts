/* global NodeJS */
/**
 * The work on one input file: read it, check it, and (optionally) write its marked copy. Runs in the
 * main thread (one file, --jobs 1) or in a worker thread (src/cli/worker.ts); either way the outcome is
 * plain data (structured-clone safe, no form model, errors as text) so both paths report the same bytes.
 */
import { promises as fs, readFileSync } from "node:fs";
import * as path from "node:path";
import { checkWorkbook, type InternalError } from "../core/check";
import type { Workbook } from "../core/grid";
import type { FormResult, RuleProfile } from "../core/model";
import { readError } from "../io/readErrors";
import { readXlsx } from "../io/xlsxRead";
import { fixOfForm, markedCopy } from "../io/xlsxWrite";
import { addReviewSheet } from "../io/reviewSheet";
import { internalErrorMessage, ioErrorCode, ioErrorMessage, writeErrorMessage } from "./files";
import { toReportResult, type ReportResult } from "./report";
import { isSummaryWorkbook } from "./summary";

export interface FileTask {
  /** Absolute path of the input. */
  absolute: string;
  /** Where the marked copy goes (--write / --write-dir), or null. */
  writeTo: string | null;
  /** --fix: the copy applies each form's correction plan (when it computes the total). */
  fix?: boolean;
}

/** An exception caught inside the checker, as text. */
export interface InternalProblem {
  stage: string;
  detail: string;
}

export type FileOutcome =
  | {
      ok: true;
      results: ReportResult[];
      written: string | null;
      /** With --fix: what the copy changed ("改正 5 个单元格"), or why a form was left as typed. */
      writeNote: string | null;
      writeProblem: string | null;
      internal: InternalProblem[];
    }
  | {
      ok: false;
      /** JSON `error.code`: NOT_FOUND, NO_PERMISSION, EMPTY_FILE, OLD_XLS, ENCRYPTED_OR_XLS, NOT_XLSX, CORRUPT, NOT_A_WORKBOOK, INTERNAL_ERROR… */
      code: string;
      message: string;
    }
  | {
      /** A summary workbook of an earlier run (src/cli/summary.ts isSummaryWorkbook): listed in skipped[]. */
      ok: "summary";
    };

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** With --fix: how many cells the copy changed, and which forms it left as typed (and why). */
function fixNote(results: FormResult[]): string {
  const forms = results.filter((r) => r.form);
  let changed = 0;
  const kept: string[] = [];
  forms.forEach((r, i) => {
    const fix = fixOfForm(r);
    if (fix.apply) changed += fix.changes.length;
    else kept.push(forms.length > 1 ? `第 ${i + 1} 张表（${r.sheet ?? ""}）${fix.reason}` : fix.reason);
  });
  const head =
    changed > 0 ? `已改正 ${changed} 个单元格` : kept.length > 0 ? "未改动任何数值" : "没有需要改正的数值";
  return [head, ...kept].join("；");
}

async function writeMarked(
  bytes: Uint8Array,
  results: FormResult[],
  task: { writeTo: string; fix: boolean },
  profile: RuleProfile | undefined,
): Promise<{ written: string | null; writeNote: string | null; writeProblem: string | null }> {
  const { writeTo, fix } = task;
  if (!results.some((r) => r.form))
    return { written: null, writeNote: null, writeProblem: "没有找到自评表，未生成标注副本。" };
  let created = false;
  try {
    // The copy carries the reviewer's working paper (复核底稿) of each form as an extra sheet; its 报告值
    // are the copy's own cells (with --fix, the corrected ones: the copy is checked again).
    const out = await markedCopy(bytes, results, {
      fix,
      decorate: (wb, copy) => addReviewSheet(wb, fix ? checkWorkbook(copy(), { profile }) : results),
    });
    await fs.mkdir(path.dirname(writeTo), { recursive: true });
    // "wx": never overwrite, even if the file appeared since the check at start-up.
    const handle = await fs.open(writeTo, "wx");
    created = true;
    try {
      await handle.writeFile(out);
    } finally {
      await handle.close();
    }
    return { written: writeTo, writeNote: fix ? fixNote(results) : null, writeProblem: null };
  } catch (e) {
    // No partial copy left behind (a full disk, a folder that became read-only).
    if (created) await fs.rm(writeTo, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    return {
      written: null,
      writeNote: null,
      writeProblem:
        code === "EEXIST"
          ? `${writeTo} 已存在，未覆盖。`
          : `无法保存标注副本 ${writeTo}：${code ? writeErrorMessage(e) : describe(e)}`,
    };
  }
}

async function processFileUnguarded(task: FileTask, profile: RuleProfile | undefined): Promise<FileOutcome> {
  let bytes: Uint8Array;
  try {
    // Synchronous on purpose: one file at a time per thread, and readFileSync is several times faster than
    // fs.promises.readFile on these small files (no FileHandle, no chunked reads through the thread pool).
    bytes = readFileSync(task.absolute);
  } catch (e) {
    return { ok: false, code: ioErrorCode(e), message: ioErrorMessage(e) };
  }
  let wb: Workbook;
  try {
    wb = await readXlsx(bytes);
  } catch (e) {
    // One explanation for the CLI and the browser pages (src/io/readErrors.ts), never the library's text.
    return { ok: false, ...readError(bytes, task.absolute, e) };
  }
  // Our own 汇总.xlsx from an earlier run, left in the inbox: an output, not a form (no marked copy either).
  if (isSummaryWorkbook(wb)) return { ok: "summary" };
  let results: FormResult[];
  const internal: InternalError[] = [];
  try {
    results = checkWorkbook(wb, { profile, internalErrors: internal });
  } catch (e) {
    return { ok: false, code: "INTERNAL_ERROR", message: internalErrorMessage(describe(e)) };
  }
  const { written, writeNote, writeProblem } = task.writeTo
    ? await writeMarked(bytes, results, { writeTo: task.writeTo, fix: task.fix === true }, profile)
    : { written: null, writeNote: null, writeProblem: null };
  return {
    ok: true,
    results: results.map(toReportResult),
    written,
    writeNote,
    writeProblem,
    internal: internal.map((ie) => ({ stage: ie.stage, detail: describe(ie.error) })),
  };
}

/** Read, check and (optionally) write the marked copy of one file; never throws. */
export async function processFile(task: FileTask, profile: RuleProfile | undefined): Promise<FileOutcome> {
  try {
    return await processFileUnguarded(task, profile);
  } catch (e) {
    return { ok: false, code: "INTERNAL_ERROR", message: internalErrorMessage(describe(e)) };
  }
}
