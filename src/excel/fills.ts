/**
 * Cell fills: what we record before highlighting a cell, and how we put it back.
 *
 * What Excel tells us about a single cell's fill (Excel.RangeFill):
 * - `color` (ExcelApi 1.1) is "#FFFFFF" both for "no fill" and for a solid white fill (office-js#6218).
 * - `pattern`, `patternColor`, `tintAndShade`, `patternTintAndShade` need ExcelApi 1.9. For "no fill"
 *   `pattern` is "None" (or null on some builds, office-js#4900) and `tintAndShade` is null, while any
 *   real fill, white included, has a number there (maintainer answer in office-js#4900).
 *
 * So with ExcelApi 1.9 we tell "no fill" from "white fill" exactly; without it "#FFFFFF" is taken as
 * "no fill" (a deliberate white fill would come back as no fill: gridlines show again).
 *
 * Restoring: "no fill" → `fill.clear()`, which is exactly Excel's "No Fill". A fill → `color`, then
 * `pattern` and `patternColor` when the original had a pattern. `tintAndShade` is recorded for the
 * "no fill" test only and not written back: `color` already reads as the displayed colour, and writing
 * the tint on top of it would lighten it a second time. (A theme colour therefore comes back as the
 * same RGB colour, no longer linked to the theme.)
 */

/** "No fill", or a fill as we can write it back. Field order is fixed so JSON keys group equal fills. */
export type FillRecord = { none: true } | { color: string; pattern?: string; patternColor?: string };

/** The fill properties loaded for one cell (ExcelApi 1.9 fields absent on older hosts). */
export interface LoadedFill {
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

export const WHITE = "#FFFFFF";

function normColor(c: string): string {
  return c.trim().toUpperCase();
}

/** Interpret the loaded fill of one cell. `detailed` = the ExcelApi 1.9 fields were loaded. */
export function fillFromLoaded(f: LoadedFill, detailed: boolean): FillRecord {
  const color = f.color === null ? null : normColor(f.color);
  if (!detailed) return color === null || color === WHITE ? { none: true } : { color };
  if (f.pattern === "None") return { none: true };
  if ((f.tintAndShade === null || f.tintAndShade === undefined) && (color === null || color === WHITE)) {
    return { none: true };
  }
  if (color === null) return { none: true };
  const rec: { color: string; pattern?: string; patternColor?: string } = { color };
  if (f.pattern && f.pattern !== "Solid") {
    rec.pattern = f.pattern;
    if (f.patternColor) rec.patternColor = normColor(f.patternColor);
  }
  return rec;
}

/** Stable key of a fill, for grouping cells that get the same fill back. */
export function fillKey(f: FillRecord): string {
  return "none" in f ? "none" : JSON.stringify([f.color, f.pattern ?? null, f.patternColor ?? null]);
}

/** Minimal shape of Excel.RangeFill that restoring needs (also fits RangeAreas.format.fill). */
export interface WritableFill {
  color: string;
  pattern: string;
  patternColor: string;
  clear(): void;
}

/** Queue the writes that give `target` the recorded fill back. */
export function queueRestore(target: WritableFill, f: FillRecord, detailed: boolean): void {
  if ("none" in f) {
    target.clear();
    return;
  }
  target.color = f.color;
  if (!detailed) return;
  if (f.pattern) {
    target.pattern = f.pattern;
    if (f.patternColor) target.patternColor = f.patternColor;
  } else {
    target.pattern = "Solid";
  }
}

/** Highlight colours per severity: the core's one table. */
export { MARK_COLORS } from "../core/marks";

export function isFillRecord(x: unknown): x is FillRecord {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  if (o.none === true) return true;
  return (
    typeof o.color === "string" &&
    (o.pattern === undefined || typeof o.pattern === "string") &&
    (o.patternColor === undefined || typeof o.patternColor === "string")
  );
}
