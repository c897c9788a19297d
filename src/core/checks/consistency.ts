/**
 * Consistency: UNIT_MISMATCH, YEAR_MISMATCH, UNKNOWN_CATEGORY, GOAL_DUPLICATE, UNPARSED_VALUE, FIGURE_CONFLICT
 * (domain.md §6 "consistency").
 */
import { cellText, getCell } from "../grid";
import type { CellRef } from "../grid";
import { LEVEL1_NAMES, LEVEL2_NAMES_BY_LEVEL1, isKnownLevel2 } from "../labels";
import type { Level1Name } from "../labels";
import { MSG } from "../messages";
import type { FormField } from "../model";
import { formatPercent } from "../numbers";
import type { ParsedValue } from "../parse";
import { findRateIndicator, ratio } from "../rates";
import { fieldText, rowLabel } from "../read";
import type { CheckContext } from "./context";
import { misstatedYear } from "./years";
import { checkFigures } from "./figures";

const refKey = (r: CellRef): string => `${r.sheet}!${r.row}:${r.col}`;

/** The amount as written, reading a 元 figure as the 万元 it probably means (4.82元 → 4.82). */
function amountAsWritten(p: ParsedValue): number | null {
  if (p.value === null) return null;
  if (p.yuanConverted) return p.rawUnit === "千元" ? p.value * 10 : p.value * 10000;
  return p.value;
}

/** Rate indicators that are a plain actual ÷ target ratio (not a change or adjustment rate). */
const NON_RATIO_RATES = new Set(["threePublicChange", "budgetAdjustment"]);

function checkUnits(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored) continue;
    const t = i.target;
    const a = i.actual;
    const money = (p: ParsedValue): boolean => p.kind === "number" && p.unit === "万元";
    if (i.rateName && (money(t) || money(a))) {
      // A rate indicator holding amounts (seed 004: 公用经费控制率 27.6万元 / 20.48万元).
      const field: FormField | null = money(a) ? i.row.actual : i.row.target;
      if (!field?.ref) continue;
      let computed: string | null = null;
      const rate = findRateIndicator(i.row.name);
      if (money(t) && money(a) && (!rate || !NON_RATIO_RATES.has(rate.id))) {
        const num = amountAsWritten(a);
        const den = amountAsWritten(t);
        if (num !== null && den !== null) {
          const r = ratio(num, den);
          if (r.value !== null) computed = `${formatPercent(r.value, 2)}（${r.steps}）`;
        }
      }
      ctx.report({
        rule: "UNIT_MISMATCH",
        ref: field.ref,
        message: MSG.rateHoldsAmount(rowLabel(i.row.name), fieldText(field), computed),
        typed: fieldText(field),
        ...(computed
          ? { expected: computed.replace(/（.*$/, ""), steps: computed.replace(/^[^（]*（|）$/g, "") }
          : {}),
      });
      continue;
    }
    if (t.kind !== "number" || a.kind !== "number" || !i.row.actual?.ref) continue;
    if (i.yuanSlip) continue; // MAGNITUDE says 元 is probably 万元
    const differ =
      (t.unit !== null && a.unit !== null && t.unit !== a.unit) ||
      (t.isPercent !== a.isPercent && t.unit !== null && a.unit !== null);
    if (!differ) continue;
    ctx.report({
      rule: "UNIT_MISMATCH",
      ref: i.row.actual.ref,
      message: MSG.unitMismatch(rowLabel(i.row.name), t.text, a.text),
      typed: a.text,
    });
  }
}

const YEAR_CHAR_RE = /[年\uf98e]/;

/**
 * A year other than the form's where the form's own period is misstated (./years.ts): the title, its
 * score, budget and execution figures, its reporting-period dates. The year line and the 填报日期 cell are
 * skipped; one finding per cell.
 */
function checkYears(ctx: CheckContext): void {
  const form = ctx.form;
  const year = form.year;
  if (year === null) return;
  const sheet = ctx.wb.sheets.find((s) => s.name === form.sheet);
  if (!sheet) return;
  const skip = new Set<string>();
  for (const r of [form.yearRef, form.header.reportDate?.ref, form.header.reportDate?.labelRef])
    if (r) skip.add(refKey(r));
  // The title and the indicator names state the form's period: any other year there is a misstatement.
  const strict = new Set<string>();
  if (form.titleRef) strict.add(refKey(form.titleRef));
  for (const r of form.indicators?.rows ?? []) if (r.nameRef) strict.add(refKey(r.nameRef));
  const { top, left, bottom, right } = form.bounds;
  for (let row = top; row <= bottom; row++) {
    const cells = sheet.cells[row];
    if (!cells) continue;
    const end = Math.min(right, cells.length - 1);
    for (let col = left; col <= end; col++) {
      const cell = cells[col];
      if (!cell || cell.value.kind !== "text") continue;
      // "20xx年" needs 年 after NFKC: only 年 itself and its compatibility form U+F98E normalise to it.
      const raw = cellText(getCell(sheet, row, col).value);
      if (!YEAR_CHAR_RE.test(raw)) continue;
      const ref = { sheet: form.sheet, row, col };
      const key = refKey(ref);
      if (skip.has(key)) continue;
      const hit = misstatedYear(raw.normalize("NFKC"), year, strict.has(key));
      if (!hit) continue;
      ctx.report({
        rule: "YEAR_MISMATCH",
        ref,
        message: MSG.yearMismatch(hit.year, year, hit.clause),
        typed: hit.year,
        expected: year,
      });
    }
  }
}

function checkCategories(ctx: CheckContext): void {
  // Cells already judged (one finding per merged 一级/二级 cell), keyed by row and column on the form's sheet.
  const seen = new Set<number | string>();
  const sheet = ctx.form.sheet;
  const key = (ref: CellRef): number | string =>
    ref.sheet === sheet ? ref.row * 1048576 + ref.col : refKey(ref);
  // isKnownLevel2 per distinct (canonical 一级, 二级 text): the names repeat down the table.
  const known2 = new Map<string, boolean>();
  const known1 = LEVEL1_NAMES.join("、");
  for (const i of ctx.analysis.indicators) {
    const r = i.row;
    const l1 = i.level1; // normalizeLevel1(r.level1)
    const l1Known = (LEVEL1_NAMES as readonly string[]).includes(l1);
    if (r.level1Ref && l1 !== "" && !seen.has(key(r.level1Ref))) {
      seen.add(key(r.level1Ref));
      if (!l1Known)
        ctx.report({
          rule: "UNKNOWN_CATEGORY",
          ref: r.level1Ref,
          message: MSG.unknownLevel1(r.level1.trim(), known1),
          typed: r.level1.trim(),
        });
    }
    if (r.level2Ref && l1Known && (r.level2 ?? "").trim() !== "" && !seen.has(key(r.level2Ref))) {
      seen.add(key(r.level2Ref));
      const k2 = `${l1}\n${r.level2}`;
      let known = known2.get(k2);
      if (known === undefined) {
        known = isKnownLevel2(r.level1, r.level2);
        known2.set(k2, known);
      }
      if (!known) {
        const list = LEVEL2_NAMES_BY_LEVEL1[l1 as Level1Name];
        ctx.report({
          rule: "UNKNOWN_CATEGORY",
          ref: r.level2Ref,
          message: MSG.unknownLevel2(r.level2.trim(), l1, list.join("、")),
          typed: r.level2.trim(),
        });
      }
    }
  }
}

function checkGoals(ctx: CheckContext): void {
  const { expected, actual } = ctx.form.goals;
  if (!actual?.ref) return;
  const norm = (s: string): string => s.normalize("NFKC").replace(/[\s，。,.;；、]/g, "");
  const e = norm(fieldText(expected));
  const a = norm(fieldText(actual));
  if (e === "" || e !== a) return;
  ctx.report({ rule: "GOAL_DUPLICATE", ref: actual.ref, message: MSG.goalDuplicate() });
}

function checkUnparsed(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored) continue;
    const pairs: [ParsedValue, FormField | null, string][] = [
      [i.target, i.row.target, "年度指标值"],
      [i.actual, i.row.actual, "实际完成值"],
    ];
    for (const [p, field, what] of pairs) {
      if (p.kind !== "unparsed" || !field?.ref) continue;
      if (field.cell.value.kind === "error") continue; // MISSING_VALUE reports error values
      ctx.report({
        rule: "UNPARSED_VALUE",
        ref: field.ref,
        message: MSG.unparsed(`“${rowLabel(i.row.name)}”的${what}`, p.text),
        typed: p.text,
      });
    }
  }
}

export function checkConsistency(ctx: CheckContext): void {
  checkUnits(ctx);
  checkYears(ctx);
  checkCategories(ctx);
  checkGoals(ctx);
  checkUnparsed(ctx);
  checkFigures(ctx);
}
