/* global Blob, setTimeout */
/** The pane's effects: every command goes through the WorkbookHost; every error keeps its code. */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { formCellHint, type DisplayHint } from "../core/display";
import type { CellRef, Workbook } from "../core/grid";
import type { Finding, FormResult } from "../core/model";
import type { WorkbookHost } from "../host/host";
import type { PaneDeps } from "./deps";
import { buildMarks, reportRows, toCsv, toPaneError } from "./logic";
import {
  initialState,
  paneReducer,
  type ConfirmRequest,
  type Notice,
  type PaneState,
  type Phase,
} from "./state";
import { applyFix, loadUndo, undoLast, writeBack, type WriteContext } from "./writes";

export const PROFILE_SETTING = "profile";

/** Name of the 复核底稿 sheet 导出校验报告 adds. */
export const REVIEW_SHEET = "复核底稿";

export interface PaneActions {
  validate(): void;
  selectFinding(f: Finding): void;
  applyFix(f: Finding): void;
  writeBack(): void;
  clearMarks(): void;
  exportReport(): void;
  setProfile(id: string): void;
  selectForm(index: number): void;
  dismissError(): void;
  dismissNotice(): void;
  /** The dialog's answer: an option's key, or null for 取消. */
  answerConfirm(key: string | null): void;
  /** 撤销 the pane's last write. */
  undo(): void;
}

/** Lets React paint the progress state before synchronous work (the check) starts. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** "" or a sentence naming the sheets a host read only in part (Sheet.truncated) and what to do. */
function truncatedText(workbook: Workbook): string {
  const parts = workbook.sheets
    .filter((s) => s.truncated)
    .map((s) => `「${s.name}」共 ${s.truncated!.rows} 行，只读取了前 ${s.truncated!.rowsRead} 行`);
  if (parts.length === 0) return "";
  return `（数据量很大的工作表${parts.join("；")}。自评表若在这些表的靠下位置，请复制到单独的工作表后再校验。）`;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** Number format of a cell (its merge's top-left cell when inside one) in the workbook as last read. */
function formatAt(workbook: Workbook | null, ref: CellRef): string | undefined {
  const sheet = workbook?.sheets.find((x) => x.name === ref.sheet);
  if (!sheet) return undefined;
  const m = sheet.merges.find(
    (g) => ref.row >= g.top && ref.row <= g.bottom && ref.col >= g.left && ref.col <= g.right,
  );
  return sheet.cells[m ? m.top : ref.row]?.[m ? m.left : ref.col]?.numberFormat;
}

/**
 * How a cell shows values: the located form's hint (number format, 万元 of a budget amount), else the
 * number format of the cell as last read.
 */
function hintAt(results: FormResult[] | null, workbook: Workbook | null, ref: CellRef): DisplayHint {
  const form = results?.find(
    (r) =>
      r.form &&
      r.sheet === ref.sheet &&
      ref.row >= r.form.bounds.top &&
      ref.row <= r.form.bounds.bottom &&
      ref.col >= r.form.bounds.left &&
      ref.col <= r.form.bounds.right,
  )?.form;
  const hint = formCellHint(form, ref);
  return hint.numberFormat !== undefined ? hint : { ...hint, numberFormat: formatAt(workbook, ref) };
}

/** How the pane and the page around it keep one current message (a new action clears the old ones). */
export interface PaneMessageLink {
  /** Called when a pane command starts. */
  onActionStart?(): void;
  /** Changes when the page starts an action of its own. */
  clearSignal?: number;
}

export function usePane(
  host: WorkbookHost,
  deps: PaneDeps,
  onResults?: (results: FormResult[]) => void,
  link: PaneMessageLink = {},
): { state: PaneState; actions: PaneActions; hintOf(ref: CellRef): DisplayHint } {
  const [state, dispatch] = useReducer(paneReducer, deps.defaultProfileId, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busy = useRef(true); // true until the saved settings are loaded
  const confirmResolve = useRef<((key: string | null) => void) | null>(null);
  /** The workbook as last read: number formats, so values show as their cells show them. */
  const workbookRef = useRef<Workbook | null>(null);
  const onResultsRef = useRef(onResults);
  onResultsRef.current = onResults;
  const onActionStartRef = useRef(link.onActionStart);
  onActionStartRef.current = link.onActionStart;

  // The page started an action (opening a file, downloading): the pane's messages are out of date.
  const clearSignal = link.clearSignal ?? 0;
  const seenSignal = useRef(clearSignal);
  useEffect(() => {
    if (seenSignal.current === clearSignal) return;
    seenSignal.current = clearSignal;
    dispatch({ type: "clearMessages" });
  }, [clearSignal]);

  const setPhase = useCallback((phase: Phase) => dispatch({ type: "busy", phase }), []);

  /** Runs one command: nothing else starts until it ends; its error (with code) goes to the MessageBar. */
  const run = useCallback(
    async (action: string, phase: Phase, body: () => Promise<void>): Promise<void> => {
      if (busy.current) return;
      busy.current = true;
      setPhase(phase);
      onActionStartRef.current?.();
      try {
        await body();
      } catch (e) {
        dispatch({ type: "error", error: toPaneError(e, action) });
      } finally {
        busy.current = false;
        dispatch({ type: "idle" });
      }
    },
    [setPhase],
  );

  const ask = useCallback(
    (request: ConfirmRequest): Promise<string | null> => {
      setPhase("confirming");
      return new Promise<string | null>((resolve) => {
        confirmResolve.current = resolve;
        dispatch({ type: "confirm", request });
      });
    },
    [setPhase],
  );

  /** What the last read left out (very large sheets read only in part), for 一键校验's notice. */
  const truncatedNote = useRef("");

  /** read → check → mark; used by 一键校验 and after every write. */
  const readCheckMark = useCallback(
    async (profileId: string): Promise<FormResult[]> => {
      setPhase("reading");
      const workbook = await host.readWorkbook();
      workbookRef.current = workbook;
      setPhase("checking");
      await nextFrame();
      const results = deps.check(workbook, profileId);
      const hiddenSheets = workbook.sheets.filter((s) => s.hidden).map((s) => s.name);
      truncatedNote.current = truncatedText(workbook);
      dispatch({ type: "checked", results, at: deps.now(), hiddenSheets });
      onResultsRef.current?.(results);
      setPhase("marking");
      const marks = buildMarks(results);
      await host.applyMarks(marks);
      dispatch({ type: "marked", marked: marks.length > 0 });
      return results;
    },
    [host, deps, setPhase],
  );

  // Load the remembered rule profile once.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const saved = await host.loadSetting(PROFILE_SETTING);
        // Writes of an earlier session (saved with the document) can still be undone.
        const undo = await loadUndo(host);
        if (!cancelled) dispatch({ type: "undo", stack: undo });
        if (!cancelled && saved && deps.profiles.some((p) => p.id === saved)) {
          dispatch({ type: "profile", id: saved });
        }
        // Marks left from an earlier session can be cleared before validating again.
        const marked = await host.markedCount();
        if (!cancelled && marked > 0) dispatch({ type: "marked", marked: true });
      } catch (e) {
        if (!cancelled) dispatch({ type: "error", error: toPaneError(e, "读取设置") });
      } finally {
        if (!cancelled) {
          busy.current = false;
          dispatch({ type: "idle" });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [host, deps]);

  const currentResult = (): FormResult | null => {
    const s = stateRef.current;
    return s.results?.[s.formIndex] ?? s.results?.[0] ?? null;
  };

  const writeContext = useMemo<WriteContext>(
    () => ({
      host,
      now: () => deps.now(),
      ask,
      hintOf: (ref: CellRef) => hintAt(stateRef.current.results, workbookRef.current, ref),
      setUndo: (stack) => dispatch({ type: "undo", stack }),
      writing: () => setPhase("writing"),
    }),
    [host, deps, ask, setPhase],
  );

  /** After a write (or undo): re-check and mark, then the outcome; nothing to do when nothing was written. */
  const afterWrite = useCallback(
    async ({ notice, wrote }: { notice: Notice; wrote: boolean }): Promise<void> => {
      if (wrote) await readCheckMark(stateRef.current.profileId);
      dispatch({ type: "notice", notice });
    },
    [readCheckMark],
  );

  const actions = useMemo<PaneActions>(
    () => ({
      validate() {
        void run("一键校验", "reading", async () => {
          const results = await readCheckMark(stateRef.current.profileId);
          const findings = results.flatMap((r) => r.findings);
          const errors = findings.filter((f) => f.severity === "error").length;
          const forms = results.filter((r) => r.form !== null).length;
          const partial = truncatedNote.current;
          if (forms === 0) {
            if (partial) dispatch({ type: "notice", notice: { intent: "info", text: partial } });
            return;
          }
          dispatch({
            type: "notice",
            notice:
              findings.length === 0
                ? { intent: "success", text: `校验完成：没有发现问题。${partial}` }
                : {
                    intent: errors > 0 ? "warning" : "info",
                    text: `校验完成：发现 ${findings.length} 个问题，已在表中标出。${partial}`,
                  },
          });
        });
      },

      selectFinding(f: Finding) {
        const ref = f.ref;
        if (!ref || busy.current) return;
        host
          .selectCell(ref)
          .catch((e: unknown) => dispatch({ type: "error", error: toPaneError(e, "定位单元格") }));
      },

      applyFix(f: Finding) {
        if (!f.fix) return;
        void run("采用重算值", "writing", async () => afterWrite(await applyFix(writeContext, f)));
      },

      writeBack() {
        void run("写回总分和等级", "writing", async () => {
          const result = currentResult();
          if (result) await afterWrite(await writeBack(writeContext, result));
        });
      },

      undo() {
        void run("撤销", "writing", async () => afterWrite(await undoLast(writeContext)));
      },

      clearMarks() {
        void run("清除标记", "clearing", async () => {
          await host.clearMarks();
          dispatch({ type: "marked", marked: false });
          dispatch({
            type: "notice",
            notice: { intent: "success", text: "已清除全部标记，单元格恢复原样。" },
          });
        });
      },

      exportReport() {
        void run("导出校验报告", "exporting", async () => {
          const results = stateRef.current.results ?? [];
          const rows = reportRows(results, writeContext.hintOf);
          const first = results.find((r) => r.department) ?? results[0];
          const name = `绩效自评校验报告${first?.department ? `-${first.department}` : ""}-${stamp(deps.now())}.csv`;
          const canDownload = deps.canDownload !== false;
          const csv = toCsv(rows);
          if (canDownload) deps.download(name, new Blob([csv], { type: "text/csv;charset=utf-8" }));
          // Copied before the first await: the click still counts as the user's gesture.
          const copied =
            !canDownload && deps.copyText
              ? deps.copyText(csv).then(
                  () => true,
                  () => false,
                )
              : null;
          const sheet = await host.addReportSheet(rows);
          // The reviewer's working paper of every form, on a sheet of its own.
          const review = deps.reviewRows(results);
          const reviewSheet = review.length > 0 ? await host.addReportSheet(review, REVIEW_SHEET) : null;
          const made = `已新建工作表「${sheet}」（${rows.length - 1} 条）${reviewSheet ? `和「${reviewSheet}」` : ""}`;
          dispatch({
            type: "notice",
            notice: {
              intent: "success",
              text: canDownload
                ? `${made}；已下载：${name}`
                : `${made}。` +
                  (copied && (await copied)
                    ? "CSV 已复制到剪贴板；"
                    : copied
                      ? "CSV 未能复制到剪贴板；"
                      : "Mac 版 Excel 的加载项窗格不能下载文件；") +
                  "需要 CSV 时，在该表用“文件 → 另存为”选“CSV UTF-8”。",
            },
          });
        });
      },

      setProfile(id: string) {
        if (id === stateRef.current.profileId) return;
        const hadResults = stateRef.current.results !== null;
        void run("切换规则", "saving", async () => {
          dispatch({ type: "profile", id });
          await host.saveSetting(PROFILE_SETTING, id);
          if (hadResults) await readCheckMark(id);
        });
      },

      selectForm(index: number) {
        dispatch({ type: "form", index });
      },

      dismissError() {
        dispatch({ type: "dismissError" });
      },

      dismissNotice() {
        dispatch({ type: "notice", notice: null });
      },

      answerConfirm(key: string | null) {
        const resolve = confirmResolve.current;
        confirmResolve.current = null;
        dispatch({ type: "confirm", request: null });
        resolve?.(key);
      },
    }),
    [host, deps, run, readCheckMark, writeContext, afterWrite],
  );

  return { state, actions, hintOf: writeContext.hintOf };
}
