/* global process, __dirname */
/**
 * What the built pages may do on the network. Builds into temp folders
 * (`npx webpack --mode production --output-path <tmp>`, once by default and once with OFFICE_JS=local;
 * test/build/build.test.ts builds dist/ on its own, so they never share a folder) and checks:
 *
 * - every page (taskpane.html, preview.html) carries a Content-Security-Policy <meta> before any
 *   script, style sheet or link; default-src and connect-src allow our own origin only, no eval, no
 *   plugins; script-src our own origin, plus Microsoft's office.js CDN origin on the pane page of the
 *   default build and nowhere else; the one remote <script> is that office.js; with OFFICE_JS=local
 *   nothing remote at all;
 * - our bundles (*.js at the top of the output; office-js/ is Microsoft's copy and excluded) contain
 *   no network call: fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource, importScripts,
 *   new Image, dynamic <script> — except the precisely matched, justified cases in ALLOWED below;
 * - every http(s) URL written in the bundles is one of the known non-fetched identifiers (XML
 *   namespaces of the .xlsx format, links in licence comments and warning texts).
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
let out: string;
let status: number | null = null;
let log = "";
const bundles = new Map<string, string>();
/** The offline single-file checker (scripts/single-file.js): one inline script, no connection at all. */
const OFFLINE_PAGE = "绩效自评校验.html";
const pages = new Map<string, string>();
/** Microsoft's CDN: office.js, and the one external origin a page may load scripts from. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CDN_ORIGIN = "https://appsforoffice.microsoft.com";
/** The OFFICE_JS=local build (for intranets without the CDN): its pages. */
let localOut: string;
let localStatus: number | null = null;
let localLog = "";
const localPages = new Map<string, string>();

function build(outputPath: string, env: Record<string, string>) {
  return spawnSync("npx", ["webpack", "--mode", "production", "--output-path", outputPath], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", ...env },
    timeout: 175_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

beforeAll(() => {
  localOut = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-security-local-"));
  const l = build(localOut, { OFFICE_JS: "local" });
  localStatus = l.status;
  localLog = `${l.stdout ?? ""}\n${l.stderr ?? ""}${l.error ? `\n${String(l.error)}` : ""}`;
  if (localStatus === 0) {
    for (const f of fs.readdirSync(localOut)) {
      if (f.endsWith(".html")) localPages.set(f, fs.readFileSync(path.join(localOut, f), "utf8"));
    }
  }
}, 180_000);

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-security-build-"));
  const r = build(out, { OFFICE_JS: "" });
  status = r.status;
  log = `${r.stdout ?? ""}\n${r.stderr ?? ""}${r.error ? `\n${String(r.error)}` : ""}`;
  if (status !== 0) return;
  for (const f of fs.readdirSync(out)) {
    if (f.endsWith(".js")) bundles.set(f, fs.readFileSync(path.join(out, f), "utf8"));
    if (f.endsWith(".html")) pages.set(f, fs.readFileSync(path.join(out, f), "utf8"));
  }
  // The offline page's script is inline: scanned like a bundle.
  const offline = pages.get(OFFLINE_PAGE);
  const inline = offline
    ? [...offline.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1])
    : [];
  if (inline.length === 1) bundles.set(`${OFFLINE_PAGE} <script>`, inline[0]);
}, 180_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
  if (localOut) fs.rmSync(localOut, { recursive: true, force: true });
});

test("the production build succeeds", () => {
  if (status !== 0) throw new Error(`webpack exited with ${status}:\n${log.slice(-4000)}`);
  expect([...pages.keys()].sort()).toEqual(["help.html", "preview.html", "taskpane.html", OFFLINE_PAGE]);
  expect(bundles.has(`${OFFLINE_PAGE} <script>`)).toBe(true);
  expect(bundles.size).toBeGreaterThanOrEqual(3);
});

// ───────────────────────────── Content-Security-Policy ─────────────────────────────

function cspOf(html: string): { policy: Map<string, string[]>; index: number } {
  const m =
    /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')[^>]*>/i.exec(
      html,
    );
  if (!m) throw new Error("no Content-Security-Policy meta tag");
  const policy = new Map<string, string[]>();
  for (const part of (m[1] ?? m[2]).split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return { policy, index: m.index };
}

/** A CSP source that reaches outside our own origin (any scheme/host source, wildcard, ws:, http:). */
const isRemote = (source: string): boolean =>
  !["'self'", "'none'", "'unsafe-inline'", "data:", "blob:"].includes(source) ||
  /^(https?|wss?):|\*/.test(source);

describe.each(["taskpane.html", "preview.html"])("%s", (page) => {
  test("has a Content-Security-Policy meta tag before any script, style sheet or link", () => {
    const html = pages.get(page)!;
    const { index } = cspOf(html);
    const firstLoad = html.search(/<(script|link|style)\b/i);
    expect(firstLoad).toBeGreaterThan(index);
    // Only the charset declaration may come before it.
    expect(html.slice(0, index)).toMatch(
      /^<!doctype html><html[^>]*><head[^>]*>(<meta charset="[^"]+"\s*\/?>)?\s*$/i,
    );
  });

  test("connects and falls back to our own origin only; scripts also from the office.js CDN on the pane", () => {
    const { policy } = cspOf(pages.get(page)!);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // No 'unsafe-eval', no inline scripts; the pane page also the origin of office.js, nothing else.
    expect(policy.get("script-src")).toEqual(page === "taskpane.html" ? ["'self'", CDN_ORIGIN] : ["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      const allowed = directive === "script-src" && page === "taskpane.html" ? [CDN_ORIGIN] : [];
      expect({ directive, remote: sources.filter(isRemote) }).toEqual({ directive, remote: allowed });
    }
    // Fluent UI (griffel) inserts <style> elements at run time: inline styles only, and only styles.
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("loads no remote script or style sheet but office.js from the CDN; ours are relative paths", () => {
    const html = pages.get(page)!;
    const srcs = [
      ...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?([^"'\s>]+)/gi),
    ].map((m) => m[1]);
    expect(srcs.length).toBeGreaterThan(0);
    const remote = srcs.filter(
      (src) => /^(?:[a-z]+:)?\/\//i.test(src) && !/^https?:\/\/localhost[:/]/i.test(src),
    );
    expect(remote).toEqual(page === "taskpane.html" ? [OFFICE_JS_CDN] : []);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i); // no inline script (the CSP would block it)
  });
});

describe("OFFICE_JS=local (isolated intranets): the pane page loads the copy, nothing remote", () => {
  test("the build succeeds and copies office.js", () => {
    if (localStatus !== 0)
      throw new Error(`webpack (OFFICE_JS=local) exited with ${localStatus}:\n${localLog.slice(-4000)}`);
    for (const f of [
      "office.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "excel-mac-16.00.js",
      "zh-cn/office_strings.js",
    ]) {
      expect({ f, exists: fs.existsSync(path.join(localOut, "office-js", f)) }).toEqual({ f, exists: true });
    }
  });

  test.each(["taskpane.html", "preview.html", "help.html"])(
    "%s: script-src 'self' only, no remote script",
    (page) => {
      const html = localPages.get(page)!;
      const { policy } = cspOf(html);
      expect(policy.get("script-src")).toEqual(["'self'"]);
      expect(policy.get("connect-src")).toEqual(["'self'"]);
      for (const [directive, sources] of policy) {
        expect({ directive, remote: sources.filter(isRemote) }).toEqual({ directive, remote: [] });
      }
      const srcs = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]);
      expect(srcs.filter((s) => /^(?:[a-z]+:)?\/\//i.test(s))).toEqual([]);
      if (page === "taskpane.html") expect(srcs.slice(0, 2)).toEqual(["compat.js", "office-js/office.js"]);
    },
  );
});

describe(`${OFFLINE_PAGE} (opened from file://, no server)`, () => {
  test("its CSP allows no connection, nothing from anywhere, and exactly its own inline script", () => {
    const html = pages.get(OFFLINE_PAGE)!;
    const { policy, index } = cspOf(html);
    expect(html.slice(0, index)).toMatch(
      /^<!doctype html>\s*<html[^>]*>\s*<head[^>]*>\s*<meta charset="[^"]+"\s*\/?>\s*$/i,
    );
    expect(html.search(/<(script|link|style)\b/i)).toBeGreaterThan(index);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'unsafe-inline'"]);
    for (const [directive, sources] of policy) {
      expect({ directive, remote: sources.filter((x) => isRemote(x) && !/^'sha256-/.test(x)) }).toEqual({
        directive,
        remote: [],
      });
    }
    // script-src: the sha256 of the one inline script, no 'self', no 'unsafe-inline', no eval.
    const script = bundles.get(`${OFFLINE_PAGE} <script>`)!;
    const hash = `'sha256-${crypto.createHash("sha256").update(script, "utf8").digest("base64")}'`;
    expect(policy.get("script-src")).toEqual([hash]);
  });

  test("references no other file: no src/href, no external script or style sheet", () => {
    // The markup around the inline script (whose text may mention "<script" in its strings).
    const html = pages.get(OFFLINE_PAGE)!.replace(bundles.get(`${OFFLINE_PAGE} <script>`)!, "");
    expect(html).not.toMatch(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=/i);
    expect(html.match(/<script\b[^>]*>/gi)).toEqual(['<script type="module">']);
  });
});

// ───────────────────────────── network calls in the bundles ─────────────────────────────

interface Allowed {
  why: string;
  /** The whole match with its context must satisfy this. */
  context: RegExp;
}

/** Network APIs; each occurrence must match one of its ALLOWED entries (none = never allowed). */
const NETWORK: Record<string, RegExp> = {
  fetch: /\bfetch\s*\(/g,
  XMLHttpRequest: /XMLHttpRequest/g,
  WebSocket: /WebSocket/g,
  sendBeacon: /sendBeacon/g,
  EventSource: /EventSource/g,
  importScripts: /importScripts/g,
  "new Image": /new\s+Image\b/g,
  "dynamic <script>": /createElement\(\s*["'`]script["'`]\s*\)/g,
  XDomainRequest: /XDomainRequest/g,
  RTCPeerConnection: /RTCPeerConnection/g,
};

const ALLOWED: Record<string, Allowed[]> = {
  fetch: [
    {
      why: "the browser preview's bundled samples (?sample=…): same origin only, checked before fetching",
      context:
        /\.origin\s*===\s*window\.location\.origin[\s\S]{0,80}fetch\(\s*\w+\.href\s*,\s*\{\s*credentials:\s*"same-origin"\s*\}\)/,
    },
  ],
  importScripts: [
    {
      why: "setImmediate polyfills (in ExcelJS's dependencies) test for a Web Worker with !self.importScripts; never called",
      context: /!\s*[\w$]+\.importScripts\b/,
    },
  ],
  "dynamic <script>": [
    {
      why: "setImmediate polyfills' old-IE path: an empty <script> whose onreadystatechange fires; no src is set",
      context:
        /"onreadystatechange"\s*in\s*[\w$.]+\.createElement\("script"\)|createElement\("script"\);?\s*[\w$]+\.onreadystatechange=/,
    },
  ],
};

function around(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 200), index + length + 120);
}

describe("our bundles make no network call", () => {
  test.each(Object.keys(NETWORK))("%s", (api) => {
    const found: { file: string; context: string; allowedBecause: string | null }[] = [];
    for (const [file, text] of bundles) {
      for (const m of text.matchAll(NETWORK[api])) {
        const context = around(text, m.index!, m[0].length);
        const allowed = (ALLOWED[api] ?? []).find((a) => a.context.test(context));
        found.push({ file, context, allowedBecause: allowed?.why ?? null });
      }
    }
    const unexplained = found.filter((f) => f.allowedBecause === null);
    expect(unexplained).toEqual([]);
    // The fetch allowance must stay what it is: the preview's samples, nowhere else.
    if (api === "fetch") expect(found.map((f) => f.file)).toEqual(["preview.js"]);
  });

  test("the functions chunk (loaded into Excel's shared runtime) calls no network API at all", () => {
    const text = bundles.get("functions.js")!;
    for (const re of Object.values(NETWORK)) expect(text.match(re)).toBeNull();
  });
});

/**
 * Every http(s) host written in our bundles, and why it is there. None is requested: XML namespaces
 * identify parts of the .xlsx format; the others are links inside licence comments and warning or
 * error texts.
 */
const KNOWN_HOSTS: Record<string, string> = {
  "schemas.openxmlformats.org": "OOXML namespaces written into .xlsx files (ExcelJS)",
  "schemas.microsoft.com": "Office XML namespaces (ExcelJS)",
  "www.w3.org": "XML / SVG namespaces",
  "purl.org": "Dublin Core namespaces of docProps/core.xml (ExcelJS)",
  "github.com": "issue links in warnings (griffel) and licence comments",
  "raw.github.com": "licence comment (JSZip)",
  "stuk.github.io": "licence comment (JSZip)",
  "stuartk.com": "licence comment (JSZip)",
  "feross.org": "licence comments (buffer, ieee754 …)",
  "aka.ms": "links in Fluent UI / griffel development warnings",
  "reactjs.org": "React's error-decoder link in minified error messages",
  "[${…}]": "zod's IPv6 check parses `http://[<address>]` with new URL(); nothing is requested",
};

test("every URL in our bundles is a known identifier or link, never a request", () => {
  const hosts = new Map<string, string[]>();
  for (const [file, text] of bundles) {
    for (const m of text.matchAll(/https?:\/\/([A-Za-z0-9.-]+|\[\$\{\w+\}\])/g)) {
      const host = m[1].startsWith("[${") ? "[${…}]" : m[1]; // a template literal, minified names vary
      const list = hosts.get(host) ?? [];
      if (!list.includes(file)) list.push(file);
      hosts.set(host, list);
    }
  }
  const unknown = [...hosts]
    .filter(([h]) => !(h in KNOWN_HOSTS))
    .map(([h, files]) => `${h} (${files.join(", ")})`);
  expect(unknown).toEqual([]);
});
