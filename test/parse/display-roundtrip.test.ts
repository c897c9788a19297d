/**
 * The one display of a number with its unit (src/core/display.ts displayQuantity), property-tested against
 * the parser: for a value as a form writes it ("≥95%", "5.3亿元", "4.82元", "完成8家", "800余人次", "3个月",
 * "99.5‰", "2.5" under a 100% target), display(parse(text)) reads back with parseValue as the same quantity:
 * the same value and the same unit (and percent or not, and 元 or not). Plus the examples by hand.
 */
import { describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import { displayQuantity } from "../../src/core/display";
import { parseValue, type ParsedValue } from "../../src/core/parse";
import { runs } from "../fuzz/arbitraries";

/** Units as forms write them (domain.md §5), and none. */
const UNITS = [
  "%",
  "％",
  "‰",
  "百分比",
  "亿元",
  "万元",
  "元",
  "千元",
  "家",
  "个",
  "人次",
  "万人次",
  "人",
  "户",
  "项",
  "件",
  "天",
  "个月",
  "月",
  "年",
  "公里",
  "千米",
  "平方米",
  "吨",
  "倍",
  "所学校",
  "",
];
const PREFIXES = ["", "≥", "≤", "＝", "不低于", "不超过", "完成", "达", "全年完成", "预计", "约"];
const SUFFIXES = ["", "以上", "以内", "（含）"];

/** A number with at most 4 decimals, as typed: 0 … 10^7. */
const typedNumber = fc
  .tuple(
    fc.integer({ min: 0, max: 10_000_000 }),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([whole, frac, d]) =>
    d === 0 ? String(whole) : `${whole}.${String(frac).padStart(4, "0").slice(0, d)}`,
  );

const valueText = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    typedNumber,
    fc.constantFrom("", "多", "余"),
    fc.constantFrom(...UNITS),
    fc.constantFrom(...SUFFIXES),
  )
  .map(([pre, num, approx, unit, post]) => `${pre}${num}${unit ? approx : ""}${unit}${post}`);

function sameQuantity(a: ParsedValue, b: ParsedValue): boolean {
  return (
    a.kind === "number" &&
    b.kind === "number" &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.isPercent === b.isPercent &&
    a.yuanConverted === b.yuanConverted
  );
}

describe("display(parse(text)) parses back to the same quantity", () => {
  test("values as forms write them", () => {
    fc.assert(
      fc.property(valueText, (text) => {
        const p = parseValue(text);
        if (p.kind !== "number") return true; // not a number: nothing to display
        const shown = displayQuantity(p);
        const back = parseValue(shown);
        if (!sameQuantity(p, back))
          throw new Error(
            `${text} → ${shown} → ${JSON.stringify([back.value, back.unit])} ≠ ${JSON.stringify([p.value, p.unit])}`,
          );
        return true;
      }),
      { ...runs(0.2), endOnFailure: true },
    );
  });

  test("an actual written without a unit takes its target's, and reads back with the target as partner", () => {
    const targets = fc.constantFrom("﹦100 %", "≥95%", "≥3.7亿元", "≤27.6万元", "6.7元", "≥4家", "100");
    fc.assert(
      fc.property(targets, typedNumber, (targetText, actualText) => {
        const target = parseValue(targetText);
        const p = parseValue(actualText, { partner: target });
        const back = parseValue(displayQuantity(p), { partner: target });
        if (!sameQuantity(p, back))
          throw new Error(`${actualText} under ${targetText} → ${displayQuantity(p)}`);
        return true;
      }),
      { ...runs(0.1), endOnFailure: true },
    );
  });
});

describe("the issue's examples, by hand", () => {
  test("percentages as %, 亿元 stays 亿元, counts keep their unit, 元 stays 元", () => {
    expect(displayQuantity(parseValue("99%"))).toBe("99%");
    expect(displayQuantity(parseValue("≥3.7亿元"))).toBe("3.7亿元");
    expect(displayQuantity(parseValue("5.3亿元"))).toBe("5.3亿元");
    expect(displayQuantity(parseValue("11.6亿元"))).toBe("11.6亿元"); // was "116000"
    expect(displayQuantity(parseValue("完成8家"))).toBe("8家");
    expect(displayQuantity(parseValue("1个"))).toBe("1个");
    expect(displayQuantity(parseValue("4.82元"))).toBe("4.82元");
    expect(displayQuantity(parseValue("89.974万元"))).toBe("89.974万元");
    // A percent-formatted cell holding 0.99 shows 99%; a bare 0.9 under "100%" is 90%.
    expect(displayQuantity(parseValue(0.99, { percentFormat: true }))).toBe("99%");
    expect(displayQuantity(parseValue(0.9, { partner: parseValue("100%") }))).toBe("90%");
    // Another value in the same unit: the target's 2 × shown as 亿元.
    expect(displayQuantity(parseValue("3.7亿元"), 74000)).toBe("7.4亿元");
  });
});
