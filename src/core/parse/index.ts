/**
 * The value parser (domain.md §5): 年度指标值 / 实际完成值 cells into a comparator, a normalised number and a
 * unit (./value.ts), with its comparators and direction (./comparators.ts), units (./units.ts) and the
 * text side — placeholders, qualitative phrases, forecasts (./text.ts).
 */
export type { Comparator, ParsedValue, ParseOptions } from "./types";
export { parseValue } from "./value";
export { inferDirection } from "./comparators";
export { isKnownUnit, unitsDiffer } from "./units";
export { QUALITATIVE_KEYWORDS, normalizeText } from "./text";
