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

/** Explain why bytes that failed to load are not a readable .xlsx. */
export function unreadableXlsxMessage(bytes: Uint8Array, name: string, error: unknown): string {
  if (bytes.length === 0) return "文件是空的（0 字节）。";
  const isOle =
    bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle) {
    return /\.xls$/i.test(name)
      ? "这是旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再检查。"
      : "文件已加密（设置了打开密码）或是旧版 .xls 格式，请在 Excel 中取消密码或另存为 .xlsx 后再检查。";
  }
  const isZip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (/\.(csv|txt)$/i.test(name)) return "这是文本文件，不是 .xlsx 工作簿。";
    return "不是 .xlsx 工作簿（文件内容不是 Excel 格式）。";
  }
  const detail = (error as Error)?.message ?? String(error);
  return `.xlsx 文件已损坏或不完整，无法打开（${detail.slice(0, 120)}）。`;
}

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
