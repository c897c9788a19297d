/* global Blob, URL, document, setTimeout */
/** What the pane takes from the core and the page, injectable for tests and for the preview. */
import type { Workbook } from "../core/grid";
import type { FormResult } from "../core/model";
import { checkWorkbook } from "../core/check";
import { nextBand } from "../core/grade";
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID, getProfile } from "../core/profiles";
import { worksheetRows } from "../core/review/table";

export interface ProfileOption {
  id: string;
  name: string;
}

export interface PaneDeps {
  profiles: ProfileOption[];
  defaultProfileId: string;
  /** The core's checkWorkbook under the chosen profile. */
  check(workbook: Workbook, profileId: string): FormResult[];
  /** The core's nextBand: the next grade up and the points missing, null at the top band. */
  nextBand(total: number, profileId: string): { label: string; pointsNeeded: number } | null;
  /** The core's 复核底稿 rows of every form checked (src/core/review/worksheet.ts); [] when none. */
  reviewRows(results: FormResult[]): (string | number)[][];
  /** Saves a file on the user's machine (CSV report). */
  download(fileName: string, content: Blob): void;
  /**
   * False where `download` cannot work: Mac Excel's webview ignores <a download> (the pane then says
   * so and relies on the report sheet). Absent = true.
   */
  canDownload?: boolean;
  now(): Date;
}

/** Browser download through an object URL (works in the task pane and in the preview). */
export function browserDownload(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** The picker's "自动" entry: no profile chosen, the core picks the fitting built-in one per form. */
export const AUTO_PROFILE_ID = "auto";

export const defaultDeps: PaneDeps = {
  profiles: [
    { id: AUTO_PROFILE_ID, name: "自动（按表中特征选择）" },
    ...BUILTIN_PROFILES.map((p) => ({ id: p.id, name: p.name })),
  ],
  defaultProfileId: AUTO_PROFILE_ID,
  check: (workbook, profileId) =>
    checkWorkbook(workbook, profileId === AUTO_PROFILE_ID ? {} : { profile: getProfile(profileId) }),
  nextBand: (total, profileId) =>
    nextBand(total, getProfile(profileId === AUTO_PROFILE_ID ? DEFAULT_PROFILE_ID : profileId)),
  reviewRows: (results) => worksheetRows(results),
  download: browserDownload,
  now: () => new Date(),
};
