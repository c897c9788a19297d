/**
 * XSD validation of an add-in only manifest with libxml2's validator (xmllint-wasm: libxml2 compiled
 * to WebAssembly, no native build, no network).
 *
 * The schemas in ./xsd are Microsoft's, byte for byte as published (source, commit and SHA-256 in
 * ./xsd/SOURCE.md; the test checks the hashes). They are the last XSDs Microsoft published in a
 * repository (OfficeDev/office-js-docs-pr, removed there in 2020 in favour of the open specification
 * [MS-OWEMXML] Appendix A, which is published only as web pages). Three things in them are out of date
 * or broken, so the validator gets a patched copy; each patch below says what and why, and must apply
 * exactly once (a changed file fails the test instead of being silently patched differently).
 */
/* global __dirname */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

export const XSD_DIR = path.join(__dirname, "xsd");
export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

export interface Patch {
  file: string;
  why: string;
  from: string | RegExp;
  to: string;
}

const TASKPANE_OVERRIDES_NS = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";

export const PATCHES: Patch[] = [
  ...[
    "OfficeAppManifestV1_1.xsd",
    "OfficeAppBasicTypesV1_0.xsd",
    "MailAppVersionOverridesV1_0.xsd",
    "MailAppVersionOverridesV1_1.xsd",
  ].map((file) => ({
    file,
    why:
      "office-js-docs-pr commit dfb4ee045 (2018, 'Fixed QA bugs') rewrote http:// to https:// in the XML Schema " +
      "namespace, which makes the file no schema at all; the namespace is http://www.w3.org/2001/XMLSchema",
    from: 'xmlns:xs="https://www.w3.org/2001/XMLSchema"',
    to: 'xmlns:xs="http://www.w3.org/2001/XMLSchema"',
  })),
  ...["OfficeAppManifestV1_1.xsd", "OfficeAppBasicTypesV1_0.xsd"].map((file) => ({
    file,
    why:
      "the version pattern ends in a .NET lazy quantifier '{0,3}?', which XML Schema regular expressions do not " +
      "have (libxml2 rejects the schema); a pattern must match the whole value, so dropping the '?' accepts the same versions",
    from: 'value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}?"',
    to: 'value="([0-9]{1,5})(\\.[0-9]{1,5}){0,3}"',
  })),
  {
    file: "OfficeAppManifestV1_1.xsd",
    why: "the same 2018 rewrite changed the XML-DSig namespace of the signature wildcards (3 places)",
    from: /namespace="https:\/\/www\.w3\.org\/2000\/09\/xmldsig#"/g,
    to: 'namespace="http://www.w3.org/2000/09/xmldsig#"',
  },
  {
    file: "TaskPaneAppVersionOverridesV1_0.xsd",
    why:
      "the 2019 file predates the shared runtime: [MS-OWEMXML] section 2.2 type Host " +
      "(learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/514d1f0e-5775-49cd-82ee-44ccbb02ade0) is " +
      '<xs:sequence><xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>' +
      '<xs:element name="AllFormFactors" type="AllFormFactors" minOccurs="0" maxOccurs="1"/></xs:sequence>',
    from: /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)\s*<xs:element name="AllFormFactors" type="FormFactor" minOccurs="0" maxOccurs="1" odoc:omit="true">[\s\S]*?<\/xs:element>/,
    to:
      '$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>' +
      '\n      <xs:element name="AllFormFactors" type="AllFormFactors" minOccurs="0" maxOccurs="1"/>',
  },
  {
    file: "TaskPaneAppVersionOverridesV1_0.xsd",
    why:
      "the types Runtimes ([MS-OWEMXML] 80264f46-1f56-4d04-926f-e3b3c7d1d005, verbatim) and Runtime (attributes as " +
      "the Runtime element reference gives them: resid required, lifetime short|long optional, default short)",
    from: '  <xs:complexType name="Host" abstract="true">',
    to:
      '  <xs:complexType name="Runtimes"> <xs:sequence minOccurs="1" maxOccurs="unbounded"> ' +
      '<xs:element name="Runtime" type="Runtime"/> </xs:sequence> </xs:complexType>\n' +
      '  <xs:complexType name="Runtime">\n' +
      '    <xs:attribute name="resid" type="bt:ShortString" use="required"/>\n' +
      '    <xs:attribute name="lifetime" use="optional" default="short">\n' +
      '      <xs:simpleType><xs:restriction base="xs:string">' +
      '<xs:enumeration value="short"/><xs:enumeration value="long"/></xs:restriction></xs:simpleType>\n' +
      "    </xs:attribute>\n" +
      "  </xs:complexType>\n\n" +
      '  <xs:complexType name="Host" abstract="true">',
  },
];

/**
 * OfficeAppManifestV1_1.xsd imports ContentAppVersionOverridesV1_0.xsd, which was never published in the
 * repository (content add-ins only; office-js-docs-pr commit 2d643c8a2 added the mail one "to fix broken
 * import in main XSD" but not this). A stand-in declares its one referenced element, VersionOverrides,
 * with any content: it is only reachable from <OfficeApp xsi:type="ContentApp">, never from ours.
 */
export const CONTENT_STUB = {
  fileName: "ContentAppVersionOverridesV1_0.xsd",
  contents:
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<xs:schema elementFormDefault="qualified" targetNamespace="http://schemas.microsoft.com/office/contentappversionoverrides" ' +
    'xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="VersionOverrides"/></xs:schema>\n',
};

function countMatches(text: string, from: string | RegExp): number {
  if (typeof from === "string") return text.split(from).length - 1;
  const re = new RegExp(from.source, from.flags.includes("g") ? from.flags : `${from.flags}g`);
  return [...text.matchAll(re)].length;
}

/** The published files with PATCHES applied; throws when a patch does not apply as expected. */
export function patchedSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(XSD_DIR).filter((n) => n.endsWith(".xsd"))) {
    files.set(f, fs.readFileSync(path.join(XSD_DIR, f), "utf8"));
  }
  for (const p of PATCHES) {
    const text = files.get(p.file);
    if (text === undefined) throw new Error(`patch target ${p.file} missing`);
    const n = countMatches(text, p.from);
    const expected = typeof p.from === "string" || !p.from.flags.includes("g") ? 1 : 3;
    if (n !== expected)
      throw new Error(`patch for ${p.file} matched ${n} times, expected ${expected}: ${p.why}`);
    files.set(p.file, text.replace(p.from, p.to));
  }
  // The overrides schema must now know the shared runtime's elements.
  const overrides = files.get("TaskPaneAppVersionOverridesV1_0.xsd")!;
  if (
    !overrides.includes(`targetNamespace="${TASKPANE_OVERRIDES_NS}"`) ||
    !/name="Runtimes"/.test(overrides)
  ) {
    throw new Error("TaskPaneAppVersionOverridesV1_0.xsd patch incomplete");
  }
  return files;
}

export interface SchemaResult {
  valid: boolean;
  errors: string[];
}

/** Validates a manifest's text against the (patched) published schemas. */
export async function validateManifest(xml: string, fileName = "manifest.xml"): Promise<SchemaResult> {
  const files = patchedSchemas();
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: { fileName: ROOT_SCHEMA, contents: files.get(ROOT_SCHEMA)! },
    preload: [
      ...[...files]
        .filter(([name]) => name !== ROOT_SCHEMA)
        .map(([name, contents]) => ({ fileName: name, contents })),
      CONTENT_STUB,
    ],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
