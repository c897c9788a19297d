import { describe, expect, test } from "@jest/globals";
import { RULE_IDS } from "../../src/core/model";
import {
  BUILTIN_PROFILES,
  DEFAULT_PROFILE_ID,
  ProfileError,
  getProfile,
  profileJsonSchema,
  parseProfile,
  severityFor,
} from "../../src/core/profiles";
import hunanJson from "../../src/core/profiles/hunan.json";
import schemaJson from "../../src/core/profiles/profile.schema.json";

/** A deep copy of the Hunan file to break in one place. */
function hunanCopy(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(hunanJson)) as Record<string, unknown>;
}

function errorOf(json: unknown): ProfileError {
  try {
    parseProfile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return e as ProfileError;
  }
  throw new Error("parseProfile accepted an invalid profile");
}

describe("built-in profiles", () => {
  test("hunan (default), national, step-deduction", () => {
    expect(BUILTIN_PROFILES.map((p) => p.id)).toEqual(["hunan", "national", "step-deduction"]);
    expect(DEFAULT_PROFILE_ID).toBe("hunan");
  });
  test("hunan: 10/50/30/10 = 100, proportional, 优/良/较差/差 at 90/80/60/0, 中 → 较差", () => {
    const p = getProfile("hunan");
    expect(p.totalWeight).toBe(100);
    expect(p.weights).toEqual({ execution: 10, output: 50, effect: 30, satisfaction: 10 });
    expect(p.execution).toEqual({ kind: "proportional" });
    expect(p.grades).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "较差", min: 60 },
      { label: "差", min: 0 },
    ]);
    expect(p.gradeAliases).toEqual({ 中: "较差" });
    expect(p.reasonBelowRate).toBe(0.9);
    expect(p.overAchievement).toEqual({ ratio: 1.3, deduct: 0 });
  });
  test("national: labels 优/良/中/差, 较差 → 中", () => {
    const p = getProfile("national");
    expect(p.grades.map((g) => g.label)).toEqual(["优", "良", "中", "差"]);
    expect(p.gradeAliases).toEqual({ 较差: "中" });
    expect(p.weights).toEqual({ execution: 10, output: 50, effect: 30, satisfaction: 10 });
  });
  test("step-deduction: 5 + 50 + 30 + 10 = 95, 每低于2%扣1分 whole steps, Hunan labels", () => {
    const p = getProfile("step-deduction");
    expect(p.totalWeight).toBe(95);
    expect(p.weights).toEqual({ execution: 5, output: 50, effect: 30, satisfaction: 10 });
    expect(p.execution).toEqual({ kind: "step", stepPercent: 2, pointsPerStep: 1, partial: "whole" });
    expect(p.grades.map((g) => g.label)).toEqual(["优", "良", "较差", "差"]);
  });
  test("every built-in profile's weights add up to its total", () => {
    for (const p of BUILTIN_PROFILES) {
      const w = p.weights;
      expect(w.execution + w.output + w.effect + w.satisfaction).toBe(p.totalWeight);
    }
  });
  test("built-ins are frozen", () => {
    expect(Object.isFrozen(getProfile("hunan"))).toBe(true);
    expect(Object.isFrozen(getProfile("hunan").grades)).toBe(true);
  });
});

describe("getProfile", () => {
  test("by id, case and spaces ignored", () => {
    expect(getProfile("hunan").id).toBe("hunan");
    expect(getProfile(" National ").id).toBe("national");
  });
  test("by Chinese name", () => {
    expect(getProfile("湖南省（优/良/较差/差）").id).toBe("hunan");
    expect(getProfile(getProfile("step-deduction").name).id).toBe("step-deduction");
  });
  test("unknown name: Chinese error listing the available ids", () => {
    expect(() => getProfile("beijing")).toThrow(ProfileError);
    try {
      getProfile("beijing");
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain("未知的规则配置");
      expect(msg).toContain("beijing");
      expect(msg).toContain("hunan");
      expect(msg).toContain("national");
      expect(msg).toContain("step-deduction");
    }
  });
  test("extra profiles are found too", () => {
    const custom = parseProfile({ ...hunanCopy(), id: "custom", name: "自定义" });
    expect(getProfile("custom", [custom]).name).toBe("自定义");
  });
});

describe("parseProfile validation (Chinese messages naming the field)", () => {
  test("a valid file round-trips", () => {
    const p = parseProfile(hunanCopy());
    expect(p).toEqual(getProfile("hunan"));
  });
  test("bands not descending", () => {
    const json = hunanCopy();
    json.grades = [
      { label: "优", min: 90 },
      { label: "良", min: 95 },
      { label: "差", min: 0 },
    ];
    const e = errorOf(json);
    expect(e.message).toContain("从高到低");
    expect(e.message).toContain("良");
    expect(e.field).toBe("grades.1.min");
  });
  test("equal band minima are not descending", () => {
    const json = hunanCopy();
    json.grades = [
      { label: "优", min: 80 },
      { label: "良", min: 80 },
    ];
    expect(errorOf(json).message).toContain("从高到低");
  });
  test("weights not summing to the total: 10 + 40 + 30 + 10 = 90 ≠ 100", () => {
    const json = hunanCopy();
    json.weights = { execution: 10, output: 40, effect: 30, satisfaction: 10 };
    const e = errorOf(json);
    expect(e.message).toContain("90");
    expect(e.message).toContain("100");
    expect(e.message).toContain("分值之和");
    expect(e.field).toBe("weights");
  });
  test("a negative weight", () => {
    const json = hunanCopy();
    json.weights = { execution: -10, output: 50, effect: 30, satisfaction: 10 };
    const e = errorOf(json);
    expect(e.message).toContain("预算执行率分值");
    expect(e.message).toContain("负数");
  });
  test("a zero total", () => {
    const json = hunanCopy();
    json.totalWeight = 0;
    expect(errorOf(json).message).toContain("总分值");
  });
  test("a missing field", () => {
    const json = hunanCopy();
    delete json.reasonBelowRate;
    const e = errorOf(json);
    expect(e.message).toContain("reasonBelowRate");
    expect(e.message).toContain("缺失");
  });
  test("a misspelt field", () => {
    const json = hunanCopy();
    json.weigths = json.weights;
    expect(errorOf(json).message).toContain("weigths");
  });
  test("an unknown rule id in severities", () => {
    const json = hunanCopy();
    json.severities = { NOT_A_RULE: "error" };
    expect(errorOf(json).message).toContain("规则严重程度");
  });
  test("an unknown severity", () => {
    const json = hunanCopy();
    json.severities = { EXEC_OVER_100: "fatal" };
    expect(errorOf(json).message).toContain("error / warning / info");
  });
  test("a step rule with a zero step", () => {
    const json = hunanCopy();
    json.execution = { kind: "step", stepPercent: 0, pointsPerStep: 1, partial: "whole" };
    expect(errorOf(json).message).toContain("每档百分点");
  });
  test("an unknown execution rule kind", () => {
    const json = hunanCopy();
    json.execution = { kind: "sqrt" };
    expect(errorOf(json).message).toContain("执行率计分规则");
  });
  test("an alias pointing at no band", () => {
    const json = hunanCopy();
    json.gradeAliases = { 中: "一般" };
    expect(errorOf(json).message).toContain("一般");
  });
  test("duplicate band labels", () => {
    const json = hunanCopy();
    json.grades = [
      { label: "优", min: 90 },
      { label: "优", min: 80 },
    ];
    expect(errorOf(json).message).toContain("重复");
  });
  test("not an object at all", () => {
    expect(errorOf(null).message).toMatch(/^规则配置无效/);
    expect(errorOf("hunan").message).toMatch(/^规则配置无效/);
  });
  test("severity overrides are kept", () => {
    const json = hunanCopy();
    json.severities = { EXEC_OVER_100: "error" };
    const p = parseProfile(json);
    expect(severityFor(p, "EXEC_OVER_100", "warning")).toBe("error");
    expect(severityFor(p, "GRADE_MISMATCH", "error")).toBe("error");
  });
  test("every rule id is accepted as a severity key", () => {
    const json = hunanCopy();
    json.severities = Object.fromEntries(RULE_IDS.map((id) => [id, "info"]));
    const p = parseProfile(json);
    expect(Object.keys(p.severities)).toHaveLength(RULE_IDS.length);
  });
});

describe("severityFor", () => {
  test("falls back when the profile has no override", () => {
    expect(severityFor(getProfile("hunan"), "UNPARSED_VALUE", "info")).toBe("info");
  });
});

describe("profile.schema.json", () => {
  test("matches the zod schema (regenerate with profileJsonSchema() when the schema changes)", () => {
    expect(schemaJson).toEqual(profileJsonSchema());
  });
  test("built-in files point editors at it", () => {
    expect((hunanJson as Record<string, unknown>).$schema).toBe("./profile.schema.json");
  });
});
