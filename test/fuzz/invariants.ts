/* global structuredClone */
/**
 * What must hold for every workbook, however odd (model.ts, check.ts, rules.md): checkWorkbook and the
 * locator do not throw and catch no internal error, give at least one result with a findings list,
 * every finding is well formed and points into the workbook, numbers are finite, the JSON output
 * serialises, the input is not modified, and a second run gives the same result.
 *
 * Plain assertions and util.isDeepStrictEqual rather than jest's expect: these run ~10,000 times per
 * test run and expect's deep equality costs more than the check itself.
 */
import { isDeepStrictEqual } from "node:util";
import { checkWorkbook, type InternalError } from "../../src/core/check";
import type { CellRef, Workbook } from "../../src/core/grid";
import { locateForms, locateSheetForms } from "../../src/core/locate";
import { FORM_KINDS } from "../../src/core/kinds";
import { RULE_IDS, type FormResult, type RuleProfile } from "../../src/core/model";
import { toJsonDocument } from "../../src/cli/json";
import { toReportResult } from "../../src/cli/report";

const SEVERITIES = new Set(["error", "warning", "info"]);
const RULES = new Set<string>(RULE_IDS);

export class InvariantError extends Error {
  override name = "InvariantError";
}

function ensure(condition: unknown, what: string, detail?: unknown): asserts condition {
  if (!condition) {
    let extra = "";
    if (detail !== undefined) {
      try {
        extra = `: ${JSON.stringify(detail).slice(0, 800)}`;
      } catch {
        extra = `: ${String(detail)}`;
      }
    }
    throw new InvariantError(`${what}${extra}`);
  }
}

/** Error details for a failing property (the cause of an internal error is what the owner needs). */
function describeInternal(errors: InternalError[]): string {
  return errors
    .map(
      (e) =>
        `${e.stage}@${e.sheet}: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}`,
    )
    .join("\n");
}

/**
 * The locator on its own: locateSheetForms (which locateForms wraps in a try/catch) must not throw either.
 * A sheet may hold several forms (stacked or side by side), so compare with every form of every sheet.
 */
export function checkLocator(wb: Workbook): void {
  const perSheet = wb.sheets.map((s) => locateSheetForms(s));
  const forms = locateForms(wb);
  ensure(
    isDeepStrictEqual(forms, perSheet.flat()),
    "locateForms gives the forms locateSheetForms finds, in sheet order",
  );
  for (const onSheet of perSheet) {
    for (let i = 1; i < onSheet.length; i++) {
      const a = onSheet[i - 1].bounds;
      const b = onSheet[i].bounds;
      const apart = a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left;
      ensure(apart, "forms on one sheet do not overlap", [a, b]);
    }
  }
  for (const f of forms) {
    ensure(
      f.bounds.top <= f.bounds.bottom && f.bounds.left <= f.bounds.right,
      "form bounds are a rectangle",
      f.bounds,
    );
  }
}

function validRef(ref: CellRef | null | undefined, sheets: Set<string>): boolean {
  return (
    !!ref &&
    sheets.has(ref.sheet) &&
    Number.isInteger(ref.row) &&
    ref.row >= 0 &&
    Number.isInteger(ref.col) &&
    ref.col >= 0
  );
}

const finiteOrNotNumber = (v: unknown): boolean => typeof v !== "number" || Number.isFinite(v);

export function checkResults(wb: Workbook, results: FormResult[], profile?: RuleProfile): void {
  ensure(Array.isArray(results) && results.length > 0, "at least one result");
  const sheetNames = new Set(wb.sheets.map((s) => s.name));
  for (const r of results) {
    ensure(Array.isArray(r.findings), "findings is a list");
    if (r.form === null) {
      // No form at all (one result), or a sheet whose kind could not be told (its own result, named).
      ensure(
        results.length === 1 || (r.sheet !== null && sheetNames.has(r.sheet)),
        "no form: exactly one result, or a kind conflict naming its sheet",
      );
      ensure(
        r.findings.length === 1 && r.findings[0].rule === "TEMPLATE_NOT_FOUND",
        "no form: one TEMPLATE_NOT_FOUND finding",
        r.findings,
      );
    } else {
      ensure(
        FORM_KINDS.some((k) => k.kind === r.form!.kind),
        "the form has a known kind",
        r.form.kind,
      );
      // No finding reaches outside its form's area on the form's sheet (another form's cells above all).
      const b = r.form.bounds;
      for (const f of r.findings) {
        if (!f.ref || f.ref.sheet !== r.form.sheet) continue;
        ensure(
          f.ref.row >= b.top && f.ref.row <= b.bottom && f.ref.col >= b.left && f.ref.col <= b.right,
          "the finding lies in its form's area",
          { rule: f.rule, ref: f.ref, bounds: b },
        );
      }
      ensure(
        sheetNames.has(r.form.sheet) && r.sheet === r.form.sheet,
        "the form's sheet is in the workbook",
        r.sheet,
      );
    }
    ensure(
      finiteOrNotNumber(r.total.typed) && finiteOrNotNumber(r.total.computed),
      "totals are finite",
      r.total,
    );
    if (r.grade.computed !== null && profile) {
      // A 自评报告 printing its own bands (备注) is graded by them.
      const bands = r.form?.report?.gradeNote?.bands ?? profile.grades;
      ensure(
        bands.some((g) => g.label === r.grade.computed),
        "the computed grade is a band of the profile (or of the form's printed bands)",
        r.grade,
      );
    }
    for (const f of r.findings) {
      ensure(RULES.has(f.rule), "a known rule id", f.rule);
      ensure(SEVERITIES.has(f.severity), "a known severity", f.severity);
      ensure(typeof f.message === "string" && f.message.length > 0, "a message", f);
      if (f.rule === "TEMPLATE_NOT_FOUND") ensure(f.ref === null, "TEMPLATE_NOT_FOUND has no cell", f);
      else ensure(validRef(f.ref, sheetNames), "the finding's cell is in the workbook", f);
      ensure(
        finiteOrNotNumber(f.typed) && finiteOrNotNumber(f.expected),
        "typed/expected are finite numbers",
        f,
      );
      if (f.fix) {
        ensure(validRef(f.fix.ref, sheetNames), "the fix's cell is in the workbook", f);
        ensure(finiteOrNotNumber(f.fix.value), "the fix value is finite", f);
      }
    }
    for (const w of [r.writeBack.total, r.writeBack.grade]) {
      if (w) ensure(validRef(w, sheetNames), "write-back cells are in the workbook", r.writeBack);
    }
  }
  // The CLI's --json document is built and serialised from the same results.
  const text = JSON.stringify(toJsonDocument([{ file: "x.xlsx", results: results.map(toReportResult) }]));
  ensure(
    (JSON.parse(text) as { files: unknown[] }).files.length === results.length,
    "one JSON entry per form",
  );
}

/** The whole check, twice, on one workbook; returns the first result for further assertions. */
export function checkWholeCheck(wb: Workbook, profile?: RuleProfile): FormResult[] {
  const before = structuredClone(wb);
  const internal: InternalError[] = [];
  const first = checkWorkbook(wb, { profile, internalErrors: internal });
  ensure(internal.length === 0, `no internal error caught by checkWorkbook:\n${describeInternal(internal)}`);
  checkResults(wb, first, profile);
  const second = checkWorkbook(wb, { profile, internalErrors: internal });
  ensure(internal.length === 0, `no internal error on the second run:\n${describeInternal(internal)}`);
  ensure(isDeepStrictEqual(second, first), "the same result twice");
  // structuredClone's objects come from Node's realm, not the test's: compare clone with clone.
  ensure(isDeepStrictEqual(structuredClone(wb), before), "checking does not modify the workbook");
  return first;
}
