/**
 * File names the user sees for the marked copy, shared by the command line (--write-dir) and the
 * browser pages (下载已标注副本), so a clerk and a reviewer get the same name for the same file.
 */

/** "自评表.xlsx" → "自评表（已标注）.xlsx"; n ≥ 2 → "自评表（已标注-2）.xlsx" (two inputs with one name). */
export function markedCopyName(fileName: string, n = 1): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return n <= 1 ? `${base}（已标注）.xlsx` : `${base}（已标注-${n}）.xlsx`;
}
