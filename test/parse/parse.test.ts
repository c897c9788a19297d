import { describe, expect, test } from "@jest/globals";
import { inferDirection, parseValue, unitsDiffer } from "../../src/core/parse";
import type { ParsedValue } from "../../src/core/parse";

/** The fields that matter for one parse form; everything else is checked by the `toMatchObject`. */
function expectParsed(text: string, expected: Partial<ParsedValue>): void {
  const p = parseValue(text);
  expect(p).toMatchObject(expected);
  expect(p.text).toBe(text);
}

describe("parseValue: every form of domain.md §5", () => {
  test.each<[string, Partial<ParsedValue>]>([
    // comparators from symbols; percentages become fractions (95% → 0.95)
    ["≥95%", { kind: "number", comparator: ">=", value: 0.95, unit: "%", isPercent: true }],
    ["≧90%", { kind: "number", comparator: ">=", value: 0.9, unit: "%", isPercent: true }],
    // small equals sign ﹦ and a space before %
    ["﹦100 %", { kind: "number", comparator: "=", value: 1, unit: "%", isPercent: true }],
    ["≤27.6万元", { kind: "number", comparator: "<=", value: 27.6, unit: "万元", isPercent: false }],
    // 百分比 spelled out: 100 百分比 = 100% = 1
    ["≥100百分比", { kind: "number", comparator: ">=", value: 1, unit: "%", isPercent: true }],
    ["4家", { kind: "number", comparator: null, value: 4, unit: "家", atLeast: false }],
    ["完成8家", { kind: "number", comparator: null, value: 8, unit: "家" }],
    ["满意度在98%以上", { kind: "number", comparator: ">=", value: 0.98, isPercent: true, atLeast: true }],
    ["达98%", { kind: "number", comparator: null, value: 0.98, isPercent: true }],
    ["6户以上", { kind: "number", comparator: ">=", value: 6, unit: "户", atLeast: true }],
    // 30 亿元 = 30 × 10000 = 300000 万元
    ["30亿元以上", { kind: "number", comparator: ">=", value: 300000, unit: "万元", atLeast: true }],
    ["2天以内", { kind: "number", comparator: "<=", value: 2, unit: "天" }],
    // a date: month 9, "before" → at most
    ["9月前", { kind: "number", comparator: "<=", value: 9, unit: "月" }],
    ["超过85个", { kind: "number", comparator: ">=", value: 85, unit: "个", atLeast: true }],
    ["40多家", { kind: "number", comparator: null, value: 40, unit: "家", atLeast: true }],
    ["800余人次", { kind: "number", comparator: null, value: 800, unit: "人次", atLeast: true }],
    // 246.7% = 2.467
    ["完成全年任务的246.7%", { kind: "number", value: 2.467, unit: "%", isPercent: true }],
    ["按时完成", { kind: "qualitative", value: null, unit: null }],
    ["效果明显", { kind: "qualitative", value: null }],
    ["达成预期指标", { kind: "qualitative", value: null, forecast: false }],
    ["高", { kind: "qualitative" }],
    ["好", { kind: "qualitative" }],
    ["/", { kind: "placeholder", value: null }],
    ["—", { kind: "placeholder", value: null }],
    ["-", { kind: "placeholder" }],
    ["无", { kind: "placeholder" }],
    ["——", { kind: "placeholder" }],
  ])("%s", (text, expected) => expectParsed(text, expected));
});

describe("parseValue: comparator words", () => {
  test.each<[string, ParsedValue["comparator"]]>([
    ["不低于90%", ">="],
    ["不少于5家", ">="],
    ["至少3次", ">="],
    ["不高于100%", "<="],
    ["不超过20万元", "<="],
    ["控制在100%", "<="],
    ["5%以下", "<="],
    ["等于100%", "="],
    [">=95%", ">="],
    ["<=10天", "<="],
    ["不足80%", "<="],
  ])("%s → %s", (text, comparator) => {
    expect(parseValue(text).comparator).toBe(comparator);
  });
});

describe("parseValue: full-width input (NFKC)", () => {
  test("full-width digits, ＞＝ and ％", () => {
    // ９５ → 95, ％ → %: 95% = 0.95
    expect(parseValue("＞＝９５％")).toMatchObject({ comparator: ">=", value: 0.95, isPercent: true });
  });
  test("full-width digits with a count unit", () => {
    expect(parseValue("１２３家")).toMatchObject({ kind: "number", value: 123, unit: "家" });
  });
  test("full-width equals ＝ and full-width decimal point", () => {
    // ２７．６ → 27.6
    expect(parseValue("＜＝２７．６万元")).toMatchObject({ comparator: "<=", value: 27.6, unit: "万元" });
    expect(parseValue("＝１００％")).toMatchObject({ comparator: "=", value: 1 });
  });
  test("full-width slash is a placeholder", () => {
    expect(parseValue("／").kind).toBe("placeholder");
  });
});

describe("parseValue: money", () => {
  test("元 is converted to 万元 with a flag (4.82元 → 0.000482 万元)", () => {
    // 4.82 ÷ 10000 = 0.000482
    const p = parseValue("4.82元");
    expect(p.unit).toBe("万元");
    expect(p.value).toBeCloseTo(0.000482, 12);
    expect(p.yuanConverted).toBe(true);
  });
  test("万元 is kept and not flagged", () => {
    expect(parseValue("459.61万元")).toMatchObject({ value: 459.61, unit: "万元", yuanConverted: false });
  });
  test("thousands separators", () => {
    expect(parseValue("72,890元").value).toBeCloseTo(7.289, 12);
  });
});

describe("parseValue: forecasts and partial years", () => {
  test("预计 marks a forecast", () => {
    expect(parseValue("预计完成95%")).toMatchObject({ forecast: true, value: 0.95 });
  });
  test("力争 marks a forecast", () => {
    expect(parseValue("力争10家").forecast).toBe(true);
  });
  test("1-10月 is a partial year and its digits are not the value", () => {
    // 39.4 亿元 = 394000 万元
    expect(parseValue("1-10月完成产值39.4亿元")).toMatchObject({
      forecast: true,
      value: 394000,
      unit: "万元",
    });
  });
  test("1－11月 with a full-width dash", () => {
    expect(parseValue("1－11月工业固投70.44亿元")).toMatchObject({ forecast: true, value: 704400 });
  });
  test("1-12月 is the whole year: not a forecast", () => {
    expect(parseValue("1-12月完成8家")).toMatchObject({ forecast: false, value: 8 });
  });
  test("a plain actual is not a forecast", () => {
    expect(parseValue("98%").forecast).toBe(false);
  });
});

describe("parseValue: other text", () => {
  test("a year before the value is context", () => {
    expect(parseValue("2022年完成8家")).toMatchObject({ value: 8, unit: "家" });
  });
  test("12月底前 → 12 月, at most", () => {
    expect(parseValue("12月底前")).toMatchObject({ value: 12, unit: "月", comparator: "<=" });
  });
  test("a negative percentage", () => {
    expect(parseValue("≤-2%")).toMatchObject({ comparator: "<=", value: -0.02 });
  });
  test("text without a number and without a known phrase is unparsed", () => {
    expect(parseValue("详见附件").kind).toBe("unparsed");
    expect(parseValue("abc").kind).toBe("unparsed");
  });
  test("blank text is empty", () => {
    expect(parseValue("   ").kind).toBe("empty");
    expect(parseValue("").kind).toBe("empty");
  });
});

describe("parseValue: scientific notation in text", () => {
  // Before the fix "1e-7" read as 1 (the first digit run), the exponent left as trailing text.
  test("1e-7 is 0.0000001, never 1", () => {
    const p = parseValue("1e-7");
    expect(p.kind).toBe("number");
    expect(p.value).toBe(0.0000001);
  });
  test("2.5E3 is 2500 and 1e2% is 100% (1.0 as a fraction)", () => {
    expect(parseValue("2.5E3").value).toBe(2500);
    expect(parseValue("1e2%")).toMatchObject({ value: 1, isPercent: true });
  });
  test("a signed exponent and a comparator: ≥5e+1家 → at least 50 家", () => {
    expect(parseValue("≥5e+1家")).toMatchObject({ comparator: ">=", value: 50, unit: "家" });
  });
  test("an exponent that overflows is not a number (never its mantissa)", () => {
    const p = parseValue("3e400");
    expect(p.kind).not.toBe("number");
    expect(p.value).toBeNull();
  });
  test("a unit factor that overflows gives no number: 9e305亿元, 1.8e305 under a 亿元 target", () => {
    expect(parseValue("9e305亿元")).toMatchObject({ kind: "unparsed", value: null });
    const partner = parseValue("0亿元");
    expect(parseValue(-1.8e305, { partner })).toMatchObject({ kind: "unparsed", value: null });
  });
  test("a letter e that is not an exponent leaves the number alone", () => {
    expect(parseValue("5e家").value).toBe(5);
  });
});

describe("parseValue: cells", () => {
  test("a number cell with a percent format is a percentage: 0.95 stays 0.95", () => {
    expect(parseValue({ kind: "number", value: 0.95 }, { percentFormat: true })).toMatchObject({
      kind: "number",
      value: 0.95,
      unit: "%",
      isPercent: true,
    });
  });
  test("a plain number cell keeps its value", () => {
    expect(parseValue({ kind: "number", value: 8 })).toMatchObject({ kind: "number", value: 8, unit: null });
    expect(parseValue(12.5)).toMatchObject({ kind: "number", value: 12.5, isPercent: false });
  });
  test("empty cell, null, undefined", () => {
    expect(parseValue({ kind: "empty" }).kind).toBe("empty");
    expect(parseValue(null).kind).toBe("empty");
    expect(parseValue(undefined).kind).toBe("empty");
  });
  test("error cells are unparsed", () => {
    expect(parseValue({ kind: "error", value: "#DIV/0!" })).toMatchObject({ kind: "unparsed", value: null });
  });
  test("text cells parse like strings", () => {
    expect(parseValue({ kind: "text", value: "≥95%" })).toMatchObject({ comparator: ">=", value: 0.95 });
  });
  test("boolean and date cells are unparsed", () => {
    expect(parseValue({ kind: "boolean", value: true }).kind).toBe("unparsed");
    expect(parseValue({ kind: "date", serial: 45000 }).kind).toBe("unparsed");
  });
});

describe("parseValue: partner units", () => {
  test("100 under ﹦100 % is 100%", () => {
    const target = parseValue("﹦100 %");
    // 100 percentage points → 1.00
    expect(parseValue("100", { partner: target })).toMatchObject({ value: 1, unit: "%", isPercent: true });
    expect(parseValue({ kind: "number", value: 100 }, { partner: target })).toMatchObject({
      value: 1,
      isPercent: true,
    });
  });
  test("72890 under ﹦72890 元 gets the 元 treatment", () => {
    const target = parseValue("﹦72890 元");
    // 72890 ÷ 10000 = 7.289 万元 on both sides
    expect(target.value).toBeCloseTo(7.289, 12);
    const actual = parseValue("72890", { partner: target });
    expect(actual.unit).toBe("万元");
    expect(actual.value).toBeCloseTo(7.289, 12);
    expect(actual.yuanConverted).toBe(true);
  });
  test("a bare count takes the partner's count unit", () => {
    expect(parseValue("5", { partner: parseValue("4家") })).toMatchObject({ value: 5, unit: "家" });
  });
  test("30 under 30亿元以上 is 30 亿元", () => {
    // 30 × 10000 = 300000 万元
    expect(parseValue("30", { partner: parseValue("30亿元以上") })).toMatchObject({
      value: 300000,
      unit: "万元",
    });
  });
  test("a fraction-looking number cell under a percentage target stays a fraction", () => {
    // 0.98 as a fraction (98%) is far closer to a 95% target than 0.98% would be
    expect(parseValue({ kind: "number", value: 0.98 }, { partner: parseValue("≥95%") })).toMatchObject({
      value: 0.98,
      isPercent: true,
    });
  });
  test("an explicit unit wins over the partner's", () => {
    expect(parseValue("3家", { partner: parseValue("≥95%") })).toMatchObject({ value: 3, unit: "家" });
  });
  test("no partner unit: value as is", () => {
    expect(parseValue("7", { partner: parseValue("8") })).toMatchObject({ value: 7, unit: null });
  });
  test("units that differ are reported", () => {
    expect(unitsDiffer(parseValue("95%"), parseValue("4家"))).toBe(true);
    expect(unitsDiffer(parseValue("95%"), parseValue("98%"))).toBe(false);
  });
});

describe("parseValue never throws on odd input", () => {
  test.each<unknown>([
    NaN,
    Infinity,
    -Infinity,
    1e308,
    Number.MAX_VALUE,
    {},
    [],
    "1e400",
    "💥",
    "%%%",
    "≥",
    "以上",
  ])("%p", (input) => {
    const p = parseValue(input as string);
    expect(p).toBeDefined();
    if (p.value !== null) expect(Number.isFinite(p.value)).toBe(true);
  });
  test("NaN and Infinity number cells are unparsed", () => {
    expect(parseValue({ kind: "number", value: NaN }).kind).toBe("unparsed");
    expect(parseValue(Infinity).kind).toBe("unparsed");
  });
});

describe("inferDirection", () => {
  const none = parseValue("95");
  test("an explicit comparator wins", () => {
    expect(inferDirection("三公经费控制率", parseValue("≥95%"))).toBe(">=");
    expect(inferDirection("完成率", parseValue("≤5%"))).toBe("<=");
  });
  test("then the 指标性质 column", () => {
    expect(inferDirection("完成率", none, "反向")).toBe("<=");
    expect(inferDirection("成本", none, "正向")).toBe(">=");
    expect(inferDirection("成本", none, "≥")).toBe(">=");
    expect(inferDirection("完成率", none, "≤")).toBe("<=");
    expect(inferDirection("x", none, "=")).toBe("=");
  });
  test.each([
    ["“三公经费”控制率", "<="],
    ["三公经费变动率", "<="],
    ["预算调整率", "<="],
    ["结转结余率", "<="],
    ["项目成本", "<="],
    ["培训费用", "<="],
    ["投诉次数", "<="],
    ["安全事故", "<="],
    ["完成时间", "<="],
    ["办理天数", "<="],
    ["预算执行率", ">="],
    ["服务对象满意度", ">="],
    ["新增规模工业企业数量", ">="],
    ["投诉处理及时率", ">="],
    ["指标1：覆盖率", ">="],
  ])("%s → %s", (name, dir) => {
    expect(inferDirection(name, none)).toBe(dir);
  });
});

describe("parseValue: comparator words away from the number", () => {
  test("2023年12月31日前 → month 12, at most", () => {
    expect(parseValue("2023年12月31日前")).toMatchObject({ value: 12, unit: "月", comparator: "<=" });
  });
  test("95%（含）以上 → at least 95%", () => {
    expect(parseValue("95%（含）以上")).toMatchObject({ value: 0.95, comparator: ">=", atLeast: true });
  });
  test("95%及以上", () => {
    expect(parseValue("95%及以上")).toMatchObject({ value: 0.95, comparator: ">=" });
  });
});
