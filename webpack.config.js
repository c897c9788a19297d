/* global require, module, process, __dirname */
/**
 * Build for the Excel add-in: React task pane + custom functions in one shared runtime, and the
 * browser preview page. Derived from the Office-Addin-TaskPane-React and Excel-Custom-Functions-Shared
 * templates (Microsoft's shared-runtime and custom-functions documentation), with these choices:
 *
 * - No polyfills: Office's WebView2 / Safari / modern browsers all run ES2020.
 * - ts-loader with transpileOnly; `npm run typecheck` type-checks separately.
 * - The shared runtime page taskpane.html loads the `functions` chunk, and office.js is loaded
 *   synchronously in <head> before the deferred bundles (injected here if the page lacks it).
 * - office.js: by default the pages load it from Microsoft's CDN, as Microsoft's docs require
 *   ("Referencing the Office JavaScript API library": the npm package is not officially supported and
 *   a local copy must be kept current by hand). `OFFICE_JS=local npm run build` copies the npm package's
 *   files to dist/office-js/ instead, for intranets that cannot reach the CDN. Either way office.js is
 *   only code: the CSP lets scripts come from that one origin and connections from none.
 * - functions.zh-cn.json is produced from functions.json + src/functions/zh-cn.json
 *   (scripts/functions-metadata.js); a missing translation fails the build.
 * - `webpack --mode production` never touches dev certificates (env.WEBPACK_BUILD guard).
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsLocalePlugin } = require("./scripts/functions-metadata");
const { ManifestVersionPlugin } = require("./scripts/manifest-version");
const { CompatScriptPlugin, COMPAT_SRC } = require("./scripts/compat-plugin");
const { devServerOption } = require("./scripts/dev-https");
const { SingleFilePlugin } = require("./scripts/single-file");

const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** Microsoft's CDN address of office.js (the templates' and the docs' reference), and its origin. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_CDN_ORIGIN = new URL(OFFICE_JS_CDN).origin;

/** "cdn" (default) or "local" (OFFICE_JS=local: the copy in dist/office-js/); anything else fails. */
function officeJsMode(value = process.env.OFFICE_JS) {
  const mode = (value || "cdn").trim().toLowerCase();
  if (mode !== "cdn" && mode !== "local")
    throw new Error(`OFFICE_JS must be "cdn" or "local", not "${value}"`);
  return mode;
}

/**
 * The chunks of the shared-runtime page taskpane.html, in load order. They form one `dependOn`
 * chain, functions ← react ← taskpane, so the core is bundled once (the bundle-size aim: pane page
 * ≤ 250 KB gzip, office.js excluded):
 *
 * - functions.js is the root: it holds the webpack runtime and every module the custom functions
 *   use (parse, scoring, rates, grade, profiles + zod/mini). It needs no other chunk, so it works
 *   both ways Excel may load it: through the page (Runtime/Page/FunctionFile all point at
 *   Taskpane.Url — office-addin-reference.md §1.4–1.5 — and the page's <script> runs the associate
 *   calls), and on its own as the CustomFunctions `<Script>` URL (the manifest still names it).
 *   A separate shared `core` chunk (splitChunks) would save the same bytes, but functions.js would
 *   then wait for core.js, which nothing loads when the Script URL is fetched alone: #BUSY! forever.
 * - react.js and taskpane.js reuse those modules instead of bundling their own copies; the pane
 *   never loads without functions.js, which is exactly the shared-runtime rule (§1.5 item 2).
 * - The preview page loads none of these: it has no CustomFunctions global (see `preview` below).
 */
const PANE_CHUNKS = ["functions", "react", "taskpane"];

/**
 * The part of @microsoft/office-js/dist that Excel loads (≈ 9 MB instead of 86 MB): office.js picks
 * `excel-<platform>-<version>.js` at run time, plus its telemetry/auth helpers, and the UI strings
 * of the display language with en-us as the fallback (office.js retries en-us when a locale
 * folder is missing). Debug builds are left out.
 */
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "es6-promise.js",
  "custom-functions-runtime.js",
  "excel*.js",
  "telemetry/oteljs.js",
  "telemetry/oteljs_agave.js",
  "ariatelemetry/aria-web-telemetry.js",
  "webauth/webauth.browserauth.js",
  "webauth/webauth.implicit.js",
  "en-us/office_strings.js",
  "zh-cn/office_strings.js",
];

function withSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Content-Security-Policy of every page we build (taskpane.html, preview.html, help.html): data and
 * connections from our own origin only, so the workbook's data cannot be sent anywhere.
 * - script-src: 'self', plus the CDN's origin on the page that loads office.js from it (the pane page
 *   in the default build): office.js and the files it loads by <script> (excel-*.js, locale strings)
 *   come from there. Nothing else external, no inline script, no eval.
 * - connect-src 'self': in Office on the web the page talks to Excel through postMessage, which CSP
 *   does not restrict; office.js's own telemetry to Microsoft is blocked (non-fatal).
 * - style-src 'unsafe-inline': Fluent UI (griffel) inserts <style> elements at run time.
 * - img-src data: blob: for inline images; the preview's samples are fetched from 'self'.
 * A <meta> policy applies only to what follows it, so it is put first in <head> (after the charset).
 */
function contentSecurityPolicy(scriptOrigins = []) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptOrigins].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

class CspMetaPlugin {
  /** @param {Record<string, string[]>} scriptOrigins extra script origins by output page name */
  constructor(scriptOrigins = {}) {
    this.scriptOrigins = scriptOrigins;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("CspMetaPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap("CspMetaPlugin", (data) => {
        const policy = contentSecurityPolicy(this.scriptOrigins[data.outputName] ?? []);
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const charset = /<meta\s+charset=[^>]*>/i;
        data.html = charset.test(data.html)
          ? data.html.replace(charset, (m) => `${m}\n    ${tag}`)
          : data.html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${tag}`);
        return data;
      });
    });
  }
}

/**
 * Puts `<script src="…office.js"></script>` (synchronous) first in <head> of a page unless its
 * template already references office.js: the CDN address, or office-js/office.js with OFFICE_JS=local.
 * Bundles are injected with `defer`, so office.js has defined `Office` and `CustomFunctions` before
 * they run (compat.js, injected before it, explains when it could not be loaded).
 */
class OfficeJsScriptPlugin {
  constructor(filenames, src) {
    this.filenames = new Set(filenames);
    this.src = src;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptPlugin", (compilation) => {
      const hooks = HtmlWebpackPlugin.getCompilationHooks(compilation);
      hooks.alterAssetTagGroups.tap("OfficeJsScriptPlugin", (data) => {
        if (!this.filenames.has(data.outputName)) return data;
        const template = String(data.plugin.options.template || "").replace(/^.*!/, "");
        let templateText = "";
        try {
          templateText = fs.readFileSync(template, "utf8");
        } catch {
          // No readable template: inject.
        }
        if (/office(\.debug)?\.js/.test(templateText)) return data;
        data.headTags.unshift(
          HtmlWebpackPlugin.createHtmlTagObject("script", { src: this.src, defer: false }),
        );
        return data;
      });
    });
  }
}

/** esbuild when it is installed (it is, through tsx); otherwise webpack's default terser. */
function loadEsbuild() {
  try {
    return require("esbuild");
  } catch {
    return null;
  }
}

/**
 * Minifies the emitted JS with esbuild instead of terser: the bundles (Fluent UI, ExcelJS in the
 * preview) cost terser ~30 s of CPU on 2 cores, esbuild about 1 s. Assets already marked
 * `minimized` (the copied office.js files) are left alone.
 *
 * The pane's own chunks (`terserAfter`: functions.js, taskpane.js) then get one terser pass over
 * esbuild's output. esbuild only drops unused code at the top level of a file, but webpack puts
 * every module inside a function, so the declarations webpack found unused (Fluent UI's styles and
 * hooks of components we do not render, zod internals) stayed in: terser removes them inside
 * functions too, and its frequency-based mangling compresses better. Measured on taskpane.js:
 * 213 → 174 KB gzip for ~5–10 s of CPU; react.js (React's own minified build, −1 KB) and the
 * preview (ExcelJS, the 30 s above) keep esbuild alone.
 */
class EsbuildMinifyPlugin {
  constructor(esbuild, terserAfter = []) {
    this.esbuild = esbuild;
    this.terserAfter = new Set(terserAfter);
  }

  /** Second pass for the pane's chunks (see above); skipped when terser cannot be loaded. */
  async terser(code) {
    let minify;
    try {
      ({ minify } = require("terser"));
    } catch {
      return code;
    }
    const result = await minify(code, {
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      // The licence comments esbuild kept (legalComments: "eof"); the pane's are in <bundle>.LEGAL.txt.
      format: { comments: /@license|@preserve|^!/ },
    });
    return result.code ?? code;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("EsbuildMinifyPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        {
          name: "EsbuildMinifyPlugin",
          stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE,
          additionalAssets: true,
        },
        async (assets) => {
          const jobs = Object.keys(assets)
            .filter((file) => /\.js$/.test(file))
            .map((file) => compilation.getAsset(file))
            .filter((asset) => asset && !asset.info.minimized)
            .map(async (asset) => {
              // The pane page's chunks (the gzip budget) keep their licence comments in <bundle>.LEGAL.txt
              // beside the bundle (shipped with it); the others at the end of the file — the offline page
              // must carry its own in its one file.
              const external = PANE_CHUNKS.includes(asset.name.replace(/\.js$/, ""));
              const result = await this.esbuild.transform(asset.source.source().toString(), {
                minify: true,
                target: "es2020",
                legalComments: external ? "external" : "eof",
                charset: "utf8",
              });
              const code = this.terserAfter.has(asset.name) ? await this.terser(result.code) : result.code;
              compilation.updateAsset(asset.name, new sources.RawSource(code), {
                ...asset.info,
                minimized: true,
              });
              if (result.legalComments)
                compilation.emitAsset(`${asset.name}.LEGAL.txt`, new sources.RawSource(result.legalComments));
            });
          await Promise.all(jobs);
        },
      );
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const isBuild = Boolean(env.WEBPACK_BUILD);
  const localOfficeJs = officeJsMode() === "local";

  // webpack serve: https with the office-addin-dev-certs certificates (installed on Windows/macOS).
  const server = isBuild ? { type: "http" } : await devServerOption();

  const esbuild = loadEsbuild();

  return {
    mode: dev ? "development" : "production",
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    context: __dirname,
    // The pane page loads functions.js → react.js → taskpane.js, one dependOn chain (see PANE_CHUNKS).
    entry: {
      functions: "./src/functions/functions.ts",
      react: { import: ["react", "react-dom"], dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "react" },
      // Own copy of React: through `react` it would also load functions.js, whose associate calls
      // need the CustomFunctions global the preview page does not have.
      preview: "./src/preview/index.tsx",
      // The offline single-file checker: inlined into 绩效自评校验.html by SingleFilePlugin (scripts/single-file.js).
      offline: "./src/preview/offline.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new FunctionsLocalePlugin({
        input: "functions.json",
        output: "functions.zh-cn.json",
        table: "./src/functions/zh-cn.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime page: the functions chunk MUST be loaded here.
        chunks: PANE_CHUNKS,
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        scriptLoading: "defer",
      }),
      // The help page the manifest's SupportUrl and LearnMoreUrl open (static, no bundle).
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/help/help.html", chunks: [] }),
      new OfficeJsScriptPlugin(["taskpane.html"], localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN),
      ...(esbuild
        ? [
            new SingleFilePlugin({
              entry: "offline",
              template: path.resolve(__dirname, "src/preview/preview.html"),
              filename: "绩效自评校验.html",
              title: "绩效自评助手 · 离线校验",
              esbuild,
            }),
          ]
        : []),
      new CspMetaPlugin(localOfficeJs ? {} : { "taskpane.html": [OFFICE_JS_CDN_ORIGIN] }),
      // compat.js (ES5) first in every page: explains in Chinese where the bundles cannot run.
      new CompatScriptPlugin(),
      new ManifestVersionPlugin({ manifest: "manifest.xml", lock: "src/functions/metadata.lock.json" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: false },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // Central deployment: ADDIN_BASE_URL=https://intranet.example/jixiao/ npm run build
            transform: (content) =>
              process.env.ADDIN_BASE_URL
                ? content
                    .toString()
                    .replace(/https:\/\/localhost:3000\//g, withSlash(process.env.ADDIN_BASE_URL))
                : content,
          },
          {
            from: "src/taskpane/compat.js",
            to: COMPAT_SRC,
            // Minified by terser at ecma 5 (it stays ES5; esbuild's es2020 pass must not touch it): it is
            // in every page's load, the pane page's gzip budget included.
            transform: async (content) =>
              dev ? content : (await require("terser").minify(content.toString(), { ecma: 5 })).code,
            info: { minimized: true },
          },
          // Bundled samples for the browser preview (?sample=<name>, same origin).
          { from: "samples/*.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true },
          // OFFICE_JS=local only: the part of the npm package Excel loads (see OFFICE_JS_FILES).
          ...(localOfficeJs ? OFFICE_JS_FILES : []).map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            // Keep the sub-folder (en-us/, telemetry/ …): office.js loads those files by relative path.
            to: path.posix.join("office-js", path.posix.dirname(from), "[name][ext]"),
            globOptions: { ignore: ["**/*.debug.js"] },
            // Already minified by Microsoft; skipping terser keeps the build at seconds, not minutes.
            info: { minimized: true },
          })),
        ],
      }),
    ],
    optimization: esbuild
      ? { minimizer: [new EsbuildMinifyPlugin(esbuild, dev ? [] : ["functions.js", "taskpane.js"])] }
      : {},
    performance: {
      // office.js files are Microsoft's; only our own bundles count.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 3 * 1024 * 1024,
    },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server,
      port: DEV_PORT,
      hot: true,
      // Local only: the add-in's data never leaves this machine.
      host: "localhost",
      allowedHosts: ["localhost"],
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
