/**
 * Why a file could not be read as an .xlsx workbook, in Chinese: one source for the command line
 * (src/cli/process.ts) and the browser pages (src/preview/previewHost.ts), so a broken or empty file
 * gets the same explanation everywhere. The library's own (English) error text never reaches the
 * user: the bytes tell what the file is, and the message says what to do.
 */
import { NotAWorkbookError } from "./xlsxRead";

/** Explain why bytes that failed to load are not a readable .xlsx (`name` only for its extension). */
export function unreadableXlsxMessage(bytes: Uint8Array, name: string): string {
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
  return ".xlsx 文件已损坏或不完整，无法打开。请在 Excel 或 WPS 中打开它并重新“另存为” .xlsx，或向报送单位索取完整的文件。";
}

/** The message for an error thrown by readXlsx on these bytes: the reader's own Chinese text, or the explanation. */
export function readErrorMessage(bytes: Uint8Array, name: string, error: unknown): string {
  return error instanceof NotAWorkbookError ? error.message : unreadableXlsxMessage(bytes, name);
}
