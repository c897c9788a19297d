/* global process, __dirname */
/** Spawning the real command (bin/jixiao-check.js → lib/, compiled by test/global-setup.js). */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin/jixiao-check.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `jixiao-check ...args` in `cwd` with this Node, waiting at most `timeout` ms. */
export function runCli(cwd: string, args: string[], timeout = 90000): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout,
    maxBuffer: 64 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
