/* global console, process */
/**
 * Running the command as user "nobody" (uid/gid 65534): as root every folder is writable, so a test of
 * a read-only folder runs the command as another user. That user must be able to reach what the command
 * loads, and a checkout inside a folder only its owner may enter (a clone under /root) is out of its
 * reach: so the command runs from a world-readable copy of bin/, lib/ and package.json, with a link to
 * the real node_modules. Node and node_modules themselves must be reachable too; where they are not,
 * `testIfNobodyCanRun` skips the test and says why.
 */
import { test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { promises as fs, realpathSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./run-cli";

export const NOBODY = { uid: 65534, gid: 65534 };
export const AS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;

/**
 * `test` when user nobody can run the command; else `test.skip`, after saying why (Node, node_modules or
 * the temporary folder out of its reach, or no permission to switch users).
 */
export function testIfNobodyCanRun(): (name: string, fn: () => Promise<void>, timeout?: number) => void {
  const why = nobodyCannotRun();
  if (why === null) return test;
  console.warn(`Skipped: user nobody cannot run the command here: ${why}`);
  return test.skip;
}

/** As nobody: enter the temporary folder (where the test's files are), then load a package. */
const PROBE = `const fs = require("node:fs");
try { fs.accessSync(process.argv[1], fs.constants.X_OK); } catch (e) { console.error("Error: " + e.message); process.exit(3); }
require(process.argv[2]);`;

function nobodyCannotRun(): string | null {
  const modules = realpathSync(path.join(ROOT, "node_modules"));
  // exceljs stands for the command's packages: all of them live in this node_modules.
  const r = spawnSync(process.execPath, ["-e", PROBE, os.tmpdir(), path.join(modules, "exceljs")], {
    encoding: "utf8",
    timeout: 30000,
    ...NOBODY,
  });
  if (r.error) return `cannot start ${process.execPath} as nobody (${r.error.message})`;
  if (r.status === 3) return `nobody cannot enter the temporary folder ${os.tmpdir()}`;
  if (r.status !== 0) {
    const why = (r.stderr ?? "").split("\n").find((l) => /Error/.test(l)) ?? `exit ${r.status}`;
    return `nobody cannot load the command's packages from ${modules} (${why.trim()})`;
  }
  return null;
}

/**
 * A copy of the command that user nobody can read, under `base` (a folder that user can enter): returns
 * its bin/jixiao-check.js.
 */
export async function commandCopyFor(base: string): Promise<string> {
  const copy = path.join(base, "jixiao-check-copy");
  await fs.mkdir(copy);
  for (const part of ["bin", "lib"])
    await fs.cp(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  await fs.copyFile(path.join(ROOT, "package.json"), path.join(copy, "package.json")); // its version
  await fs.symlink(realpathSync(path.join(ROOT, "node_modules")), path.join(copy, "node_modules"), "dir");
  await worldReadable(copy);
  return path.join(copy, "bin/jixiao-check.js");
}

/** chmod a+rX through a tree (a checkout made under umask 077 has files only their owner reads). */
async function worldReadable(p: string): Promise<void> {
  const st = await fs.lstat(p);
  if (st.isSymbolicLink()) return;
  await fs.chmod(p, st.mode | (st.isDirectory() ? 0o555 : 0o444));
  if (st.isDirectory()) for (const name of await fs.readdir(p)) await worldReadable(path.join(p, name));
}
