/**
 * Units of 年度指标值 / 实际完成值 (domain.md §5): the spellings and their normalised unit and factor (% → a
 * fraction, 亿元/元 → 万元), reading a unit after a number, and a bare number taking its partner's unit.
 */
import { cleanFloat } from "../numbers";
import type { ParsedValue } from "./types";

/** Units, longest first within overlapping spellings. `norm` is the normalised unit. */
export interface UnitDef {
  raw: string;
  norm: string;
  /** Multiplier to the normalised unit. */
  factor: number;
  percent?: boolean;
  yuan?: boolean;
}

const UNIT_DEFS: UnitDef[] = [
  { raw: "%", norm: "%", factor: 0.01, percent: true },
  { raw: "‰", norm: "%", factor: 0.001, percent: true },
  { raw: "百分比", norm: "%", factor: 0.01, percent: true },
  { raw: "个百分点", norm: "%", factor: 0.01, percent: true },
  { raw: "百分点", norm: "%", factor: 0.01, percent: true },
  { raw: "亿元", norm: "万元", factor: 10000 },
  { raw: "万元", norm: "万元", factor: 1 },
  { raw: "千元", norm: "万元", factor: 0.1, yuan: true },
  { raw: "元", norm: "万元", factor: 0.0001, yuan: true },
  { raw: "万人次", norm: "万人次", factor: 1 },
  { raw: "人次", norm: "人次", factor: 1 },
  { raw: "万人", norm: "万人", factor: 1 },
  { raw: "人", norm: "人", factor: 1 },
  { raw: "名", norm: "名", factor: 1 },
  { raw: "户次", norm: "户次", factor: 1 },
  { raw: "万户", norm: "万户", factor: 1 },
  { raw: "户", norm: "户", factor: 1 },
  { raw: "家", norm: "家", factor: 1 },
  { raw: "个", norm: "个", factor: 1 },
  { raw: "项", norm: "项", factor: 1 },
  { raw: "件", norm: "件", factor: 1 },
  { raw: "次", norm: "次", factor: 1 },
  { raw: "场", norm: "场", factor: 1 },
  { raw: "期", norm: "期", factor: 1 },
  { raw: "批", norm: "批", factor: 1 },
  { raw: "篇", norm: "篇", factor: 1 },
  { raw: "份", norm: "份", factor: 1 },
  { raw: "册", norm: "册", factor: 1 },
  { raw: "本", norm: "本", factor: 1 },
  { raw: "条", norm: "条", factor: 1 },
  { raw: "所", norm: "所", factor: 1 },
  { raw: "座", norm: "座", factor: 1 },
  { raw: "处", norm: "处", factor: 1 },
  { raw: "台", norm: "台", factor: 1 },
  { raw: "套", norm: "套", factor: 1 },
  { raw: "辆", norm: "辆", factor: 1 },
  { raw: "株", norm: "株", factor: 1 },
  { raw: "头", norm: "头", factor: 1 },
  { raw: "只", norm: "只", factor: 1 },
  { raw: "宗", norm: "宗", factor: 1 },
  { raw: "起", norm: "起", factor: 1 },
  { raw: "村", norm: "村", factor: 1 },
  { raw: "所学校", norm: "所", factor: 1 },
  { raw: "工作日", norm: "工作日", factor: 1 },
  { raw: "小时", norm: "小时", factor: 1 },
  { raw: "分钟", norm: "分钟", factor: 1 },
  { raw: "天", norm: "天", factor: 1 },
  { raw: "日", norm: "日", factor: 1 },
  { raw: "周", norm: "周", factor: 1 },
  { raw: "个月", norm: "月", factor: 1 },
  { raw: "月", norm: "月", factor: 1 },
  { raw: "季度", norm: "季度", factor: 1 },
  { raw: "年", norm: "年", factor: 1 },
  { raw: "平方公里", norm: "平方公里", factor: 1 },
  { raw: "平方米", norm: "平方米", factor: 1 },
  { raw: "m2", norm: "平方米", factor: 1 },
  { raw: "公里", norm: "公里", factor: 1 },
  { raw: "千米", norm: "公里", factor: 1 },
  { raw: "km", norm: "公里", factor: 1 },
  { raw: "米", norm: "米", factor: 1 },
  { raw: "万亩", norm: "万亩", factor: 1 },
  { raw: "亩", norm: "亩", factor: 1 },
  { raw: "公顷", norm: "公顷", factor: 1 },
  { raw: "万吨", norm: "万吨", factor: 1 },
  { raw: "吨", norm: "吨", factor: 1 },
  { raw: "公斤", norm: "公斤", factor: 1 },
  { raw: "千克", norm: "公斤", factor: 1 },
  { raw: "kg", norm: "公斤", factor: 1 },
  { raw: "万千瓦", norm: "万千瓦", factor: 1 },
  { raw: "千瓦", norm: "千瓦", factor: 1 },
  { raw: "立方米", norm: "立方米", factor: 1 },
  { raw: "分", norm: "分", factor: 1 },
  { raw: "倍", norm: "倍", factor: 1 },
  { raw: "万", norm: "万", factor: 1 },
];
// Longest spelling first so "万元" wins over "万", "人次" over "人", "个百分点" over "个".
const UNITS_BY_LENGTH = [...UNIT_DEFS].sort((a, b) => b.raw.length - a.raw.length);

/**
 * UNITS_BY_LENGTH bucketed by the first UTF-16 unit of the lower-cased spelling (order kept), so a unit is
 * read by comparing against the few spellings that can match instead of all of them.
 */
const UNITS_BY_FIRST_CHAR: ReadonlyMap<string, readonly { def: UnitDef; lower: string }[]> = (() => {
  const map = new Map<string, { def: UnitDef; lower: string }[]>();
  for (const def of UNITS_BY_LENGTH) {
    const lower = def.raw.toLowerCase();
    const list = map.get(lower[0]);
    if (list) list.push({ def, lower });
    else map.set(lower[0], [{ def, lower }]);
  }
  return map;
})();

/** Reads a unit at the start of `s`; returns it and the length consumed. */
export function readUnit(s: string): { def: UnitDef; length: number } | null {
  if (s === "") return null;
  const lower = s.toLowerCase();
  const candidates = UNITS_BY_FIRST_CHAR.get(lower[0]);
  if (!candidates) return null;
  for (const c of candidates) {
    if (lower.startsWith(c.lower)) return { def: c.def, length: c.def.raw.length };
  }
  return null;
}

/** Picks fraction-vs-percent-points for a bare number under a percentage partner: the closer one wins. */
function bareToFraction(n: number, partnerValue: number | null): number {
  const asPoints = cleanFloat(n / 100);
  if (Math.abs(n) > 1.5 || partnerValue === null || !Number.isFinite(partnerValue) || partnerValue <= 0)
    return asPoints;
  if (n <= 0) return asPoints;
  const dist = (x: number) => Math.abs(Math.log(x / partnerValue));
  return dist(n) < dist(asPoints) ? n : asPoints;
}

/** Applies the partner's unit to a number written without one. */
export function applyPartnerUnit(
  result: ParsedValue,
  n: number,
  partner: ParsedValue | null | undefined,
): ParsedValue {
  if (!partner || partner.kind !== "number" || partner.unit === null) {
    result.value = n;
    return result;
  }
  result.unitFromPartner = true;
  result.unit = partner.unit;
  result.rawUnit = partner.rawUnit ?? partner.unit;
  if (partner.isPercent) {
    result.isPercent = true;
    result.value = bareToFraction(n, partner.value);
  } else if (partner.yuanConverted) {
    const def =
      UNIT_DEFS.find((u) => u.raw === partner.rawUnit && u.yuan) ?? UNIT_DEFS.find((u) => u.raw === "元")!;
    result.value = cleanFloat(n * def.factor);
    result.yuanConverted = true;
  } else if (partner.rawUnit === "亿元") {
    result.value = cleanFloat(n * 10000);
  } else {
    result.value = n;
  }
  return result;
}

/** The canonical unit definition for a normalised unit, for display ("%", "万元", "家" …). */
export function isKnownUnit(unit: string): boolean {
  return UNIT_DEFS.some((u) => u.norm === unit || u.raw === unit);
}

/** True when two parsed values carry units that cannot be compared (e.g. "%" vs "家"). */
export function unitsDiffer(a: ParsedValue, b: ParsedValue): boolean {
  if (a.kind !== "number" || b.kind !== "number") return false;
  if (a.unit === null || b.unit === null) return false;
  return a.unit !== b.unit;
}
