import { describe, expect, test } from "@jest/globals";
import { gradeFor, nextBand, normalizeGrade, parseCombinedScoreGrade } from "../../src/core/grade";
import { getProfile } from "../../src/core/profiles";

const hunan = getProfile("hunan");
const national = getProfile("national");

describe("gradeFor: Hunan bands 优 [90,100], 良 [80,90), 较差 [60,80), 差 [0,60)", () => {
  test.each([
    [100, "优"],
    [96, "优"],
    [90, "优"],
    // 89.995 rounds (half away from zero) to 90.00 → 优
    [89.995, "优"],
    [89.994, "良"],
    [89.99, "良"],
    [80, "良"],
    [79.99, "较差"],
    [60, "较差"],
    [59.99, "差"],
    [0, "差"],
  ])("%p → %s", (total, label) => {
    expect(gradeFor(total, hunan)).toBe(label);
  });
  test("a computed total with float noise: 0.1 + 0.2 + 89.7 = 90.00000000000001 → 优", () => {
    expect(gradeFor(0.1 + 0.2 + 89.7, hunan)).toBe("优");
  });
  test("national labels: 70 → 中", () => {
    expect(gradeFor(70, national)).toBe("中");
  });
  test("seed 000: total 95 on the 95-point form → 优", () => {
    expect(gradeFor(95, getProfile("step-deduction"))).toBe("优");
  });
  test("negative totals fall in the lowest band; NaN gives ''", () => {
    expect(gradeFor(-3, hunan)).toBe("差");
    expect(gradeFor(NaN, hunan)).toBe("");
  });
});

describe("normalizeGrade", () => {
  test.each([
    ["优", "优"],
    [" 优 ", "优"],
    ["等级：优", "优"],
    ["等级:良", "良"],
    ["评价等次：较差", "较差"],
    ["中", "较差"],
    ["优秀", "优"],
    ["良好", "良"],
    ["差", "差"],
  ])("hunan: %p → %s", (typed, label) => {
    expect(normalizeGrade(typed, hunan)).toBe(label);
  });
  test("national: 较差 → 中, 中 → 中", () => {
    expect(normalizeGrade("较差", national)).toBe("中");
    expect(normalizeGrade("中", national)).toBe("中");
  });
  test("full-width colon and spaces", () => {
    expect(normalizeGrade("等级： 优", hunan)).toBe("优");
  });
  test("unknown labels give null", () => {
    expect(normalizeGrade("A", hunan)).toBeNull();
    expect(normalizeGrade("", hunan)).toBeNull();
  });
  test("other names of a band (domain.md §2.11): 合格 is the band from 60, 不合格 the lowest", () => {
    expect(normalizeGrade("合格", hunan)).toBe("较差");
    expect(normalizeGrade("合格", national)).toBe("中");
    expect(normalizeGrade("不合格", hunan)).toBe("差");
  });
});

describe("nextBand", () => {
  test("85 → 5 points to 优", () => {
    expect(nextBand(85, hunan)).toEqual({ label: "优", pointsNeeded: 5 });
  });
  test("79.5 → 0.5 points to 良", () => {
    expect(nextBand(79.5, hunan)).toEqual({ label: "良", pointsNeeded: 0.5 });
  });
  test("59.99 → 0.01 points to 较差", () => {
    expect(nextBand(59.99, hunan)).toEqual({ label: "较差", pointsNeeded: 0.01 });
  });
  test("at the top band → null", () => {
    expect(nextBand(90, hunan)).toBeNull();
    expect(nextBand(NaN, hunan)).toBeNull();
  });
});

describe("parseCombinedScoreGrade", () => {
  test("评分：96   等级：优", () => {
    expect(parseCombinedScoreGrade("评分：96   等级：优")).toEqual({ score: 96, grade: "优" });
  });
  test("decimals and half-width colons", () => {
    expect(parseCombinedScoreGrade("评分:95.5 等级:良")).toEqual({ score: 95.5, grade: "良" });
  });
  test("full-width digits", () => {
    expect(parseCombinedScoreGrade("评分：９６　等级：优")).toEqual({ score: 96, grade: "优" });
  });
  test("only a score, only a grade, nothing", () => {
    expect(parseCombinedScoreGrade("评分：88")).toEqual({ score: 88, grade: null });
    expect(parseCombinedScoreGrade("等级：较差")).toEqual({ score: null, grade: "较差" });
    expect(parseCombinedScoreGrade("")).toEqual({ score: null, grade: null });
  });
  test("96分，优", () => {
    expect(parseCombinedScoreGrade("96分，优")).toEqual({ score: 96, grade: "优" });
  });
});
