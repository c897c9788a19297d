/* global require, process, console, setTimeout, URL */
/**
 * Bench section `preview`: time from the 一键校验 click to the findings rendered, in the built browser
 * preview (dist/preview.html) in headless Chromium, for samples/正确填报示例.xlsx, 错误示例-武冈2022.xlsx
 * and a generated 1,000-row form. Baseline in the same run: loading the page (navigation → ready).
 *
 * Both times are taken inside the page (performance.now(), MutationObserver), not across the
 * DevTools protocol: "ready" = the grid cell 自评表!A1 exists and the pane is idle (一键校验 enabled);
 * "findings" = the 校验完成 notice is shown and the pane is idle again (results, findings list and
 * highlights rendered). The broken sample is measured too, for a findings list that is not empty.
 *
 * dist/ is built when missing or stale (scripts/start.js ensureBuilt); the 1,000-row .xlsx is
 * written to a temp folder and served beside dist/ (dist/ is not touched). Skipped, with a printed
 * note, when Chromium is missing.
 */
import { promises as fs, existsSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { formToXlsx } from "../make-samples";
import { CHROMIUM, launchLocalChromium } from "../local-chromium";
import { largeSpec } from "../sample-specs";
import { type BenchTable, median } from "./table";

const start = require("../start.js") as {
  DIST: string;
  ensureBuilt(options?: { log?: (s: string) => void }): boolean;
  createStaticServer(root: string): Server;
  listen(server: Server, port: number): Promise<number>;
};

const CORRECT = "正确填报示例.xlsx";
const BROKEN = "错误示例-武冈2022.xlsx";
const LARGE_ROWS = 1000;
const LARGE = `大表-${LARGE_ROWS}行.xlsx`;

// The two in-page scripts are plain strings: tsx compiles this file with esbuild's keepNames, whose
// __name(...) helper would not exist in the page if functions were handed to Playwright.

/**
 * In every page, before its scripts: note when it is ready to use — the grid's first cell shown and
 * the pane idle (right after a file opens, the pane is still loading the remembered rule profile
 * and 一键校验 is disabled).
 */
const READY_PROBE = `(() => {
  const mark = () => {
    if (document.querySelector('td[data-cell="自评表!A1"]') && document.querySelector('main[data-phase="idle"]')) {
      window.__benchReadyAt = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  document.addEventListener("DOMContentLoaded", () => {
    if (!mark()) observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
})()`;

/**
 * In the page: clicks 一键校验 and resolves with ms from the click to "校验完成" shown and the pane
 * idle, plus the number of findings listed.
 */
const CLICK_TO_FINDINGS = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll("button")].find((b) => (b.textContent || "").includes("一键校验"));
  if (!button) { reject(new Error("找不到“一键校验”按钮")); return; }
  const done = () => {
    const notice = document.querySelector('[data-testid="notice-bar"]');
    return Boolean(notice && (notice.textContent || "").includes("校验完成") &&
      document.querySelector('main[data-phase="idle"]'));
  };
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (t0 && done()) {
      const ms = performance.now() - t0;
      observer.disconnect();
      resolve({ ms, findings: document.querySelectorAll("[data-finding]").length });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  setTimeout(() => { observer.disconnect(); const n = document.querySelector('[data-testid="notice-bar"]');
    const m = document.querySelector("main");
    reject(new Error("60 秒内未出现“校验完成”（提示：" + (n ? n.textContent : "无") + "；状态：" +
      (m ? m.getAttribute("data-phase") : "无") + "）"));
  }, 60000);
  t0 = performance.now();
  button.click();
})`;

/** dist/ plus extra files (name → path) under /samples/. */
function serverWith(extra: Map<string, string>): Server {
  const dist = start.createStaticServer(start.DIST);
  const handler = dist.listeners("request")[0] as (req: IncomingMessage, res: ServerResponse) => void;
  return http.createServer((req, res) => {
    let pathname = "";
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      // Let the static server answer 400.
    }
    const file = pathname.startsWith("/samples/") ? extra.get(pathname.slice("/samples/".length)) : undefined;
    if (!file) {
      handler(req, res);
      return;
    }
    fs.readFile(file).then(
      (body) =>
        res
          .writeHead(200, {
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Length": body.length,
            "Cache-Control": "no-store",
          })
          .end(body),
      () => res.writeHead(404).end(),
    );
  });
}

export async function benchPreview(runs = 5): Promise<BenchTable[]> {
  const title = "浏览器预览：点击「一键校验」→ 问题列表显示（无头 Chromium，dist/preview.html）";
  if (!existsSync(CHROMIUM)) {
    return [
      {
        title,
        headers: ["状态"],
        rows: [[`已跳过：未找到 Chromium（${CHROMIUM}）`]],
        notes: [
          "安装 chromium（Debian：apt-get install chromium），或用 CHROMIUM_PATH=<路径> 指定后重跑本项。",
        ],
      },
    ];
  }
  start.ensureBuilt({ log: (s) => console.log(s) });

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-preview-"));
  const largeFile = path.join(tmp, LARGE);
  await fs.writeFile(largeFile, await formToXlsx(largeSpec(LARGE_ROWS)));
  const server = serverWith(new Map([[LARGE, largeFile]]));
  const port = await start.listen(server, 0);
  const base = `http://127.0.0.1:${port}`;
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-chromium-"));
  const { context, blocked } = await launchLocalChromium(profileDir);
  try {
    await context.addInitScript(READY_PROBE);

    const rows: (string | number)[][] = [];
    for (const [label, sample] of [
      [CORRECT, CORRECT],
      [BROKEN, BROKEN],
      [`生成表 ${LARGE_ROWS.toLocaleString("en-US")} 行（${LARGE}）`, LARGE],
    ]) {
      const loads: number[] = [];
      const clicks: number[] = [];
      let findings = 0;
      // One warm-up (browser cache, JIT of the first page) not counted, then `runs` fresh pages.
      for (let k = 0; k <= runs; k++) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(`${base}/preview.html?sample=${encodeURIComponent(sample)}`);
        // Polled from here: waitForFunction compiles its predicate in the page, which the page's CSP
        // (script-src 'self', no eval) forbids; evaluate goes through DevTools and is not affected.
        let load: number | undefined;
        for (const t0 = Date.now(); load === undefined; await new Promise((r) => setTimeout(r, 20))) {
          if (Date.now() - t0 > 60_000) throw new Error(`60 秒内未显示表格：${sample}`);
          load = (await page.evaluate("window.__benchReadyAt")) as number | undefined;
        }
        const r = (await page.evaluate(CLICK_TO_FINDINGS).catch((e: Error) => {
          throw new Error(`${sample}：${e.message}`);
        })) as { ms: number; findings: number };
        await page.close();
        if (errors.length) throw new Error(`预览页出错：${errors.join("；")}`);
        if (k === 0) continue;
        loads.push(load);
        clicks.push(r.ms);
        findings = r.findings;
      }
      const load = median(loads);
      const click = median(clicks);
      rows.push([label, load, click, `${(click / load).toFixed(2)}×`, Math.min(...clicks), findings]);
    }
    const notes = [
      `各 ${runs} 次取中位数（另有 1 次预热不计）。倍数 = 点击→问题显示 ÷ 同一页面的加载时间（导航开始 → 表格显示且可点击「一键校验」）。`,
      "“问题条数”= 列表中的问题项数；正确示例与生成表应为 0（显示“这张表没有发现问题”）。",
    ];
    if (blocked.length)
      notes.push(`注意：页面尝试访问外部地址 ${blocked.length} 次（已拦截）：${blocked[0]}`);
    return [
      {
        title,
        headers: ["工作簿", "页面加载 ms（基准）", "点击→问题显示 ms", "倍数", "最快 ms", "问题条数"],
        rows,
        notes,
      },
    ];
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fs.rm(tmp, { recursive: true, force: true });
    await fs.rm(profileDir, { recursive: true, force: true });
  }
}
