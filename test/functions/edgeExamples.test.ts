/**
 * docs/examples/edge.json through the BUILT bundle: each example's value rounds to the digits
 * printed (or is the Excel error printed). Where each expected value comes from is in its note
 * and in the core tests named in docs/accuracy.md.
 */
import * as fs from "fs";
import * as path from "path";
import { loadBundle, StubExcelError } from "../helpers/bundle";

interface Example {
  function: string;
  args: unknown[];
  result: unknown;
}

const bundle = loadBundle();
const examples = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", "examples", "edge.json"), "utf8")) as { examples: Example[] }).examples;

/** True when `got` rounds to `want` as printed (its significant digits), or is the error code printed. */
function matches(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) {
    return Array.isArray(got) && got.length === want.length && want.every((row, i) => matches((got as unknown[])[i], row));
  }
  if (typeof want === "string") return got instanceof StubExcelError && got.code === want;
  if (typeof want !== "number" || typeof got !== "number") return false;
  if (want === 0) return got === 0;
  const digits = String(want).replace(/e.*$/, "").replace(/^-?0\.0*|[-.]/g, "").length;
  return Number(got.toPrecision(digits)) === want;
}

describe("docs/examples/edge.json: every example is what the built function returns", () => {
  test.each(examples.map((e) => [`${e.function}(${JSON.stringify(e.args)})`, e] as const))("%s", (_name, e) => {
    expect(matches(bundle.call(e.function, ...e.args), e.result)).toBe(true);
  });
});
