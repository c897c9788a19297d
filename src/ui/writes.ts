/**
 * The pane's writes, each with its undo record: 采用重算值 (one fix), 写回总分和等级 (the correction plan,
 * after the dialog when item fixes are pending) and 撤销. Every call goes through the WorkbookHost;
 * usePane.ts supplies the context (host, dialog, re-check) and shows the returned notice.
 */
import { refToString, type CellRef } from "../core/grid";
import type { Finding, FormResult } from "../core/model";
import type { CellSnapshot, CellWrite, WorkbookHost } from "../host/host";
import type { DisplayHint } from "../core/display";
import { formatNumber } from "../core/numbers";
import { previewWrite, refKey, resolveTarget, shownValue, snapshotText, type WritePreview } from "./logic";
import type { ConfirmRequest, Notice } from "./state";
import {
  changedSince,
  makeRecord,
  parseUndoStack,
  restoreWrite,
  serializeUndoStack,
  UNDO_SETTING,
  UNDO_LIMIT,
  type UndoRecord,
} from "./undo";
import { writeBackChoice } from "./writeback";

export interface WriteContext {
  host: WorkbookHost;
  now(): Date;
  /** Shows the dialog; resolves to the chosen option's key, or null for 取消. */
  ask(request: ConfirmRequest): Promise<string | null>;
  /** How a cell shows values (number format, unit), so values show as the cell shows them. */
  hintOf(ref: CellRef): DisplayHint;
  /** The undo stack changed (the pane shows its last record). */
  setUndo(stack: UndoRecord[]): void;
  /** Marks the pane busy writing again after a dialog. */
  writing(): void;
}

const CANCELLED: Notice = { intent: "info", text: "已取消，未修改任何单元格。" };

function byRef(snapshots: CellSnapshot[]): Map<string, CellSnapshot> {
  const m = new Map<string, CellSnapshot>();
  for (const s of snapshots) m.set(refKey(s.ref), s);
  return m;
}

function listWrites(rows: WritePreview[]): string {
  return rows.map((r) => `${r.cell} = ${r.next}`).join("，");
}

export async function loadUndo(host: WorkbookHost): Promise<UndoRecord[]> {
  return parseUndoStack(await host.loadSetting(UNDO_SETTING));
}

/**
 * Writes `rows` as one write with one undo record. The cells are read again right before the write,
 * so the record holds exactly what the write replaces (values and formulas). The record is saved
 * first; when the write fails it is taken back, and the error goes on to the pane.
 */
export async function writeWithUndo(ctx: WriteContext, action: string, rows: WritePreview[]): Promise<void> {
  const writes: CellWrite[] = rows.map((r) => ({ ref: r.ref, value: r.value }));
  const before = await ctx.host.inspectCells(writes.map((w) => w.ref));
  const stack = await loadUndo(ctx.host);
  const next = [...stack, makeRecord(action, ctx.now(), writes, before)].slice(-UNDO_LIMIT);
  await ctx.host.saveSetting(UNDO_SETTING, serializeUndoStack(next));
  try {
    await ctx.host.writeCells(writes);
  } catch (e) {
    await ctx.host.saveSetting(UNDO_SETTING, serializeUndoStack(stack)).catch(() => undefined);
    ctx.setUndo(stack);
    throw e;
  }
  ctx.setUndo(next);
}

/** 采用重算值: the finding's fix (from the plan), asking first when it replaces a formula. */
export async function applyFix(ctx: WriteContext, f: Finding): Promise<{ notice: Notice; wrote: boolean }> {
  const fix = f.fix!;
  const [snapshot] = await ctx.host.inspectCells([fix.ref]);
  const preview = previewWrite("重算值", { ref: fix.ref, value: fix.value }, snapshot, ctx.hintOf(fix.ref));
  if (preview.same)
    return { notice: { intent: "info", text: `${preview.cell} 已是重算值，无需修改。` }, wrote: false };
  if (preview.formula) {
    const answer = await ctx.ask({
      title: "覆盖公式？",
      intro: `${preview.cell} 中是公式。采用重算值会用数值替换这个公式（之后可点「撤销」恢复）。`,
      rows: [preview],
      options: [{ key: "ok", label: "替换公式", primary: true }],
    });
    if (answer === null) return { notice: CANCELLED, wrote: false };
    ctx.writing();
  }
  await writeWithUndo(ctx, "采用重算值", [preview]);
  return {
    notice: { intent: "success", text: `已将 ${preview.cell} 改为 ${preview.next}，并重新校验。` },
    wrote: true,
  };
}

function totalsText(total: number | null, grade: string | null): string {
  const parts: string[] = [];
  if (total !== null) parts.push(`总分 ${formatNumber(total, 2)}`);
  if (grade !== null) parts.push(`等级 ${grade}`);
  return parts.join("、");
}

/**
 * 写回总分和等级. With item fixes pending the dialog lists them (填写 → 重算) and offers the whole plan
 * or only the total and grade that agree with the typed scores; without, it writes the plan's total and
 * grade, asking first when they replace a formula or a different value.
 */
export async function writeBack(
  ctx: WriteContext,
  result: FormResult,
): Promise<{ notice: Notice; wrote: boolean }> {
  const choice = writeBackChoice(result);
  if (choice.all.length === 0 && choice.keeping.length === 0) {
    return {
      notice: {
        intent: "warning",
        text: "没有可写回的内容：总分或等级无法重算，或表中没有总分、等级单元格。",
      },
      wrote: false,
    };
  }
  const refs = [...new Map([...choice.all, ...choice.keeping].map((t) => [refKey(t.ref), t.ref])).values()];
  const snapshots = byRef(await ctx.host.inspectCells(refs));
  const previews = (targets: typeof choice.all): WritePreview[] =>
    targets
      .map((t) => {
        const snapshot = snapshots.get(refKey(t.ref));
        return previewWrite(t.what, resolveTarget(t, snapshot), snapshot, ctx.hintOf(t.ref));
      })
      .filter((p) => !p.same);
  const all = previews(choice.all);
  const keeping = previews(choice.keeping);
  const pendingKeys = new Set(choice.pending.map((c) => refKey(c.ref)));
  const pending = all.filter((p) => pendingKeys.has(refKey(p.ref)));
  const formulas = [...all, ...keeping].filter(
    (p, i, list) =>
      p.formula !== undefined &&
      !pendingKeys.has(refKey(p.ref)) &&
      list.findIndex((q) => refKey(q.ref) === refKey(p.ref)) === i,
  );

  let toWrite: WritePreview[];
  let action: string;
  if (pending.length > 0) {
    const plan = result.plan!;
    const allTotals = totalsText(plan.total, plan.grade);
    const keepTotals = totalsText(plan.totalKeepingItems, plan.gradeKeepingItems);
    const answer = await ctx.ask({
      title: "先改正各项得分？",
      intro:
        `下列 ${pending.length} 项与评分规则不符。总分和等级要与改正后的各项一致，还是与表中现有的得分一致？` +
        (formulas.length > 0 ? "（表中列出的公式会被替换为数值。）" : ""),
      // The items, and any total/grade formula the whole plan would replace (nothing is replaced unseen).
      rows: [...pending, ...formulas],
      columns: ["填写", "重算"],
      notes: [
        `全部采用重算值并写回：上表各项改为重算值${allTotals ? `，${allTotals}` : ""}（共 ${all.length} 个单元格，一次写入，可一次撤销）。`,
        keeping.length > 0
          ? `只写回与现有得分一致的总分和等级：${listWrites(keeping)}，各项得分不变。`
          : `只写回与现有得分一致的总分和等级：表中的${keepTotals || "总分和等级"}已与现有得分一致，无需写回。`,
      ],
      options: [
        { key: "all", label: "全部采用重算值并写回", primary: true },
        { key: "keeping", label: "只写回与现有得分一致的总分和等级", disabled: keeping.length === 0 },
      ],
    });
    if (answer === null)
      return { notice: { intent: "info", text: "已取消写回，未修改任何单元格。" }, wrote: false };
    ctx.writing();
    toWrite = answer === "all" ? all : keeping;
    action = answer === "all" ? "全部采用重算值并写回" : "写回总分和等级";
  } else {
    toWrite = all;
    action = "写回总分和等级";
    if (toWrite.length === 0) {
      return {
        notice: { intent: "info", text: "表中的总分和等级已与重算结果一致，无需写回。" },
        wrote: false,
      };
    }
    if (toWrite.some((p) => p.needsConfirm)) {
      const formulas = toWrite.filter((p) => p.formula).length;
      const answer = await ctx.ask({
        title: "覆盖已填内容？",
        intro:
          formulas > 0
            ? "下列单元格中有公式或已填写的不同内容，写回会替换它们（之后可点「撤销」恢复）："
            : "下列单元格已填写了不同的内容，写回会替换它们（之后可点「撤销」恢复）：",
        rows: toWrite,
        options: [{ key: "ok", label: "写回", primary: true }],
      });
      if (answer === null)
        return { notice: { intent: "info", text: "已取消写回，未修改任何单元格。" }, wrote: false };
      ctx.writing();
    }
  }
  await writeWithUndo(ctx, action, toWrite);
  return { notice: { intent: "success", text: `已写回：${listWrites(toWrite)}。` }, wrote: true };
}

/** How a cell read before a write is shown in the undo dialog: its formula and value, or （空）. */
export function beforeText(
  before: { value: CellSnapshot["value"]; formula?: string },
  hint: DisplayHint = {},
): string {
  const text = snapshotText(before.value, hint);
  if (before.formula !== undefined) return `=${before.formula}（${text || "公式"}）`;
  return text || "（空）";
}

/**
 * 撤销: puts back the cells of the last record exactly as they were (values and formulas). Cells that
 * no longer hold what the pane wrote (edited since) are listed and overwritten only after the dialog.
 */
export async function undoLast(ctx: WriteContext): Promise<{ notice: Notice; wrote: boolean }> {
  const stack = await loadUndo(ctx.host);
  const record = stack[stack.length - 1];
  if (!record) {
    ctx.setUndo(stack);
    return { notice: { intent: "info", text: "没有可撤销的修改。" }, wrote: false };
  }
  let current: CellSnapshot[];
  try {
    current = await ctx.host.inspectCells(record.cells.map((c) => c.ref));
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ItemNotFound") throw e;
    // The sheet is gone (renamed or deleted): the record can only be dropped, so older ones can be undone.
    const answer = await ctx.ask({
      title: "无法撤销",
      intro: `「${record.action}」写入的工作表已不存在（${(e as Error).message}），这条修改记录无法撤销。是否删除这条记录？`,
      rows: [],
      options: [{ key: "drop", label: "删除这条记录", primary: true }],
    });
    if (answer === null) return { notice: CANCELLED, wrote: false };
    const rest = stack.slice(0, -1);
    await ctx.host.saveSetting(UNDO_SETTING, serializeUndoStack(rest));
    ctx.setUndo(rest);
    return {
      notice: { intent: "info", text: "已删除这条无法撤销的修改记录，未修改任何单元格。" },
      wrote: false,
    };
  }
  const changed = changedSince(record, current);
  if (changed.length > 0) {
    const now = byRef(current);
    const answer = await ctx.ask({
      title: "单元格已被改动",
      intro: `下列单元格现在的内容不是「${record.action}」写入的值（可能已手动修改）。撤销会把它们恢复为写入前的内容：`,
      rows: changed.map((c): WritePreview => {
        const fmt = ctx.hintOf(c.ref);
        const snap = now.get(refKey(c.ref));
        return {
          ref: c.ref,
          cell: refToString(c.ref),
          what: `写入的是 ${shownValue(c.after, fmt)}`,
          current: snap ? beforeText(snap, fmt) : "（空）",
          next: beforeText(c.before, fmt),
          value: c.after,
          same: false,
          needsConfirm: true,
        };
      }),
      columns: ["现在", "恢复为"],
      options: [{ key: "ok", label: "仍然撤销", primary: true }],
    });
    if (answer === null) return { notice: CANCELLED, wrote: false };
    ctx.writing();
  }
  await ctx.host.writeCells(record.cells.map(restoreWrite));
  const rest = stack.slice(0, -1);
  await ctx.host.saveSetting(UNDO_SETTING, serializeUndoStack(rest));
  ctx.setUndo(rest);
  const cells = record.cells.map((c) => refToString(c.ref)).join("、");
  return {
    notice: {
      intent: "success",
      text: `已撤销「${record.action}」：${cells} 已恢复为修改前的内容，并重新校验。`,
    },
    wrote: true,
  };
}
