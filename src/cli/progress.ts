/* global process, NodeJS */
/** Progress bar on stderr (only on a terminal, only for batches). */
import { SingleBar } from "cli-progress";

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

export function createProgress(
  total: number,
  enabled: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!enabled || total <= 1 || !stream.isTTY) return NONE;
  const bar = new SingleBar({
    stream,
    format: "检查中 [{bar}] {value}/{total} 个文件  {file}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  bar.start(total, 0, { file: "" });
  return {
    tick(file: string) {
      bar.increment(1, { file: file.length > 40 ? `…${file.slice(-39)}` : file });
    },
    stop() {
      bar.stop();
    },
  };
}
