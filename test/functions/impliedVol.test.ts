/**
 * IMPLIED_VOL called by id from the BUILT bundle (dist/functions.js, or $SHIELD_DIST) loaded with
 * no DOM, with arguments shaped as Excel passes them: scalars, `null` for an omitted optional,
 * `""` or 0 for an empty cell, `[[x]]` for a scalar wrapped as a matrix, a 1-cell row or column.
 *
 * Expected values: ../shared/reference/published-cases.json (each case names its source); prices
 * fed in are computed with the core's accurate Black (tested against a BigInt oracle in
 * test/core/black.test.ts) at a known vol, which must come back.
 */
import published from "../fixtures/published-cases.json";
import { undiscountedBlack } from "../../src/core/black";
import { loadBundle, expectExcelError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (...args: unknown[]) => bundle.call("IMPLIED_VOL", ...args);

const expectError = (value: unknown, code: string, ...parts: string[]) => expectExcelError(value, code, "IMPLIED_VOL", ...parts);

/** The relative error of a 1x1 result (IMPLIED_VOL returns a matrix: it broadcasts over ranges). */
function relErr(got: unknown, want: number): number {
  expect(Array.isArray(got) && got.length === 1 && Array.isArray(got[0]) && got[0].length === 1).toBe(true);
  const v = (got as unknown[][])[0][0];
  expect(typeof v).toBe("number");
  return Math.abs((v as number) - want) / want;
}

/** A BSM price at `vol` (forward formed as the core forms it). */
function price(kind: "call" | "put", spot: number, strike: number, days: number, vol: number, rate = 0, yld = 0): number {
  const T = days / 365;
  const discount = Math.exp(-rate * T);
  const forward = (spot * Math.exp(-yld * T)) / discount;
  return discount * undiscountedBlack(forward, strike, vol * Math.sqrt(T), kind);
}

describe("IMPLIED_VOL metadata", () => {
  test("argument order and optional arguments as SPEC.md says", () => {
    const f = bundle.metadata.functions.find((g) => g.id === "IMPLIED_VOL")!;
    expect(f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))).toEqual(["type", "price", "spot", "strike", "days", "[rate]", "[yield]"]);
  });
});

describe("IMPLIED_VOL values", () => {
  test.each(published.impliedVol.map((c) => [c.source, c] as const))("published: %s", (_source, c) => {
    const got = call(c.type, c.price, c.spot, c.strike, c.days, c.rate, c.yield);
    expect(Math.abs((got as number) - c.vol)).toBeLessThanOrEqual(c.tol);
  });

  test("type as C, CALL, p, ' Put ' (any case, trimmed) and as [[text]]", () => {
    const p = price("put", 5000, 4800, 30, 0.22, 0.045, 0.013);
    for (const type of ["P", "put", " Put ", [["PUT"]]]) {
      expect(relErr(call(type, p, 5000, 4800, 30, 0.045, 0.013), 0.22)).toBeLessThan(1e-14);
    }
    const c = price("call", 5000, 5200, 30, 0.15);
    for (const type of ["C", "CALL", "call", [["c"]]]) expect(relErr(call(type, c, 5000, 5200, 30), 0.15)).toBeLessThan(1e-14);
  });

  test("omitted optionals: null, undefined, '' all mean rate = yield = 0", () => {
    const c = price("call", 100, 110, 45, 0.3);
    for (const omitted of [null, undefined, ""]) {
      expect(relErr(call("C", c, 100, 110, 45, omitted, omitted), 0.3)).toBeLessThan(1e-14);
    }
    expect(relErr(call("C", c, 100, 110, 45), 0.3)).toBeLessThan(1e-14);
    expect(relErr(call("C", c, 100, 110, 45, 0, 0), 0.3)).toBeLessThan(1e-14); // empty cell as 0
  });

  test("arguments wrapped as [[x]], as a 1-cell row [x] and a 1-cell column [[x]]", () => {
    const c = price("call", 5000, 5100, 7, 0.12, 0.05, 0.01);
    expect(relErr(call("C", [[c]], [[5000]], [[5100]], [[7]], [[0.05]], [[0.01]]), 0.12)).toBeLessThan(1e-14);
    expect(relErr(call("C", [c], [5000], [5100], [7], [0.05], [0.01]), 0.12)).toBeLessThan(1e-14);
  });

  test("deep wing and tiny prices: a 0DTE 10-sd put and a 1e-200 call", () => {
    const p = price("put", 5000, 5000 * Math.exp(-10 * 0.2 * Math.sqrt(0.5 / 365)), 0.5, 0.2);
    expect(relErr(call("P", p, 5000, 5000 * Math.exp(-10 * 0.2 * Math.sqrt(0.5 / 365)), 0.5), 0.2)).toBeLessThan(1e-14);
    const vol = (call("C", 1e-200, 100, 150, 30) as unknown[][])[0][0];
    expect(typeof vol).toBe("number");
    // Repricing multiplies the vol's error (<= 8 eps, test/core/impliedVol.test.ts) by the price's
    // elasticity to vol, ~h^2 = 2 ln(1/beta) ~ 930 here: 930 x 8 x 2.2e-16 = 1.65e-12.
    expect(Math.abs(undiscountedBlack(100, 150, (vol as number) * Math.sqrt(30 / 365), "call") - 1e-200) / 1e-200).toBeLessThan(1.7e-12);
  });
});

describe("IMPLIED_VOL errors", () => {
  test("#VALUE! for a missing, text or out-of-domain argument, naming it and the value", () => {
    expectError(call("X", 2, 100, 100, 30), "#VALUE!", "type must be C, CALL, P or PUT", '"X"');
    expectError(call(null, 2, 100, 100, 30), "#VALUE!", "type is required");
    expectError(call("C", null, 100, 100, 30), "#VALUE!", "price is required");
    expectError(call("C", "two", 100, 100, 30), "#VALUE!", "price must be a number", '"two"');
    expectError(call("C", -2, 100, 100, 30), "#VALUE!", "price must be a number greater than 0; got -2");
    expectError(call("C", 2, 0, 100, 30), "#VALUE!", "spot must be a number greater than 0; got 0");
    expectError(call("C", 2, 100, [[-5]], 30), "#VALUE!", "strike must be a number greater than 0; got -5");
    // An expiry date typed as days (its serial number, 45000 = 2023-03-15) would be a 123-year option.
    expectError(call("C", 2, 100, 100, 45000), "#VALUE!", "days must be calendar days to expiry, from 0 to 36500", "expiry - TODAY()", "got 45000");
    expectError(
      call("C", 2, 100, 100, -3),
      "#VALUE!",
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -3",
    );
    expectError(call("C", 2, 100, 100, 30, 5), "#VALUE!", "rate must be a decimal between -1 and 1", "got 5");
    expectError(call("C", 2, 100, 100, 30, 0, "x"), "#VALUE!", "yield must be a number", '"x"');
    // (A range where one cell belongs now broadcasts: test/functions/broadcast.test.ts.)
  });

  test("#NUM! at days = 0 (no time value to imply a vol from), as STRIKE_FOR_DELTA at days = 0", () => {
    // README: days = 0 is a valid number of days elsewhere in SHIELD, so this is no solution, not bad input.
    expectError(call("C", 2, 100, 100, 0), "#NUM!", "no volatility can be implied at expiry (days = 0)", "no time value to imply a vol from");
  });

  test("#NUM! for a price outside its no-arbitrage bounds, with the bound in the message", () => {
    expectError(call("C", 19, 120, 100, 30), "#NUM!", "price 19 is at or below the option's intrinsic value 20");
    expectError(call("C", 100, 100, 90, 30), "#NUM!", "price 100 is at or above its upper bound 100");
    expectError(call("P", 101, 100, 100, 30), "#NUM!", "price 101 is at or above its upper bound 100");
  });

  test("#NUM! where the double price carries no time value (the audit's put: 0.4096 before, for a price made at 0.0186)", () => {
    expectError(
      call("P", 3.726251398018312, 9.87263287823011, 13.599938117755649, 3.7770197064769353, 0.06097048125260643, 0.07367541517878572),
      "#NUM!",
      "the price carries no time value at double precision: quote the out-of-the-money option",
    );
  });
});
