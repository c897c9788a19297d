/**
 * The 复核底稿 as table rows (title, header, one line per item, 自评得分 / 复核得分 / 偏离度): what every host
 * writes — the CLI's marked copies (src/io/reviewSheet.ts) and the pane's 导出校验报告.
 */
import { a1, refToString } from "../grid";
import type { CorrectionPlan, RuleProfile, SelfEvalForm } from "../model";
import { cleanFloat, formatNumber } from "../numbers";
import { diffOf, reviewWorksheet, type ReviewWorksheet } from "./worksheet";

export const WORKSHEET_HEADER = ["核查项", "公式/来源", "计算值", "报告值", "差额", "判断", "单元格"];

export type TableCell = string | number;

/** "3.07%"; "—" when not computable. */
export function deviationText(deviation: number | null): string {
  if (deviation === null) return "—";
  return `${formatNumber(cleanFloat(deviation * 100), 2)}%`;
}

/**
 * The worksheet of one form as rows: a title line, the header, one row per item, then 自评得分 / 复核得分 /
 * 偏离度. `title` names the form (单位, 年度, 工作表/区域). Blank cells are "".
 */
export function worksheetTable(ws: ReviewWorksheet, title: string): TableCell[][] {
  const cell = (v: number | string | null): TableCell => (v === null ? "" : v);
  const out: TableCell[][] = [[title], WORKSHEET_HEADER];
  for (const r of ws.rows) {
    out.push([
      r.item,
      r.source,
      cell(r.computed),
      cell(r.reported),
      cell(r.difference),
      r.verdict,
      r.ref ? refToString(r.ref) : "",
    ]);
  }
  out.push(["自评得分", "表中总分", "", cell(ws.selfScore), "", "", ""]);
  out.push(["复核得分", "按评分规则重算的总分", cell(ws.reviewScore), "", "", "", ""]);
  out.push([
    "偏离度",
    "（自评得分 − 复核得分）÷ 自评得分",
    deviationText(ws.deviation),
    "",
    ws.selfScore !== null && ws.reviewScore !== null ? diffOf(ws.selfScore, ws.reviewScore)! : "",
    "",
    "",
  ]);
  return out;
}

/** "武冈市科技和工业信息化局 2022 年度（工作表“自评表” A1:J40）". */
export function worksheetTitle(r: {
  department: string | null;
  year: number | null;
  sheet: string | null;
  area?: string | null;
}): string {
  const where = [r.sheet ? `工作表“${r.sheet}”` : "", r.area ?? ""].filter(Boolean).join(" ");
  return `复核底稿：${r.department ?? "（单位名称未填写）"}${r.year ? ` ${r.year} 年度` : ""}${where ? `（${where}）` : ""}`;
}

/** Where a form lies on its sheet, "A1:J40" (two forms may share a sheet). */
export function formArea(form: SelfEvalForm | null): string | null {
  if (!form) return null;
  const b = form.bounds;
  return `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
}

/**
 * The 复核底稿 of every form of a checked workbook, one after the other with a blank line between
 * (forms not found are left out). Each with the profile and plan its result carries (FormResult.profileUsed,
 * FormResult.plan): the checker's decisions, not made again here.
 */
export function worksheetRows(results: readonly FormResultLike[]): TableCell[][] {
  const out: TableCell[][] = [];
  for (const r of results) {
    if (!r.form) continue;
    if (out.length > 0) out.push([]);
    const ws = reviewWorksheet({ form: r.form, profileUsed: r.profileUsed, plan: r.plan });
    out.push(...worksheetTable(ws, worksheetTitle({ ...r, area: formArea(r.form) })));
  }
  return out;
}

/** What worksheetRows needs of a FormResult. */
export interface FormResultLike {
  form: SelfEvalForm | null;
  profileUsed: RuleProfile;
  plan: CorrectionPlan | null;
  department: string | null;
  year: number | null;
  sheet: string | null;
}
