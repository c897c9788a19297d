/**
 * FIGURE_CONFLICT (warning): one named quantity with two different figures on the same form — an
 * indicator row's 实际完成值 against the same quantity written in the 年度总体目标 实际完成情况 text or in
 * another row's text (seed 000: 技术合同成交额 5.3亿元 in its row, "完成技术合同交易额9.43亿元" in the
 * report; 规模工业总产值 126.8亿元 vs "占工业总产值（124亿元）"). Units are normalised (亿元 → 万元); a
 * figure marked 预计 or 1-11月 on one side explains the difference, and the message names it.
 */
import { a1 } from "../grid";
import type { CellRef } from "../grid";
import { MSG } from "../messages";
import type { FormField } from "../model";
import { fieldText, rowLabel } from "../read";
import type { IndicatorInfo } from "../read";
import type { CheckContext } from "./context";
import { forecastInText } from "./plausibility";

/** A figure written in a text: what precedes it, its value in a comparable unit, and its unit class. */
export interface TextFigure {
  /** The words right before the number ("完成技术合同交易额"). */
  phrase: string;
  /** Money in 万元, percentages as fractions, counts as written. */
  value: number;
  /** "万元" for money, "%" for percentages, else the count unit (家, 个, 项 …). */
  unit: string;
  /** The number with its unit as written ("9.43亿元"). */
  shown: string;
  /** The clause holding the figure, for the message. */
  clause: string;
  /** 预计 / 1-11月 written in the clause, else null. */
  qualifier: string | null;
}

const FIGURE_RE = /(\d+(?:\.\d+)?)\s*(亿元|万元|亿|元|家|个|项|件|名|人次|户|人|%)/g;
const CLAUSE_END = /[，,。；;！!？?\n]/;
/** A figure that is a target or a plan, not a result. */
const TARGET_WORDS = /任务|目标|计划|预算|指标值|不低于|不少于|力争达到/;
/** Verbs and fillers in front of a quantity's name. */
const LEADING = /^(?:.*?(?:完成|实现|达到|达|占|其中|全年|累计|共|新|为))+/;
/** Spellings of one quantity. */
const SYNONYMS: [RegExp, string][] = [
  [/交易额/g, "成交额"],
  [/固投/g, "固定资产投资"],
  [/规上/g, "规模以上"],
];

function normaliseName(s: string): string {
  let t = s.normalize("NFKC").replace(/[\s“”"'‘’《》（）()【】[\]]/g, "");
  for (const [re, to] of SYNONYMS) t = t.replace(re, to);
  return t.replace(/(?:数量|总数|情况|数)$/, "");
}

function unitOf(raw: string): { unit: string; factor: number } {
  switch (raw) {
    case "亿元":
    case "亿":
      return { unit: "万元", factor: 10000 };
    case "万元":
      return { unit: "万元", factor: 1 };
    case "元":
      return { unit: "万元", factor: 1 / 10000 };
    case "%":
      return { unit: "%", factor: 0.01 };
    default:
      return { unit: raw, factor: 1 };
  }
}

/** Every figure with a unit in a text, with the words before it. */
export function figuresInText(text: string): TextFigure[] {
  const s = text.normalize("NFKC");
  const out: TextFigure[] = [];
  FIGURE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE_RE.exec(s)) !== null) {
    let start = m.index;
    let end = start + m[0].length;
    while (start > 0 && !CLAUSE_END.test(s[start - 1])) start--;
    while (end < s.length && !CLAUSE_END.test(s[end])) end++;
    const clause = s.slice(start, end).trim();
    // The words before the number, past one opening bracket ("工业总产值（124亿元）").
    const before = s.slice(start, m.index).replace(/[（(]\s*$/, "");
    const phrase = /[\p{Script=Han}A-Za-z“”"]+$/u.exec(before)?.[0] ?? "";
    if (phrase === "") continue;
    const { unit, factor } = unitOf(m[2]);
    out.push({
      phrase,
      value: Number(m[1]) * factor,
      unit,
      shown: m[0].replace(/\s+/g, ""),
      clause,
      qualifier: forecastInText(clause.slice(0, clause.indexOf(m[0]) + m[0].length)),
    });
  }
  return out;
}

/** A name without verbs and fillers in front, synonyms unified ("完成技术合同交易额" → "技术合同成交额"). */
function quantityKey(name: string): string {
  return normaliseName(name).replace(LEADING, "");
}

/** The phrase names the indicator's quantity: after the verbs, one ends the other (≥ 4 characters). */
export function sameQuantity(phrase: string, indicatorName: string): boolean {
  const p = quantityKey(phrase);
  const n = quantityKey(indicatorName);
  if (p.length < 4 || n.length < 4) return false;
  if (TARGET_WORDS.test(phrase)) return false;
  return p === n || p.endsWith(n) || n.endsWith(p);
}

function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 0.005 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9;
}

const MAX_PER_ROW = 3;
const MAX_SCAN = 200;

interface TextCell {
  field: FormField;
  /** Where the text is, for the message: 年度总体目标的实际完成情况 / “X”的偏差原因. */
  where: string;
  /** The indicator row the text belongs to (not compared with itself). */
  owner: IndicatorInfo | null;
}

function rowFigure(i: IndicatorInfo): { value: number; unit: string } | null {
  const a = i.actual;
  if (a.kind !== "number" || a.value === null) return null;
  const unit = a.isPercent ? "%" : a.unit;
  if (!unit) return null;
  return { value: a.value, unit };
}

export function checkFigures(ctx: CheckContext): void {
  const a = ctx.analysis;
  const texts: TextCell[] = [];
  const goal = ctx.form.goals.actual;
  if (goal?.ref) texts.push({ field: goal, where: "年度总体目标的实际完成情况", owner: null });
  for (const i of a.indicators) {
    if (i.row.reason?.ref)
      texts.push({ field: i.row.reason, where: `“${rowLabel(i.row.name)}”的偏差原因`, owner: i });
  }
  // Text figures indexed by unit and the last 4 characters of their quantity's name: two names where one
  // ends the other share them, so each row looks at its few candidates (linear in rows and texts).
  const index = new Map<string, { text: TextCell; figure: TextFigure }[]>();
  for (const text of texts) {
    if (!text.field.ref) continue;
    for (const figure of figuresInText(fieldText(text.field))) {
      const k = quantityKey(figure.phrase);
      if (k.length < 4 || TARGET_WORDS.test(figure.phrase)) continue;
      const key = `${figure.unit}|${k.slice(-4)}`;
      const list = index.get(key);
      if (list) list.push({ text, figure });
      else index.set(key, [{ text, figure }]);
    }
  }
  if (index.size === 0) return;
  for (const i of a.indicators) {
    if (!i.scored || !i.row.actual?.ref) continue;
    const fig = rowFigure(i);
    if (!fig) continue;
    const n = quantityKey(i.bareName);
    if (n.length < 4) continue;
    const target = i.target.kind === "number" ? i.target.value : null;
    const seen = new Set<TextCell>();
    const candidates = index.get(`${fig.unit}|${n.slice(-4)}`) ?? [];
    // At most MAX_PER_ROW findings per row, from the first MAX_SCAN candidates: a sheet repeating one
    // quantity in thousands of texts stays linear and readable.
    for (const { text: t, figure: other } of candidates.slice(0, MAX_SCAN)) {
      if (seen.size >= MAX_PER_ROW) break;
      if (t.owner === i || seen.has(t) || !t.field.ref) continue;
      if (!sameQuantity(other.phrase, i.bareName) || !differ(other.value, fig.value)) continue;
      if (target !== null && !differ(other.value, target)) continue;
      seen.add(t);
      const ref: CellRef = i.row.actual.ref;
      const qualifier = i.actual.forecast ? i.actual.text : other.qualifier;
      ctx.report({
        rule: "FIGURE_CONFLICT",
        ref,
        message: MSG.figureConflict(
          rowLabel(i.row.name),
          i.actual.text,
          a1(ref.row, ref.col),
          t.where,
          a1(t.field.ref.row, t.field.ref.col),
          other.clause,
          other.shown,
          qualifier,
          i.actual.forecast ? "row" : "text",
        ),
        typed: i.actual.text,
        expected: other.shown,
      });
    }
  }
}
