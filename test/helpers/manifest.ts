/** Reading an add-in manifest for the offline checks: every element, the resources, every URL. */
import { XMLParser } from "fast-xml-parser";

export interface Element {
  tag: string;
  node: Record<string, unknown>;
}

/** Every element of the parsed tree, depth first, with its tag name (namespace prefix removed). */
export function* elements(node: unknown, tag = ""): Generator<Element> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, tag);
  } else if (node && typeof node === "object") {
    yield { tag: tag.replace(/^.*:/, ""), node: node as Record<string, unknown> };
    for (const [key, child] of Object.entries(node)) if (!key.startsWith("@_")) yield* elements(child, key);
  }
}

export interface Manifest {
  all: Element[];
  /** bt:Image, bt:Url and bt:String resources by id. */
  defined: Map<string, string>;
  /** Every resid the manifest uses. */
  used: string[];
  /** Every URL: the Url and Image resources and the DefaultValue of the URL elements. */
  urls: string[];
  /** The <AppDomain> entries. */
  appDomains: string[];
  version: string;
}

export function readManifest(xml: string): Manifest {
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute }).parse(xml);
  const all = [...elements(parsed)];
  const resources = all.filter((e) => ["Image", "Url", "String"].includes(e.tag) && typeof e.node["@_id"] === "string");
  // Text-only elements parse to plain strings, not nodes: read them from the markup.
  const text = (tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => m[1].trim());
  return {
    all,
    defined: new Map(resources.map((e) => [e.node["@_id"] as string, e.node["@_DefaultValue"] as string])),
    used: all.map((e) => e.node["@_resid"]).filter((r): r is string => typeof r === "string"),
    urls: [
      ...resources.filter((e) => e.tag === "Url" || e.tag === "Image").map((e) => e.node["@_DefaultValue"] as string),
      ...all
        .filter((e) => ["IconUrl", "HighResolutionIconUrl", "SourceLocation", "SupportUrl"].includes(e.tag))
        .map((e) => e.node["@_DefaultValue"])
        .filter((v): v is string => typeof v === "string"),
    ],
    appDomains: text("AppDomain"),
    version: text("Version")[0] ?? "",
  };
}
