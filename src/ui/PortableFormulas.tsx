/**
 * 转换为普通公式: replaces the add-in's JX formulas with built-in Excel formulas where an exact
 * equivalent exists and with their current values elsewhere (src/core/portable), so the workbook
 * computes the same without the add-in (the finance bureau's Excel, WPS). Three steps: the plan is
 * listed cell by cell and confirmed; the changes are listed after writing; 撤销转换 writes the JX
 * formulas back. Shown when the results carry ADDIN_FORMULA (and after a conversion, for the undo).
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, MathFormulaRegular } from "@fluentui/react-icons";
import * as React from "react";
import { refToString } from "../core/grid";
import { planPortable, type PortableChange, type PortablePlan } from "../core/portable/plan";
import type { FormulaWrite, WorkbookHost } from "../host/host";
import { ErrorBanner } from "./ErrorBanner";
import { toPaneError, type PaneError } from "./logic";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: {
    margin: 0,
    paddingLeft: "1.2em",
    maxHeight: "240px",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-all",
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  reason: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** How the stored name reads in Excel: _xldudf_JX_EXECRATE( → JX.EXECRATE(. */
const shown = (formula: string): string => `=${formula.replace(/_xldudf_JX_/gi, "JX.")}`;

function ChangeItem({ c }: { c: PortableChange }) {
  const s = useStyles();
  return (
    <li
      data-portable-cell={refToString(c.ref)}
      data-portable-kind={"formula" in c.after ? "formula" : "value"}
    >
      {refToString(c.ref)}：<span className={s.mono}>{shown(c.before)}</span> →{" "}
      {"formula" in c.after ? (
        <span className={s.mono}>={c.after.formula}</span>
      ) : (
        <>
          数值 <span className={s.mono}>{String(c.after.value)}</span>
          <span className={s.reason}>（{c.reason}）</span>
        </>
      )}
    </li>
  );
}

export interface PortableFormulasProps {
  host: WorkbookHost;
  /** The last results carry ADDIN_FORMULA. */
  available: boolean;
  /** The pane is busy: actions disabled. */
  disabled: boolean;
}

type Step =
  { kind: "idle" } | { kind: "plan"; plan: PortablePlan } | { kind: "done"; changes: PortableChange[] };

export function PortableFormulas({ host, available, disabled }: PortableFormulasProps) {
  const s = useStyles();
  const [step, setStep] = React.useState<Step>({ kind: "idle" });
  const [working, setWorking] = React.useState(false);
  const [error, setError] = React.useState<PaneError | null>(null);
  const [note, setNote] = React.useState<string | null>(null);

  const run = async (action: string, f: () => Promise<void>): Promise<void> => {
    setWorking(true);
    setError(null);
    setNote(null);
    try {
      await f();
    } catch (e) {
      setError(toPaneError(e, action));
    } finally {
      setWorking(false);
    }
  };

  const prepare = () =>
    run("读取公式", async () => {
      const plan = planPortable(await host.readWorkbook());
      if (plan.changes.length === 0 && plan.skipped.length === 0) {
        setNote("工作簿中已经没有本加载项的函数（JX.*）。");
        setStep({ kind: "idle" });
      } else setStep({ kind: "plan", plan });
    });

  const convert = (plan: PortablePlan) =>
    run("转换为普通公式", async () => {
      const writes: FormulaWrite[] = plan.changes.map((c) =>
        "formula" in c.after
          ? { ref: c.ref, formula: c.after.formula }
          : { ref: c.ref, value: c.after.value },
      );
      await host.writeFormulas(writes);
      setStep({ kind: "done", changes: plan.changes });
    });

  const undo = (changes: PortableChange[]) =>
    run("撤销转换", async () => {
      await host.writeFormulas(changes.map((c) => ({ ref: c.ref, formula: c.before })));
      setStep({ kind: "idle" });
      setNote(`已撤销：${changes.length} 个单元格恢复为原来的 JX 公式。`);
    });

  if (!available && step.kind === "idle" && !note && !error) return null;
  const busy = disabled || working;
  return (
    <section className={s.root} aria-label="转换为普通公式" data-testid="portable">
      {step.kind === "idle" && (
        <>
          <Body1>
            表中用了本加载项的函数（JX.*），没有安装加载项的 Excel、WPS 打开后会显示 #NAME?。 可以把它们换成
            Excel 内置公式（没有等价公式的换成当前数值），换之前会逐项列出。桌面版出错时可能只显示
            #VALUE!，原因见帮助页。
          </Body1>
          <div className={s.buttons}>
            <Button icon={<MathFormulaRegular />} disabled={busy} onClick={() => void prepare()}>
              转换为普通公式
            </Button>
          </div>
        </>
      )}

      {step.kind === "plan" && (
        <>
          <Body1>
            将修改 {step.plan.changes.length} 个单元格：
            {step.plan.changes.filter((c) => "formula" in c.after).length} 个换成内置公式，
            {step.plan.changes.filter((c) => "value" in c.after).length} 个换成数值。
          </Body1>
          <ul className={s.list} data-testid="portable-plan">
            {step.plan.changes.map((c) => (
              <ChangeItem key={refToString(c.ref)} c={c} />
            ))}
          </ul>
          {step.plan.skipped.length > 0 && (
            <ul className={s.list} data-testid="portable-skipped">
              {step.plan.skipped.map((k) => (
                <li key={refToString(k.ref)}>
                  {refToString(k.ref)}：不修改（{k.reason}）
                </li>
              ))}
            </ul>
          )}
          <div className={s.buttons}>
            <Button
              appearance="primary"
              disabled={busy || step.plan.changes.length === 0}
              onClick={() => void convert(step.plan)}
            >
              确认转换
            </Button>
            <Button disabled={busy} onClick={() => setStep({ kind: "idle" })}>
              取消
            </Button>
          </div>
        </>
      )}

      {step.kind === "done" && (
        <>
          <MessageBar intent="success" layout="multiline" data-testid="portable-done">
            <MessageBarBody>
              已转换 {step.changes.length} 个单元格，表中不再使用 JX 函数。请重新点击「一键校验」。
            </MessageBarBody>
          </MessageBar>
          <ul className={s.list}>
            {step.changes.map((c) => (
              <ChangeItem key={refToString(c.ref)} c={c} />
            ))}
          </ul>
          <div className={s.buttons}>
            <Button icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void undo(step.changes)}>
              撤销转换
            </Button>
          </div>
        </>
      )}

      {note && <Caption1 data-testid="portable-note">{note}</Caption1>}
      {error && <ErrorBanner error={error} testId="portable-error" />}
    </section>
  );
}
