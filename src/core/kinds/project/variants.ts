/**
 * Provincial variants of the 项目支出绩效自评表 (domain.md §2.8, §2.9, §2.11), as data: the label spellings
 * they print (./labels.ts, merged into the project kind's labels, so the locator reads them) and how their indicator
 * table and budget block are laid out (used by the builder in ./template.ts for tests and samples). The
 * locator needs no variant: it finds the columns by their labels, over one or more header rows.
 *
 * - Yunnan, 2020 template: budget sub-row 其中：财政资金 (and 其他资金); the indicator header on two rows,
 *   指标性质 / 指标值 / 度量单位 under a merged 绩效指标 heading, the other headings merged down over both
 *   rows: 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重/分值 | 得分 | 未完成原因.
 * - Sichuan: one header row 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |
 *   未完成原因分析 (comparator and unit in their own columns, bare numbers in the value columns); budget
 *   sub-rows 其中：财政拨款 / 上年结转 / 自筹资金.
 */
import type { LabelRole } from "../../labels";
import type { IndicatorColumn } from "../../templateSpec";
import { VARIANT_LABELS } from "./labels";

export type ProjectVariantId = "yunnan-2020" | "sichuan";

export interface ProjectVariant {
  id: ProjectVariantId;
  /** Chinese name for docs and sample names. */
  name: string;
  /** Label spellings this variant prints that the national template does not. */
  labels: Partial<Record<LabelRole, readonly string[]>>;
  /** Its budget rows, 年度资金总额 first, as printed. */
  budgetRows: readonly string[];
  /** Columns between 三级指标 and 分值, in order. */
  order: readonly IndicatorColumn[];
  /** Label texts it prints instead of the national ones, keyed by the national text (builder's `labels`). */
  texts: Readonly<Record<string, string>>;
  /** A group heading on a row of its own above some columns (their headings on the row below). */
  group: { label: string; columns: readonly IndicatorColumn[] } | null;
}

export const PROJECT_VARIANTS: readonly ProjectVariant[] = [
  {
    id: "yunnan-2020",
    name: "云南省项目支出绩效自评表（2020年模板）",
    labels: VARIANT_LABELS["yunnan-2020"],
    budgetRows: ["年度资金总额", "其中：财政资金", "其他资金"],
    order: ["nature", "target", "unit", "actual"],
    texts: {
      年度指标值: "指标值",
      实际完成值: "完成值",
      分值: "权重/分值",
      "budget:分值": "分值",
      偏差原因分析及改进措施: "未完成原因",
    },
    group: { label: "绩效指标", columns: ["nature", "target", "unit"] },
  },
  {
    id: "sichuan",
    name: "四川省项目支出绩效自评表",
    labels: VARIANT_LABELS.sichuan,
    budgetRows: ["年度资金总额", "其中：财政拨款", "上年结转", "自筹资金"],
    order: ["nature", "target", "unit", "actual"],
    texts: {
      年度指标值: "指标值",
      实际完成值: "完成值",
      分值: "权重",
      "budget:分值": "分值",
      偏差原因分析及改进措施: "未完成原因分析",
    },
    group: null,
  },
];

export function projectVariant(id: ProjectVariantId): ProjectVariant {
  return PROJECT_VARIANTS.find((v) => v.id === id)!;
}
