/**
 * Parsing of 年度指标值 / 实际完成值 cells (domain.md §5): "≥95%", "≤27.6万元", "6户以上", "9月前",
 * "40多家", "按时完成", "/" … into a comparator, a normalised number and a unit.
 * Never throws: odd input gives kind "unparsed". The number and its place in the text are read here; the
 * words around it by ./comparators.ts, its unit by ./units.ts, a text without a number by ./text.ts.
 */
import type { CellValue } from "../grid";
import { cleanFloat } from "../numbers";
import { detectComparator } from "./comparators";
import { FORECAST_RE, PARTIAL_YEAR_RE, PLACEHOLDER_RE, isQualitative, normalizeText, squeeze } from "./text";
import type { ParsedValue, ParseOptions } from "./types";
import { applyPartnerUnit, readUnit } from "./units";

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
