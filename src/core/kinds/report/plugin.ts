/**
 * The 自评报告's plug-in (kind `report`): its own reading (./read.ts: 收入合计, 支出合计, the execution rate and
 * the 投入 points) and its check group (./checks.ts). Registered in src/core/plugins.ts.
 */
import type { KindPlugin } from "../../checks/plugin";
import { checkReport } from "./checks";
import { analyseReport, reportKindReading } from "./read";

export const reportPlugin: KindPlugin = {
  kind: "report",
  read: (form, analysis, profile) => reportKindReading(analyseReport(form, analysis, profile)),
  checks: [{ name: "report", run: checkReport }],
};
