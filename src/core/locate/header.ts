/** Title, year line and the header fields (domain.md §2.1). */
import type { CellRef } from "../grid";
import type { FormField, SelfEvalForm } from "../model";
import type { LabelRole } from "../labels";
import { type Hit, type SheetIndex, firstHit } from "./scan";

export const TITLE_RE = /绩效自评(表|报告)|支出绩效自评|自评表$/;
const YEAR_LINE_RE = /^\(?(?:(\d{4})年度?|年度:?(\d{4})年?)\)?$/;
const YEAR_IN_TEXT_RE = /(\d{4})年/;

function plausibleYear(y: number): boolean {
  return y >= 1990 && y <= 2100;
}

export interface TitleInfo {
  titleRef: CellRef | null;
  year: number | null;
  yearRef: CellRef | null;
}

/** The title (first text like 部门整体支出绩效自评表) and the form's year from （2023年度） or the title. */
export function locateTitle(ix: SheetIndex, firstBlockRow: number): TitleInfo & { titleText: string } {
  const title = ix.texts.find((t) => TITLE_RE.test(t.norm) && t.row <= firstBlockRow);
  const years: { row: number; col: number; year: number }[] = [];
  for (const t of ix.texts) {
    const m = YEAR_LINE_RE.exec(t.norm);
    if (!m) continue;
    const y = Number(m[1] ?? m[2]);
    if (plausibleYear(y)) years.push({ row: t.row, col: t.col, year: y });
  }
  const titleRef = title ? ix.ref(title.row, title.col) : null;
  const titleText = title?.norm ?? "";
  let line = title ? years.find((y) => y.row >= title.row && y.row <= title.row + 3) : undefined;
  line ??= years.find((y) => y.row <= firstBlockRow);
  if (line) return { titleRef, titleText, year: line.year, yearRef: ix.ref(line.row, line.col) };
  if (title) {
    const m = YEAR_IN_TEXT_RE.exec(title.norm);
    if (m && plausibleYear(Number(m[1])))
      return { titleRef, titleText, year: Number(m[1]), yearRef: titleRef };
  }
  return { titleRef, titleText, year: null, yearRef: null };
}

const HEADER_ROLES: Record<keyof SelfEvalForm["header"], LabelRole> = {
  department: "header.department",
  budgetCode: "header.budgetCode",
  contact: "header.contact",
  phone: "header.phone",
  reportDate: "header.reportDate",
  projectName: "header.projectName",
  implementer: "header.implementer",
};

/** Header fields: the first label of each kind; its value right of it (after its merge), below it or inline. */
export function locateHeader(ix: SheetIndex): SelfEvalForm["header"] {
  const out = {} as Record<keyof SelfEvalForm["header"], FormField | null>;
  for (const key of Object.keys(HEADER_ROLES) as (keyof SelfEvalForm["header"])[]) {
    const hit: Hit | undefined = firstHit(ix.hits(HEADER_ROLES[key]));
    out[key] = hit ? ix.valueOf(hit, "right") : null;
  }
  return out;
}
