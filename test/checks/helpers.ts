/** Test helpers: run the checker, assert no internal error, pick findings by rule and cell. */
import { checkWorkbook } from "../../src/core/check";
import type { InternalError } from "../../src/core/check";
import type { Cell, CellRange, CellRef, Sheet, Workbook } from "../../src/core/grid";
import type { Finding, FormResult, RuleId, RuleProfile } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";
import type { Pos } from "../../src/core/template";

export const HUNAN = (): RuleProfile => getProfile("hunan");
export const STEP = (): RuleProfile => getProfile("step-deduction");
export const NATIONAL = (): RuleProfile => getProfile("national");

export interface Run {
  results: FormResult[];
  findings: Finding[];
  of: (rule: RuleId) => Finding[];
}

/** Runs checkWorkbook; fails the test when any internal error was caught. */
export function run(wb: Workbook, profile: RuleProfile = HUNAN()): Run {
  const internalErrors: InternalError[] = [];
  const results = checkWorkbook(wb, { profile, internalErrors });
  if (internalErrors.length > 0) {
    const e = internalErrors[0].error;
    throw e instanceof Error ? e : new Error(String(e));
  }
  const findings = results.flatMap((r) => r.findings);
  return { results, findings, of: (rule) => findings.filter((f) => f.rule === rule) };
}

export const cellAt = (p: Pos, sheet = "自评表"): CellRef => ({ sheet, row: p.row, col: p.col });

/** Exactly one finding of `rule`; returns it. */
export function one(r: Run, rule: RuleId): Finding {
  const found = r.of(rule);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${rule}, got ${found.length}: ${JSON.stringify(r.findings.map((f) => [f.rule, f.ref, f.message]))}`,
    );
  }
  return found[0];
}

/** Error and warning findings (info excluded). */
export function problems(r: Run): Finding[] {
  return r.findings.filter((f) => f.severity !== "info");
}

type In = string | number | null | Cell;
const toCell = (v: In): Cell | undefined =>
  v === null
    ? undefined
    : typeof v === "number"
      ? { value: { kind: "number", value: v } }
      : typeof v === "string"
        ? { value: { kind: "text", value: v } }
        : v;

export function grid(name: string, rows: In[][], merges: CellRange[] = []): Sheet {
  return { name, merges, cells: rows.map((r) => r.map(toCell)) };
}

/**
 * The older Hunan report form, modelled on seed 004 (吉首市科工信局 2023): summary 投入 10/8, 产出 50/49,
 * 效益 30/30, 满意度 10/9, 合计 100/96 (8 + 49 + 30 + 9 = 96; 得分率 8/10 = 80%, 49/50 = 98%, 30/30 = 100%,
 * 9/10 = 90%, 96/100 = 96%), combined cell "评分：96 等级：优" (96 ≥ 90 → 优).
 */
export function hunanSheet(edit?: (rows: In[][]) => void): Sheet {
  const rows: In[][] = [
    /* 0 */ ["吉首市科工信局2023年度部门整体支出绩效自评报告"],
    /* 1 */ ["部门（单位）名称（盖章）：吉首市科工信局"],
    /* 2 */ ["预算编码：004001"],
    /* 3 */ ["报告时间：2024年6月"],
    /* 4 */ ["一、部门（单位）基本概况"],
    /* 5 */ ["联系人", "陶毅", "联系电话", "8520526"],
    /* 6 */ ["人员编制", 23, "实有人数", 22],
    /* 7 */ ["三、部门（单位）整体支出绩效自评情况"],
    /* 8 */ ["整体支出绩效定性目标及实施计划完成情况", "预期目标", "实际完成"],
    /* 9 */ [null, "市属规模工业增加值增长10%以上", "市属规上工业完成产值39.4亿元"],
    /* 10 */ ["绩效自评综合得分及评价等次", "评分：96                       等级：优"],
    /* 11 */ ["四、评价人员"],
    /* 12 */ ["姓  名", "职务/职称", "单  位", "签  字"],
    /* 13 */ ["张  峰", "局  长", "吉首市科工信局", null],
    /* 14 */ [],
    /* 15 */ ["一级指标", "指标分值", "自评得分", "得分率"],
    /* 16 */ ["投入", 10, 8, "80%"],
    /* 17 */ ["产出", 50, 49, "98%"],
    /* 18 */ ["效益", 30, 30, "100%"],
    /* 19 */ ["满意度", 10, 9, "90%"],
    /* 20 */ ["合计", 100, 96, "96%"],
  ];
  if (edit) edit(rows);
  return grid("附件2", rows, [{ top: 8, left: 0, bottom: 9, right: 0 }]);
}
