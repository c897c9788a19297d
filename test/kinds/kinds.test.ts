/**
 * Form kinds (src/core/kinds): the locator tells 部门整体 / 项目 forms apart, each kind's required fields
 * apply, a sheet with the signs of two kinds in equal number gets one clear TEMPLATE_NOT_FOUND.
 * Figures hand-checked in test/kinds/fixtures.ts.
 */
import { describe, expect, it } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import type { CellRef, Sheet } from "../../src/core/grid";
import { FORM_KINDS, chooseKind, kindName, kindSpec } from "../../src/core/kinds";
import { locateForms } from "../../src/core/locate";
import type { FormResult } from "../../src/core/model";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import type { BuildOptions, FormSpec, Pos } from "../../src/core/template";
import { correctSpec } from "../checks/fixtures";
import { PROJECT_OPTIONS, projectSpec } from "./fixtures";

function run(...sheets: Sheet[]): FormResult[] {
  const internalErrors: InternalError[] = [];
  const r = checkWorkbook({ sheets }, { internalErrors });
  expect(internalErrors).toEqual([]);
  return r;
}

const at = (sheet: string, p: Pos): CellRef => ({ sheet, row: p.row, col: p.col });

function project(edit?: (s: FormSpec) => void, options: BuildOptions = PROJECT_OPTIONS) {
  const spec = projectSpec();
  edit?.(spec);
  return { sheet: buildStandardForm(spec, options), layout: standardLayout(spec, options), spec };
}

describe("kind registry", () => {
  it("has one spec per FormKind with distinct names", () => {
    expect(FORM_KINDS.map((k) => k.kind)).toEqual(["department", "project", "report"]);
    expect(new Set(FORM_KINDS.map((k) => k.name)).size).toBe(3);
    expect(kindName("project")).toBe("项目支出绩效自评表");
    expect(kindSpec("no-such-kind").kind).toBe("department");
  });

  it("prints the weights of the built-in default profile (10 + 50 + 30 + 10 = 100)", () => {
    for (const k of FORM_KINDS) {
      const w = k.weights;
      expect(w.execution + w.output + w.effect + w.satisfaction).toBe(100);
    }
  });

  it("chooses by title (2 votes) and marker labels (1 each); a tie of two signed kinds is a conflict", () => {
    const base = { hasIndicators: true, hasBudget: true, hasSummary: false, hasCombined: false };
    const none = new Set<never>();
    expect(chooseKind({ ...base, title: "", roles: none })).toEqual({ kind: "department" });
    expect(chooseKind({ ...base, title: "项目支出绩效自评表", roles: none })).toEqual({ kind: "project" });
    // Project title (2) against 预算编码 (1): project.
    const code = new Set(["header.budgetCode"] as const);
    expect(chooseKind({ ...base, title: "项目支出绩效自评表", roles: code })).toEqual({ kind: "project" });
    // 部门整体 title (2) against 项目名称 + 实施单位 (2): conflict.
    const proj = new Set(["header.projectName", "header.implementer"] as const);
    const c = chooseKind({ ...base, title: "部门整体支出绩效自评表", roles: proj });
    expect(c.kind).toBeNull();
    expect("conflict" in c && c.conflict?.map((k) => k.kind)).toEqual(["department", "project"]);
    // A department title that mentions 项目支出 too is the department's alone.
    expect(chooseKind({ ...base, title: "部门整体支出绩效自评表(含项目支出)", roles: none })).toEqual({
      kind: "department",
    });
    // A report title is not a department title.
    expect(
      chooseKind({
        ...base,
        hasIndicators: false,
        hasSummary: true,
        title: "部门整体支出绩效自评报告",
        roles: none,
      }),
    ).toEqual({ kind: "report" });
    // The report needs its summary or combined cell and no 三级 table.
    expect(
      chooseKind({
        ...base,
        hasIndicators: false,
        hasBudget: false,
        hasSummary: true,
        title: "",
        roles: none,
      }),
    ).toEqual({
      kind: "report",
    });
  });
});

describe("项目支出绩效自评表 (kind project)", () => {
  it("is located as a project form with its own header fields", () => {
    const { sheet, layout } = project();
    const [form] = locateForms({ sheets: [sheet] });
    expect(form.kind).toBe("project");
    expect(form.header.projectName?.ref).toEqual(at("项目自评表", layout.header.projectName!.value));
    expect(form.header.implementer?.ref).toEqual(at("项目自评表", layout.header.implementer!.value));
    expect(form.header.department?.ref).toEqual(at("项目自评表", layout.header.department.value));
    expect(form.header.budgetCode).toBeNull();
    expect(form.header.contact).toBeNull();
    // 全年预算数（A） / 全年执行数（B） / 执行率（B/A） are read as the budget columns.
    const total = form.budget!.total!;
    expect(total.fullYearBudget?.ref).toEqual(at("项目自评表", layout.budget.rows[0].fullYearBudget));
    expect(total.executed?.ref).toEqual(at("项目自评表", layout.budget.rows[0].executed));
    expect(total.rate?.ref).toEqual(at("项目自评表", layout.budget.rows[0].rate));
    // 一级 weights from 产出指标（50分）/ 效益指标（30分）/ 满意度指标（10分）.
    expect(form.indicators!.level1.map((s) => s.weight?.cell.value)).toEqual([
      { kind: "number", value: 50 },
      { kind: "number", value: 30 },
      { kind: "number", value: 10 },
    ]);
  });

  it("quiet: a correct project form has no finding and its total is computed (98.5 → 优)", () => {
    const [r] = run(project().sheet);
    expect(r.form?.kind).toBe("project");
    expect(r.findings).toEqual([]);
    // 10 + 20 + 15 + 13.5 + 30 + 10 = 98.5
    expect(r.total).toEqual({ typed: 98.5, computed: 98.5 });
    // No 等级 row on the national project template: nothing typed, none required, the band still computed.
    expect(r.grade).toEqual({ typed: null, computed: "优" });
    expect(r.department).toBe("吉首市科工信局");
  });

  it("reads the template's other spellings: 年度总体目标（完成情况）, 年度绩效指标完成情况, 其中：本年财政拨款", () => {
    const options = {
      ...PROJECT_OPTIONS,
      labels: { 年度总体目标: "年度总体目标（完成情况）", 绩效指标: "年度绩效指标完成情况" },
    };
    const { sheet, layout } = project(undefined, options);
    const [r] = run(sheet);
    expect(r.form?.kind).toBe("project");
    expect(r.form?.goals.expected?.ref).toEqual(at("项目自评表", layout.goals.expected));
    expect(r.form?.budget?.rows.map((x) => x.kind)).toEqual(["total", "current", "carryover", "other"]);
    expect(r.findings).toEqual([]);
    expect(r.total.computed).toBe(98.5);
  });

  it("fires: 产出指标（60分） over 三级 weights 20 + 15 + 15 = 50 is WEIGHT_TOTAL at the 一级 cell", () => {
    const { sheet, layout } = project((s) => {
      for (const i of s.indicators.slice(0, 3)) i.level1 = "产出指标（60分）";
    });
    const [r] = run(sheet);
    const cell = at("项目自评表", layout.indicators.rows[0].level1);
    const w = r.findings.filter(
      (f) => f.rule === "WEIGHT_TOTAL" && f.ref?.row === cell.row && f.ref?.col === cell.col,
    );
    expect(w.map((f) => f.expected)).toContain(50);
  });

  it("no false MISSING_FIELD for 预算编码 / 联系人 / 联系电话 / 评价等级, which the template does not print", () => {
    const [r] = run(project().sheet);
    expect(r.findings.filter((f) => f.rule === "MISSING_FIELD")).toEqual([]);
  });

  it.each([
    ["projectName", "项目名称"],
    ["implementer", "实施单位"],
    ["department", "主管部门"],
  ] as const)("fires: a blank %s is MISSING_FIELD at its value cell", (key, name) => {
    const { sheet, layout } = project((s) => {
      s[key] = null;
    });
    const [r] = run(sheet);
    const missing = r.findings.filter((f) => f.rule === "MISSING_FIELD");
    expect(missing.map((f) => f.ref)).toEqual([at("项目自评表", layout.header[key]!.value)]);
    expect(missing[0].message).toContain(name);
    expect(missing[0].severity).toBe("error");
  });

  it("a variant printing 联系人 / 联系电话 requires them (if-printed)", () => {
    const opts = { ...PROJECT_OPTIONS, printContact: true };
    const quiet = project((s) => {
      s.contact = "张三";
      s.phone = "0743-8222222";
    }, opts);
    expect(run(quiet.sheet)[0].findings).toEqual([]);
    const firing = project((s) => {
      s.contact = null;
      s.phone = "0743-8222222";
    }, opts);
    const [r] = run(firing.sheet);
    expect(r.findings.filter((f) => f.rule === "MISSING_FIELD").map((f) => f.ref)).toEqual([
      at("项目自评表", firing.layout.header.contact.value),
    ]);
  });

  it("a variant printing 评价等级 requires it and checks it", () => {
    const opts = { ...PROJECT_OPTIONS, printGrade: true };
    const blank = project(undefined, opts);
    const [r1] = run(blank.sheet);
    expect(r1.findings.map((f) => [f.rule, f.ref])).toEqual([
      ["MISSING_FIELD", at("项目自评表", blank.layout.grade.value)],
    ]);
    const wrong = project((s) => (s.grade = "良"), opts);
    const [r2] = run(wrong.sheet);
    // 98.5 ≥ 90 → 优, typed 良.
    expect(r2.findings.map((f) => [f.rule, f.expected])).toEqual([["GRADE_MISMATCH", "优"]]);
  });

  it("fires: 年度资金总额 typed 0 over 本年财政拨款 90 / 89.974 / 89.974 (domain.md §2.8) is SUM_MISMATCH per column", () => {
    const { sheet, layout } = project((s) => {
      s.budget.rows[0] = { ...s.budget.rows[0], initialBudget: 0, fullYearBudget: 0, executed: 0 };
    });
    const [r] = run(sheet);
    const sums = r.findings.filter((f) => f.rule === "SUM_MISMATCH");
    const row = layout.budget.rows[0];
    // 90 + 0 + 0 = 90; 89.974 + 0 + 0 = 89.974 (twice)
    expect(sums.map((f) => [f.ref, f.typed, f.expected])).toEqual([
      [at("项目自评表", row.initialBudget), 0, 90],
      [at("项目自评表", row.fullYearBudget), 0, 89.974],
      [at("项目自评表", row.executed), 0, 89.974],
    ]);
    expect(sums.every((f) => f.severity === "error")).toBe(true);
  });

  it("fires: a wrong project score is SCORE_MISMATCH with the rule's points (15 × 90% / 100% = 13.5)", () => {
    const { sheet, layout } = project((s) => {
      s.indicators[2].score = 15;
      s.total.score = 100;
    });
    const [r] = run(sheet);
    const sm = r.findings.find((f) => f.rule === "SCORE_MISMATCH");
    expect(sm?.ref).toEqual(at("项目自评表", layout.indicators.rows[2].score));
    expect(sm?.expected).toBe(13.5);
    expect(r.total.computed).toBe(98.5);
  });

  it("one department form and two project forms in one workbook: three results, each its own kind", () => {
    const dept = buildStandardForm(correctSpec(), { sheetName: "部门整体" });
    const p1 = project(undefined, { ...PROJECT_OPTIONS, sheetName: "项目1" }).sheet;
    const p2 = project((s) => (s.projectName = "技改补助"), { ...PROJECT_OPTIONS, sheetName: "项目2" }).sheet;
    const rs = run(dept, p1, p2);
    expect(rs.map((r) => [r.sheet, r.form?.kind])).toEqual([
      ["部门整体", "department"],
      ["项目1", "project"],
      ["项目2", "project"],
    ]);
    expect(rs.map((r) => r.findings.length)).toEqual([0, 0, 0]);
  });

  it("two project forms stacked on one sheet: two results, no finding reaches across", () => {
    const a = projectSpec();
    const b = projectSpec();
    b.projectName = "技改补助";
    b.implementer = null;
    const la = standardLayout(a, PROJECT_OPTIONS);
    const originB = { row: la.bounds.bottom + 3, col: 0 };
    const sa = buildStandardForm(a, PROJECT_OPTIONS);
    const sb = buildStandardForm(b, { ...PROJECT_OPTIONS, origin: originB });
    const lb = standardLayout(b, { ...PROJECT_OPTIONS, origin: originB });
    const cells = [...sa.cells];
    sb.cells.forEach((row, i) => {
      if (row) cells[i] = row;
    });
    const sheet: Sheet = { name: "项目自评表", cells, merges: [...sa.merges, ...sb.merges] };
    const rs = run(sheet);
    expect(rs.map((r) => r.form?.kind)).toEqual(["project", "project"]);
    expect(rs[0].findings).toEqual([]);
    expect(rs[1].findings.map((f) => [f.rule, f.ref])).toEqual([
      ["MISSING_FIELD", at("项目自评表", lb.header.implementer!.value)],
    ]);
  });
});

describe("a department and a project form side by side on one sheet", () => {
  it("two results, each its own kind and its own required fields", () => {
    const dept = buildStandardForm(correctSpec(), { sheetName: "汇总" });
    const deptLayout = standardLayout(correctSpec(), { sheetName: "汇总" });
    // One empty column between the forms.
    const origin = { row: 0, col: deptLayout.bounds.right + 2 };
    const p = project((s) => (s.implementer = null), { ...PROJECT_OPTIONS, sheetName: "汇总", origin });
    const cells = dept.cells.map((row, i) => {
      const right = p.sheet.cells[i] ?? [];
      const out = [...(row ?? [])];
      right.forEach((c, j) => {
        if (c) out[j] = c;
      });
      return out;
    });
    for (let i = dept.cells.length; i < p.sheet.cells.length; i++) cells[i] = p.sheet.cells[i];
    const rs = run({ name: "汇总", cells, merges: [...dept.merges, ...p.sheet.merges] });
    expect(rs.map((r) => r.form?.kind)).toEqual(["department", "project"]);
    expect(rs[0].findings).toEqual([]);
    expect(rs[1].findings.map((f) => [f.rule, f.ref])).toEqual([
      ["MISSING_FIELD", at("汇总", p.layout.header.implementer!.value)],
    ]);
  });
});

describe("a sheet that looks half like one kind and half like another", () => {
  it("部门整体 title over a 项目名称 / 实施单位 header: one TEMPLATE_NOT_FOUND naming both kinds, nothing else", () => {
    const { sheet } = project((s) => (s.title = "部门整体支出绩效自评表"));
    const rs = run(sheet);
    expect(rs).toHaveLength(1);
    expect(rs[0].form).toBeNull();
    expect(rs[0].sheet).toBe("项目自评表");
    expect(rs[0].findings.map((f) => f.rule)).toEqual(["TEMPLATE_NOT_FOUND"]);
    expect(rs[0].findings[0].message).toContain("部门整体支出绩效自评表");
    expect(rs[0].findings[0].message).toContain("项目支出绩效自评表");
  });

  it("项目 title over a department header with 预算编码: the project kind (title 2 > 预算编码 1), its own rules only", () => {
    const sheet = buildStandardForm({ ...correctSpec(), title: "项目支出绩效自评表" });
    const [r] = run(sheet);
    expect(r.form?.kind).toBe("project");
    // The project's required 项目名称 / 实施单位 are not printed: reported once each, at the form's title.
    const missing = r.findings.filter((f) => f.rule === "MISSING_FIELD").map((f) => f.message);
    expect(missing).toHaveLength(2);
    expect(missing[0]).toContain("项目名称");
    expect(missing[1]).toContain("实施单位");
  });

  it("a department sheet (no title) beside a project sheet keeps each kind", () => {
    const dept = buildStandardForm({ ...correctSpec(), title: "" }, { sheetName: "部门" });
    const rs = run(dept, project().sheet);
    expect(rs.map((r) => r.form?.kind)).toEqual(["department", "project"]);
  });
});
