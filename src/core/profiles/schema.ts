/**
 * Zod schema of a rule profile file (the JSON form of RuleProfile in model.ts). Structural checks
 * only; cross-field checks (bands descending, weights summing to the total) live in parseProfile.
 *
 * Written against `zod/mini` (functional checks: `z.number().check(z.positive())` instead of
 * `z.number().positive()`): the classic `z` namespace keeps every method, locale and the JSON
 * Schema converter reachable, ≈ 90 KB gzip in both the pane and functions.js, while mini tree-shakes
 * to ≈ 6 KB. Same zod core, so the issue codes parseProfile turns into Chinese messages are the same.
 */
import * as z from "zod/mini";
import { RULE_IDS } from "../model";

const severity = z.enum(["error", "warning", "info"]);
const nonEmptyTrimmed = (): z.ZodMiniString<string> => z.string().check(z.trim(), z.minLength(1));
const nonNegative = (): z.ZodMiniNumber<number> => z.number().check(z.nonnegative());

const executionRule = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("proportional") }),
    z.strictObject({
      kind: z.literal("step"),
      stepPercent: z.number().check(z.positive()),
      pointsPerStep: z.number().check(z.positive()),
      partial: z.enum(["whole", "linear"]),
    }),
  ])
  .check(
    z.describe(
      "预算执行率计分规则：proportional = 分值 × min(执行率, 100%)；step = 100%为满分，每低于 stepPercent% 扣 pointsPerStep 分，扣完为止（partial：whole 按整档、linear 按比例）",
    ),
  );

export const profileSchema = z.strictObject({
  /** Editors may point at profile.schema.json; ignored when loading. */
  $schema: z.optional(z.string()),
  id: z
    .string()
    .check(
      z.minLength(1),
      z.regex(/^[a-z0-9][a-z0-9_-]*$/),
      z.describe("编号（小写字母、数字、- 和 _），命令行 --profile 使用"),
    ),
  name: nonEmptyTrimmed().check(z.describe("中文名称，如“湖南省（优/良/较差/差）”")),
  totalWeight: z.number().check(z.positive(), z.describe("总分值（通常 100；执行率 5 分的表为 95）")),
  weights: z
    .strictObject({
      execution: nonNegative(),
      output: nonNegative(),
      effect: nonNegative(),
      satisfaction: nonNegative(),
    })
    .check(z.describe("一级指标分值：预算执行率、产出、效益、满意度，之和须等于 totalWeight")),
  execution: executionRule,
  reasonBelowRate: z
    .number()
    .check(z.gte(0), z.lte(1), z.describe("执行率低于此值（小数，0.9 即 90%）时须填写偏差原因")),
  grades: z
    .array(z.strictObject({ label: nonEmptyTrimmed(), min: nonNegative() }))
    .check(z.minLength(1), z.describe("等级划分，按下限从高到低排列；总分（保留两位小数）≥ 下限即为该等级")),
  gradeAliases: z
    .record(nonEmptyTrimmed(), nonEmptyTrimmed())
    .check(z.describe('读取时接受的等级别名，如 {"中": "较差"}')),
  overAchievement: z
    .strictObject({ ratio: z.number().check(z.gte(1)), deduct: nonNegative() })
    .check(z.describe("超额完成预警：实际值 ≥ 目标值 × ratio 时提示；deduct 为建议扣分（0 = 由填报人决定）")),
  severities: z
    .partialRecord(z.enum(RULE_IDS), severity)
    .check(z.describe("按规则编号调整严重程度：error / warning / info")),
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

/**
 * JSON Schema (draft-07) of a profile file, for editors. profile.schema.json holds its output;
 * a test keeps the two in step.
 */
export function profileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(profileSchema, { target: "draft-7" }) as Record<string, unknown>;
  return { ...schema, title: "绩效自评助手规则配置（RuleProfile）" };
}
