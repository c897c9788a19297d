/**
 * MISSING_FIELD, MISSING_VALUE, MISSING_REASON (rules.md; domain.md §6 "missing").
 */
import { getCell, type CellRef } from "../grid";
import type { FormField, IndicatorRow } from "../model";
import { FIELD_NAMES, MSG, shownValue } from "../messages";
import { fieldRef, fieldText, isBlankField, readNumber, rowLabel } from "../read";
import type { NumberRead } from "../read";
import type { CheckContext } from "./context";
import { kindSpec } from "../kinds";

/** Reasons that say nothing: 无, 暂无, /, —, 没有, 无。 */
const BOILERPLATE_REASON_RE = /^(?:无|暂无|没有|无原因|不适用|[/\\／—–\-－―─.。…]*)$/;

export function isBoilerplateReason(text: string): boolean {
  const s = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[。.]+$/, "");
  return s === "" || BOILERPLATE_REASON_RE.test(s);
}

/** The form's top-left cell, for findings about a field whose label is not on the form at all. */
function formAnchor(ctx: CheckContext): CellRef {
  const f = ctx.form;
  return f.titleRef ?? { sheet: f.sheet, row: f.bounds.top, col: f.bounds.left };
}

/**
 * The formula of a cell that has one but no value: a result of "" or, in a file written by a program and
 * never calculated in Excel, no saved result. Such a cell is not blank: "未填写" would mislead.
 */
function uncalculatedFormula(ctx: CheckContext, ref: CellRef): string | null {
  const sheet = ctx.wb.sheets.find((s) => s.name === ref.sheet);
  const cell = sheet ? getCell(sheet, ref.row, ref.col) : null;
  return cell?.formula && cell.value.kind === "empty" ? cell.formula : null;
}

function requireField(ctx: CheckContext, field: FormField | null, name: string): void {
  const v = field?.cell?.value;
  if (field?.ref && v?.kind === "error") {
    ctx.report({
      rule: "MISSING_FIELD",
      ref: field.ref,
      message: MSG.errorValue("", name, v.value),
      typed: v.value,
    });
    return;
  }
  if (field && !isBlankField(field)) return;
  const ref = fieldRef(field);
  const formula = field?.ref ? uncalculatedFormula(ctx, field.ref) : null;
  if (field?.ref && formula !== null)
    ctx.report({
      rule: "MISSING_FIELD",
      ref: field.ref,
      message: MSG.uncalculatedFormula(`“${name}”`, formula),
      typed: null,
    });
  else if (ref) ctx.report({ rule: "MISSING_FIELD", ref, message: MSG.missingField(name), typed: null });
  else
    ctx.report({
      rule: "MISSING_FIELD",
      ref: formAnchor(ctx),
      message: MSG.missingFieldNoCell(name),
      typed: null,
    });
}

function checkFields(ctx: CheckContext): void {
  const { form, analysis } = ctx;
  const spec = kindSpec(form.kind);
  // Required header fields differ by kind (src/core/kinds/<kind>/): "if-printed" ones only when labelled.
  for (const f of spec.header) {
    const field = form.header[f.key] ?? null;
    if (f.requirement === "required" || field !== null) requireField(ctx, field, f.name);
  }
  requireField(ctx, form.goals.expected, FIELD_NAMES.expected);
  requireField(ctx, form.goals.actual, FIELD_NAMES.actual);

  const combined = form.combinedScoreGrade;
  const totalViaCombined = !form.total.score?.ref && combined?.ref;
  if (totalViaCombined) {
    // Older Hunan form: "评分：96   等级：优" in one cell; each part is required.
    if (isBlankField(combined)) {
      ctx.report({
        rule: "MISSING_FIELD",
        ref: combined!.ref,
        message: MSG.missingField(`${FIELD_NAMES.total}和等级`),
      });
      return;
    }
    if (analysis.typedTotal === null)
      ctx.report({
        rule: "MISSING_FIELD",
        ref: combined!.ref,
        message: MSG.missingField(FIELD_NAMES.total, "应写成“评分：96”"),
      });
    if (analysis.typedGrade === null && !form.grade?.ref)
      ctx.report({
        rule: "MISSING_FIELD",
        ref: combined!.ref,
        message: MSG.missingField(FIELD_NAMES.grade, "应写成“等级：优”"),
      });
    return;
  }
  requireField(ctx, form.total.score, FIELD_NAMES.total);
  const totalField = form.total.score;
  const totalValue = totalField?.cell?.value;
  if (
    totalField?.ref &&
    analysis.typedTotal === null &&
    !isBlankField(totalField) &&
    totalValue?.kind !== "error"
  ) {
    // Filled, but not a number ("九十五", TRUE, a date): the total cannot be compared with its parts.
    ctx.report({
      rule: "MISSING_VALUE",
      ref: totalField.ref,
      message: MSG.notNumber(
        `“${FIELD_NAMES.total}”`,
        shownValue(totalValue?.kind ?? null, fieldText(totalField)),
        "各项得分之和（分数）",
      ),
      typed: fieldText(totalField),
    });
  }
  if (!form.grade?.ref && combined?.ref) {
    if (analysis.typedGrade === null)
      ctx.report({
        rule: "MISSING_FIELD",
        ref: combined.ref,
        message: MSG.missingField(FIELD_NAMES.grade, "应写成“等级：优”"),
      });
  } else if (spec.grade === "required" || form.grade !== null)
    requireField(ctx, form.grade, FIELD_NAMES.grade);
}

/** What a required number cell should hold, for the message's fix. */
type NumberKind = "amount" | "points";

/**
 * One MISSING_VALUE for a required number cell that holds no number: blank, an error value, or something
 * that is not a number (text parseValue cannot read as one, TRUE/FALSE, a date, "/").
 */
function requireNumber(
  ctx: CheckContext,
  read: NumberRead,
  what: string,
  rowName: string,
  kind: NumberKind,
): void {
  if (!read.ref) return; // the form has no such column (reported separately where it matters)
  if (read.status === "empty" || read.status === "error") {
    requireValue(ctx, read, what, rowName);
    return;
  }
  if (read.status !== "text" && read.status !== "placeholder") return;
  const unit = ctx.form.budget?.unit ?? "万元";
  ctx.report({
    rule: "MISSING_VALUE",
    ref: read.ref,
    message: MSG.notNumber(
      `“${rowName}”的${what}`,
      shownValue(read.cellKind, read.text),
      kind === "amount" ? `金额（${unit}）` : "分数",
    ),
    typed: read.text,
  });
}

/** One MISSING_VALUE for a blank or error cell of a required value. */
function requireValue(
  ctx: CheckContext,
  read: NumberRead | { status: string; text: string; ref: CellRef | null },
  what: string,
  rowName: string,
): void {
  if (!read.ref) return; // the form has no such column
  if (read.status === "empty") {
    const formula = uncalculatedFormula(ctx, read.ref);
    ctx.report({
      rule: "MISSING_VALUE",
      ref: read.ref,
      message:
        formula === null
          ? MSG.missingValue(what, rowName)
          : MSG.uncalculatedFormula(`“${rowName}”的${what}`, formula),
      typed: null,
    });
  } else if (read.status === "error")
    ctx.report({
      rule: "MISSING_VALUE",
      ref: read.ref,
      message: MSG.errorValue(what, rowName, read.text),
      typed: read.text,
    });
}

function textStatus(field: FormField | null | undefined): {
  status: string;
  text: string;
  ref: CellRef | null;
} {
  const ref = field?.ref ?? null;
  const v = field?.cell?.value;
  if (!v || v.kind === "empty" || (v.kind === "text" && v.value.trim() === ""))
    return { status: "empty", text: "", ref };
  if (v.kind === "error") return { status: "error", text: v.value, ref };
  return { status: "value", text: fieldText(field), ref };
}

function checkValues(ctx: CheckContext): void {
  const b = ctx.analysis.budget;
  if (b && !b.total) {
    ctx.report({ rule: "MISSING_VALUE", ref: b.block.titleRef, message: MSG.budgetTotalRowMissing() });
  } else if (b?.total) {
    const name = FIELD_NAMES.budgetTotal;
    requireNumber(ctx, b.budget, FIELD_NAMES.fullYearBudget, name, "amount");
    requireNumber(ctx, b.executed, FIELD_NAMES.executed, name, "amount");
    requireNumber(ctx, b.weight, FIELD_NAMES.weight, name, "points");
    requireNumber(ctx, b.score, FIELD_NAMES.score, name, "points");
    // Other amounts may be blank or "/", but one that holds something else (a date, TRUE, text, an error
    // value) is wrong and would silently drop out of the budget sums.
    for (const row of b.block.rows) {
      for (const [field, what] of [
        [row.initialBudget, FIELD_NAMES.initialBudget],
        [row.fullYearBudget, FIELD_NAMES.fullYearBudget],
        [row.executed, FIELD_NAMES.executed],
      ] as const) {
        if (row === b.total && field !== row.initialBudget) continue; // required: reported above
        const read = readNumber(field);
        if (read.status === "text" || read.status === "error")
          requireNumber(ctx, read, what, rowLabel(row.label), "amount");
      }
    }
    // Without these columns the 执行率 and its points cannot be computed: say which column is missing.
    for (const [read, column] of [
      [b.budget, FIELD_NAMES.fullYearBudget],
      [b.executed, FIELD_NAMES.executed],
    ] as const) {
      if (read.status === "absent")
        ctx.report({
          rule: "MISSING_VALUE",
          ref: b.block.titleRef,
          message: MSG.budgetColumnMissing(column),
        });
    }
  }
  for (const i of ctx.analysis.indicators) {
    if (!i.scored) continue;
    const name = rowLabel(i.row.name);
    if (emptyRow(ctx, i.row)) {
      // A row with nothing typed (a blank template's spare rows): one finding for the row, not one per cell.
      const ref = i.row.name.trim() ? i.row.nameRef : (i.row.target?.ref ?? i.row.nameRef);
      ctx.report({
        rule: "MISSING_VALUE",
        ref,
        message: MSG.emptyIndicatorRow(i.row.name.trim() ? name : null, i.row.row + 1),
        typed: null,
      });
      continue;
    }
    requireValue(ctx, textStatus(i.row.target), FIELD_NAMES.target, name);
    requireValue(ctx, textStatus(i.row.actual), FIELD_NAMES.actualValue, name);
    requireNumber(ctx, i.weight, FIELD_NAMES.weight, name, "points");
    requireNumber(ctx, i.score, FIELD_NAMES.score, name, "points");
  }
  // Older Hunan summary (一级指标 | 指标分值 | 自评得分): its scores make the total.
  const rowPoints = ctx.analysis.indicators.some((i) => i.scored && i.row.score?.ref);
  if (!rowPoints) {
    for (const p of ctx.analysis.summary) {
      if (p.name === "合计") continue;
      requireNumber(ctx, p.score, "自评得分", rowLabel(p.summary.name), "points");
    }
  }
}

/** Target, actual, weight and score all blank (no formula either): the row is empty, not half-filled. */
function emptyRow(ctx: CheckContext, row: IndicatorRow): boolean {
  const fields = [row.target, row.actual, row.weight, row.score];
  return (
    fields.every((f) => !f?.ref || (isBlankField(f) && uncalculatedFormula(ctx, f.ref) === null)) &&
    fields.some((f) => f?.ref)
  );
}

/**
 * Points lost with no reason; 执行率 below profile.reasonBelowRate with no reason. Where the reason for a
 * low rate goes: the budget block's reason cell when the form has one; otherwise any 偏差原因 text in the
 * indicator table that mentions 执行 (e.g. "预算执行率偏低是因为…") counts. Without either, the finding
 * points at the 执行率 cell (or 全年执行数).
 */
function checkReasons(ctx: CheckContext): void {
  for (const i of ctx.analysis.indicators) {
    if (!i.scored || !i.row.reason?.ref) continue;
    const w = i.weight.value;
    const s = i.score.value;
    if (w === null || s === null || !(s < w - 0.005)) continue;
    const reason = fieldText(i.row.reason);
    if (!isBoilerplateReason(reason)) continue;
    ctx.report({
      rule: "MISSING_REASON",
      ref: i.row.reason.ref,
      message: MSG.missingReasonLost(rowLabel(i.row.name), w, s, reason),
      typed: reason === "" ? null : reason,
    });
  }

  const b = ctx.analysis.budget;
  const threshold = ctx.profile.reasonBelowRate;
  if (!b || b.rate === null || !(b.rate < threshold - 1e-12)) return;
  const reasonField = b.block.reason;
  if (reasonField?.ref) {
    const text = fieldText(reasonField);
    if (!isBoilerplateReason(text)) return;
    ctx.report({
      rule: "MISSING_REASON",
      ref: reasonField.ref,
      message: MSG.missingReasonRate(b.rate, threshold, "预算资金的原因说明栏"),
      typed: text === "" ? null : text,
    });
    return;
  }
  const explained = ctx.analysis.indicators.some((i) => {
    const t = fieldText(i.row.reason);
    return /执行/.test(t) && !isBoilerplateReason(t);
  });
  if (explained) return;
  const ref = b.rateCell.ref ?? b.executed.ref ?? b.total?.labelRef ?? null;
  if (!ref) return;
  ctx.report({
    rule: "MISSING_REASON",
    ref,
    message: MSG.missingReasonRate(b.rate, threshold, "偏差原因栏"),
    typed: null,
  });
}

export function checkMissing(ctx: CheckContext): void {
  checkFields(ctx);
  checkValues(ctx);
  checkReasons(ctx);
}
