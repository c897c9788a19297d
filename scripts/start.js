#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * `npm start`.
 *
 * Windows / macOS (desktop Excel available), as the yo-office templates do: installs the development
 * certificates when missing (office-addin-dev-certs; asks once to trust the local CA), then
 * office-addin-debugging starts the dev server (`webpack serve --mode development`, https on
 * localhost:3000 — the templates' `dev-server` script), waits for it, and sideloads manifest.xml into
 * desktop Excel. `npm stop` is not defined: close Excel and press Ctrl+C here
 * (or `npx office-addin-debugging stop manifest.xml`).
 * Linux (no desktop Excel): builds dist/ when it is missing or older than the sources, then serves
 * dist/ on http://127.0.0.1:3000 (local only) and prints the browser-preview address with the bundled
 * sample preloaded.
 *
 * Also used by the end-to-end test (createStaticServer, ensureBuilt); no dependencies beyond Node.
 */
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SAMPLE = "正确填报示例.xlsx";
/** What the build reads; dist/ is stale when any of these is newer than dist/preview.html. */
const BUILD_INPUTS = [
  "src",
  "assets",
  "samples",
  "webpack.config.js",
  "scripts/single-file.js",
  "manifest.xml",
  "package.json",
  "tsconfig.json",
];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when dist/ has no preview page or a build input changed after it was built. */
function isStale(root = ROOT) {
  const built = path.join(root, "dist", "preview.html");
  if (
    ["preview.html", "taskpane.html", "绩效自评校验.html"].some(
      (f) => !fs.existsSync(path.join(root, "dist", f)),
    )
  )
    return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return BUILD_INPUTS.some((p) => newestMtime(path.join(root, p)) > builtAt);
}

/** Runs the production build when dist/ is missing or stale; throws when the build fails. */
function ensureBuilt({ log = console.log } = {}) {
  if (!isStale()) return false;
  log("dist/ 不存在或已过期，正在构建（webpack --mode production）…");
  const webpackBin = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  const r = spawnSync(process.execPath, [webpackBin, "--mode", "production"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`构建失败（webpack 退出码 ${r.status}）`);
  return true;
}

/** A tiny read-only static file server for `root` (GET/HEAD only, no directory listings). */
function createStaticServer(root = DIST) {
  const base = path.resolve(root);
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/") {
      res.writeHead(302, { Location: "/preview.html" }).end();
      return;
    }
    const file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
}

/** Listens on 127.0.0.1 only; resolves with the port (pass 0 for a free one). */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

function previewUrl(port) {
  const sample = fs.existsSync(path.join(DIST, "samples", SAMPLE))
    ? `?sample=${encodeURIComponent(SAMPLE)}`
    : "";
  return `http://127.0.0.1:${port}/preview.html${sample}`;
}

/** The dev server command office-addin-debugging runs and waits for (port from package.json config). */
function devServerCommand() {
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return `"${process.execPath}" "${webpackCli}" serve --mode development`;
}

/** npx arguments of the sideload on Windows/macOS: dev server, port check, desktop Excel. */
function sideloadArgs(port = devPort()) {
  return [
    "office-addin-debugging",
    "start",
    "manifest.xml",
    "desktop",
    "--dev-server",
    devServerCommand(),
    "--dev-server-port",
    String(port),
  ];
}

function devPort() {
  return Number(process.env.npm_package_config_dev_server_port || 3000);
}

async function sideload() {
  try {
    // Before the dev server starts, so the trust prompt is not hidden behind webpack's output.
    await require("office-addin-dev-certs").ensureCertificatesAreInstalled();
  } catch (e) {
    console.error(`无法安装本机开发证书（office-addin-dev-certs）：${e && e.message ? e.message : e}`);
    console.error(
      "Excel 只加载 https 页面；请以有权限的账户重试，或运行 npx office-addin-dev-certs install。",
    );
    process.exit(1);
  }
  const child = spawn("npx", sideloadArgs(), {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}

async function serve() {
  ensureBuilt();
  const port = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
  const server = createStaticServer(DIST);
  let actual;
  try {
    actual = await listen(server, port);
  } catch (e) {
    if (e && e.code === "EADDRINUSE") {
      console.error(`端口 ${port} 已被占用。换一个端口：PORT=3001 npm start`);
      process.exit(1);
    }
    throw e;
  }
  const url = previewUrl(actual);
  console.log("");
  console.log("绩效自评助手（浏览器预览，仅本机可访问）");
  console.log(`  预览（已载入示例表）：${url}`);
  console.log(`  任务窗格页面：       http://127.0.0.1:${actual}/taskpane.html`);
  if (!url.includes("?sample="))
    console.log(`  （未找到 dist/samples/${SAMPLE}：示例未打包，可在页面上打开任意 .xlsx）`);
  console.log("这台机器没有桌面版 Excel（Linux），所以只启动浏览器预览。按 Ctrl+C 停止。");
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** What `npm start` does on a platform: "sideload" (Windows, macOS) or "preview" (everything else). */
function startMode(platform = process.platform) {
  return platform === "win32" || platform === "darwin" ? "sideload" : "preview";
}

if (require.main === module) {
  if (startMode() === "sideload") {
    void sideload();
  } else {
    serve().catch((e) => {
      console.error(e && e.message ? e.message : e);
      process.exit(1);
    });
  }
}

module.exports = {
  ROOT,
  DIST,
  SAMPLE,
  isStale,
  ensureBuilt,
  createStaticServer,
  listen,
  previewUrl,
  startMode,
  sideloadArgs,
  devServerCommand,
};
