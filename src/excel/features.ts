/**
 * Excel JavaScript API requirement sets: the minimum the add-in declares, and the newer calls it makes
 * only where the build supports them (Office.context.requirements.isSetSupported).
 *
 * Every Excel call of src/excel/ and its set, from the Excel JavaScript API reference:
 *   1.1  worksheets (items, add, delete, getItem, activate, visibility), Range (values, valueTypes,
 *        formulas, numberFormat, rowIndex/columnIndex, rowCount/columnCount, getBoundingRect,
 *        getIntersection, select, clear), RangeFill.color and clear()
 *   1.2  Worksheet.getUsedRange(valuesOnly), Worksheet.protection, RangeFormat.protection, autofitColumns
 *   1.4  Worksheet.getUsedRangeOrNullObject                                  ← MIN_EXCEL_API
 *   1.7  Workbook.protection (structure protection)                           gated: workbookProtection
 *        Worksheet.freezePanes (the report sheet's header)                    gated: freezePanes
 *   1.9  Worksheet.getRanges, Range.getCellProperties, RangeFill.pattern/patternColor/tintAndShade
 *                                                                             gated: rangeAreas, fillDetails
 *        Worksheet.autoFilter, Worksheet.pageLayout (report sheets)           gated: pageLayout
 * The report sheets' widths, wrapping and row heights (reportLayout.ts) use 1.1 and 1.2 only.
 *   1.13 Range.getMergedAreasOrNullObject                                     gated: mergedAreas
 * The manifest declares ExcelApi MIN_EXCEL_API next to SharedRuntime 1.1 (test/manifest checks both).
 */

/** The lowest ExcelApi set the add-in calls without a feature test. */
export const MIN_EXCEL_API = "1.4";

export interface ExcelFeatures {
  /** ExcelApi 1.9: fill pattern/tintAndShade and getCellProperties (exact "no fill" vs white). */
  fillDetails: boolean;
  /** ExcelApi 1.9: Worksheet.getRanges (one RangeAreas per colour instead of one Range per area). */
  rangeAreas: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.7: Workbook.protection (is the structure protected). */
  workbookProtection: boolean;
  /** ExcelApi 1.7: Worksheet.freezePanes (the report sheet's frozen header). */
  freezePanes: boolean;
  /** ExcelApi 1.9: Worksheet.autoFilter and Worksheet.pageLayout (the report sheet's filter and print setup). */
  pageLayout: boolean;
}

/** Requirement set of each gated feature. */
export const FEATURE_SETS: Record<keyof ExcelFeatures, string> = {
  fillDetails: "1.9",
  rangeAreas: "1.9",
  mergedAreas: "1.13",
  workbookProtection: "1.7",
  freezePanes: "1.7",
  pageLayout: "1.9",
};

/** The features of a build, given its isSetSupported("ExcelApi", version). */
export function detectFeatures(isSupported: (version: string) => boolean): ExcelFeatures {
  return {
    fillDetails: isSupported(FEATURE_SETS.fillDetails),
    rangeAreas: isSupported(FEATURE_SETS.rangeAreas),
    mergedAreas: isSupported(FEATURE_SETS.mergedAreas),
    workbookProtection: isSupported(FEATURE_SETS.workbookProtection),
    freezePanes: isSupported(FEATURE_SETS.freezePanes),
    pageLayout: isSupported(FEATURE_SETS.pageLayout),
  };
}
