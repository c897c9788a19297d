/**
 * A small evaluator for the built-in Excel formulas that 转换为普通公式 writes (src/core/portable),
 * written for the tests from Excel's documented behaviour, not from the code under test:
 *
 * - numbers, "text" literals, array constants {1,2;3,4}, cell references (A1, $A$1, Sheet!A1,
 *   'My Sheet'!A1) and ranges (A1:B3) read from a map of cells ("A1", or "Sheet!A1" for a qualified one);
 * - operators + − * / ^ and unary −, with Excel's precedence (unary minus binds tighter than ^ in
 *   Excel, as here); comparison = <> < <= > >= for IF; & for text;
 * - a blank cell is 0 in arithmetic; text in arithmetic is #VALUE!; x/0 is #DIV/0!; an error argument
 *   propagates;
 * - functions: IF, MIN, MAX, SUM (ranges: numbers only, text and blanks ignored; direct arguments
 *   must be numbers), ROUND(x, d) — half away from zero on the value Excel shows, i.e. x taken to 15
 *   significant digits first (Excel: ROUND(2.675, 2) = 2.68 although the double is 2.67499…),
 *   INT (floor), LOOKUP(x, vector, results) — the last entry ≤ x in an ascending vector, #N/A below the first.
 */

export type Value = number | string | boolean | null | { error: string };
export type Cells = Record<string, Value>;

const err = (e: string): { error: string } => ({ error: e });
export const isError = (v: unknown): v is { error: string } =>
  typeof v === "object" && v !== null && "error" in (v as object);

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; v: string }
  | { t: "id"; v: string }
  | { t: "op"; v: string };

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === " ") {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = "";
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          v += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else v += s[j++];
      }
      out.push({ t: "str", v });
      i = j + 1;
      continue;
    }
    const ref =
      /^(?:(?:'(?:[^']|'')+'|[A-Za-z_\u3400-\u9fff][\w\u3400-\u9fff]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![\w(])/.exec(
        s.slice(i),
      );
    if (ref) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?/i.exec(s.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w.]*/.exec(s.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(?:<=|>=|<>|[-+*/^(),{};=<>&%])/.exec(s.slice(i));
    if (!op) throw new Error(`evaluator: unexpected “${s.slice(i, i + 10)}” in ${s}`);
    out.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return out;
}

/** Cell values of a reference (one per cell), by "A1" keys without sheet or $. */
function cellsOf(ref: string, cells: Cells): Value[] {
  const bang = ref.lastIndexOf("!");
  const sheet =
    bang < 0
      ? ""
      : ref
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'");
  const plain = ref.slice(bang + 1).replace(/\$/g, "");
  const [a, b = a] = plain.split(":");
  const pos = (x: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  const [r1, c1] = pos(a);
  const [r2, c2] = pos(b);
  const out: Value[] = [];
  for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++)
    for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) {
      let col = "";
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
        col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
      out.push((sheet ? cells[`${sheet}!${col}${r}`] : cells[`${col}${r}`]) ?? null);
    }
  return out;
}

/** Excel's ROUND: half away from zero on the 15-significant-digit decimal value. */
export function excelRound(x: number, digits: number): number {
  if (x === 0) return 0;
  const shown = Number(Math.abs(x).toPrecision(15));
  const [mant, exp = "0"] = shown.toExponential().split("e");
  const scaled = Number(`${mant}e${Number(exp) + digits}`);
  const r = Number(`${Math.round(scaled)}e${-digits}`);
  return x < 0 ? -r : r === 0 ? 0 : r;
}

type Arg = { value: Value; range?: Value[] | Value[][] };

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Token[],
    private readonly cells: Cells,
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.i !== this.toks.length) throw new Error("evaluator: trailing tokens");
    return v.value;
  }

  private peek(v?: string): boolean {
    const t = this.toks[this.i];
    return !!t && t.t === "op" && (v === undefined || t.v === v);
  }

  private expect(v: string): void {
    if (!this.peek(v)) throw new Error(`evaluator: expected ${v}`);
    this.i++;
  }

  private comparison(): Arg {
    let left = this.concat();
    while (
      this.peek() &&
      ["=", "<>", "<", "<=", ">", ">="].includes((this.toks[this.i] as { v: string }).v)
    ) {
      const op = (this.toks[this.i++] as { v: string }).v;
      const right = this.concat();
      const a = left.value;
      const b = right.value;
      if (isError(a)) return left;
      if (isError(b)) return right;
      const x = a ?? 0;
      const y = b ?? 0;
      const cmp = x === y ? 0 : (x as number) < (y as number) ? -1 : 1;
      const r = {
        "=": cmp === 0,
        "<>": cmp !== 0,
        "<": cmp < 0,
        "<=": cmp <= 0,
        ">": cmp > 0,
        ">=": cmp >= 0,
      }[op]!;
      left = { value: r };
    }
    return left;
  }

  private concat(): Arg {
    let left = this.additive();
    while (this.peek("&")) {
      this.i++;
      const right = this.additive();
      left = { value: `${String(left.value ?? "")}${String(right.value ?? "")}` };
    }
    return left;
  }

  private arith(a: Value, b: Value, f: (x: number, y: number) => Value): Value {
    if (isError(a)) return a;
    if (isError(b)) return b;
    const x = a === null ? 0 : a;
    const y = b === null ? 0 : b;
    if (typeof x !== "number" || typeof y !== "number") return err("#VALUE!");
    return f(x, y);
  }

  private additive(): Arg {
    let left = this.multiplicative();
    while (this.peek("+") || this.peek("-")) {
      const op = (this.toks[this.i++] as { v: string }).v;
      const right = this.multiplicative();
      left = { value: this.arith(left.value, right.value, (x, y) => (op === "+" ? x + y : x - y)) };
    }
    return left;
  }

  private multiplicative(): Arg {
    let left = this.power();
    while (this.peek("*") || this.peek("/")) {
      const op = (this.toks[this.i++] as { v: string }).v;
      const right = this.power();
      left = {
        value: this.arith(left.value, right.value, (x, y) =>
          op === "*" ? x * y : y === 0 ? err("#DIV/0!") : x / y,
        ),
      };
    }
    return left;
  }

  private power(): Arg {
    const left = this.unary();
    if (this.peek("^")) {
      this.i++;
      const right = this.power();
      return { value: this.arith(left.value, right.value, (x, y) => x ** y) };
    }
    return left;
  }

  private unary(): Arg {
    if (this.peek("-")) {
      this.i++;
      const v = this.unary();
      return { value: this.arith(0, v.value, (_x, y) => -y) };
    }
    if (this.peek("+")) {
      this.i++;
      return this.unary();
    }
    const p = this.primary();
    if (this.peek("%")) {
      this.i++;
      return { value: this.arith(p.value, 100, (x, y) => x / y) };
    }
    return p;
  }

  private primary(): Arg {
    const t = this.toks[this.i++];
    if (!t) throw new Error("evaluator: unexpected end");
    if (t.t === "num") return { value: t.v };
    if (t.t === "str") return { value: t.v };
    if (t.t === "ref") {
      const vs = cellsOf(t.v, this.cells);
      return { value: vs.length === 1 ? vs[0] : err("#VALUE!"), range: vs };
    }
    if (t.t === "op" && t.v === "(") {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (t.t === "op" && t.v === "{") {
      const rows: Value[][] = [[]];
      for (;;) {
        const neg = this.peek("-") ? (this.i++, -1) : 1;
        const e = this.toks[this.i++];
        rows[rows.length - 1].push(e.t === "num" ? neg * e.v : e.t === "str" ? e.v : err("#VALUE!"));
        if (this.peek(",")) this.i++;
        else if (this.peek(";")) {
          this.i++;
          rows.push([]);
        } else break;
      }
      this.expect("}");
      return { value: rows[0][0], range: rows };
    }
    if (t.t === "id") {
      if (t.v === "TRUE" || t.v === "FALSE") return { value: t.v === "TRUE" };
      this.expect("(");
      const args: Arg[] = [];
      if (!this.peek(")")) {
        for (;;) {
          args.push(this.comparison());
          if (this.peek(",")) this.i++;
          else break;
        }
      }
      this.expect(")");
      return { value: call(t.v, args) };
    }
    throw new Error(`evaluator: unexpected token ${JSON.stringify(t)}`);
  }
}

const flat = (a: Arg): Value[] => (a.range ? (a.range as Value[]).flat() : [a.value]);

/** Numbers of aggregate arguments: from ranges numbers only; direct arguments must be numbers. */
function numbersOf(args: Arg[]): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    if (a.range) {
      for (const v of flat(a)) {
        if (isError(v)) return v;
        if (typeof v === "number") out.push(v);
      }
    } else {
      const v = a.value;
      if (isError(v)) return v;
      if (typeof v === "number") out.push(v);
      else if (v === null) out.push(0);
      else return err("#VALUE!");
    }
  }
  return out;
}

function num(a: Arg): number | { error: string } {
  const v = a.value;
  if (isError(v)) return v;
  if (v === null) return 0;
  return typeof v === "number" ? v : err("#VALUE!");
}

function call(name: string, args: Arg[]): Value {
  switch (name) {
    case "IF": {
      const c = args[0].value;
      if (isError(c)) return c;
      return c && c !== 0 ? args[1].value : (args[2]?.value ?? false);
    }
    case "MIN":
    case "MAX":
    case "SUM": {
      const ns = numbersOf(args);
      if (isError(ns)) return ns;
      if (name === "SUM") return ns.reduce((s, x) => s + x, 0);
      if (ns.length === 0) return 0;
      return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
    }
    case "ROUND": {
      const x = num(args[0]);
      const d = num(args[1]);
      if (isError(x)) return x;
      if (isError(d)) return d;
      return excelRound(x, Math.trunc(d));
    }
    case "INT": {
      const x = num(args[0]);
      return isError(x) ? x : Math.floor(x);
    }
    case "LOOKUP": {
      const x = num(args[0]);
      if (isError(x)) return x;
      const keys = flat(args[1]) as number[];
      const results = flat(args[2]);
      let at = -1;
      for (let i = 0; i < keys.length; i++) if (keys[i] <= x) at = i;
      return at < 0 ? err("#N/A") : results[at];
    }
    default:
      throw new Error(`evaluator: function ${name} not supported`);
  }
}

/** Evaluates a formula (with or without "=") over `cells` ("A1" → value). */
export function evaluate(formula: string, cells: Cells = {}): Value {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  return new Parser(tokenize(f), cells).parse();
}
