/**
 * Bench `core`, second table: locate + check time per form for each kind of form (src/core/kinds/) and
 * layout, against the department form — one form per workbook, no profile chosen (the automatic choice
 * included, as in a default run). Each form is the committed sample of its kind, and the same form grown
 * to 100 indicator rows (largeSpec's rows), so fixed costs and per-row costs both show.
 */
import type { Workbook } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/check";
import { buildStandardForm, type BuildOptions, type FormSpec } from "../../src/core/template";
import { kindSampleSpecs, largeSpec, sampleSpecs } from "../sample-specs";
import { type BenchTable, fmtNum, timeIt } from "./table";

interface KindCase {
  label: string;
  spec: FormSpec;
  options: BuildOptions;
}

function cases(): KindCase[] {
  const dept = sampleSpecs()[0];
  const out: KindCase[] = [{ label: "部门整体（正确填报示例）", spec: dept.spec, options: {} }];
  for (const s of kindSampleSpecs())
    out.push({ label: s.file.replace(/\.xlsx$/, ""), spec: s.spec, options: s.options });
  return out;
}

/** The same form with `n` indicator rows (largeSpec's rows and weights; its own header, budget and layout). */
function grown(spec: FormSpec, n: number): FormSpec {
  const big = largeSpec(n);
  return { ...spec, indicators: big.indicators, total: big.total };
}

async function perForm(spec: FormSpec, options: BuildOptions): Promise<{ ms: number; kind: string }> {
  const wb: Workbook = { sheets: [buildStandardForm(spec, options)] };
  let kind = "";
  const ms = await timeIt(
    () => {
      kind = checkWorkbook(wb)[0]?.form?.kind ?? "—";
    },
    200,
    500,
  );
  return { ms, kind };
}

export async function benchKinds(): Promise<BenchTable> {
  const rows: (string | number)[][] = [];
  let base: { small: number; large: number } | null = null;
  for (const c of cases()) {
    const small = await perForm(c.spec, c.options);
    const large = await perForm(grown(c.spec, 100), c.options);
    base ??= { small: small.ms, large: large.ms };
    rows.push([
      c.label,
      small.kind,
      small.ms,
      `${fmtNum(small.ms / base.small)}×`,
      large.ms,
      `${fmtNum(large.ms / base.large)}×`,
    ]);
  }
  return {
    title: "核心：各类表每张耗时（定位 + 检查，自动选择评分规则）",
    headers: ["表", "识别为", "样例 ms", "与部门整体之比", "100 行 ms", "与部门整体之比"],
    rows,
    notes: ["目标：每类表不超过部门整体表的 1.5 倍。"],
  };
}
