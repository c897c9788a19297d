/* global globalThis */
/**
 * Bench section `functions`: custom-function throughput on what one filled-in form recalculates —
 * 1 EXECRATE, 1 EXECSCORE, 20 INDSCORE on text targets ("≥95%", "4家", "≤27.6万元" …), 1 SUMSCORES
 * over 25 cells, 1 GRADE, 3 QUALCHECK and 2 CONTROLRATE = 29 calls — through the exports Excel calls
 * (src/functions/functions.ts), with a CustomFunctions stand-in installed.
 *
 * Baselines in the same run, same number of calls through the same kind of call site: a plain
 * arithmetic function (a / b rounded to 2 decimals) and JSON.parse of a tiny string. Ratios say
 * what one JX call costs against them.
 */
import { performance } from "node:perf_hooks";
import * as JX from "../../src/functions/functions";
import { type BenchTable, fmtInt, fmtNum } from "./table";

/** Minimal CustomFunctions global (Excel provides the real one); logic.ts throws its Error. */
function installCustomFunctionsStub(): void {
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };
}

type Call = () => unknown;

/** [target, actual, weight] of 20 quantitative indicators as people type them. */
const INDICATORS: [string, string | number, number][] = [
  ["≥95%", "98%", 5],
  ["4家", "4家", 4],
  ["≤27.6万元", "25.3万元", 3],
  ["≥100家", "96家", 2.5],
  ["100%", "100%", 3],
  ["≥90%", "87.5%", 2],
  ["≤5%", "4.2%", 2],
  ["≥6户", 6, 2],
  ["9月前", "8月", 2],
  ["≥30亿元", "31.2亿元", 3],
  ["≥1200人次", "1350人次", 2],
  ["40多家", "42家", 2],
  ["≤100万元", "98.6万元", 3],
  ["≥85%", "91%", 2],
  ["12个", "12个", 2],
  ["≥98%", "99.1%", 2],
  ["≤3天", "2天", 2],
  ["≥2项", "2项", 2],
  ["≥80分", "86分", 3],
  ["≥95%", 0.97, 3],
];

const QUALITATIVE: [string, number, number][] = [
  ["达成年度指标", 5, 5],
  ["部分达成年度指标并具有一定效果", 2, 4],
  ["达成年度指标", 3, 3],
];

/** One form's recalculation: 29 calls. Scores come back into SUMSCORES and GRADE as Excel would pass them. */
function formCalls(): Call[] {
  const scores: (number | string | null)[][] = [];
  const calls: Call[] = [
    () => JX.execRate(4.82, 6.7),
    () => JX.execScore(0.7194, 10),
    ...INDICATORS.map(
      ([t, a, w]) =>
        () =>
          JX.indScore(t, a, w),
    ),
    ...QUALITATIVE.map(
      ([r, s, w]) =>
        () =>
          JX.qualCheck(r, s, w),
    ),
    () => JX.controlRate(36.2, 40),
    () => JX.controlRate(12.5, 15),
  ];
  // SUMSCORES over 25 cells (scores, a blank, "/" and a header-like text, as a column holds them).
  for (let i = 0; i < 25; i++)
    scores.push([i === 7 ? null : i === 12 ? "/" : i === 20 ? "得分" : 1 + (i % 5) * 0.5]);
  calls.push(() => JX.sumScores(scores));
  calls.push(() => JX.grade(91.37));
  return calls;
}

/** Runs `calls` in rounds for at least minMs (after a warm-up); returns calls per second and a checksum. */
function throughput(calls: Call[], minMs = 400): { perSec: number; sink: number } {
  let sink = 0;
  const round = (): void => {
    for (let i = 0; i < calls.length; i++) {
      const v = calls[i]();
      sink += typeof v === "number" ? v : typeof v === "string" ? v.length : 1;
    }
  };
  for (let k = 0; k < 200; k++) round();
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let k = 0; k < 50; k++) round();
    n += 50 * calls.length;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return { perSec: (n / elapsed) * 1000, sink };
}

export async function benchFunctions(): Promise<BenchTable[]> {
  installCustomFunctionsStub();
  const mix = formCalls();
  // Every call of the mix must compute (a CustomFunctions.Error here would measure error paths).
  mix.forEach((c, i) => {
    try {
      c();
    } catch (e) {
      throw new Error(`自定义函数测试用例第 ${i + 1} 个调用出错：${String((e as Error).message ?? e)}`);
    }
  });
  const count = mix.length;
  const arith: Call[] = Array.from({ length: count }, (_, i) => {
    const a = 4.82 + i;
    const b = 6.7 + i;
    return () => Math.round((a / b) * 100) / 100;
  });
  const json: Call[] = Array.from({ length: count }, (_, i) => {
    const text = `{"v":${i}}`;
    return () => (JSON.parse(text) as { v: number }).v;
  });

  // Alternate and keep the best of three: steadier on a shared machine.
  const best = { mix: 0, arith: 0, json: 0 };
  for (let k = 0; k < 3; k++) {
    best.arith = Math.max(best.arith, throughput(arith).perSec);
    best.json = Math.max(best.json, throughput(json).perSec);
    best.mix = Math.max(best.mix, throughput(mix).perSec);
  }
  // Per-function figures of the mix, to see which one dominates.
  const byKind: [string, Call[]][] = [
    ["INDSCORE（文本目标值）", mix.slice(2, 22)],
    ["EXECRATE + EXECSCORE", mix.slice(0, 2)],
    ["QUALCHECK", mix.slice(22, 25)],
    ["SUMSCORES（25 格）", [mix[27]]],
    ["GRADE", [mix[28]]],
  ];
  const kindRows = byKind.map(([label, calls]) => {
    const r = throughput(calls, 200).perSec;
    return [label, fmtInt(r), `${fmtNum(1e6 / r)} µs`, `${fmtNum(best.arith / r)}×`];
  });

  const perForm = (best.mix / count) * 1; // forms per second
  return [
    {
      title: `自定义函数吞吐量（每张表 ${count} 次调用：EXECRATE、EXECSCORE、20×INDSCORE、3×QUALCHECK、2×CONTROLRATE、SUMSCORES 25 格、GRADE）`,
      headers: ["调用", "次/秒", "每次", "相对纯算术"],
      rows: [
        ["纯算术 a/b 取两位（基准）", fmtInt(best.arith), `${fmtNum(1e6 / best.arith)} µs`, "1×"],
        [
          "JSON.parse 小字符串（基准）",
          fmtInt(best.json),
          `${fmtNum(1e6 / best.json)} µs`,
          `${fmtNum(best.arith / best.json)}×`,
        ],
        [
          "JX 函数混合（上述一张表）",
          fmtInt(best.mix),
          `${fmtNum(1e6 / best.mix)} µs`,
          `${fmtNum(best.arith / best.mix)}×`,
        ],
        ...kindRows,
      ],
      notes: [
        `即每秒可重算约 ${fmtInt(perForm)} 张表；JX 混合每次调用约为 JSON.parse 小字符串的 ${fmtNum(best.json / best.mix)} 倍耗时。`,
        "“相对纯算术”= 同样次数下耗时是纯算术的多少倍。Excel 自身的调用开销（跨进程、批处理）不在此内。",
      ],
    },
  ];
}
