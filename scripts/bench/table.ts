/**
 * Shared bench helpers: the table type every section returns, its fixed-width printing (CJK counts
 * double), number formatting and the median timer.
 */
import { performance } from "node:perf_hooks";

export interface BenchTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** Lines printed under the table. */
  notes?: string[];
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function formatTable(t: BenchTable): string {
  const cells = t.rows.map((r) => r.map((c) => (typeof c === "number" ? fmtNum(c) : c)));
  const widths = t.headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ""))));
  const numeric = t.headers.map((_, i) =>
    t.rows.every((r) => typeof r[i] === "number" || /^(?:[\d.,×%≈ ]+[a-zµ/%]*|—)$/i.test(String(r[i]))),
  );
  const line = (r: string[]): string => r.map((c, i) => pad(c, widths[i], numeric[i])).join("  ");
  const out = [
    `\n${t.title}`,
    line(t.headers),
    widths.map((w) => "─".repeat(w)).join("  "),
    ...cells.map(line),
  ];
  for (const n of t.notes ?? []) out.push(n);
  return out.join("\n");
}

export function fmtNum(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toFixed(digits);
}

/** "1,234" for counts. */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn repeatedly (after one warm-up) for at least minMs and at least minRuns; returns the median ms. */
export async function timeIt(
  fn: () => unknown | Promise<unknown>,
  minRuns = 5,
  minMs = 300,
): Promise<number> {
  await fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 1000) break;
  }
  return median(times);
}
