/* global Excel, globalThis */
/**
 * What every part of the Excel adapter shares: Excel.run, the document settings (Office.Settings,
 * Common API), the ExcelApi features of the build (features.ts) and the clock. Nothing here touches
 * Office at import: `run` and `settings` are injected (tests pass a double) or resolved lazily.
 */
import { HostError } from "../host/host";
import { detectFeatures, type ExcelFeatures } from "./features";

/** Excel.run as we use it (tests pass a double). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office.Settings we use (Office.context.document.settings). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(
    callback: (result: { status: string; error?: { code?: unknown; message?: string } }) => void,
  ): void;
}

export interface ExcelHostOptions {
  /** Default: Excel.run with delayForCellEdit (waits while the user edits a cell instead of failing). */
  run?: ExcelRun;
  /** Default: Office.context.document.settings. */
  settings?: SettingsStore;
  /**
   * API features (features.ts); each one not given is detected with
   * Office.context.requirements.isSetSupported("ExcelApi", …).
   */
  features?: Partial<ExcelFeatures>;
  /** Clock for the snapshot age check (tests). */
  now?: () => number;
}

/** The adapter's environment, resolved once per host. */
export interface ExcelEnv {
  run: ExcelRun;
  features: ExcelFeatures;
  now: () => number;
  /** The document settings, or undefined outside Office (reading a record then finds none). */
  settingsIfAny(): SettingsStore | undefined;
  /** The document settings; a NoSettings HostError where there are none (writing needs them). */
  settings(): SettingsStore;
}

interface OfficeGlobal {
  context?: {
    document?: { settings?: SettingsStore };
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}
interface ExcelGlobal {
  run(
    options: { delayForCellEdit?: boolean },
    batch: (context: Excel.RequestContext) => Promise<unknown>,
  ): Promise<unknown>;
}

function officeGlobal(): OfficeGlobal | undefined {
  return (globalThis as { Office?: OfficeGlobal }).Office;
}

function defaultRun<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const excel = (globalThis as { Excel?: ExcelGlobal }).Excel;
  if (!excel) throw new HostError("NoExcel", "未在 Excel 中运行：找不到 Excel JavaScript API。");
  return excel.run({ delayForCellEdit: true }, batch) as Promise<T>;
}

function supported(version: string): boolean {
  const req = officeGlobal()?.context?.requirements;
  if (!req) return true;
  try {
    return req.isSetSupported("ExcelApi", version);
  } catch {
    return false; // a host that cannot answer is treated as not supporting the set
  }
}

export function createEnv(options: ExcelHostOptions = {}): ExcelEnv {
  const settingsIfAny = () => options.settings ?? officeGlobal()?.context?.document?.settings;
  return {
    run: options.run ?? defaultRun,
    features: { ...detectFeatures(supported), ...options.features },
    now: options.now ?? (() => Date.now()),
    settingsIfAny,
    settings() {
      const s = settingsIfAny();
      if (!s)
        throw new HostError("NoSettings", "无法访问文档设置（Office.context.document.settings 不可用）。");
      return s;
    },
  };
}

/** Settings.saveAsync as a promise; a failure becomes a HostError with Office's code. */
export function saveSettings(settings: SettingsStore): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === "failed") {
        const code = result.error?.code;
        const detail = result.error?.message ? `（Office：${result.error.message}）` : "";
        reject(new HostError(code === undefined ? "SaveFailed" : String(code), `保存设置失败${detail}`));
      } else resolve();
    });
  });
}
