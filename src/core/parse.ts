/**
 * Parsing of 年度指标值 / 实际完成值 cells (domain.md §5): "≥95%", "≤27.6万元", "6户以上", "9月前",
 * "40多家", "按时完成", "/" … into a comparator, a normalised number and a unit.
 * Never throws: odd input gives kind "unparsed".
 */
import type { CellValue } from "./grid";
import { cleanFloat } from "./numbers";

export type Comparator = ">=" | "<=" | "=";

export interface ParsedValue {
  kind: "number" | "qualitative" | "placeholder" | "empty" | "unparsed";
  /** From ≥ ≧ >= ＞＝ 不低于 不少于 至少 以上 → ">="; ≤ ≦ 不高于 不超过 控制在 以内 以下 → "<="; ＝ ﹦ = 等于 → "=". */
  comparator: Comparator | null;
  /** Normalised: percentages as fractions (95% → 0.95); money in 万元 (亿元 × 10000, 元 ÷ 10000). */
  value: number | null;
  /** Normalised unit: "%", "万元", "家", "人次", "个", "天", "户", "月" …; null when none. */
  unit: string | null;
  isPercent: boolean;
  /** 多 / 余 / 超过 / 以上 written on the number: "at least". */
  atLeast: boolean;
  /** 预计 / 力争, or a partial year such as 1-10月. */
  forecast: boolean;
  /** The unit was 元 and the value was divided by 10000 (the check warns). */
  yuanConverted: boolean;
  /** The original text. */
  text: string;
  /** The unit as written before normalisation ("亿元", "元", "百分比", "%"); null when none. */
  rawUnit?: string | null;
  /** The unit was taken from the partner value (the actual had none). */
  unitFromPartner?: boolean;
}

export interface ParseOptions {
  /** The cell's number format shows a percentage (0.95 displayed as 95%). */
  percentFormat?: boolean;
  /** The other value of the pair (the target when parsing the actual): lends its unit when this one has none. */
  partner?: ParsedValue | null;
}

// ───────────────────────────── vocabularies ─────────────────────────────

/** Cells that mean "not applicable": not scored, not missing. */
const PLACEHOLDER_RE = /^(?:[/\\—–\-_~―─－]+|无|暂无|空|一|不适用|n\/?a)$/i;

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

/** Units, longest first within overlapping spellings. `norm` is the normalised unit. */
interface UnitDef {
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

const FORECAST_RE = /预计|力争|预估|估计|争取/;
/** 1-10月, 1－11月, 1至10月, 截至10月, 截止11月底. Group 2 = the last month. */
const PARTIAL_YEAR_RE =
  /(?:(?:\d{4}\s*年\s*)?(\d{1,2})\s*[-~—–―至到]\s*(\d{1,2})\s*月份?)|(?:截[至止]\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月(?:底|末)?)/;

/**
 * A number with optional thousands separators, decimals and an exponent ("1e-7", "2.5E3": read whole, so
 * the exponent's digits are never taken for the value).
 */
const NUMBER_RE = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?(?:[eE][+-]?\d+)?/g;

// ───────────────────────────── helpers ─────────────────────────────

function emptyResult(kind: ParsedValue["kind"], text: string): ParsedValue {
  return {
    kind,
    comparator: null,
    value: null,
    unit: null,
    isPercent: false,
    atLeast: false,
    forecast: false,
    yuanConverted: false,
    text,
    rawUnit: null,
  };
}

function isCellValue(input: unknown): input is CellValue {
  return typeof input === "object" && input !== null && "kind" in input;
}

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
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function detectComparator(
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

/** Reads a unit at the start of `s`; returns it and the length consumed. */
function readUnit(s: string): { def: UnitDef; length: number } | null {
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
function applyPartnerUnit(
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

// ───────────────────────────── main parser ─────────────────────────────

/**
 * Parses a target or actual cell (or its text). `partner` is the target when parsing the actual:
 * a bare number takes its unit ("100" under "﹦100 %" → 100%).
 */
export function parseValue(
  input: CellValue | string | number | null | undefined,
  opts?: ParseOptions,
): ParsedValue {
  try {
    const result = parseValueUnsafe(input, opts);
    // A unit factor can overflow a huge number ("9e305亿元", 1.7e304 under a 亿元 target): no number then.
    if (result.kind === "number" && (result.value === null || !Number.isFinite(result.value)))
      return emptyResult("unparsed", result.text);
    return result;
  } catch {
    const text = typeof input === "string" ? input : "";
    return emptyResult("unparsed", text);
  }
}

function parseValueUnsafe(
  input: CellValue | string | number | null | undefined,
  opts?: ParseOptions,
): ParsedValue {
  const partner = opts?.partner ?? null;
  if (input === null || input === undefined) return emptyResult("empty", "");
  if (typeof input === "number") return parseNumber(input, opts);
  if (isCellValue(input)) {
    switch (input.kind) {
      case "empty":
        return emptyResult("empty", "");
      case "number":
        return parseNumber(input.value, opts);
      case "text":
        return parseText(String(input.value ?? ""), partner);
      case "boolean":
        return emptyResult("unparsed", input.value ? "TRUE" : "FALSE");
      case "error":
        return emptyResult("unparsed", String(input.value ?? ""));
      case "date":
        return emptyResult("unparsed", String(input.serial ?? ""));
      default:
        return emptyResult("unparsed", "");
    }
  }
  if (typeof input === "string") return parseText(input, partner);
  return emptyResult("unparsed", "");
}

function parseNumber(n: number, opts?: ParseOptions): ParsedValue {
  const text = String(n);
  if (typeof n !== "number" || !Number.isFinite(n)) return emptyResult("unparsed", text);
  const result = emptyResult("number", text);
  if (opts?.percentFormat) {
    result.value = n;
    result.unit = "%";
    result.rawUnit = "%";
    result.isPercent = true;
    return result;
  }
  return applyPartnerUnit(result, n, opts?.partner);
}

/**
 * What a text says on its own, before the partner's unit is applied: the result, and the bare number
 * when the text has no unit (the partner then decides the unit, see applyPartnerUnit).
 */
interface TextScan {
  result: Readonly<ParsedValue>;
  bare: number | null;
}

/**
 * scanText() results by text. Targets and actuals repeat ("/", "100%", "≥95%", "按时完成") within a form and
 * across a batch, so each distinct text is scanned once. Entries are never handed out: parseText copies
 * the result. Emptied when it reaches TEXT_CACHE_LIMIT entries, so memory stays bounded.
 */
const textCache = new Map<string, TextScan>();
const TEXT_CACHE_LIMIT = 20000;

function parseText(original: string, partner: ParsedValue | null): ParsedValue {
  let scan = textCache.get(original);
  if (scan === undefined) {
    scan = scanText(original);
    if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
    textCache.set(original, scan);
  }
  const result: ParsedValue = { ...scan.result };
  // A percent sign before the number is rare but seen ("%95"): ignore; no unit → partner's unit.
  return scan.bare === null ? result : applyPartnerUnit(result, scan.bare, partner);
}

function scanText(original: string): TextScan {
  const text = original;
  let s = normalizeText(original);
  if (s === "") return { result: emptyResult("empty", text), bare: null };
  const compact = squeeze(s);
  if (PLACEHOLDER_RE.test(compact)) return { result: emptyResult("placeholder", text), bare: null };

  let forecast = FORECAST_RE.test(compact);

  // Partial year ("1-10月"): a forecast unless it runs to December; removed before reading numbers.
  const partial = PARTIAL_YEAR_RE.exec(s);
  if (partial) {
    const lastMonth = Number(partial[2] ?? partial[3]);
    if (lastMonth < 12) forecast = true;
    s = (s.slice(0, partial.index) + " " + s.slice(partial.index + partial[0].length)).trim();
  }

  // Collect number tokens.
  const tokens: { index: number; end: number; raw: string; value: number }[] = [];
  NUMBER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER_RE.exec(s)) !== null) {
    const raw = m[0];
    const value = Number(raw.includes(",") ? raw.replace(/,/g, "") : raw);
    if (Number.isFinite(value)) tokens.push({ index: m.index, end: m.index + raw.length, raw, value });
  }

  if (tokens.length === 0) {
    const result = emptyResult(isQualitative(compact) ? "qualitative" : "unparsed", text);
    result.forecast = forecast;
    return { result, bare: null };
  }

  // A year ("2022年") is context, not the value, when another number follows.
  let token = tokens[0];
  if (tokens.length > 1) {
    const nonYear = tokens.find((t) => !(/^\d{4}$/.test(t.raw) && /^\s*年/.test(s.slice(t.end))));
    if (nonYear) token = nonYear;
  }

  let n = token.value;
  const before = s.slice(0, token.index);
  // A sign directly before the number ("-5%", "≤-2%").
  const signMatch = /([+-])\s*$/.exec(before);
  let beforeForComparator = before;
  if (signMatch && !/\d\s*[+-]\s*$/.test(before)) {
    if (signMatch[1] === "-") n = -n;
    beforeForComparator = before.slice(0, signMatch.index);
  }

  let rest = s.slice(token.end).replace(/^\s+/, "");
  // 40多家 / 800余人次: 多/余 between the number and the unit.
  let atLeastInside = false;
  const approx = /^(多|余)\s*/.exec(rest);
  if (approx) {
    atLeastInside = true;
    rest = rest.slice(approx[0].length);
  }
  const unitHit = readUnit(rest);
  const after = unitHit ? rest.slice(unitHit.length) : rest;
  const detected = detectComparator(beforeForComparator, after);
  let comparator = detected.comparator;
  let atLeast = detected.atLeast;
  // The word may close the whole text: "2023年12月31日前", "95%（含）及以上".
  if (comparator === null) {
    if (/(?:以前|之前|前)$/.test(compact) || /(?:以内|之内|以下)$/.test(compact)) comparator = "<=";
    else if (/(?:以上|之上)$/.test(compact)) {
      comparator = ">=";
      atLeast = true;
    }
  }

  const result = emptyResult("number", text);
  result.comparator = comparator;
  result.atLeast = atLeast || atLeastInside;
  result.forecast = forecast;

  if (unitHit) {
    const def = unitHit.def;
    result.unit = def.norm;
    result.rawUnit = def.raw;
    result.isPercent = !!def.percent;
    result.yuanConverted = !!def.yuan;
    result.value = def.factor === 1 ? n : cleanFloat(n * def.factor);
    return { result, bare: null };
  }
  return { result, bare: n };
}

function isQualitative(compact: string): boolean {
  if (NOTE_RE.test(compact)) return false;
  return QUALITATIVE_KEYWORDS.some((k) => compact.includes(k));
}

// ───────────────────────────── direction ─────────────────────────────

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
