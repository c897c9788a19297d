/**
 * Label normalisation and the synonym tables of the self-evaluation form (domain.md §2), held as data:
 * the single source of truth for the locator and the checks. Pure, no Office/DOM/Node imports. The bottom
 * of the core: it imports nothing; the labels only one kind of form prints live with that kind and are
 * merged into the lookup table above the kinds (kinds/roles.ts).
 */
/** Any character normalizeLabel removes or rewrites (spaces, bracket shapes, colons). */
const LABEL_REWRITE_RE = /[\s\u3000\u200b\ufeff【〔［[﹙】〕］\]﹚:：]/;

/**
 * normalizeLabel results by text: the locator, the analysis and the checks normalise the same cell texts
 * (names, 一级 names, "/") several times, and labels repeat across a batch. Short texts only; emptied
 * when it reaches LABEL_CACHE_LIMIT entries, so memory stays bounded.
 */
const labelCache = new Map<string, string>();
const LABEL_CACHE_LIMIT = 20000;
const LABEL_CACHE_MAX_LENGTH = 200;

/**
 * Normalises a label for comparison: NFKC (full-width → half-width, so （）→ () and ：→ :), all whitespace
 * removed (incl. U+3000 and line breaks), other bracket shapes (【】〔〕［］) unified to (), trailing
 * colons stripped.
 */
export function normalizeLabel(text: string): string {
  if (typeof text !== "string") return "";
  if (text.length > LABEL_CACHE_MAX_LENGTH) return normalizeLabelNfkc(text.normalize("NFKC"));
  let norm = labelCache.get(text);
  if (norm === undefined) {
    norm = normalizeLabelNfkc(text.normalize("NFKC"));
    if (labelCache.size >= LABEL_CACHE_LIMIT) labelCache.clear();
    labelCache.set(text, norm);
  }
  return norm;
}

/** normalizeLabel of a text already in NFKC (callers that need the NFKC text too normalise once). */
export function normalizeLabelNfkc(nfkc: string): string {
  let s = nfkc;
  // Most labels need none of the rewrites below: one test instead of four replacements.
  if (!LABEL_REWRITE_RE.test(s)) return s;
  s = s.replace(/[\s\u3000\u200b\ufeff]+/g, "");
  s = s.replace(/[【〔［[﹙]/g, "(").replace(/[】〕］\]﹚]/g, ")");
  s = s.replace(/[:：]+$/, "");
  return s;
}

/** Roles a label cell can play. */
export type LabelRole =
  | "header.department"
  | "header.budgetCode"
  | "header.contact"
  | "header.phone"
  | "header.reportDate"
  | "header.projectName"
  | "header.implementer"
  | "report.marker"
  | "budget.title"
  | "budget.col.initialBudget"
  | "budget.col.fullYearBudget"
  | "budget.col.executed"
  | "budget.col.weight"
  | "budget.col.rate"
  | "budget.col.score"
  | "budget.col.reason"
  | "budget.row.total"
  | "budget.row.current"
  | "budget.row.carryover"
  | "budget.row.other"
  | "budget.row.income-group"
  | "budget.row.income-item"
  | "budget.row.spending-group"
  | "budget.row.spending-item"
  | "goals.block"
  | "goals.expected"
  | "goals.actual"
  | "ind.title"
  | "ind.col.level1"
  | "ind.col.level2"
  | "ind.col.name"
  | "ind.col.nature"
  | "ind.col.unit"
  | "ind.col.target"
  | "ind.col.actual"
  | "ind.col.weight"
  | "ind.col.score"
  | "ind.col.reason"
  | "summary.col.weight"
  | "summary.col.score"
  | "summary.col.rate"
  | "total"
  | "grade"
  | "combined";

/** Every spelling of every label, as printed on real forms (normalised with normalizeLabel before use). */
export const LABEL_SYNONYMS: Readonly<Record<LabelRole, readonly string[]>> = {
  "header.department": [
    "预算部门、单位名称",
    "预算部门(单位)名称",
    "部门（单位）名称",
    "部门（单位）名称（盖章）",
    "省级预算部门名称",
    "预算部门名称",
    "部门名称",
    "单位名称",
    "单位名称（盖章）",
    "主管部门",
  ],
  "header.budgetCode": ["预算编码", "部门预算编码", "预算单位编码", "单位编码"],
  "header.contact": ["联系人", "部门联系人", "单位联系人"],
  "header.phone": ["联系电话", "联络电话", "电话"],
  "header.reportDate": ["填报日期", "报告时间", "报告日期", "填报时间"],
  // Spelled by the kinds that print them (src/core/kinds/<kind>/, merged in kinds/roles.ts).
  "header.projectName": [],
  "header.implementer": [],
  "report.marker": [],
  "budget.title": [
    "预算资金（万元）",
    "预算资金",
    "年度预算申请",
    "年度预算申请（万元）",
    "项目资金（万元）",
    "项目资金",
    "年度预算执行情况（万元）",
    "年度预算执行情况",
    "预算执行情况（万元）",
  ],
  "budget.col.initialBudget": ["年初预算数"],
  "budget.col.fullYearBudget": ["全年预算数", "全年（调整）预算数", "调整后预算数", "全年调整预算数"],
  "budget.col.executed": ["全年执行数", "预算执行数"],
  "budget.col.weight": ["分值", "权重"],
  "budget.col.rate": ["执行率", "预算执行率"],
  "budget.col.score": ["得分", "自评得分"],
  "budget.col.reason": ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因"],
  "budget.row.total": ["年度资金总额", "资金总额"],
  "budget.row.current": ["当年财政拨款", "本年财政拨款", "其中：当年财政拨款", "其中：本年财政拨款"],
  "budget.row.carryover": ["上年结转资金", "上年结转"],
  "budget.row.other": ["其他资金"],
  "budget.row.income-group": ["按收入性质分"],
  "budget.row.income-item": [
    "一般公共预算",
    "一般公共预算拨款",
    "政府性基金拨款",
    "政府性基金预算",
    "纳入专户管理的非税收入拨款",
    "国有资本经营预算",
    "财政专户管理资金",
    "单位资金",
  ],
  "budget.row.spending-group": ["按支出性质分"],
  "budget.row.spending-item": ["基本支出", "项目支出"],
  "goals.block": ["年度总体目标", "总体目标", "年度总体目标完成情况", "年度总体目标（完成情况）"],
  "goals.expected": ["预期目标", "年度预期目标"],
  "goals.actual": ["实际完成情况", "实际完成", "目标实际完成情况"],
  "ind.title": ["绩效指标", "年度绩效指标", "绩效指标完成情况", "年度绩效指标完成情况"],
  "ind.col.level1": ["一级指标"],
  "ind.col.level2": ["二级指标"],
  // 指标名称: Tianjin-style tables (domain.md §2.9) name the 三级 column so.
  "ind.col.name": ["三级指标", "指标名称"],
  // 计算符号: Tianjin-style comparator column (≥ / ≤ / =), read like 指标性质.
  "ind.col.nature": ["指标性质", "计算符号"],
  "ind.col.unit": ["度量单位", "计量单位"],
  "ind.col.target": ["年度指标值", "指标值", "年初指标值", "年度目标值"],
  "ind.col.actual": ["实际完成值", "完成值", "全年完成值", "全年实际完成值"],
  "ind.col.weight": ["分值", "权重", "指标权重"],
  "ind.col.score": ["得分", "指标得分", "自评得分"],
  "ind.col.reason": ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因", "偏差原因分析"],
  "summary.col.weight": ["指标分值", "分值"],
  "summary.col.score": ["自评得分", "得分"],
  "summary.col.rate": ["得分率"],
  total: ["总分", "总计", "总得分", "自评总分"],
  grade: ["评价等级", "自评等级", "等级", "评价等次", "自评等次", "绩效等级"],
  combined: ["绩效自评综合得分及评价等次", "综合得分及评价等次", "自评综合得分及评价等次"],
};

// ───────────────────────────── indicator categories (domain.md §2.4) ─────────────────────────────

/**
 * Known 一级指标 names (canonical spelling).
 *
 * 成本指标 is deliberately not among them. Some newer national forms print it as a 一级 name, but
 * domain.md §2.4 lists it only as a 二级 name under 产出, and the seeds agree: seed 000 reports it as
 * "4、成本指标绩效情况" inside the 产出 section (after 数量/质量/时效), seed 004 as "2.3成本指标" under
 * 产出 and "数量、质量、时效、成本指标" in the 产出目标 row. Nothing in the spec or the seeds shows it as a
 * 一级 name or gives it a 一级 weight in a profile (profile.weights has execution/output/effect/
 * satisfaction only), so a 一级 cell reading 成本指标 keeps its UNKNOWN_CATEGORY warning (most likely the
 * 二级 name typed one column too far left). Revisit when the spec adds it to §2.4 and the profiles.
 */
export const LEVEL1_NAMES = ["产出指标", "效益指标", "满意度指标"] as const;
export type Level1Name = (typeof LEVEL1_NAMES)[number];

/** Known 二级指标 names under each 一级 (canonical spellings first; accepted variants after). */
export const LEVEL2_NAMES_BY_LEVEL1: Readonly<Record<Level1Name, readonly string[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标", "社会公众或服务对象满意度", "社会公众或服务对象满意度指标"],
};

/** Short forms and other spellings of the 一级 names, and the older Hunan report's 投入 row. */
const LEVEL1_ALIASES: Record<string, string> = {
  产出: "产出指标",
  产出指标: "产出指标",
  产出目标: "产出指标",
  效益: "效益指标",
  效益指标: "效益指标",
  效益目标: "效益指标",
  满意度: "满意度指标",
  满意度指标: "满意度指标",
  满意度目标: "满意度指标",
  投入: "投入指标",
  投入指标: "投入指标",
  // Some 自评报告 summaries print the 投入 row by what it scores.
  预算执行率: "投入指标",
};

const POINTS_RE = /\(?(?:共|计)?(\d+(?:\.\d+)?)分\)?$/;

/** Points printed inside a 一级 name: "产出指标(50分)" → 50; null when none. */
export function level1Points(name: string): number | null {
  const m = POINTS_RE.exec(normalizeLabel(name));
  return m ? Number(m[1]) : null;
}

/**
 * Canonical 一级 name: strips whitespace and printed points ("产出指标（50分）" → "产出指标"), maps short forms
 * (产出 → 产出指标, 效益 → 效益指标, 满意度 → 满意度指标, 投入 / 预算执行率 → 投入指标). Unknown names come back
 * cleaned.
 */
export function normalizeLevel1(name: string): string {
  const cleaned = normalizeLabel(name)
    .replace(POINTS_RE, "")
    .replace(/^[0-9一二三四五六七八九十]{1,2}[、.．]/, "");
  return LEVEL1_ALIASES[cleaned] ?? cleaned;
}

/** Whitespace-free 二级 name (for comparison against LEVEL2_NAMES_BY_LEVEL1). */
export function normalizeLevel2(name: string): string {
  return normalizeLabel(name).replace(POINTS_RE, "");
}

/** True when level2 is a known 二级 name under level1 (both as printed). */
export function isKnownLevel2(level1: string, level2: string): boolean {
  const l1 = normalizeLevel1(level1) as Level1Name;
  const list = LEVEL2_NAMES_BY_LEVEL1[l1];
  return list !== undefined && list.includes(normalizeLevel2(level2));
}

/** True for placeholder text: "/", "—", "-", "－", "——", "\\", "无" is NOT a placeholder. */
export function isPlaceholderText(text: string): boolean {
  const s = normalizeLabel(text);
  return s !== "" && /^[/\\—–\-－―─━⁄∕／]+$/.test(s);
}
