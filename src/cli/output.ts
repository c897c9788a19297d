/**
 * Output files of a run (--summary, --write-dir): checked before any work, so a refusal costs nothing,
 * and written so that nothing of the user's is overwritten and no partial file is left behind.
 */
import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { UsageError } from "./args";
import { writeErrorMessage } from "./files";

/** The closest folder of `p` that exists (p itself when it is one). */
async function nearestExisting(p: string): Promise<string> {
  let dir = p;
  for (;;) {
    try {
      const st = await fs.stat(dir);
      if (st.isDirectory()) return dir;
    } catch {
      // go up
    }
    const up = path.dirname(dir);
    if (up === dir) return dir;
    dir = up;
  }
}

/** Throws a UsageError when nothing can be created in `dir` (or where it would be created). */
export async function ensureWritable(dir: string, what: string): Promise<void> {
  const existing = await nearestExisting(dir);
  try {
    await fs.access(existing, constants.W_OK);
  } catch (e) {
    throw new UsageError(`${what}无法写入 ${existing}：${writeErrorMessage(e)}`);
  }
}

export interface SummaryTarget {
  /** Absolute path. */
  absolute: string;
  /** As typed. */
  display: string;
  format: "xlsx" | "csv";
}

/** --summary: .xlsx or .csv, not an existing file, in a folder that can be written. */
export async function prepareSummary(spec: string): Promise<SummaryTarget> {
  const ext = /\.(xlsx|csv)$/i.exec(spec)?.[1]?.toLowerCase();
  if (ext !== "xlsx" && ext !== "csv")
    throw new UsageError(`--summary 的文件名应以 .xlsx 或 .csv 结尾（收到“${spec}”）。`);
  const absolute = path.resolve(spec);
  try {
    await fs.lstat(absolute);
    throw new UsageError(`汇总表 ${spec} 已存在。为避免覆盖，请换一个文件名或先删除（或移走）它。`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  await ensureWritable(path.dirname(absolute), "汇总表");
  return { absolute, display: spec, format: ext };
}

/**
 * Writes a new file: refuses to replace one that appeared meanwhile ("wx"), and removes what it created
 * when the write fails half-way (a full disk), so no partial file is left. Throws a Chinese message.
 */
export async function writeNewFile(absolute: string, bytes: Uint8Array): Promise<void> {
  let created = false;
  try {
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    const handle = await fs.open(absolute, "wx");
    created = true;
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (created) await fs.rm(absolute, { force: true }).catch(() => undefined);
    const code = (e as { code?: string }).code;
    throw new Error(code === "EEXIST" ? "文件已存在，未覆盖。" : code ? writeErrorMessage(e) : String(e));
  }
}
