/**
 * The help page's list of every reason each JX function gives (src/functions/reasons.ts), written
 * into src/help/help.html between its markers.
 *
 *   npx tsx scripts/help-reasons.ts          rewrites the list in src/help/help.html
 *   npx tsx scripts/help-reasons.ts --check  exits 1 when it is not current
 */
import * as fs from "fs";
import * as path from "path";
import { REASONS } from "../src/functions/reasons";

const ROOT = path.resolve(__dirname, "..");
const HELP = path.join(ROOT, "src/help/help.html");
export const BEGIN = "<!-- reasons:begin (npx tsx scripts/help-reasons.ts) -->";
export const END = "<!-- reasons:end -->";

const escape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The generated HTML, markers included. */
export function helpSection(): string {
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/zh-cn.json"), "utf8")) as Record<
    string,
    { name: string }
  >;
  const lines = [BEGIN];
  for (const { id, reasons } of REASONS) {
    lines.push(`    <h3>JX.${escape(zh[id].name)}（${id}）</h3>`, "    <ul>");
    for (const r of reasons) lines.push(`      <li>${escape(r)}</li>`);
    lines.push("    </ul>");
  }
  lines.push(`    ${END}`);
  return lines.join("\n");
}

export function withSection(html: string, section: string): string {
  const a = html.indexOf(BEGIN);
  const b = html.indexOf(END);
  if (a < 0 || b < a) throw new Error("help.html has no reasons markers");
  return html.slice(0, a) + section + html.slice(b + END.length);
}

if (require.main === module) {
  const html = fs.readFileSync(HELP, "utf8");
  const next = withSection(html, helpSection());
  if (process.argv.includes("--check")) {
    if (next !== html) {
      console.error(
        "src/help/help.html: the reasons list is not current; run npx tsx scripts/help-reasons.ts",
      );
      process.exit(1);
    }
  } else fs.writeFileSync(HELP, next);
}
