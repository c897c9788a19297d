/**
 * The error MessageBar of the pane and the pages: Chinese only. The error's code is not shown to the
 * clerk; it stays on the element (`data-code`) for whoever supports them. (The pane page's bundle
 * budget leaves no room for logging it too.)
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
export const UNEXPECTED_ERROR_TEXT = "程序出错，请重试。";

const HAN = /\p{Script=Han}/u;

/**
 * The part of an error message a clerk reads: bracketed details without a Chinese character (Excel's
 * English original "（Excel：The request…）", "(HTTP 404)") are dropped; a message with no Chinese at
 * all becomes UNEXPECTED_ERROR_TEXT. File names in Latin letters inside Chinese text are kept.
 */
export function clerkErrorText(message: string): string {
  const kept = message.replace(/[（(][^（）()]*[）)]/g, (part) => (HAN.test(part) ? part : "")).trim();
  return HAN.test(kept) ? kept : UNEXPECTED_ERROR_TEXT;
}

export interface MessageBannerProps {
  intent: "error" | "success" | "info" | "warning";
  /** data-testid of the bar (each place has its own). */
  testId: string;
  className?: string;
  /** Shows a close button (关闭提示) when given. */
  onDismiss?(): void;
  /** The error code, kept on the element (data-code) for support. */
  code?: string;
  children: React.ReactNode;
}

/** A MessageBar with an optional close button (the pane's and the pages' messages). */
export function MessageBanner({ intent, testId, className, onDismiss, code, children }: MessageBannerProps) {
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      className={className}
      data-testid={testId}
      data-code={code}
    >
      <MessageBarBody>{children}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="关闭提示"
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
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
  return (
    <MessageBanner
      intent="error"
      testId={testId}
      className={className}
      onDismiss={onDismiss}
      code={error.code}
    >
      <MessageBarTitle>{error.action}失败</MessageBarTitle>
      {clerkErrorText(error.message)}
    </MessageBanner>
  );
}
