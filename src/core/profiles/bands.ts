/**
 * Grade bands printed on a form (domain.md §2.10, seed 004's 备注): "90（含）—100分为优；80（含）—90分为良；
 * 60（含）—80 分为较差；60分以下为差。" → 优 ≥ 90, 良 ≥ 80, 较差 ≥ 60, 差 ≥ 0. A kind whose layout prints such a
 * line returns these bands from its FormKindSpec.profileHints; chooseProfile compares them with each profile.
 */
import type { GradeBand } from "../model";
import { normalizeText } from "../parse";

/** "90（含）—100分为优" / "90分（含）以上为优" / "60分以下为差" / "不足60分为差" (text already NFKC, no spaces). */
const RANGE_RE =
  /(\d+(?:\.\d+)?)分?(?:\(含\))?[—–\-－~～至到]+(\d+(?:\.\d+)?)分?(?:\(不含\))?(?:为|的为|评为|属于)?[“"]?([\u4e00-\u9fa5]{1,3})/;
const ABOVE_RE =
  /(\d+(?:\.\d+)?)分?(?:\(含\))?(?:以上|及以上)(?:的)?(?:为|评为|属于)?[“"]?([\u4e00-\u9fa5]{1,3})/;
const BELOW_RE =
  /(?:(\d+(?:\.\d+)?)分?以下|不足(\d+(?:\.\d+)?)分?|低于(\d+(?:\.\d+)?)分?)(?:的)?(?:为|评为|属于)?[“"]?([\u4e00-\u9fa5]{1,3})/;

/**
 * The bands a text prints, highest first; null unless it names at least two bands with distinct labels and
 * distinct lower bounds (a line that merely mentions a score is not a band table).
 */
export function parsePrintedBands(text: string): GradeBand[] | null {
  if (typeof text !== "string" || text.length > 400) return null;
  const s = normalizeText(text).replace(/\s+/g, "");
  const bands: GradeBand[] = [];
  for (const part of s.split(/[;；,，。、]/)) {
    if (part === "") continue;
    let m = RANGE_RE.exec(part);
    if (m) {
      bands.push({ label: cleanLabel(m[3]), min: Number(m[1]) });
      continue;
    }
    m = ABOVE_RE.exec(part);
    if (m) {
      bands.push({ label: cleanLabel(m[2]), min: Number(m[1]) });
      continue;
    }
    m = BELOW_RE.exec(part);
    if (m) bands.push({ label: cleanLabel(m[4]), min: 0 });
  }
  if (bands.length < 2) return null;
  bands.sort((a, b) => b.min - a.min);
  const labels = new Set(bands.map((b) => b.label));
  const mins = new Set(bands.map((b) => b.min));
  if (labels.size !== bands.length || mins.size !== bands.length) return null;
  return bands;
}

/** "优。" / "优秀" kept as printed, trailing 等/级 dropped ("优等" → "优"). */
function cleanLabel(label: string): string {
  return label.replace(/[等级]$/, "") || label;
}
