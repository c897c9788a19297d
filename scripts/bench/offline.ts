/* global require, console, setTimeout, Buffer */
/**
 * Bench section `offline`: the offline single-file checker (dist/绩效自评校验.html) against the
 * served browser preview (dist/preview.html + preview.js), same run, same headless Chromium:
 *
 * - size: gzip -9 of what each page loads (the one HTML file; preview.html + preview.js);
 * - first paint and first contentful paint (the Paint Timing API inside the page), and "ready": the
 *   pane shown and idle (main[data-phase="idle"]), i.e. the page is usable. The offline page is opened
 *   from file:// (as a clerk double-clicks it), the preview from the local static server it needs.
 *
 * Ratio = offline ÷ preview. One warm-up of each not counted, then `runs` fresh pages each, median.
 */
import { existsSync, readFileSync } from "node:fs";
import { promises as fs } from "node:fs";
import type { Server } from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { CHROMIUM, launchLocalChromium } from "../local-chromium";
import { type BenchTable, median } from "./table";

const start = require("../start.js") as {
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
  createStaticServer(root: string): Server;
  listen(server: Server, port: number): Promise<number>;
};

const OFFLINE = "绩效自评校验.html";

/** In every page before its scripts: the time the pane is first shown idle. */
const READY_PROBE = `(() => {
  const mark = () => {
    if (document.querySelector('main[data-phase="idle"]')) { window.__benchReadyAt = performance.now(); return true; }
    return false;
  };
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  document.addEventListener("DOMContentLoaded", () => {
    if (!mark()) observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
})()`;

const PAINTS = `(() => {
  const p = {};
  for (const e of performance.getEntriesByType("paint")) p[e.name] = e.startTime;
  return { fp: p["first-paint"], fcp: p["first-contentful-paint"], ready: window.__benchReadyAt };
})()`;

interface Timing {
  fp: number;
  fcp: number;
  ready: number;
}

const gz = (buf: Buffer): number => gzipSync(buf, { level: 9 }).length;
const kb = (n: number): string => `${(n / 1000).toFixed(1)} KB`;

export async function benchOffline(runs = 5): Promise<BenchTable[]> {
  start.ensureBuilt({ log: (s) => console.log(s) });
  const dist = start.DIST;
  const offlineFile = path.join(dist, OFFLINE);
  const offlineBytes = readFileSync(offlineFile);
  const previewBytes = [
    readFileSync(path.join(dist, "preview.html")),
    readFileSync(path.join(dist, "preview.js")),
  ];
  const size = {
    offline: { raw: offlineBytes.length, gzip: gz(offlineBytes) },
    preview: {
      raw: previewBytes.reduce((s, b) => s + b.length, 0),
      gzip: previewBytes.reduce((s, b) => s + gz(b), 0),
    },
  };
  const sizeTable: BenchTable = {
    title: "离线单文件校验页：大小（gzip -9，1 KB = 1,000 字节）",
    headers: ["页面", "原始大小", "gzip", "倍数（离线 ÷ 预览）"],
    rows: [
      ["浏览器预览 preview.html + preview.js", kb(size.preview.raw), kb(size.preview.gzip), "1.00×"],
      [
        `离线校验 ${OFFLINE}（单个文件）`,
        kb(size.offline.raw),
        kb(size.offline.gzip),
        `${(size.offline.gzip / size.preview.gzip).toFixed(2)}×`,
      ],
    ],
  };
  if (!existsSync(CHROMIUM)) {
    return [
      sizeTable,
      {
        title: "离线单文件校验页：首次绘制",
        headers: ["状态"],
        rows: [[`已跳过：未找到 Chromium（${CHROMIUM}）`]],
      },
    ];
  }

  const offlineUrl = pathToFileURL(offlineFile).href;
  const server = start.createStaticServer(dist);
  const port = await start.listen(server, 0);
  const previewUrl = `http://127.0.0.1:${port}/preview.html`;
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-offline-"));
  const { context, blocked } = await launchLocalChromium(profileDir, { allow: (u) => u.href === offlineUrl });
  try {
    await context.addInitScript(READY_PROBE);
    const measure = async (url: string): Promise<Timing[]> => {
      const out: Timing[] = [];
      for (let k = 0; k <= runs; k++) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(url);
        let t: Partial<Timing> = {};
        for (
          const t0 = Date.now();
          !(t.ready && t.fp && t.fcp);
          await new Promise((r) => setTimeout(r, 20))
        ) {
          if (Date.now() - t0 > 60_000) throw new Error(`60 秒内未就绪：${url}`);
          t = (await page.evaluate(PAINTS)) as Partial<Timing>;
        }
        await page.close();
        if (errors.length) throw new Error(`页面出错（${url}）：${errors.join("；")}`);
        if (k > 0) out.push(t as Timing);
      }
      return out;
    };
    // Alternate the two pages' batches so a slow moment of the machine does not hit one page only.
    const preview = await measure(previewUrl);
    const offline = await measure(offlineUrl);
    const row = (label: string, ts: Timing[]): (string | number)[] => [
      label,
      median(ts.map((t) => t.fp)),
      median(ts.map((t) => t.fcp)),
      median(ts.map((t) => t.ready)),
    ];
    const p = row("浏览器预览（http://127.0.0.1，本机静态服务）", preview);
    const o = row(`离线校验（file://，双击打开）`, offline);
    const ratio = [
      "倍数（离线 ÷ 预览）",
      ...[1, 2, 3].map((i) => `${((o[i] as number) / (p[i] as number)).toFixed(2)}×`),
    ];
    const notes = [
      `各 ${runs} 次取中位数（各另有 1 次预热不计），无头 Chromium，ms 从导航开始计。`,
      "首次绘制 / 首次内容绘制：页面的 Paint Timing；就绪：任务窗格显示且可点击「一键校验」。",
    ];
    if (blocked.length)
      notes.push(`注意：页面尝试访问外部地址 ${blocked.length} 次（已拦截）：${blocked[0]}`);
    return [
      sizeTable,
      {
        title: "离线单文件校验页：首次绘制与就绪（无头 Chromium）",
        headers: ["页面", "首次绘制 ms", "首次内容绘制 ms", "就绪 ms"],
        rows: [p, o, ratio],
        notes,
      },
    ];
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(profileDir, { recursive: true, force: true });
  }
}
