import { describe, expect, test } from "@jest/globals";
import {
  formatNumber,
  formatPercent,
  formatPercentShort,
  nearlyEqual,
  round2,
  roundTo,
} from "../../src/core/numbers";

describe("round2: half away from zero on the decimal value", () => {
  test.each([
    [2.675, 2.68], // the double is 2.67499999…, the decimal is 2.675
    [1.005, 1.01],
    [89.995, 90],
    [-2.675, -2.68],
    [7.6000000000000005, 7.6],
    [0.1 + 0.2, 0.3],
    [74.2029, 74.2],
    [5, 5],
    [0.004, 0],
    [-0.004, 0],
  ])("%p → %p", (n, r) => {
    expect(round2(n)).toBe(r);
  });
  test("no negative zero", () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });
  test("huge and tiny values", () => {
    expect(round2(1e20)).toBe(1e20);
    expect(round2(5e-9)).toBe(0);
  });
  test("non-finite values are returned unchanged, never thrown", () => {
    expect(round2(NaN)).toBeNaN();
    expect(round2(Infinity)).toBe(Infinity);
  });
  test("roundTo other precisions", () => {
    expect(roundTo(0.12345, 4)).toBe(0.1235);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
});

describe("roundTo with many decimals on large values", () => {
  // 1844016662 × 10^15 is written "1.844016662e+24": the shifted decimal string used to read as NaN.
  test.each([
    [1844016662, 15, 1844016662],
    [-1276758595, 16, -1276758595],
    [123456789.5, 15, 123456789.5],
    [-123456789.25, 14, -123456789.25],
    [98765.4321, 15, 98765.4321],
  ])("roundTo(%p, %p) = %p", (n, d, r) => {
    expect(roundTo(n, d)).toBe(r);
  });
  test("formatNumber keeps every decimal it was asked for", () => {
    expect(formatNumber(123456789.5, 15)).toBe("123456789.5");
    expect(formatNumber(1844016662, 15)).toBe("1844016662");
  });
});

describe("formatNumber", () => {
  test.each([
    [7.6, "7.6"],
    [95, "95"],
    [74.2, "74.2"],
    [74.2029, "74.2"],
    [0.1 + 0.2, "0.3"],
    [2.675, "2.68"],
    [-3.5, "-3.5"],
    [-0.001, "0"],
    [1311.99, "1311.99"],
  ])("%p → %s", (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });
  test("more decimals on request", () => {
    expect(formatNumber(0.000482, 6)).toBe("0.000482");
  });
  test("non-finite → —", () => {
    expect(formatNumber(NaN)).toBe("—");
  });
});

describe("formatPercent", () => {
  test("0.742 → 74.20%", () => {
    expect(formatPercent(0.742)).toBe("74.20%");
  });
  test("20.48 / 27.6 → 74.20%", () => {
    expect(formatPercent(20.48 / 27.6)).toBe("74.20%");
  });
  test("seed 000 990.31%", () => {
    expect(formatPercent(4551.57 / 459.61)).toBe("990.31%");
  });
  test("decimals", () => {
    expect(formatPercent(0.30349, 0)).toBe("30%");
    expect(formatPercent(0.5, 1)).toBe("50.0%");
    expect(formatPercent(1)).toBe("100.00%");
  });
  test("0.545 exactly half → 54.50%, 0.00005 → 0.01%", () => {
    expect(formatPercent(0.545)).toBe("54.50%");
    expect(formatPercent(0.00005)).toBe("0.01%");
  });
  test("short form", () => {
    expect(formatPercentShort(0.742)).toBe("74.2%");
    expect(formatPercentShort(1)).toBe("100%");
  });
  test("non-finite → —", () => {
    expect(formatPercent(Infinity)).toBe("—");
  });
});

describe("nearlyEqual", () => {
  test("within 0.005", () => {
    expect(nearlyEqual(7.6, 7.604)).toBe(true);
    expect(nearlyEqual(7.6, 7.61)).toBe(false);
    expect(nearlyEqual(1, NaN)).toBe(false);
  });
});
