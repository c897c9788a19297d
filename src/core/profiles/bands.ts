/**
 * Grade bands printed on a form (domain.md §2.10, seed 004's 备注): one parser for the automatic profile
 * choice and the 自评报告's grading — src/core/gradeBands.ts (parseGradeBands), under the name the profile
 * code uses.
 */
export { parseGradeBands as parsePrintedBands } from "../gradeBands";
