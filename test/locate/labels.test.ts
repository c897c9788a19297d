import { describe, expect, test } from "@jest/globals";
import {
  LEVEL1_NAMES,
  LEVEL2_NAMES_BY_LEVEL1,
  isKnownLevel2,
  isPlaceholderText,
  level1Points,
  normalizeLabel,
  normalizeLevel1,
} from "../../src/core/labels";
import { rolesOf } from "../../src/core/kinds/roles";

describe("normalizeLabel", () => {
  test.each([
    ["预 算 编 码", "预算编码"],
    ["联　系　人：", "联系人"],
    ["部门（单位）名称:", "部门(单位)名称"],
    ["偏差原因分析\n及改进措施", "偏差原因分析及改进措施"],
    ["全年【调整】预算数", "全年(调整)预算数"],
    ["（２０２３年度）", "(2023年度)"],
    ["评价等级：：", "评价等级"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });
});

describe("rolesOf", () => {
  test("synonyms map to their roles", () => {
    expect(rolesOf("部门（单位）名称")).toEqual(["header.department"]);
    expect(rolesOf("预算部门、单位名称")).toEqual(["header.department"]);
    expect(rolesOf("联络电话")).toEqual(["header.phone"]);
    expect(rolesOf("其中：当年财政拨款")).toContain("budget.row.current");
    expect(rolesOf("其中:基本支出")).toContain("budget.row.spending-item");
    expect(rolesOf("全年执行数（万元）")).toContain("budget.col.executed");
    expect(rolesOf("分值")).toEqual(
      expect.arrayContaining(["budget.col.weight", "ind.col.weight", "summary.col.weight"]),
    );
    expect(rolesOf("评价等次")).toEqual(["grade"]);
    expect(rolesOf("绩效自评综合得分及评价等次")).toEqual(["combined"]);
    expect(rolesOf("吉首市科工信局")).toEqual([]);
  });
});

describe("indicator categories", () => {
  test("the tables of domain.md §2.4", () => {
    expect(LEVEL1_NAMES).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect(LEVEL2_NAMES_BY_LEVEL1.产出指标).toEqual(["数量指标", "质量指标", "时效指标", "成本指标"]);
    expect(LEVEL2_NAMES_BY_LEVEL1.效益指标).toEqual([
      "经济效益指标",
      "社会效益指标",
      "生态效益指标",
      "可持续影响指标",
    ]);
    expect(LEVEL2_NAMES_BY_LEVEL1.满意度指标).toContain("服务对象满意度指标");
    expect(LEVEL2_NAMES_BY_LEVEL1.满意度指标).toContain("社会公众或服务对象满意度");
  });

  test.each([
    ["产出指标(50分)", "产出指标", 50],
    ["产出指标（50分）", "产出指标", 50],
    ["产出", "产出指标", null],
    ["效 益 指 标（30 分）", "效益指标", 30],
    ["满意度", "满意度指标", null],
    ["满意度指标(10分)", "满意度指标", 10],
    ["投入", "投入指标", null],
    ["其他指标", "其他指标", null],
  ])("%j → %j, points %j", (name, canonical, points) => {
    expect(normalizeLevel1(name)).toBe(canonical);
    expect(level1Points(name)).toBe(points);
  });

  test("isKnownLevel2", () => {
    expect(isKnownLevel2("产出指标(50分)", "时效指标")).toBe(true);
    expect(isKnownLevel2("产出", "日效性指标")).toBe(false); // the real typo of the seeds
    expect(isKnownLevel2("满意度指标", "社会公众或服务对象满意度")).toBe(true);
    expect(isKnownLevel2("效益指标", "数量指标")).toBe(false);
  });

  test("placeholders", () => {
    expect(["/", "—", "——", "－", "-", "／", " / "].map(isPlaceholderText)).toEqual(Array(7).fill(true));
    expect(["无", "", "0", "—5"].map(isPlaceholderText)).toEqual([false, false, false, false]);
  });
});
