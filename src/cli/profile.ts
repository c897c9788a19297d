/** --profile: a builtin profile id, or a JSON profile file validated by the core. */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { RuleProfile } from "../core/model";
import { getProfile, parseProfile } from "../core/profiles";
import { UsageError } from "./args";

function tryBuiltin(id: string): { profile: RuleProfile | null; message: string } {
  try {
    return { profile: getProfile(id), message: "" };
  } catch (e) {
    return { profile: null, message: (e as Error).message };
  }
}

/**
 * The profile to check with; undefined (no --profile, or --profile auto) lets the core choose per form
 * (domain.md §2.10). Throws UsageError with a Chinese message when it cannot be used.
 */
export async function resolveProfile(spec: string | undefined): Promise<RuleProfile | undefined> {
  if (spec === undefined || spec.trim().toLowerCase() === "auto") return undefined;
  const id = spec;
  const builtin = tryBuiltin(id);
  if (builtin.profile) return builtin.profile;
  const looksLikeFile = spec !== undefined && (/\.json$/i.test(spec) || /[\\/]/.test(spec));
  let text: string;
  try {
    text = await fs.readFile(path.resolve(id), "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!looksLikeFile && code === "ENOENT") {
      throw new UsageError(
        `${builtin.message || `没有名为“${id}”的内置评分规则。`}（也没有名为“${id}”的规则文件。）`,
      );
    }
    throw new UsageError(
      `无法读取评分规则文件 ${id}：${code === "ENOENT" ? "文件不存在" : (code ?? String(e))}。`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`评分规则文件 ${id} 不是有效的 JSON：${(e as Error).message}`);
  }
  try {
    return parseProfile(json);
  } catch (e) {
    throw new UsageError(`评分规则文件 ${id} 内容有误：${(e as Error).message}`);
  }
}
