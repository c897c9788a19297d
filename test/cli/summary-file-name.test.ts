/** 文件 in 汇总.xlsx: relative to the folder given on the command line (src/cli/files.ts summaryFileName). */
import { describe, expect, test } from "@jest/globals";
import * as path from "node:path";
import { summaryFileName } from "../../src/cli/files";

describe("summaryFileName", () => {
  const abs = path.resolve("/data/收件箱");
  test("one folder: the path under it, whether typed relative or absolute", () => {
    expect(summaryFileName(path.join("收件箱", "二级单位", "a.xlsx"), ["收件箱"], 1)).toBe(
      path.join("二级单位", "a.xlsx"),
    );
    expect(summaryFileName(path.join(abs, "a.xlsx"), [abs], 1)).toBe("a.xlsx");
  });

  test("several inputs: led by the folder's own name, so two folders' a.xlsx stay apart", () => {
    const other = path.resolve("/data/第二批");
    const folders = [abs, other];
    expect(summaryFileName(path.join(abs, "a.xlsx"), folders, 2)).toBe(path.join("收件箱", "a.xlsx"));
    expect(summaryFileName(path.join(other, "a.xlsx"), folders, 2)).toBe(path.join("第二批", "a.xlsx"));
  });

  test("a file given by itself: as typed, or its base name when absolute or outside the working folder", () => {
    expect(summaryFileName(path.join("报送", "a.xlsx"), [], 1)).toBe(path.join("报送", "a.xlsx"));
    expect(summaryFileName(path.resolve("/data/报送/a.xlsx"), [], 1)).toBe("a.xlsx");
    expect(summaryFileName(path.join("..", "a.xlsx"), ["收件箱"], 2)).toBe("a.xlsx");
  });
});
