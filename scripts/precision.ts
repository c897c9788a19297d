/* global process, console, __dirname */
/**
 * Precision figures: `npm run precision` (tsx scripts/precision.ts [--json]).
 *
 * Checks the bundled samples (samples/*.xlsx) and the hostile corpus (scripts/make-hostile-corpus.ts)
 * and prints, per rule, how many findings of each severity they give — the figures to compare before
 * and after a change of the checks (a rule that suddenly fires on the correct sample, or fires four
 * times per empty row, shows here). `--json` prints the counts as JSON instead of tables.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { checkWorkbook } from "../src/core/check";
import type { Finding } from "../src/core/model";
import { readXlsx } from "../src/io/xlsxRead";
import { makeHostileCorpus } from "./make-hostile-corpus";

type Counts = Record<string, { error: number; warning: number; info: number }>;

interface FileCounts {
  file: string;
  counts: Counts;
  total: number;
}

function count(findings: Finding[]): Counts {
  const c: Counts = {};
  for (const f of findings) {
    const slot = (c[f.rule] ??= { error: 0, warning: 0, info: 0 });
    slot[f.severity]++;
  }
  return c;
}

async function checkBytes(file: string, bytes: Uint8Array): Promise<FileCounts | null> {
  let wb;
  try {
    wb = await readXlsx(bytes);
  } catch {
    return null; // not a workbook: the CLI reports it, no findings to count
  }
  const findings = checkWorkbook(wb).flatMap((r) => r.findings);
  return { file, counts: count(findings), total: findings.length };
}

function merge(rows: FileCounts[]): Counts {
  const out: Counts = {};
  for (const r of rows)
    for (const [rule, c] of Object.entries(r.counts)) {
      const slot = (out[rule] ??= { error: 0, warning: 0, info: 0 });
      slot.error += c.error;
      slot.warning += c.warning;
      slot.info += c.info;
    }
  return out;
}

function table(title: string, counts: Counts): string {
  const rules = Object.keys(counts).sort();
  const lines = [`## ${title}`, "rule                 error  warning  info"];
  let e = 0;
  let w = 0;
  let i = 0;
  for (const r of rules) {
    const c = counts[r];
    e += c.error;
    w += c.warning;
    i += c.info;
    lines.push(
      `${r.padEnd(20)} ${String(c.error).padStart(5)} ${String(c.warning).padStart(8)} ${String(c.info).padStart(5)}`,
    );
  }
  lines.push(
    `${"(all)".padEnd(20)} ${String(e).padStart(5)} ${String(w).padStart(8)} ${String(i).padStart(5)}`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  const sampleDir = path.join(root, "samples");
  const samples: FileCounts[] = [];
  for (const name of (await fs.readdir(sampleDir)).filter((n) => n.endsWith(".xlsx")).sort()) {
    const r = await checkBytes(name, new Uint8Array(await fs.readFile(path.join(sampleDir, name))));
    if (r) samples.push(r);
  }
  const hostile: FileCounts[] = [];
  for (const entry of await makeHostileCorpus()) {
    const r = await checkBytes(entry.file, entry.bytes);
    if (r) hostile.push(r);
  }
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ samples, hostile: merge(hostile) }, null, 2));
    return;
  }
  for (const s of samples) console.log(table(`样例 ${s.file}（${s.total} 条）`, s.counts), "\n");
  console.log(table("样例合计", merge(samples)), "\n");
  console.log(table(`恶意/异常文件集（${hostile.length} 个可读工作簿）`, merge(hostile)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
