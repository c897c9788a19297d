/* global __dirname */
/**
 * docs/dependencies.md lists every production dependency (package.json "dependencies") with its
 * reason, and nothing that is not one: the list stays reviewable by hand.
 */
import { describe, expect, test } from "@jest/globals";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};
const doc = fs.readFileSync(path.join(ROOT, "docs/dependencies.md"), "utf8");

/** Table rows of the doc: | `name` | why | runs in | network |. */
const rows = [...doc.matchAll(/^\|\s*`([^`]+)`\s*\|([^|]*)\|([^|]*)\|([^|]*)\|\s*$/gm)].map((m) => ({
  name: m[1],
  why: m[2].trim(),
  runsIn: m[3].trim(),
  network: m[4].trim(),
}));

describe("docs/dependencies.md", () => {
  const production = Object.keys(pkg.dependencies ?? {}).sort();

  test("there are production dependencies to review", () => {
    expect(production.length).toBeGreaterThan(0);
  });

  test("lists exactly the production dependencies of package.json", () => {
    expect(rows.map((r) => r.name).sort()).toEqual(production);
  });

  test("every row says why the package is there, where it runs and what it does on the network", () => {
    for (const r of rows) {
      expect({ name: r.name, why: r.why.length > 10 }).toEqual({ name: r.name, why: true });
      expect({ name: r.name, runsIn: r.runsIn.length > 2 }).toEqual({ name: r.name, runsIn: true });
      expect({ name: r.name, network: r.network.length > 2 }).toEqual({ name: r.name, network: true });
    }
  });
});
