/* global console */
/**
 * The error MessageBar of the pane and the pages: Chinese only. The error's code (and any English
 * detail a library or Excel gave) is not shown to the clerk; it stays on the element (`data-code`)
 * and in the browser console for whoever supports them.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import * as React from "react";
import type { PaneError } from "./logic";

/** Said when an error carries no Chinese explanation at all (a program error, an English-only library message). */
export const UNEXPECTED_ERROR_TEXT =
  "程序出现了意外错误。请再试一次；问题仍然存在时，请重新打开本页面后再试。";

const HAN = /\p{Script=Han}/u;

/**
 * The part of an error message a clerk reads: bracketed details without a Chinese character (Excel's
 * English original "（Excel：The request…）", "(HTTP 404)") are dropped; a message with no Chinese at
 * all becomes UNEXPECTED_ERROR_TEXT. File names in Latin letters inside Chinese text are kept.
 */
export function clerkErrorText(message: string): string {
  const kept = message
    .replace(/[（(][^（）()]*[）)]/g, (part) => (HAN.test(part) ? part : ""))
    .replace(/\s+([。，；：])/g, "$1")
    .trim();
  return HAN.test(kept) ? kept : UNEXPECTED_ERROR_TEXT;
}

export interface ErrorBannerProps {
  error: PaneError;
  /** data-testid of the bar (each place has its own). */
  testId: string;
  className?: string;
  /** Shows a close button when given. */
  onDismiss?(): void;
}

export function ErrorBanner({ error, testId, className, onDismiss }: ErrorBannerProps) {
  const text = clerkErrorText(error.message);
  React.useEffect(() => {
    // For support: the code and the full message, where the clerk does not read them.
    console.warn(`[${error.code}] ${error.action}：${error.message}`);
  }, [error]);
  return (
    <MessageBar
      intent="error"
      layout="multiline"
      className={className}
      data-testid={testId}
      data-code={error.code}
    >
      <MessageBarBody>
        <MessageBarTitle>{error.action}失败</MessageBarTitle>
        {text}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="关闭错误提示"
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
