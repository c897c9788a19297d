/**
 * The Excel builds the add-in meets, as facts from Microsoft's documentation, and what each of them
 * does with the manifest: one source for the host test (test/taskpane/hosts.test.ts) and README's
 * table 支持的 Excel 版本 (scripts/hosts-table.ts writes it; test/docs checks it is current).
 *
 * Sources (learn.microsoft.com, read in the docs repositories OfficeDev/office-js-docs-reference and
 * office-js-docs-pr):
 * - requirement-sets/excel/excel-api-requirement-sets.md: ExcelApi per build (1.1 Office 2016 MSI,
 *   1.7 Office 2019 volume, 1.11 Mac 16.33, 1.13 Mac 16.50 / Windows 2102, 1.14 Office 2021 volume);
 * - requirement-sets/common/shared-runtime-requirement-sets.md: SharedRuntime 1.1 from Windows
 *   Version 2002, Excel 2021 volume Version 2108, Mac 16.35, the web;
 * - requirement-sets/common/add-in-commands-requirement-sets.md: add-in commands (and so
 *   VersionOverrides) on volume-licensed Windows only from Office 2021, Mac from 15.33;
 * - excel/custom-functions-overview.md: no custom functions in volume-licensed Office 2021 or earlier
 *   on Windows;
 * - manifest/runtimes.md: where WebView2 is missing, an add-in whose manifest Office reads a
 *   <Runtimes> element from always uses Internet Explorer 11; older perpetual Office on Windows 10 uses
 *   EdgeHTML (Edge Legacy) otherwise.
 * Pure data and logic: no Office, DOM or file API.
 */

/** The webview a build shows add-in pages in. */
export type Engine = "webview2" | "edgehtml" | "ie11" | "wkwebview" | "browser";

export interface HostFacts {
  id: string;
  /** Chinese name, as in README's table. */
  name: string;
  /** The build, in Chinese. */
  build: string;
  /** Office.context.diagnostics.platform of the build. */
  platform: "PC" | "Mac" | "OfficeOnline";
  /** Requirement sets the build supports, each with its highest version. */
  sets: Record<string, string>;
  /** Does the build read <VersionOverrides> at all (add-in commands)? */
  readsVersionOverrides: boolean;
  /** The webview; `withRuntimes` when the build reads a <Runtimes> element from the manifest. */
  engine: { plain: Engine; withRuntimes?: Engine };
  /** The user agent the webview reports (for running compat.js as that host would). */
  userAgent: string;
}

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  chrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
};

export const HOSTS: HostFacts[] = [
  {
    id: "win-2016-msi",
    name: "Office 2016 批量许可版（Windows）",
    build: "16.0.4266.1001（版本 1509）",
    platform: "PC",
    sets: { ExcelApi: "1.1" },
    readsVersionOverrides: false,
    engine: { plain: "ie11" },
    userAgent: UA.ie11,
  },
  {
    id: "win-2019-volume",
    name: "Office 2019 批量许可版（Windows 10）",
    build: "版本 1808 起",
    platform: "PC",
    sets: { ExcelApi: "1.7" },
    readsVersionOverrides: false,
    engine: { plain: "edgehtml" },
    userAgent: UA.edgeHtml,
  },
  {
    id: "m365-no-webview2",
    name: "Microsoft 365 Windows 版，未装 WebView2 运行时",
    build: "版本 2008（内部版本 13127.20408）",
    platform: "PC",
    sets: { ExcelApi: "1.12", SharedRuntime: "1.1", AddinCommands: "1.1", CustomFunctionsRuntime: "1.3" },
    readsVersionOverrides: true,
    engine: { plain: "edgehtml", withRuntimes: "ie11" },
    userAgent: UA.ie11,
  },
  {
    id: "m365-current",
    name: "Microsoft 365 Windows 版（当前频道）",
    build: "版本 2002（内部版本 12527.20092）及以上，已装 WebView2",
    platform: "PC",
    sets: { ExcelApi: "1.20", SharedRuntime: "1.2", AddinCommands: "1.1", CustomFunctionsRuntime: "1.3" },
    readsVersionOverrides: true,
    engine: { plain: "webview2" },
    userAgent: UA.webView2,
  },
  {
    id: "win-2021-volume",
    name: "Office 2021 批量许可版（Windows）",
    build: "版本 2108",
    platform: "PC",
    sets: { ExcelApi: "1.14", SharedRuntime: "1.1", AddinCommands: "1.1" },
    readsVersionOverrides: true,
    engine: { plain: "webview2" },
    userAgent: UA.webView2,
  },
  {
    id: "mac-16.30",
    name: "Mac 版 Excel 16.30（Office 2019 for Mac）",
    build: "16.30",
    platform: "Mac",
    sets: { ExcelApi: "1.10", AddinCommands: "1.1", CustomFunctionsRuntime: "1.1" },
    readsVersionOverrides: true,
    engine: { plain: "wkwebview" },
    userAgent: UA.mac,
  },
  {
    id: "mac-16.35",
    name: "Mac 版 Excel 16.35",
    build: "16.35（20030802）",
    platform: "Mac",
    sets: { ExcelApi: "1.11", SharedRuntime: "1.1", AddinCommands: "1.1", CustomFunctionsRuntime: "1.2" },
    readsVersionOverrides: true,
    engine: { plain: "wkwebview" },
    userAgent: UA.mac,
  },
  {
    id: "mac-16.50",
    name: "Mac 版 Excel 16.50",
    build: "16.50（21061301）",
    platform: "Mac",
    sets: { ExcelApi: "1.13", SharedRuntime: "1.1", AddinCommands: "1.1", CustomFunctionsRuntime: "1.3" },
    readsVersionOverrides: true,
    engine: { plain: "wkwebview" },
    userAgent: UA.mac,
  },
  {
    id: "web",
    name: "Excel 网页版",
    build: "当前版本",
    platform: "OfficeOnline",
    sets: { ExcelApi: "1.20", SharedRuntime: "1.2", AddinCommands: "1.1", CustomFunctionsRuntime: "1.3" },
    readsVersionOverrides: true,
    engine: { plain: "browser" },
    userAgent: UA.chrome,
  },
];

/** A requirement set the manifest names. */
export interface SetRequirement {
  name: string;
  minVersion: string;
}

/** What the evaluation needs from the manifest (read from manifest.xml by scripts/hosts-table.ts). */
export interface ManifestFacts {
  base: SetRequirement[];
  overrides: SetRequirement[];
  /** A <Runtime lifetime="long"> inside the overrides' Host. */
  sharedRuntime: boolean;
  /** A CustomFunctions extension point inside the overrides' Host. */
  customFunctions: boolean;
  /** A PrimaryCommandSurface (ribbon button) inside the overrides' Host. */
  ribbon: boolean;
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** isSetSupported as the build would answer it. */
export function supports(host: HostFacts, name: string, version: string): boolean {
  const have = host.sets[name];
  return have !== undefined && versionAtLeast(have, version);
}

export type PaneOutcome = "runs" | "engine" | "too-old";

export interface HostOutcome {
  /** Shown in 我的加载项 at all (the base requirements). */
  listed: boolean;
  /** The overrides' Hosts applied (their requirements met by a build that reads them). */
  overrides: boolean;
  ribbon: boolean;
  sharedRuntime: boolean;
  customFunctions: boolean;
  engine: Engine;
  /** The pane runs, or explains why not (old engine, build without ExcelApi minExcelApi). */
  pane: PaneOutcome | null;
}

const MODERN: Engine[] = ["webview2", "wkwebview", "browser"];

/** What a build makes of the manifest ("Specify Office applications and API requirements"). */
export function evaluateHost(host: HostFacts, manifest: ManifestFacts, minExcelApi: string): HostOutcome {
  const listed = manifest.base.every((s) => supports(host, s.name, s.minVersion));
  const overrides =
    listed &&
    host.readsVersionOverrides &&
    manifest.overrides.every((s) => supports(host, s.name, s.minVersion));
  const sharedRuntime = overrides && manifest.sharedRuntime;
  const engine = sharedRuntime && host.engine.withRuntimes ? host.engine.withRuntimes : host.engine.plain;
  const modern = MODERN.includes(engine);
  return {
    listed,
    overrides,
    ribbon: overrides && manifest.ribbon,
    sharedRuntime,
    // Declared, supported by the build, and its JS can run in the shared runtime's engine.
    customFunctions:
      overrides && manifest.customFunctions && host.sets.CustomFunctionsRuntime !== undefined && modern,
    engine,
    pane: !listed ? null : !modern ? "engine" : !supports(host, "ExcelApi", minExcelApi) ? "too-old" : "runs",
  };
}

const ENGINE_NAMES: Record<Engine, string> = {
  webview2: "WebView2",
  edgehtml: "旧版 Edge（EdgeHTML）",
  ie11: "Internet Explorer 11 ",
  wkwebview: "Safari（WKWebView）",
  browser: "浏览器",
};

/** One line of README's table, in Chinese: | Excel | 版本 | 任务窗格 | JX 函数 | 功能区按钮 | 说明 |. */
export function tableRow(host: HostFacts, o: HostOutcome, mergedAreasApi: string): string[] {
  const yes = "✓";
  const no = "—";
  const pane =
    o.pane === null
      ? "不显示"
      : o.pane === "runs"
        ? yes
        : o.pane === "engine"
          ? `显示原因：${ENGINE_NAMES[o.engine]}内核`
          : "显示原因：Excel 版本过旧";
  const notes: string[] = [];
  if (o.pane === "runs" && !o.sharedRuntime)
    notes.push("无共享运行时：从“插入 → 我的加载项”打开，窗格说明缺少的部分");
  if (o.pane === "runs" && !supports(host, "ExcelApi", mergedAreasApi)) notes.push("合并单元格按相邻行推断");
  if (o.pane !== null && o.pane !== "runs") notes.push("请用离线校验页或命令行");
  if (o.sharedRuntime && !o.customFunctions && o.engine === "ie11")
    notes.push("JX 函数的脚本在 IE11 中不能运行");
  if (o.pane === "runs")
    notes.push(
      host.platform === "OfficeOnline"
        ? "CSV 直接下载"
        : host.platform === "PC"
          ? "CSV 复制到剪贴板"
          : "CSV 从“校验报告”表另存",
    );
  return [host.name, host.build, pane, o.customFunctions ? yes : no, o.ribbon ? yes : no, notes.join("；")];
}
