/* global __dirname, TextEncoder */
/**
 * A broken or empty file gets the same Chinese explanation in the browser pages as on the command
 * line (one source: src/io/readErrors.ts), and no English text from the .xlsx library reaches the user.
 */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { unreadableXlsxMessage as cliMessage } from "../../src/cli/files";
import { HostError } from "../../src/host/host";
import { readErrorMessage } from "../../src/io/readErrors";
import { readXlsx } from "../../src/io/xlsxRead";
import { PreviewHost } from "../../src/preview/previewHost";

const SAMPLE = fs.readFileSync(path.join(__dirname, "../../samples/正确填报示例.xlsx"));

/** What readXlsx throws on these bytes (it must throw). */
async function readError(bytes: Uint8Array): Promise<unknown> {
  try {
    await readXlsx(bytes);
  } catch (e) {
    return e;
  }
  throw new Error("readXlsx accepted the bytes");
}

async function previewMessage(bytes: Uint8Array, name: string): Promise<string> {
  const host = new PreviewHost(null);
  try {
    await host.load(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return (e as HostError).message;
  }
  throw new Error("the preview opened the bytes");
}

/** Latin words of 3+ letters other than the file extension: a library's English message would show here. */
const english = (s: string): string[] =>
  (s.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => !["xlsx", "xls"].includes(w.toLowerCase()) && w !== "Excel" && w !== "WPS",
  );

const CASES: [string, Uint8Array, string, RegExp][] = [
  ["empty file", new Uint8Array(0), "空.xlsx", /文件是空的（0 字节）/],
  [
    "truncated zip (first half of a sample)",
    new Uint8Array(SAMPLE.subarray(0, SAMPLE.length >> 1)),
    "半截.xlsx",
    /已损坏或不完整/,
  ],
  ["text renamed .xlsx", new TextEncoder().encode("单位,得分\n某局,90\n"), "表.xlsx", /不是 \.xlsx 工作簿/],
  [
    "OLE (old .xls or encrypted)",
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    "旧表.xlsx",
    /加密|\.xls/,
  ],
];

describe("unreadable file: the browser pages say what the command line says", () => {
  test.each(CASES)("%s", async (_label, bytes, name, expected) => {
    const e = await readError(bytes);
    // The library's own message is English (JSZip / ExcelJS); it must not be what the user reads.
    const shared = readErrorMessage(bytes, name, e);
    expect(shared).toMatch(expected);
    expect(english(shared)).toEqual([]);
    // Command line: the same text (src/cli/process.ts uses readErrorMessage; files.ts re-exports it).
    expect(cliMessage(bytes, name)).toBe(shared);
    // Browser pages: the host's error carries exactly that explanation after the file name.
    const preview = await previewMessage(bytes, name);
    expect(preview).toBe(`无法读取“${name}”：${shared}`);
    expect(english(preview)).toEqual([]);
  });
});
