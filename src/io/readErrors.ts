/**
 * Why a file could not be read as an .xlsx workbook, in Chinese: one source for the command line
 * (src/cli/process.ts, which also reports the code in JSON `error.code`) and the browser pages
 * (src/preview/previewHost.ts), so a broken or empty file gets the same explanation everywhere. The
 * library's own (English) error text never reaches the user: the bytes tell what the file is, and the
 * message says what to do.
 */
import { NotAWorkbookError } from "./xlsxRead";

/** A machine-readable code (docs/rules.md) and the Chinese explanation. */
export interface ReadError {
  code: "EMPTY_FILE" | "OLD_XLS" | "ENCRYPTED_OR_XLS" | "NOT_XLSX" | "CORRUPT" | "NOT_A_WORKBOOK";
  message: string;
}

/** Why bytes that failed to load are not a readable .xlsx (`name` only for its extension). */
export function unreadableXlsx(bytes: Uint8Array, name: string): ReadError {
  if (bytes.length === 0) return { code: "EMPTY_FILE", message: "文件是空的（0 字节）。" };
  const isOle =
    bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle) {
    return /\.xls$/i.test(name)
      ? { code: "OLD_XLS", message: "这是旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再检查。" }
      : {
          code: "ENCRYPTED_OR_XLS",
          message:
            "文件已加密（设置了打开密码）或是旧版 .xls 格式，请在 Excel 中取消密码或另存为 .xlsx 后再检查。",
        };
  }
  const isZip = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    if (/\.(csv|txt)$/i.test(name)) return { code: "NOT_XLSX", message: "这是文本文件，不是 .xlsx 工作簿。" };
    return { code: "NOT_XLSX", message: "不是 .xlsx 工作簿（文件内容不是 Excel 格式）。" };
  }
  return {
    code: "CORRUPT",
    message:
      ".xlsx 文件已损坏或不完整，无法打开。请在 Excel 或 WPS 中打开它并重新“另存为” .xlsx，或向报送单位索取完整的文件。",
  };
}

/** The explanation alone. */
export function unreadableXlsxMessage(bytes: Uint8Array, name: string): string {
  return unreadableXlsx(bytes, name).message;
}

/** An error thrown by readXlsx on these bytes: the reader's own Chinese text, or the explanation. */
export function readError(bytes: Uint8Array, name: string, error: unknown): ReadError {
  return error instanceof NotAWorkbookError
    ? { code: "NOT_A_WORKBOOK", message: error.message }
    : unreadableXlsx(bytes, name);
}

/** The message of readError. */
export function readErrorMessage(bytes: Uint8Array, name: string, error: unknown): string {
  return readError(bytes, name, error).message;
}
