/**
 * Grades as people write them (domain.md §2.11): a typed grade is read for its band — 优秀 / 良好 / 合格 /
 * 不合格, annotated cells 优（90.5分）, 等级：优, "优 90.5" — and the same reading holds on every kind of form:
 * the band's own name with a note (优（90.5分）, 等级：优) is simply read; another name of the right band
 * (优秀) is a GRADE_NAME warning suggesting the standard name (never an error); a wrong band is a
 * GRADE_MISMATCH error whatever the spelling. Before: "优（90.5分）" was the error "不是规定的等级" while
 * "优秀" passed silently, and "评价等级 | 等级：优" was read as an empty grade.
 */
import { describe, expect, test } from "@jest/globals";
import { readGrade } from "../../src/core/grade";
import type { Workbook } from "../../src/core/grid";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { BuildOptions, FormSpec } from "../../src/core/template";
import { buildReportForm } from "../../src/core/kinds/report/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { PROJECT_OPTIONS, TIANJIN_OPTIONS, projectSpec, tianjinSpec } from "../kinds/fixtures";
import { correctSpec } from "./fixtures";
import { HUNAN, NATIONAL, cellAt, run } from "./helpers";

describe("readGrade: the band of a grade as written", () => {
  const hunan = HUNAN();
  const national = NATIONAL();
  test.each([
    // [typed, hunan label, standard name]
    ["优", "优", true],
    [" 优。", "优", true],
    ["中", "较差", true], // the national name, an alias under hunan
    ["优（90.5分）", "优", true], // the band's own name with a note
    ["优(90.5分)", "优", true],
    ["等级：优", "优", true],
    ["评价等次：良", "良", true],
    ["优 90.5", "优", true],
    ["90.5分，优", "优", true],
    ["优秀", "优", false], // another name of the band
    ["良好", "良", false],
    ["合格", "较差", false],
    ["不合格", "差", false],
    ["优秀（95.5分）", "优", false],
    ["良等", "良", false],
  ])("hunan: %p → %s (standard: %p)", (typed, label, standard) => {
    expect(readGrade(typed, hunan)).toEqual({ label, standard });
  });
  test("national: 合格 → 中, 较差 → 中 (its alias), 不合格 → 差", () => {
    expect(readGrade("合格", national)).toEqual({ label: "中", standard: false });
    expect(readGrade("较差", national)).toEqual({ label: "中", standard: true });
    expect(readGrade("不合格", national)).toEqual({ label: "差", standard: false });
  });
  test("no band: A, 甲, 90.5, empty", () => {
    for (const t of ["A", "甲", "90.5", "", "（90.5分）"]) expect(readGrade(t, hunan).label).toBeNull();
  });
});

/** A kind of form with its grade cell: the workbook for a typed grade, and the grade's cell. */
interface Kind {
  name: string;
  /** The right band of the form's total. */
  band: string;
  /** Another band (wrong for the total), written the long way. */
  wrong: string;
  wrongLabel: string;
  make: (grade: string) => { wb: Workbook; ref: { sheet: string; row: number; col: number } };
}

function standard(spec: FormSpec, options: BuildOptions, sheet: string): Kind["make"] {
  return (grade) => {
    const s = structuredClone(spec);
    s.grade = grade;
    return {
      wb: { sheets: [buildStandardForm(s, options)] },
      ref: cellAt(standardLayout(s, options).grade!.value, sheet),
    };
  };
}

const KINDS: Kind[] = [
  // 94.07 → 优 (test/checks/fixtures.ts); 良好 is 良.
  {
    name: "部门整体支出",
    band: "优",
    wrong: "良好",
    wrongLabel: "良",
    make: standard(correctSpec(), {}, "自评表"),
  },
  // 98.5 → 优 (test/kinds/fixtures.ts). The 2020 project template prints no grade; a form that adds one
  // (评价等级 under 总分) is read the same way.
  {
    name: "项目支出",
    band: "优",
    wrong: "良好",
    wrongLabel: "良",
    make: (grade) => {
      const sheet = buildStandardForm(projectSpec(), PROJECT_OPTIONS);
      const row = sheet.cells.length;
      const text = (value: string) => ({ value: { kind: "text" as const, value } });
      sheet.cells[row] = [text("评价等级"), text(grade)];
      return { wb: { sheets: [sheet] }, ref: { sheet: sheet.name, row, col: 1 } };
    },
  },
  // Tianjin-style columns, 98.92 → 优.
  {
    name: "天津格式",
    band: "优",
    wrong: "合格",
    wrongLabel: "较差",
    make: standard(tianjinSpec(), TIANJIN_OPTIONS, "天津"),
  },
  // 自评报告 (seed 004): 评分 96, recomputed 98 → 优 either way; the grade inside the combined cell.
  {
    name: "自评报告",
    band: "优",
    wrong: "良好",
    wrongLabel: "良",
    make: (grade) => {
      const spec = seed004ReportSpec();
      spec.combined = `评分：96   等级：${grade}`;
      const { sheet, layout } = buildReportForm(spec);
      return {
        wb: { sheets: [sheet] },
        ref: { sheet: sheet.name, row: layout.combined.row, col: layout.combined.col },
      };
    },
  },
];

describe.each(KINDS)("$name: one reading of the grade", (kind) => {
  test.each(["优秀", "优秀（95.5分）"])("%p → one GRADE_NAME warning suggesting 优, no error", (typed) => {
    const { wb, ref } = kind.make(typed);
    const r = run(wb);
    expect(r.of("GRADE_MISMATCH")).toEqual([]);
    const names = r.of("GRADE_NAME");
    expect(names).toHaveLength(1);
    expect(names[0].severity).toBe("warning");
    expect(names[0].ref).toEqual(ref);
    expect(names[0].expected).toBe(kind.band);
    expect(names[0].message).toContain(`建议改为“${kind.band}”`);
  });

  test.each(["优（90.5分）", "等级：优", "优 90.5"])(
    "%p → read as 优: no grade finding, no missing grade",
    (typed) => {
      if (kind.name === "自评报告" && typed === "等级：优") return; // the combined cell holds "等级：…" itself
      const r = run(kind.make(typed).wb);
      expect([...r.of("GRADE_MISMATCH"), ...r.of("GRADE_NAME")]).toEqual([]);
      expect(r.findings.filter((f) => f.rule === "MISSING_FIELD" && /评价等级/.test(f.message))).toEqual([]);
    },
  );

  test("the standard name: no grade finding", () => {
    const r = run(kind.make(kind.band).wb);
    expect([...r.of("GRADE_MISMATCH"), ...r.of("GRADE_NAME")]).toEqual([]);
  });

  test("the wrong band written the long way: one GRADE_MISMATCH error naming its band, no GRADE_NAME", () => {
    const r = run(kind.make(kind.wrong).wb);
    expect(r.of("GRADE_NAME")).toEqual([]);
    const [f, ...rest] = r.of("GRADE_MISMATCH");
    expect(rest).toEqual([]);
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(kind.band);
    expect(f.message).toContain(`即“${kind.wrongLabel}”`);
  });
});
