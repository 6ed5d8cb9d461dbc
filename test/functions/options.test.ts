/**
 * The one-leg option custom functions (OPTION, STRIKE_FOR_DELTA, PROB_BETWEEN, PROB_TOUCH,
 * EXPECTED_MOVE), called by id from the BUILT bundle (dist/functions.js, or $SHIELD_DIST) loaded
 * with no DOM, with arguments shaped as Excel passes them: scalars, `null` for an omitted optional,
 * `""` or 0 for an empty cell, `[[x]]` for a scalar wrapped as a matrix, a row or column range
 * where a single cell belongs.
 *
 * Expected values: ../shared/reference/published-cases.json (each case names its source), Python 3
 * (statistics.NormalDist, math) for the strikes and the expected move, quoted inline.
 */
import published from "../fixtures/published-cases.json";
import { loadBundle, expectExcelError as expectError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);

function near(actual: unknown, expected: number, tol: number): void {
  expect(typeof actual).toBe("number");
  if (!(Math.abs((actual as number) - expected) <= tol)) throw new Error(`got ${actual}, expected ${expected} +- ${tol}`);
}

/** A 1x1 matrix holding a number near `expected`. */
function cell(actual: unknown, expected: number, tol: number): void {
  expect(Array.isArray(actual)).toBe(true);
  const m = actual as unknown[][];
  expect(m.length).toBe(1);
  expect(m[0].length).toBe(1);
  near(m[0][0], expected, tol);
}

const byId = (id: string) => bundle.metadata.functions.find((f) => f.id === id)!;

describe("metadata", () => {
  test("argument order and optional arguments as SPEC.md says", () => {
    const sig = (id: string) => byId(id).parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(sig("OPTION")).toEqual(["type", "spot", "strike", "days", "vol", "[rate]", "[yield]", "[output]"]);
    expect(sig("STRIKE_FOR_DELTA")).toEqual(["type", "delta", "spot", "days", "vol", "[rate]", "[yield]", "[increment]"]);
    expect(sig("PROB_BETWEEN")).toEqual(["spot", "lower", "upper", "days", "vol", "[rate]", "[yield]"]);
    expect(sig("PROB_TOUCH")).toEqual(["spot", "level", "days", "vol", "[rate]", "[yield]"]);
    expect(sig("EXPECTED_MOVE")).toEqual(["spot", "vol", "days", "[stdevs]"]);
  });

  test("the broadcasting functions return a matrix (one cell, a 1x9 row for OPTION 'all', or the ranges' shape); EXPECTED_MOVE a number", () => {
    for (const id of ["OPTION", "STRIKE_FOR_DELTA", "PROB_BETWEEN", "PROB_TOUCH"]) {
      expect((byId(id) as unknown as { result: { dimensionality?: string } }).result.dimensionality).toBe("matrix");
    }
    for (const id of ["EXPECTED_MOVE"]) {
      expect((byId(id) as unknown as { result: { dimensionality?: string } }).result.dimensionality).toBeUndefined();
    }
  });
});

describe("OPTION", () => {
  test.each(published.options.map((c) => [c.source, c] as const))("published price: %s", (_source, c) => {
    cell(call("OPTION", c.type, c.spot, c.strike, c.days, c.vol, c.rate, c.yield, null), c.price, c.tol);
  });

  test('omitted optionals arrive as null; an empty cell as "" or 0; a scalar as [[x]]', () => {
    // Hull: S=42, K=40, 6 months, 20%, r=10%: call 4.76.
    cell(call("OPTION", "c", [[42]], 40, 182.5, 0.2, 0.1, null, null), 4.76, 0.005);
    cell(call("OPTION", "Call", 42, [[40]], 182.5, 0.2, 0.1, "", ""), 4.76, 0.005);
    cell(call("OPTION", [["CALL"]], 42, 40, 182.5, 0.2, 0.1, 0), 4.76, 0.005);
    // An empty output cell arriving as 0 means the default output, the price.
    cell(call("OPTION", "C", 42, 40, 182.5, 0.2, 0.1, 0, 0), 4.76, 0.005);
    cell(call("OPTION", "C", 42, 40, 182.5, 0.2, 0.1, null, [[""]]), 4.76, 0.005);
    // MATLAB blsprice with yield: the 7th argument is the yield.
    cell(call("OPTION", "C", 910, 980, 91.25, 0.25, 0.02, 0.025), 19.6863, 1e-4);
  });

  test("output by name, any case; 'all' is the 1x9 row in SPEC order (NAG s30ab values)", () => {
    const c = published.greeks.find((g) => g.source.startsWith("NAG"))!;
    cell(call("OPTION", c.type, c.spot, c.strike, c.days, c.vol, c.rate, null, "Delta"), c.delta!, c.tol);
    cell(call("OPTION", c.type, c.spot, c.strike, c.days, c.vol, c.rate, null, " GAMMA "), c.gamma!, c.tol);
    const all = call("OPTION", c.type, c.spot, c.strike, c.days, c.vol, c.rate, "", "all") as number[][];
    expect(all.length).toBe(1);
    expect(all[0].length).toBe(9);
    const [price, delta, gamma, theta, vega, rho, vanna, charm, vomma] = all[0];
    near(price, c.price!, c.tol);
    near(delta, c.delta!, c.tol);
    near(gamma, c.gamma!, c.tol);
    near(theta, c.theta!, c.tol);
    near(vega, c.vega!, c.tol);
    near(rho, c.rho!, c.tol);
    near(vanna, c.vanna!, c.tol);
    near(charm, c.charm!, c.tol);
    expect(Number.isFinite(vomma)).toBe(true);
    // Each single output is the same number as its place in the row.
    const names = ["price", "delta", "gamma", "theta", "vega", "rho", "vanna", "charm", "vomma"];
    names.forEach((name, j) => expect(call("OPTION", c.type, c.spot, c.strike, c.days, c.vol, c.rate, null, name)).toEqual([[all[0][j]]]));
  });

  test("days = 0: intrinsic value, delta a step (0.5 at the money)", () => {
    expect(call("OPTION", "P", 4990, 5000, 0, 0.2)).toEqual([[10]]);
    expect(call("OPTION", "C", 5000, 5000, 0, 0.2, null, null, "delta")).toEqual([[0.5]]);
  });

  test("bad input -> #VALUE! naming the function, the argument and the value", () => {
    expectError(call("OPTION", "X", 100, 100, 30, 0.2), "#VALUE!", "OPTION", "type must be C, CALL, P or PUT", 'got "X"');
    expectError(call("OPTION", null, 100, 100, 30, 0.2), "#VALUE!", "OPTION", "type is required");
    expectError(call("OPTION", "C", "abc", 100, 30, 0.2), "#VALUE!", "OPTION", "spot must be a number", 'got "abc"');
    expectError(call("OPTION", "C", 100, null, 30, 0.2), "#VALUE!", "OPTION", "strike is required");
    expectError(call("OPTION", "C", 100, 100, -1, 0.2), "#VALUE!", "OPTION", "days", "got -1");
    expectError(call("OPTION", "C", 100, 100, 30, 20), "#VALUE!", "OPTION", "vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20");
    expectError(call("OPTION", "C", 0, 100, 30, 0.2), "#VALUE!", "OPTION", "spot must be a number greater than 0; got 0");
    expectError(call("OPTION", "C", 100, 100, 30, 0.2, 5), "#VALUE!", "OPTION", "rate", "got 5");
    expectError(call("OPTION", "C", 100, 100, 30, 0.2, 0, "x"), "#VALUE!", "OPTION", "yield must be a number", 'got "x"');
    expectError(
      call("OPTION", "C", 100, 100, 30, 0.2, 0, 0, "gama"),
      "#VALUE!",
      "OPTION",
      "output must be one of price, delta, gamma, theta, vega, rho, vanna, charm, vomma or all",
      'got "gama"',
    );
    // (A row or column range where one cell belongs now broadcasts: test/functions/broadcast.test.ts.)
  });

  test("an expiry date typed as days (a date serial such as 45000 = 2023-03-15) -> #VALUE!, not a 123-year price", () => {
    // Review finding: OPTION("C",5000,5000,45000,0.2) priced a 123-year option. The shared days rule stops at 100 years.
    expectError(
      call("OPTION", "C", 5000, 5000, 45000, 0.2),
      "#VALUE!",
      "OPTION",
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expectError(call("OPTION", "C", 5000, 5000, 36501, 0.2, null, null, "delta"), "#VALUE!", "OPTION", "got 36501");
    // 36500 itself is in the domain: ATM, no carry, price = 5000 (2 N(1) - 1) = 5000 x 0.6826894921370859.
    cell(call("OPTION", "C", 5000, 5000, 36500, 0.2), 5000 * 0.6826894921370859, 1e-9 * 5000);
  });
});

describe("STRIKE_FOR_DELTA", () => {
  // Python 3: 5000 exp(-d1 sd + sd^2/2), d1 = -NormalDist().inv_cdf(0.16), sd = 0.2 sqrt(30/365).
  const PUT16 = 4730.643809765614;
  const CALL16 = 5302.095876888401;

  test("exact strike, a put's delta as -0.16 or 0.16", () => {
    cell(call("STRIKE_FOR_DELTA", "P", -0.16, 5000, 30, 0.2), PUT16, 1e-12 * PUT16);
    cell(call("STRIKE_FOR_DELTA", "put", [[0.16]], 5000, 30, 0.2, null, null, null), PUT16, 1e-12 * PUT16);
    cell(call("STRIKE_FOR_DELTA", "C", 0.16, 5000, 30, 0.2, "", "", ""), CALL16, 1e-12 * CALL16);
  });

  test("with an increment: the nearest listed strike", () => {
    expect(call("STRIKE_FOR_DELTA", "P", -0.16, 5000, 30, 0.2, null, null, 5)).toEqual([[4730]]);
    expect(call("STRIKE_FOR_DELTA", "C", 0.16, [[5000]], 30, 0.2, 0, 0, [[25]])).toEqual([[5300]]);
    // An empty increment cell arriving as 0 means no grid: the exact strike.
    cell(call("STRIKE_FOR_DELTA", "C", 0.16, 5000, 30, 0.2, 0, 0, 0), CALL16, 1e-12 * CALL16);
  });

  test("a delta no strike reaches -> #NUM! with the reason", () => {
    expectError(call("STRIKE_FOR_DELTA", "C", 0, 5000, 30, 0.2), "#NUM!", "STRIKE_FOR_DELTA", "delta of exactly 0");
    expectError(call("STRIKE_FOR_DELTA", "C", 0.97, 5000, 365, 0.2, 0, 0.05), "#NUM!", "STRIKE_FOR_DELTA", "e^(-yield T)");
    expectError(call("STRIKE_FOR_DELTA", "C", -0.16, 5000, 30, 0.2), "#NUM!", "STRIKE_FOR_DELTA", "a put delta?");
    expectError(call("STRIKE_FOR_DELTA", "P", -0.16, 5000, 0, 0.2), "#NUM!", "STRIKE_FOR_DELTA", "at expiry");
  });

  test("an increment whose nearest grid strike is 0 -> #NUM! naming the exact strike, not the increment", () => {
    // Review finding: this returned 1000000. The exact strike is PUT16 = 4730.64...; 4730.64 / 1e6 rounds to 0.
    expectError(
      call("STRIKE_FOR_DELTA", "P", -0.16, 5000, 30, 0.2, 0, 0, 1e6),
      "#NUM!",
      "STRIKE_FOR_DELTA",
      "no listed strike on a grid of 1000000 is near the exact strike 4730.64381",
    );
  });

  test("days above 100 years (an expiry date typed as days) -> #VALUE!", () => {
    expectError(
      call("STRIKE_FOR_DELTA", "P", -0.16, 5000, 45000, 0.2),
      "#VALUE!",
      "STRIKE_FOR_DELTA",
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
  });

  test("a delta beyond e^(-yield T) -> #NUM! naming the bound; above 1 with a negative yield it is reachable", () => {
    expectError(call("STRIKE_FOR_DELTA", "C", 16, 5000, 30, 0.2), "#NUM!", "no strike reaches a delta of 16: |delta| stays below e^(-yield T) = 1");
    // Python 3 (statistics.NormalDist), as in test/core/strike.test.ts: 7660.8457320440375.
    cell(call("STRIKE_FOR_DELTA", "C", 1.1, 5000, 3650, 0.2, 0, -0.05), 7660.8457320440375, 1e-12 * 7660.85);
  });

  test("bad input -> #VALUE! naming the function, the argument and the value", () => {
    expectError(
      call("STRIKE_FOR_DELTA", "C", 0.16, 5000, 30, 0.2, 0, 0, -5),
      "#VALUE!",
      "STRIKE_FOR_DELTA",
      "increment must be a number greater than 0; got -5",
    );
    expectError(call("STRIKE_FOR_DELTA", "straddle", 0.16, 5000, 30, 0.2), "#VALUE!", "STRIKE_FOR_DELTA", "type must be C, CALL, P or PUT", 'got "straddle"');
    expectError(call("STRIKE_FOR_DELTA", "C", null, 5000, 30, 0.2), "#VALUE!", "STRIKE_FOR_DELTA", "delta is required");
    expectError(call("STRIKE_FOR_DELTA", "C", 0.16, 5000, 30, 0), "#VALUE!", "STRIKE_FOR_DELTA", "vol", "got 0");
  });
});

describe("PROB_BETWEEN", () => {
  const between = published.probabilities.find((c) => c.kind === "between")!; // LibreOffice OPT_PROB_INMONEY(30;0.2;0.1;1;0;50) = 0.9844

  test("published value; lower 0 or empty = unbounded below", () => {
    cell(call("PROB_BETWEEN", between.spot, between.lower, between.upper, between.days, between.vol, between.rate, null), between.probability, between.tol);
    cell(call("PROB_BETWEEN", 30, null, 50, 365, 0.2, 0.1), between.probability, between.tol);
    cell(call("PROB_BETWEEN", 30, "", [[50]], 365, 0.2, 0.1, ""), between.probability, between.tol);
  });

  test('upper empty (null, "" or 0) = unbounded above: P(S_T > 50) = 1 - 0.9844', () => {
    for (const empty of [null, "", 0]) cell(call("PROB_BETWEEN", 30, 50, empty, 365, 0.2, 0.1), 1 - between.probability, between.tol);
  });

  test("bad input -> #VALUE! naming the function, the argument and the value", () => {
    expectError(call("PROB_BETWEEN", 30, 60, 50, 365, 0.2), "#VALUE!", "PROB_BETWEEN", "upper must be greater than lower (60); got 50");
    expectError(call("PROB_BETWEEN", 30, -1, 50, 365, 0.2), "#VALUE!", "PROB_BETWEEN", "lower", "got -1");
    expectError(call("PROB_BETWEEN", "thirty", 0, 50, 365, 0.2), "#VALUE!", "PROB_BETWEEN", "spot must be a number", 'got "thirty"');
    expectError(call("PROB_BETWEEN", 30, 0, 50, 365, 0), "#VALUE!", "PROB_BETWEEN", "vol", "got 0");
    expectError(call("PROB_BETWEEN", 30, 0, 50, null, 0.2), "#VALUE!", "PROB_BETWEEN", "days is required");
  });
});

describe("PROB_TOUCH", () => {
  test.each(published.probabilities.filter((c) => c.kind === "touch").map((c) => [c.source, c] as const))("published: %s", (_s, c) => {
    cell(call("PROB_TOUCH", c.spot, c.level, c.days, c.vol, c.rate, c.yield), c.probability, c.tol);
    cell(call("PROB_TOUCH", [[c.spot]], c.level, c.days, c.vol, [[c.rate]], null), c.probability, c.tol);
  });

  test("level = spot -> 1", () => {
    expect(call("PROB_TOUCH", 5000, 5000, 30, 0.2)).toEqual([[1]]);
  });

  test("bad input -> #VALUE! naming the function, the argument and the value", () => {
    expectError(call("PROB_TOUCH", 30, "", 365, 0.2), "#VALUE!", "PROB_TOUCH", "level is required");
    expectError(call("PROB_TOUCH", -30, 40, 365, 0.2), "#VALUE!", "PROB_TOUCH", "spot must be a number greater than 0; got -30");
    expectError(call("PROB_TOUCH", 30, 40, 365, 0.2, 0, 3), "#VALUE!", "PROB_TOUCH", "yield", "got 3");
  });
});

describe("EXPECTED_MOVE", () => {
  test("spot x vol x sqrt(days/365) x stdevs (Python 3: 5000*0.16*math.sqrt(30/365) = 229.35287163239835)", () => {
    near(call("EXPECTED_MOVE", 5000, 0.16, 30), 229.35287163239835, 1e-12);
    near(call("EXPECTED_MOVE", [[5000]], 0.16, 30, null), 229.35287163239835, 1e-12);
    near(call("EXPECTED_MOVE", 100, 0.25, 7, 2), 6.924247647178143, 1e-13); // Python: 100*0.25*math.sqrt(7/365)*2
  });

  test("bad input -> #VALUE!", () => {
    expectError(call("EXPECTED_MOVE", 5000, 16, 30), "#VALUE!", "EXPECTED_MOVE", "vol", "got 16");
    expectError(call("EXPECTED_MOVE", 5000, 0.16, 30, -1), "#VALUE!", "EXPECTED_MOVE", "stdevs", "got -1");
  });
});
