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
  message: string;
}

function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith("~$");
}

async function walk(dirAbs: string, dirDisplay: string, out: InputFile[]): Promise<void> {
  const entries = await fs.readdir(dirAbs, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dirAbs, e.name);
    const display = path.join(dirDisplay, e.name);
    if (e.isDirectory()) await walk(abs, display, out);
    else if ((e.isFile() || e.isSymbolicLink()) && isXlsxName(e.name)) out.push({ display, absolute: abs });
  }
}

/**
 * Expand the command-line inputs: files are kept as given (whatever their extension, so a wrong file
 * gets a clear message), folders are searched recursively for .xlsx files. Duplicates are dropped.
 */
export async function expandInputs(
  inputs: string[],
): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
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
      problems.push({ display: input, message: ioErrorMessage(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const found: InputFile[] = [];
      try {
        await walk(abs, input, found);
      } catch (e) {
        problems.push({ display: input, message: `无法读取文件夹：${ioErrorMessage(e)}` });
        continue;
      }
      if (found.length === 0) problems.push({ display: input, message: "文件夹里没有 .xlsx 文件。" });
      found.forEach(add);
    } else {
      add({ display: input, absolute: abs });
    }
  }
  return { files, problems };
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

/** Message for a file whose check failed with an exception (or whose worker thread died). */
export function internalErrorMessage(detail: string): string {
  return `检查时出现内部错误（${detail}），请把此文件反馈给开发者。`;
}

/** Why a file is not a readable .xlsx: shared with the browser pages (src/io/readErrors.ts). */
export { unreadableXlsxMessage } from "../io/readErrors";

/**
 * Run `task` over `items` with at most `limit` at a time; results keep the input order.
 * `onDone` is called as each finishes (for the progress bar).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
  onDone?: (index: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
      onDone?.(i);
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}
