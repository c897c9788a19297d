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
});

describe("displayAt on a checked form", () => {
  test("武冈-like rate: 4551.57 / 459.61 printed 990% in a 0% cell → fix shown as 990.31%", () => {
    // 4551.57 ÷ 459.61 = 9.90311… → fix 9.9031 (4 decimals, the cell's own fraction style).
    const { wb, layout } = build((s) => {
      s.budget.rows[0].fullYearBudget = 459.61;
      s.budget.rows[0].executed = 4551.57;
      s.budget.rows[0].rate = { value: 9.9, numberFormat: "0%" };
    });
    const r = run(wb);
    const f = one(r, "RATE_MISMATCH");
    expect(f.fix?.value).toBe(9.9031);
    expect(f.fix?.ref).toEqual(cellAt(layout.budget.rows[0].rate));
    expect(displayAt(r.results[0], f.fix!.ref, f.fix!.value)).toBe("990.31%");
  });
  test("a budget amount shows 万元; a score shows as a number; an unknown cell as a plain number", () => {
    const { wb, layout } = build();
    const res = run(wb).results[0];
    expect(displayAt(res, cellAt(layout.budget.rows[0].executed), 76)).toBe("76万元");
    expect(displayAt(res, cellAt(layout.budget.rows[0].score), 7.6)).toBe("7.6");
    expect(displayAt(res, { sheet: "自评表", row: 500, col: 3 }, 1.23456)).toBe("1.2346");
    expect(displayAt(null, null, 3)).toBe("3");
  });
});
