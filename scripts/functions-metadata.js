/**
 * zh-CN metadata for the custom functions.
 *
 * Excel reads one functions metadata JSON per language; the manifest points zh-cn users at
 * functions.zh-cn.json through <bt:Override Locale="zh-cn"> inside the Functions.Metadata.Url
 * bt:Url. custom-functions-metadata-plugin generates only the English functions.json (from the
 * JSDoc in src/functions/functions.ts), so this module overlays the translation table
 * src/functions/zh-cn.json (keyed by function id, then parameter name) onto that JSON:
 * only `name` and `description` of each function and of each parameter change; ids, types and
 * options stay identical, as Excel requires.
 *
 * A missing or extra translation is an error (the build fails), so the two files cannot drift.
 *
 * Used by webpack.config.js (FunctionsLocalePlugin) and by the tests (localizeMetadata).
 */
/* global require, module */
"use strict";
const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "FunctionsLocalePlugin";
/**
 * Excel: a name starts with a letter, has at least three characters and may use Unicode letters, "_"
 * and "." (docs: custom-functions-naming.md). A shorter name is rejected when Excel loads the metadata.
 */
const NAME_PATTERN = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;

/**
 * Returns a copy of `metadata` (the parsed functions.json) with names/descriptions from `table`.
 * Throws an Error listing every problem when a function or parameter lacks a translation, when
 * the table has an entry for an id or parameter that does not exist, or when a name is not a
 * valid Excel function name.
 *
 * @param {{functions: Array<{id: string, name: string, description?: string, parameters?: Array<{name: string, description?: string}>}>}} metadata
 * @param {Record<string, {name: string, description: string, parameters?: Record<string, {name: string, description: string}>}>} table
 * @param {string} [locale] for messages only
 */
function localizeMetadata(metadata, table, locale = "zh-cn") {
  if (!metadata || !Array.isArray(metadata.functions)) {
    throw new Error("functions metadata has no `functions` array");
  }
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) {
    if (!ids.has(id)) problems.push(`${locale}: translation for unknown function id ${id}`);
  }
  const names = new Map();
  const functions = metadata.functions.map((fn) => {
    const tr = table[fn.id];
    if (!tr) {
      problems.push(`${locale}: function ${fn.id} has no translation`);
      return fn;
    }
    if (typeof tr.name !== "string" || !NAME_PATTERN.test(tr.name)) {
      problems.push(`${locale}: ${fn.id}: name ${JSON.stringify(tr.name)} is not a valid function name`);
    } else if (names.has(tr.name)) {
      problems.push(`${locale}: ${fn.id}: name ${tr.name} is also used by ${names.get(tr.name)}`);
    } else {
      names.set(tr.name, fn.id);
    }
    if (typeof tr.description !== "string" || tr.description.trim() === "") {
      problems.push(`${locale}: ${fn.id}: missing description`);
    }
    const params = fn.parameters || [];
    const trParams = tr.parameters || {};
    const paramNames = new Set(params.map((p) => p.name));
    for (const p of Object.keys(trParams)) {
      if (!paramNames.has(p)) problems.push(`${locale}: ${fn.id}: translation for unknown parameter ${p}`);
    }
    const parameters = params.map((p) => {
      const tp = trParams[p.name];
      if (!tp || typeof tp.name !== "string" || tp.name.trim() === "") {
        problems.push(`${locale}: ${fn.id}: parameter ${p.name} has no translation`);
        return p;
      }
      if (typeof tp.description !== "string" || tp.description.trim() === "") {
        problems.push(`${locale}: ${fn.id}: parameter ${p.name} has no description`);
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    const out = { ...fn, name: tr.name, description: tr.description };
    if (fn.parameters) out.parameters = parameters;
    return out;
  });
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return { ...metadata, functions };
}

/** Reads and parses the translation table (a JSON object keyed by function id). */
function readTable(tablePath) {
  const table = JSON.parse(fs.readFileSync(tablePath, "utf8"));
  if (!table || typeof table !== "object" || Array.isArray(table)) {
    throw new Error(`${tablePath}: expected a JSON object keyed by function id`);
  }
  return table;
}

/**
 * webpack plugin: after CustomFunctionsMetadataPlugin has emitted `input` (functions.json), emit
 * `output` (functions.zh-cn.json) with the overlay applied. Any problem is a compilation error.
 */
class FunctionsLocalePlugin {
  /** @param {{input?: string, output?: string, table: string, locale?: string}} options */
  constructor(options) {
    this.input = options.input || "functions.json";
    this.output = options.output || "functions.zh-cn.json";
    this.table = path.resolve(options.table);
    this.locale = options.locale || "zh-cn";
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.table);
          const asset = compilation.getAsset(this.input);
          if (!asset) {
            // CustomFunctionsMetadataPlugin reports its own JSDoc errors; say why ours is missing too.
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: ${this.input} was not emitted, cannot create ${this.output}`),
            );
            return;
          }
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const localized = localizeMetadata(metadata, readTable(this.table), this.locale);
            compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized, null, 2)));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: ${e instanceof Error ? e.message : e}`),
            );
          }
        },
      );
    });
  }
}

module.exports = { localizeMetadata, readTable, FunctionsLocalePlugin, NAME_PATTERN };
