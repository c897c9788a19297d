/* global Blob, setTimeout */
/** The pane's effects: every command goes through the WorkbookHost; every error keeps its code. */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { Finding, FormResult } from "../core/model";
import type { CellSnapshot, WorkbookHost } from "../host/host";
import type { PaneDeps } from "./deps";
import {
  buildMarks,
  previewWrite,
  refKey,
  reportRows,
  resolveTarget,
  toCsv,
  toPaneError,
  writeBackTargets,
  type WritePreview,
} from "./logic";
import { initialState, paneReducer, type ConfirmRequest, type PaneState, type Phase } from "./state";

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
  answerConfirm(ok: boolean): void;
}

/** Lets React paint the progress state before synchronous work (the check) starts. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function byRef(snapshots: CellSnapshot[]): Map<string, CellSnapshot> {
  const m = new Map<string, CellSnapshot>();
  for (const s of snapshots) m.set(refKey(s.ref), s);
  return m;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

function listWrites(rows: WritePreview[]): string {
  return rows.map((r) => `${r.cell} = ${r.next}`).join("，");
}

export function usePane(
  host: WorkbookHost,
  deps: PaneDeps,
  onResults?: (results: FormResult[]) => void,
): { state: PaneState; actions: PaneActions } {
  const [state, dispatch] = useReducer(paneReducer, deps.defaultProfileId, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busy = useRef(true); // true until the saved settings are loaded
  const confirmResolve = useRef<((ok: boolean) => void) | null>(null);
  const onResultsRef = useRef(onResults);
  onResultsRef.current = onResults;

  const setPhase = useCallback((phase: Phase) => dispatch({ type: "busy", phase }), []);

  /** Runs one command: nothing else starts until it ends; its error (with code) goes to the MessageBar. */
  const run = useCallback(
    async (action: string, phase: Phase, body: () => Promise<void>): Promise<void> => {
      if (busy.current) return;
      busy.current = true;
      setPhase(phase);
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
    (request: ConfirmRequest): Promise<boolean> => {
      setPhase("confirming");
      return new Promise<boolean>((resolve) => {
        confirmResolve.current = resolve;
        dispatch({ type: "confirm", request });
      });
    },
    [setPhase],
  );

  /** read → check → mark; used by 一键校验 and after every write. */
  const readCheckMark = useCallback(
    async (profileId: string): Promise<FormResult[]> => {
      setPhase("reading");
      const workbook = await host.readWorkbook();
      setPhase("checking");
      await nextFrame();
      const results = deps.check(workbook, profileId);
      dispatch({ type: "checked", results, at: deps.now() });
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

  const actions = useMemo<PaneActions>(
    () => ({
      validate() {
        void run("一键校验", "reading", async () => {
          const results = await readCheckMark(stateRef.current.profileId);
          const findings = results.flatMap((r) => r.findings);
          const errors = findings.filter((f) => f.severity === "error").length;
          const forms = results.filter((r) => r.form !== null).length;
          if (forms === 0) return;
          dispatch({
            type: "notice",
            notice:
              findings.length === 0
                ? { intent: "success", text: "校验完成：没有发现问题。" }
                : {
                    intent: errors > 0 ? "warning" : "info",
                    text: `校验完成：发现 ${findings.length} 个问题，已在表中标出。`,
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
        const fix = f.fix;
        if (!fix) return;
        void run("采用重算值", "writing", async () => {
          const [snapshot] = await host.inspectCells([fix.ref]);
          const preview = previewWrite("重算值", { ref: fix.ref, value: fix.value }, snapshot);
          if (preview.same) {
            dispatch({
              type: "notice",
              notice: { intent: "info", text: `${preview.cell} 已是重算值，无需修改。` },
            });
            return;
          }
          if (preview.formula) {
            const ok = await ask({
              title: "覆盖公式？",
              intro: `${preview.cell} 中是公式。采用重算值会用数值替换这个公式。`,
              rows: [preview],
              confirmLabel: "替换公式",
            });
            if (!ok) {
              dispatch({ type: "notice", notice: { intent: "info", text: "已取消，未修改任何单元格。" } });
              return;
            }
          }
          setPhase("writing");
          await host.writeCells([{ ref: fix.ref, value: fix.value }]);
          await readCheckMark(stateRef.current.profileId);
          dispatch({
            type: "notice",
            notice: { intent: "success", text: `已将 ${preview.cell} 改为 ${preview.next}，并重新校验。` },
          });
        });
      },

      writeBack() {
        void run("写回总分和等级", "writing", async () => {
          const result = currentResult();
          const targets = result ? writeBackTargets(result) : [];
          if (targets.length === 0) {
            dispatch({
              type: "notice",
              notice: {
                intent: "warning",
                text: "没有可写回的内容：总分或等级无法重算，或表中没有总分、等级单元格。",
              },
            });
            return;
          }
          const snapshots = byRef(await host.inspectCells(targets.map((t) => t.ref)));
          const previews = targets.map((t) => {
            const snapshot = snapshots.get(refKey(t.ref));
            return previewWrite(t.what, resolveTarget(t, snapshot), snapshot);
          });
          const toWrite = previews.filter((p) => !p.same);
          if (toWrite.length === 0) {
            dispatch({
              type: "notice",
              notice: { intent: "info", text: "表中的总分和等级已与重算结果一致，无需写回。" },
            });
            return;
          }
          if (toWrite.some((p) => p.needsConfirm)) {
            const formulas = toWrite.filter((p) => p.formula).length;
            const ok = await ask({
              title: "覆盖已填内容？",
              intro:
                formulas > 0
                  ? "下列单元格中有公式或已填写的不同内容，写回会替换它们："
                  : "下列单元格已填写了不同的内容，写回会替换它们：",
              rows: toWrite,
              confirmLabel: "写回",
            });
            if (!ok) {
              dispatch({
                type: "notice",
                notice: { intent: "info", text: "已取消写回，未修改任何单元格。" },
              });
              return;
            }
          }
          setPhase("writing");
          await host.writeCells(toWrite.map((p) => ({ ref: p.ref, value: p.value })));
          await readCheckMark(stateRef.current.profileId);
          dispatch({
            type: "notice",
            notice: { intent: "success", text: `已写回：${listWrites(toWrite)}。` },
          });
        });
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
          const rows = reportRows(results);
          const first = results.find((r) => r.department) ?? results[0];
          const name = `绩效自评校验报告${first?.department ? `-${first.department}` : ""}-${stamp(deps.now())}.csv`;
          deps.download(name, new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
          const sheet = await host.addReportSheet(rows);
          // The reviewer's working paper of every form, on a sheet of its own.
          const review = deps.reviewRows(results);
          const reviewSheet = review.length > 0 ? await host.addReportSheet(review, REVIEW_SHEET) : null;
          dispatch({
            type: "notice",
            notice: {
              intent: "success",
              text: `已新建工作表「${sheet}」（${rows.length - 1} 条）${reviewSheet ? `和「${reviewSheet}」` : ""}，并下载 ${name}。`,
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

      answerConfirm(ok: boolean) {
        const resolve = confirmResolve.current;
        confirmResolve.current = null;
        dispatch({ type: "confirm", request: null });
        resolve?.(ok);
      },
    }),
    [host, deps, run, readCheckMark, ask, setPhase],
  );

  return { state, actions };
}
