/** Command-line options of jixiao-check (Node's util.parseArgs). */
import { parseArgs } from "node:util";

export interface CliOptions {
  help: boolean;
  version: boolean;
  json: boolean;
  /** Builtin profile id or a path to a JSON profile file; undefined = default profile. */
  profile?: string;
  /** Marked copy of the single input. */
  write?: string;
  /** Marked copies of every input into this folder. */
  writeDir?: string;
  /** Apply each form's correction plan in the marked copies (only with --write / --write-dir). */
  fix: boolean;
  /** The reviewer's summary: 汇总.xlsx (four sheets) or 汇总.csv (the 汇总 sheet). */
  summary?: string;
  /**
   * Worker threads for a batch (more than one file); 1 = everything in the main thread.
   * Undefined = default: min(available cores − 1, 4, number of files).
   */
  jobs?: number;
  /** Do not draw the progress bar even on a terminal. */
  noProgress: boolean;
  inputs: string[];
}

/** A problem with the command line itself (exit status 2). */
export class UsageError extends Error {}

export const HELP_TEXT = `用法：jixiao-check [选项] <文件或文件夹>...

检查《部门整体支出绩效自评表》（.xlsx）：必填项、合计、执行率、得分、总分与等级等。
文件夹会递归查找其中的 .xlsx 文件；其他文件（.xls、.et、.xlsm、~$ 开头的临时文件等）不检查，
并在报告中列出原因和处理办法。所有检查都在本机完成，文件不会上传。

选项：
  --json                 以 JSON 格式输出结果（格式见 rules.md），便于其他程序处理
  --profile <名称|文件>   评分规则：内置规则名称或 JSON 规则文件的路径（不指定或 auto：按表中特征自动选择）
  --write <输出.xlsx>    另存一份标注后的副本（仅限一个输入文件）：问题单元格按严重程度
                         填色（红：错误，黄：警告，蓝：提示）并附批注（含按规则应填的值）；
                         所填数值和公式一律保持原样；另加“复核底稿”工作表（每项核查的计算值、
                         报告值、差额和判断）
  --write-dir <文件夹>   批量检查时，把每个文件的标注副本保存到该文件夹（文件名加“（已标注）”）
  --fix                  与 --write 或 --write-dir 一起使用：在副本中按规则改正得分、执行率、小计、
                         总分和等级（改动的单元格批注原填写的值；--write-dir 的文件名加“（已改正）”）。
                         总分无法按规则重算的表（如所依据的数字本身存疑）不作任何改动
  --summary <汇总.xlsx>  另存一份汇总表：每张自评表一行（单位、预算编码、总分、等级、问题数、状态），
                         另有问题统计、重复（同一预算编码或同一单位年度）和说明工作表；
                         以 .csv 结尾时只保存汇总一张表（UTF-8 带 BOM）。已存在的文件不会被覆盖
  --jobs <数量>          批量检查时并行的线程数（默认：CPU 核数减 1，最多 4）；1 表示不开线程
  --no-progress          不显示进度条
  -h, --help             显示本帮助
  -v, --version          显示版本号

不会修改原文件；标注副本和汇总表不会覆盖任何已存在的文件。

退出码：
  0  没有文件存在“错误”级别的问题
  1  至少一个文件存在“错误”级别的问题
  2  命令行用法有误，有文件无法读取，或输出文件无法保存（如汇总表已存在、文件夹只读）

示例：
  jixiao-check 自评表.xlsx
  jixiao-check --json 收件箱/ > 结果.json
  jixiao-check --write 自评表-已标注.xlsx 自评表.xlsx
  jixiao-check --write 自评表-已改正.xlsx --fix 自评表.xlsx
  jixiao-check --profile 我市规则.json --write-dir 标注/ 收件箱/
  jixiao-check --summary 汇总.xlsx --write-dir 退回/ 收件箱/
`;

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        json: { type: "boolean" },
        profile: { type: "string" },
        write: { type: "string" },
        "write-dir": { type: "string" },
        fix: { type: "boolean" },
        summary: { type: "string" },
        jobs: { type: "string" },
        "no-progress": { type: "boolean" },
      },
    });
  } catch (e) {
    throw new UsageError(translateParseError(e));
  }
  const v = parsed.values;
  const opts: CliOptions = {
    help: v.help === true,
    version: v.version === true,
    json: v.json === true,
    profile: v.profile,
    write: v.write,
    writeDir: v["write-dir"],
    fix: v.fix === true,
    summary: v.summary,
    noProgress: v["no-progress"] === true,
    inputs: parsed.positionals,
  };
  if (opts.help || opts.version) return opts;
  if (v.jobs !== undefined) {
    const n = Number(v.jobs);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      throw new UsageError(`--jobs 需要 1 到 64 之间的整数，收到“${v.jobs}”。`);
    opts.jobs = n;
  }
  for (const [name, value] of [
    ["--profile", opts.profile],
    ["--write", opts.write],
    ["--write-dir", opts.writeDir],
    ["--summary", opts.summary],
  ] as const) {
    if (value !== undefined && value.trim() === "") throw new UsageError(`${name} 后面需要一个值。`);
  }
  if (opts.write !== undefined && opts.writeDir !== undefined) {
    throw new UsageError("--write 和 --write-dir 只能选一个：单个文件用 --write，批量用 --write-dir。");
  }
  if (opts.fix && opts.write === undefined && opts.writeDir === undefined) {
    throw new UsageError(
      "--fix 只能与 --write 或 --write-dir 一起使用：改正只写入另存的副本，原文件不会被修改。",
    );
  }
  if (opts.inputs.length === 0) throw new UsageError("请指定要检查的 .xlsx 文件或文件夹。");
  return opts;
}

function translateParseError(e: unknown): string {
  const err = e as { code?: string; message?: string };
  const msg = err.message ?? String(e);
  const opt = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不认识的选项 ${opt ?? ""}。`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `选项 ${opt ?? ""} 的用法不对：${/argument missing/.test(msg) ? "后面需要一个值" : "不需要值"}。`;
    default:
      return `命令行有误：${msg}`;
  }
}
