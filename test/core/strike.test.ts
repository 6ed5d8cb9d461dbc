/**
 * strikeForDelta: closed-form strikes checked against an independent evaluation (Python 3's
 * statistics.NormalDist.inv_cdf, values quoted below), round trips through optionGreeks' delta,
 * the grid rounding, and every error.
 */
import fc from "fast-check";
import { optionGreeks } from "../../src/core/bsm";
import { InputError, NoSolutionError } from "../../src/core/errors";
import { roundToGrid, strikeForDelta } from "../../src/core/strike";

describe("strikeForDelta against an independent evaluation", () => {
  // Expected values: K = spot exp((rate - yield) T - d1 sd + sd^2 / 2), d1 = +-inv_cdf(|delta| / e^{-yield T}),
  // computed in Python 3 with statistics.NormalDist().inv_cdf (its own AS241 code), printed with repr().
  const cases: Array<[string, "call" | "put", number, number, number, number, number, number, number]> = [
    ["16-delta put, SPX 30 days", "put", -0.16, 5000, 30, 0.2, 0, 0, 4730.643809765614],
    ["16-delta call, SPX 30 days", "call", 0.16, 5000, 30, 0.2, 0, 0, 5302.095876888401],
    ["25-delta call with rate and yield", "call", 0.25, 5000, 45, 0.15, 0.05, 0.015, 5210.040772794823],
    ["10-delta put given as +0.10", "put", 0.1, 5000, 45, 0.22, 0.05, 0.015, 4562.276570951394],
    ["50-delta call, one year", "call", 0.5, 100, 365, 0.3, 0.03, 0.01, 106.31339419349939],
  ];
  for (const [what, kind, delta, spot, days, vol, rate, yield_, expected] of cases) {
    test(what, () => {
      const k = strikeForDelta(kind, delta, spot, days, vol, rate, yield_);
      expect(Math.abs(k - expected)).toBeLessThanOrEqual(1e-12 * expected);
    });
  }

  test("a put's delta as -0.16 or 0.16 gives the same strike", () => {
    expect(strikeForDelta("put", -0.16, 5000, 30, 0.2, 0.04, 0.01)).toBe(strikeForDelta("put", 0.16, 5000, 30, 0.2, 0.04, 0.01));
  });
});

describe("round trips: the delta of the returned strike is the target (property)", () => {
  test("calls and puts, deltas 0.001 to 0.999 of e^{-yield T}", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"call" | "put">("call", "put"),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.boolean(),
        fc.double({ min: 10, max: 10000, noNaN: true }),
        fc.double({ min: 0.5, max: 1000, noNaN: true }),
        fc.double({ min: 0.02, max: 2, noNaN: true }),
        fc.double({ min: -0.05, max: 0.15, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        (kind, fraction, negative, spot, days, vol, rate, yield_) => {
          const Dq = Math.exp((-yield_ * days) / 365);
          const target = fraction * Dq * (kind === "put" && negative ? -1 : 1);
          const strike = strikeForDelta(kind, target, spot, days, vol, rate, yield_);
          const delta = optionGreeks(kind, spot, strike, days, vol, rate, yield_).delta;
          const signed = kind === "put" ? -Math.abs(target) : target;
          // 1e-12: the strike carries ~1 ulp, which moves d1 by ~1e-16 / (vol sqrt T) <= 1e-13 here.
          return Math.abs(delta - signed) <= 1e-12;
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("increment: the nearest listed strike", () => {
  test("rounds to the nearest multiple of the increment", () => {
    // 4730.64... -> 4730 on a 5-point grid; 5302.09... -> 5300; on a 25-point grid 4725 and 5300.
    expect(strikeForDelta("put", -0.16, 5000, 30, 0.2, 0, 0, 5)).toBe(4730);
    expect(strikeForDelta("call", 0.16, 5000, 30, 0.2, 0, 0, 5)).toBe(5300);
    expect(strikeForDelta("put", -0.16, 5000, 30, 0.2, 0, 0, 25)).toBe(4725);
    expect(strikeForDelta("call", 0.16, 5000, 30, 0.2, 0, 0, 25)).toBe(5300);
  });

  test("an exact tie goes to the smaller |delta|: up for a call, down for a put", () => {
    expect(roundToGrid(4732.5, 5, "call")).toBe(4735);
    expect(roundToGrid(4732.5, 5, "put")).toBe(4730);
    expect(roundToGrid(4732.4, 5, "call")).toBe(4730);
    expect(roundToGrid(4732.6, 5, "put")).toBe(4735);
  });

  test("a decimal increment gives a clean decimal strike", () => {
    expect(roundToGrid(0.31, 0.1, "call")).toBe(0.3);
    expect(roundToGrid(46.26, 0.5, "put")).toBe(46.5);
    expect(roundToGrid(12.3449, 0.05, "put")).toBe(12.35);
  });

  test("a nearest grid strike of 0 is NoSolutionError (#NUM!) naming the exact strike, never the increment", () => {
    // 1.2 / 5 = 0.24 rounds to 0: no listed strike on a 5 grid is near 1.2. (Before: 5.)
    expect(() => roundToGrid(1.2, 5, "put")).toThrow(NoSolutionError);
    expect(() => roundToGrid(1.2, 5, "put")).toThrow("no listed strike on a grid of 5 is near the exact strike 1.2");
    // A tie at half an increment: a call rounds up (to 5, listed), a put down (to 0: no solution).
    expect(roundToGrid(2.5, 5, "call")).toBe(5);
    expect(() => roundToGrid(2.5, 5, "put")).toThrow(NoSolutionError);
    // Just above half an increment the nearest strike is the increment itself, which is listed.
    expect(roundToGrid(2.6, 5, "put")).toBe(5);
  });

  test("an increment above about twice the exact strike: #NUM!, not the increment (review finding)", () => {
    // The exact 16-delta put is 4730.643809765614 (first table); on a 1e6 grid the nearest multiple
    // is 0 (4730.64 / 1e6 = 0.0047). Before the fix this returned 1000000.
    const f = () => strikeForDelta("put", -0.16, 5000, 30, 0.2, 0, 0, 1e6);
    expect(f).toThrow(NoSolutionError);
    expect(f).toThrow("no listed strike on a grid of 1000000 is near the exact strike 4730.64381");
    // 2 x 4730.64 = 9461.29: an increment of 9460 still rounds to one increment (9460), 9470 to 0.
    expect(strikeForDelta("put", -0.16, 5000, 30, 0.2, 0, 0, 9460)).toBe(9460);
    expect(() => strikeForDelta("put", -0.16, 5000, 30, 0.2, 0, 0, 9470)).toThrow(NoSolutionError);
  });
});

describe("a negative yield: deltas above 1 are reachable (|delta| < e^(-yield T))", () => {
  test("STRIKE_FOR_DELTA(C, 1.1, 5000, 3650, 0.2, 0, -0.05) is 7660.85 (failed before the fix: InputError 'between -1 and 1')", () => {
    // Python 3 (statistics.NormalDist): T = 10, Dq = e^{0.5}, d1 = inv_cdf(1.1 / Dq), sd = 0.2 sqrt(10),
    // K = 5000 exp(0.05 T - d1 sd + sd^2 / 2) = 7660.8457320440375.
    const k = strikeForDelta("call", 1.1, 5000, 3650, 0.2, 0, -0.05);
    expect(Math.abs(k - 7660.8457320440375) / 7660.8457320440375).toBeLessThan(1e-12);
    // And that strike's spot delta (e^{-yield T} N(d1)) is the target.
    expect(Math.abs(optionGreeks("call", 5000, k, 3650, 0.2, 0, -0.05).delta - 1.1)).toBeLessThan(1e-12);
  });

  test("a put's delta of -1.1 (or 1.1) is reachable too and round-trips", () => {
    const k = strikeForDelta("put", -1.1, 5000, 3650, 0.2, 0, -0.05);
    expect(strikeForDelta("put", 1.1, 5000, 3650, 0.2, 0, -0.05)).toBe(k);
    expect(Math.abs(optionGreeks("put", 5000, k, 3650, 0.2, 0, -0.05).delta + 1.1)).toBeLessThan(1e-12);
  });
});

describe("errors", () => {
  const noSolution: Array<[string, () => number, string]> = [
    ["delta 0", () => strikeForDelta("call", 0, 5000, 30, 0.2), "exactly 0"],
    ["a call delta of 1", () => strikeForDelta("call", 1, 5000, 30, 0.2), "e^(-yield T)"],
    ["a put delta of -1", () => strikeForDelta("put", -1, 5000, 30, 0.2), "e^(-yield T)"],
    // yield 0.05 over a year: e^{-0.05} = 0.9512, so no strike has a delta of 0.96.
    ["|delta| above e^{-yield T}", () => strikeForDelta("call", 0.96, 5000, 365, 0.2, 0, 0.05), "0.951229424500714"],
    ["a negative delta for a call", () => strikeForDelta("call", -0.16, 5000, 30, 0.2), "a put delta?"],
    ["days 0 (at expiry the delta is a step)", () => strikeForDelta("put", -0.16, 5000, 0, 0.2), "at expiry"],
    // 16 typed for 16 delta: beyond e^(-yield T) = 1, so no strike reaches it; the bound and the hint say so.
    [
      "delta 16 (a percent)",
      () => strikeForDelta("call", 16, 5000, 30, 0.2),
      "no strike reaches a delta of 16: |delta| stays below e^(-yield T) = 1 (16 delta is 0.16)",
    ],
    // yield -5% over 10 years: e^{0.5} = 1.6487212707001282 (Python math.exp(0.5)); 1.7 is beyond it.
    ["a delta above e^{-yield T} > 1 (negative yield)", () => strikeForDelta("call", 1.7, 5000, 3650, 0.2, 0, -0.05), "e^(-yield T) = 1.6487212707001282"],
  ];
  for (const [what, call, reason] of noSolution) {
    test(`${what} -> NoSolutionError (#NUM!) saying why`, () => {
      expect(call).toThrow(NoSolutionError);
      expect(call).toThrow(reason);
    });
  }

  const bad: Array<[string, () => number, string, string]> = [
    ["delta NaN", () => strikeForDelta("call", NaN, 5000, 30, 0.2), "delta must be a finite number", "got NaN"],
    ["delta Infinity", () => strikeForDelta("call", Infinity, 5000, 30, 0.2), "delta must be a finite number", "got Infinity"],
    ["spot 0", () => strikeForDelta("call", 0.16, 0, 30, 0.2), "spot", "got 0"],
    ["days negative", () => strikeForDelta("call", 0.16, 5000, -1, 0.2), "days", "got -1"],
    ["vol 0", () => strikeForDelta("call", 0.16, 5000, 30, 0), "vol", "got 0"],
    ["rate 5", () => strikeForDelta("call", 0.16, 5000, 30, 0.2, 5), "rate", "got 5"],
    ["yield 2", () => strikeForDelta("call", 0.16, 5000, 30, 0.2, 0, 2), "yield", "got 2"],
    ["increment 0", () => strikeForDelta("call", 0.16, 5000, 30, 0.2, 0, 0, 0), "increment must be a number greater than 0", "got 0"],
    ["increment negative", () => strikeForDelta("call", 0.16, 5000, 30, 0.2, 0, 0, -5), "increment", "got -5"],
    ["a kind that is not call or put", () => strikeForDelta("straddle" as "call", 0.16, 5000, 30, 0.2), "type", '"straddle"'],
  ];
  for (const [what, call, names, got] of bad) {
    test(`${what} -> InputError naming the argument and the value`, () => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(names);
      expect(call).toThrow(got);
    });
  }

  test("a strike beyond a double -> NoSolutionError, never Infinity", () => {
    // vol 5 over 36500 days (the 100-year bound): sd = 5 sqrt(36500 / 365) = 50, so
    // K = spot e^{sd^2 / 2} = spot e^{1250} overflows (a double ends near e^{709.8}).
    expect(() => strikeForDelta("call", 0.5, 5000, 36500, 5)).toThrow(NoSolutionError);
  });

  test("days above 100 years (an expiry date typed as days) -> InputError, as every days argument", () => {
    const f = () => strikeForDelta("put", -0.16, 5000, 45000, 0.2);
    expect(f).toThrow(InputError);
    expect(f).toThrow("days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000");
  });
});
