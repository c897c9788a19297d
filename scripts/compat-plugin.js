/**
 * Puts `<script src="compat.js"></script>` (src/taskpane/compat.js, ES5) first among the scripts of
 * every page HtmlWebpackPlugin emits — right after the charset and Content-Security-Policy metas, before
 * office.js and the bundles — so that an IE11/EdgeHTML webview shows why the page cannot run instead
 * of a blank pane. A page that already names compat.js is left alone; a page can opt out with the
 * HtmlWebpackPlugin option `compatCheck: false`; the self-contained offline page 绩效自评校验.html is
 * always left alone (it must stay one file, and it is where compat.js sends users).
 */
/* global require, module */
"use strict";
const HtmlWebpackPlugin = require("html-webpack-plugin");

const COMPAT_SRC = "compat.js";
/** The single-file offline checker is meant for old browsers and must stay one file: never injected. */
const NEVER = new Set(["绩效自评校验.html"]);

class CompatScriptPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("CompatScriptPlugin", (compilation) => {
      HtmlWebpackPlugin.getCompilationHooks(compilation).beforeEmit.tap("CompatScriptPlugin", (data) => {
        if (data.plugin.options.compatCheck === false || NEVER.has(data.outputName)) return data;
        if (data.html.includes(`src="${COMPAT_SRC}"`)) return data;
        const tag = `<script src="${COMPAT_SRC}"></script>`;
        const metas = [/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, /<meta\s+charset=[^>]*>/i];
        const anchor = metas.find((re) => re.test(data.html));
        data.html = anchor
          ? data.html.replace(anchor, (m) => `${m}\n    ${tag}`)
          : data.html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${tag}`);
        return data;
      });
    });
  }
}

module.exports = { CompatScriptPlugin, COMPAT_SRC };
