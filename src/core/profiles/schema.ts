/**
 * Zod schema of a rule profile file (the JSON form of RuleProfile in model.ts). Structural checks
 * only; cross-field checks (bands descending, weights summing to the total) live in parseProfile.
 */
import { z } from "zod";
import { RULE_IDS } from "../model";

const severity = z.enum(["error", "warning", "info"]);

const executionRule = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("proportional") }),
  z.strictObject({
    kind: z.literal("step"),
    stepPercent: z.number().positive(),
    pointsPerStep: z.number().positive(),
    partial: z.enum(["whole", "linear"]),
  }),
]);

export const profileSchema = z.strictObject({
  /** Editors may point at profile.schema.json; ignored when loading. */
  $schema: z.string().optional(),
  id: z
    .string()
    .min(1)
    .regex(/^[a-z0-9][a-z0-9_-]*$/),
  name: z.string().trim().min(1),
  totalWeight: z.number().positive(),
  weights: z.strictObject({
    execution: z.number().nonnegative(),
    output: z.number().nonnegative(),
    effect: z.number().nonnegative(),
    satisfaction: z.number().nonnegative(),
  }),
  execution: executionRule,
  reasonBelowRate: z.number().min(0).max(1),
  grades: z.array(z.strictObject({ label: z.string().trim().min(1), min: z.number().nonnegative() })).min(1),
  gradeAliases: z.record(z.string().trim().min(1), z.string().trim().min(1)),
  overAchievement: z.strictObject({ ratio: z.number().min(1), deduct: z.number().nonnegative() }),
  severities: z.partialRecord(z.enum(RULE_IDS), severity),
});

export type ProfileFile = z.infer<typeof profileSchema>;

/** Chinese names of the fields, for error messages. */
export const FIELD_NAMES: Record<string, string> = {
  id: "编号",
  name: "名称",
  totalWeight: "总分值",
  weights: "一级指标分值",
  "weights.execution": "预算执行率分值",
  "weights.output": "产出指标分值",
  "weights.effect": "效益指标分值",
  "weights.satisfaction": "满意度指标分值",
  execution: "执行率计分规则",
  "execution.kind": "执行率计分规则类型",
  "execution.stepPercent": "每档百分点",
  "execution.pointsPerStep": "每档扣分",
  "execution.partial": "不足一档的处理方式",
  reasonBelowRate: "需说明原因的执行率下限",
  grades: "等级划分",
  gradeAliases: "等级别名",
  overAchievement: "超额完成设置",
  "overAchievement.ratio": "超额完成预警比例",
  "overAchievement.deduct": "超额完成扣分",
  severities: "规则严重程度",
};
