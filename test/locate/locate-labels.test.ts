import { describe, expect, test } from "@jest/globals";
import type { Cell } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import type { BuildOptions } from "../../src/core/template";
import { buildStandardForm, standardLayout } from "../../src/core/template";
import { at, expectMatchesLayout, ref, sampleSpec } from "./fixtures";

/** Label spellings of domain.md §2; every synonym appears in at least one set. */
const VARIANTS: Record<string, Partial<Record<string, string>>> = {
  "full-width parentheses and trailing full-width colons": {
    "预算部门、单位名称": "部门（单位）名称：",
    预算编码: "部门预算编码：",
    联系人: "部门联系人：",
    联系电话: "联络电话：",
    填报日期: "报告时间：",
    "预算资金（万元）": "项目资金（万元）",
    全年预算数: "全年（调整）预算数",
    全年执行数: "预算执行数",
    "budget:得分": "自评得分",
    年度指标值: "指标值",
    实际完成值: "完成值",
    分值: "权重",
    得分: "指标得分",
    偏差原因分析及改进措施: "未完成原因分析",
    评价等级: "自评等级：",
  },
  "half-width parentheses, half-width colons, year line without parentheses": {
    "预算部门、单位名称": "省级预算部门名称:",
    "（2023年度）": "2023年度",
    "预算资金（万元）": "预算资金(万元)",
    全年预算数: "调整后预算数",
    年度指标值: "年初指标值",
    实际完成值: "全年完成值",
    分值: "指标权重",
    "budget:分值": "分值",
    偏差原因分析及改进措施: "偏差原因",
    评价等级: "等级:",
    填报日期: "报告日期",
  },
  "spaces inside labels (ASCII and full-width) and line breaks": {
    "预算部门、单位名称": "单 位 名 称",
    预算编码: "预 算 编 码",
    联系人: "联　系　人",
    联系电话: "联系\n电话",
    "（2023年度）": "(2023年度)",
    "预算资金（万元）": "年度预算\n申请",
    年初预算数: "年初\n预算数",
    执行率: "执 行 率",
    年度总体目标: "年度总体\n目标",
    预期目标: "预期\n目标",
    实际完成情况: "实际完成\r\n情况",
    一级指标: "一级\n指标",
    三级指标: "三 级 指 标",
    偏差原因分析及改进措施: "偏差原因分析\n及改进措施",
    总分: "总　分",
    评价等级: "评价等次",
  },
  主管部门: {
    "预算部门、单位名称": "主管部门",
  },
};

describe("label variants", () => {
  for (const [name, labels] of Object.entries(VARIANTS)) {
    test(name, () => {
      const spec = sampleSpec();
      const opts: BuildOptions = { labels, origin: { row: 2, col: 1 } };
      const forms = locateForms({ sheets: [buildStandardForm(spec, opts)] });
      expect(forms).toHaveLength(1);
      expectMatchesLayout(forms[0], standardLayout(spec, opts), spec);
    });
  }

  test("the year inside the title when there is no year line", () => {
    const spec = sampleSpec();
    spec.title = "2022年度部门整体支出绩效自评表";
    const opts: BuildOptions = { labels: { "（2023年度）": "" } };
    const [form] = locateForms({ sheets: [buildStandardForm(spec, opts)] });
    expect(form.year).toBe(2022);
    expect(form.yearRef).toEqual({ sheet: "自评表", row: 0, col: 0 });
    expect(form.titleRef).toEqual({ sheet: "自评表", row: 0, col: 0 });
  });

  test("labels carrying their value in the same cell", () => {
    const spec = sampleSpec();
    const sheet = buildStandardForm(spec);
    const layout = standardLayout(spec);
    const text = (s: string): Cell => ({ value: { kind: "text", value: s } });
    const c = layout.header.contact;
    sheet.cells[c.label.row][c.label.col] = text("联系人：张三");
    sheet.cells[c.value.row][c.value.col] = undefined;
    const g = layout.grade;
    sheet.cells[g.label.row][g.label.col] = text("评价等级： 优");
    sheet.cells[g.value.row][g.value.col] = undefined;
    const d = layout.header.department;
    sheet.cells[d.label.row][d.label.col] = text("部门（单位）名称（盖章）：\n吉首市科工信局");
    sheet.cells[d.value.row][d.value.col] = undefined;
    const [form] = locateForms({ sheets: [sheet] });
    expect(form.header.contact).toEqual({
      labelRef: ref("自评表", c.label),
      ref: ref("自评表", c.label),
      cell: text("张三"),
    });
    expect(form.grade).toEqual({
      labelRef: ref("自评表", g.label),
      ref: ref("自评表", g.label),
      cell: text("优"),
    });
    expect(form.header.department!.cell).toEqual(text("吉首市科工信局"));
    expect(at(form.header.department)).toEqual(ref("自评表", d.label));
    // The other header fields are unaffected.
    expect(at(form.header.phone)).toEqual(ref("自评表", layout.header.phone.value));
  });

  test("grade value below its label", () => {
    const spec = sampleSpec();
    const sheet = buildStandardForm(spec);
    const layout = standardLayout(spec);
    const g = layout.grade;
    // Replace the grade row: label 评价等级 over the score column, value in the row below.
    sheet.cells[g.label.row][g.label.col] = undefined;
    sheet.cells[g.value.row][g.value.col] = { value: { kind: "text", value: "评价等级" } };
    sheet.merges = sheet.merges.filter((m) => m.top !== g.label.row);
    (sheet.cells[g.value.row + 1] ??= [])[g.value.col] = { value: { kind: "text", value: "良" } };
    const [form] = locateForms({ sheets: [sheet] });
    expect(form.grade!.labelRef).toEqual(ref("自评表", g.value));
    expect(at(form.grade)).toEqual({ sheet: "自评表", row: g.value.row + 1, col: g.value.col });
    expect(form.grade!.cell.value).toEqual({ kind: "text", value: "良" });
  });
});
