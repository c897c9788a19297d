/**
 * Every reason a JX function gives with #VALUE! (src/functions/logic.ts), per function, for the help
 * page: Excel on the web shows the reason beside the cell, desktop Excel may show only #VALUE!
 * (office-js #4971, #4813), so a desktop user looks it up there. "…" stands for what the cell held.
 *
 * test/functions/reasons.test.ts drives every function over a grid of awkward inputs and fails when a
 * function gives a reason that is not listed here, or a listed reason that no input gives;
 * scripts/help-reasons.ts writes the list into src/help/help.html (and checks it is current).
 */

/** Reasons of a required number argument (logic.ts toNumber). */
const num = (label: string): string[] => [
  `缺少${label}`,
  `${label}应为数字，不能是 …`,
  `${label}为“…”，无法计算`,
  `${label}“…”不是数字`,
];
/** A number argument that may be left blank (blank counts as 0). */
const optionalNum = (label: string): string[] => num(label).slice(1);
/** 分值: a number ≥ 0. */
const weight = [...num("分值"), "分值 … 不能为负数"];
/** A target or actual value, number or text such as "≥95%" (logic.ts toIndicatorValue). */
const indicator = (label: string): string[] => [
  `缺少${label}`,
  `${label}应为数值或文字，不能是 …`,
  `${label}为“…”，该行不计分`,
  `${label}“…”是定性描述，不是数值；定性指标请用 JX.定性得分检查（QUALCHECK）核对得分档次`,
  `无法识别${label}“…”：请写成数值，如“≥95%”“4家”“≤27.6万元”`,
];
const OVERFLOW = "结果超出可计算的范围，请检查输入的数值";
const PROFILES = `规则配置 "hunan"、"national"、"step-deduction"`;

export interface FunctionReasons {
  id: string;
  reasons: string[];
}

export const REASONS: FunctionReasons[] = [
  {
    id: "EXECRATE",
    reasons: [
      ...num("全年执行数"),
      ...num("全年预算数"),
      "全年预算数为 0，无法计算执行率",
      "全年预算数 … 为负数，无法计算执行率",
      "全年执行数 … 为负数，请检查",
      "无法计算执行率",
    ],
  },
  {
    id: "EXECSCORE",
    reasons: [
      ...num("执行率"),
      "执行率 … 不能为负数",
      ...weight,
      `未知的规则“…”：可填 "proportional"、"step"、"linear" 或${PROFILES}`,
      `规则“…”是规则名称，不能同时给出步长和每步扣分；按步长扣分请写 "step" 或 "linear"`,
      "按比例计分（proportional）时不需要步长和每步扣分",
      `按步长扣分需要给出步长和每步扣分，例如“每低于 2% 扣 1 分”写作 "step", 2, 1`,
      ...optionalNum("步长"),
      "步长 … 应大于 0（例如 2 表示每低于 2%）",
      ...optionalNum("每步扣分"),
      "每步扣分 … 不能为负数",
    ],
  },
  {
    id: "INDSCORE",
    reasons: [
      ...indicator("年度指标值"),
      ...indicator("实际完成值"),
      ...weight,
      "单位不一致：年度指标值“…”的单位是“…”，实际完成值“…”的单位是“…”",
      "方向“…”无法识别：请填“≥”（越高越好）、“≤”（越低越好）或“=”",
    ],
  },
  {
    id: "QUALCHECK",
    reasons: [
      "缺少档次文字（达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差）",
      "无法识别档次“…”：应为“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”",
      ...num("得分"),
      ...weight,
      "分值为 0，无法核对定性得分",
    ],
  },
  {
    id: "DEDUCTION",
    reasons: [...weight, ...num("得分"), "得分 … 不能为负数", "得分 … 超过分值 …"],
  },
  {
    id: "GRADE",
    reasons: [...num("总分"), "总分 … 不能为负数", "总分 … 超过满分 …", `未知的规则“…”：可填${PROFILES}`],
  },
  {
    id: "CONTROLRATE",
    reasons: [
      ...num("实际数"),
      ...num("预算数"),
      "预算数为 0，无法计算控制率",
      "预算数 … 为负数，无法计算控制率",
      OVERFLOW,
    ],
  },
  {
    id: "CHANGERATE",
    reasons: [
      ...num("本年数"),
      ...num("上年数"),
      "上年数为 0，无法计算变动率",
      "上年数 … 为负数，无法计算变动率",
      OVERFLOW,
    ],
  },
  {
    id: "RATIO",
    reasons: [...num("分子"), ...num("分母"), "分母为 0，无法计算比率", OVERFLOW],
  },
  {
    id: "STAFFRATE",
    reasons: [
      ...num("实际在职人数"),
      ...num("编制数"),
      "编制数为 0，无法计算人员控制率",
      "编制数 … 为负数，无法计算控制率",
      OVERFLOW,
    ],
  },
  {
    id: "ADJUSTRATE",
    reasons: [
      ...num("预算调整数"),
      ...num("年初预算数"),
      "年初预算数为 0，无法计算预算调整率",
      "年初预算数 … 为负数，无法计算预算调整率",
      OVERFLOW,
    ],
  },
  {
    id: "CARRYRATE",
    reasons: [
      ...num("结转结余总额"),
      ...num("支出预算数"),
      "支出预算数为 0，无法计算结转结余率",
      "支出预算数 … 为负数，无法计算结转结余率",
      OVERFLOW,
    ],
  },
  {
    id: "BUDGETCOMPLETION",
    reasons: [
      ...optionalNum("年初结转"),
      ...num("年初预算"),
      ...optionalNum("追加预算"),
      ...optionalNum("年末结转结余"),
      "年初结转、年初预算与追加之和为 0，无法计算预算完成率",
      "年初结转、年初预算与追加之和 … 为负数，无法计算预算完成率",
      OVERFLOW,
    ],
  },
  { id: "PARSEVALUE", reasons: indicator("文本") },
  { id: "SUMSCORES", reasons: ["合计得分需要一个单元格区域", OVERFLOW] },
];

/** A reason template as a pattern matching the whole message ("…" = any text). */
export function reasonPattern(template: string): RegExp {
  const parts = template.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+?")}$`);
}
