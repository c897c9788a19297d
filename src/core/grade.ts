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

/**
 * Other names of the bands, as people write them (domain.md §2.11): 优秀 → 优, 良好 → 良, 合格 → the band
 * from 60 (较差 / 中), 不合格 → 差. Each maps to the first of its candidates the profile has.
 */
const OTHER_NAMES: Record<string, readonly string[]> = {
  优秀: ["优"],
  良好: ["良"],
  中等: ["中", "较差"],
  较差等: ["较差", "中"],
  一般: ["中", "较差"],
  合格: ["较差", "中"],
  及格: ["较差", "中"],
  不合格: ["差"],
  不及格: ["差"],
};

/** A typed grade read for its band: the profile's label, and whether it was written exactly so. */
export interface GradeReading {
  /** The band label of the profile; null when the text names no band. */
  label: string | null;
  /**
   * Named as the profile names the band (its label, or an alias such as 中 for 较差), with or without a
   * prefix or a note (等级：优, 优（90.5分）, "优 90.5"). False for another name: 优秀, 良好, 合格, 优等.
   */
  standard: boolean;
}

/** A prefix naming the cell: 等级：, 评价等次为, 自评结果: … */
const PREFIX_RE = /^(?:(?:自评|评价|综合|绩效)?(?:等级|等次|评级|结果)(?:为|是)?[:：]?)/;
/** Annotations around the name: a bracketed note, a score ("90.5分", "90.5"), separators. */
const BRACKETED_RE = /[（(【[][^）)】\]]*[）)】\]]/g;
const SCORE_RE = /(?:得分|评分|总分)?[:：]?[-+]?\d+(?:\.\d+)?分?/g;
const SEPARATORS_RE = /[,，、;；/|:：。.]+/g;

/**
 * A typed grade read for its band (domain.md §2.11, §3.5): trims, NFKC, takes off a "等级：" / "评价等次为"
 * prefix, a bracketed note ("优（90.5分）") and a score beside the name ("优 90.5"), then maps the name to
 * the profile's label: the label itself, its alias (中 → 较差 under hunan, 较差 → 中 under national), another
 * name (优秀 → 优, 良好 → 良, 合格 → 较差/中, 不合格 → 差) or the label with 等/级 ("优等"). One reading for
 * every kind of form.
 */
export function readGrade(text: string, profile: RuleProfile): GradeReading {
  const none: GradeReading = { label: null, standard: false };
  if (typeof text !== "string" || !profile) return none;
  const typed = normalizeText(text)
    .replace(/\s+/g, "")
    .replace(/[。.;；,，]+$/, "");
  if (typed === "") return none;
  const labels = new Set(profile.grades.map((g) => g.label));
  const resolve = (x: string): string | null => {
    if (labels.has(x)) return x;
    const alias = profile.gradeAliases?.[x];
    return alias !== undefined && labels.has(alias) ? alias : null;
  };
  const exact = resolve(typed);
  if (exact) return { label: exact, standard: true };
  const name = typed
    .replace(PREFIX_RE, "")
    .replace(BRACKETED_RE, "")
    .replace(SCORE_RE, "")
    .replace(SEPARATORS_RE, "");
  if (name === "") return none;
  // The profile's own name with a prefix or a note: the name is standard, the band is read.
  const direct = resolve(name);
  if (direct) return { label: direct, standard: true };
  for (const candidate of OTHER_NAMES[name] ?? []) {
    const r = resolve(candidate);
    if (r) return { label: r, standard: false };
  }
  // "优等" / "良级": a label followed by 等/级.
  const trimmed = name.replace(/[等级]$/, "");
  if (trimmed !== name) {
    const r = resolve(trimmed);
    if (r) return { label: r, standard: false };
  }
  return none;
}

/** A typed grade as a band label of the profile (readGrade); null when it names no band. */
export function normalizeGrade(label: string, profile: RuleProfile): string | null {
  return readGrade(label, profile).label;
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
  // The grade with a bracketed note kept whole ("等级：优（90.5分）"): readGrade reads its band.
  const gradeMatch =
    /(?:等级|等次|评级)\s*(?:为|是)?\s*[:：]?\s*([^\s\d:：,，;；。.、（(]+(?:[（(][^）)]*[）)])?)/.exec(s);
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
