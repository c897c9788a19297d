/** Findings grouped by severity (Accordion), then by category; a click selects the cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular, ErrorCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import * as React from "react";
import { refToString } from "../core/grid";
import type { Finding, Severity } from "../core/model";
import { CATEGORY_LABEL, RULE_LABEL, SEVERITY_HINT, SEVERITY_LABEL } from "./labels";
import type { DisplayHint } from "../core/display";
import type { CellRef } from "../core/grid";
import { groupFindings, shownValue } from "./logic";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  category: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  item: {
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: "hidden",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  main: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    background: "transparent",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  cellLine: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    marginBottom: "2px",
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3, textAlign: "right" },
  message: { display: "block", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  numbers: { display: "block", marginTop: "4px", color: tokens.colorNeutralForeground2 },
  steps: { display: "block", color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  actions: { padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}` },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  switch (severity) {
    case "error":
      return <ErrorCircleFilled color={tokens.colorPaletteRedForeground1} aria-hidden />;
    case "warning":
      return <WarningFilled color={tokens.colorPaletteMarigoldForeground1} aria-hidden />;
    case "info":
      return <InfoFilled color={tokens.colorPaletteBlueForeground2} aria-hidden />;
  }
}

interface ItemProps {
  finding: Finding;
  /** The finding's sheet is hidden: said in the list, since Excel cannot jump there. */
  hiddenSheet: boolean;
  disabled: boolean;
  /** How a cell shows values (990.31%, not 9.9031; 4563.47万元). */
  hintOf(ref: CellRef): DisplayHint;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
}

function FindingItem({ finding: f, hiddenSheet, disabled, hintOf, onSelect, onFix }: ItemProps) {
  const s = useStyles();
  const format = f.ref ? hintOf(f.ref) : {};
  const fixShown = f.fix ? shownValue(f.fix.value, hintOf(f.fix.ref)) : "";
  const cell = f.ref ? refToString(f.ref) : "";
  const hasNumbers = f.typed !== undefined || (f.expected !== undefined && f.expected !== null);
  return (
    <li
      className={mergeClasses(s.item, s[f.severity])}
      data-finding={f.rule}
      data-finding-cell={cell || undefined}
      data-severity={f.severity}
    >
      <button
        type="button"
        className={s.main}
        disabled={disabled || !f.ref}
        onClick={() => onSelect(f)}
        title={
          f.ref
            ? hiddenSheet
              ? `工作表「${f.ref.sheet}」已隐藏：右键单击任一工作表标签 → 取消隐藏，才能定位到 ${cell}`
              : `定位到 ${cell}`
            : undefined
        }
      >
        <span className={s.cellLine}>
          <span className={s.cell}>
            {cell || "整个工作簿"}
            {hiddenSheet && "（工作表已隐藏）"}
          </span>
          <span className={s.rule}>{RULE_LABEL[f.rule] ?? f.rule}</span>
        </span>
        <span className={s.message}>{f.message}</span>
        {hasNumbers && (
          <span className={s.numbers}>
            填写：{shownValue(f.typed, format)}
            {f.expected !== undefined && f.expected !== null && (
              <>
                {"\u3000重算："}
                {shownValue(f.expected, format)}
              </>
            )}
          </span>
        )}
        {f.steps && <span className={s.steps}>计算：{f.steps}</span>}
      </button>
      {f.fix && (
        <div className={s.actions}>
          <Button
            size="small"
            icon={<ArrowSyncRegular />}
            disabled={disabled}
            onClick={() => onFix(f)}
            aria-label={`采用重算值 ${fixShown} 写入 ${refToString(f.fix.ref)}`}
          >
            采用重算值（{fixShown}）
          </Button>
        </div>
      )}
    </li>
  );
}

export interface FindingsListProps {
  findings: Finding[];
  /** Names of hidden sheets (default none). */
  hiddenSheets?: string[];
  disabled: boolean;
  hintOf(ref: CellRef): DisplayHint;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
}

export function FindingsList({
  findings,
  hiddenSheets = [],
  disabled,
  hintOf,
  onSelect,
  onFix,
}: FindingsListProps) {
  const s = useStyles();
  const hidden = new Set(hiddenSheets);
  const groups = groupFindings(findings);
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.severity)}>
      {groups.map((g) => (
        <AccordionItem key={g.severity} value={g.severity} data-severity-group={g.severity}>
          <AccordionHeader size="medium" icon={<SeverityIcon severity={g.severity} />}>
            <span className={s.header}>
              {SEVERITY_LABEL[g.severity]}
              <CounterBadge
                count={g.count}
                size="small"
                appearance="filled"
                color={
                  g.severity === "error" ? "danger" : g.severity === "warning" ? "important" : "informative"
                }
                aria-label={`${g.count} 项`}
              />
              <Caption1>{SEVERITY_HINT[g.severity]}</Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {g.categories.map((c) => (
              <section
                key={c.category}
                aria-label={`${SEVERITY_LABEL[g.severity]} · ${CATEGORY_LABEL[c.category]}`}
              >
                <Caption1 as="h4" block className={s.category}>
                  {CATEGORY_LABEL[c.category] ?? c.category}（{c.findings.length}）
                </Caption1>
                <ul className={s.list}>
                  {c.findings.map((f, i) => (
                    <FindingItem
                      key={`${f.rule}-${f.ref ? refToString(f.ref) : ""}-${i}`}
                      finding={f}
                      hiddenSheet={f.ref !== undefined && f.ref !== null && hidden.has(f.ref.sheet)}
                      disabled={disabled}
                      hintOf={hintOf}
                      onSelect={onSelect}
                      onFix={onFix}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
