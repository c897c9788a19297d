/**
 * Kind plug-ins (src/core/plugins.ts): a kind with blocks of its own (the 自评报告) reads and checks them
 * through its plug-in; the generic engine runs no kind's group by itself.
 */
import { describe, expect, test } from "@jest/globals";
import { CHECK_GROUPS } from "../../src/core/checks";
import { locateForms } from "../../src/core/locate";
import { kindCheckGroups, readForm } from "../../src/core/plugins";
import { buildReportForm } from "../../src/core/kinds/report/template";
import { reportReading } from "../../src/core/kinds/report/read";
import { buildStandardForm } from "../../src/core/template";
import { seed004ReportSpec } from "../../scripts/sample-report";
import { sampleSpecs } from "../../scripts/sample-specs";
import { HUNAN } from "../checks/helpers";

describe("kind plug-ins", () => {
  test("the report group runs for the 自评报告 only, never as a generic group", () => {
    expect(CHECK_GROUPS.map((g) => g.name)).not.toContain("report");
    expect(kindCheckGroups("report").map((g) => g.name)).toEqual(["report"]);
    expect(kindCheckGroups("department")).toEqual([]);
    expect(kindCheckGroups("project")).toEqual([]);
  });

  test("seed 004: the report's reading scores 投入 from its tables (10, typed 8); the total takes it", () => {
    const form = locateForms({ sheets: [buildReportForm(seed004ReportSpec()).sheet] })[0];
    expect(form.kind).toBe("report");
    const a = readForm(form, HUNAN());
    // 支出合计 5374.44 ÷ 收入合计 5374.34 = 100.0019% → 10 × 100% = 10 points for the 投入 row (typed 8).
    expect(a.kindReading!.ruled.map((r) => [r.summary.name, r.summary.score.value, r.rule.value])).toEqual([
      ["投入指标", 8, 10],
    ]);
    const r = reportReading(a)!;
    expect([r.spending!.value, r.income!.value]).toEqual([5374.44, 5374.34]);
    expect(r.rate).toBeCloseTo(5374.44 / 5374.34, 12);
  });

  test("a department form has no kind reading", () => {
    const spec = sampleSpecs().find((s) => s.file === "正确填报示例.xlsx")!.spec;
    const form = locateForms({ sheets: [buildStandardForm(spec)] })[0];
    expect(form.kind).toBe("department");
    expect(readForm(form, HUNAN()).kindReading).toBeUndefined();
  });
});
