/**
 * src/cli/pool.ts with small stand-in worker scripts (plain JS in a temp folder, same protocol as
 * src/cli/worker.ts): results keep the input order, a worker that dies (process.exit, an uncaught
 * exception, running out of heap) costs only the item it was on, and a worker script that cannot even
 * load makes the pool finish the items in this thread — it never hangs.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runPool } from "../../src/cli/pool";

let dir: string;

/** Echo worker: item "n" → "ok:n" after a short random delay; crashes on the items named below. */
const ECHO = `
const { parentPort, workerData } = require("node:worker_threads");
parentPort.on("message", ({ id, task }) => {
  if (task === "exit") process.exit(7);
  if (task === "throw") throw new Error("boom " + workerData.tag);
  if (task === "oom") { const a = []; for (;;) a.push(new Array(1e6).fill(task)); }
  setTimeout(() => parentPort.postMessage({ type: "done", id, outcome: "ok:" + task + ":" + workerData.tag }),
    Math.floor(Math.random() * 5));
});
parentPort.postMessage({ type: "ready" });
`;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-pool-"));
  await fs.writeFile(path.join(dir, "echo.js"), ECHO);
  await fs.writeFile(path.join(dir, "broken.js"), "throw new Error('cannot load');\n");
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function pool(script: string, items: string[], size: number, done: number[] = [], heapMb?: number) {
  return runPool<string, string>(items, {
    workerFile: path.join(dir, script),
    workerData: { tag: "w" },
    size,
    onCrash: (item, reason) => `crash:${item}:${reason}`,
    inProcess: async (item) => `here:${item}`,
    onDone: (i) => done.push(i),
    resourceLimits: heapMb ? { maxOldGenerationSizeMb: heapMb } : undefined,
  });
}

describe("runPool", () => {
  test("40 items over 3 workers: every result in input order, onDone once per item", async () => {
    const items = Array.from({ length: 40 }, (_, i) => String(i));
    const done: number[] = [];
    const out = await pool("echo.js", items, 3, done);
    expect(out).toEqual(items.map((i) => `ok:${i}:w`));
    expect([...done].sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
  });

  test("no items: resolves at once with no worker", async () => {
    expect(await pool("echo.js", [], 4)).toEqual([]);
  });

  test("a worker that exits or throws costs only its item; the rest are checked by fresh workers", async () => {
    const items = ["a", "exit", "b", "c", "throw", "d", "e", "f"];
    const out = await pool("echo.js", items, 2);
    expect(out[1]).toBe("crash:exit:退出码 7");
    expect(out[4]).toBe("crash:throw:boom w");
    expect(out.filter((_, i) => i !== 1 && i !== 4)).toEqual(
      ["a", "b", "c", "d", "e", "f"].map((x) => `ok:${x}:w`),
    );
  });

  test("every item crashing: each gets its crash outcome and the pool still finishes", async () => {
    const out = await pool("echo.js", ["exit", "exit", "exit", "exit", "exit"], 2);
    expect(out).toEqual(Array(5).fill("crash:exit:退出码 7"));
  });

  test("a worker out of heap (resource limit) costs only its item", async () => {
    const out = await pool("echo.js", ["a", "oom", "b"], 2, [], 32);
    expect(out[0]).toBe("ok:a:w");
    expect(out[1]).toMatch(/^crash:oom:.*memory/i);
    expect(out[2]).toBe("ok:b:w");
  }, 30000);

  test("a worker script that cannot load: all items run in this thread", async () => {
    const done: number[] = [];
    const out = await pool("broken.js", ["a", "b", "c"], 3, done);
    expect(out).toEqual(["here:a", "here:b", "here:c"]);
    expect(done).toHaveLength(3);
  });

  test("a missing worker script: all items run in this thread", async () => {
    expect(await pool("missing.js", ["a", "b"], 2)).toEqual(["here:a", "here:b"]);
  });
});
