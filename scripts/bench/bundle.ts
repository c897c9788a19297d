/* global require, console */
/**
 * Bench section `bundle`: gzip -9 sizes of what the pane page loads (the <script>s of
 * dist/taskpane.html, office.js excluded: Microsoft's, served from office-js/) against the aim of
 * ≤ 250 KB gzip, plus functions.js alone (what the CustomFunctions Script URL fetches) and the
 * preview for comparison. 1 KB = 1,000 bytes. dist/ is built when missing or stale.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { type BenchTable } from "./table";

const start = require("../start.js") as {
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
};

export const PANE_AIM_BYTES = 250_000;

/** Script srcs of a built page, in document order. */
export function pageScripts(html: string): string[] {
  const out: string[] = [];
  const re = /<script\b[^>]*\bsrc\s*=\s*"([^"]+)"/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html)) !== null) out.push(m[1]);
  return out;
}

export function gzipBytes(file: string): { raw: number; gzip: number } {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;

export async function benchBundle(): Promise<BenchTable[]> {
  start.ensureBuilt({ log: (s) => console.log(s) });
  const dist = start.DIST;
  const pane = pageScripts(readFileSync(path.join(dist, "taskpane.html"), "utf8")).filter(
    // office.js: Microsoft's, from its CDN (or office-js/ with OFFICE_JS=local).
    (s) => !s.startsWith("office-js/") && !/^(?:https?:)?\/\//.test(s),
  );
  const rows: (string | number)[][] = [];
  let raw = 0;
  let gzip = 0;
  for (const s of pane) {
    const size = gzipBytes(path.join(dist, s));
    raw += size.raw;
    gzip += size.gzip;
    rows.push([
      `taskpane.html → ${s}`,
      kb(size.raw),
      kb(size.gzip),
      `${((size.gzip / PANE_AIM_BYTES) * 100).toFixed(0)}%`,
    ]);
  }
  rows.push(["任务窗格页合计", kb(raw), kb(gzip), `${((gzip / PANE_AIM_BYTES) * 100).toFixed(0)}%`]);
  const fn = gzipBytes(path.join(dist, "functions.js"));
  rows.push(["functions.js 单独（自定义函数 Script）", kb(fn.raw), kb(fn.gzip), "—"]);
  const previewScripts = pageScripts(readFileSync(path.join(dist, "preview.html"), "utf8"));
  let previewGzip = 0;
  let previewRaw = 0;
  for (const s of previewScripts) {
    const size = gzipBytes(path.join(dist, s));
    previewRaw += size.raw;
    previewGzip += size.gzip;
  }
  rows.push([
    `预览页合计（${previewScripts.join(" + ")}，含 ExcelJS）`,
    kb(previewRaw),
    kb(previewGzip),
    "—",
  ]);
  return [
    {
      title: "包大小（gzip -9；不含 office.js）",
      headers: ["文件", "原始", "gzip", "占 250 KB 目标"],
      rows,
      notes: [
        `任务窗格页共 ${kb(gzip)} gzip，目标 ≤ ${kb(PANE_AIM_BYTES)}：${gzip <= PANE_AIM_BYTES ? "达标" : "超出"}（余量 ${kb(PANE_AIM_BYTES - gzip)}）。`,
        "functions.js 含 webpack 运行时与核心（解析、计分、规则配置），任务窗格的其他包复用它，不再各带一份。",
      ],
    },
  ];
}
