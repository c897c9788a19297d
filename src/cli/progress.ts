/* global process, NodeJS */
/** Progress bar on stderr (only on a terminal, only for batches). */
import { SingleBar } from "cli-progress";

/** What the bar shows besides files done / total. */
export interface ProgressStats {
  /** Forms found so far. */
  forms: number;
  /** Forms with error findings so far (需修改). */
  withErrors: number;
  /** Files that could not be read so far. */
  unreadable: number;
}

export interface Progress {
  tick(file: string, stats: ProgressStats): void;
  stop(): void;
}

const NONE: Progress = { tick: () => undefined, stop: () => undefined };

/** "已找到 12 张表，3 张需修改，1 个无法读取" — the bar's running counts. */
export function statsText(s: ProgressStats): string {
  const parts = [`已找到 ${s.forms} 张表`, `${s.withErrors} 张需修改`];
  if (s.unreadable) parts.push(`${s.unreadable} 个无法读取`);
  return parts.join("，");
}

export function createProgress(
  total: number,
  enabled: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!enabled || total <= 1 || !stream.isTTY) return NONE;
  const bar = new SingleBar({
    stream,
    format: "检查中 [{bar}] {value}/{total} 个文件  {stats}  {file}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  });
  bar.start(total, 0, { file: "", stats: statsText({ forms: 0, withErrors: 0, unreadable: 0 }) });
  return {
    tick(file: string, stats: ProgressStats) {
      bar.increment(1, { file: file.length > 30 ? `…${file.slice(-29)}` : file, stats: statsText(stats) });
    },
    stop() {
      bar.stop();
    },
  };
}
