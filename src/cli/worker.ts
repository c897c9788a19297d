/**
 * Worker thread of jixiao-check (compiled to lib/cli/worker.js, started by src/cli/pool.ts): checks one
 * file at a time. workerData = { profile } (parsed once by the main thread). Messages:
 *   worker → main  { type: "ready" } once loaded; { type: "done", id, outcome } per file
 *   main → worker  { id, task }
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RuleProfile } from "../core/model";
import { processFile, type FileOutcome, type FileTask } from "./process";

export interface WorkerInit {
  /** Undefined: the core chooses per form. */
  profile: RuleProfile | undefined;
}

export type ToWorker = { id: number; task: FileTask };
export type FromWorker = { type: "ready" } | { type: "done"; id: number; outcome: FileOutcome };

if (parentPort) {
  const port = parentPort;
  const { profile } = workerData as WorkerInit;
  port.on("message", (msg: ToWorker) => {
    void processFile(msg.task, profile).then((outcome) => {
      port.postMessage({ type: "done", id: msg.id, outcome } satisfies FromWorker);
    });
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}
