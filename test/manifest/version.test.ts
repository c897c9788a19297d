/**
 * The manifest version follows the functions' metadata (scripts/manifest-version.js): Excel caches
 * functions.json per manifest version, so changed metadata under an unchanged version would leave users
 * with the old names. Offline: the generator, the overlay and the bump logic run here without webpack.
 */
/* global require, __dirname */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const ROOT = path.resolve(__dirname, "../..");
const { localizeMetadata, readTable } = require("../../scripts/functions-metadata.js") as {
  localizeMetadata: (m: unknown, t: unknown) => unknown;
  readTable: (p: string) => unknown;
};
const V = require("../../scripts/manifest-version.js") as {
  metadataHash(texts: string[]): string;
  bumpVersion(v: string): string;
  versionOf(xml: string): string;
  withVersion(xml: string, v: string): string;
  nextState(
    lock: { hash: string; version: string } | null,
    manifestVersion: string,
    hash: string,
  ): { changed: boolean; lock: { hash: string; version: string }; version: string };
};

let en = "";
let zh = "";
beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")]);
  en = r.metadataJson;
  zh = JSON.stringify(
    localizeMetadata(JSON.parse(en), readTable(path.join(ROOT, "src/functions/zh-cn.json"))),
  );
});

describe("manifest version follows the functions' metadata", () => {
  test("the committed lock holds the hash of today's metadata and the manifest's version", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "src/functions/metadata.lock.json"), "utf8"));
    expect(lock.hash).toBe(V.metadataHash([en, zh]));
    expect(lock.version).toBe(V.versionOf(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")));
  });

  test("unchanged metadata: no bump; formatting alone changes nothing", () => {
    const hash = V.metadataHash([en, zh]);
    expect(V.metadataHash([JSON.stringify(JSON.parse(en), null, 4), zh])).toBe(hash);
    const state = V.nextState({ hash, version: "1.0.0.3" }, "1.0.0.3", hash);
    expect(state).toEqual({ changed: false, lock: { hash, version: "1.0.0.3" }, version: "1.0.0.3" });
  });

  test("a renamed function (zh-CN name) changes the hash and bumps the last part", () => {
    const hash = V.metadataHash([en, zh]);
    const renamed = zh.replace('"评价等级"', '"评价等级二"');
    expect(renamed).not.toBe(zh);
    const other = V.metadataHash([en, renamed]);
    expect(other).not.toBe(hash);
    const state = V.nextState({ hash, version: "1.0.0.3" }, "1.0.0.3", other);
    expect(state).toEqual({ changed: true, lock: { hash: other, version: "1.0.0.4" }, version: "1.0.0.4" });
  });

  test("never lower than the lock; a missing lock bumps too", () => {
    expect(V.nextState({ hash: "x", version: "1.0.0.9" }, "1.0.0.2", "y").version).toBe("1.0.0.10");
    expect(V.nextState(null, "2.1.0.0", "y").version).toBe("2.1.0.1");
    expect(() => V.bumpVersion("1.0")).toThrow(/four numbers/);
  });

  test("the version is rewritten in the manifest text and nowhere else", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const out = V.withVersion(xml, "9.8.7.6");
    expect(V.versionOf(out)).toBe("9.8.7.6");
    expect(out.replace("<Version>9.8.7.6</Version>", "")).toBe(
      xml.replace(`<Version>${V.versionOf(xml)}</Version>`, ""),
    );
  });
});

describe("docs/dependencies.md: the local office.js copy", () => {
  test("names the installed @microsoft/office-js version, its date and how to refresh it", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/dependencies.md"), "utf8");
    const installed = (require("@microsoft/office-js/package.json") as { version: string }).version;
    expect(doc).toContain(`@microsoft/office-js ${installed}`);
    expect(doc).toMatch(/published on npm on \*\*\d{4}-\d{2}-\d{2}\*\*/);
    expect(doc).toContain("npm install --save-dev @microsoft/office-js@latest");
  });
});
