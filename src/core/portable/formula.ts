/**
 * Just enough of Excel's formula grammar to find the add-in's `JX.*` calls in a formula and take
 * their arguments apart: string literals ("…", "" escapes), quoted sheet names ('…'), array constants
 * ({…}) and nested parentheses are respected; nothing is evaluated.
 *
 * How a JX call is spelled depends on who wrote the text:
 * - in the .xlsx file (what ExcelJS and the CLI read): `_xldudf_JX_EXECRATE(F7,E7)`;
 * - Excel's range.formulas with the add-in loaded: `JX.EXECRATE(F7,E7)`;
 * - a Chinese Excel's formulasLocal: `JX.执行率(F7,E7)`.
 * All three are recognised; the id is resolved by jxId (names.ts), old names included.
 */
import { jxId } from "./names";

/** One JX call in a formula: [start, end) covers the name through the closing parenthesis. */
export interface JxCall {
  /** Function id (EXECRATE, RATIO …), or null when the name is JX.* but not one of ours. */
  id: string | null;
  /** The name as written ("_xldudf_JX_EXECRATE", "JX.执行率"). */
  name: string;
  start: number;
  end: number;
  /** Argument texts, trimmed; "" for an omitted argument (f(a,,b)). */
  args: string[];
}

const NAME_START = /[A-Za-z_\u3400-\u9fff]/;
const NAME_PART = /[A-Za-z0-9_.\u3400-\u9fff]/;
/** The JX prefix as stored in a file or shown by Excel. */
const JX_NAME = /^(?:_xldudf_JX_|JX\.)(.+)$/i;

/** Index just past a quoted run starting at `i` (quote char at s[i]); doubled quotes are escapes. */
function skipQuoted(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length;) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(s, i);
      continue;
    }
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

/** Splits an argument list on its top-level commas. */
export function splitArgs(text: string): string[] {
  if (text.trim() === "") return [];
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(text.slice(from, i).trim());
      from = i + 1;
    }
    i++;
  }
  out.push(text.slice(from).trim());
  return out;
}

/** The outermost JX calls of a formula (calls nested in their arguments are not listed), left to right. */
export function findJxCalls(formula: string): JxCall[] {
  const s = formula.startsWith("=") ? formula.slice(1) : formula;
  const offset = formula.length - s.length;
  const out: JxCall[] = [];
  for (let i = 0; i < s.length;) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = skipQuoted(s, i);
      continue;
    }
    if (NAME_START.test(c) && (i === 0 || !NAME_PART.test(s[i - 1]))) {
      let j = i + 1;
      while (j < s.length && NAME_PART.test(s[j])) j++;
      const name = s.slice(i, j);
      const m = JX_NAME.exec(name);
      if (m && s[j] === "(") {
        const close = closing(s, j);
        if (close < 0) break; // unbalanced: not a formula we can take apart
        out.push({
          id: jxId(m[1]),
          name,
          start: i + offset,
          end: close + 1 + offset,
          args: splitArgs(s.slice(j + 1, close)),
        });
        i = close + 1;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

/** True when the formula calls a JX function (ours or not) outside string literals. */
export function hasJxCall(formula: string): boolean {
  return findJxCalls(formula).length > 0;
}
