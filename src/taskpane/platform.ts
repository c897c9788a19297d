/** What the task pane adapts to the Office platform it runs on. */
import { defaultDeps, type PaneDeps } from "../ui/deps";

/** window.jixiaoCompat, defined by compat.js (loaded first in the page). */
export interface CompatGlobal {
  officeProblem(office: unknown): string | null;
  show(reason: string): void;
}

/**
 * The pane's dependencies on the platform Office.onReady reports: Mac Excel's webview (WKWebView)
 * ignores `<a download>`, so there the pane does not claim a download and points to the report sheet.
 */
export function paneDepsFor(platform: { isMac: boolean }): PaneDeps {
  return platform.isMac ? { ...defaultDeps, canDownload: false } : defaultDeps;
}
