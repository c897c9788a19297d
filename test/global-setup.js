/* eslint-disable no-undef */
/**
 * Jest global setup: compile the command line (src → lib/, tsc -p tsconfig.cli.json) once, before any
 * test file runs. The CLI tests spawn bin/jixiao-check.js, which loads lib/; compiling in each test
 * file's beforeAll let parallel workers rewrite lib/ while another worker's command was loading it.
 */
const { execFileSync } = require("node:child_process");
const path = require("node:path");

module.exports = function compileCli() {
  const root = path.resolve(__dirname, "..");
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
};
