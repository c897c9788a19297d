/**
 * The correction plan on hand-computed forms: seed 004 (吉首 2023, fixtures.ts) and the correct form
 * (fixtures.ts: 7.6 + 49.47 + 27 + 10 = 94.07 → 优) with single faults.
 */
import { describe, expect, test } from "@jest/globals";
import { a1 } from "../../src/core/grid";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { CORRECT, PCT, build, indIndex, seed004Spec, workbookOf } from "./fixtures";
import { cellAt, hunanSheet, one, run } from "./helpers";

describe("plan of seed 004 (吉首 2023)", () => {
  const spec = seed004Spec();
  const L = standardLayout(spec);
  const r = run(workbookOf(buildStandardForm(spec)));
  const res = r.results[0];

  test("items first (执行率得分 8 → 10, 满意度 9 → 9.69), then the total 96 → 98.69; the grade stays 优", () => {
    // 执行率 5374.35 / 5374.35 = 100% → 10; 满意度 10 × 0.95 ÷ 0.98 = 9.69; 10 + 49 + 30 + 9.69 = 98.69.
    const sat = indIndex(spec, "社会公众满意度");
    expect(res.plan!.changes.map((c) => [c.ref, c.typed, c.value, c.rule])).toEqual([
      [cellAt(L.budget.rows[0].score), 8, 10, "SCORE_MISMATCH"],
      [cellAt(L.indicators.rows[sat].score), 9, 9.69, "SCORE_MISMATCH"],
      [cellAt(L.total.score), 96, 98.69, "SUM_MISMATCH"],
    ]);
    expect(res.plan!.total).toBe(98.69);
    expect(res.plan!.grade).toBe("优");
    // Typed parts 8 + 49 + 30 + 9 = 96: writing back without changing items keeps 96 → 优.
    expect(res.plan!.totalKeepingItems).toBe(96);
    expect(res.plan!.gradeKeepingItems).toBe("优");
    expect(res.total).toEqual({ typed: 96, computed: 98.69 });
  });

  test("typed 总分 96 = typed parts: no finding on the total (the item findings carry the fixes)", () => {
    expect(r.findings.filter((f) => f.ref?.row === L.total.score.row)).toEqual([]);
  });
});

describe("plan-driven findings on the correct form", () => {
  test("a wrong total and a wrong part: the fix is the total with the part corrected (94.07)", () => {
    // 执行率得分 typed 10 (rules: 7.6), 总分 typed 80: typed parts 10 + 49.47 + 27 + 10 = 96.47.
    const { wb, layout } = build((s) => {
      s.budget.rows[0].score = 10;
      s.total.score = 80;
    });
    const r = run(wb);
    const f = r.of("SUM_MISMATCH")[0];
    expect(f.ref).toEqual(cellAt(layout.total.score));
    expect(f.expected).toBe(94.07);
    expect(f.fix).toEqual({ ref: cellAt(layout.total.score), value: 94.07 });
    expect(f.message).toMatch(
      /^总分填写 80，所填各项相加为 96\.47（.*）；其中执行率得分应为 7\.6（见 [A-Z]+\d+），改正后总分应为 94\.07。/,
    );
    expect(r.results[0].total.computed).toBe(94.07);
  });

  test("total typed 96.47 = typed parts: no SUM_MISMATCH, but the plan corrects it to 94.07 after 执行率得分", () => {
    const { wb, layout } = build((s) => {
      s.budget.rows[0].score = 10;
      s.total.score = 96.47;
    });
    const r = run(wb);
    expect(r.of("SUM_MISMATCH")).toEqual([]);
    const changes = r.results[0].plan!.changes;
    expect(changes.map((c) => [c.item, c.value])).toEqual([
      ["执行率得分", 7.6],
      ["总分", 94.07],
    ]);
    expect(changes[1].ref).toEqual(cellAt(layout.total.score));
  });

  test("总分 188.1 (two forms added) → SCORE_OUT_OF_RANGE on the total, fix 94.07, no SUM_MISMATCH there", () => {
    const { wb, layout } = build((s) => (s.total.score = 188.1));
    const r = run(wb);
    const f = one(r, "SCORE_OUT_OF_RANGE");
    expect(f.ref).toEqual(cellAt(layout.total.score));
    expect(f.severity).toBe("error");
    expect(f.message).toMatch(/^总分 188\.1 超过了满分 100/);
    expect(f.fix).toEqual({ ref: cellAt(layout.total.score), value: CORRECT.total });
    expect(r.of("SUM_MISMATCH")).toEqual([]);
  });

  test("quiet: a total of exactly 100 on a full-score form is not out of range", () => {
    const { wb } = build((s) => {
      s.budget.rows[0].executed = 100; // 100%: 10 of 10
      s.budget.rows[0].rate = { value: 1, numberFormat: PCT };
      s.budget.rows[0].score = 10;
      s.budget.rows[1].executed = 80; // 80 + 15 + 5 = 100
      s.budget.rows[2].executed = 15;
      for (const i of s.indicators) {
        i.score = i.weight;
        if (i.name === "重点工作完成及时率") i.actual = "96%";
        if (i.name === "企业服务成效") i.actual = "达成年度指标";
      }
      s.total.score = 100;
    });
    const r = run(wb);
    expect(r.of("SCORE_OUT_OF_RANGE")).toEqual([]);
    expect(r.of("SUM_MISMATCH")).toEqual([]);
    expect(r.results[0].total).toEqual({ typed: 100, computed: 100 });
  });
});

describe("RATE_MISMATCH on the budget sub-rows (其中：当年财政拨款 …)", () => {
  test("其中：当年财政拨款 60 / 80 = 75.00% printed 70% → error at its own 执行率 cell, fix 0.75", () => {
    const { wb, layout } = build((s) => (s.budget.rows[1].rate = { value: 0.7, numberFormat: PCT }));
    const r = run(wb);
    const f = one(r, "RATE_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[1].rate));
    expect(f.severity).toBe("error");
    expect(f.expected).toBe("75.00%");
    expect(f.message).toMatch(
      /^“其中：当年财政拨款”的执行率填写 70%，按公式应为 75\.00%（75\.00% = 60万元 ÷ 80万元）/,
    );
    expect(f.fix).toEqual({ ref: cellAt(layout.budget.rows[1].rate), value: 0.75 });
    expect(r.results[0].plan!.changes.map((c) => c.value)).toEqual([0.75]);
  });

  test("quiet: sub-rows printing their right rates (60/80 = 75%, 11/15 = 73.33%, 5/5 = 100%)", () => {
    const { wb } = build((s) => {
      s.budget.rows[1].rate = { value: 0.75, numberFormat: PCT };
      s.budget.rows[2].rate = "73.33%";
      s.budget.rows[3].rate = { value: 1, numberFormat: PCT };
    });
    const r = run(wb);
    expect(r.of("RATE_MISMATCH")).toEqual([]);
    expect(r.of("EXEC_OVER_100")).toEqual([]);
  });
});

test("the total finding names the part by its cell address (a1)", () => {
  // Guards the "（见 I7）" wording: the address is the score cell's, without the sheet name.
  const { wb, layout } = build((s) => {
    s.budget.rows[0].score = 10;
    s.total.score = 94.07;
  });
  const f = one(run(wb), "SUM_MISMATCH");
  const cell = layout.budget.rows[0].score;
  expect(f.message).toBe(
    `总分 94.07 与所填各项之和 96.47 不符，因为执行率得分应为 7.6（见 ${a1(cell.row, cell.col)}）；改正该项后总分 94.07 无需改动。`,
  );
  expect(f.fix).toBeUndefined();
});

describe("a budget sum off by exactly an unrecognised row (seed 002: 其他支出 4.00)", () => {
  // Seed 002 lists 总预算 1311.99 万元 = 基本支出 + 项目支出 506.00 + 其他支出 4.00; 基本支出 801.99 here so
  // the figures add up: 801.99 + 506 + 4 = 1311.99. "其他支出" is not a template row: the recognised items
  // of 按支出性质分 (1311.99) give 801.99 + 506 = 1307.99, 4 short — the 其他支出 row, not a wrong total.
  const byNature = (withStray: boolean) =>
    build((s) => {
      s.budget.variant = "by-nature";
      s.budget.rows = [
        {
          label: "年度资金总额",
          fullYearBudget: 1311.99,
          executed: 1311.99,
          weight: 10,
          rate: "100%",
          score: 10,
        },
        { label: "按收入性质分", executed: 1311.99 },
        { label: "一般公共预算", executed: 1311.99 },
        { label: "按支出性质分", executed: 1311.99 },
        { label: "基本支出", executed: withStray ? 801.99 : 805.99 },
        { label: "项目支出", executed: 506 },
        ...(withStray ? [{ label: "其他支出", executed: 4 }] : []),
      ];
      s.total.score = 96.47; // 10 + 49.47 + 27 + 10
    });

  test("names the 其他支出 row and proposes no new total", () => {
    const { wb, layout } = byNature(true);
    const r = run(wb);
    const f = one(r, "SUM_MISMATCH");
    expect(f.ref).toEqual(cellAt(layout.budget.rows[3].executed)); // 按支出性质分
    expect(f.fix).toBeUndefined();
    expect(f.message).toMatch(/相差 4万元，正是“其他支出”一行（[A-Z]+\d+）的数额/);
    expect(f.message).not.toMatch(/请改为/);
  });

  test("quiet: the same block without the stray row adds up (805.99 + 506 = 1311.99)", () => {
    const r = run(byNature(false).wb);
    expect(r.of("SUM_MISMATCH")).toEqual([]);
  });

  test("a difference no row explains still proposes the sum (基本支出 801.99 + 506 vs 1311.99, no stray row)", () => {
    const { wb } = build((s) => {
      s.budget.variant = "by-nature";
      s.budget.rows = [
        {
          label: "年度资金总额",
          fullYearBudget: 1311.99,
          executed: 1311.99,
          weight: 10,
          rate: "100%",
          score: 10,
        },
        { label: "按收入性质分", executed: 1311.99 },
        { label: "一般公共预算", executed: 1311.99 },
        { label: "按支出性质分", executed: 1311.99 },
        { label: "基本支出", executed: 801.99 },
        { label: "项目支出", executed: 506 },
      ];
      s.total.score = 96.47;
    });
    const f = one(run(wb), "SUM_MISMATCH");
    expect(f.message).toMatch(/各组成部分相加为 1307\.99万元.*相差 4万元。请改为 1307\.99万元/);
  });
});

describe("plan of the older Hunan report form (helpers.ts hunanSheet: 8 + 49 + 30 + 9 = 96)", () => {
  // 满意度 typed 8 instead of 9: rows 8 + 49 + 30 + 8 = 95; 合计 still 96 (得分率 96%), 满意度 得分率 still 90%.
  const sheet = () =>
    hunanSheet((rows) => {
      rows[19][2] = 8;
    });

  test("合计 96 → 95, its 得分率 → 95.00%, 满意度 得分率 → 80.00%, combined 评分 → 95; total 95 → 优", () => {
    const r = run({ sheets: [sheet()] });
    const plan = r.results[0].plan!;
    expect(plan.changes.map((c) => [c.ref.row, c.ref.col, c.value])).toEqual([
      [20, 2, 95],
      [19, 3, "80.00%"],
      [20, 3, "95.00%"],
      [10, 1, "评分：95                       等级：优"],
    ]);
    expect([plan.total, plan.grade]).toEqual([95, "优"]);
    // The 合计 finding's fix is the plan's value.
    const f = r.of("SUM_MISMATCH").find((x) => x.ref?.row === 20)!;
    expect(f.fix).toEqual({ ref: { sheet: "附件2", row: 20, col: 2 }, value: 95 });
  });

  test("applying the plan leaves no arithmetic error and nothing more to change", () => {
    const s = sheet();
    const r = run({ sheets: [s] });
    for (const c of r.results[0].plan!.changes)
      s.cells[c.ref.row][c.ref.col] = {
        value:
          typeof c.value === "number" ? { kind: "number", value: c.value } : { kind: "text", value: c.value },
      };
    const again = run({ sheets: [s] });
    expect(again.findings.filter((x) => x.severity === "error")).toEqual([]);
    expect(again.results[0].plan!.changes).toEqual([]);
  });
});

describe("一级 subtotal rows (产出指标小计) follow the corrected 三级 scores", () => {
  // 产出 rows of the correct form: 20 + 10 + 9.47 + 10 = 49.47 (fixtures.ts).
  const withSubtotal = (score: number, timelyScore: number) =>
    build((s) => {
      s.indicators[2].score = timelyScore; // 重点工作完成及时率: rule 10 × 0.9 ÷ 0.95 = 9.47
      s.indicators.splice(4, 0, {
        level1: "产出指标小计",
        level2: "",
        name: "",
        target: null,
        actual: null,
        weight: 50,
        score,
      });
      s.total.score = 94.07;
    });

  test("the subtotal is right once the wrong part is corrected: named, no fix of its own", () => {
    // 及时率 typed 8.47 (rule 9.47): typed parts 20 + 10 + 8.47 + 10 = 48.47 ≠ 49.47 typed.
    const { wb, layout } = withSubtotal(49.47, 8.47);
    const r = run(wb);
    const sub = layout.indicators.rows[4].score;
    const f = r.of("SUM_MISMATCH").find((x) => x.ref?.row === sub.row)!;
    expect(f.fix).toBeUndefined();
    expect(f.message).toMatch(
      /^产出指标小计得分 49\.47 与所填各项之和 48\.47 不符，因为“重点工作完成及时率”得分应为 9\.47/,
    );
  });

  test("a wrong subtotal over a wrong part: the fix is the sum of the corrected parts (49.47)", () => {
    const { wb, layout } = withSubtotal(45, 8.47);
    const r = run(wb);
    const sub = layout.indicators.rows[4].score;
    const f = r.of("SUM_MISMATCH").find((x) => x.ref?.row === sub.row)!;
    expect(f.fix).toEqual({ ref: cellAt(sub), value: 49.47 });
    expect(r.results[0].plan!.changes.map((c) => c.value)).toEqual([9.47, 49.47]);
  });
});
