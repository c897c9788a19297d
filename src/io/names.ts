/**
 * File names the user sees for the marked copy, shared by the command line (--write-dir) and the
 * browser pages (下载已标注副本), so a clerk and a reviewer get the same name for the same file.
 * The name says what the copy holds: （已标注） marks only, every typed value as it was; （已改正） values
 * changed on request (--fix, or what the person applied in the page).
 */

export type CopyKind = "marked" | "fixed";

const WORD: Record<CopyKind, string> = { marked: "已标注", fixed: "已改正" };

/** "自评表.xlsx" → "自评表（已标注）.xlsx"; n ≥ 2 → "自评表（已标注-2）.xlsx" (two inputs with one name). */
export function markedCopyName(fileName: string, n = 1, kind: CopyKind = "marked"): string {
  const base = fileName.replace(/\.xlsx$/i, "");
  return n <= 1 ? `${base}（${WORD[kind]}）.xlsx` : `${base}（${WORD[kind]}-${n}）.xlsx`;
}
