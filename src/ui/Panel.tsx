/**
 * A static card-looking region (the look of Fluent's non-interactive Card: column, rounded corner,
 * padding and gap set by the caller). Fluent's Card is built for clickable/selectable cards: its
 * focus management (tabster groupper) and variant styles cost ~8 KB gzip of the pane page, and the
 * pane only ever shows labelled, non-interactive regions.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    boxSizing: "border-box",
    position: "relative",
    overflow: "hidden",
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  filled: { backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  "filled-alternative": { backgroundColor: tokens.colorNeutralBackground2, boxShadow: tokens.shadow4 },
  outline: {
    backgroundColor: tokens.colorTransparentBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

export interface PanelProps {
  /** Accessible name of the region (what a screen reader announces). */
  "aria-label": string;
  appearance?: "filled" | "filled-alternative" | "outline";
  className?: string;
  children?: React.ReactNode;
}

export function Panel({ appearance = "filled", className, children, ...rest }: PanelProps) {
  const s = useStyles();
  return (
    <div
      role="region"
      aria-label={rest["aria-label"]}
      className={mergeClasses(s.root, s[appearance], className)}
    >
      {children}
    </div>
  );
}
