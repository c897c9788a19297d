/**
 * Every Chinese message the checks show, in one place. Each says what is wrong, with the numbers
 * (typed value, the value the rules give and how it is computed), and how to fix it. Written for the
 * department clerk who fills in the form.
 */
import { formatNumber, formatPercent, formatPercentShort } from "./numbers";

/** 7.6 → "7.6", 95 → "95". */
const n = (v: number): string => formatNumber(v, 4);
/** A computed rate: 0.742 → "74.20%". */
const pct = (v: number): string => formatPercent(v, 2);
/** A rate as typed or set by a rule, without trailing zeros: 1.05 → "105%", 1.3 → "130%". */
const pctShown = (v: number): string => formatPercentShort(v, 4);
/**
 * Quotes a short piece of typed text: “…”. Long texts are cut; a closing full stop or comma is left out,
 * so the sentence around it never reads "认可。，".
 */
const q = (text: string): string => {
  let t = text.replace(/\s+/g, " ").trim();
  if (t.length > 30) t = `${t.slice(0, 30)}…`;
  return `“${t.replace(/[。．.，,；;、：:]+$/, "")}”`;
};

/** One quoted span “…” holding another: the inner one becomes ‘…’ (Chinese nesting), innermost first. */
const NESTED_QUOTE_RE = /“([^“”]*)“([^“”]*)”([^“”]*)”/g;

/**
 * The last pass over every message and step a finding carries (checks/context.ts makeFinding): a name that
 * has its own quotes (“三公经费”控制率) quoted once more reads “‘三公经费’控制率”, never ““三公经费”控制率”.
 * Unbalanced quotes (a text cut after an opening quote) are left as they are.
 */
export function tidyText(text: string): string {
  if (typeof text !== "string" || !text.includes("“")) return text;
  let s = text;
  for (let k = 0; k < 4; k++) {
    const next = s.replace(NESTED_QUOTE_RE, "“$1‘$2’$3”");
    if (next === s) break;
    s = next;
  }
  return s;
}

/** What an Excel error value usually means, for the clerk. */
const ERROR_CAUSES: Record<string, string> = {
  "#DIV/0!": "除数为 0 或引用了空单元格",
  "#REF!": "引用了已删除的单元格",
  "#N/A": "找不到要引用的值",
  "#VALUE!": "参与计算的单元格不是数字",
  "#NAME?": "有无法识别的函数或名称",
  "#NUM!": "结果不是有效的数值",
  "#NULL!": "区域引用不正确",
};

function errorCause(error: string): string {
  return ERROR_CAUSES[error.trim().toUpperCase()] ?? "引用了空单元格、已删除的单元格或不是数字的内容";
}

/** Excel date serial (1900 system) → "2023-03-15" (with " 12:00" when it has a time); null when out of range. */
export function serialDateText(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2958465) return null;
  const ms = Math.round(serial * 86400) * 1000 + Date.UTC(1899, 11, 30);
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 16);
  return time === "00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/** How a non-number cell reads in a message: 日期“2023-03-15”, 逻辑值“TRUE”, “一百”. */
export function shownValue(kind: string | null, text: string): string {
  if (kind === "date") {
    const d = serialDateText(Number(text));
    return `日期${q(d ?? text)}`;
  }
  if (kind === "boolean") return `逻辑值${q(text)}`;
  return q(text);
}

export const MSG = {
  // ───────────── template ─────────────
  templateNotFound: (): string =>
    "没有找到绩效自评表（部门整体支出绩效自评表、项目支出绩效自评表或自评报告）：工作簿中没有同时含有预算资金、绩效指标、总分等栏目的表格。" +
    "请打开财政部门下发的自评表模板填写，或确认表格标题与栏目名称未被改动。本次未做任何修改。",

  /** PARTIAL_READ: `rows` lists the rows not understood ("第 18 行（D18“小计说明”、H18“10”）"). */
  partialRead: (
    rows: string,
    more: number,
    weights: { read: number | null; expected: number } | null,
  ): string =>
    `本表未能完整读取：${rows}${more > 0 ? `等共 ${more} 行` : ""}的内容未能识别` +
    (weights
      ? `，读到的分值${weights.read === null ? "不全" : `合计为 ${n(weights.read)}`}，与总分值 ${n(weights.expected)} 不符`
      : "，其中有分值或得分") +
    "。为免给出错误结论，本表的总分和评价等级未重新计算，也未核对分值合计、总分和等级（其余逐项检查照常）。" +
    "请核对这些行：是否为插入的表头、说明或不规范的栏目；按模板整理后重新检查，或人工核对总分和等级。",

  kindConflict: (sheet: string, a: string, b: string): string =>
    `工作表“${sheet}”既像“${a}”又像“${b}”（标题与表头栏目分属两种表），无法确定按哪种表校验，本表未校验。` +
    `请使用财政部门下发的对应模板，使标题与表头栏目（如项目名称、实施单位或预算编码）一致。本次未做任何修改。`,

  // ───────────── missing ─────────────
  missingField: (field: string, note?: string): string =>
    `“${field}”未填写${note ? `（${note}）` : ""}。这是必填项，请补充后再提交。`,
  missingFieldNoCell: (field: string): string =>
    `表中找不到“${field}”栏目。这是必填项，请按模板补上该栏并填写。`,
  emptyIndicatorRow: (rowName: string | null, row: number): string =>
    `${rowName ? `“${rowName}”一行` : `第 ${row} 行指标`}的年度指标值、实际完成值、分值和得分都未填写。请填写该指标；` +
    "模板中多余的空行请删除，该行不考核时请在各栏填“/”。",
  missingValue: (what: string, rowName: string): string =>
    `“${rowName}”的${what}未填写。请填写${what}；该行不考核时请在各栏填“/”。`,
  /**
   * A formula with no value: its result is empty (="" in Excel), or the file holds no result at all
   * (written by a program, never calculated in Excel). The grid cannot tell the two apart.
   */
  uncalculatedFormula: (subject: string, formula: string): string =>
    `${subject}是公式 =${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula}，但没有得到结果：` +
    "公式的结果为空，或文件中没有保存计算结果（文件可能由其他软件生成，从未在 Excel 中计算过）。" +
    "请检查公式；若是后者，请用 Excel 打开此文件、重新计算（F9）并保存后再检查。",
  errorValue: (what: string, rowName: string, error: string): string =>
    `“${rowName}”${what ? `的${what}` : ""}显示错误值 ${error}：单元格里的公式计算出错（${errorCause(error)}）。` +
    "请修正公式，或直接填写数值。",
  /** A required number cell holding text, TRUE/FALSE, a date or "/". `shown` comes from shownValue(). */
  notNumber: (subject: string, shown: string, expect: string): string =>
    `${subject}应填写数字，现在是${shown}。请改为${expect}。`,
  budgetColumnMissing: (column: string): string =>
    `预算资金表中找不到“${column}”栏，无法计算预算执行率和执行率得分。请按模板补上“${column}”栏并填写年度资金总额的数额。`,
  budgetTotalRowMissing: (): string =>
    "预算资金表中找不到“年度资金总额”行，无法计算预算执行率和执行率得分。请按模板补上该行并填写全年预算数和全年执行数。",
  totalNotComputable: (reason: string): string =>
    `无法按规则计算总分：${reason}。请先补正该项，再核对总分和评价等级。`,
  missingReasonLost: (rowName: string, weight: number, score: number, reason: string): string =>
    `“${rowName}”分值 ${n(weight)} 分，只得 ${n(score)} 分（扣 ${n(weight - score)} 分），` +
    `但偏差原因${reason ? `只写了${q(reason)}` : "为空"}。请写明未完成的原因和改进措施。`,
  missingReasonRate: (rate: number, threshold: number, where: string): string =>
    `预算执行率 ${pct(rate)} 低于 ${pct(threshold)}，需要说明原因，但${where}没有说明。` +
    "请写明执行率偏低的原因（如项目未完工、资金年底下达等）和改进措施。",

  // ───────────── arithmetic ─────────────
  sumMismatch: (
    what: string,
    typed: number,
    expected: number,
    steps: string,
    rounding: boolean,
    unit = "",
  ): string =>
    `${what}填写 ${n(typed)}${unit}，各组成部分相加为 ${n(expected)}${unit}（${steps}）` +
    (rounding
      ? `，相差 ${n(Math.abs(typed - expected))}${unit}，可能是四舍五入造成的，请核对。`
      : `，相差 ${n(Math.abs(typed - expected))}${unit}。请改为 ${n(expected)}${unit}，或核对各组成部分。`),
  /** A budget sum whose difference is exactly a row the template does not have (其他支出 4.00). */
  sumUnrecognised: (
    what: string,
    typed: number,
    expected: number,
    steps: string,
    unit: string,
    label: string,
    address: string,
  ): string =>
    `${what}填写 ${n(typed)}${unit}，识别出的组成部分相加为 ${n(expected)}${unit}（${steps}），` +
    `相差 ${n(Math.abs(typed - expected))}${unit}，正是${q(label)}一行（${address}）的数额：该行不是模板规定的栏目，未计入合计。` +
    `合计本身无需改动；请把该行并入规定的栏目（如“项目支出”“其他资金”），或按模板调整表格。`,
  /** A sum that is right once a wrong part is corrected: no fix of its own. `parts` from changeNames(). */
  totalExplained: (what: string, typed: number, typedSum: number, parts: string, count: number): string =>
    `${what} ${n(typed)} 与所填各项之和 ${n(typedSum)} 不符，因为${parts}；` +
    `${count > 1 ? "改正这些得分后" : "改正该项后"}${what} ${n(typed)} 无需改动。`,
  /** A sum that is wrong and whose parts are wrong too: the value once the parts are corrected. */
  totalAfterParts: (
    what: string,
    typed: number,
    typedSum: number,
    steps: string,
    planned: number,
    parts: string,
    count = 1,
  ): string =>
    `${what}填写 ${n(typed)}，所填各项相加为 ${n(typedSum)}（${steps}）；其中${parts}，` +
    `改正后${what}应为 ${n(planned)}。请先改正${count > 1 ? "这些得分" : "该项得分"}，再把${what}改为 ${n(planned)}。`,
  /** A sum that differs while the rules' total cannot be computed: no fix is offered. */
  sumMismatchNoTotal: (
    what: string,
    typed: number,
    typedSum: number,
    steps: string,
    reason: string,
  ): string =>
    `${what}填写 ${n(typed)}，所填各项相加为 ${n(typedSum)}（${steps}），相差 ${n(Math.abs(typed - typedSum))}。` +
    `${reason ? `无法按规则重算${what}（${reason}），` : ""}请核对各项得分后再填写${what}。`,
  /** The typed total is what the rules give, but the parts as typed add up to another number. */
  totalRightPartsOff: (what: string, typed: number, typedSum: number, steps: string): string =>
    `${what}填写 ${n(typed)}，与按评分规则重算的结果一致，但所填各项相加为 ${n(typedSum)}（${steps}），` +
    `相差 ${n(Math.abs(typed - typedSum))}。请核对各项得分。`,
  totalOutOfRange: (typed: number, max: number, computed: number | null): string =>
    `总分 ${n(typed)} 超过了满分 ${n(max)}，总分不可能高于各项分值之和（可能把两张表的得分加在了一起）。` +
    (computed !== null ? `按各项得分计算，总分应为 ${n(computed)}。` : "请按各项得分重新合计。"),
  weightNoBuiltinProfile: (profile: string, formSteps: string, profileSteps: string): string =>
    `本表的一级指标分值（${formSteps}）与内置评分规则均不一致，已按默认规则“${profile}”（${profileSteps}）校验。` +
    "若分值按本地规则填写，请选择或提供相应的评分规则后重新校验；否则请按默认规则改正分值。",
  weightTotal: (typed: number, expected: number, steps: string): string =>
    `各项分值合计为 ${n(typed)}（${steps}），规则要求总分值为 ${n(expected)}。请按评分规则调整各指标分值。`,
  weightTotalPrinted: (printed: number, sum: number, steps: string): string =>
    `总分的分值填写 ${n(printed)}，各项分值相加为 ${n(sum)}（${steps}）。请核对各指标分值或总分值。`,
  weightLevel1Profile: (name: string, typed: number, expected: number, steps?: string): string =>
    `${name}分值为 ${n(typed)}${steps ? `（${steps}）` : ""}，评分规则规定为 ${n(expected)}。` +
    "请按规则调整该类指标的分值。",
  weightLevel3: (level1: string, printed: number, sum: number, steps: string): string =>
    `${level1}的分值写的是 ${n(printed)}，其下三级指标分值相加为 ${n(sum)}（${steps}）。` +
    "请调整三级指标分值，使其合计等于一级指标分值。",
  weightNonPositive: (rowName: string, weight: number): string =>
    `“${rowName}”的分值为 ${n(weight)}。参与评分的指标分值必须大于 0；不考核的指标请在各栏填“/”。`,
  rateMismatch: (what: string, typed: string, expected: number, steps: string, rounding: boolean): string => {
    // The rate as typed, without a closing full stop ("990%。" would read "990%。，").
    const typedText = typed.trim().replace(/[。．，,；;]+$/, "");
    return rounding
      ? `${what}填写 ${typedText}，按公式为 ${pct(expected)}（${steps}），差异来自四舍五入。建议保留两位小数填写 ${pct(expected)}。`
      : `${what}填写 ${typedText}，按公式应为 ${pct(expected)}（${steps}）。请改为 ${pct(expected)}，或核对执行数和预算数。`;
  },
  /** A score whose rule value rests on a doubted figure: no value is proposed. `reason` from the plan. */
  scoreUndetermined: (rowName: string, typed: number, reason: string): string =>
    `“${rowName}”得分填写 ${n(typed)}，按评分规则应得的分数${reason}，核对改正后再按评分规则重算得分。`,
  scoreMismatch: (rowName: string, typed: number, expected: number, steps: string): string =>
    `“${rowName}”得分填写 ${n(typed)}，按评分规则应为 ${n(expected)}（${steps}）。请改为 ${n(expected)}，或核对指标值和完成值。`,
  scoreAbove: (rowName: string, score: number, weight: number, expected?: number, steps?: string): string =>
    `“${rowName}”得分 ${n(score)} 超过了分值 ${n(weight)}。得分不能高于分值` +
    (expected !== undefined
      ? `，按规则应为 ${n(expected)}（${steps ?? ""}）。`
      : `，最多 ${n(weight)} 分，请重新评分。`),
  scoreNegative: (rowName: string, score: number): string =>
    `“${rowName}”得分为 ${n(score)}，得分不能为负数（扣完为止，最低 0 分）。请重新评分。`,
  qualBand: (
    rowName: string,
    result: string,
    score: number,
    weight: number,
    lo: number,
    hi: number,
    hiIncl: boolean,
  ): string =>
    `“${rowName}”完成情况为${q(result)}，按定性评分标准得分应在分值的 ${n(lo * 100)}%～${n(hi * 100)}%` +
    `${hiIncl ? "（含）" : "（不含）"}之间，即 ${n(lo * weight)}～${n(hi * weight)} 分；现填 ${n(score)} 分。` +
    "请调整得分或修改完成情况的表述。",

  // ───────────── grade ─────────────
  gradeMismatch: (typedGrade: string, total: number, expected: string, bands: string): string =>
    `评价等级填写“${typedGrade}”，但总分 ${n(total)} 对应的等级是“${expected}”（${bands}）。请改为“${expected}”。`,
  gradeFitsWrongTotal: (
    typedGrade: string,
    typedTotal: number,
    total: number,
    expected: string,
    bands: string,
  ): string =>
    `评价等级“${typedGrade}”与所填总分 ${n(typedTotal)} 相符，但按规则计算总分应为 ${n(total)}，对应的等级是“${expected}”（${bands}）。` +
    `请改正总分后把等级改为“${expected}”。`,
  /** A grade written another way (优秀, 优（90.5分）, 等级：优) whose band is the right one: say the standard name. */
  gradeNonStandard: (typedGrade: string, label: string, labels: string): string =>
    `评价等级填写${q(typedGrade)}，按等级“${label}”核对。规定的等级名称是${labels
      .split("、")
      .map((l) => `“${l}”`)
      .join("、")}，建议改为“${label}”，以便审核时按规定名称识别。`,
  /** A grade written another way whose band is not the total's: the band, and the standard name to write. */
  gradeNonStandardMismatch: (
    typedGrade: string,
    label: string,
    total: number,
    expected: string,
    bands: string,
  ): string =>
    `评价等级填写${q(typedGrade)}，即“${label}”，但总分 ${n(total)} 对应的等级是“${expected}”（${bands}）。请改为“${expected}”。`,
  gradeUnknown: (typedGrade: string, total: number | null, expected: string | null, labels: string): string =>
    `评价等级“${typedGrade}”不是规定的等级（${labels}）。` +
    (total !== null && expected !== null
      ? `总分 ${n(total)} 对应“${expected}”，请改为“${expected}”。`
      : "请填写规定的等级。"),
  /** The form prints its own grade bands (a 自评报告's 备注) and they differ from the profile's: they win. */
  bandsFromForm: (source: string, profileName: string): string =>
    `以表中${source}为准，与评分规则“${profileName}”的划分不同`,

  // ───────────── plausibility ─────────────
  /** `executed` and `budget` as the cells show them ("4551.57万元"); `rate` as ratePercent shows it. */
  execOver100: (
    rate: string,
    executed: string,
    budget: string,
    row: string | null = null,
    totalRate: string | null = null,
  ): string =>
    `${row ? `“${row}”的执行率` : "预算执行率"} ${rate}（${executed} ÷ ${budget}）超过 100%：全年执行数大于全年预算数` +
    `${totalRate ? `，年度资金总额的执行率 ${totalRate} 也因此超过 100%` : ""}。` +
    "可能是全年预算未按调整后数填写，或把收入数填成了支出数。请核对全年预算数和全年执行数。",
  incomeAsSpending: (executed: number, income: number, spending: number, steps: string, unit = ""): string =>
    `全年执行数 ${n(executed)}${unit} 等于按收入性质分的合计 ${n(income)}${unit}，而按支出性质分的合计是 ${n(spending)}${unit}（${steps}）。` +
    `执行数应填支出数，请改为 ${n(spending)}${unit}。`,
  magnitudeYuan: (what: string, value: number): string =>
    `${what} ${n(value)} 以万元计是 ${n(value / 10000)} 亿元，数额异常，可能按“元”填写了。本表金额单位为万元，请换算为万元（${n(value)} 元 = ${n(value / 10000)} 万元）。`,
  magnitudeBelowBasic: (budget: number, basic: number): string =>
    `全年预算数 ${n(budget)} 万元小于其中的基本支出 ${n(basic)} 万元，数额不合理，可能小数点错位或漏填了项目支出预算。请核对全年预算数。`,
  magnitudeYuanUnit: (text: string, partnerText: string): string =>
    `这里写的是${q(text)}，而指标值是${q(partnerText)}：“元”很可能是“万元”的笔误。请核对单位。`,
  percentOver100: (rowName: string, value: number): string =>
    `“${rowName}”为 ${pctShown(value)}，该比率不可能超过 100%。请核对实际完成值。`,
  /**
   * `actual` and `target` as the cells show them (display.ts displayQuantity: "8家", "5.3亿元"); `reason`
   * is the row's 偏差原因 when it has one: then it is not asked for again.
   */
  overAchievement: (
    rowName: string,
    actual: string,
    target: string,
    ratio: number,
    threshold: number,
    deduct: number,
    reason: string | null = null,
  ): string =>
    `“${rowName}”实际完成值 ${actual}，是年度指标值 ${target} 的 ${pct(ratio)}，超过 ${pctShown(threshold)}：年度指标值可能定得偏低。` +
    (deduct > 0
      ? `按规则超额完成扣 ${n(deduct)} 分。`
      : reason
        ? `偏差原因已说明（${q(reason)}），请核对指标值，可酌情调减得分。`
        : "请核对指标值，并在偏差原因中说明超额原因（可酌情调减得分）。"),
  /** `reason`: the row's 偏差原因 when it has one (then the message does not ask for it). */
  spendingRateOver: (rowName: string, rate: number, reason: string | null = null): string =>
    `“${rowName}”为 ${pctShown(rate)}，超过 100%：执行率（完成率）按其性质最高为 100%，超过说明实际支出（完成数）超出了预算（计划）数，` +
    "并不是指标值定得偏低。" +
    (reason
      ? `偏差原因已说明（${q(reason)}），请核对预算（计划）数和实际数；评分按 100% 计。`
      : "请核对预算（计划）数和实际数，超出预算的支出须在偏差原因中说明依据；评分按 100% 计。"),
  forecast: (what: string, text: string): string =>
    `${what}写的是${q(text)}，是预计数或非全年数。自评应填写全年实际完成数，请改为实际数。`,

  // ───────────── consistency ─────────────
  unitMismatch: (rowName: string, targetText: string, actualText: string): string =>
    `“${rowName}”的指标值${q(targetText)}与完成值${q(actualText)}单位不一致，无法比较。请统一单位后再评分。`,
  /** `steps`: the rate from the amounts, "74.20% = 20.48万元 ÷ 27.6万元"; null when not computable. */
  rateHoldsAmount: (rowName: string, text: string, steps: string | null): string =>
    `“${rowName}”是比率指标，却填写了金额${q(text)}。请填写比率` +
    (steps ? `（按所填金额计算：${steps}）` : "") +
    "，指标值也应写成比率（如“≤100%”）。",
  yearMismatch: (year: number, formYear: number, text: string): string =>
    `这里把本表的年度写成了 ${year}年（${q(text)}），本表是 ${formYear}年度的自评表。` +
    "请核对年份，是否沿用了往年的内容。",
  figureConflict: (
    rowName: string,
    rowText: string,
    rowAddress: string,
    where: string,
    whereAddress: string,
    clause: string,
    figure: string,
    qualifier: string | null,
    qualifiedSide: "row" | "text",
  ): string =>
    `“${rowName}”的实际完成值（${rowAddress}）为 ${rowText}，而${where}（${whereAddress}）写的是${q(clause)}，即 ${figure}。` +
    (qualifier
      ? `其中${qualifiedSide === "row" ? "实际完成值" : "文字"}写明${q(qualifier)}，是预计数或非全年数，两处因此不同；` +
        "自评应统一填写全年实际完成数。"
      : "同一数量在一张表中应只有一个数，请核对后统一（若两处统计口径不同，请在文字中写明）。"),
  unknownLevel1: (name: string, known: string): string =>
    `一级指标“${name}”不在规定的指标类别中（${known}）。请使用规定的一级指标名称。`,
  unknownLevel2: (name: string, level1: string, known: string): string =>
    `二级指标“${name}”不是“${level1}”下规定的类别（${known}）。请核对名称，是否有错别字。`,
  goalDuplicate: (): string =>
    "“实际完成情况”与“预期目标”内容完全相同。请写明年度目标的实际完成情况，而不是照抄预期目标。",
  unparsed: (what: string, text: string): string =>
    `${what}${q(text)}既不是数值，也不是规定的定性表述（达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差），无法自动核对。请确认填写是否规范。`,
  /** ADDIN_FORMULA: `cells` are the first addresses, `count` all of them; `elsewhere` on other sheets. */
  addinFormula: (cells: string[], count: number, elsewhere: { sheets: string[]; count: number }): string => {
    const here =
      count === 0
        ? ""
        : `本表 ${cells.join("、")}${count > cells.length ? ` 等 ${count} 个单元格` : count > 1 ? ` 共 ${count} 个单元格` : ""}使用了本加载项的函数（JX.*）`;
    const there =
      elsewhere.count === 0
        ? ""
        : `${here ? "，另有" : "工作簿中"}工作表“${elsewhere.sheets.join("”“")}”的 ${elsewhere.count} 个单元格${here ? "" : "使用了本加载项的函数（JX.*）"}`;
    return `${here}${there}。没有安装本加载项的 Excel 或 WPS（如财政局审核时）重新计算后会显示 #NAME?。提交前请在任务窗格点击“转换为普通公式”（有等价内置公式的换成公式，其余换成数值），或复制这些单元格后“选择性粘贴 → 数值”。`;
  },
};

/** Display names of form fields and columns, for the messages above. */
export const FIELD_NAMES = {
  department: "预算部门、单位名称",
  budgetCode: "预算编码",
  contact: "联系人",
  phone: "联系电话",
  expected: "预期目标",
  actual: "实际完成情况",
  total: "总分",
  grade: "评价等级",
  target: "年度指标值",
  actualValue: "实际完成值",
  weight: "分值",
  score: "得分",
  fullYearBudget: "全年预算数",
  executed: "全年执行数",
  initialBudget: "年初预算数",
  rate: "执行率",
  budgetTotal: "年度资金总额",
  executionScore: "预算执行率得分",
  goalActual: "年度总体目标的实际完成情况",
  indicatorActual: "实际完成值",
} as const;
