/** Values as the cell shows them (src/core/display.ts): percentages as %, amounts with their unit. */
import { describe, expect, test } from "@jest/globals";
import { displayAt, displayValue } from "../../src/core/display";
import { build } from "./fixtures";
import { cellAt, one, run } from "./helpers";

describe("displayValue", () => {
  test("a fraction in a percent format reads as a percentage, never as 9.9031", () => {
    expect(displayValue(9.9031, { numberFormat: "0%" })).toBe("990.31%");
    expect(displayValue(0.742, { numberFormat: "0.00%" })).toBe("74.2%");
  });
  test("an amount carries its unit; plain numbers and text stay as they are; nothing is （空）", () => {
    expect(displayValue(4563.47, { unit: "万元" })).toBe("4563.47万元");
    expect(displayValue(5.94)).toBe("5.94");
    expect(displayValue("990.31%")).toBe("990.31%");
    expect(displayValue(null)).toBe("（空）");
    expect(displayValue(Number.NaN)).toBe("—");
  });
  test("an amount keeps the decimals it has (domain.md §2.8: 本年财政拨款 89.974万元), never cut to 89.97", () => {
    expect(displayValue(89.974, { unit: "万元" })).toBe("89.974万元");
  });
});

describe("messages keep an amount's own decimals", () => {
  test("a sum that needs three decimals asks for them: 59.974 + 11 + 5 = 75.974, not 75.97", () => {
    // 年度资金总额 typed 76 over 当年财政拨款 59.974, 上年结转 11, 其他 5 (全年执行数 column).
    const { wb, layout } = build((s) => (s.budget.rows[1].executed = 59.974));
    const at = cellAt(layout.budget.rows[0].executed);
    const f = run(wb).findings.find(
      (x) => x.rule === "SUM_MISMATCH" && x.ref?.row === at.row && x.ref?.col === at.col,
    );
    expect(f?.message).toContain("请改为 75.974万元");
  });
});
