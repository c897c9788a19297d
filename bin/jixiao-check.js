#!/usr/bin/env node
"use strict";
// Command-line checker for 部门整体支出绩效自评表 workbooks. The code lives in lib/ (built from src/ by
// `npm run build:cli`, also run by npm's `prepare` on install).
let entry;
try {
  entry = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write("jixiao-check：尚未编译，请先运行 npm run build:cli。\n");
    process.exit(2);
  }
  throw e;
}
entry.cli();
