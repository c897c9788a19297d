/* global Excel */
/**
 * What applyMarks (markApply.ts) and clearMarks (markClear.ts) share: painting fills and where the
 * restore record lives besides its sheet.
 *
 * Painting: restores and highlights are queued on the fill of one RangeAreas per colour and address
 * chunk (Worksheet.getRanges, ExcelApi 1.9), or without it one Range per compressed area — more
 * commands, the same single sync. setCellProperties would need a matrix over the bounding box of
 * scattered targets and cannot express "no fill" as clear() does, for no sync saved.
 *
 * The settings record: where the workbook structure is protected no record sheet can be added, so the
 * record rows are kept in the document settings (record.ts's RECORD_SETTING) and saved with the document.
 */
import { posOf, type Target } from "./hostHelpers";
import { chunkAddresses, compressCells, rangeAddress, type Pos } from "./addresses";
import { fillKey, MARK_COLORS, queueRestore, type FillRecord } from "./fills";
import { decodeRecord, encodeRecord, RECORD_SETTING, type RecordEntry } from "./record";
import { saveSettings, type ExcelEnv } from "./runtime";

/** The colours we paint, upper-case (Excel reports fill colours as #RRGGBB). */
export const MARK_COLOR_SET = new Set(Object.values(MARK_COLORS).map((c) => c.toUpperCase()));

/** Queues putting back the recorded original fill of each entry (grouped by sheet and fill). */
export function queueRestores(
  env: ExcelEnv,
  wsOf: (name: string) => Excel.Worksheet,
  entries: RecordEntry[],
): void {
  const groups = new Map<string, { sheet: string; fill: FillRecord; cells: Pos[] }>();
  for (const e of entries) {
    const pos = posOf(e.address);
    if (!pos) continue;
    const key = `${e.sheet}\u0000${fillKey(e.fill)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: e.sheet, fill: e.fill, cells: [] }));
    g.cells.push(pos);
  }
  for (const g of groups.values()) {
    for (const fill of fillsOf(env, wsOf(g.sheet), g.cells))
      queueRestore(fill, g.fill, env.features.fillDetails);
  }
}

/** Queues painting each target in its severity's colour (grouped by sheet and colour). */
export function queueHighlights(
  env: ExcelEnv,
  wsOf: (name: string) => Excel.Worksheet,
  targets: Target[],
): void {
  const groups = new Map<string, { sheet: string; color: string; cells: Pos[] }>();
  for (const t of targets) {
    const key = `${t.sheet}\u0000${t.color}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: t.sheet, color: t.color, cells: [] }));
    g.cells.push({ row: t.row, col: t.col });
  }
  for (const g of groups.values()) {
    for (const fill of fillsOf(env, wsOf(g.sheet), g.cells)) {
      fill.color = g.color;
      if (env.features.fillDetails) fill.pattern = "Solid";
    }
  }
}

/**
 * The fill objects covering these cells: one RangeAreas per address chunk (ExcelApi 1.9), or without
 * it one Range per compressed area — more commands, the same single sync.
 */
function fillsOf(env: ExcelEnv, ws: Excel.Worksheet, cells: Pos[]): Excel.RangeFill[] {
  const areas = compressCells(cells).map(rangeAddress);
  if (!env.features.rangeAreas) return areas.map((a) => ws.getRange(a).format.fill);
  return chunkAddresses(areas).map((chunk) => ws.getRanges(chunk).format.fill);
}

/** The record kept in the document settings (structure-protected workbooks), [] when none. */
export function settingsRecord(env: ExcelEnv): RecordEntry[] {
  const raw = env.settingsIfAny()?.get(RECORD_SETTING);
  if (typeof raw !== "string") return [];
  try {
    const rows = JSON.parse(raw) as unknown;
    return Array.isArray(rows) ? decodeRecord(rows.map((r) => [r])) : [];
  } catch {
    return [];
  }
}

/** Writes (or, for [], removes) the settings record and saves the settings with the document. */
export async function saveSettingsRecord(env: ExcelEnv, entries: RecordEntry[]): Promise<void> {
  const settings = env.settings();
  if (entries.length === 0) settings.remove(RECORD_SETTING);
  else settings.set(RECORD_SETTING, JSON.stringify(encodeRecord(entries).map((r) => r[0])));
  await saveSettings(settings);
}
