/**
 * Offline check of manifest.xml (`office-addin-manifest validate` needs the internet): it is
 * well-formed XML, every resid it uses is defined, the custom-functions namespace is SHIELD,
 * it asks for the shared runtime and ExcelApi 1.7, and every URL it names is a file the build emits.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { distDir } from "./helpers/bundle";

const xml = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
const DEV_ORIGIN = "https://localhost:3000/";

/** Every element of the parsed tree, depth first, with its tag name (namespace prefix removed). */
function* elements(node: unknown, tag = ""): Generator<{ tag: string; node: Record<string, unknown> }> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, tag);
  } else if (node && typeof node === "object") {
    yield { tag: tag.replace(/^.*:/, ""), node: node as Record<string, unknown> };
    for (const [key, child] of Object.entries(node)) if (!key.startsWith("@_")) yield* elements(child, key);
  }
}

describe("manifest.xml", () => {
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute }).parse(xml);
  const all = [...elements(parsed)];
  const resources = all.filter((e) => ["Image", "Url", "String"].includes(e.tag) && typeof e.node["@_id"] === "string");
  const defined = new Map(resources.map((e) => [e.node["@_id"] as string, e.node["@_DefaultValue"] as string]));

  test("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  test("defines every resid it uses, each once", () => {
    const used = all.map((e) => e.node["@_resid"]).filter((r): r is string => typeof r === "string");
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id)).toBe(true);
    const ids = resources.map((e) => e.node["@_id"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("registers custom functions under the SHIELD namespace", () => {
    const ns = all.find((e) => e.tag === "Namespace")?.node["@_resid"] as string;
    expect(defined.get(ns)).toBe("SHIELD");
  });

  test("asks for the shared runtime, long-lived, on the task pane page", () => {
    const set = all.find((e) => e.tag === "Set" && e.node["@_Name"] === "SharedRuntime");
    expect(set?.node["@_MinVersion"]).toBe("1.1");
    const runtime = all.find((e) => e.tag === "Runtime");
    expect(runtime?.node["@_lifetime"]).toBe("long");
    expect(defined.get(runtime?.node["@_resid"] as string)).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  test("requires ExcelApi 1.7 (the writer sets chart category names), beside the shared runtime", () => {
    const sets = all.filter((e) => e.tag === "Sets");
    expect(sets).toHaveLength(1);
    const declared = all.filter((e) => e.tag === "Set").map((e) => [e.node["@_Name"], e.node["@_MinVersion"]]);
    expect(declared).toEqual([
      ["SharedRuntime", "1.1"],
      ["ExcelApi", "1.7"],
    ]);
  });

  test("points the custom functions at functions.js, functions.json and taskpane.html", () => {
    expect(defined.get("Functions.Script.Url")).toBe(`${DEV_ORIGIN}functions.js`);
    expect(defined.get("Functions.Metadata.Url")).toBe(`${DEV_ORIGIN}functions.json`);
  });

  test("names only files that the build emits, all on the dev server's origin", () => {
    const urls = [
      ...resources.filter((e) => e.tag === "Url" || e.tag === "Image").map((e) => e.node["@_DefaultValue"] as string),
      ...all
        .filter((e) => ["IconUrl", "HighResolutionIconUrl", "SourceLocation", "SupportUrl"].includes(e.tag))
        .map((e) => e.node["@_DefaultValue"])
        .filter((v): v is string => typeof v === "string"),
    ];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith(DEV_ORIGIN)).toBe(true);
      const file = url.slice(DEV_ORIGIN.length);
      expect(fs.existsSync(path.join(distDir, file))).toBe(true);
    }
  });
});
