/**
 * Grade bands printed on a form, e.g. the 自评报告's 备注 line (domain.md §2.7, seed 004):
 * "90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。"
 * Pure; never throws. The automatic profile choice and the report check both read bands through here.
 */
import type { GradeBand } from "./model";
import { normalizeText } from "./parse";

/** Band labels as printed → the short label the profiles use. */
const LABELS: Record<string, string> = {
  优秀: "优",
  优: "优",
  良好: "良",
  良: "良",
  中等: "中",
  中: "中",
  较差: "较差",
  差: "差",
};

/** "…分为优", "…为“良”", "…：较差" at the end of a clause. */
const LABEL_AT_END_RE =
  /(?:为|是|:|评为|定为|等级为)\s*["“]?(优秀|良好|中等|较差|优|良|中|差)["”]?(?:等级?|等次)?$/;
/** "优：90分以上", "优（90—100分）" at the start of a clause. */
const LABEL_AT_START_RE = /^["“]?(优秀|良好|中等|较差|优|良|中|差)["”]?(?:等级?|等次)?\s*[:(]/;
const NUMBER_RE = /\d+(?:\.\d+)?/g;
/** Words that make a single number an upper bound: "60分以下为差" → [0, 60). */
const BELOW_RE = /以下|以内|低于|不足|不到|小于|未达到|未满|<|≤/;

/** One clause → a band, or null when the clause prints none. */
function bandOf(clause: string): GradeBand | null {
  const s = clause.replace(/\s+/g, "").replace(/[。.,，]+$/, "");
  if (s === "") return null;
  let label: string | undefined;
  let rest = s;
  const end = LABEL_AT_END_RE.exec(s);
  if (end) {
    label = LABELS[end[1]];
    rest = s.slice(0, end.index);
  } else {
    const start = LABEL_AT_START_RE.exec(s);
    if (start) {
      label = LABELS[start[1]];
      rest = s.slice(start[0].length);
    }
  }
  if (!label) return null;
  const nums = (rest.match(NUMBER_RE) ?? []).map(Number).filter((n) => Number.isFinite(n) && n <= 1000);
  if (nums.length === 0) return null;
  // "60分以下" alone is the bottom band; "80（含）—90" and "90≤总分≤100" start at their smallest number.
  const min = nums.length === 1 && BELOW_RE.test(rest) ? 0 : Math.min(...nums);
  return { label, min };
}

/**
 * Grade bands printed in a text, highest first; null when the text prints fewer than two bands, a label
 * twice, or two bands with the same lower bound (then it is not a band list). Each clause (separated by
 * ；;。 or a line break) names one band: "90（含）—100分为优", "60分以下为差", "优：90分（含）以上".
 */
export function parseGradeBands(text: string): GradeBand[] | null {
  if (typeof text !== "string" || text.length === 0 || text.length > 2000) return null;
  // The same 备注 repeats in every workbook of a batch: parsed once (a copy is handed out, bounded cache).
  const cached = bandCache.get(text);
  if (cached !== undefined) return cached && cached.map((b) => ({ ...b }));
  const bands = parseUncached(text);
  if (bandCache.size >= BAND_CACHE_LIMIT) bandCache.clear();
  bandCache.set(text, bands);
  return bands && bands.map((b) => ({ ...b }));
}

const bandCache = new Map<string, GradeBand[] | null>();
const BAND_CACHE_LIMIT = 2000;

function parseUncached(text: string): GradeBand[] | null {
  let s: string;
  try {
    s = normalizeText(text);
  } catch {
    return null;
  }
  // Only the part after "备注" when the text has one ("评分：96 等级：优\n备注：90（含）—100分为优；…").
  const note = s.search(/备注|说明|注[:：]/);
  if (note >= 0) s = s.slice(note).replace(/^(?:备注|说明|注)\s*[:：]?/, "");
  const bands: GradeBand[] = [];
  for (const clause of s.split(/[;；。，,\n\r]+/)) {
    const band = bandOf(clause);
    if (!band) continue;
    if (bands.some((b) => b.label === band.label || b.min === band.min)) return null;
    bands.push(band);
  }
  if (bands.length < 2) return null;
  return bands.sort((a, b) => b.min - a.min);
}

/** True when two band lists give every total the same label (same labels and lower bounds). */
export function sameBands(a: readonly GradeBand[], b: readonly GradeBand[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => q.min - p.min);
  const y = [...b].sort((p, q) => q.min - p.min);
  return x.every((band, i) => band.label === y[i].label && band.min === y[i].min);
}
