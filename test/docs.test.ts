/**
 * The function reference cannot drift: every example in docs/examples/*.json, called through the
 * BUILT bundle, gives the result it prints (to the digits printed); docs/functions.md is exactly
 * what scripts/docs.js writes from dist/functions.json and the examples now; every function has
 * a helpUrl whose anchor dist/functions.html (the build's rendering of the reference) defines,
 * and at least one example.
 */
import * as fs from "fs";
import * as path from "path";
import { distDir, loadBundle, StubExcelError } from "./helpers/bundle";

interface Num {
  raw: string;
  value: number;
}
interface Example {
  function: string;
  args: unknown[];
  result: unknown;
  note?: string;
}
interface ExampleFile {
  area: string;
  file: string;
  examples: Example[];
}
const docs = require("../scripts/docs.js") as {
  Num: new (raw: string) => Num;
  parseExamplesText(text: string): unknown;
  plain(value: unknown): unknown;
  loadExampleFiles(): ExampleFile[];
  formula(ex: Example): string;
  resultText(result: unknown): string;
  renderReference(metadata: unknown, files: ExampleFile[]): string;
  referencePath: string;
};

/** How far a value may be from a printed number: half a unit in its last printed digit, and never below 4 ulps. */
function printedTolerance(raw: string): number {
  const m = /^-?\d+(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!m) throw new Error(`not a number literal: ${raw}`);
  const decimals = m[1]?.length ?? 0;
  const exponent = m[2] ? Number(m[2]) : 0;
  return Math.max(0.5 * 10 ** (exponent - decimals), 4 * Number.EPSILON * Math.abs(Number(raw)));
}

/** Why `got` does not show as `want` (a Num, an error code, "" for a blank cell, or a 2-D array of those), or "" when it does. */
function mismatch(got: unknown, want: unknown, where = "result"): string {
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${where}: expected a ${want.length}-row range, got ${show(got)}`;
    if (got.length !== want.length) return `${where}: expected ${want.length} rows, got ${got.length}`;
    for (let r = 0; r < want.length; r++) {
      const wr = want[r] as unknown[];
      const gr = got[r] as unknown[];
      if (!Array.isArray(gr) || gr.length !== wr.length) return `${where}: row ${r + 1} should have ${wr.length} cells, got ${show(gr)}`;
      for (let c = 0; c < wr.length; c++) {
        const m = mismatch(gr[c], wr[c], `${where} row ${r + 1} column ${c + 1}`);
        if (m) return m;
      }
    }
    return "";
  }
  if (want instanceof docs.Num) {
    const value = Array.isArray(got) && got.length === 1 && Array.isArray(got[0]) && got[0].length === 1 ? got[0][0] : got;
    if (typeof value !== "number" || !Number.isFinite(value)) return `${where}: expected ${want.raw}, got ${show(value)}`;
    const tol = printedTolerance(want.raw);
    return Math.abs(value - want.value) <= tol ? "" : `${where}: expected ${want.raw} (within ${tol}), got ${value}`;
  }
  if (typeof want === "string" && want.startsWith("#")) {
    const value = Array.isArray(got) && got.length === 1 && Array.isArray(got[0]) && got[0].length === 1 ? got[0][0] : got;
    return value instanceof StubExcelError && value.code === want ? "" : `${where}: expected ${want}, got ${show(value)}`;
  }
  if (want === "") return got === "" || got === null ? "" : `${where}: expected a blank cell, got ${show(got)}`;
  if (typeof want === "string") return got === want ? "" : `${where}: expected the text ${JSON.stringify(want)}, got ${show(got)}`;
  return `${where}: the example's result ${JSON.stringify(want)} is not a number, an error code, a text, "" or a range`;
}

function show(value: unknown): string {
  if (value instanceof StubExcelError) return `${value.code} (${value.message})`;
  return JSON.stringify(value);
}

const files = docs.loadExampleFiles();
const examples = files.flatMap((f) => f.examples.map((ex, i) => ({ file: f.file, index: i + 1, ex })));

describe("docs/examples: reading the printed digits", () => {
  test("a number keeps its literal text, trailing zeros included", () => {
    const parsed = docs.parseExamplesText('{"a": [0.4770, -5.55e-17, 12, "text 1.5"]}') as { a: unknown[] };
    expect(parsed.a.slice(0, 3).map((n) => (n as Num).raw)).toEqual(["0.4770", "-5.55e-17", "12"]);
    expect(parsed.a[3]).toBe("text 1.5");
  });

  test("the tolerance is half a unit of the last printed digit (relative in exponent notation)", () => {
    expect(printedTolerance("0.4770")).toBeCloseTo(5e-5, 18);
    expect(printedTolerance("2.1397")).toBeCloseTo(5e-5, 18);
    expect(printedTolerance("5285")).toBe(0.5);
    expect(printedTolerance("-5.55e-17")).toBeCloseTo(5e-20, 30);
    // 2.1398, the README's old REALIZED_VOL value, is not sqrt(504) ln 1.1 = 2.13970823 to its digits.
    expect(Math.abs(Math.sqrt(504) * Math.log(1.1) - 2.1398)).toBeGreaterThan(printedTolerance("2.1398"));
  });

  test("formulas quote strings, leave omitted arguments empty and write ranges as array constants", () => {
    const ex = (args: unknown[]): Example => ({ function: "F", args, result: 0 });
    expect(docs.formula(ex(["C", new docs.Num("0.20"), null, new docs.Num("3"), null, null]))).toBe('=SHIELD.F("C", 0.20, , 3)');
    expect(
      docs.formula(
        ex([
          [
            [1, 2],
            [3, 4],
          ],
          'say "hi"',
        ]),
      ),
    ).toBe('=SHIELD.F({1,2;3,4}, "say ""hi""")');
    expect(docs.resultText([[new docs.Num("8.5704")]])).toBe("8.5704");
    expect(docs.resultText([["#N/A"], [new docs.Num("2")], [""]])).toBe("{#N/A;2;}");
  });
});

describe("every example in docs/examples gives its printed result through the built bundle", () => {
  const bundle = loadBundle();

  test("there are example files and examples", () => {
    expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["options.json", "condor.json", "hedge.json", "signals.json"]));
    expect(examples.length).toBeGreaterThan(50);
  });

  test.each(examples.map((e) => [`${e.file} #${e.index}: ${docs.formula(e.ex)} = ${docs.resultText(e.ex.result)}`, e] as const))("%s", (_name, e) => {
    const got = bundle.call(e.ex.function, ...(docs.plain(e.ex.args) as unknown[]));
    expect(mismatch(got, e.ex.result)).toBe("");
  });
});

describe("docs/functions.md", () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8")) as {
    functions: Array<{ id: string; helpUrl?: string }>;
  };

  test("is exactly what `npm run docs` writes from functions.json and docs/examples now", () => {
    const current = fs.readFileSync(docs.referencePath, "utf8");
    // On a mismatch: run `npm run build && npm run docs` and commit docs/functions.md.
    expect(current === docs.renderReference(metadata, files) ? "up to date" : "out of date: run `npm run build && npm run docs`").toBe("up to date");
  });

  test("every function in functions.json has a helpUrl pointing at its own section of functions.html", () => {
    const wrong = metadata.functions
      .filter((fn) => fn.helpUrl !== `https://localhost:3000/functions.html#${fn.id.toLowerCase()}`)
      .map((fn) => `${fn.id} (${fn.helpUrl ?? "no @helpurl in its JSDoc"})`);
    expect(wrong).toEqual([]);
  });

  test("dist/functions.html defines every helpUrl's anchor", () => {
    const html = fs.readFileSync(path.join(distDir, "functions.html"), "utf8");
    // The production build minifies the page: id="x" may be written id=x.
    const anchors = new Set([...html.matchAll(/<a\s+id="?([^"\s>]+)"?\s*>/g)].map((m) => m[1]));
    expect(anchors.size).toBeGreaterThan(0);
    const missing = metadata.functions.map((fn) => (fn.helpUrl ?? "").split("#")[1] ?? "").filter((anchor) => !anchors.has(anchor));
    expect(missing).toEqual([]);
  });

  test("every function in functions.json has at least one example in docs/examples", () => {
    const documented = new Set(examples.map((e) => e.ex.function));
    const without = metadata.functions.map((fn) => fn.id).filter((id) => !documented.has(id));
    // Add an example for each of these to docs/examples/<area>.json:
    expect(without.length === 0 ? "every function has an example" : `no example for: ${without.join(", ")}`).toBe("every function has an example");
  });
});
