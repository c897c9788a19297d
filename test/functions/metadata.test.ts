/**
 * Metadata: the JSDoc in src/functions/functions.ts generates without errors, with the stable ids,
 * names and parameter types Excel will see; and src/functions/zh-cn.json translates every function
 * and parameter (and nothing else), so functions.zh-cn.json can be built.
 */
/* global require, __dirname */
import { beforeAll, describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const { localizeMetadata } = require("../../scripts/functions-metadata.js") as {
  localizeMetadata: (metadata: Metadata, table: Table, locale?: string) => Metadata;
};

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
interface Metadata {
  functions: Fn[];
}
type Table = Record<
  string,
  { name: string; description: string; parameters?: Record<string, { name: string; description: string }> }
>;

const ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS_TS = path.join(ROOT, "src/functions/functions.ts");
const ZH_TABLE = path.join(ROOT, "src/functions/zh-cn.json");

/** The ids and their parameters (name, type, optional) as the brief fixes them. */
const EXPECTED: Record<string, { params: string[]; result: string }> = {
  EXECRATE: { params: ["executed:any", "budget:any"], result: "number" },
  EXECSCORE: {
    params: ["rate:any", "weight:any", "rule:any?", "stepPercent:any?", "pointsPerStep:any?"],
    result: "number",
  },
  INDSCORE: {
    params: ["target:any", "actual:any", "weight:any", "direction:any?", "name:any?"],
    result: "number",
  },
  QUALCHECK: { params: ["result:any", "score:any", "weight:any"], result: "string" },
  DEDUCTION: { params: ["weight:any", "score:any"], result: "number" },
  GRADE: { params: ["total:any", "rule:any?"], result: "string" },
  CONTROLRATE: { params: ["actual:any", "budget:any"], result: "number" },
  CHANGERATE: { params: ["current:any", "previous:any"], result: "number" },
  RATIO: { params: ["numerator:any", "denominator:any"], result: "number" },
  STAFFRATE: { params: ["actualStaff:any", "authorised:any"], result: "number" },
  ADJUSTRATE: { params: ["adjustment:any", "initialBudget:any"], result: "number" },
  CARRYRATE: { params: ["carryover:any", "spendingBudget:any"], result: "number" },
  BUDGETCOMPLETION: {
    params: ["carryIn:any", "initial:any", "supplementary:any", "carryOut:any"],
    result: "number",
  },
  PARSEVALUE: { params: ["text:any", "partner:any?"], result: "number" },
  SUMSCORES: { params: ["scores:any[][]"], result: "number" },
};

/** The zh-CN names the brief asks for. */
const ZH_NAMES: Record<string, string> = {
  EXECRATE: "执行率",
  EXECSCORE: "执行率得分",
  INDSCORE: "指标得分",
  QUALCHECK: "定性得分检查",
  DEDUCTION: "扣减分数",
  GRADE: "评价等级",
  RATIO: "完成比率",
  CONTROLRATE: "控制率",
  CHANGERATE: "变动率",
  PARSEVALUE: "解析数值",
  SUMSCORES: "合计得分",
};

function signature(p: Param): string {
  return `${p.name}:${p.type}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`;
}

let metadata: Metadata;
let errors: string[];
let table: Table;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_TS]);
  errors = result.errors;
  metadata = JSON.parse(result.metadataJson) as Metadata;
  table = JSON.parse(fs.readFileSync(ZH_TABLE, "utf8")) as Table;
});

describe("generated functions.json (English)", () => {
  test("no JSDoc errors", () => {
    expect(errors).toEqual([]);
  });

  test("exactly the expected ids, in a stable set", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test("ids follow Excel's rules: A–Z, 0–9, _ and ., start with a letter, ≥ 3 characters", () => {
    for (const f of metadata.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  test("no id is one of Excel's own worksheet functions (a JX.RATE beside RATE confuses every reader)", () => {
    // Built-in names an id of ours could plausibly take (Excel function reference, financial,
    // statistical and math categories).
    const builtIn = ["RATE", "RANK", "ROUND", "SUM", "SUMIF", "RRI", "IRR", "NPV", "PV", "FV", "NPER"];
    builtIn.push(
      "PMT",
      "RECEIVED",
      "DISC",
      "INTRATE",
      "EFFECT",
      "NOMINAL",
      "PERCENTRANK",
      "PERCENTILE",
      "VALUE",
    );
    for (const f of metadata.functions) expect(builtIn).not.toContain(f.id);
  });

  test("English names equal the ids", () => {
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.entries(EXPECTED))("%s parameters and result type", (id, expected) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    expect(f.parameters.map(signature)).toEqual(expected.params);
    expect(f.result.type).toBe(expected.result);
    expect(f.description && f.description.length).toBeTruthy();
    for (const p of f.parameters) expect(p.description && p.description.length).toBeTruthy();
  });

  test("no streaming, volatile or address-requiring functions (pure, never write)", () => {
    for (const f of metadata.functions) {
      const o = f.options ?? {};
      expect(o.stream ?? false).toBe(false);
      expect(o.volatile ?? false).toBe(false);
      expect(o.requiresAddress ?? false).toBe(false);
    }
  });
});

describe("zh-CN translation table src/functions/zh-cn.json", () => {
  test("every id has a translation and every translation has an id", () => {
    expect(Object.keys(table).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });

  test("every parameter has a translation and every translated parameter exists", () => {
    for (const f of metadata.functions) {
      const tr = table[f.id];
      expect(Object.keys(tr.parameters ?? {}).sort()).toEqual(f.parameters.map((p) => p.name).sort());
      for (const p of Object.values(tr.parameters ?? {})) {
        expect(p.name.trim()).not.toBe("");
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  test("the Chinese names the brief fixes", () => {
    for (const [id, name] of Object.entries(ZH_NAMES)) expect(table[id].name).toBe(name);
  });

  test("names are Unicode letters only, Chinese, and distinct", () => {
    const names = Object.values(table).map((t) => t.name);
    for (const name of names) {
      expect(name).toMatch(/^\p{L}+$/u);
      // Excel: a function name starts with a letter and has at least three characters.
      expect(name.length).toBeGreaterThanOrEqual(3);
      expect(name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  test("descriptions are Chinese", () => {
    for (const t of Object.values(table)) expect(t.description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("localizeMetadata (the build's zh-CN overlay)", () => {
  test("overlays names and descriptions, keeps ids, types and options", () => {
    const zh = localizeMetadata(metadata, table);
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.name).toBe(table[f.id].name);
      expect(f.description).toBe(table[f.id].description);
      expect(f.result).toEqual(en.result);
      expect(f.options).toEqual(en.options);
      f.parameters.forEach((p, j) => {
        const enP = en.parameters[j];
        expect(p.name).toBe(table[f.id].parameters![enP.name].name);
        expect(p.type).toBe(enP.type);
        expect(p.optional).toBe(enP.optional);
        expect(p.dimensionality).toBe(enP.dimensionality);
      });
    });
    const execScore = zh.functions.find((f) => f.id === "EXECSCORE")!;
    expect(execScore.parameters.map((p) => p.name)).toEqual(["执行率", "分值", "规则", "步长", "每步扣分"]);
  });

  test("does not modify its input", () => {
    const before = JSON.stringify(metadata);
    localizeMetadata(metadata, table);
    expect(JSON.stringify(metadata)).toBe(before);
  });

  test("a function without a translation fails", () => {
    const partial = { ...table };
    delete partial.GRADE;
    expect(() => localizeMetadata(metadata, partial)).toThrow(/GRADE has no translation/);
  });

  test("a translation for an unknown id fails", () => {
    const extra = { ...table, NOSUCH: { name: "没有", description: "没有" } };
    expect(() => localizeMetadata(metadata, extra)).toThrow(/unknown function id NOSUCH/);
  });

  test("a missing or unknown parameter translation fails", () => {
    const missing = JSON.parse(JSON.stringify(table)) as Table;
    delete missing.EXECRATE.parameters!.budget;
    expect(() => localizeMetadata(metadata, missing)).toThrow(
      /EXECRATE: parameter budget has no translation/,
    );
    const unknown = JSON.parse(JSON.stringify(table)) as Table;
    unknown.EXECRATE.parameters!.nosuch = { name: "无", description: "无" };
    expect(() => localizeMetadata(metadata, unknown)).toThrow(/unknown parameter nosuch/);
  });

  test("an invalid or duplicate function name fails", () => {
    const bad = JSON.parse(JSON.stringify(table)) as Table;
    bad.GRADE.name = "等级 评定";
    expect(() => localizeMetadata(metadata, bad)).toThrow(/not a valid function name/);
    const dup = JSON.parse(JSON.stringify(table)) as Table;
    dup.GRADE.name = dup.DEDUCTION.name;
    expect(() => localizeMetadata(metadata, dup)).toThrow(/also used by/);
  });

  test("a name shorter than three characters or starting with _ fails", () => {
    for (const name of ["等级", "_评价等级"]) {
      const bad = JSON.parse(JSON.stringify(table)) as Table;
      bad.GRADE.name = name;
      expect(() => localizeMetadata(metadata, bad)).toThrow(/not a valid function name/);
    }
  });
});

describe("custom functions never touch the workbook", () => {
  test("functions.ts and logic.ts use no Excel/Office API (only CustomFunctions.Error)", () => {
    for (const file of ["src/functions/functions.ts", "src/functions/logic.ts"]) {
      const code = fs
        .readFileSync(path.join(ROOT, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect(code).not.toMatch(/\bExcel\s*\.|\bOffice\s*\.|RequestContext|context\.sync/);
      expect(code).not.toMatch(/from\s+["'](?:\.\.\/)+(?:excel|host|taskpane|ui)\b/);
    }
  });
});
