/**
 * YEAR_MISMATCH, narrowed to the form's own period being misstated (issue 13): a year other than the
 * form's in the title or an indicator's name, or attached to what this form reports on — its 自评 score, budget and execution
 * figures (预算数, 执行数, 执行率 …), its 整体支出, its reporting-period dates (1月1日, 12月31日, 1-12月).
 * Everything else a text may say about another year stays quiet: an earlier 决算 published this year,
 * awards granted for an earlier year (获得2022年…激励), funds allocated under an earlier year's document,
 * comparisons (较2021年), plans for next year (2024年将…), the date the report was written.
 */

/** What this form itself reports on, when it follows the year in the same clause. */
const PERIOD_NOUNS =
  /自评|得分|整体支出|部门预算|预算数|预算执行|执行数|执行率|年初预算|全年预算|资金总额|预算收入|收入预算|预算情况|项目支出|基本支出|绩效评价报告|支出绩效/;
/** An earlier year's 决算 may be (and must be) published during this year. */
const CLOSED_ACCOUNTS = /决算/;
/** Awards and titles granted for a year: 获得2022年…激励, 被评为2022年度…. */
const AWARD_BEFORE = /(?:获得|荣获|获评|被评为|评为|授予|入选)[“"《]?$/;
/** Reporting-period dates: 2022年1月1日, 2022年12月31日, 2022年1-12月, 2022年1月至12月. */
const PERIOD_DATE =
  /^度?\s*(?:1\s*月\s*1\s*日|12\s*月\s*31\s*日|1\s*[-－—–~～至到]\s*12\s*月|1\s*月\s*[-－—–~～至到]\s*12\s*月)/;
/** The year's own results: 2022年完成…, 2022年度全年实现…. */
const RESULT_AFTER = /^度?\s*(?:全年|共|累计)?(?:完成|实现)/;
/** Plans and comparisons: 将, 计划, 较2021年, 同比. */
const PLAN_WORDS = /下一步|下年|明年|将|计划|拟|确保|继续|力争/;
const COMPARE_BEFORE = /(?:较|比|同比|上年|去年|与)\s*$/;
/** A clause ends at these. */
const CLAUSE_END = /[，,。；;！!？?\n]/;

const YEAR_RE = /(20\d{2})\s*年/g;

export interface YearHit {
  year: number;
  /** The clause around the year, for the message. */
  clause: string;
}

/**
 * The first year in `text` (NFKC-normalised by the caller) that misstates the form's period, or null.
 * `title`: the text is the form's title or an indicator's name (any other year there is a misstatement).
 */
export function misstatedYear(text: string, formYear: number, title = false): YearHit | null {
  YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RE.exec(text)) !== null) {
    const year = Number(m[1]);
    if (year === formYear) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    let clauseEnd = end;
    while (clauseEnd < text.length && clauseEnd - end < 40 && !CLAUSE_END.test(text[clauseEnd])) clauseEnd++;
    if (clauseEnd - end < 2 && clauseEnd < text.length) {
      // "2023年，本部门收入预算…": the year heads the sentence; its clause is the next one.
      clauseEnd++;
      while (clauseEnd < text.length && clauseEnd - end < 40 && !CLAUSE_END.test(text[clauseEnd]))
        clauseEnd++;
    }
    let clauseStart = start;
    while (clauseStart > 0 && start - clauseStart < 30 && !CLAUSE_END.test(text[clauseStart - 1]))
      clauseStart--;
    const after = text.slice(end, clauseEnd);
    const before = text.slice(Math.max(clauseStart, start - 8), start);
    const clause = text.slice(clauseStart, clauseEnd);
    if (title) return { year, clause };
    if (PERIOD_DATE.test(after)) return { year, clause };
    if (CLOSED_ACCOUNTS.test(after)) continue;
    if (AWARD_BEFORE.test(before) || COMPARE_BEFORE.test(before)) continue;
    if (year > formYear && PLAN_WORDS.test(clause)) continue;
    if (PERIOD_NOUNS.test(after) || RESULT_AFTER.test(after)) return { year, clause };
  }
  return null;
}
