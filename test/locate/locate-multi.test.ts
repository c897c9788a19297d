/**
 * Two forms on one sheet (stacked, or side by side): each is located on its own band and checked on its
 * own. Before the fix only the first form of a sheet was found; the second was never checked.
 */
import { describe, expect, test } from "@jest/globals";
import type { CellRange, Sheet } from "../../src/core/grid";
import { locateForms, locateSheet, locateSheetForms } from "../../src/core/locate";
import type { SelfEvalForm } from "../../src/core/model";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { BuildOptions, FormSpec } from "../../src/core/template";
import { correctSpec, CORRECT } from "../checks/fixtures";
import { cellAt, run } from "../checks/helpers";
import { expectMatchesLayout, sampleSpec } from "./fixtures";

/** Several built forms laid onto one sheet (later cells win; the layouts must not overlap). */
function oneSheet(parts: { spec: FormSpec; options: BuildOptions }[], name = "自评表"): Sheet {
  const cells: Sheet["cells"] = [];
  const merges: CellRange[] = [];
  for (const { spec, options } of parts) {
    const s = buildStandardForm(spec, { ...options, sheetName: name });
    s.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        (cells[r] ??= [])[c] = cell;
      }),
    );
    merges.push(...s.merges);
  }
  return { name, cells, merges };
}

const inside = (f: SelfEvalForm, band: CellRange): boolean =>
  f.bounds.top >= band.top &&
  f.bounds.bottom <= band.bottom &&
  f.bounds.left >= band.left &&
  f.bounds.right <= band.right;

const overlap = (a: CellRange, b: CellRange): boolean =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** The second form's faults: 总分 typed 90 (parts give 94.07) and a blank 联系人. */
function faultySpec(): FormSpec {
  const s = correctSpec();
  s.department = "第二个单位";
  s.total.score = 90;
  s.contact = null;
  return s;
}

describe("two standard forms stacked on one sheet (origin rows 0 and 60)", () => {
  const first = { spec: correctSpec(), options: { origin: { row: 0, col: 0 } } };
  const second = { spec: faultySpec(), options: { origin: { row: 60, col: 0 } } };
  const sheet = (): Sheet => oneSheet([first, second]);

  test("two forms, each matching its own layout, bounds inside their own rows and not overlapping", () => {
    const forms = locateForms({ sheets: [sheet()] });
    expect(forms).toHaveLength(2);
    const l1 = standardLayout(first.spec, first.options);
    const l2 = standardLayout(second.spec, second.options);
    expectMatchesLayout(forms[0], l1, first.spec);
    expectMatchesLayout(forms[1], l2, second.spec);
    expect(forms[0].bounds).toEqual(l1.bounds);
    expect(forms[1].bounds).toEqual(l2.bounds);
    expect(overlap(forms[0].bounds, forms[1].bounds)).toBe(false);
    expect(locateSheetForms(sheet())).toEqual(forms);
    expect(locateSheet(sheet())).toEqual(forms[0]);
  });

  test("each form is checked on its own: the first is clean, the second's findings are in its band", () => {
    const r = run({ sheets: [sheet()] });
    expect(r.results).toHaveLength(2);
    const [a, b] = r.results;
    expect(a.department).toBe("某市科技和工业信息化局");
    expect(a.total).toEqual({ typed: CORRECT.total, computed: CORRECT.total });
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);

    expect(b.department).toBe("第二个单位");
    const l2 = standardLayout(second.spec, second.options);
    const rules = b.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.ref]);
    expect(rules).toEqual([
      ["MISSING_FIELD", cellAt(l2.header.contact.value)],
      ["SUM_MISMATCH", cellAt(l2.total.score)],
    ]);
    // 7.6 + 20 + 10 + 9.47 + 10 + 10 + 7 + 5 + 5 + 10 = 94.07, typed 90.
    expect(b.findings.find((f) => f.rule === "SUM_MISMATCH")?.expected).toBe(94.07);
    const band2 = { top: 60, left: 0, bottom: Number.MAX_SAFE_INTEGER, right: Number.MAX_SAFE_INTEGER };
    for (const f of b.findings) expect(f.ref!.row).toBeGreaterThanOrEqual(60);
    expect(inside(b.form!, band2)).toBe(true);
    for (const f of a.findings) expect(f.ref!.row).toBeLessThan(60);
  });

  test("directly adjacent (the second form starts on the row after the first's 评价等级)", () => {
    const l1 = standardLayout(first.spec, first.options);
    const next = { spec: faultySpec(), options: { origin: { row: l1.bounds.bottom + 1, col: 0 } } };
    const forms = locateForms({ sheets: [oneSheet([first, next])] });
    expect(forms).toHaveLength(2);
    expectMatchesLayout(forms[0], l1, first.spec);
    expectMatchesLayout(forms[1], standardLayout(next.spec, next.options), next.spec);
  });

  test("three stacked forms → three forms in order", () => {
    const third = { spec: sampleSpec(), options: { origin: { row: 120, col: 2 } } };
    const forms = locateForms({ sheets: [oneSheet([first, second, third])] });
    expect(forms.map((f) => f.bounds.top)).toEqual([0, 60, 120]);
    expectMatchesLayout(forms[2], standardLayout(third.spec, third.options), third.spec);
  });
});

describe("two standard forms side by side (origin cols 0 and 12)", () => {
  const left = { spec: correctSpec(), options: { origin: { row: 0, col: 0 } } };
  const right = { spec: faultySpec(), options: { origin: { row: 0, col: 12 } } };

  test("two forms, each with its own cells; findings of the right one are in its columns", () => {
    const sheet = oneSheet([left, right]);
    const forms = locateForms({ sheets: [sheet] });
    expect(forms).toHaveLength(2);
    const lr = standardLayout(right.spec, right.options);
    expectMatchesLayout(forms[0], standardLayout(left.spec, left.options), left.spec);
    expectMatchesLayout(forms[1], lr, right.spec);
    expect(overlap(forms[0].bounds, forms[1].bounds)).toBe(false);

    const r = run({ sheets: [sheet] });
    expect(r.results.map((x) => x.department)).toEqual(["某市科技和工业信息化局", "第二个单位"]);
    expect(r.results[0].findings.filter((f) => f.severity !== "info")).toEqual([]);
    const errs = r.results[1].findings.filter((f) => f.severity === "error");
    expect(errs.map((f) => f.ref)).toEqual([cellAt(lr.header.contact.value), cellAt(lr.total.score)]);
    for (const f of r.results[1].findings) expect(f.ref!.col).toBeGreaterThanOrEqual(12);
  });

  test("side by side at different heights (the right form starts 3 rows lower)", () => {
    const lower = { spec: faultySpec(), options: { origin: { row: 3, col: 12 } } };
    const forms = locateForms({ sheets: [oneSheet([left, lower])] });
    expect(forms).toHaveLength(2);
    expectMatchesLayout(forms[1], standardLayout(lower.spec, lower.options), lower.spec);
  });
});

describe("one form is never cut in two", () => {
  test("a single form with a second indicator header row below it stays one form", () => {
    // One title, one 单位名称, one 总分: a repeated table header is not a second form.
    const spec = correctSpec();
    const l = standardLayout(spec);
    const s = buildStandardForm(spec);
    const header = s.cells[l.indicators.headerRow]!;
    s.cells[l.bounds.bottom + 3] = header.slice();
    const forms = locateForms({ sheets: [s] });
    expect(forms).toHaveLength(1);
    expect(forms[0].titleRef).toEqual(cellAt(l.title));
  });

  test("the title text repeated in a note at the bottom: still one form", () => {
    const spec = correctSpec();
    const l = standardLayout(spec);
    const s = buildStandardForm(spec);
    s.cells[l.bounds.bottom + 2] = [{ value: { kind: "text", value: "部门整体支出绩效自评表" } }];
    expect(locateForms({ sheets: [s] })).toHaveLength(1);
  });
});
