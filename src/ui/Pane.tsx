/**
 * The task pane (Excel and browser preview alike): 一键校验, summary, findings, write-back, marks, report.
 * It talks only to a WorkbookHost and renders the core's FormResults; it never recomputes them.
 */
import {
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  ProgressBar,
  Spinner,
  Subtitle1,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, EraserRegular, TaskListSquareLtrRegular } from "@fluentui/react-icons";
import * as React from "react";
import type { FormResult } from "../core/model";
import type { WorkbookHost } from "../host/host";
import { ConfirmDialog } from "./ConfirmDialog";
import { ErrorBanner, MessageBanner } from "./ErrorBanner";
import { defaultDeps, type PaneDeps } from "./deps";
import { FindingsList } from "./FindingsList";
import { FormHeader, Summary } from "./FormSummary";
import { PHASE_LABEL } from "./labels";
import { PortableFormulas } from "./PortableFormulas";
import { UndoCard } from "./UndoCard";
import { usePane } from "./usePane";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    minWidth: "280px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
  },
  title: { display: "flex", flexDirection: "column", paddingRight: "36px" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tools: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  empty: { color: tokens.colorNeutralForeground2, lineHeight: tokens.lineHeightBase300 },
  advice: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: "1.2em" },
  footer: { color: tokens.colorNeutralForeground4, textAlign: "center", marginTop: tokens.spacingVerticalL },
});

const VALIDATE_STEPS = { reading: 1, checking: 2, marking: 3 } as Record<string, number>;

export interface PaneProps {
  host: WorkbookHost;
  deps?: PaneDeps;
  /** Called with every new set of results (the preview uses it for the marked copy). */
  onResults?(results: FormResult[]): void;
  /** Called when one of the pane's commands starts (the page then drops its own stale messages). */
  onActionStart?(): void;
  /** Changed by the page when one of its own actions starts: the pane drops its stale messages. */
  clearSignal?: number;
}

function NotFound({ message }: { message: string | undefined }) {
  const s = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="template-not-found">
      <MessageBarBody>
        <MessageBarTitle>未找到自评表</MessageBarTitle>
        {message}
        <ul className={s.advice}>
          <li>请确认打开的是「部门整体支出绩效自评表」所在的工作簿；</li>
          <li>表中应有“预算部门”“绩效指标”“总分”“评价等级”等栏目名称；</li>
          <li>如果表格是从 PDF 或图片转换来的，请先确认内容是可编辑的单元格，而不是图片；</li>
          <li>工作表被隐藏时请先取消隐藏，然后重新点击「一键校验」。</li>
        </ul>
        没有修改工作簿中的任何内容。
      </MessageBarBody>
    </MessageBar>
  );
}

export function Pane({ host, deps = defaultDeps, onResults, onActionStart, clearSignal = 0 }: PaneProps) {
  const s = useStyles();
  const { state, actions, hintOf } = usePane(host, deps, onResults, { onActionStart, clearSignal });
  const busy = state.phase !== null;
  const result = state.results?.[state.formIndex] ?? state.results?.[0] ?? null;
  const profile = deps.profiles.find((p) => p.id === state.profileId);
  const profileName = profile?.name ?? state.profileId;
  const step = state.phase ? VALIDATE_STEPS[state.phase] : undefined;
  const nextBand =
    result && result.form && result.total.computed !== null
      ? deps.nextBand(result.total.computed, result.profile || state.profileId)
      : null;
  const findings = result?.findings ?? [];

  return (
    <main className={s.root} aria-busy={busy} data-phase={state.phase ?? "idle"}>
      <div className={s.title}>
        <Subtitle1 as="h1">绩效自评助手</Subtitle1>
        <Caption1>部门整体 / 项目支出绩效自评表 · 提交前校验</Caption1>
      </div>

      <Field label="评分规则">
        <Dropdown
          disabled={busy}
          value={profileName}
          selectedOptions={[state.profileId]}
          onOptionSelect={(_e, d) => d.optionValue && actions.setProfile(d.optionValue)}
          aria-label="评分规则"
          // Fluent's built-in English label of the (hidden) clear button, read out by screen readers.
          clearButton={{ "aria-label": "清除选择" }}
        >
          {deps.profiles.map((p) => (
            <Option key={p.id} value={p.id} text={p.name}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>

      <Button
        appearance="primary"
        size="large"
        icon={busy && step ? <Spinner size="tiny" /> : <TaskListSquareLtrRegular />}
        disabled={busy}
        onClick={actions.validate}
      >
        一键校验
      </Button>

      {state.phase && state.phase !== "confirming" && (
        <div className={s.progress} role="status" aria-live="polite">
          <ProgressBar
            value={step !== undefined ? step / 3 : undefined}
            thickness="large"
            aria-label={PHASE_LABEL[state.phase]}
          />
          <Caption1>
            {PHASE_LABEL[state.phase]}
            {step !== undefined ? `（${step}/3）` : ""}
          </Caption1>
        </div>
      )}

      {state.error && <ErrorBanner error={state.error} testId="error-bar" onDismiss={actions.dismissError} />}

      {state.notice && (
        <MessageBanner intent={state.notice.intent} testId="notice-bar" onDismiss={actions.dismissNotice}>
          {state.notice.text}
        </MessageBanner>
      )}

      <UndoCard stack={state.undo} disabled={busy} onUndo={actions.undo} />

      {state.results === null && (
        <Body1 className={s.empty}>
          打开填好的自评表，点击「一键校验」：助手会重算执行率、得分、总分和等级，找出漏填、算错和不合理的地方，并在表中标出。数据只在本机处理，不会上传。
        </Body1>
      )}

      {result && !result.form && (
        <NotFound message={result.findings.find((f) => f.rule === "TEMPLATE_NOT_FOUND")?.message} />
      )}

      {result && result.form && state.results && (
        <>
          <FormHeader
            results={state.results}
            formIndex={state.formIndex}
            profileName={deps.profiles.find((p) => p.id === result.profile)?.name ?? profileName}
            disabled={busy}
            onSelectForm={actions.selectForm}
          />
          <Summary result={result} nextBand={nextBand} disabled={busy} onWriteBack={actions.writeBack} />
          {findings.length > 0 ? (
            <FindingsList
              findings={findings}
              hiddenSheets={state.hiddenSheets}
              disabled={busy}
              hintOf={hintOf}
              onSelect={actions.selectFinding}
              onFix={actions.applyFix}
            />
          ) : (
            <Body1 className={s.empty}>这张表没有发现问题。</Body1>
          )}
        </>
      )}

      <PortableFormulas
        host={host}
        available={state.results?.some((r) => r.findings.some((f) => f.rule === "ADDIN_FORMULA")) ?? false}
        disabled={busy}
      />

      {(state.results !== null || state.marked) && (
        <div className={s.tools}>
          <Button icon={<EraserRegular />} disabled={busy || !state.marked} onClick={actions.clearMarks}>
            清除标记
          </Button>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={busy || !state.results || state.results.every((r) => r.findings.length === 0)}
            onClick={actions.exportReport}
          >
            导出校验报告
          </Button>
        </div>
      )}

      {state.checkedAt && (
        <Caption1 className={s.footer}>
          校验时间 {state.checkedAt.toLocaleString("zh-CN", { hour12: false })} · 数据不离开本机
        </Caption1>
      )}

      <ConfirmDialog request={state.confirm} onAnswer={actions.answerConfirm} />
    </main>
  );
}

/** The pane inside Fluent's provider (what the entry pages render). */
export function PaneApp(props: PaneProps) {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100%" }}>
      <Pane {...props} />
    </FluentProvider>
  );
}
