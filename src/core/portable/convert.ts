/**
 * 转换为普通公式: a formula using the add-in's JX functions → the same formula with built-in Excel
 * functions only, where an exact equivalent exists; otherwise the reason (the cell then keeps its
 * value, see plan.ts). Pure text → text; the host supplies what the referenced cells hold now.
 *
 * Equivalents (w 分值, r 执行率, a/b 分子/分母; "exact" = the same number wherever the JX function
 * returns a number; for a zero denominator Excel's #DIV/0! where the JX function gives #VALUE! with its
 * reason — an error either way; test/portable proves it over
 * generated inputs with a small evaluator):
 *
 * | JX | built-in |
 * |---|---|
 * | EXECRATE, CONTROLRATE, RATIO (RATE), STAFFRATE, ADJUSTRATE, CARRYRATE (a, b) | a/b |
 * | CHANGERATE (c, p) | (c-p)/p |
 * | BUDGETCOMPLETION (ci, i, s, co) | (ci+i+s-co)/(ci+i+s), omitted parts left out |
 * | EXECSCORE proportional (r, w) | MIN(w,ROUND(w*MIN(r,1),2)) |
 * | EXECSCORE step, whole steps (r, w, x, y) | MIN(w,ROUND(MAX(0,w-y*INT(ROUND((1-MIN(r,1))*100/x,10))),2)) |
 * | EXECSCORE step, linear (r, w, x, y) | MIN(w,ROUND(MAX(0,w-y*ROUND((1-MIN(r,1))*100/x,10)),2)) |
 * | DEDUCTION (w, s) | ROUND(w-s,2) |
 * | GRADE (t[, rule]) | LOOKUP(ROUND(t,2),{0,60,80,90},{"差","较差","良","优"}) (the rule's bands) |
 * | SUMSCORES (range) | ROUND(SUM(range),2) |
 *
 * ROUND(…,10) before INT plays the part of the core's cleanFloat (1 − 0.97 = 0.030000000000000027):
 * the step count stays whole where the shortfall is a whole number of steps.
 *
 * No exact equivalent (→ value): INDSCORE (reads "≥95%", "4家", infers the direction from the name),
 * QUALCHECK (a Chinese verdict), PARSEVALUE (reads text), and any call whose number arguments are
 * not plain numbers now — text in a referenced cell ("459.61万元", "8.5分") that JX reads and
 * arithmetic would not, a rule given by reference, or an argument that is itself an unknown expression.
 * Inputs the JX function rejects (negative budget, score above weight) are outside the promise:
 * the built-in formula may then show a number where the JX function showed #VALUE!.
 */
import { getProfile } from "../profiles";
import type { ExecutionRule, RuleProfile } from "../model";
import { findJxCalls } from "./formula";
import { JX_FUNCTIONS } from "./names";

/** What a referenced cell holds now. */
export type RefKind = "number" | "blank" | "text" | "numeric-text" | "other";

export interface ConvertEnv {
  /**
   * The kinds of the cells a reference argument ("F7", "自评表!H14:H23", "$E$8") reads now, one per
   * cell; null when the text is not a reference the host can resolve.
   */
  reference(text: string): RefKind[] | null;
  /** Rule profile used when EXECSCORE / GRADE omit the rule (the add-in's default). */
  defaultProfile: RuleProfile;
}

export type Converted = { ok: true; formula: string } | { ok: false; reason: string };

type ArgClass = "number" | "blank" | "text" | "other";

const NUMBER_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?$/i;
const STRING_LITERAL = /^"(?:[^"]|"")*"$/;
/** A cell or range reference, optionally sheet-qualified ('自评表'!A1, 自评表!H14:H23). */
const REFERENCE = /^(?:(?:'(?:[^']|'')+'|[^\s!(),"{}:]+)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i;

class NotExact extends Error {}

function notExact(reason: string): never {
  throw new NotExact(reason);
}

const unquote = (s: string): string => s.slice(1, -1).replace(/""/g, '"');

/** Wraps an argument in parentheses unless it is atomic (a number, reference or function call). */
function atom(arg: string): string {
  if (NUMBER_LITERAL.test(arg) && !arg.startsWith("-") && !arg.startsWith("+") && !arg.endsWith("%"))
    return arg;
  if (REFERENCE.test(arg)) return arg;
  if (/^[A-Za-z_.]+\((?:.*)\)$/.test(arg) && closesAtEnd(arg)) return arg;
  return `(${arg})`;
}

/** "MIN(a,1)" yes; "MIN(a,1)+MAX(b,2)" no. */
function closesAtEnd(s: string): boolean {
  const open = s.indexOf("(");
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i = s.indexOf('"', i + 1);
      if (i < 0) return false;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i === s.length - 1;
  }
  return false;
}

interface Arg {
  /** The argument with its own JX calls already converted. */
  text: string;
  cls: ArgClass;
}

/** Classifies an (already converted) argument. `numeric` = it was a JX call that returns a number. */
function classify(text: string, env: ConvertEnv, numeric: boolean): ArgClass {
  if (text === "") return "blank";
  if (numeric) return "number";
  if (NUMBER_LITERAL.test(text)) return "number";
  if (STRING_LITERAL.test(text)) return "text";
  if (REFERENCE.test(text)) {
    const kinds = env.reference(text);
    if (!kinds) return "other";
    if (kinds.length === 1)
      return kinds[0] === "number" ? "number" : kinds[0] === "blank" ? "blank" : "other";
    return "other"; // a range where one value is expected
  }
  return "other";
}

/** JX functions whose result is a number (a nested call to one of them is a number argument). */
const NUMERIC_IDS = new Set([
  "EXECRATE",
  "EXECSCORE",
  "INDSCORE",
  "DEDUCTION",
  "CONTROLRATE",
  "CHANGERATE",
  "RATIO",
  "STAFFRATE",
  "ADJUSTRATE",
  "CARRYRATE",
  "BUDGETCOMPLETION",
  "PARSEVALUE",
  "SUMSCORES",
]);

/** The function's current Chinese name (names.ts), for the messages. */
const zhName = (id: string): string => JX_FUNCTIONS[id]?.[0] ?? id;

function requireNumbers(id: string, args: Arg[], names: string[]): string[] {
  return names.map((n, i) => {
    const a = args[i];
    if (!a || a.cls !== "number")
      notExact(`JX.${zhName(id)} 的“${n}”不是数值单元格或数字（内置公式不会像加载项那样读取文字中的数）`);
    return atom(a.text);
  });
}

function arity(id: string, args: Arg[], min: number, max: number): void {
  if (args.length < min || args.length > max) notExact(`JX.${zhName(id)} 的参数个数不对`);
}

/** A literal number argument (step size, points per step); null when omitted. */
function literalNumber(id: string, a: Arg | undefined, label: string): number | null {
  if (!a || a.cls === "blank") return null;
  if (!NUMBER_LITERAL.test(a.text)) notExact(`JX.${zhName(id)} 的“${label}”不是直接写出的数字`);
  // The number Excel passes: 2% is 0.02.
  return a.text.endsWith("%") ? Number(a.text.slice(0, -1)) / 100 : Number(a.text);
}

const RULE_WORDS: { re: RegExp; kind: "proportional" | "whole" | "linear" }[] = [
  { re: /^(?:proportional|prop|比例|按比例|比例计分|按执行率比例)$/i, kind: "proportional" },
  { re: /^(?:step|steps|whole|整档|按整档|按档|步长|每低于扣分|阶梯)$/i, kind: "whole" },
  { re: /^(?:linear|线性|按比例扣分|线性扣分)$/i, kind: "linear" },
];

function profileOrNull(name: string): RuleProfile | null {
  try {
    return getProfile(name);
  } catch {
    return null;
  }
}

/** The execution rule of EXECSCORE's optional arguments, as src/functions/logic.ts executionRuleFor reads them. */
function executionRule(args: Arg[], env: ConvertEnv): ExecutionRule {
  const [rule, stepArg, pointsArg] = [args[2], args[3], args[4]];
  if (rule && rule.cls !== "blank" && rule.cls !== "text")
    notExact("JX.执行率得分 的“规则”不是直接写出的文字");
  const word = rule && rule.cls === "text" ? unquote(rule.text).replace(/\s+/g, "") : null;
  let step = literalNumber("EXECSCORE", stepArg, "步长");
  const pts = literalNumber("EXECSCORE", pointsArg, "每步扣分");
  // A step below 1 is a percentage (2% arrives as 0.02), as toStepPercent reads it.
  if (step !== null && step > 0 && step < 1) step = Number((step * 100).toPrecision(15));
  const hasStep = step !== null || pts !== null;
  const known = word === null || word === "" ? null : RULE_WORDS.find((r) => r.re.test(word));
  if (word !== null && word !== "" && !known) {
    if (hasStep) notExact("JX.执行率得分 的参数组合无效");
    const p = profileOrNull(word);
    if (!p) notExact(`未知的规则“${word}”`);
    return p.execution;
  }
  const kind = known ? known.kind : hasStep ? "whole" : null;
  if (kind === null) return env.defaultProfile.execution;
  if (kind === "proportional") {
    if (hasStep) notExact("JX.执行率得分 的参数组合无效");
    return { kind: "proportional" };
  }
  const fallback = env.defaultProfile.execution;
  if (step === null && pts === null && fallback.kind === "step")
    return { ...fallback, partial: kind === "linear" ? "linear" : "whole" };
  if (step === null || pts === null || !(step > 0) || !(pts >= 0))
    notExact("JX.执行率得分 的步长或每步扣分无效");
  return {
    kind: "step",
    stepPercent: step,
    pointsPerStep: pts,
    partial: kind === "linear" ? "linear" : "whole",
  };
}

const num = (n: number): string => String(Number(n.toPrecision(15)));

function convertCall(id: string | null, args: Arg[], env: ConvertEnv): string {
  if (id === null) notExact("不是本加载项的函数");
  switch (id) {
    case "EXECRATE":
    case "CONTROLRATE":
    case "RATIO":
    case "STAFFRATE":
    case "ADJUSTRATE":
    case "CARRYRATE": {
      arity(id, args, 2, 2);
      const [a, b] = requireNumbers(id, args, ["分子", "分母"]);
      return `${a}/${b}`;
    }
    case "CHANGERATE": {
      arity(id, args, 2, 2);
      const [c, p] = requireNumbers(id, args, ["本年数", "上年数"]);
      return `(${c}-${p})/${p}`;
    }
    case "BUDGETCOMPLETION": {
      arity(id, args, 2, 4);
      const names = ["年初结转", "年初预算", "追加", "年末结转结余"];
      const parts = names.map((n, i) => {
        const a = args[i];
        if (i !== 1 && (!a || a.cls === "blank")) return null; // optional, blank = 0
        if (!a || a.cls !== "number") notExact(`JX.预算完成率 的“${n}”不是数值单元格或数字`);
        return atom(a.text);
      });
      const available = [parts[0], parts[1], parts[2]].filter((p): p is string => p !== null).join("+");
      const spent = parts[3] === null ? available : `${available}-${parts[3]}`;
      return `(${spent})/(${available})`;
    }
    case "EXECSCORE": {
      arity(id, args, 2, 5);
      const [r, w] = requireNumbers(id, args, ["执行率", "分值"]);
      const rule = executionRule(args, env);
      if (rule.kind === "proportional") return `MIN(${w},ROUND(${w}*MIN(${r},1),2))`;
      const x = num(rule.stepPercent);
      const y = num(rule.pointsPerStep);
      const quotient = `ROUND((1-MIN(${r},1))*100/${x},10)`;
      const steps = rule.partial === "linear" ? quotient : `INT(${quotient})`;
      return `MIN(${w},ROUND(MAX(0,${w}-${y}*${steps}),2))`;
    }
    case "DEDUCTION": {
      arity(id, args, 2, 2);
      const [w, s] = requireNumbers(id, args, ["分值", "得分"]);
      return `ROUND(${w}-${s},2)`;
    }
    case "GRADE": {
      arity(id, args, 1, 2);
      const [t] = requireNumbers(id, args, ["总分"]);
      const rule = args[1];
      let profile = env.defaultProfile;
      if (rule && rule.cls !== "blank") {
        if (rule.cls !== "text") notExact("JX.评价等级 的“规则”不是直接写出的文字");
        const p = profileOrNull(unquote(rule.text));
        if (!p) notExact(`未知的规则“${unquote(rule.text)}”`);
        profile = p;
      }
      const bands = [...profile.grades].sort((a, b) => a.min - b.min);
      if (bands.length === 0) notExact("规则没有等级划分");
      // The JX function takes totals ≥ 0 and gives the lowest band below its minimum: LOOKUP from 0.
      const mins = bands.map((b, i) => (i === 0 ? Math.min(0, b.min) : b.min));
      const labels = bands.map((b) => `"${b.label.replace(/"/g, '""')}"`);
      return `LOOKUP(ROUND(${t},2),{${mins.map(num).join(",")}},{${labels.join(",")}})`;
    }
    case "SUMSCORES": {
      arity(id, args, 1, 1);
      const a = args[0];
      if (!REFERENCE.test(a.text)) notExact("JX.合计得分 的参数不是单元格区域");
      const kinds = env.reference(a.text);
      if (!kinds) notExact("JX.合计得分 的区域无法读取");
      if (kinds.includes("numeric-text"))
        notExact("JX.合计得分 的区域里有以文字形式填写的数字（如“8.5分”），SUM 不计入");
      if (kinds.includes("other")) notExact("JX.合计得分 的区域里有错误值或逻辑值");
      return `ROUND(SUM(${a.text}),2)`;
    }
    case "INDSCORE":
      return notExact("JX.指标得分 读取“≥95%”“4家”等文字并按指标名称判断方向，没有等价的内置公式");
    case "QUALCHECK":
      return notExact("JX.定性得分检查 给出文字结论，没有等价的内置公式");
    case "PARSEVALUE":
      return notExact("JX.解析数值 读取文字中的数值和单位，没有等价的内置公式");
    default:
      return notExact(`JX.${id} 没有等价的内置公式`);
  }
}

/** Converts every JX call of `formula` (without "="), innermost first. */
function convertText(formula: string, env: ConvertEnv): string {
  const calls = findJxCalls(formula);
  if (calls.length === 0) return formula;
  let out = "";
  let at = 0;
  for (const call of calls) {
    const args: Arg[] = call.args.map((raw) => {
      const inner = findJxCalls(raw);
      const text = convertText(raw, env);
      const numeric =
        inner.length === 1 &&
        inner[0].start === 0 &&
        inner[0].end === raw.length &&
        inner[0].id !== null &&
        NUMERIC_IDS.has(inner[0].id);
      return { text, cls: classify(text, env, numeric) };
    });
    out += formula.slice(at, call.start) + convertCall(call.id, args, env);
    at = call.end;
  }
  return out + formula.slice(at);
}

/** The formula (without "=") with built-in functions only, or why there is no exact equivalent. */
export function toPortableFormula(formula: string, env: ConvertEnv): Converted {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  try {
    return { ok: true, formula: convertText(f, env) };
  } catch (e) {
    if (e instanceof NotExact) return { ok: false, reason: e.message };
    throw e;
  }
}
