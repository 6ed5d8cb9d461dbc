/**
 * docs/examples/chain.json, run through the BUILT bundle: each example's function, called with
 * its args exactly as written, gives a value that ROUNDS to the digits the example prints (or
 * the Excel error it names). The printed values themselves come from Cboe's worked example
 * (published-cases.json "cboeVix", "cboeVixWhitePaper") or from hand computations in the notes.
 */
import * as fs from "fs";
import * as path from "path";
import { loadBundle, StubExcelError } from "../helpers/bundle";

interface Example {
  function: string;
  args: unknown[];
  result: unknown;
  note?: string;
}

const bundle = loadBundle();
const file = path.join(__dirname, "..", "..", "docs", "examples", "chain.json");
const examples = (JSON.parse(fs.readFileSync(file, "utf8")) as { examples: Example[] }).examples;

/** Digits after the decimal point of a printed number (as JSON wrote it). */
function decimals(x: number): number {
  const s = String(x);
  if (s.includes("e")) throw new Error(`print ${s} without an exponent`);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === "number") {
    return typeof actual === "number" && Math.abs(actual - expected) <= 0.5 * 10 ** -decimals(expected) * (1 + 1e-12);
  }
  if (typeof expected === "string") return actual instanceof StubExcelError && actual.code === expected;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches((actual as unknown[])[i], e));
  }
  return false;
}

describe("docs/examples/chain.json through the bundle", () => {
  test("covers every chain function", () => {
    const names = new Set(examples.map((e) => e.function));
    for (const id of ["IMPLIED_FORWARD", "CHAIN_VOLS", "SMILE_VOL", "VIX_VARIANCE", "VIX_INDEX"]) expect(names).toContain(id);
  });
  test.each(examples.map((e, i) => [i, e.function, e] as const))("example %i (%s) rounds to its printed result", (_i, _fn, e) => {
    const actual = bundle.call(e.function, ...e.args);
    if (!matches(actual, e.result)) throw new Error(`${e.function}: got ${JSON.stringify(actual)}, printed ${JSON.stringify(e.result)}`);
  });
});
