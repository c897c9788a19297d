/**
 * Asks before overwriting a formula or a different non-empty value; shows exactly what is written (values
 * as their cells show them) and what each answer does. One button per option, then 取消.
 */
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
  note: { marginTop: tokens.spacingVerticalS },
  actions: { flexWrap: "wrap" },
});

export interface ConfirmDialogProps {
  request: ConfirmRequest | null;
  /** An option's key, or null for 取消 (and for closing the dialog otherwise). */
  onAnswer(key: string | null): void;
}

export function ConfirmDialog({ request, onAnswer }: ConfirmDialogProps) {
  const s = useStyles();
  const [currentHead, nextHead] = request?.columns ?? ["现有内容", "写入"];
  // Mounted only while asking: a mounted Fluent Dialog (even closed) makes its focus manager put
  // aria-hidden, focusable focus guards into <body>, which axe reports (aria-hidden-focus).
  if (request === null) return null;
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_e, data) => {
        if (!data.open) onAnswer(null);
      }}
    >
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{request.title}</DialogTitle>
          <DialogContent>
            <Body1 block>{request.intro}</Body1>
            {request.rows.length > 0 && (
              <table className={s.table}>
                <thead>
                  <tr>
                    <th scope="col">单元格</th>
                    <th scope="col">{currentHead}</th>
                    <th scope="col">{nextHead}</th>
                  </tr>
                </thead>
                <tbody>
                  {request.rows.map((r) => (
                    <tr key={r.cell} data-cell={r.cell}>
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
            )}
            {request.notes?.map((n) => (
              <Body1 block key={n} className={s.note}>
                {n}
              </Body1>
            ))}
          </DialogContent>
          <DialogActions fluid={(request.options.length ?? 0) > 1} className={s.actions}>
            {request.options.map((o) => (
              <Button
                key={o.key}
                appearance={o.primary ? "primary" : "secondary"}
                disabled={o.disabled}
                onClick={() => onAnswer(o.key)}
              >
                {o.label}
              </Button>
            ))}
            <Button appearance="secondary" onClick={() => onAnswer(null)}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
