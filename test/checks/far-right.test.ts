/** A value further right of its label on an unmerged row (label A20, grade G20) is found (locate/scan.ts). */
import { describe, expect, test } from "@jest/globals";
import type { Sheet } from "../../src/core/grid";
import { build } from "./fixtures";
import { run } from "./helpers";

/** The correct form with the 评价等级 row unmerged: label in column A, `value` in column `col`. */
function gradeAt(col: number, value: string, between?: string): { wb: { sheets: Sheet[] }; row: number } {
  const { wb, layout } = build();
  const sheet = wb.sheets[0];
  const row = layout.grade.label.row;
  sheet.merges = sheet.merges.filter((m) => !(m.top <= row && m.bottom >= row));
  sheet.cells[row] = [];
  sheet.cells[row][0] = { value: { kind: "text", value: "评价等级" } };
  sheet.cells[row][col] = { value: { kind: "text", value } };
  if (between !== undefined) sheet.cells[row][2] = { value: { kind: "text", value: between } };
  return { wb, row };
}

describe("values to the right of their label on an unmerged row", () => {
  test("grade in G with its label in A → read, and the form is correct (94.07 → 优)", () => {
    const { wb, row } = gradeAt(6, "优");
    const r = run(wb);
    expect(r.results[0].form!.grade!.ref).toEqual({ sheet: "自评表", row, col: 6 });
    expect(r.results[0].grade.typed).toBe("优");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a wrong grade there is checked: 良 in G → GRADE_MISMATCH at G", () => {
    const { wb, row } = gradeAt(6, "良");
    const f = run(wb).of("GRADE_MISMATCH");
    expect(f.map((x) => x.ref)).toEqual([{ sheet: "自评表", row, col: 6 }]);
  });

  test("a label between stops the search: 优 after “联系电话” is not the grade (MISSING_FIELD instead)", () => {
    const { wb, row } = gradeAt(6, "优", "联系电话");
    const r = run(wb);
    expect(r.results[0].grade.typed).toBeNull();
    expect(r.of("MISSING_FIELD").map((f) => f.ref)).toContainEqual({ sheet: "自评表", row, col: 1 });
  });
});
