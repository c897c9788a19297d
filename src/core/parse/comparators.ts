/**
 * Comparators and direction (domain.md §5): the words around a number that make it "at least" or "at most"
 * (≥ 不低于 以上 多/余; ≤ 不超过 以内 前), and whether an indicator is higher- or lower-is-better.
 */
import { normalizeText, squeeze } from "./text";
import type { Comparator, ParsedValue } from "./types";

/** The comparator and the "at least" mark of a number from the words before it and after its unit. */
export function detectComparator(
  before: string,
  after: string,
): { comparator: Comparator | null; atLeast: boolean } {
  let comparator: Comparator | null = null;
  let atLeast = false;
  // Words right before the number: the leftmost position of the last 6 characters where a word starts,
  // and at that position the first group below (one search does what testing each position in turn did).
  const pre = before.replace(/\s+/g, "");
  const tail = pre.slice(Math.max(0, pre.length - 6));
  const word = tail === "" ? null : PRE_COMPARATOR_RE.exec(tail);
  if (word) {
    if (word[1] !== undefined) comparator = "=";
    else if (word[2] !== undefined || word[4] !== undefined) comparator = ">=";
    else if (word[3] !== undefined || word[5] !== undefined) comparator = "<=";
    else {
      comparator = ">=";
      atLeast = true;
    }
  }
  // Words right after the unit.
  // "(含)" / "（含95%）" between the unit and the word does not matter.
  if (after === "") return { comparator, atLeast };
  const post = after.replace(/\s+/g, "").replace(/^[(（][^)）]*[)）]/, "");
  if (/^(?:多|余)/.test(post)) atLeast = true;
  if (/^(?:及以上|以上|之上|或以上)/.test(post)) {
    comparator = comparator ?? ">=";
    atLeast = true;
  } else if (/^(?:及以内|以内|之内|内|及以下|以下|之下|或以下|以前|之前|前|底前|末前|初前)/.test(post)) {
    comparator = comparator ?? "<=";
  }
  return { comparator, atLeast };
}

/**
 * Comparator words before a number, in priority order: 1 "=", 2 不低于… (≥), 3 不高于… (≤), 4 ≥ 至少 …,
 * 5 ≤ 控制在 …, 6 超过 (≥ and "at least").
 */
const PRE_COMPARATOR_RE = new RegExp(
  [
    "(==|=|等于)",
    "(不低于|不少于|不小于|不得低于|不得少于)",
    "(不高于|不超过|不大于|不多于|不得超过|不得高于)",
    "(>=|≥|≧|⩾|>|至少|大于等于|大于|高于|多于)",
    "(<=|≤|≦|⩽|<|小于等于|小于|低于|少于|不足|控制在|控制|限于)",
    "(超过)",
  ].join("|"),
);

/** Lower-is-better words in an indicator name (domain.md §5). */
const LOWER_IS_BETTER = [
  "控制率",
  "变动率",
  "调整率",
  "结余率",
  "结转率",
  "成本",
  "费用",
  "投诉",
  "事故",
  "时间",
  "天数",
  "差错",
  "失误",
  "发生率",
  "违规",
  "违纪",
  "超支",
  "误差",
  "时长",
  "用时",
  "耗时",
  "空置率",
  "不合格",
];

/** Higher-is-better rate names that win over a lower-is-better word elsewhere ("投诉处理及时率"). */
const HIGHER_RATE_SUFFIX =
  /(?:完成率|执行率|满意度|满意率|覆盖率|合格率|及时率|达标率|办结率|受理率|知晓率|利用率|到位率|通过率|使用率|普及率|参与率|处理率|解决率|回复率|响应率|结案率|增长率|达成率|验收率|兑现率|公开率)$/;

function stripNameDecoration(name: string): string {
  let s = squeeze(normalizeText(name));
  s = s.replace(/^(?:指标)?\d+[:：.、)]/, "");
  s = s.replace(/[（(][^）)]*[）)]$/, "");
  return s;
}

/**
 * Direction of a quantitative indicator: the target's explicit comparator wins; then the 指标性质
 * column (≥ ≤ = 正向 反向); then the name (控制率/变动率/成本/投诉/… → "<="); otherwise ">=".
 */
export function inferDirection(indicatorName: string, target: ParsedValue, natureText?: string): Comparator {
  if (target && target.comparator) return target.comparator;
  if (natureText) {
    const nature = squeeze(normalizeText(String(natureText)));
    if (/>=|≥|≧|⩾|>|正向|越高越好|越大越好|不低于/.test(nature)) return ">=";
    if (/<=|≤|≦|⩽|<|反向|越低越好|越小越好|不高于/.test(nature)) return "<=";
    if (/=|等于/.test(nature)) return "=";
  }
  const name = stripNameDecoration(String(indicatorName ?? ""));
  const endsLower = /(?:控制率|变动率|调整率|结余率|结转率|发生率|差错率|投诉率|空置率|事故率)$/.test(name);
  if (!endsLower && HIGHER_RATE_SUFFIX.test(name)) return ">=";
  if (LOWER_IS_BETTER.some((w) => name.includes(w))) return "<=";
  return ">=";
}
