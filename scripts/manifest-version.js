/**
 * Excel caches a custom-functions add-in's metadata (functions.json) and re-reads it only when the
 * manifest's <Version> changes (custom-functions-best-practices: "update the version … when the
 * metadata changes"). So the build bumps the version itself: it hashes the generated functions.json
 * and functions.zh-cn.json, compares with src/functions/metadata.lock.json, and on a difference raises
 * the last part of <Version> in manifest.xml (the source, so the bump is committed) and in the emitted
 * dist/manifest.xml, and records the new hash and version in the lock file.
 *
 * Pure parts (metadataHash, bumpVersion, nextState) are tested offline in test/manifest.
 */
/* global require, module */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const PLUGIN_NAME = "ManifestVersionPlugin";
const VERSION_RE = /<Version>(\d+)\.(\d+)\.(\d+)\.(\d+)<\/Version>/;

/** sha256 of the metadata files' JSON, parsed and re-serialised (whitespace-independent), in order. */
function metadataHash(jsonTexts) {
  const h = crypto.createHash("sha256");
  for (const text of jsonTexts) h.update(JSON.stringify(JSON.parse(text))).update("\n");
  return h.digest("hex");
}

/** "1.0.0.7" → "1.0.0.8". */
function bumpVersion(version) {
  const parts = version.split(".").map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`manifest Version "${version}" is not four numbers`);
  }
  parts[3] += 1;
  return parts.join(".");
}

function versionOf(manifestXml) {
  const m = VERSION_RE.exec(manifestXml);
  if (!m) throw new Error("manifest.xml has no four-part <Version>");
  return m.slice(1, 5).join(".");
}

function withVersion(manifestXml, version) {
  return manifestXml.replace(VERSION_RE, `<Version>${version}</Version>`);
}

/**
 * What the lock and the manifest should say for this metadata: unchanged when the hash matches the
 * lock, else the manifest's version bumped (never lower than the lock's) with the new hash.
 */
function nextState(lock, manifestVersion, hash) {
  if (lock && lock.hash === hash) return { changed: false, lock, version: manifestVersion };
  const base =
    lock && lock.version && compareVersions(lock.version, manifestVersion) > 0
      ? lock.version
      : manifestVersion;
  const version = bumpVersion(base);
  return { changed: true, lock: { hash, version }, version };
}

function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

class ManifestVersionPlugin {
  /** @param {{manifest: string, lock: string, metadata?: string[]}} options */
  constructor(options) {
    this.manifest = path.resolve(options.manifest);
    this.lock = path.resolve(options.lock);
    this.metadata = options.metadata || ["functions.json", "functions.zh-cn.json"];
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After CustomFunctionsMetadataPlugin, FunctionsLocalePlugin and CopyWebpackPlugin (ADDITIONAL).
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          try {
            const texts = this.metadata.map((name) => {
              const asset = compilation.getAsset(name);
              if (!asset) throw new Error(`${name} was not emitted`);
              return asset.source.source().toString();
            });
            const hash = metadataHash(texts);
            const lock = fs.existsSync(this.lock) ? JSON.parse(fs.readFileSync(this.lock, "utf8")) : null;
            const source = fs.readFileSync(this.manifest, "utf8");
            const state = nextState(lock, versionOf(source), hash);
            if (state.changed) {
              fs.writeFileSync(this.manifest, withVersion(source, state.version));
              fs.writeFileSync(this.lock, JSON.stringify(state.lock, null, 2) + "\n");
              compilation.warnings.push(
                new WebpackError(
                  `${PLUGIN_NAME}: functions metadata changed, manifest Version → ${state.version} (commit manifest.xml and ${path.basename(this.lock)})`,
                ),
              );
            }
            const emitted = compilation.getAsset("manifest.xml");
            if (emitted) {
              const xml = emitted.source.source().toString();
              compilation.updateAsset("manifest.xml", new sources.RawSource(withVersion(xml, state.version)));
            }
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

module.exports = { metadataHash, bumpVersion, versionOf, withVersion, nextState, ManifestVersionPlugin };
