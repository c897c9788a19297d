/**
 * The text report names each form's kind and, when the profile was chosen automatically, why
 * (issue: every result says which kind it found; the choice of profile says which and why).
 */
import { describe, expect, test } from "@jest/globals";
import * as path from "node:path";
import { ROOT, runCli } from "./run-cli";

const sample = (name: string): string => path.join(ROOT, "samples", name);

describe("text report: 表格类型 and 选择依据", () => {
  test("a project form reads as 项目支出绩效自评表; a department form as 部门整体支出绩效自评表", () => {
    const run = runCli(ROOT, [
      "--no-progress",
      sample("项目示例-公共服务平台2023.xlsx"),
      sample("正确填报示例.xlsx"),
    ]);
    expect(run.stdout).toMatch(/表格类型：项目支出绩效自评表/);
    expect(run.stdout).toMatch(/表格类型：部门整体支出绩效自评表/);
  });

  test("武冈 without --profile: step-deduction chosen, and the reason names 执行率 5 and total 95", () => {
    const run = runCli(ROOT, ["--no-progress", sample("错误示例-武冈2022.xlsx")]);
    expect(run.stdout).toMatch(/评分规则：执行率每低于2%扣1分/);
    expect(run.stdout).toMatch(/选择依据：.*预算执行率分值 5.*总分分值 95/);
  });

  test("a profile the user names needs no reason", () => {
    const run = runCli(ROOT, ["--no-progress", "--profile", "hunan", sample("错误示例-武冈2022.xlsx")]);
    expect(run.stdout).toMatch(/评分规则：湖南省/);
    expect(run.stdout).not.toContain("选择依据");
  });
});
