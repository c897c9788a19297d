/**
 * Builder of the provincial 项目支出绩效自评表 variants (./variants.ts) as a grid, for tests and samples: the
 * standard builder (template.ts) with the variant's columns and label texts, then, for a variant with a
 * group heading (Yunnan 2020), a second header row: the grouped columns' headings move down one row under
 * the heading merged across them, every other heading is merged down over both rows. Pure.
 */
import type { Cell, Sheet } from "../../grid";
import { insertRows } from "../../gridEdit";
import { type BuildOptions, type FormSpec, buildStandardForm, standardLayout } from "../../template";
import { type ProjectVariantId, projectVariant } from "./variants";

export interface VariantForm {
  sheet: Sheet;
  /** Rows the indicator header takes (1 or 2): rows of the standard layout at or below it move down by `shift`. */
  headerRows: number;
  /** Sheet row of the indicator table's first header row. */
  headerRow: number;
}

/** The build options of a variant (kind project, its column order and label texts), `options` on top. */
export function variantOptions(id: ProjectVariantId, options: BuildOptions = {}): BuildOptions {
  const v = projectVariant(id);
  return {
    kind: "project",
    indicatorOrder: [...v.order],
    ...options,
    labels: { ...v.texts, ...options.labels },
  };
}

export function buildProjectVariant(
  spec: FormSpec,
  id: ProjectVariantId,
  options: BuildOptions = {},
): VariantForm {
  const v = projectVariant(id);
  const opts = variantOptions(id, options);
  const sheet = buildStandardForm(spec, opts);
  const L = standardLayout(spec, opts);
  const h = L.indicators.headerRow;
  if (!v.group) return { sheet, headerRows: 1, headerRow: h };
  const ic = L.indicators.columns;
  const grouped = v.group.columns.map((k) => ic[k]).filter((c): c is number => c !== null);
  // The new second header row: the grouped headings, moved down from the first.
  const headRow = sheet.cells[h] ?? [];
  const second: (Cell | undefined)[] = [];
  for (const c of grouped) second[c] = headRow[c];
  const out = insertRows(sheet, h + 1, [second]);
  const first = out.cells[h];
  for (const c of grouped) first[c] = undefined;
  const left = Math.min(...grouped);
  first[left] = { value: { kind: "text", value: v.group.label } };
  out.merges.push({ top: h, left, bottom: h, right: Math.max(...grouped) });
  // Every other heading of the table spans both header rows.
  const others = [
    ic.level1,
    ic.level2,
    ic.name,
    ic.nature,
    ic.unit,
    ic.target,
    ic.actual,
    ic.weight,
    ic.score,
    ic.reason,
  ];
  for (const c of others)
    if (c !== null && !grouped.includes(c)) out.merges.push({ top: h, left: c, bottom: h + 1, right: c });
  return { sheet: out, headerRows: 2, headerRow: h };
}
