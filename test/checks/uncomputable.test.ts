/**
 * Required number cells that hold no number (TRUE/FALSE, a date, text, an error value), a budget block
 * without its 全年预算数/全年执行数 column, and the safety net: a located form whose total cannot be computed
 * always carries an error finding saying why (before the fix: no finding at all, "未发现问题", exit 0).
 */
import { describe, expect, test } from "@jest/globals";
import type { Cell, CellValue } from "../../src/core/grid";
import type { StandardLayout, Pos } from "../../src/core/template";
import { build, CORRECT } from "./fixtures";
import { cellAt, one, run } from "./helpers";

/** The built correct form with one cell replaced by `value`. */
function withCell(pos: (l: StandardLayout) => Pos, value: CellValue) {
  const b = build();
  const p = pos(b.layout);
  const cell: Cell = { value };
  b.wb.sheets[0].cells[p.row]![p.col] = cell;
  return { ...b, pos: p };
}

const BAD: [string, CellValue, RegExp][] = [
  ["TRUE", { kind: "boolean", value: true }, /应填写数字，现在是逻辑值“TRUE”/],
  ["FALSE", { kind: "boolean", value: false }, /应填写数字，现在是逻辑值“FALSE”/],
  // 45000 = 2023-03-15 (days since 1899-12-30); 45291.5 = 2023-12-31 noon.
  ["a date", { kind: "date", serial: 45000 }, /应填写数字，现在是日期“2023-03-15”/],
  ["a date with a time", { kind: "date", serial: 45291.5 }, /现在是日期“2023-12-31 12:00”/],
  ["text", { kind: "text", value: "七十六万" }, /应填写数字，现在是“七十六万”/],
  ["a placeholder", { kind: "text", value: "/" }, /应填写数字，现在是“\/”/],
  ["#DIV/0!", { kind: "error", value: "#DIV/0!" }, /#DIV\/0!：单元格里的公式计算出错（除数为 0.*请修正公式/],
];

/** Required number cells of the correct form (row 5 = 企业服务成效, qualitative: its 得分 is typed points). */
const CELLS: [string, (l: StandardLayout) => Pos, RegExp][] = [
  ["全年预算数", (l) => l.budget.rows[0].fullYearBudget, /“年度资金总额”的全年预算数/],
  ["全年执行数", (l) => l.budget.rows[0].executed, /“年度资金总额”的全年执行数/],
  ["budget 分值", (l) => l.budget.rows[0].weight, /“年度资金总额”的分值/],
  ["budget 得分", (l) => l.budget.rows[0].score, /“年度资金总额”的得分/],
  ["indicator 分值", (l) => l.indicators.rows[0].weight, /“新增规模企业”的分值/],
  ["quantitative 得分", (l) => l.indicators.rows[0].score, /“新增规模企业”的得分/],
  ["qualitative 得分", (l) => l.indicators.rows[5].score, /“企业服务成效”的得分/],
];

describe("a required number cell that holds no number → MISSING_VALUE at that cell", () => {
  const cases = CELLS.flatMap(([cell, pos, subject]) =>
    BAD.map(([what, value, text]) => [cell, what, pos, value, subject, text] as const),
  );
  test.each(cases)("%s holding %s", (_cell, _what, pos, value, subject, text) => {
    const { wb, pos: p } = withCell(pos, value);
    const found = run(wb)
      .of("MISSING_VALUE")
      .filter((f) => f.ref?.row === p.row && f.ref.col === p.col);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe("error");
    expect(found[0].message).toMatch(subject);
    expect(found[0].message).toMatch(text);
  });

  test("an amount asks for the block's unit; points ask for a score", () => {
    const exec = withCell((l) => l.budget.rows[0].executed, { kind: "boolean", value: true });
    expect(one(run(exec.wb), "MISSING_VALUE").message).toBe(
      "“年度资金总额”的全年执行数应填写数字，现在是逻辑值“TRUE”。请改为金额（万元）。",
    );
    const score = withCell((l) => l.indicators.rows[5].score, { kind: "text", value: "较好" });
    expect(one(run(score.wb), "MISSING_VALUE").message).toMatch(/请改为分数。$/);
  });

  test("总分 holding TRUE, a date or text → MISSING_VALUE at the 总分 cell", () => {
    for (const [, value, text] of BAD.filter(([, v]) => v.kind !== "error")) {
      const { wb, pos } = withCell((l) => l.total.score, value);
      const f = one(run(wb), "MISSING_VALUE");
      expect(f.ref).toEqual(cellAt(pos));
      expect(f.message).toMatch(/^“总分”应填写数字/);
      expect(f.message).toMatch(text);
    }
  });

  test("numeric text is a number: “76”, “ 7.6 ”, “20分” are quiet", () => {
    const b = build((s) => {
      s.budget.rows[0].executed = "76";
      s.budget.rows[0].score = " 7.6 ";
      s.indicators[0].weight = "20分";
    });
    expect(run(b.wb).of("MISSING_VALUE")).toEqual([]);
  });
});

describe("a budget block without its 全年预算数 / 全年执行数 column or its 年度资金总额 row", () => {
  test.each([["全年预算数"], ["全年执行数"]])(
    "no %s column → MISSING_VALUE on the block title naming it",
    (col) => {
      const { wb, layout } = build(undefined, { labels: { [col]: "备注" } });
      const r = run(wb);
      const f = r.of("MISSING_VALUE").find((x) => x.message.includes(`找不到“${col}”栏`));
      expect(f).toBeDefined();
      expect(f!.ref).toEqual(cellAt(layout.budget.title));
      expect(f!.severity).toBe("error");
      expect(r.results[0].total.computed).toBeNull();
    },
  );

  test("no 年度资金总额 row → MISSING_VALUE on the block title", () => {
    const { wb, layout } = build((s) => (s.budget.rows[0].label = "资金"));
    const r = run(wb);
    const f = r.of("MISSING_VALUE").find((x) => /找不到“年度资金总额”行/.test(x.message));
    expect(f?.ref).toEqual(cellAt(layout.budget.title));
    expect(r.results[0].total.computed).toBeNull();
  });
});

describe("a located form whose total cannot be computed has an error finding", () => {
  // The cells the total depends on: the budget total's amounts, a qualitative row's typed points.
  const blocking = CELLS.filter(([c]) => ["全年预算数", "全年执行数", "qualitative 得分"].includes(c));
  const cases = blocking.flatMap(([cell, pos]) =>
    BAD.map(([what, value]) => [cell, what, pos, value] as const),
  );
  test.each(cases)("%s holding %s", (_cell, _what, pos, value) => {
    const { wb } = withCell(pos, value);
    const r = run(wb);
    expect(r.results).toHaveLength(1);
    expect(r.results[0].form).not.toBeNull();
    expect(r.results[0].total.computed).toBeNull();
    expect(r.findings.some((f) => f.severity === "error")).toBe(true);
  });

  test("the correct form is computable and has no error", () => {
    const r = run(build().wb);
    expect(r.results[0].total.computed).toBe(CORRECT.total);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("safety net: a zero budget everywhere (no other error) → MISSING_VALUE on 总分 saying why", () => {
    // 0 ÷ 0 has no 执行率, so no 执行率得分; the sub-rows add up (0 + 0 + 0 = 0), so nothing else fires.
    const { wb, layout } = build((s) => {
      for (const row of s.budget.rows) {
        row.initialBudget = 0;
        row.fullYearBudget = 0;
        row.executed = 0;
      }
      s.budget.rows[0].rate = null;
    });
    const r = run(wb);
    expect(r.results[0].total.computed).toBeNull();
    const errors = r.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe("MISSING_VALUE");
    expect(errors[0].ref).toEqual(cellAt(layout.total.score));
    expect(errors[0].message).toMatch(
      /^无法按规则计算总分：“年度资金总额”的全年预算数为 0，无法计算预算执行率/,
    );
  });
});

describe("budget sub-row amounts: blank or “/” is fine, anything else that is not a number is not", () => {
  test("a date in 上年结转资金's 全年执行数 and TRUE in 当年财政拨款's 年初预算数 → MISSING_VALUE each", () => {
    const b = build();
    const rows = b.layout.budget.rows;
    const cells = b.wb.sheets[0].cells;
    cells[rows[2].executed.row]![rows[2].executed.col] = { value: { kind: "date", serial: 45291.5 } };
    cells[rows[1].initialBudget.row]![rows[1].initialBudget.col] = {
      value: { kind: "boolean", value: true },
    };
    const found = run(b.wb).of("MISSING_VALUE");
    expect(found.map((f) => [f.ref, f.message])).toEqual([
      [
        cellAt(rows[1].initialBudget),
        "“其中：当年财政拨款”的年初预算数应填写数字，现在是逻辑值“TRUE”。请改为金额（万元）。",
      ],
      [
        cellAt(rows[2].executed),
        "“上年结转资金”的全年执行数应填写数字，现在是日期“2023-12-31 12:00”。请改为金额（万元）。",
      ],
    ]);
  });

  test("blank and “/” sub-row amounts stay quiet", () => {
    const b = build((s) => {
      s.budget.rows[1].initialBudget = null;
      s.budget.rows[2].initialBudget = "/";
    });
    expect(run(b.wb).of("MISSING_VALUE")).toEqual([]);
  });
});
