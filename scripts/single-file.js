/* global require, module, console, process */
/**
 * The offline single-file checker: one HTML file (dist/绩效自评校验.html) that a clerk opens by
 * double-click — no server, no other file, no connection. A webpack plugin, so the page is built
 * from the same compilation (and the same preview code) as dist/preview.html:
 *
 * 1. takes the emitted bundle of one entry (`offline`: src/preview/offline.tsx, i.e. the preview's
 *    PreviewApp) after minification and removes it from the output;
 * 2. lowers its syntax to the browser baseline (TARGETS: Chromium 80 — 360 极速, 奇安信, UOS
 *    browsers — and Firefox ESR) with esbuild, then checks it (checkCompat: the build fails on
 *    syntax newer than ES2020 or a run-time API the baseline lacks);
 * 3. writes the page from the preview's HTML template with the script inline and a
 *    Content-Security-Policy that allows no connection at all (connect-src 'none', default-src
 *    'none') and exactly this script (its sha256), nothing loaded from anywhere.
 *
 * `npm run build` (webpack --mode production) emits it; `node scripts/single-file.js check <file>`
 * runs the compat check on a built page (CI).
 */
const crypto = require("crypto");
const fs = require("fs");

/** The browser baseline of the single-file page (esbuild target names). */
const TARGETS = ["chrome80", "firefox115"];

/**
 * Syntax: acorn at this ECMAScript version. Chromium 80 implements all of ES2020's syntax
 * (optional chaining and ?? since 80, BigInt, dynamic import, export * as ns); ES2021+ syntax
 * (logical assignment, class fields and private methods, static blocks, regexp flags d/v, top-level
 * await) is not all there, so the lowered code must parse as ES2020.
 */
const ECMA_VERSION = 2020;

/**
 * Run-time APIs newer than the baseline, with the first Chromium / Firefox version that has them
 * (MDN browser-compat-data). A use in the bundle fails the check unless it is `guarded` (the code
 * tests for it: `X || fallback`, `typeof X`) or `polyfilled` by src/preview/compat.ts. A name
 * pattern, not a type analysis: it can miss a use spelled differently (obj["at"]), and the list is
 * the APIs a 2020–2025 library plausibly calls — see docs/architecture.md.
 */
const NEWER_APIS = [
  { name: "WeakRef", re: /\bnew WeakRef\b/g, since: "Chromium 84, Firefox 79", polyfilled: true },
  { name: "FinalizationRegistry", re: /\bFinalizationRegistry\b/g, since: "Chromium 84, Firefox 79" },
  { name: "String.prototype.replaceAll", re: /\.replaceAll\(/g, since: "Chromium 85, Firefox 77" },
  {
    name: "Promise.any / AggregateError",
    re: /\bPromise\.any\(|\bAggregateError\b/g,
    since: "Chromium 85, Firefox 79",
  },
  {
    name: "Array/String.prototype.at",
    re: /\.at\((?:-?\d|[\w$]+\.length)/g,
    since: "Chromium 92, Firefox 90",
  },
  {
    name: "Object.hasOwn",
    re: /\bObject\.hasOwn\b/g,
    since: "Chromium 93, Firefox 92",
    guard: /Object\.hasOwn\s*\|\|/,
  },
  {
    name: "Array.prototype.findLast",
    re: /\.findLast(?:Index)?\(/g,
    since: "Chromium 97, Firefox 104",
    ownMethod: /findLast\([\w$]+,[\w$]+\)\{|"findLast"|findLast\(\{/,
  },
  { name: "structuredClone", re: /\bstructuredClone\(/g, since: "Chromium 98, Firefox 94" },
  { name: "Error cause", re: /\{\s*cause\s*:/g, since: "Chromium 93, Firefox 91" },
  { name: "crypto.randomUUID", re: /\.randomUUID\(/g, since: "Chromium 92, Firefox 95" },
  { name: "Intl.Segmenter", re: /\bIntl\.Segmenter\b/g, since: "Chromium 87, Firefox 125" },
  {
    name: "Array.prototype.toSorted/toReversed/toSpliced",
    re: /\.to(?:Sorted|Reversed|Spliced)\(/g,
    since: "Chromium 110, Firefox 115",
  },
  {
    name: "Object.groupBy / Map.groupBy",
    re: /\b(?:Object|Map)\.groupBy\(/g,
    since: "Chromium 117, Firefox 119",
  },
  { name: "Array.fromAsync", re: /\bArray\.fromAsync\(/g, since: "Chromium 121, Firefox 115" },
  { name: "Promise.withResolvers", re: /\bPromise\.withResolvers\(/g, since: "Chromium 119, Firefox 121" },
  {
    name: "AbortSignal.timeout/any",
    re: /\bAbortSignal\.(?:timeout|any)\(/g,
    since: "Chromium 103, Firefox 100",
  },
];

/**
 * Problems of `code` for the baseline: syntax that does not parse as ES2020 and newer APIs that are
 * neither guarded nor polyfilled. Empty = compatible (as far as this check sees).
 */
function checkCompat(code) {
  const problems = [];
  try {
    require("acorn").parse(code, { ecmaVersion: ECMA_VERSION, sourceType: "module" });
  } catch (e) {
    const at = typeof e.pos === "number" ? ` near “${code.slice(Math.max(0, e.pos - 40), e.pos + 40)}”` : "";
    problems.push(
      `syntax newer than ES${ECMA_VERSION} (Chromium 80) or invalid in a module: ${e.message}${at}`,
    );
  }
  for (const api of NEWER_APIS) {
    for (const m of code.matchAll(api.re)) {
      const context = code.slice(Math.max(0, m.index - 60), m.index + m[0].length + 60);
      if (
        api.polyfilled ||
        (api.guard && api.guard.test(context)) ||
        (api.ownMethod && api.ownMethod.test(context))
      )
        continue;
      problems.push(`${api.name} (${api.since}) used: …${context}…`);
      break;
    }
  }
  return problems;
}

/** "</script" and "<!--" inside the script would end or confuse the inline <script> element. */
function inlineSafe(code) {
  if (/<!--/.test(code))
    throw new Error("single-file: the bundle contains “<!--”, unsafe inside an inline <script>");
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

/** The page's Content-Security-Policy: nothing but this inline script and inline styles. */
function policy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    // Fluent UI (griffel) inserts <style> elements at run time.
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The preview's template with the title, the CSP first in <head> and the script inline at the end of <body>. */
function pageHtml(template, { title, code }) {
  const hash = `sha256-${crypto.createHash("sha256").update(code, "utf8").digest("base64")}`;
  const csp = `<meta http-equiv="Content-Security-Policy" content="${policy(hash)}" />`;
  let html = template
    .replace(/<meta\s+charset=[^>]*>/i, (m) => `${m}\n    ${csp}`)
    .replace(/<title>[^<]*<\/title>/i, `<title>${title}</title>`)
    .replace(/(<div id="loading">)[^<]*(<\/div>)/, `$1正在加载${title}…$2`);
  if (!html.includes(csp)) throw new Error("single-file: the template has no <meta charset>");
  const i = html.lastIndexOf("</body>");
  // type="module": an inline module runs after parsing (like the preview's deferred bundle), so the
  // loading text is painted before 1.8 MB of script runs (headless first paint ~650 ms → 130–450 ms).
  // Chromium 61+ and Firefox 60+ run inline modules; strict mode is what webpack emits anyway.
  html = `${html.slice(0, i)}    <script type="module">${code}</script>\n  ${html.slice(i)}`;
  return html;
}

class SingleFilePlugin {
  /**
   * @param {{ entry: string, template: string, filename: string, title: string, esbuild: any }} options
   *   entry: the webpack entry whose bundle is inlined (its .js is removed from the output).
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const { entry, template, filename, title, esbuild } = this.options;
    compiler.hooks.thisCompilation.tap("SingleFilePlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        // After minification (EsbuildMinifyPlugin runs at OPTIMIZE_SIZE).
        { name: "SingleFilePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        async () => {
          const files = [...(compilation.entrypoints.get(entry)?.getFiles() ?? [])].filter((f) =>
            f.endsWith(".js"),
          );
          if (files.length !== 1) {
            compilation.errors.push(
              new Error(`single-file: entry “${entry}” should emit one .js file, got ${files.join(", ")}`),
            );
            return;
          }
          const source = compilation.getAsset(files[0]).source.source().toString();
          const lowered = await esbuild.transform(source, {
            target: TARGETS,
            minify: compiler.options.mode === "production",
            legalComments: "eof",
            charset: "utf8",
          });
          const problems = checkCompat(lowered.code);
          if (problems.length) {
            compilation.errors.push(
              new Error(`single-file compat check (${TARGETS.join(", ")}):\n${problems.join("\n")}`),
            );
            return;
          }
          const code = inlineSafe(lowered.code);
          compilation.fileDependencies.add(template);
          const html = pageHtml(fs.readFileSync(template, "utf8"), { title, code });
          compilation.deleteAsset(files[0]);
          compilation.emitAsset(filename, new sources.RawSource(html), { minimized: true });
        },
      );
    });
  }
}

/** CLI: `node scripts/single-file.js check dist/绩效自评校验.html` — the compat check on a built page. */
function main(argv) {
  const [command, file] = argv;
  if (command !== "check" || !file) {
    console.error("usage: node scripts/single-file.js check <page.html>");
    return 2;
  }
  const html = fs.readFileSync(file, "utf8");
  const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (scripts.length !== 1) {
    console.error(`${file}: expected one inline <script>, found ${scripts.length}`);
    return 1;
  }
  const problems = checkCompat(scripts[0]);
  for (const p of problems) console.error(`${file}: ${p}`);
  if (!problems.length)
    console.log(`${file}: syntax ES${ECMA_VERSION}, no unguarded API newer than ${TARGETS.join(" / ")}`);
  return problems.length ? 1 : 0;
}

module.exports = { SingleFilePlugin, checkCompat, TARGETS, ECMA_VERSION, NEWER_APIS, policy };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
