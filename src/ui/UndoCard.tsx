/** The pane's last write and its 撤销 button (records are kept with the document, so they survive reopening). */
import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import * as React from "react";
import { refToString } from "../core/grid";
import { Panel } from "./Panel";
import type { UndoRecord } from "./undo";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalXS },
  cells: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString("zh-CN", { hour12: false });
}

export interface UndoCardProps {
  stack: UndoRecord[];
  disabled: boolean;
  onUndo(): void;
}

export function UndoCard({ stack, disabled, onUndo }: UndoCardProps) {
  const s = useStyles();
  const last = stack[stack.length - 1];
  if (!last) return null;
  const cells = last.cells.map((c) => refToString(c.ref));
  const shown =
    cells.length > 6 ? `${cells.slice(0, 6).join("、")} 等 ${cells.length} 个单元格` : cells.join("、");
  return (
    <Panel className={s.card} appearance="outline" aria-label="可撤销的修改">
      <Text size={300} weight="semibold">
        上次修改：{last.action}
      </Text>
      <Caption1 className={s.cells} data-testid="undo-cells">
        {when(last.at)} · {shown}
      </Caption1>
      <Button
        icon={<ArrowUndoRegular />}
        disabled={disabled}
        onClick={onUndo}
        aria-label={`撤销「${last.action}」`}
      >
        撤销
      </Button>
      {stack.length > 1 && <Caption1>更早的修改还有 {stack.length - 1} 次，可依次撤销。</Caption1>}
    </Panel>
  );
}
