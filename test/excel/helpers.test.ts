/** Pure helpers of the Excel adapter: addresses, fills, the restore record, error mapping. */
import { describe, expect, test } from "@jest/globals";
import {
  chunkAddresses,
  compressCells,
  MAX_GETRANGES_CHARS,
  parseAreasAddress,
  rangeAddress,
} from "../../src/excel/addresses";
import { toHostError } from "../../src/excel/errors";
import { fillFromLoaded, fillKey } from "../../src/excel/fills";
import {
  countMarks,
  decodeRecord,
  encodeRecord,
  RECORD_MARKER,
  type RecordEntry,
} from "../../src/excel/record";
import { HostError } from "../../src/host/host";

describe("addresses", () => {
  test("cells compress into vertical runs per column", () => {
    const cells = [
      { row: 11, col: 7 },
      { row: 12, col: 7 },
      { row: 13, col: 7 },
      { row: 15, col: 7 },
      { row: 2, col: 0 },
      { row: 12, col: 7 }, // duplicate
    ];
    expect(compressCells(cells).map(rangeAddress)).toEqual(["A3", "H12:H14", "H16"]);
  });

  test("chunks stay under the getRanges limit and never split an address", () => {
    const addresses = Array.from({ length: 3000 }, (_, i) => `AB${1000 + 2 * i}`); // "AB1000".."AB6998": 6 characters
    const chunks = chunkAddresses(addresses);
    expect(chunks.every((c) => c.length < MAX_GETRANGES_CHARS)).toBe(true);
    expect(chunks.join(",").split(",")).toEqual(addresses);
    // n addresses take 7n − 1 characters; 7n − 1 < 7,800 ⇔ n ≤ 1,114. 3000 = 1114 + 1114 + 772.
    expect(chunks.map((c) => c.split(",").length)).toEqual([1114, 1114, 772]);
    expect(chunkAddresses([])).toEqual([]);
  });

  test("RangeAreas addresses parse with quoted names, commas inside quotes, $ and spaces", () => {
    expect(parseAreasAddress("Sheet1!A1:C1,Sheet1!A2:B5")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 4, right: 1 },
    ]);
    expect(parseAreasAddress("'预算, 2023'!$D$4:$F$4, '预算, 2023'!AA10")).toEqual([
      { top: 3, left: 3, bottom: 3, right: 5 },
      { top: 9, left: 26, bottom: 9, right: 26 },
    ]);
    expect(parseAreasAddress("自评表!A:A")).toEqual([]);
  });
});

describe("fills", () => {
  test("with ExcelApi 1.9: no fill vs white vs colour vs pattern", () => {
    expect(
      fillFromLoaded(
        { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null },
        true,
      ),
    ).toEqual({ none: true });
    // office-js#4900: some builds give pattern null for no fill; tintAndShade null tells.
    expect(
      fillFromLoaded({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null }, true),
    ).toEqual({ none: true });
    expect(
      fillFromLoaded({ color: "#ffffff", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 }, true),
    ).toEqual({ color: "#FFFFFF" });
    expect(
      fillFromLoaded({ color: "#92D050", pattern: "Solid", patternColor: "#000000", tintAndShade: 0 }, true),
    ).toEqual({ color: "#92D050" });
    expect(
      fillFromLoaded({ color: "#FFFF00", pattern: "Gray25", patternColor: "#ff0000", tintAndShade: 0 }, true),
    ).toEqual({
      color: "#FFFF00",
      pattern: "Gray25",
      patternColor: "#FF0000",
    });
  });

  test("without ExcelApi 1.9 white is taken as no fill", () => {
    expect(fillFromLoaded({ color: "#FFFFFF" }, false)).toEqual({ none: true });
    expect(fillFromLoaded({ color: "#92D050" }, false)).toEqual({ color: "#92D050" });
  });

  test("equal fills share a key", () => {
    expect(fillKey({ color: "#92D050" })).toBe(fillKey({ color: "#92D050" }));
    expect(fillKey({ none: true })).not.toBe(fillKey({ color: "#FFFFFF" }));
  });
});

describe("restore record", () => {
  const entries: RecordEntry[] = [
    { sheet: "自评表", sheetId: "{1}", address: "H12", mark: "H12", fill: { none: true } },
    { sheet: "2023", sheetId: "{2}", address: "B2", mark: "B2", fill: { color: "#92D050" } },
    {
      sheet: "2023",
      sheetId: "{2}",
      address: "C2",
      mark: "B2",
      fill: { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" },
    },
  ];

  test("round trip through cell text; merged areas count once", () => {
    const rows = encodeRecord(entries);
    expect(rows[0]).toEqual([RECORD_MARKER]);
    expect(rows.every((r) => r.length === 1 && typeof r[0] === "string")).toBe(true);
    expect(decodeRecord(rows)).toEqual(entries);
    expect(countMarks(entries)).toBe(2);
  });

  test("damaged, foreign and repeated rows are skipped; the first record of a cell wins", () => {
    const rows = encodeRecord(entries);
    const damaged = [
      ...rows,
      ["{not json"],
      [42],
      [""],
      ['{"s":"自评表","a":"H13"}'], // no fill
      [JSON.stringify({ s: "自评表", i: "{1}", a: "H12", m: "H12", f: { color: "#FFC7CE" } })],
    ];
    expect(decodeRecord(damaged)).toEqual(entries);
  });
});

describe("error mapping", () => {
  test("an OfficeExtension.Error keeps its code and gets a Chinese explanation", () => {
    const e = toHostError(
      { name: "RichApi.Error", code: "AccessDenied", message: "Protected." },
      "写入单元格",
    );
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe("AccessDenied");
    expect(e.message).toBe("写入单元格失败：Excel 拒绝访问：工作表或工作簿可能受保护。（Excel：Protected.）");
  });

  test("unknown codes and non-errors still become HostErrors; HostErrors pass through", () => {
    expect(toHostError({ code: "SomethingNew", message: "x" }, "读取").code).toBe("SomethingNew");
    expect(toHostError(new TypeError("boom"), "读取").code).toBe("Unknown");
    expect(toHostError(new TypeError("boom"), "读取").message).toContain("boom");
    const h = new HostError("SheetProtected", "m");
    expect(toHostError(h, "x")).toBe(h);
  });
});
