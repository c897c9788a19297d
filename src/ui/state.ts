/** The pane's state and its reducer (pure; the effects live in usePane.ts). */
import type { FormResult } from "../core/model";
import type { PHASE_LABEL } from "./labels";
import type { PaneError, WritePreview } from "./logic";
import type { UndoRecord } from "./undo";

export type Phase = keyof typeof PHASE_LABEL;

export interface Notice {
  intent: "success" | "info" | "warning";
  text: string;
}

/** One answer of the confirmation dialog (besides 取消). */
export interface ConfirmOption {
  key: string;
  label: string;
  /** Shown as the primary button. */
  primary?: boolean;
  disabled?: boolean;
}

/** A question shown in the confirmation dialog before cells are overwritten. */
export interface ConfirmRequest {
  title: string;
  intro: string;
  rows: WritePreview[];
  /** Headings of the two value columns; default 现有内容 / 写入. */
  columns?: [string, string];
  /** Lines under the table (what each answer writes). */
  notes?: string[];
  options: ConfirmOption[];
}

export interface PaneState {
  /** Null when idle; otherwise what the pane is doing (every command button is disabled). */
  phase: Phase | null;
  profileId: string;
  results: FormResult[] | null;
  /** Which form the pane shows when the workbook holds more than one. */
  formIndex: number;
  checkedAt: Date | null;
  /** Hidden sheets of the workbook last checked: findings there say so (they cannot be jumped to). */
  hiddenSheets: string[];
  /** Whether our marks are on the sheet (after validation, until 清除标记). */
  marked: boolean;
  error: PaneError | null;
  notice: Notice | null;
  confirm: ConfirmRequest | null;
  /** The pane's saved writes, oldest first; the last one is what 撤销 puts back. */
  undo: UndoRecord[];
}

export type PaneAction =
  | { type: "busy"; phase: Phase }
  | { type: "idle" }
  | { type: "checked"; results: FormResult[]; at: Date; hiddenSheets?: string[] }
  | { type: "marked"; marked: boolean }
  | { type: "error"; error: PaneError }
  | { type: "dismissError" }
  /** An action outside the pane (the page's 打开文件, 下载) started: the pane's messages are stale. */
  | { type: "clearMessages" }
  | { type: "notice"; notice: Notice | null }
  | { type: "profile"; id: string }
  | { type: "form"; index: number }
  | { type: "confirm"; request: ConfirmRequest | null }
  | { type: "undo"; stack: UndoRecord[] };

export function initialState(profileId: string): PaneState {
  return {
    phase: "loading",
    profileId,
    results: null,
    formIndex: 0,
    checkedAt: null,
    hiddenSheets: [],
    marked: false,
    error: null,
    notice: null,
    confirm: null,
    undo: [],
  };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "busy":
      // A new command starts: the previous outcome message is no longer current.
      return state.phase === null
        ? { ...state, phase: action.phase, error: null, notice: null }
        : { ...state, phase: action.phase };
    case "idle":
      return { ...state, phase: null, confirm: null };
    case "checked": {
      // Keep showing the same form after a re-check when it is still there.
      const previous = state.results?.[state.formIndex];
      let formIndex = 0;
      if (previous) {
        const same = action.results.findIndex(
          (r) =>
            r.sheet === previous.sheet &&
            r.form?.bounds.top === previous.form?.bounds.top &&
            r.form?.bounds.left === previous.form?.bounds.left,
        );
        if (same >= 0) formIndex = same;
      }
      return {
        ...state,
        results: action.results,
        formIndex,
        checkedAt: action.at,
        hiddenSheets: action.hiddenSheets ?? [],
      };
    }
    case "marked":
      return { ...state, marked: action.marked };
    case "error":
      return { ...state, error: action.error };
    case "dismissError":
      return { ...state, error: null };
    case "clearMessages":
      return { ...state, error: null, notice: null };
    case "notice":
      return { ...state, notice: action.notice };
    case "profile":
      return { ...state, profileId: action.id };
    case "form":
      return { ...state, formIndex: action.index };
    case "confirm":
      return { ...state, confirm: action.request };
    case "undo":
      return { ...state, undo: action.stack };
  }
}
