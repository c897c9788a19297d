import { describe, expect, test } from "@jest/globals";
import type { Cell, CellRange, Sheet } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { at } from "./fixtures";

type In = string | number | null;
const toCell = (v: In): Cell | undefined =>
  v === null
    ? undefined
    : typeof v === "number"
      ? { value: { kind: "number", value: v } }
      : { value: { kind: "text", value: v } };

function grid(name: string, rows: In[][], merges: CellRange[] = []): Sheet {
  return { name, merges, cells: rows.map((r) => r.map(toCell)) };
}

/** The older Hunan report form, modelled on seed 004 (吉首市科工信局 2023). */
function hunanSheet(): Sheet {
  return grid(
    "附件2",
    [
      /* 0 */ ["吉首市科工信局2023年度部门整体支出绩效自评报告"],
      /* 1 */ ["部门（单位）名称（盖章）：吉首市科工信局"],
      /* 2 */ ["预算编码：004001"],
      /* 3 */ ["报告时间：2024年6月"],
      /* 4 */ ["一、部门（单位）基本概况"],
      /* 5 */ ["联系人", "陶毅", "联系电话", "8520526"],
      /* 6 */ ["人员编制", 23, "实有人数", 22],
      /* 7 */ ["三、部门（单位）整体支出绩效自评情况"],
      /* 8 */ ["整体支出绩效定性目标及实施计划完成情况", "预期目标", "实际完成"],
      /* 9 */ [null, "市属规模工业增加值增长10%以上", "市属规上工业完成产值39.4亿元"],
      /* 10 */ [
        "绩效自评综合得分及评价等次",
        "评分：96                       等级：优\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。",
      ],
      /* 11 */ ["四、评价人员"],
      /* 12 */ ["姓  名", "职务/职称", "单  位", "签  字"],
      /* 13 */ ["张  峰", "局  长", "吉首市科工信局", null],
      /* 14 */ [],
      /* 15 */ ["一级指标", "指标分值", "自评得分", "得分率"],
      /* 16 */ ["投入", 10, 8, "80%"],
      /* 17 */ ["产出", 50, 49, "98%"],
      /* 18 */ ["效益", 30, 30, "100%"],
      /* 19 */ ["满意度", 10, 9, "90%"],
      /* 20 */ ["合计", 100, 96, "96%"],
      /* 21 */ ["备注：详细评审评分见附件 2 市级预算部门整体支出绩效自评表"],
    ],
    [{ top: 8, left: 0, bottom: 9, right: 0 }],
  );
}

describe("older Hunan report form (kind report)", () => {
  test("summary table, combined score/grade cell, header and goals", () => {
    const forms = locateForms({ sheets: [hunanSheet()] });
    expect(forms).toHaveLength(1);
    const f = forms[0];
    const R = (row: number, col: number) => ({ sheet: "附件2", row, col });
    expect(f.kind).toBe("report");
    expect(f.indicators).toBeNull();
    expect(f.budget).toBeNull();
    expect(f.year).toBe(2023);
    expect(f.titleRef).toEqual(R(0, 0));
    expect(f.level1Summary.map((s) => s.name)).toEqual(["投入", "产出", "效益", "满意度", "合计"]);
    expect(f.level1Summary.map((s) => [s.nameRef, at(s.weight), at(s.score), at(s.rate)])).toEqual(
      [16, 17, 18, 19, 20].map((r) => [R(r, 0), R(r, 1), R(r, 2), R(r, 3)]),
    );
    expect(f.level1Summary[4].score!.cell.value).toEqual({ kind: "number", value: 96 });
    expect(f.combinedScoreGrade!.labelRef).toEqual(R(10, 0));
    expect(at(f.combinedScoreGrade)).toEqual(R(10, 1));
    expect(f.combinedScoreGrade!.cell.value.kind).toBe("text");
    expect(at(f.header.contact)).toEqual(R(5, 1));
    expect(at(f.header.phone)).toEqual(R(5, 3));
    expect(f.header.department!.cell.value).toEqual({ kind: "text", value: "吉首市科工信局" });
    expect(at(f.header.department)).toEqual(R(1, 0));
    expect(f.header.budgetCode!.cell.value).toEqual({ kind: "text", value: "004001" });
    expect(f.header.reportDate!.cell.value).toEqual({ kind: "text", value: "2024年6月" });
    // 预期目标 | 实际完成 side by side: the texts are below.
    expect(at(f.goals.expected)).toEqual(R(9, 1));
    expect(at(f.goals.actual)).toEqual(R(9, 2));
    expect(f.total).toEqual({ weight: null, score: null });
    expect(f.grade).toBeNull();
    expect(f.bounds).toEqual({ top: 0, left: 0, bottom: 20, right: 3 });
  });

  test("a summary table alone is enough; a summary without 得分率 needs 指标分值 and 自评得分", () => {
    const only = grid("S", [
      ["一级指标", "指标分值", "自评得分"],
      ["产出", 50, 49],
      ["合计", 50, 49],
    ]);
    const [f] = locateForms({ sheets: [only] });
    expect(f.kind).toBe("report");
    expect(f.level1Summary).toHaveLength(2);
    expect(f.level1Summary[0].rate).toBeNull();
    expect(
      locateForms({
        sheets: [
          grid("T", [
            ["一级指标", "说明"],
            ["产出", "x"],
          ]),
        ],
      }),
    ).toEqual([]);
  });
});
