/**
 * The text side of the value parser: normalising look-alike characters, and what a text says without a
 * number — a placeholder ("/", "无"), a qualitative result ("按时完成", "达标"), a forecast ("预计", "1-10月").
 */

/** Characters normalizeText rewrites after NFKC (tested once, so most texts skip the replacements). */
const LOOKALIKE_RE = /\u200b|\u200c|\u200d|\ufeff|\u3000|﹪|。/;

/** NFKC (full-width digits, ％, ＞＝, ﹦ …) plus the few look-alikes NFKC leaves alone. */
export function normalizeText(text: string): string {
  let s: string;
  try {
    s = text.normalize("NFKC");
  } catch {
    s = text;
  }
  if (LOOKALIKE_RE.test(s)) {
    s = s
      .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
      .replace(/\u3000/g, " ")
      .replace(/﹪/g, "%")
      .replace(/。/g, ".");
  }
  return s.trim();
}

/** Text with every kind of space removed (labels such as "预 算 编 码"). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Cells that mean "not applicable": not scored, not missing. */
export const PLACEHOLDER_RE = /^(?:[/\\—–\-_~―─－]+|无|暂无|空|一|不适用|n\/?a)$/i;

/**
 * Recognised qualitative phrases (a text without a number containing one of these is qualitative).
 * Kept to words that describe a result or a quality, so notes like "详见附件" stay unparsed.
 */
export const QUALITATIVE_KEYWORDS: readonly string[] = [
  "达成",
  "达到",
  "达标",
  "完成",
  "办结",
  "实现",
  "落实",
  "到位",
  "按时",
  "按期",
  "如期",
  "及时",
  "明显",
  "显著",
  "有效",
  "成效",
  "效果",
  "提高",
  "提升",
  "改善",
  "增强",
  "加强",
  "增加",
  "增长",
  "降低",
  "减少",
  "下降",
  "优化",
  "促进",
  "推动",
  "保障",
  "确保",
  "稳定",
  "稳步",
  "持续",
  "长期",
  "长效",
  "规范",
  "合规",
  "合法",
  "准确",
  "健全",
  "完善",
  "安全",
  "顺利",
  "正常",
  "符合",
  "满意",
  "认可",
  "好",
  "高",
  "优",
  "良",
  "强",
  "是",
  "否",
  "零",
  "未发生",
  "无重大",
  "杜绝",
  "严格",
  "发挥",
  "部分",
];

/** Texts that are notes, not values, even when they contain a keyword above. */
const NOTE_RE = /详见|见附件|附表|待定|待核实|待统计|待补充|不详|未知|\?|？/;

/** A text without a number that states a result or a quality (not a note such as "详见附件"). */
export function isQualitative(compact: string): boolean {
  if (NOTE_RE.test(compact)) return false;
  return QUALITATIVE_KEYWORDS.some((k) => compact.includes(k));
}

/** 预计 / 力争: the value is a forecast, not a result. */
export const FORECAST_RE = /预计|力争|预估|估计|争取/;
/** 1-10月, 1－11月, 1至10月, 截至10月, 截止11月底. Group 2 = the last month. */
export const PARTIAL_YEAR_RE =
  /(?:(?:\d{4}\s*年\s*)?(\d{1,2})\s*[-~—–―至到]\s*(\d{1,2})\s*月份?)|(?:截[至止]\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月(?:底|末)?)/;
