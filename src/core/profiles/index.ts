/**
 * Rule profiles: weights, execution rule, grade bands and severities held as data (JSON files),
 * validated on load. Built in: hunan (default), national, step-deduction.
 */
import type { ZodError } from "zod";
import type { ExecutionRule, RuleId, RuleProfile, Severity } from "../model";
import { normalizeText } from "../parse";
import { FIELD_NAMES, profileSchema } from "./schema";
import hunanJson from "./hunan.json";
import nationalJson from "./national.json";
import stepDeductionJson from "./step-deduction.json";

export { profileJsonSchema, profileSchema } from "./schema";

/** A profile file or name that cannot be used; the message is Chinese and names the bad field. */
export class ProfileError extends Error {
  /** Dotted path of the bad field ("weights.output"), when one field is to blame. */
  readonly field: string | null;
  constructor(message: string, field: string | null = null) {
    super(message);
    this.name = "ProfileError";
    this.field = field;
    Object.setPrototypeOf(this, ProfileError.prototype);
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: "数字",
  string: "文本",
  object: "对象",
  array: "列表",
  boolean: "true/false",
};

function fieldLabel(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join(".");
  if (dotted === "") return "规则配置";
  // grades.0.min → 等级划分第 1 项的下限
  const m = /^grades\.(\d+)(?:\.(\w+))?$/.exec(dotted);
  if (m) {
    const part = m[2] ? `的${m[2] === "min" ? "下限" : "名称"}` : "";
    return `等级划分第 ${Number(m[1]) + 1} 项${part}（${dotted}）`;
  }
  const sev = /^severities\.(.+)$/.exec(dotted);
  if (sev) return `规则 ${sev[1]} 的严重程度（${dotted}）`;
  const alias = /^gradeAliases\.(.+)$/.exec(dotted);
  if (alias) return `等级别名“${alias[1]}”（${dotted}）`;
  const chinese = FIELD_NAMES[dotted];
  return chinese ? `${chinese}（${dotted}）` : dotted;
}

type Issue = ZodError["issues"][number];

function issueMessage(issue: Issue): string {
  const where = fieldLabel(issue.path);
  const raw = issue as unknown as Record<string, unknown>;
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(raw.expected ?? "");
      return `${where}缺失或类型错误，应为${TYPE_NAMES[expected] ?? expected}`;
    }
    case "too_small": {
      if (raw.origin === "array") return `${where}至少需要 ${String(raw.minimum)} 项`;
      if (raw.origin === "string") return `${where}不能为空`;
      const min = Number(raw.minimum);
      if (raw.inclusive === false) return `${where}应大于 ${min}`;
      return min === 0 ? `${where}不能为负数` : `${where}不能小于 ${min}`;
    }
    case "too_big":
      return `${where}不能大于 ${String(raw.maximum)}`;
    case "unrecognized_keys":
      if (issue.path.length === 1 && issue.path[0] === "severities")
        return `${where}含有未知的规则编号：${(raw.keys as string[]).join("、")}`;
      return `${where}含有未知字段：${(raw.keys as string[]).join("、")}`;
    case "invalid_value":
      return `${where}取值无效，应为 ${(raw.values as unknown[]).map((v) => String(v)).join(" / ")} 之一`;
    case "invalid_union": {
      const options = Array.isArray(raw.options) ? (raw.options as unknown[]).map(String).join(" / ") : "";
      return options ? `${where}取值无效，应为 ${options} 之一` : `${where}格式无效`;
    }
    case "invalid_format":
      return `${where}格式无效（只能用小写字母、数字、- 和 _）`;
    case "invalid_key":
      return `${where}含有未知的规则编号`;
    default:
      return `${where}无效`;
  }
}

function fail(message: string, field: string | null): never {
  throw new ProfileError(`规则配置无效：${message}`, field);
}

/**
 * Validates a profile (parsed JSON) and returns it as a RuleProfile. Throws ProfileError with a
 * Chinese message naming the bad field: bands must be strictly descending with distinct labels,
 * the four 一级 weights must add up to totalWeight, aliases must point at a band label, severity
 * keys must be known rule IDs.
 */
export function parseProfile(json: unknown): RuleProfile {
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0];
    const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : "";
    fail(`${issueMessage(first)}${more}`, first.path.map(String).join(".") || null);
  }
  const p = parsed.data;

  // Grade bands: strictly descending minima, distinct labels, top band not above the total.
  const labels = new Set<string>();
  for (let i = 0; i < p.grades.length; i++) {
    const g = p.grades[i];
    if (labels.has(g.label)) fail(`等级划分中“${g.label}”重复出现`, `grades.${i}.label`);
    labels.add(g.label);
    if (i > 0 && !(g.min < p.grades[i - 1].min)) {
      fail(
        `等级划分必须按下限从高到低排列：第 ${i + 1} 项“${g.label}”的下限 ${g.min} 不低于上一项“${p.grades[i - 1].label}”的下限 ${p.grades[i - 1].min}`,
        `grades.${i}.min`,
      );
    }
  }
  if (p.grades[0].min > p.totalWeight) {
    fail(
      `最高等级“${p.grades[0].label}”的下限 ${p.grades[0].min} 超过总分值 ${p.totalWeight}`,
      "grades.0.min",
    );
  }

  // Weights add up to the total.
  const w = p.weights;
  const sum = w.execution + w.output + w.effect + w.satisfaction;
  if (Math.abs(sum - p.totalWeight) > 1e-9) {
    fail(
      `一级指标分值之和 ${w.execution} + ${w.output} + ${w.effect} + ${w.satisfaction} = ${Number(sum.toPrecision(12))}，与总分值 totalWeight ${p.totalWeight} 不一致`,
      "weights",
    );
  }

  // Aliases point at band labels and do not shadow one.
  for (const [alias, target] of Object.entries(p.gradeAliases)) {
    if (!labels.has(target))
      fail(`等级别名“${alias}”指向的“${target}”不是等级划分中的等级`, `gradeAliases.${alias}`);
    if (labels.has(alias)) fail(`等级别名“${alias}”与等级划分中的同名等级冲突`, `gradeAliases.${alias}`);
  }

  const execution: ExecutionRule =
    p.execution.kind === "proportional"
      ? { kind: "proportional" }
      : {
          kind: "step",
          stepPercent: p.execution.stepPercent,
          pointsPerStep: p.execution.pointsPerStep,
          partial: p.execution.partial,
        };
  const severities: Partial<Record<RuleId, Severity>> = {};
  for (const [k, v] of Object.entries(p.severities)) if (v) severities[k as RuleId] = v;

  return {
    id: p.id,
    name: p.name.trim(),
    totalWeight: p.totalWeight,
    weights: { execution: w.execution, output: w.output, effect: w.effect, satisfaction: w.satisfaction },
    execution,
    reasonBelowRate: p.reasonBelowRate,
    grades: p.grades.map((g) => ({ label: g.label.trim(), min: g.min })),
    gradeAliases: { ...p.gradeAliases },
    overAchievement: { ratio: p.overAchievement.ratio, deduct: p.overAchievement.deduct },
    severities,
  };
}

function freeze(profile: RuleProfile): RuleProfile {
  Object.freeze(profile.weights);
  Object.freeze(profile.execution);
  profile.grades.forEach((g) => Object.freeze(g));
  Object.freeze(profile.grades);
  Object.freeze(profile.gradeAliases);
  Object.freeze(profile.overAchievement);
  Object.freeze(profile.severities);
  return Object.freeze(profile);
}

export const DEFAULT_PROFILE_ID = "hunan";

/** hunan (default), national, step-deduction — validated at load. */
export const BUILTIN_PROFILES: readonly RuleProfile[] = Object.freeze(
  [hunanJson, nationalJson, stepDeductionJson].map((json) => freeze(parseProfile(json))),
);

function key(s: string): string {
  return normalizeText(String(s ?? ""))
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * A built-in profile by id ("hunan") or Chinese name ("湖南省（优/良/较差/差）"); case, spaces and
 * full-width characters are ignored. Extra profiles (loaded by a host) may be passed in `extra`.
 */
export function getProfile(idOrName: string, extra: readonly RuleProfile[] = []): RuleProfile {
  const k = key(idOrName);
  const all = [...extra, ...BUILTIN_PROFILES];
  const hit = all.find((p) => key(p.id) === k) ?? all.find((p) => key(p.name) === k);
  if (hit) return hit;
  const available = all.map((p) => `${p.id}（${p.name}）`).join("、");
  throw new ProfileError(`未知的规则配置“${String(idOrName ?? "")}”。可用的规则配置：${available}`, "id");
}

/** The default profile (hunan). */
export function defaultProfile(): RuleProfile {
  return getProfile(DEFAULT_PROFILE_ID);
}

/** The profile's severity for a rule, or `fallback` (the rule's default from rules.md). */
export function severityFor(profile: RuleProfile, rule: RuleId, fallback: Severity): Severity {
  return profile?.severities?.[rule] ?? fallback;
}
