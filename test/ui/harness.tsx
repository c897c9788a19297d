/**
 * Rendering the pane against a FakeHost, and the queries the write-back tests share
 * (see pane.test.tsx for why the dialog is queried with hidden: true).
 */
import "@testing-library/jest-dom";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import type { Workbook } from "../../src/core/grid";
import { defaultDeps, type PaneDeps } from "../../src/ui/deps";
import { Pane } from "../../src/ui/Pane";
import { FakeHost } from "./fakeHost";

export function renderPane(host: FakeHost, deps: Partial<PaneDeps> = {}) {
  const all: PaneDeps = {
    ...defaultDeps,
    download: jest.fn(),
    now: () => new Date(2024, 2, 15, 10, 30),
    ...deps,
  };
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Pane host={host} deps={all} />
    </FluentProvider>,
  );
  return { host, user, view };
}

export function setupPane(workbook: Workbook, deps: Partial<PaneDeps> = {}) {
  return renderPane(new FakeHost(workbook), deps);
}

export const validateButton = () => screen.getByRole("button", { name: "一键校验" });

export async function idle(): Promise<void> {
  await waitFor(() => expect(validateButton()).toBeEnabled());
}

export async function validate(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await idle();
  await user.click(validateButton());
  await screen.findByText(/校验完成/);
  await idle();
}

export async function confirmDialog(): Promise<HTMLElement> {
  const dialog = await screen.findByRole("alertdialog", { hidden: true });
  expect(dialog).toHaveAttribute("aria-modal", "true");
  return dialog;
}

export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}

export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull());
}

/** Findings listed in the pane, as "cell rule". */
export function listedFindings(): string[] {
  return [...document.querySelectorAll<HTMLElement>("[data-finding-cell]")].map(
    (e) => `${e.getAttribute("data-finding-cell")} ${e.getAttribute("data-finding")}`,
  );
}
