/**
 * A small pool of worker threads for batches: each worker takes one item at a time (worker protocol in
 * src/cli/worker.ts) and the next item goes to whichever worker finishes first. Results keep the input
 * order. The pool never hangs: a worker that dies while on an item gives that item `onCrash`'s outcome
 * and is replaced; if no worker can be started at all, the remaining items run in this thread.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

export interface PoolOptions<T, R> {
  /** Compiled worker script (lib/cli/worker.js). */
  workerFile: string;
  /** Passed to every worker as workerData (structured clone). */
  workerData: unknown;
  /** Number of workers (at most one per item). */
  size: number;
  /** Heap limits per worker (a worker over its limit dies alone: onCrash for its item). */
  resourceLimits?: ResourceLimits;
  /** Outcome of an item whose worker died (uncaught error, out of memory, exit) while on it. */
  onCrash: (item: T, reason: string) => R;
  /** Runs an item in this thread; used only when no worker could be started. */
  inProcess: (item: T) => Promise<R>;
  /** Called as each item finishes (for the progress bar). */
  onDone?: (index: number, outcome: R) => void;
}

type FromWorker<R> = { type: "ready" } | { type: "done"; id: number; outcome: R };

export function runPool<T, R>(items: readonly T[], opts: PoolOptions<T, R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  return new Promise<R[]>((resolve) => {
    const workers = new Set<Worker>();
    let next = 0;
    let finished = 0;
    let done = false;
    let inProcessRunning = false;

    const finish = (): void => {
      done = true;
      void Promise.allSettled([...workers].map((w) => w.terminate())).then(() => resolve(results));
    };
    const complete = (index: number, outcome: R): void => {
      results[index] = outcome;
      finished++;
      opts.onDone?.(index, outcome);
      if (finished === items.length) finish();
    };
    /** Last resort when every worker failed to start: finish the queue here, one item at a time. */
    const runRestInProcess = async (): Promise<void> => {
      if (inProcessRunning) return;
      inProcessRunning = true;
      while (next < items.length) {
        const i = next++;
        complete(i, await opts.inProcess(items[i]));
      }
    };

    const spawn = (): boolean => {
      let w: Worker;
      try {
        w = new Worker(opts.workerFile, {
          workerData: opts.workerData,
          resourceLimits: opts.resourceLimits,
        });
      } catch {
        return false;
      }
      workers.add(w);
      let current: number | null = null;
      let reason: string | null = null;
      const give = (): void => {
        current = null;
        if (next >= items.length) return;
        current = next++;
        w.postMessage({ id: current, task: items[current] });
      };
      w.on("message", (msg: FromWorker<R>) => {
        if (done) return;
        if (msg.type === "ready") give();
        else if (msg.type === "done" && msg.id === current) {
          complete(msg.id, msg.outcome);
          give();
        }
      });
      w.on("messageerror", (e: Error) => {
        reason = `结果无法传回主线程：${e.message}`;
        void w.terminate();
      });
      w.on("error", (e: Error) => {
        reason = e.message;
      });
      w.on("exit", (code: number) => {
        workers.delete(w);
        if (done) return;
        if (current !== null) {
          const i = current;
          current = null;
          complete(i, opts.onCrash(items[i], reason ?? `退出码 ${code}`));
          // The item that killed this worker is not retried; the rest go to a fresh worker.
          if (!done && next < items.length) spawn();
        }
        // A worker that never became ready (could not load) is not replaced; when none is left,
        // the queue is finished in this thread.
        if (!done && workers.size === 0 && next < items.length) void runRestInProcess();
      });
      return true;
    };

    const n = Math.max(1, Math.min(opts.size, items.length));
    for (let k = 0; k < n; k++) spawn();
    if (workers.size === 0) void runRestInProcess();
  });
}
