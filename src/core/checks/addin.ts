/**
 * ADDIN_FORMULA (warning): the workbook computes with the add-in's JX functions. Wherever the add-in
 * is not loaded — the finance bureau's Excel, WPS, Office 2016/2019 — those cells show #NAME? once
 * the workbook recalculates. Recognises the formula as the file stores it (_xldudf_JX_…) and as
 * Excel shows it (JX.…, JX.执行率); the fix is 转换为普通公式 (src/core/portable) or paste as values.
 *
 * One finding per form, at the first such cell of its sheet, naming the cells and the count; JX
 * cells on other sheets (e.g. a sheet of common rates) are counted in the same message.
 */
import { a1, type CellRef } from "../grid";
import { MSG } from "../messages";
import { findJxCells } from "../portable/plan";
import type { CheckContext } from "./context";

/** How many addresses the message lists before "等 N 个单元格". */
const LISTED = 6;

export function checkAddinFormulas(ctx: CheckContext): void {
  const cells = findJxCells(ctx.wb);
  if (cells.length === 0) return;
  const here = cells.filter((c) => c.ref.sheet === ctx.form.sheet);
  const there = cells.filter((c) => c.ref.sheet !== ctx.form.sheet);
  const sheets = [...new Set(there.map((c) => c.ref.sheet))];
  const ref: CellRef = (here[0] ?? there[0]).ref;
  ctx.report({
    rule: "ADDIN_FORMULA",
    ref,
    message: MSG.addinFormula(
      here.slice(0, LISTED).map((c) => a1(c.ref.row, c.ref.col)),
      here.length,
      { sheets, count: there.length },
    ),
    // As Excel shows it (JX.EXECRATE), not as the file stores it (_xldudf_JX_EXECRATE).
    typed: `=${(here[0] ?? there[0]).formula.replace(/_xldudf_JX_/gi, "JX.")}`,
  });
}
