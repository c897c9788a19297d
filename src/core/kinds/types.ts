/**
 * What describes one kind of form (domain.md §2, §2.7, §2.8): its names, the labels only it prints, the
 * blocks it has, its required header fields and the weights its template prints. One folder per kind
 * (`src/core/kinds/<kind>/`) exports one FormKindSpec; the registry (`./index.ts`) lists them, the label
 * table (`./roles.ts`) merges their labels, the locator decides a sheet's kind from them and the checks
 * read their required fields. Pure data, no imports at run time. A kind that also reads and checks blocks
 * of its own adds a plug-in (`<kind>/plugin.ts`, registered in `src/core/plugins.ts`).
 */
import type { LabelRole } from "../labels";
import type { FormKind, SelfEvalForm } from "../model";
import type { PrintedBands } from "../profiles/bands";

/** A header field key of SelfEvalForm.header. */
export type HeaderKey = keyof SelfEvalForm["header"];

export interface KindHeaderField {
  key: HeaderKey;
  /** Chinese name used in messages ("项目名称"). */
  name: string;
  /** "required": always (MISSING_FIELD when absent or blank); "if-printed": only when the form prints its label. */
  requirement: "required" | "if-printed";
}

/** Blocks the locator can find on a sheet (or band). */
/** "report": the 自评报告's own blocks (its money tables or its 定量目标 table, KindEvidence.hasReportBlocks). */
export type KindBlock = "indicators" | "budget" | "summary" | "combined" | "report";

/** What the locator found on a sheet (or band), for deciding its kind. */
export interface KindEvidence {
  /** The title text (normalised), "" when none. */
  title: string;
  /** Label roles present in the area. */
  roles: ReadonlySet<LabelRole>;
  hasIndicators: boolean;
  hasBudget: boolean;
  /** The older report's 一级 summary table (一级指标 | 指标分值 | 自评得分 | 得分率). */
  hasSummary: boolean;
  /** The older report's 绩效自评综合得分及评价等次 cell. */
  hasCombined: boolean;
  /** The 自评报告's own blocks: its money tables (收入合计 …) or its 定量目标 table (绩效目标 | 完成情况). */
  hasReportBlocks?: boolean;
}

/** What a form shows about the rule profile it follows (domain.md §2.10), beyond the generic figures. */
export type KindProfileHints = PrintedBands;

export interface FormKindSpec {
  kind: FormKind;
  /** Full Chinese name: 部门整体支出绩效自评表. */
  name: string;
  /** Short Chinese name for the pane and the CLI text: 部门整体 / 项目 / 自评报告. */
  shortName: string;
  /** A title naming this kind (tested on the normalised title text). */
  title: RegExp;
  /** Label spellings only this kind prints, merged into the label table (labels.ts). */
  labels: Partial<Record<LabelRole, readonly string[]>>;
  /** Label roles that mark a sheet as this kind (each present one is a vote). */
  markers: readonly LabelRole[];
  /**
   * Which blocks the kind is found by: at least one of `anchors` present and none of `excludes` (the
   * report has no 三级 indicator table). See blocksFit.
   */
  blocks: { anchors: readonly KindBlock[]; excludes: readonly KindBlock[] };
  /** Header fields and whether each is required. Fields not listed are optional. */
  header: readonly KindHeaderField[];
  /** 评价等级: always required, or only when the form prints a grade label. */
  grade: "required" | "if-printed";
  /** Weights the national template of this kind prints (执行率 / 产出 / 效益 / 满意度). */
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  /**
   * Profile hints only this kind's layout carries (e.g. the report's printed 备注 bands): evidence for the
   * automatic choice (profiles/choose.ts), and printed bands that differ from the profile's grade the form
   * (profiles/graded.ts). The orchestrator asks once per form.
   */
  profileHints?(form: SelfEvalForm): KindProfileHints;
  /**
   * Why the total cannot be checked when a form of this kind has neither per-row points nor a 一级 summary
   * table (Chinese, for the "无法按规则计算总分" finding); the generic reason when absent.
   */
  noSummaryReason?: string;
}
