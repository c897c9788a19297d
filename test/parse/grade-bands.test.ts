/** parseGradeBands: grade bands printed on a form (the 自评报告's 备注 line, seed 004). */
import { describe, expect, test } from "@jest/globals";
import { gradeFor } from "../../src/core/grade";
import { parseGradeBands, sameBands } from "../../src/core/gradeBands";
import { getProfile } from "../../src/core/profiles";

const HUNAN_BANDS = [
  { label: "优", min: 90 },
  { label: "良", min: 80 },
  { label: "较差", min: 60 },
  { label: "差", min: 0 },
];

describe("parseGradeBands", () => {
  test("seed 004's 备注, inside the combined cell: 90（含）—100 优, 80（含）—90 良, 60（含）—80 较差, < 60 差", () => {
    const text =
      "评分：96                       等级：优\n备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。";
    expect(parseGradeBands(text)).toEqual(HUNAN_BANDS);
    // The same bands as the hunan profile.
    expect(sameBands(parseGradeBands(text)!, getProfile("hunan").grades)).toBe(true);
  });

  test("other spellings: ≥ and 以上, 优秀/良好, label first, 中 (national names), half-width separators", () => {
    expect(parseGradeBands("≥90分为优秀; 80-89分为良好; 60-79分为中; 60分以下为差")).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "中", min: 60 },
      { label: "差", min: 0 },
    ]);
    expect(parseGradeBands("优：90分（含）以上\n良：80（含）—90分\n差：低于80分")).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "差", min: 0 },
    ]);
    // Bands that differ from the profile: 85 is 优 here, 良 under hunan.
    const own = parseGradeBands("85（含）—100分为优；70（含）—85分为良；60（含）—70分为较差；60分以下为差")!;
    expect(sameBands(own, HUNAN_BANDS)).toBe(false);
    expect(gradeFor(85, { ...getProfile("hunan"), grades: own })).toBe("优");
    expect(gradeFor(85, getProfile("hunan"))).toBe("良");
  });

  test("no band list: plain notes, one band, a label twice, two bands with one lower bound, odd input", () => {
    expect(parseGradeBands("备注：详细评审评分见附件 2 市级预算部门整体支出绩效自评表")).toBeNull();
    expect(parseGradeBands("评分：96   等级：优")).toBeNull();
    expect(parseGradeBands("90分以上为优")).toBeNull();
    expect(parseGradeBands("90分以上为优；95分以上为优")).toBeNull();
    expect(parseGradeBands("90分以上为优；90分以上为良")).toBeNull();
    expect(parseGradeBands("")).toBeNull();
    expect(parseGradeBands(undefined as unknown as string)).toBeNull();
    expect(parseGradeBands("为优;".repeat(3000))).toBeNull();
  });
});
