/**
 * README's 支持的 Excel 版本 table is generated from the facts the host test uses
 * (src/taskpane/hosts.ts + manifest.xml, scripts/hosts-table.ts): it must be the current output.
 */
/* global __dirname */
import { expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { BEGIN, END, hostsTable, withTable } from "../../scripts/hosts-table";
import { HOSTS } from "../../src/taskpane/hosts";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

test("README's table is the one scripts/hosts-table.ts writes (npx tsx scripts/hosts-table.ts)", () => {
  expect(withTable(README, hostsTable(MANIFEST))).toBe(README);
});

test("one row per described host, under the README's heading 支持的 Excel 版本", () => {
  const table = README.slice(README.indexOf(BEGIN), README.indexOf(END));
  for (const h of HOSTS) expect(table).toContain(`| ${h.name} |`);
  expect(README.indexOf("### 支持的 Excel 版本")).toBeLessThan(README.indexOf(BEGIN));
});

test("the table follows the manifest: SharedRuntime in the base would hide the add-in from old Office", () => {
  const old = MANIFEST.replace(
    '<Set Name="ExcelApi" MinVersion="1.1"/>',
    '<Set Name="ExcelApi" MinVersion="1.1"/>\n      <Set Name="SharedRuntime" MinVersion="1.1"/>',
  );
  expect(old).not.toBe(MANIFEST);
  const row = hostsTable(old)
    .split("\n")
    .find((l) => l.startsWith("| Office 2016 批量许可版"))!;
  expect(row).toContain("| 不显示 |");
});
