/**
 * Offline structural checks of manifest.xml (office-addin-manifest validate needs the network and
 * does not check resids). Rules from Office's docs: manifest-element-ordering.md,
 * configure-your-add-in-to-use-a-shared-runtime.md, localization.md, xml-manifest-overview.md.
 */
/* global __dirname */
import { describe, expect, test } from "@jest/globals";
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { MIN_EXCEL_API } from "../../src/excel/features";

const ROOT = path.resolve(__dirname, "../..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

function toNodes(raw: Raw[]): Node[] {
  const out: Node[] = [];
  for (const item of raw) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const kids = (item[name] as Raw[]) ?? [];
    const text = kids
      .filter((k) => "#text" in k)
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ name, attrs: (item[":@"] as Record<string, string>) ?? {}, children: toNodes(kids), text });
  }
  return out;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  preserveOrder: true,
  attributeNamePrefix: "",
  commentPropName: "#comment",
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});
const ROOT_NODE = toNodes(parser.parse(XML) as Raw[])[0];

function child(node: Node, name: string): Node {
  const hits = node.children.filter((c) => c.name === name);
  if (hits.length !== 1) throw new Error(`${node.name} has ${hits.length} <${name}> children`);
  return hits[0];
}

function walk(node: Node, visit: (n: Node, parents: Node[]) => void, parents: Node[] = []): void {
  visit(node, parents);
  for (const c of node.children) walk(c, visit, [...parents, node]);
}

function all(pred: (n: Node, parents: Node[]) => boolean): { node: Node; parents: Node[] }[] {
  const hits: { node: Node; parents: Node[] }[] = [];
  walk(ROOT_NODE, (n, parents) => {
    if (pred(n, parents)) hits.push({ node: n, parents });
  });
  return hits;
}

/** The children's names appear in `canonical` order (a subsequence) and include `required`. */
function expectOrder(node: Node, canonical: string[], required: string[] = canonical): void {
  const names = node.children.map((c) => c.name);
  for (const n of names) expect(canonical).toContain(n);
  const positions = names.map((n) => canonical.indexOf(n));
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] < positions[i - 1]) {
      throw new Error(`<${node.name}>: <${names[i]}> must come before <${names[i - 1]}>`);
    }
  }
  for (const r of required) expect(names).toContain(r);
}

const VO = child(ROOT_NODE, "VersionOverrides");
const HOST = child(child(VO, "Hosts"), "Host");
const RESOURCES = child(VO, "Resources");

function resources(kind: "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings"): Node[] {
  return child(RESOURCES, kind).children;
}

function resource(id: string): Node {
  const hits = RESOURCES.children.flatMap((g) => g.children).filter((r) => r.attrs.id === id);
  if (hits.length !== 1) throw new Error(`resource ${id} defined ${hits.length} times`);
  return hits[0];
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
  });

  test("is a TaskPaneApp with the Office namespaces", () => {
    expect(ROOT_NODE.name).toBe("OfficeApp");
    expect(ROOT_NODE.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(ROOT_NODE.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(ROOT_NODE.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    expect(VO.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(VO.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("Id is a GUID and not a template's", () => {
    const id = child(ROOT_NODE, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // Ids of the Office templates (Office-Addin-TaskPane*, Excel-Custom-Functions*).
    expect(id).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    expect(id).not.toBe("a124e7fc-e6b5-4c4a-8a2f-8a1b3bd1b5e5");
  });

  test("top-level elements in the schema's order", () => {
    expectOrder(
      ROOT_NODE,
      [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "AllowSnapshot",
        "Dictionary",
        "VersionOverrides",
        "ExtendedOverrides",
      ],
      [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ],
    );
  });

  test("Version is four-part, DefaultLocale en-US, host Workbook", () => {
    expect(child(ROOT_NODE, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(ROOT_NODE, "DefaultLocale").text).toBe("en-US");
    const hosts = child(ROOT_NODE, "Hosts").children;
    expect(hosts.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(HOST.attrs["xsi:type"]).toBe("Workbook");
  });

  test("base Requirements: ExcelApi 1.1 only, so every Excel with task panes lists the add-in", () => {
    // A host lacking a base set does not list the add-in at all ("Specify Office applications and API
    // requirements"), and then no page of ours can explain anything there.
    const sets = child(child(ROOT_NODE, "Requirements"), "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    expect(
      sets.children.map((s) => `${s.attrs.Name} ${s.attrs.MinVersion ?? sets.attrs.DefaultMinVersion}`),
    ).toEqual(["ExcelApi 1.1"]);
    // What the pane calls without a feature test is checked at run time instead (compat.js officeProblem).
    expect(MIN_EXCEL_API).not.toBe("1.1");
  });

  test("VersionOverrides' own Requirements: SharedRuntime 1.1, before the Hosts it governs", () => {
    const req = child(VO, "Requirements");
    expect(VO.children.map((c) => c.name).slice(0, 2)).toEqual(["Requirements", "Hosts"]);
    const sets = child(req, "bt:Sets");
    expect(
      sets.children.map((s) => [s.name, s.attrs.Name, s.attrs.MinVersion ?? sets.attrs.DefaultMinVersion]),
    ).toEqual([["bt:Set", "SharedRuntime", "1.1"]]);
    // No other requirement anywhere: the two lists above are all the manifest asks for.
    const allSets = all((n) => /(^|:)Set$/.test(n.name)).map(({ node }) => node.attrs.Name);
    expect(allSets.sort()).toEqual(["ExcelApi", "SharedRuntime"]);
  });

  test("the shared runtime, the custom functions and the ribbon button live only inside VersionOverrides", () => {
    for (const [what, pred] of [
      ["Runtimes", (n: Node) => n.name === "Runtimes"],
      ["CustomFunctions", (n: Node) => n.attrs["xsi:type"] === "CustomFunctions"],
      ["ribbon", (n: Node) => n.attrs["xsi:type"] === "PrimaryCommandSurface"],
      ["FunctionFile", (n: Node) => n.name === "FunctionFile"],
    ] as const) {
      const hits = all(pred);
      expect({ what, count: hits.length }).toEqual({ what, count: 1 });
      const [{ parents }] = hits;
      // OfficeApp > VersionOverrides > Hosts > Host ...
      expect({ what, path: parents.slice(0, 4).map((p) => p.name) }).toEqual({
        what,
        path: ["OfficeApp", "VersionOverrides", "Hosts", "Host"],
      });
    }
    // The base manifest keeps what every host gets: the plain task pane.
    expect(ROOT_NODE.children.filter((c) => c.name === "DefaultSettings")).toHaveLength(1);
  });

  test("SupportUrl and GetStarted's LearnMoreUrl open the help page that the build emits", () => {
    expect(child(ROOT_NODE, "SupportUrl").attrs.DefaultValue).toBe("https://localhost:3000/help.html");
    const learnMore = all((n) => n.name === "bt:Url" && n.attrs.id === "GetStarted.LearnMoreUrl");
    expect(learnMore.map(({ node }) => node.attrs.DefaultValue)).toEqual([
      "https://localhost:3000/help.html",
    ]);
    const webpack = fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");
    expect(webpack).toMatch(/filename: "help\.html", template: "\.\/src\/help\/help\.html"/);
    expect(fs.readFileSync(path.join(ROOT, "src/help/help.html"), "utf8")).toContain("帮助");
  });

  test("Permissions is exactly ReadWriteDocument", () => {
    expect(child(ROOT_NODE, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("DefaultSettings opens the task pane page", () => {
    expect(child(child(ROOT_NODE, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe(
      "https://localhost:3000/taskpane.html",
    );
  });

  test("DisplayName and Description have zh-cn overrides (Override without prefix at top level)", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = child(ROOT_NODE, name);
      expect(el.attrs.DefaultValue.length).toBeGreaterThan(0);
      const overrides = el.children.filter((c) => c.name === "Override");
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["zh-cn"]);
      expect(overrides[0].attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(child(child(ROOT_NODE, "DisplayName"), "Override").attrs.Value).toBe("绩效自评助手");
    // DisplayName ≤ 125, Description ≤ 250 (xml-manifest-overview.md)
    expect(child(ROOT_NODE, "DisplayName").attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(ROOT_NODE, "Description").attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  test("VersionOverrides, Host, Resources children in the schema's order", () => {
    expectOrder(
      VO,
      ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
      ["Hosts", "Resources"],
    );
    expect(HOST.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(RESOURCES.children.map((c) => c.name)).toEqual([
      "bt:Images",
      "bt:Urls",
      "bt:ShortStrings",
      "bt:LongStrings",
    ]);
    const desktop = child(HOST, "DesktopFormFactor");
    expect(desktop.children.map((c) => c.name)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expect(child(desktop, "GetStarted").children.map((c) => c.name)).toEqual([
      "Title",
      "Description",
      "LearnMoreUrl",
    ]);
  });

  test("CustomFunctions extension point: Script, Page, Metadata, Namespace", () => {
    const ep = child(child(HOST, "AllFormFactors"), "ExtensionPoint");
    expect(ep.attrs["xsi:type"]).toBe("CustomFunctions");
    expect(ep.children.map((c) => c.name)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(resource(child(child(ep, "Script"), "SourceLocation").attrs.resid).attrs.DefaultValue).toBe(
      "https://localhost:3000/functions.js",
    );
    expect(resource(child(child(ep, "Metadata"), "SourceLocation").attrs.resid).attrs.DefaultValue).toBe(
      "https://localhost:3000/functions.json",
    );
    expect(resource(child(ep, "Namespace").attrs.resid).attrs.DefaultValue).toBe("JX");
  });

  test("shared runtime: Runtime, CustomFunctions Page, FunctionFile and ShowTaskpane use one resid", () => {
    const runtime = child(child(HOST, "Runtimes"), "Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    const ep = child(child(HOST, "AllFormFactors"), "ExtensionPoint");
    const page = child(child(ep, "Page"), "SourceLocation").attrs.resid;
    const functionFile = child(child(HOST, "DesktopFormFactor"), "FunctionFile").attrs.resid;
    const actions = all((n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    const residSet = new Set([
      runtime.attrs.resid,
      page,
      functionFile,
      ...actions.map(({ node }) => child(node, "SourceLocation").attrs.resid),
    ]);
    expect([...residSet]).toEqual(["Taskpane.Url"]);
    expect(resource("Taskpane.Url").attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  test("no TaskpaneId under a long-lived runtime", () => {
    expect(all((n) => n.name === "TaskpaneId")).toEqual([]);
  });

  test("a Home-tab button opens the task pane", () => {
    const ep = child(child(HOST, "DesktopFormFactor"), "ExtensionPoint");
    expect(ep.attrs["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = child(ep, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = child(tab, "Group");
    expect(group.children.map((c) => c.name)).toEqual(["Label", "Icon", "Control"]);
    const control = child(group, "Control");
    expect(control.attrs["xsi:type"]).toBe("Button");
    expect(control.children.map((c) => c.name)).toEqual(["Label", "Supertip", "Icon", "Action"]);
    expect(child(control, "Supertip").children.map((c) => c.name)).toEqual(["Title", "Description"]);
    for (const icon of [child(group, "Icon"), child(control, "Icon")]) {
      expect(icon.children.map((c) => c.attrs.size)).toEqual(["16", "32", "80"]);
    }
  });

  test("every resid resolves to a resource of the right kind, ids unique, none unused", () => {
    const ids = RESOURCES.children.flatMap((g) => g.children.map((r) => r.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    const kindOf: Record<string, string> = {
      "bt:Image": "bt:Images",
      Label: "bt:ShortStrings",
      Title: "bt:ShortStrings",
      Namespace: "bt:ShortStrings",
      Description: "bt:LongStrings",
    };
    const used = new Set<string>();
    for (const { node } of all((n) => n.attrs.resid !== undefined)) {
      const r = resource(node.attrs.resid);
      used.add(node.attrs.resid);
      const group = RESOURCES.children.find((g) => g.children.includes(r))!.name;
      // Runtime, SourceLocation, FunctionFile, LearnMoreUrl → URLs
      expect(`${node.name} → ${group}`).toBe(`${node.name} → ${kindOf[node.name] ?? "bt:Urls"}`);
    }
    expect([...used].sort()).toEqual([...ids].sort());
  });

  test("overrides inside bt:Url/bt:String/bt:Image use the bt: prefix and locale zh-cn", () => {
    for (const r of RESOURCES.children.flatMap((g) => g.children)) {
      for (const c of r.children) {
        expect(c.name).toBe("bt:Override");
        expect(c.attrs.Locale).toBe("zh-cn");
      }
    }
  });

  test("functions metadata has a zh-cn override pointing at functions.zh-cn.json", () => {
    const url = resource("Functions.Metadata.Url");
    expect(url.name).toBe("bt:Url");
    expect(url.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value])).toEqual([
      ["bt:Override", "zh-cn", "https://localhost:3000/functions.zh-cn.json"],
    ]);
  });

  test("every bt:String has a zh-cn bt:Override", () => {
    for (const s of [...resources("bt:ShortStrings"), ...resources("bt:LongStrings")]) {
      const o = s.children.filter((c) => c.name === "bt:Override" && c.attrs.Locale === "zh-cn");
      expect(o).toHaveLength(1);
      if (s.attrs.id !== "Functions.Namespace") expect(o[0].attrs.Value).toMatch(/[\u4e00-\u9fff]/);
    }
    // The namespace is the same in every language.
    expect(child(resource("Functions.Namespace"), "bt:Override").attrs.Value).toBe("JX");
  });

  test("ShortStrings ≤ 125 and LongStrings ≤ 250 characters (default and overrides)", () => {
    const values = (s: Node) => [s.attrs.DefaultValue, ...s.children.map((c) => c.attrs.Value)];
    for (const s of resources("bt:ShortStrings"))
      for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(125);
    for (const s of resources("bt:LongStrings"))
      for (const v of values(s)) expect(v.length).toBeLessThanOrEqual(250);
  });

  test("all URLs are on https://localhost:3000/ (one origin, no CDN)", () => {
    const urls: string[] = [];
    walk(ROOT_NODE, (n) => {
      for (const k of ["DefaultValue", "Value"]) {
        const v = n.attrs[k];
        if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
  });

  test("the icons it names exist in assets/ with the stated sizes", () => {
    const urls = [
      child(ROOT_NODE, "IconUrl").attrs.DefaultValue,
      child(ROOT_NODE, "HighResolutionIconUrl").attrs.DefaultValue,
      ...resources("bt:Images").map((i) => i.attrs.DefaultValue),
    ];
    for (const u of urls) {
      const rel = u.replace("https://localhost:3000/", "");
      const png = fs.readFileSync(path.join(ROOT, rel));
      expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
      const size = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    // bt:Image ids say their size
    for (const i of resources("bt:Images")) {
      const [, w] = /^Icon\.(\d+)x\1$/.exec(i.attrs.id)!;
      expect(i.attrs.DefaultValue).toBe(`https://localhost:3000/assets/icon-${w}.png`);
    }
  });
});
