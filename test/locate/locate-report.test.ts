/** The 自评报告 layout (kind `report`, domain.md §2.7) as seed 004 prints it: blocks found by their labels. */
import { describe, expect, test } from "@jest/globals";
import type { Sheet } from "../../src/core/grid";
import { locateForms, locateSheetForms } from "../../src/core/locate";
import type { FormField, SelfEvalForm } from "../../src/core/model";
import { buildReportForm, type ReportSpec } from "../../src/core/kinds/report/template";
import { buildStandardForm } from "../../src/core/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { correctSpec } from "../checks/fixtures";

const SHEET = "自评报告";
const R = (row: number, col: number) => ({ sheet: SHEET, row, col });
const at = (f: FormField | null | undefined) => f?.ref ?? null;

function built(edit?: (s: ReportSpec) => void) {
  const spec = seed004ReportSpec();
  edit?.(spec);
  return buildReportForm(spec);
}

function only(sheet: Sheet): SelfEvalForm {
  const forms = locateForms({ sheets: [sheet] });
  expect(forms).toHaveLength(1);
  return forms[0];
}

describe("自评报告 (seed 004 layout)", () => {
  test("kind report: header, staff, money tables, 定量目标 rows, summary, combined cell, 备注 bands", () => {
    const { sheet, layout } = built();
    const f = only(sheet);
    expect(f.kind).toBe("report");
    expect(f.budget).toBeNull();
    expect(f.year).toBe(2023);
    expect(f.header.department!.cell.value).toEqual({ kind: "text", value: "吉首市科工信局" });
    expect(f.header.budgetCode!.cell.value).toEqual({ kind: "text", value: "004001" });
    expect(at(f.header.contact)).toEqual(R(layout.contact.row, layout.contact.col));
    expect(at(f.header.phone)).toEqual(R(layout.phone.row, layout.phone.col));
    expect(at(f.report!.staff.authorised)).toEqual(R(layout.staffAuthorised.row, layout.staffAuthorised.col));
    expect(f.report!.staff.actual!.cell.value).toEqual({ kind: "number", value: 22 });

    const tables = f.report!.tables;
    expect(tables.map((t) => t.kind)).toEqual(["income", "spending", "threePublic", "assets"]);
    const income = tables[0];
    expect(income.columns.map((c) => c.key)).toEqual([
      "total",
      "carryover",
      "general",
      "fund",
      "nonTax",
      "other",
    ]);
    expect(income.columns.map((c) => c.col)).toEqual(layout.tables.income!.cols);
    expect(income.rows.map((r) => [r.label, r.summary])).toEqual([
      ["局机关及二级机构汇总", true],
      ["1、局机关", false],
      ["2、二级机构1", false],
      ["3、二级机构2", false],
    ]);
    expect(income.rows[0].cells.total!.cell.value).toEqual({ kind: "number", value: 5374.34 });
    expect(at(income.rows[0].cells.general)).toEqual(R(layout.tables.income!.firstRow, 3));
    const spending = tables[1];
    // 支出合计 | 基本支出 | 人员支出 | 公用支出 | 项目支出 | 当年结余 | 累计结余 under a three-row header.
    expect(spending.columns.map((c) => `${c.key}@${c.col}`)).toEqual([
      "total@1",
      "basic@2",
      "personnel@3",
      "public@4",
      "project@5",
      "balance@6",
      "accumulated@7",
    ]);
    expect(spending.rows[0].cells.project!.cell.value).toEqual({ kind: "number", value: 4991.63 });
    expect(tables[2].rows[1].cells.reception!.cell.value).toEqual({ kind: "number", value: 0.4 });
    expect(tables[3].rows[0].cells.inUse!.cell.value).toEqual({ kind: "number", value: 73.22 });

    // 定量目标: 13 rows, no points per row.
    const rows = f.indicators!.rows;
    expect(rows).toHaveLength(13);
    expect(rows.map((r) => r.name.trim())[0]).toBe("公用经费控制率");
    rows.forEach((r, i) => {
      expect(r.target.ref).toEqual(R(layout.quantitative[i].target.row, layout.quantitative[i].target.col));
      expect(r.actual.ref).toEqual(R(layout.quantitative[i].actual.row, layout.quantitative[i].actual.col));
      expect(r.weight.ref).toBeNull();
      expect(r.score.ref).toBeNull();
    });
    // 一级 groups without their printed explanation; 满意度 from its 二级 cell.
    expect([...new Set(rows.map((r) => r.level1))]).toEqual(["产出目标", "效益目标", "满意度"]);
    expect(rows[12].level1Ref).toEqual(R(layout.quantitative[12].name.row, 2));

    expect(at(f.goals.expected)).toEqual(R(layout.goalsExpected.row, layout.goalsExpected.col));
    expect(at(f.goals.actual)).toEqual(R(layout.goalsActual.row, layout.goalsActual.col));
    expect(at(f.combinedScoreGrade)).toEqual(R(layout.combined.row, layout.combined.col));
    expect(f.level1Summary.map((s) => s.name)).toEqual(["投入", "产出", "效益", "满意度", "合计"]);
    expect(f.report!.gradeNote!.bands).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "较差", min: 60 },
      { label: "差", min: 0 },
    ]);
    expect(f.report!.gradeNote!.field.ref).toEqual(R(layout.combined.row, layout.combined.col));
    const last = layout.summary[layout.summary.length - 1].rate;
    expect(f.bounds).toEqual({ top: 0, left: 0, bottom: last.row, right: 7 });
  });

  test("without the 一级指标 summary table the sheet is still a report form (not TEMPLATE_NOT_FOUND)", () => {
    const f = only(built((s) => (s.summary = null)).sheet);
    expect(f.kind).toBe("report");
    expect(f.level1Summary).toEqual([]);
    expect(f.report!.tables).toHaveLength(4);
    expect(f.indicators!.rows).toHaveLength(13);
  });

  test("the money tables alone, or the 定量目标 table alone, identify the report form", () => {
    const tablesOnly = built((s) => {
      s.summary = null;
      s.quantitative = [];
    });
    const a = only(tablesOnly.sheet);
    expect(a.kind).toBe("report");
    expect(a.indicators).toBeNull();
    const quantOnly = built((s) => {
      s.summary = null;
      s.income = s.spending = s.threePublic = s.assets = null;
    });
    const b = only(quantOnly.sheet);
    expect(b.kind).toBe("report");
    expect(b.report!.tables).toEqual([]);
    expect(b.indicators!.rows).toHaveLength(13);
  });

  test("a 收入合计 label without its part columns is not a table; a sheet of prose is no form", () => {
    const sheet: Sheet = {
      name: "说明",
      merges: [],
      cells: [
        [{ value: { kind: "text", value: "收入合计" } }, { value: { kind: "number", value: 5 } }],
        [{ value: { kind: "text", value: "局机关" } }, { value: { kind: "number", value: 5 } }],
      ],
    };
    expect(locateForms({ sheets: [sheet] })).toEqual([]);
  });

  test("half department form, half report: read as the department form, no report block attached", () => {
    const dept = buildStandardForm(correctSpec());
    const report = built((s) => (s.summary = null)).sheet;
    // The report's rows below the department form on one sheet.
    const offset = dept.cells.length + 2;
    const cells = [...dept.cells, [], [], ...report.cells];
    const merges = [
      ...dept.merges,
      ...report.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
    ];
    const forms = locateSheetForms({ name: "混合", cells, merges });
    expect(forms).toHaveLength(1);
    expect(forms[0].kind).toBe("department");
    expect(forms[0].report).toBeNull();
    expect(forms[0].indicators!.rows.every((r) => r.score.ref !== null)).toBe(true);
  });

  test("a 预算资金 block next to the report's blocks: one kind, never a mix of both kinds' blocks", () => {
    const dept = buildStandardForm(correctSpec());
    const textAt = (t: string) =>
      dept.cells.findIndex((r) => (r ?? []).some((c) => c?.value.kind === "text" && c.value.value === t));
    const budgetStart = textAt("预算资金（万元）");
    const budgetEnd = textAt("年度总体目标");
    const report = built().sheet;
    const stack = (from: number) => {
      const offset = budgetEnd - from + 1;
      return {
        name: "混合",
        cells: [...dept.cells.slice(from, budgetEnd), [], ...report.cells],
        merges: [
          ...dept.merges
            .filter((m) => m.top >= from && m.bottom < budgetEnd)
            .map((m) => ({ ...m, top: m.top - from, bottom: m.bottom - from })),
          ...report.merges.map((m) => ({ ...m, top: m.top + offset, bottom: m.bottom + offset })),
        ],
      };
    };
    // The budget block alone above the report (its title 自评报告 is the sheet's title): a report form, and
    // the stray 预算资金 block is not read into it.
    const [a] = locateSheetForms(stack(budgetStart));
    expect(a.kind).toBe("report");
    expect(a.budget).toBeNull();
    expect(a.report!.tables).toHaveLength(4);
    // Under the department form's own title and header: the department form, without the report's blocks.
    const [b] = locateSheetForms(stack(0));
    expect(b.kind).toBe("department");
    expect(b.report).toBeNull();
    expect(b.budget!.total).not.toBeNull();
    expect(b.indicators).toBeNull();
  });
});
