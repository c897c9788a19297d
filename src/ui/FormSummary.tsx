/** What was found (sheet, department, year, profile) and the summary: counts, total, grade, next band. */
import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { SaveArrowRightRegular } from "@fluentui/react-icons";
import * as React from "react";
import { a1, refToString } from "../core/grid";
import type { FormResult } from "../core/model";
import { kindName } from "../core/kinds";
import { formatNumber } from "../core/numbers";
import { countBySeverity, formLabel } from "./logic";
import { Panel } from "./Panel";
import { writeBackChoice } from "./writeback";

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    // overflowWrap, not wordBreak break-all: a number or a rule name such as 满分95 stays whole unless it
    // cannot fit on a line at all.
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  scores: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": {
      padding: "3px 4px",
      textAlign: "left",
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    "& thead th": { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
    "& tbody th": { fontWeight: tokens.fontWeightSemibold },
  },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  plan: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

function num(n: number | null): string {
  return n === null ? "—" : formatNumber(n, 2);
}

export interface FormHeaderProps {
  results: FormResult[];
  formIndex: number;
  profileName: string;
  disabled: boolean;
  onSelectForm(index: number): void;
}

export function FormHeader({ results, formIndex, profileName, disabled, onSelectForm }: FormHeaderProps) {
  const s = useStyles();
  const r = results[formIndex];
  const labels = results.map((x, i) => {
    const at = x.form ? `（${a1(x.form.bounds.top, x.form.bounds.left)} 起）` : "";
    return `${formLabel(x, i)}${results.filter((y) => y.sheet === x.sheet).length > 1 ? at : ""}`;
  });
  return (
    <Panel className={s.card} appearance="filled-alternative" aria-label="找到的自评表">
      {results.length > 1 && (
        <Field label={`本工作簿有 ${results.length} 张自评表，均已校验。显示：`}>
          <Dropdown
            disabled={disabled}
            value={labels[formIndex]}
            selectedOptions={[String(formIndex)]}
            onOptionSelect={(_e, d) => d.optionValue !== undefined && onSelectForm(Number(d.optionValue))}
            aria-label="选择要显示的自评表"
          >
            {results.map((x, i) => (
              <Option key={i} value={String(i)} text={labels[i]}>
                {labels[i]}（{x.findings.length} 个问题）
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Subtitle2 as="h2" style={{ margin: 0 }}>
        {r.department ?? "（未填写单位名称）"}
      </Subtitle2>
      <dl className={s.facts}>
        <dt>工作表</dt>
        <dd>{r.sheet ?? "—"}</dd>
        <dt>表类</dt>
        <dd>{r.form ? kindName(r.form.kind) : "—"}</dd>
        <dt>年度</dt>
        <dd>{r.year !== null ? `${r.year}年度` : "未找到年度"}</dd>
        <dt>评分规则</dt>
        <dd>{profileName}</dd>
        {r.profileReason && (
          <>
            <dt>选择依据</dt>
            <dd>{r.profileReason}</dd>
          </>
        )}
      </dl>
    </Panel>
  );
}

export interface SummaryProps {
  result: FormResult;
  nextBand: { label: string; pointsNeeded: number } | null;
  disabled: boolean;
  onWriteBack(): void;
}

export function Summary({ result: r, nextBand, disabled, onWriteBack }: SummaryProps) {
  const s = useStyles();
  const counts = countBySeverity(r.findings);
  const totalDiffers =
    r.total.typed !== null && r.total.computed !== null && Math.abs(r.total.typed - r.total.computed) > 0.005;
  const gradeDiffers =
    r.grade.typed !== null && r.grade.computed !== null && r.grade.typed !== r.grade.computed;
  const choice = writeBackChoice(r);
  const targets = choice.all.length > 0 ? choice.all : choice.keeping;
  const upToDate = r.plan
    ? choice.all.length === 0
    : r.total.typed !== null &&
      r.total.computed !== null &&
      !totalDiffers &&
      r.grade.typed !== null &&
      r.grade.typed === r.grade.computed;
  const plan = choice.all.map((t) => {
    const shown =
      typeof t.value === "function"
        ? t.value("")
        : typeof t.value === "number"
          ? formatNumber(t.value, 2)
          : t.value;
    return `${refToString(t.ref)} ← ${shown}`;
  });
  return (
    <Panel className={s.card} aria-label="校验结果摘要">
      <div className={s.counts} role="status" aria-label="问题数">
        <Badge appearance={counts.error ? "filled" : "outline"} color="danger" data-count="error">
          错误 {counts.error}
        </Badge>
        <Badge appearance={counts.warning ? "filled" : "outline"} color="warning" data-count="warning">
          警告 {counts.warning}
        </Badge>
        <Badge appearance={counts.info ? "filled" : "outline"} color="informative" data-count="info">
          提示 {counts.info}
        </Badge>
      </div>
      <table className={s.scores}>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">表中填写</th>
            <th scope="col">按规则重算</th>
          </tr>
        </thead>
        <tbody>
          <tr data-row="total">
            <th scope="row">总分</th>
            <td className={totalDiffers ? s.mismatch : undefined}>{num(r.total.typed)}</td>
            <td>{num(r.total.computed)}</td>
          </tr>
          <tr data-row="grade">
            <th scope="row">等级</th>
            <td className={gradeDiffers ? s.mismatch : undefined}>{r.grade.typed ?? "—"}</td>
            <td>{r.grade.computed ?? "—"}</td>
          </tr>
        </tbody>
      </table>
      {r.total.computed === null && r.plan?.totalReason && (
        <Text size={200} data-testid="total-reason">
          {`未重算总分：${r.plan.totalReason}。`}
        </Text>
      )}
      {r.total.computed !== null && (
        <Text size={200} data-testid="next-band">
          {nextBand
            ? `距「${nextBand.label}」还差 ${formatNumber(nextBand.pointsNeeded, 2)} 分。`
            : `已达最高等级${r.grade.computed ? `「${r.grade.computed}」` : ""}。`}
        </Text>
      )}
      <Button
        icon={<SaveArrowRightRegular />}
        disabled={disabled || targets.length === 0}
        onClick={onWriteBack}
      >
        写回总分和等级
      </Button>
      <Caption1 className={s.plan}>
        {targets.length === 0
          ? "总分或等级无法重算，或表中没有对应单元格，暂不能写回。"
          : upToDate
            ? "表中的总分和等级已与重算结果一致。"
            : choice.pending.length > 0
              ? `有 ${choice.pending.length} 项得分等与规则不符：写回时可选择全部采用重算值，或只写回与现有得分一致的总分和等级。`
              : `将写入：${plan.join("；")}`}
      </Caption1>
    </Panel>
  );
}
