/* global console, structuredClone */
/**
 * Property-based tests of the whole check on generated grids (fast-check, fixed seed; FUZZ_RUNS sets
 * the total count, FUZZ_SEED the seed). Three families:
 *  - random sparse grids of the form's own labels, value-like texts, extreme numbers, errors, dates,
 *    full-width and 10,000-character texts, overlapping / out-of-range merges, empty rows;
 *  - forms built with buildStandardForm from random specs (every field drawn from the same values);
 *  - 项目支出绩效自评表 built from random specs with random column orders (Tianjin / Sichuan labels);
 *  - real forms (the correct form, seed 000/004 reproductions, the samples, the Hunan report form, the
 *    empty template, project forms: alone, stacked two on a sheet, beside a department form; the
 *    Tianjin-style sample) after 1–8 random mutations (delete, swap, number → text, insert/delete rows …).
 * Profiles: each built-in one, or none (the automatic choice).
 * Invariants: test/fuzz/invariants.ts.
 */
import { afterAll, describe, expect, test } from "@jest/globals";
import fc from "fast-check";
import type { Sheet, Workbook } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/check";
import { getProfile } from "../../src/core/profiles";
import { buildStandardForm, emptyStandardSpec } from "../../src/core/template";
import { kindSampleSheet, kindSampleSpecs, sampleSpecs } from "../../scripts/sample-specs";
import { correctSpec, seed000Spec, seed004Spec } from "../checks/fixtures";
import { hunanSheet } from "../checks/helpers";
import { byNatureSpec } from "../locate/fixtures";
import { PROJECT_OPTIONS, projectSpec } from "../kinds/fixtures";
import {
  anyBuildOptions,
  anyMutation,
  anyProjectOptions,
  anyProjectSpec,
  anySpec,
  anyWorkbook,
  FUZZ_RUNS,
  mutate,
  runs,
} from "./arbitraries";
import { checkLocator, checkResults, checkWholeCheck, InvariantError } from "./invariants";

const PROFILES = ["hunan", "national", "step-deduction"].map((id) => getProfile(id));
/** undefined: no profile chosen, the core picks one per form. */
const profileArb = fc.constantFrom(...PROFILES, undefined);

/** Two project forms stacked on one sheet (the second starts 3 rows below the first). */
function stackedProjects(): Sheet {
  const a = buildStandardForm(projectSpec(), PROJECT_OPTIONS);
  const top = a.cells.length + 2;
  const b = buildStandardForm(
    { ...projectSpec(), projectName: "技改补助" },
    {
      ...PROJECT_OPTIONS,
      origin: { row: top, col: 0 },
    },
  );
  const cells = [...a.cells];
  b.cells.forEach((row, i) => {
    if (row) cells[i] = row;
  });
  return { name: PROJECT_OPTIONS.sheetName!, cells, merges: [...a.merges, ...b.merges] };
}

/** Real forms to mutate. */
const BASES: { name: string; wb: Workbook }[] = [
  { name: "correct", wb: { sheets: [buildStandardForm(correctSpec())] } },
  {
    name: "correct@C5,extras",
    wb: {
      sheets: [
        buildStandardForm(correctSpec(), { origin: { row: 4, col: 2 }, extraColumns: ["nature", "unit"] }),
      ],
    },
  },
  { name: "correct,no merges", wb: { sheets: [buildStandardForm(correctSpec(), { mergeLevels: false })] } },
  { name: "seed000", wb: { sheets: [buildStandardForm(seed000Spec())] } },
  { name: "seed004", wb: { sheets: [buildStandardForm(seed004Spec())] } },
  { name: "by-nature", wb: { sheets: [buildStandardForm(byNatureSpec())] } },
  { name: "empty template", wb: { sheets: [buildStandardForm(emptyStandardSpec(2023))] } },
  { name: "hunan report", wb: { sheets: [hunanSheet()] } },
  {
    name: "two forms",
    wb: {
      sheets: [
        buildStandardForm(correctSpec(), { sheetName: "表一" }),
        buildStandardForm(seed000Spec(), { sheetName: "表二" }),
      ],
    },
  },
  ...sampleSpecs().map((s) => ({ name: s.file, wb: { sheets: [buildStandardForm(s.spec)] } })),
  ...kindSampleSpecs().map((s) => ({ name: s.file, wb: { sheets: [kindSampleSheet(s)] } })),
  { name: "project", wb: { sheets: [buildStandardForm(projectSpec(), PROJECT_OPTIONS)] } },
  { name: "two projects stacked", wb: { sheets: [stackedProjects()] } },
  {
    name: "department + project",
    wb: {
      sheets: [
        buildStandardForm(correctSpec(), { sheetName: "部门" }),
        buildStandardForm(projectSpec(), { ...PROJECT_OPTIONS, origin: { row: 2, col: 1 } }),
      ],
    },
  },
];

/** Generous: ~40 s for 10,000 grids on two idle cores; larger FUZZ_RUNS scale it. */
const LIMIT_MS = Math.max(300_000, FUZZ_RUNS * 60);

/** Share of FUZZ_RUNS per family (sums to 1). */
const SHARE = { random: 0.35, spec: 0.2, project: 0.15, mutated: 0.3 };
const counted = { random: 0, spec: 0, project: 0, mutated: 0, located: 0, deep: 0, projectForms: 0 };

afterAll(() => {
  // The record of what ran (visible with --verbose or in CI logs).
  console.log(
    `fuzz: ${counted.random + counted.spec + counted.project + counted.mutated} grids (random ${counted.random}, ` +
      `from specs ${counted.spec}, project specs ${counted.project}, mutated ${counted.mutated}); forms located in ` +
      `${counted.located}, indicator rows checked in ${counted.deep}, project forms in ${counted.projectForms}; ` +
      `FUZZ_RUNS=${FUZZ_RUNS}`,
  );
});

function tally(results: ReturnType<typeof checkWholeCheck>): void {
  if (results.some((r) => r.form)) counted.located++;
  if (results.some((r) => (r.form?.indicators?.rows.length ?? 0) > 0)) counted.deep++;
  if (results.some((r) => r.form?.kind === "project")) counted.projectForms++;
}

describe("the whole check on generated grids", () => {
  test(
    "random grids: never throws, a result per form, well-formed findings, same result twice",
    () => {
      fc.assert(
        fc.property(anyWorkbook, profileArb, (wb, profile) => {
          counted.random++;
          checkLocator(wb);
          tally(checkWholeCheck(wb, profile));
        }),
        runs(SHARE.random),
      );
    },
    LIMIT_MS,
  );

  test(
    "forms built from random specs: the same properties, and the form is found",
    () => {
      fc.assert(
        fc.property(anySpec, anyBuildOptions, profileArb, (spec, options, profile) => {
          counted.spec++;
          let sheet: Sheet;
          try {
            sheet = buildStandardForm(spec, options);
          } catch {
            return; // the builder rejects a spec (not the checker's concern)
          }
          const wb = { sheets: [sheet] };
          checkLocator(wb);
          const results = checkWholeCheck(wb, profile);
          tally(results);
          // Every label is in place, so the form must be found.
          expect(results[0].form).not.toBeNull();
        }),
        runs(SHARE.spec),
      );
    },
    LIMIT_MS,
  );

  test(
    "project forms built from random specs and column orders: the same properties, found as project forms",
    () => {
      fc.assert(
        fc.property(anyProjectSpec, anyProjectOptions, profileArb, (spec, options, profile) => {
          counted.project++;
          let sheet: Sheet;
          try {
            sheet = buildStandardForm(spec, options);
          } catch {
            return;
          }
          const wb = { sheets: [sheet] };
          checkLocator(wb);
          const results = checkWholeCheck(wb, profile);
          tally(results);
          // The project title and its 项目名称 / 实施单位 labels are in place: one project form.
          expect(results.map((r) => r.form?.kind)).toEqual(["project"]);
        }),
        runs(SHARE.project),
      );
    },
    LIMIT_MS,
  );

  test(
    "real forms after random mutations: the same properties",
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...BASES),
          fc.array(anyMutation, { minLength: 1, maxLength: 8 }),
          profileArb,
          (base, mutations, profile) => {
            counted.mutated++;
            const wb = mutate(base.wb, mutations);
            checkLocator(wb);
            tally(checkWholeCheck(wb, profile));
          },
        ),
        runs(SHARE.mutated),
      );
    },
    LIMIT_MS,
  );

  test("the area invariant can fail: a finding moved outside its form's area is caught", () => {
    const wb = { sheets: [buildStandardForm(projectSpec(), PROJECT_OPTIONS)] };
    const results = checkWorkbook(wb, {});
    expect(() => checkResults(wb, results)).not.toThrow();
    const b = results[0].form!.bounds;
    const moved = structuredClone(results);
    moved[0].findings = [
      {
        ...(moved[0].findings[0] ?? {
          rule: "SUM_MISMATCH",
          severity: "error",
          category: "arithmetic",
          message: "x",
        }),
        ref: { sheet: wb.sheets[0].name, row: b.bottom + 1, col: b.left },
      },
    ];
    expect(() => checkResults(wb, moved)).toThrow(InvariantError);
  });

  test("the unmutated bases themselves pass the invariants and are found", () => {
    for (const base of BASES) {
      const results = checkWholeCheck(base.wb, PROFILES[0]);
      expect(results.every((r) => r.form !== null)).toBe(true);
    }
  });
});
