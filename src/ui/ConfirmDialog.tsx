/** Asks before overwriting a formula or a different non-empty value; shows exactly what is written. */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ConfirmRequest } from "./state";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    marginTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      padding: "4px 6px",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
      wordBreak: "break-all",
    },
    "& th": { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  next: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground1 },
  formula: { color: tokens.colorPaletteRedForeground1 },
});

export interface ConfirmDialogProps {
  request: ConfirmRequest | null;
  onAnswer(ok: boolean): void;
}

export function ConfirmDialog({ request, onAnswer }: ConfirmDialogProps) {
  const s = useStyles();
  return (
    <Dialog
      open={request !== null}
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(false);
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{request?.title}</DialogTitle>
          <DialogContent>
            <Body1 block>{request?.intro}</Body1>
            <table className={s.table}>
              <thead>
                <tr>
                  <th scope="col">单元格</th>
                  <th scope="col">现有内容</th>
                  <th scope="col">写入</th>
                </tr>
              </thead>
              <tbody>
                {request?.rows.map((r) => (
                  <tr key={r.cell}>
                    <td className={s.mono}>
                      {r.cell}
                      <br />
                      {r.what}
                    </td>
                    <td className={r.formula ? s.formula : undefined}>{r.current || "（空）"}</td>
                    <td className={s.next}>{r.next}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {request?.confirmLabel ?? "确定"}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
