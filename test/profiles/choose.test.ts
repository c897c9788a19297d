/**
 * Choosing the rule profile by itself (domain.md §2.10, profiles/choose.ts): with no profile chosen, the
 * built-in one the form's figures point to, with a Chinese reason; a chosen profile always wins; when none
 * fits, the default and one WEIGHT_TOTAL.
 */
import { describe, expect, it } from "@jest/globals";
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import { locateForms } from "../../src/core/locate";
import type { FormResult } from "../../src/core/model";
import { BUILTIN_PROFILES, getProfile } from "../../src/core/profiles";
import { chooseProfile, profileEvidence } from "../../src/core/profiles/choose";
import { buildStandardForm } from "../../src/core/template";
import type { FormSpec } from "../../src/core/template";
import { correctSpec, seed000Spec, workbookOf } from "../checks/fixtures";
import { PROJECT_OPTIONS, projectSpec } from "../kinds/fixtures";

function check(spec: FormSpec, profileId?: string): FormResult {
  const internalErrors: InternalError[] = [];
  const wb = workbookOf(buildStandardForm(spec));
  const opts = profileId ? { profile: getProfile(profileId), internalErrors } : { internalErrors };
  const [r] = checkWorkbook(wb, opts);
  expect(internalErrors).toEqual([]);
  return r;
}

const rules = (r: FormResult): string[] => r.findings.map((f) => f.rule);

describe("automatic choice", () => {
  it("a standard form (执行率 10, 总分 100, 优) keeps the default hunan profile and says why", () => {
    const r = check(correctSpec());
    expect(r.profile).toBe("hunan");
    expect(r.profileReason).toBe(
      "按表中特征自动选择“湖南省（优/良/较差/差）”：预算执行率分值 10、总分分值 100、等级“优”与该规则一致。",
    );
    expect(r.findings).toEqual([]);
  });

  it("seed 000 (执行率 5, 总分 95) gets step-deduction: the same findings as choosing it, no WEIGHT_TOTAL", () => {
    const auto = check(seed000Spec());
    expect(auto.profile).toBe("step-deduction");
    expect(auto.profileReason).toContain("预算执行率分值 5、总分分值 95");
    expect(auto.profileReason).toContain("执行率每低于2%扣1分");
    const chosen = check(seed000Spec(), "step-deduction");
    expect(chosen.profileReason).toBeNull();
    expect(auto.findings).toEqual(chosen.findings);
    expect(rules(auto)).not.toContain("WEIGHT_TOTAL");
  });

  it("a chosen profile always wins: seed 000 under hunan keeps hunan (and its WEIGHT_TOTAL findings)", () => {
    const r = check(seed000Spec(), "hunan");
    expect(r.profile).toBe("hunan");
    expect(r.profileReason).toBeNull();
    // 5 + 50 + 30 + 10 = 95 ≠ 100, and 预算执行率 5 ≠ 10.
    expect(rules(r).filter((x) => x === "WEIGHT_TOTAL").length).toBeGreaterThanOrEqual(2);
  });

  it("grade label 中 (national names) gets the national profile; 较差 keeps hunan", () => {
    const zhong = check({ ...correctSpec(), grade: "中" });
    expect(zhong.profile).toBe("national");
    expect(zhong.profileReason).toContain("等级“中”");
    // 94.07 ≥ 90 → 优 under the national bands too: the grade is still wrong.
    expect(zhong.findings.map((f) => [f.rule, f.expected])).toEqual([["GRADE_MISMATCH", "优"]]);
    expect(check({ ...correctSpec(), grade: "较差" }).profile).toBe("hunan");
  });

  it("no fit (执行率 20, 产出 40): the default is used and the mismatch is one WEIGHT_TOTAL, not one per 一级", () => {
    const edit = (s: FormSpec): void => {
      s.budget.rows[0].weight = 20;
      // 76% × 20 = 15.2
      s.budget.rows[0].score = 15.2;
      // 新增规模企业 20 → 10 points: 产出 10 + 10 + 10 + 10 = 40; 20 + 40 + 30 + 10 = 100.
      s.indicators[0].weight = 10;
      s.indicators[0].score = 10;
      // 15.2 + (10 + 10 + 9.47 + 10) + 27 + 10 = 91.67
      s.total.score = 91.67;
    };
    const spec = correctSpec();
    edit(spec);
    const auto = check(spec);
    expect(auto.profile).toBe("hunan");
    expect(auto.profileReason).toContain("与内置评分规则均不一致");
    const wt = auto.findings.filter((f) => f.rule === "WEIGHT_TOTAL");
    expect(wt).toHaveLength(1);
    expect(wt[0].message).toContain("预算执行率 20");
    expect(wt[0].message).toContain("产出指标 40");
    // Chosen explicitly, the same form gets one finding per differing 一级 (执行率 20 ≠ 10, 产出 40 ≠ 50).
    const chosen = check(spec, "hunan");
    expect(chosen.findings.filter((f) => f.rule === "WEIGHT_TOTAL")).toHaveLength(2);
    // Everything else is the same.
    expect(auto.findings.filter((f) => f.rule !== "WEIGHT_TOTAL")).toEqual(
      chosen.findings.filter((f) => f.rule !== "WEIGHT_TOTAL"),
    );
  });

  it("no fit with a printed 总分 分值 100 over weights of 95 (执行率 5): still one WEIGHT_TOTAL", () => {
    const spec = correctSpec();
    spec.budget.rows[0].weight = 5;
    // 76% × 5 = 3.8
    spec.budget.rows[0].score = 3.8;
    // 3.8 + 49.47 + 27 + 10 = 90.27
    spec.total.score = 90.27;
    const auto = check(spec);
    // 执行率 5 fits step-deduction, but the printed 总分 分值 100 does not (95): no built-in fits.
    expect(auto.profile).toBe("hunan");
    expect(auto.profileReason).toContain("预算执行率分值 5、总分分值 100");
    const wt = auto.findings.filter((f) => f.rule === "WEIGHT_TOTAL");
    // 5 + 50 + 30 + 10 = 95
    expect(wt.map((f) => [f.typed, f.expected])).toEqual([[95, 100]]);
    // Chosen: 95 ≠ 100 (total) and 预算执行率 5 ≠ 10.
    expect(check(spec, "hunan").findings.filter((f) => f.rule === "WEIGHT_TOTAL")).toHaveLength(2);
  });

  it("quiet: a fitting form never gets the no-fit finding", () => {
    for (const spec of [correctSpec(), seed000Spec()]) {
      const r = check(spec);
      expect(r.findings.some((f) => f.message.includes("与内置评分规则均不一致"))).toBe(false);
    }
  });

  it("a project form without a grade row: evidence is 执行率 10 and 总分 100 → hunan", () => {
    const [form] = locateForms(workbookOf(buildStandardForm(projectSpec(), PROJECT_OPTIONS)));
    expect(profileEvidence(form)).toEqual({
      executionWeight: 10,
      totalWeight: 100,
      gradeLabel: null,
      bands: null,
      bandsSource: null,
    });
    const c = chooseProfile(form, BUILTIN_PROFILES);
    expect(c.profile.id).toBe("hunan");
    expect(c.fitted).toBe(true);
  });

  it("a form that shows nothing (no weights, no grade) gets the default with a plain reason", () => {
    const spec = correctSpec();
    spec.budget.rows[0].weight = null;
    spec.total.weight = null;
    spec.grade = null;
    const [form] = locateForms(workbookOf(buildStandardForm(spec)));
    const c = chooseProfile(form, BUILTIN_PROFILES);
    expect(c).toEqual({
      profile: getProfile("hunan"),
      fitted: true,
      reason: "表中没有指向其他评分规则的特征，按默认规则“湖南省（优/良/较差/差）”校验。",
    });
  });
});
