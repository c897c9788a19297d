/**
 * manifest.xml against Microsoft's published add-in only manifest schemas (test/manifest/xsd, source
 * in SOURCE.md), validated by libxml2 (xmllint-wasm). The built copy, dist/manifest.xml, is validated
 * by test/build/build.test.ts right after it is built.
 */
/* global __dirname */
import { describe, expect, test } from "@jest/globals";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PATCHES, XSD_DIR, patchedSchemas, validateManifest } from "./schema";

const ROOT = path.resolve(__dirname, "../..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("the vendored schemas", () => {
  test("are byte for byte the files SOURCE.md lists (hash), and no others", () => {
    const source = fs.readFileSync(path.join(XSD_DIR, "SOURCE.md"), "utf8");
    const listed = [...source.matchAll(/^\| (\w+\.xsd) \| [^|]+ \| [^|]+ \| ([0-9a-f]{64}) \|$/gm)].map(
      (m) => [m[1], m[2]],
    );
    const present = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith(".xsd"));
    expect(listed.map(([f]) => f).sort()).toEqual(present.sort());
    for (const [file, hash] of listed) {
      const actual = crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(XSD_DIR, file)))
        .digest("hex");
      expect({ file, hash: actual }).toEqual({ file, hash });
    }
  });

  test("every documented patch applies exactly as expected", () => {
    expect(() => patchedSchemas()).not.toThrow();
    expect(PATCHES.length).toBeGreaterThanOrEqual(8);
  });
});

describe("manifest.xml is valid against the schemas", () => {
  test("the source manifest", async () => {
    const r = await validateManifest(XML);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  test("as built for a central deployment (ADDIN_BASE_URL replaces every https://localhost:3000/)", async () => {
    const deployed = XML.replace(/https:\/\/localhost:3000\//g, "https://jixiao.example.gov.cn/addin/");
    expect(deployed).not.toContain("localhost");
    expect((await validateManifest(deployed)).valid).toBe(true);
  });

  // The validator can fail: mistakes a structural test would not catch.
  test.each([
    [
      "Sets inside VersionOverrides' Requirements without the bt: namespace (as in some docs samples)",
      (x: string) =>
        x.replace("<bt:Sets DefaultMinVersion", "<Sets DefaultMinVersion").replace("</bt:Sets>", "</Sets>"),
      /Sets': This element is not expected/,
    ],
    [
      "Requirements after Hosts inside VersionOverrides",
      (x: string) => {
        const vo = /(\s*<Requirements>\s*<bt:Sets[\s\S]*?<\/Requirements>)/.exec(x)![1];
        return x
          .replace(vo, "")
          .replace("    </Hosts>\n    <Resources>", `    </Hosts>${vo}\n    <Resources>`);
      },
      /Requirements': This element is not expected/,
    ],
    [
      "a misspelt Runtimes element (office-js#1158)",
      (x: string) => x.replace("<Runtimes>", "<Runtime>").replace("</Runtimes>", "</Runtime>"),
      /Runtime': This element is not expected|not expected/,
    ],
    [
      "a lifetime other than short/long",
      (x: string) => x.replace('lifetime="long"', 'lifetime="forever"'),
      /lifetime.*forever|'forever'/,
    ],
    [
      "a Permissions value that does not exist",
      (x: string) => x.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWrite"),
      /Permissions/,
    ],
  ])("rejects %s", async (_name, mutate, message) => {
    const bad = mutate(XML);
    expect(bad).not.toBe(XML);
    const r = await validateManifest(bad);
    expect(r.valid).toBe(false);
    expect(r.errors.join("\n")).toMatch(message);
  });
});
