/**
 * README's table 支持的 Excel 版本, generated from the same facts as the host test: the builds of
 * src/taskpane/hosts.ts evaluated against manifest.xml's requirements.
 *
 *   npx tsx scripts/hosts-table.ts          rewrites the table in README.md (between its markers)
 *   npx tsx scripts/hosts-table.ts --check  exits 1 when README.md's table is not current
 *
 * test/docs/hosts-table.test.ts runs the check as a test.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import {
  HOSTS,
  evaluateHost,
  tableRow,
  type ManifestFacts,
  type SetRequirement,
} from "../src/taskpane/hosts";
import { FEATURE_SETS, MIN_EXCEL_API } from "../src/excel/features";

export const ROOT = path.resolve(__dirname, "..");
export const BEGIN = "<!-- hosts-table:begin (npx tsx scripts/hosts-table.ts) -->";
export const END = "<!-- hosts-table:end -->";

type Raw = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function setsOf(requirements: Raw | undefined): SetRequirement[] {
  if (!requirements) return [];
  const sets = (requirements.Sets ?? requirements["bt:Sets"]) as Raw | undefined;
  if (!sets) return [];
  const dflt = String(sets["@_DefaultMinVersion"] ?? "1.1");
  return asArray((sets.Set ?? sets["bt:Set"]) as Raw | Raw[]).map((s) => ({
    name: String(s["@_Name"]),
    minVersion: String(s["@_MinVersion"] ?? dflt),
  }));
}

/** The facts hosts.ts evaluates, read from a manifest's text. */
export function manifestFacts(xml: string): ManifestFacts {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_" }).parse(xml) as Raw;
  const app = doc.OfficeApp as Raw;
  const vo = app.VersionOverrides as Raw | undefined;
  const host = vo
    ? (asArray(((vo.Hosts as Raw).Host as Raw) ?? []) as Raw[]).find((h) => h["@_xsi:type"] === "Workbook")
    : undefined;
  const runtimes = asArray((host?.Runtimes as Raw | undefined)?.Runtime as Raw | Raw[]);
  const all = asArray((host?.AllFormFactors as Raw | undefined)?.ExtensionPoint as Raw | Raw[]);
  const desktop = asArray((host?.DesktopFormFactor as Raw | undefined)?.ExtensionPoint as Raw | Raw[]);
  return {
    base: setsOf(app.Requirements as Raw | undefined),
    overrides: setsOf(vo?.Requirements as Raw | undefined),
    sharedRuntime: runtimes.some((r) => r["@_lifetime"] === "long"),
    customFunctions: all.some((e) => e["@_xsi:type"] === "CustomFunctions"),
    ribbon: desktop.some((e) => e["@_xsi:type"] === "PrimaryCommandSurface"),
  };
}

/** The Markdown table (with its markers) for a manifest. */
export function hostsTable(xml: string): string {
  const facts = manifestFacts(xml);
  const rows = HOSTS.map((h) => tableRow(h, evaluateHost(h, facts, MIN_EXCEL_API), FEATURE_SETS.mergedAreas));
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    BEGIN,
    line(["Excel", "版本", "任务窗格", "JX 函数", "功能区按钮", "说明"]),
    line(["---", "---", "---", "---", "---", "---"]),
    ...rows.map(line),
    END,
  ].join("\n");
}

/** README.md with its table replaced by the current one. */
export function withTable(readme: string, table: string): string {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error("README.md has no hosts-table markers");
  return readme.slice(0, a) + table + readme.slice(b + END.length);
}

if (require.main === module) {
  const readmePath = path.join(ROOT, "README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const next = withTable(readme, hostsTable(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")));
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error("README.md: 支持的 Excel 版本 table is not current; run npx tsx scripts/hosts-table.ts");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(readmePath, next);
  }
}
