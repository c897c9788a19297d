/**
 * The older Hunan report form (domain.md §2.7, seed 004): the 一级 summary table
 * 一级指标 | 指标分值 | 自评得分 | 得分率 with rows 投入/产出/效益/满意度/合计.
 */
import type { Level1Summary } from "../model";
import { normalizeLabel, normalizeLevel1 } from "../labels";
import { type Hit, type SheetIndex, textOf } from "./scan";

const MAX_SUMMARY_ROWS = 30;
/** 一级 names a summary row may carry (after normalizeLevel1). */
const SUMMARY_ROWS = new Set(["投入指标", "产出指标", "效益指标", "满意度指标"]);

export interface SummaryTable {
  header: Hit;
  rows: Level1Summary[];
}

export function locateSummary(ix: SheetIndex): SummaryTable | null {
  for (const head of ix.hits("ind.col.level1")) {
    const rowHits = ix.rowHits(head.row);
    if (rowHits.some((h) => h.roles.includes("ind.col.level2") || h.roles.includes("ind.col.name"))) continue;
    const colFor = (role: "summary.col.weight" | "summary.col.score" | "summary.col.rate"): number | null => {
      const h = rowHits.find((x) => x.col > head.col && x.roles.includes(role));
      return h ? h.col : null;
    };
    const weightCol = colFor("summary.col.weight");
    const scoreCol = colFor("summary.col.score");
    const rateCol = colFor("summary.col.rate");
    if (rateCol === null && (weightCol === null || scoreCol === null)) continue;
    const rows: Level1Summary[] = [];
    let r = ix.bottomEdge(head.row, head.col) + 1;
    for (let n = 0; n < MAX_SUMMARY_ROWS; n++, r++) {
      const nameCell = ix.cell(r, head.col);
      const name = textOf(nameCell);
      // Another block's label ends the table — except a 一级 name the label table also knows (预算执行率
      // printed for the 投入 row is a budget label too).
      if (name === "" || (ix.isLabelAt(r, head.col) && !SUMMARY_ROWS.has(normalizeLevel1(name)))) break;
      rows.push({
        name,
        nameRef: ix.ref(r, head.col),
        weight: ix.field(r, weightCol),
        score: ix.field(r, scoreCol),
        rate: ix.field(r, rateCol),
      });
      if (/^(合计|总计)$/.test(normalizeLabel(name))) break;
    }
    if (rows.length > 0) return { header: head, rows };
  }
  return null;
}
