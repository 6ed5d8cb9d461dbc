/**
 * BREAKEVEN_AT and PROB_PROFIT_TARGET called by id from the BUILT bundle (dist/functions.js)
 * loaded with no DOM, with arguments shaped as Excel passes them; and the examples of
 * docs/examples/time-shift.json run through it.
 *
 * Expected values: the core (src/core/timeShift/), whose numbers are tested against a 200-bit
 * oracle, a seeded Monte Carlo and SPEC's limits in test/core/timeShift/; the adapter must pass
 * them through unchanged and word every error.
 */
import * as fs from "fs";
import * as path from "path";
import { breakevenAt } from "../../src/core/timeShift/breakevenAt";
import { probProfitTarget } from "../../src/core/timeShift/profitTarget";
import { expectExcelError, loadBundle, StubExcelError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const K = { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 };

describe("metadata", () => {
  test("both functions are declared with their help links and a matrix vol", () => {
    for (const id of ["BREAKEVEN_AT", "PROB_PROFIT_TARGET"]) {
      const meta = bundle.metadata.functions.find((f) => f.id === id) as unknown as {
        helpUrl: string;
        parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>;
      };
      expect(meta.helpUrl).toBe(`https://localhost:3000/functions.html#${id.toLowerCase()}`);
      expect(meta.parameters.find((p) => p.name === "vol")?.dimensionality).toBe("matrix");
      expect(meta.parameters.find((p) => p.name === "yield")?.optional).toBe(true);
    }
  });
});

describe("BREAKEVEN_AT", () => {
  test("a 1x2 row equal to the core's roots; a scalar or [[x]] vol, 4 vols as a row or a column", () => {
    const be = breakevenAt(K, 30, 10, 0.18, 0.045, 0.013);
    expect(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 30, 10, 0.18, 0.045, 0.013)).toEqual([[be.lower, be.upper]]);
    expect(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 30, 10, [[0.18]], 0.045, 0.013)).toEqual([[be.lower, be.upper]]);
    const skew = breakevenAt(K, 25, 20, [0.24, 0.2, 0.15, 0.14]);
    expect(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 25, 20, [[0.24, 0.2, 0.15, 0.14]], null, null)).toEqual([[skew.lower, skew.upper]]);
    expect(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 25, 20, [[0.24], [0.2], [0.15], [0.14]], "", "")).toEqual([[skew.lower, skew.upper]]);
  });

  test("#N/A in the cell of a side without a crossing, with the reason", () => {
    const row = call("BREAKEVEN_AT", 4800, 4900, 5100, 5150, 60, 10, [[0.18]], null, null) as unknown[][];
    expect(typeof row[0][0]).toBe("number");
    expectExcelError(row[0][1], "#N/A", "BREAKEVEN_AT", "no upper breakeven");
    const none = call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 0, 10, [[0.18]], null, null) as unknown[][];
    for (const c of none[0]) expectExcelError(c, "#N/A", "BREAKEVEN_AT", "below zero at every price");
  });

  test("bad input is #VALUE! naming the argument", () => {
    expectExcelError(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 30, null, [[0.18]], null, null), "#VALUE!", "BREAKEVEN_AT", "daysLeft is required");
    expectExcelError(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, 30, 10, [[0.18, 0.2]], null, null), "#VALUE!", "BREAKEVEN_AT", "vol must be one vol or four");
    expectExcelError(
      call(
        "BREAKEVEN_AT",
        4850,
        4900,
        5100,
        5150,
        30,
        10,
        [
          [0.2, 0.2],
          [0.2, 0.2],
        ],
        null,
        null,
      ),
      "#VALUE!",
      "BREAKEVEN_AT",
      "a 2x2 range",
    );
    expectExcelError(call("BREAKEVEN_AT", 4850, 4900, 5100, 5150, "30", 10, [[0.18]], null, null), "#VALUE!", "BREAKEVEN_AT", "credit must be a number");
    expectExcelError(
      call("BREAKEVEN_AT", 4850, 4900, 4800, 5150, 30, 10, [[0.18]], null, null),
      "#VALUE!",
      "BREAKEVEN_AT",
      "callShort must be at least putShort",
    );
  });
});

describe("PROB_PROFIT_TARGET", () => {
  test("the core's number; target omitted means 0.5, and an empty rate or yield means 0", () => {
    const p = probProfitTarget(5000, K, 30, 0.18, 25, 0.5);
    expect(call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18]], 25, null, null, null)).toBe(p);
    expect(call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, 0.18, 25, "", "", "")).toBe(p);
    expect(call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18]], 25, 0.5, 0, 0)).toBe(p);
  });

  test("a target outside (0, 1] is #VALUE! saying the rule and the value", () => {
    for (const t of [0, -0.5, 1.5]) {
      expectExcelError(
        call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18]], 25, t, null, null),
        "#VALUE!",
        "PROB_PROFIT_TARGET",
        "target must be",
        `got ${t}`,
      );
    }
    expectExcelError(
      call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18]], 25, "50%", null, null),
      "#VALUE!",
      "PROB_PROFIT_TARGET",
      "target must be a number",
    );
  });

  test("shapes and domains: vol count, days beyond ten years", () => {
    expectExcelError(
      call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18, 0.2, 0.2]], 25, null, null, null),
      "#VALUE!",
      "PROB_PROFIT_TARGET",
      "vol must be one vol or four",
    );
    expectExcelError(
      call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 4000, [[0.18]], 25, null, null, null),
      "#VALUE!",
      "PROB_PROFIT_TARGET",
      "days must be at most 3650",
    );
    expectExcelError(call("PROB_PROFIT_TARGET", 5000, 4850, 4900, 5100, 5150, 30, [[0.18]], -1, null, null, null), "#VALUE!", "PROB_PROFIT_TARGET", "credit");
  });
});

describe("docs/examples/time-shift.json through the bundle", () => {
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "docs", "examples", "time-shift.json"), "utf8")) as {
    examples: Array<{ function: string; args: unknown[]; result: unknown }>;
  };
  /** The function's value rounds to the digits printed (or is that Excel error). */
  const matches = (got: unknown, want: unknown): boolean => {
    if (typeof want === "string") return got instanceof StubExcelError && got.code === want;
    if (typeof want !== "number" || typeof got !== "number") return false;
    const decimals = (String(want).split(".")[1] ?? "").length;
    return Number(got.toFixed(decimals)) === want;
  };
  for (const ex of file.examples) {
    test(`${ex.function}(${JSON.stringify(ex.args)}) = ${JSON.stringify(ex.result)}`, () => {
      const got = call(ex.function, ...ex.args);
      if (Array.isArray(ex.result)) {
        const rows = ex.result as unknown[][];
        expect((got as unknown[][]).length).toBe(rows.length);
        rows.forEach((row, i) => row.forEach((want, j) => expect(matches((got as unknown[][])[i][j], want)).toBe(true)));
      } else {
        expect(matches(got, ex.result)).toBe(true);
      }
    });
  }
});
