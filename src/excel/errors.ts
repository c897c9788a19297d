/**
 * Mapping of Excel errors (OfficeExtension.Error: { name: "RichApi.Error", code, message, debugInfo })
 * to HostError with a Chinese message. Nothing is swallowed: every failure becomes a HostError that
 * keeps Excel's code, so the pane's MessageBar can show it.
 */
import { HostError } from "../host/host";

const MESSAGES: Record<string, string> = {
  ItemNotFound: "找不到要操作的工作表或单元格（可能已被重命名或删除）。",
  ItemAlreadyExists: "同名的工作表或对象已存在。",
  InvalidArgument: "Excel 拒绝了请求的参数。",
  InvalidOperation: "Excel 当前无法执行此操作（例如正在编辑单元格）。请先完成单元格编辑后重试。",
  InvalidReference: "单元格引用无效。",
  AccessDenied: "Excel 拒绝访问：工作表或工作簿可能受保护。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑后重试。",
  RequestPayloadSizeLimitExceeded: "一次读写的数据量超过了 Excel 的上限（网页版为 5 MB）。",
  ResponsePayloadSizeLimitExceeded: "一次读取的数据量超过了 Excel 的上限（网页版为 5 MB）。",
  GeneralException: "Excel 处理请求时出错。",
  Conflict: "工作簿同时被其他操作修改，请重试。",
  ActivityLimitReached: "Excel 的操作次数已达上限，请稍后重试。",
  Unauthenticated: "需要登录后才能访问此工作簿。",
  UnsupportedOperation: "当前版本的 Excel 不支持此操作。",
  ApiNotFound: "当前版本的 Excel 不支持所需的接口。请升级 Excel。",
  NotImplemented: "当前版本的 Excel 不支持此功能。",
  FilteredRangeConflict: "筛选状态下无法执行此操作，请先取消筛选。",
  InsertDeleteConflict: "插入或删除单元格与现有内容冲突。",
  UndoNotSupported: "此操作不支持撤销。",
};

interface ErrorLike {
  code?: unknown;
  message?: unknown;
}

/**
 * Wrap any thrown value as a HostError. `action` says what we were doing ("读取工作簿"), so the message
 * reads "读取工作簿失败：找不到……（Excel：<original message>）".
 */
export function toHostError(err: unknown, action: string): HostError {
  if (err instanceof HostError) return err;
  const e = (typeof err === "object" && err !== null ? err : {}) as ErrorLike;
  const code = typeof e.code === "string" && e.code !== "" ? e.code : "Unknown";
  const original = typeof e.message === "string" ? e.message : typeof err === "string" ? err : "";
  const explained = MESSAGES[code] ?? "Excel 返回了错误。";
  const detail = original !== "" ? `（Excel：${original}）` : "";
  return new HostError(code, `${action}失败：${explained}${detail}`);
}

/** Run `fn`, converting whatever it throws into a HostError. */
export async function guarded<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toHostError(err, action);
  }
}
