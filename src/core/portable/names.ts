/**
 * The add-in's function ids and their Chinese names, old names included, so a workbook written with
 * any version of the add-in is recognised. Keep in step with src/functions/zh-cn.json (a test
 * checks every id and name there is known here).
 *
 * Renamed: id RATE → RATIO (中文 比率 → 完成比率), 扣分 → 扣减分数, 等级 → 评价等级.
 */

/** Id (current) → Chinese names, current first. */
export const JX_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  EXECRATE: ["执行率"],
  EXECSCORE: ["执行率得分"],
  INDSCORE: ["指标得分"],
  QUALCHECK: ["定性得分检查"],
  DEDUCTION: ["扣减分数", "扣分"],
  GRADE: ["评价等级", "等级"],
  CONTROLRATE: ["控制率"],
  CHANGERATE: ["变动率"],
  RATIO: ["完成比率", "比率"],
  STAFFRATE: ["人员控制率"],
  ADJUSTRATE: ["预算调整率"],
  CARRYRATE: ["结转结余率"],
  BUDGETCOMPLETION: ["预算完成率"],
  PARSEVALUE: ["解析数值"],
  SUMSCORES: ["合计得分"],
};

/** Old ids still found in workbooks → current id. */
const OLD_IDS: Readonly<Record<string, string>> = { RATE: "RATIO" };

const BY_NAME = new Map<string, string>();
for (const [id, names] of Object.entries(JX_FUNCTIONS)) {
  BY_NAME.set(id, id);
  for (const n of names) BY_NAME.set(n, id);
}
for (const [old, id] of Object.entries(OLD_IDS)) BY_NAME.set(old, id);

/** "EXECRATE" / "execrate" / "执行率" / "RATE" → current id; null when not one of ours. */
export function jxId(name: string): string | null {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toUpperCase()) ?? null;
}
