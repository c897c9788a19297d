/** Input expansion (folders → .xlsx files), reading with bounded concurrency, and readable I/O errors. */
import { promises as fs } from "node:fs";
import * as path from "node:path";

export interface InputFile {
  /** Path as shown to the user (as typed, or joined under the folder that was typed). */
  display: string;
  /** Absolute path. */
  absolute: string;
}

export interface InputProblem {
  display: string;
  /** Machine-readable reason (JSON `error.code`), e.g. NOT_FOUND, NO_XLSX_IN_FOLDER. */
  code: string;
  message: string;
}

/** Why a file found in a folder is not checked (JSON `skipped[].kind`). */
export type SkipKind = "xls" | "et" | "xlsm" | "lock" | "other" | "output";

/** A file found while searching a folder that is not checked: the reason and what to do. */
export interface SkippedFile {
  display: string;
  kind: SkipKind;
  /** Chinese: why it was skipped. */
  reason: string;
  /** Chinese: what to do (另存为 .xlsx …). */
  action: string;
}

/** Output locations of this run, never read as input (a marked-copy folder inside the inbox). */
export interface OutputPaths {
  /** Absolute folders (--write-dir). */
  dirs: string[];
  /** Absolute files (--summary, --write). */
  files: string[];
}

function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith("~$");
}

/** Why a non-.xlsx file in a folder is skipped, and what to do about it. */
export function skipReason(name: string): { kind: SkipKind; reason: string; action: string } {
  const ext = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  if (name.startsWith("~$"))
    return {
      kind: "lock",
      reason: "Excel 或 WPS 打开文件时生成的临时锁定文件，不是自评表",
      action: "无需处理（关闭 Excel 后会自动消失）",
    };
  switch (ext) {
    case "xls":
      return {
        kind: "xls",
        reason: "旧版 .xls 格式，本工具只读取 .xlsx",
        action: "请在 Excel 中打开，“另存为” Excel 工作簿（.xlsx）后再检查",
      };
    case "et":
      return {
        kind: "et",
        reason: "WPS 表格（.et）格式，本工具只读取 .xlsx",
        action: "请在 WPS 中打开，“另存为” Excel 工作簿（.xlsx）后再检查",
      };
    case "xlsm":
      return {
        kind: "xlsm",
        reason: "含宏的工作簿（.xlsm），本工具只读取 .xlsx",
        action: "请在 Excel 中打开，“另存为” Excel 工作簿（.xlsx，不含宏）后再检查",
      };
    default:
      return {
        kind: "other",
        reason: ext ? `不是 .xlsx 工作簿（.${ext} 文件）` : "不是 .xlsx 工作簿（没有扩展名）",
        action: "如果这是自评表，请在 Excel 或 WPS 中“另存为” .xlsx 后再检查；否则无需处理",
      };
  }
}

const OUTPUT_SKIP = {
  kind: "output" as const,
  reason: "本次运行的输出位置（标注副本文件夹或汇总表），不作为输入读取",
  action: "无需处理",
};

/** A summary workbook of an earlier run (recognised by its content once read: src/cli/summary.ts). */
export const SUMMARY_SKIP = {
  kind: "output" as const,
  reason: "这是本工具以前生成的汇总表（工作表 汇总 / 问题统计 / 重复 / 说明），不是自评表",
  action: "无需处理；如不再需要，可移出收件文件夹",
};

/** Names of copies written by --write-dir ("…（已标注）.xlsx", "…（已标注-2）.xlsx", "…（已改正）.xlsx"). */
const MARKED_COPY = /（(?:已标注|已改正)(?:-\d+)?）\.xlsx$/i;

const MARKED_SKIP = {
  kind: "output" as const,
  reason: "本工具生成的标注副本（文件名带“（已标注）”或“（已改正）”），在文件夹中不作为输入读取",
  action: "无需处理；如确需检查，请直接在命令行指定该文件",
};

function isInside(abs: string, dir: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

async function walk(
  dirAbs: string,
  dirDisplay: string,
  out: InputFile[],
  skipped: SkippedFile[],
  outputs: OutputPaths,
): Promise<void> {
  const entries = await fs.readdir(dirAbs, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const display = path.join(dirDisplay, e.name);
    if (e.isDirectory()) {
      // A --write-dir inside the inbox: its marked copies (of this or an earlier run) are not inputs.
      if (outputs.dirs.some((d) => isInside(abs, d))) skipped.push({ display, ...OUTPUT_SKIP });
      else await walk(abs, display, out, skipped, outputs);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (outputs.files.includes(abs)) skipped.push({ display, ...OUTPUT_SKIP });
      else if (MARKED_COPY.test(e.name)) skipped.push({ display, ...MARKED_SKIP });
      else if (isXlsxName(e.name)) out.push({ display, absolute: abs });
      else skipped.push({ display, ...skipReason(e.name) });
    }
  }
}

/**
 * Expand the command-line inputs: files are kept as given (whatever their extension, so a wrong file
 * gets a clear message), folders are searched recursively for .xlsx files; every other file found there
 * is listed in `skipped` with the reason. Output locations of this run are not read. Duplicates are dropped.
 */
export async function expandInputs(
  inputs: string[],
  outputs: OutputPaths = { dirs: [], files: [] },
): Promise<{ files: InputFile[]; problems: InputProblem[]; skipped: SkippedFile[]; folders: string[] }> {
  const files: InputFile[] = [];
  const folders: string[] = [];
  const problems: InputProblem[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile): void => {
    if (seen.has(f.absolute)) return;
    seen.add(f.absolute);
    files.push(f);
  };
  for (const input of inputs) {
    const abs = path.resolve(input);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      problems.push({ display: input, code: ioErrorCode(e), message: ioErrorMessage(e) });
      continue;
    }
    if (stat.isDirectory()) {
      folders.push(input);
      const found: InputFile[] = [];
      try {
        await walk(abs, input, found, skipped, outputs);
      } catch (e) {
        problems.push({
          display: input,
          code: ioErrorCode(e),
          message: `无法读取文件夹：${ioErrorMessage(e)}`,
        });
        continue;
      }
      if (found.length === 0)
        problems.push({ display: input, code: "NO_XLSX_IN_FOLDER", message: "文件夹里没有 .xlsx 文件。" });
      found.forEach(add);
    } else {
      add({ display: input, absolute: abs });
    }
  }
  return { files, problems, skipped, folders };
}

/**
 * A file's name in the summary: relative to the folder it was found in as given on the command line
 * (led by that folder's own name when several inputs were given, so two folders' a.xlsx stay apart); a
 * file given by itself as typed, or its base name when typed as an absolute or ../ path.
 */
export function summaryFileName(display: string, folders: readonly string[], inputCount: number): string {
  for (const folder of folders) {
    const rel = path.relative(folder, display);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) continue;
    return inputCount > 1 ? path.join(path.basename(path.resolve(folder)), rel) : rel;
  }
  return path.isAbsolute(display) || display.startsWith("..") ? path.basename(display) : display;
}

/** Machine-readable code of a file-system error (JSON `error.code`). */
export function ioErrorCode(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case "ENOENT":
      return "NOT_FOUND";
    case "EACCES":
    case "EPERM":
      return "NO_PERMISSION";
    case "EISDIR":
      return "IS_A_FOLDER";
    case "EBUSY":
      return "FILE_BUSY";
    default:
      return "READ_FAILED";
  }
}

/** Chinese text for a file-system error. */
export function ioErrorMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "文件或文件夹不存在。";
    case "EACCES":
    case "EPERM":
      return "没有读取权限。";
    case "EISDIR":
      return "这是一个文件夹，不是文件。";
    case "EBUSY":
      return "文件正被其他程序占用（请关闭 Excel 后重试）。";
    case "EMFILE":
      return "同时打开的文件过多。";
    default:
      return `读取失败（${code ?? (e as Error).message ?? String(e)}）。`;
  }
}

/** Chinese text for an error while writing (the read-side messages say 读取). */
export function writeErrorMessage(e: unknown): string {
  switch ((e as { code?: string }).code) {
    case "EACCES":
    case "EPERM":
      return "没有写入权限（文件夹只读？），请换一个可以写入的文件夹。";
    case "EROFS":
      return "所在磁盘是只读的，请换一个可以写入的文件夹。";
    case "ENOSPC":
      return "磁盘空间不足。";
    case "ENOENT":
      return "文件夹不存在。";
    default:
      return ioErrorMessage(e).replace("读取失败", "写入失败");
  }
}

/** Message for a file whose check failed with an exception (or whose worker thread died). */
export function internalErrorMessage(detail: string): string {
  return `检查时出现内部错误（${detail}），请把此文件反馈给开发者。`;
}

/** Why a file is not a readable .xlsx: shared with the browser pages (src/io/readErrors.ts). */
export { unreadableXlsx, unreadableXlsxMessage } from "../io/readErrors";

/**
 * Run `task` over `items` with at most `limit` at a time; results keep the input order.
 * `onDone` is called as each finishes (for the progress bar).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onDone?: (index: number, result: R) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
      onDone?.(i, results[i]);
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
