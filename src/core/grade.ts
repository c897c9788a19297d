/**
 * Grade bands (domain.md §3.5): the total rounded to 2 decimals against the profile's band minima,
 * inclusive at the lower end (优 [90, 100], 良 [80, 90), 较差/中 [60, 80), 差 [0, 60)).
 */
import type { GradeBand, RuleProfile } from "./model";
import { round2 } from "./numbers";
import { normalizeText } from "./parse";

function bandsDescending(profile: RuleProfile): GradeBand[] {
  return [...(profile?.grades ?? [])].sort((a, b) => b.min - a.min);
}

/** The band for a total; "" when the total is not a number or the profile has no bands. */
export function gradeFor(total: number, profile: RuleProfile): string {
  const bands = bandsDescending(profile);
  if (bands.length === 0 || typeof total !== "number" || !Number.isFinite(total)) return "";
  const t = round2(total);
  for (const band of bands) if (t >= band.min) return band.label;
  return bands[bands.length - 1].label;
}

/** Common long forms of the labels: 优秀 → 优, 良好 → 良. Applied only when the short label exists. */
const LONG_FORMS: Record<string, string> = { 优秀: "优", 良好: "良", 较差等: "较差", 中等: "中" };

/**
 * A typed grade as a band label of the profile: trims, NFKC, strips "等级：" / "评价等次：" prefixes,
 * maps aliases (中 → 较差 under hunan, 较差 → 中 under national). Null when not a known label.
 */
export function normalizeGrade(label: string, profile: RuleProfile): string | null {
  if (typeof label !== "string" || !profile) return null;
  let s = normalizeText(label).replace(/\s+/g, "");
  s = s.replace(/^(?:(?:自评|评价|综合|绩效)?(?:等级|等次|评级|结果)[:：]?)/, "");
  s = s.replace(/^[:：]/, "").replace(/[。.;；,，]+$/, "");
  if (s === "") return null;
  const labels = new Set(profile.grades.map((g) => g.label));
  const resolve = (x: string): string | null => {
    if (labels.has(x)) return x;
    const alias = profile.gradeAliases?.[x];
    if (alias !== undefined && labels.has(alias)) return alias;
    return null;
  };
  const direct = resolve(s);
  if (direct) return direct;
  const longForm = LONG_FORMS[s];
  if (longForm) {
    const r = resolve(longForm);
    if (r) return r;
  }
  // "优等" / "良级": a label followed by 等/级.
  const trimmed = s.replace(/[等级]$/, "");
  if (trimmed !== s) return resolve(trimmed);
  return null;
}

/** How many points the total lacks to reach the next higher band; null at the top band or on bad input. */
export function nextBand(
  total: number,
  profile: RuleProfile,
): { label: string; pointsNeeded: number } | null {
  const bands = bandsDescending(profile);
  if (bands.length === 0 || typeof total !== "number" || !Number.isFinite(total)) return null;
  const t = round2(total);
  let higher: GradeBand | null = null;
  for (const band of bands) {
    if (t >= band.min) break;
    higher = band;
  }
  if (!higher) return null;
  return { label: higher.label, pointsNeeded: round2(higher.min - t) };
}

/**
 * The older Hunan cell 绩效自评综合得分及评价等次: "评分：96   等级：优" → { score: 96, grade: "优" }.
 * The grade is returned as written (trimmed); use normalizeGrade to map it to a band label.
 */
export function parseCombinedScoreGrade(text: string): { score: number | null; grade: string | null } {
  if (typeof text !== "string") return { score: null, grade: null };
  const s = normalizeText(text);
  let score: number | null = null;
  let grade: string | null = null;
  const scoreMatch = /(?:评分|得分|分数|总分|综合得分)\s*(?:为|是)?\s*[:：]?\s*(-?\d+(?:\.\d+)?)/.exec(s);
  if (scoreMatch) score = Number(scoreMatch[1]);
  const gradeMatch = /(?:等级|等次|评级)\s*(?:为|是)?\s*[:：]?\s*([^\s\d:：,，;；。.、]+)/.exec(s);
  if (gradeMatch) grade = gradeMatch[1];
  if (score === null) {
    // "96分，优" / "96 优"
    const n = /(-?\d+(?:\.\d+)?)\s*分?/.exec(s);
    if (n) score = Number(n[1]);
  }
  if (grade === null) {
    const g = /(?:^|[\s,，;；:：分])(优秀|良好|较差|优|良|中|差)(?:$|[\s,，;；。.])/.exec(s);
    if (g) grade = g[1];
  }
  if (score !== null && !Number.isFinite(score)) score = null;
  return { score, grade };
}
