/** What the value parser gives (./value.ts): a comparator, a normalised number and a unit (domain.md §5). */

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
