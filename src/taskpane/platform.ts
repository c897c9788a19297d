/** What the task pane adapts to the Office platform and build it runs on. */
import { defaultDeps, type PaneDeps } from "../ui/deps";

/** window.jixiaoCompat, defined by compat.js (loaded first in the page). */
export interface CompatGlobal {
  officeProblem(office: unknown): string | null;
  show(reason: string): void;
}

/**
 * Office.context.diagnostics.platform / Office.onReady's info.platform, as strings (Office.PlatformType
 * values), so this module needs no Office global.
 */
export type OfficePlatform = "PC" | "OfficeOnline" | "Mac" | "iOS" | "Android" | "Universal" | null;

/**
 * How the pane hands over the CSV report on each platform (the 校验报告 sheet is always written):
 * - Excel on the web: the browser's download (the add-in iframe's sandbox allows downloads);
 * - Windows desktop (WebView2): a blob download from a task pane may silently do nothing, so the CSV is
 *   copied to the clipboard instead, never claimed as downloaded;
 * - Mac (WKWebView ignores `<a download>`) and the rest: the sheet only, with "另存为 CSV UTF-8".
 */
export type CsvDelivery = "download" | "clipboard" | "sheet";

export function csvDeliveryFor(platform: OfficePlatform): CsvDelivery {
  if (platform === "OfficeOnline") return "download";
  if (platform === "PC") return "clipboard";
  return "sheet";
}

/* global navigator */
/** Copies text with the async Clipboard API (Chromium's WebView2 has it); rejects where it is refused. */
export function copyTextToClipboard(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

/** The pane's dependencies on the platform Office.onReady reports. */
export function paneDepsFor(platform: OfficePlatform): PaneDeps {
  const delivery = csvDeliveryFor(platform);
  if (delivery === "download") return defaultDeps;
  return {
    ...defaultDeps,
    canDownload: false,
    copyText: delivery === "clipboard" ? copyTextToClipboard : undefined,
  };
}

/**
 * The notice of a pane that runs without the shared runtime: Office installed the plain task pane of
 * the manifest's <DefaultSettings> because the build lacks SharedRuntime 1.1 (its VersionOverrides were
 * ignored), so there are no JX functions and no ribbon button. Null when the build has it.
 */
export function limitedHostNotice(isSetSupported: (name: string, version: string) => boolean): string | null {
  if (isSetSupported("SharedRuntime", "1.1")) return null;
  return "此版本 Excel 没有共享运行时：JX 函数和功能区按钮不可用。";
}
