/**
 * Grade bands printed on a form (domain.md §2.10, seed 004's 备注): one parser for the automatic profile
 * choice and the 自评报告's grading — src/core/gradeBands.ts (parseGradeBands), under the name the profile
 * code uses.
 */
export { parseGradeBands as parsePrintedBands } from "../gradeBands";
import type { GradeBand } from "../model";

/** Grade bands a form prints (a kind's profile hint, e.g. the 自评报告's 备注 line). */
export interface PrintedBands {
  /** The bands, highest first; null when none. */
  bands: GradeBand[] | null;
  /** Where they were read, for the reason text ("备注"); null when none. */
  source: string | null;
}
