/* global NodeJS */
/** The batch progress bar: files done / total, forms found, forms to fix and unreadable files so far. */
import { describe, expect, test } from "@jest/globals";
import { createProgress, statsText } from "../../src/cli/progress";

/** A terminal-like stream that keeps what was written. */
function fakeTty(isTTY = true) {
  const chunks: string[] = [];
  const stream = {
    isTTY,
    columns: 200,
    write(s: string) {
      chunks.push(String(s));
      return true;
    },
    cursorTo() {
      return true;
    },
    clearLine() {
      return true;
    },
    moveCursor() {
      return true;
    },
    on() {
      return stream;
    },
    removeListener() {
      return stream;
    },
  };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join("") };
}

describe("progress bar", () => {
  test("the running counts in Chinese", () => {
    expect(statsText({ forms: 12, withErrors: 3, unreadable: 0 })).toBe("已找到 12 张表，3 张需修改");
    expect(statsText({ forms: 12, withErrors: 3, unreadable: 2 })).toBe(
      "已找到 12 张表，3 张需修改，2 个无法读取",
    );
  });

  test("on a terminal: files done / total with the counts so far", () => {
    const { stream, text } = fakeTty();
    const bar = createProgress(5, true, stream);
    bar.tick("收件箱/a.xlsx", { forms: 1, withErrors: 0, unreadable: 0 });
    bar.tick("收件箱/b.xlsx", { forms: 3, withErrors: 1, unreadable: 0 });
    bar.tick("收件箱/c.xlsx", { forms: 3, withErrors: 1, unreadable: 1 });
    bar.stop();
    const out = text();
    expect(out).toContain("3/5 个文件");
    expect(out).toContain("已找到 3 张表，1 张需修改，1 个无法读取");
    expect(out).toContain("收件箱/c.xlsx");
  });

  test("nothing when not a terminal, for one file, or with --no-progress", () => {
    for (const [total, enabled, tty] of [
      [5, true, false],
      [1, true, true],
      [5, false, true],
    ] as const) {
      const { stream, text } = fakeTty(tty);
      const bar = createProgress(total, enabled, stream);
      bar.tick("a.xlsx", { forms: 1, withErrors: 0, unreadable: 0 });
      bar.stop();
      expect(text()).toBe("");
    }
  });
});
