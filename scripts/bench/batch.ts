/* global process, NodeJS, __dirname */
/** Bench section `batch`: many .xlsx files — ExcelJS alone vs readXlsx + checkWorkbook vs the real CLI. */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import * as ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { readXlsx } from "../../src/io/xlsxRead";
import { formToXlsx } from "../make-samples";
import { largeSpec, sampleSpecs } from "../sample-specs";
import { type BenchTable, fmtNum } from "./table";

const ROOT = path.resolve(__dirname, "../..");

/** Writes `count` workbooks (the samples and generated forms of 20–60 rows, in turn) into `dir`. */
export async function makeBatch(dir: string, count = 200): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const specs = sampleSpecs().map((s) => s.spec);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const spec = i % 4 < specs.length ? specs[i % 4] : largeSpec(20 + (i % 41));
    const file = path.join(dir, `自评表-${String(i + 1).padStart(3, "0")}.xlsx`);
    await fs.writeFile(file, await formToXlsx(spec));
    files.push(file);
  }
  return files;
}

async function excelJsAlone(files: string[]): Promise<void> {
  for (const f of files) {
    const buf = await fs.readFile(f);
    await new ExcelJS.Workbook().xlsx.load(buf as unknown as ExcelJS.Buffer);
  }
}

async function pipeline(files: string[]): Promise<number> {
  let findings = 0;
  for (const f of files) {
    const wb = await readXlsx(await fs.readFile(f));
    for (const r of checkWorkbook(wb)) findings += r.findings.length;
  }
  return findings;
}

function ensureCliBuilt(): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
}

/** 200 files: ExcelJS alone vs the in-process pipeline vs one spawn of the real CLI over the folder. */
export async function benchBatch(count = 200): Promise<BenchTable[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    const files = await makeBatch(dir, count);
    const bytes = (await Promise.all(files.map((f) => fs.stat(f)))).reduce((a, s) => a + s.size, 0);
    // Warm up both paths (JIT, file cache), then alternate and keep the best of three of each.
    await excelJsAlone(files.slice(0, 20));
    await pipeline(files.slice(0, 20));
    // Wall time and this process's CPU time (user + system): the CPU figure is steadier on a busy machine.
    const alone: number[] = [];
    const piped: number[] = [];
    const aloneCpu: number[] = [];
    const pipedCpu: number[] = [];
    const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    let findings = 0;
    for (let k = 0; k < 3; k++) {
      let t0 = performance.now();
      let c0 = process.cpuUsage();
      await excelJsAlone(files);
      alone.push(performance.now() - t0);
      aloneCpu.push(cpuMs(process.cpuUsage(c0)));
      t0 = performance.now();
      c0 = process.cpuUsage();
      findings = await pipeline(files);
      piped.push(performance.now() - t0);
      pipedCpu.push(cpuMs(process.cpuUsage(c0)));
    }
    const a = Math.min(...alone);
    const p = Math.min(...piped);
    const ac = Math.min(...aloneCpu);
    const pc = Math.min(...pipedCpu);

    ensureCliBuilt();
    const bin = path.join(ROOT, "bin/jixiao-check.js");
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [bin, "--json", "--no-progress", dir], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const cliMs = performance.now() - t0;
    const cliFiles = res.stdout ? (JSON.parse(res.stdout) as { files: unknown[] }).files.length : 0;
    const startup = performance.now();
    spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8" });
    const startupMs = performance.now() - startup;

    const rows: (string | number)[][] = [
      ["ExcelJS 单独打开（xlsx.load）", a, a / count, 1, ac, 1],
      ["readXlsx + checkWorkbook（进程内）", p, p / count, p / a, pc, pc / ac],
      [
        `命令行 jixiao-check --json（1 次启动，退出码 ${res.status}）`,
        cliMs,
        cliMs / count,
        cliMs / a,
        "—",
        "—",
      ],
    ];
    return [
      {
        title: `批量：${count} 个工作簿（共 ${(bytes / 1024).toFixed(0)} KiB，${cliFiles} 张表，${findings} 个问题）`,
        headers: ["方式", "总耗时 ms", "ms/文件", "倍数", "CPU ms", "CPU 倍数"],
        rows,
        notes: [
          `倍数 = 相对 ExcelJS 单独打开同一批文件。进程内倍数 ${fmtNum(p / a)}（CPU ${fmtNum(pc / ac)}；目标 ≤ 1.25）。`,
          `命令行含 Node 启动与模块加载约 ${fmtNum(startupMs)} ms（jixiao-check --version 的耗时），且代码未经预热。`,
        ],
      },
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
