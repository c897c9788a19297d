/**
 * Label spellings of the provincial 项目支出绩效自评表 variants (./variants.ts) that the national template does
 * not print, by variant: merged into the project kind's labels (./index.ts), so the locator reads them. Kept
 * apart from the variants' layout data, which only the builder (./template.ts) uses.
 */
import type { LabelRole } from "../../labels";

export const VARIANT_LABELS: Readonly<
  Record<"yunnan-2020" | "sichuan", Partial<Record<LabelRole, readonly string[]>>>
> = {
  "yunnan-2020": {
    "budget.row.current": ["财政资金", "其中：财政资金"],
    "ind.col.weight": ["权重/分值", "分值/权重", "权重（分值）"],
    "ind.col.reason": ["未完成原因", "未完成原因分析及改进措施"],
  },
  sichuan: {
    "budget.row.current": ["财政拨款", "其中：财政拨款"],
    "budget.row.other": ["自筹资金", "其中：自筹资金"],
  },
};

/** Every variant's spellings, by role. */
export function variantLabels(): Partial<Record<LabelRole, readonly string[]>> {
  const out: Partial<Record<LabelRole, string[]>> = {};
  for (const labels of Object.values(VARIANT_LABELS))
    for (const [role, texts] of Object.entries(labels) as [LabelRole, readonly string[]][])
      (out[role] ??= []).push(...texts.filter((t) => !out[role]!.includes(t)));
  return out;
}
