/** Printed grade bands (profiles/bands.ts): seed 004's 备注 line and other spellings. */
import { describe, expect, it } from "@jest/globals";
import { parsePrintedBands } from "../../src/core/profiles/bands";
import { BUILTIN_PROFILES, getProfile } from "../../src/core/profiles";
import { chooseProfileFrom } from "../../src/core/profiles/choose";

describe("parsePrintedBands", () => {
  it("seed 004's 备注 (line 350): 优 ≥ 90, 良 ≥ 80, 较差 ≥ 60, 差 ≥ 0 — the hunan profile's bands", () => {
    const bands = parsePrintedBands(
      "备注：90（含）—100分为优；80（含）—90分为良； 60（含）—80 分为较差；60分以下为差。",
    );
    expect(bands).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "较差", min: 60 },
      { label: "差", min: 0 },
    ]);
    expect(bands).toEqual(getProfile("hunan").grades.map((g) => ({ ...g })));
  });

  it("other spellings: 以上 / 不足, full-width digits, 中", () => {
    expect(
      parsePrintedBands("９０分（含）以上为优，８０－９０分为良，６０～８０分为中，不足６０分为差"),
    ).toEqual([
      { label: "优", min: 90 },
      { label: "良", min: 80 },
      { label: "中", min: 60 },
      { label: "差", min: 0 },
    ]);
  });

  it("different bounds are kept as printed (85 for 优)", () => {
    expect(parsePrintedBands("85分以上为优；70—85分为良；60—70分为中；60分以下为差")?.[0]).toEqual({
      label: "优",
      min: 85,
    });
  });

  it("quiet: a text that is not a band table gives null", () => {
    expect(parsePrintedBands("备注：详细评审评分见附件 2 市级预算部门整体支出绩效自评表")).toBeNull();
    expect(parsePrintedBands("评分：96 等级：优")).toBeNull();
    expect(parsePrintedBands("")).toBeNull();
    // One band only.
    expect(parsePrintedBands("90分以上为优")).toBeNull();
  });
});

describe("printed bands in the automatic choice (chooseProfileFrom)", () => {
  const none = { executionWeight: null, totalWeight: null, gradeLabel: null, bandsSource: "备注" };

  it("seed 004's bands with 较差 → hunan; the same bounds named 中 → national; reason names the 备注", () => {
    const hunan = parsePrintedBands(
      "90（含）—100分为优；80（含）—90分为良；60（含）—80分为较差；60分以下为差",
    );
    const c1 = chooseProfileFrom({ ...none, bands: hunan }, BUILTIN_PROFILES);
    expect([c1.profile.id, c1.fitted]).toEqual(["hunan", true]);
    expect(c1.reason).toContain("备注列出的等级划分");
    const national = parsePrintedBands(
      "90（含）—100分为优；80（含）—90分为良；60（含）—80分为中；60分以下为差",
    );
    // 中 is an alias of 较差 under hunan: both fit the bounds; the grade label is absent, so the default wins.
    expect(chooseProfileFrom({ ...none, bands: national }, BUILTIN_PROFILES).profile.id).toBe("hunan");
    expect(
      chooseProfileFrom({ ...none, bands: national, gradeLabel: "中" }, BUILTIN_PROFILES).profile.id,
    ).toBe("national");
  });

  it("bands no built-in has (优 from 85): no fit, the default", () => {
    const bands = parsePrintedBands("85分以上为优；70—85分为良；60—70分为中；60分以下为差");
    const c = chooseProfileFrom({ ...none, bands }, BUILTIN_PROFILES);
    expect([c.profile.id, c.fitted]).toEqual(["hunan", false]);
    expect(c.reason).toContain("与内置评分规则均不一致");
  });
});
