/**
 * Names of one quantity, for FIGURE_CONFLICT (./figures.ts): the spellings forms and reports use for the
 * same figure (seed 000: "技术合同成交额" in the indicator table, "完成技术合同交易额" in the report;
 * "1－11月工业固投" beside "工业固定资产投资"; "规上企业" beside "规模工业企业"), and the verbs written in
 * front of a name ("完成" / "实现" …). Data only: add a spelling here, nowhere else.
 */

/** Each group: the name every spelling is read as, then its other spellings. */
export const QUANTITY_SYNONYMS: readonly (readonly [canonical: string, ...spellings: string[]])[] = [
  ["成交额", "交易额", "成交金额", "交易金额"],
  ["固定资产投资", "固投"],
  // 规模工业 is 规模以上工业 (above the statistical threshold), 规上 its short form.
  ["规模以上", "规上", "规模"],
  ["营业收入", "营收"],
];

/** Verbs and fillers in front of a quantity's name: "完成X" and "实现X" name the same X. */
export const LEADING_WORDS: readonly string[] = [
  "完成",
  "实现",
  "达到",
  "达成",
  "取得",
  "达",
  "占",
  "其中",
  "全年",
  "累计",
  "共计",
  "共",
  "新",
  "为",
];
