/**
 * positionGreeks: the qty-weighted sum of BSM legs (SPEC.md, "Positions").
 *
 * Sources of the expected values:
 * - published single-option values (restated below from /work/shared/reference/published-cases.json:
 *   Hull, NAG s30ab, Haug via QuantLib), combined by hand into positions, within the published `tol`;
 * - put-call parity, derived by hand: long call + short put at one strike and expiry is a
 *   forward, worth S e^{-qT} - K e^{-rT} with delta e^{-qT} and no gamma, vega, vanna or vomma;
 * - CONDOR_GREEKS (core/condor.ts, another engineer's code) for the condor's four legs;
 * - the legs' own optionGreeks (core/bsm.ts), summed here one by one, for the aggregation itself.
 */
import fc from "fast-check";
import { GREEK_NAMES, optionGreeks, type Greeks } from "../../src/core/bsm";
import { condorGreeks } from "../../src/core/condor";
import { InputError } from "../../src/core/errors";
import { inRow, positionGreeks, type Leg } from "../../src/core/positions";
import { inputError } from "../helpers/errors";

// Restated from /work/shared/reference/published-cases.json (each entry keeps its source).
const HULL_CALL = {
  source: "Hull, Options Futures and Other Derivatives (example 'S=42,K=40'), also HP-12C manual p.201",
  spot: 42,
  strike: 40,
  days: 182.5,
  vol: 0.2,
  rate: 0.1,
  price: 4.76,
  tol: 0.005,
};
const HULL_PUT = { source: "Hull, same example", spot: 42, strike: 40, days: 182.5, vol: 0.2, rate: 0.1, price: 0.81, tol: 0.005 };
const NAG_PUT = {
  source: "NAG s30ab documentation (per-year greeks restated)",
  spot: 55,
  strike: 60,
  days: 255.5,
  vol: 0.3,
  rate: 0.1,
  yield: 0,
  greeks: { price: 6.0245, delta: -0.477, gamma: 0.0289, vega: 0.183273, theta: -0.0019217, rho: -0.225811, vanna: 0.002566, charm: -0.00058548 },
  tol: 0.0001,
};
const HAUG_DELTA = {
  source: "Haug via QuantLib europeanoption.cpp (delta)",
  spot: 105,
  strike: 100,
  days: 182.5,
  vol: 0.36,
  rate: 0.1,
  yield: 0.1,
  callDelta: 0.5946,
  putDelta: -0.3566,
  tol: 0.0001,
};

const leg = (kind: "call" | "put", strike: number, qty: number, days: number, vol: number): Leg => ({ kind, strike, qty, days, vol });

describe("positionGreeks against published values", () => {
  test("Hull's straddle (S=42, K=40, 6 months, 20%, r=10%): call 4.76 + put 0.81 = 5.57", () => {
    const [call, put] = [HULL_CALL, HULL_PUT];
    const g = positionGreeks([leg("call", 40, 1, call.days, call.vol), leg("put", 40, 1, put.days, put.vol)], 42, 0.1);
    expect(Math.abs(g.price - (call.price + put.price))).toBeLessThanOrEqual(call.tol + put.tol);
  });

  test("short 2 NAG s30ab puts: -2 x (price 6.0245, delta -0.477, vega 0.183273, theta -0.0019217, rho -0.225811, vanna 0.002566, charm -0.00058548)", () => {
    const nag = NAG_PUT;
    const g = positionGreeks([leg("put", nag.strike, -2, nag.days, nag.vol)], nag.spot, nag.rate, nag.yield);
    for (const [name, published] of Object.entries(nag.greeks) as Array<[keyof Greeks, number]>) {
      expect(Math.abs(g[name] - -2 * published)).toBeLessThanOrEqual(2 * nag.tol);
    }
  });

  test("Haug's call and put deltas (0.5946, -0.3566): long call + short put has delta 0.9512", () => {
    const h = HAUG_DELTA;
    const g = positionGreeks([leg("call", h.strike, 1, h.days, h.vol), leg("put", h.strike, -1, h.days, h.vol)], h.spot, h.rate, h.yield);
    expect(Math.abs(g.delta - (h.callDelta - h.putDelta))).toBeLessThanOrEqual(2 * h.tol);
  });
});

describe("positionGreeks: a synthetic forward (put-call parity, derived by hand)", () => {
  // S = 5000, K = 4900, 73 days (T = 0.2), r = 4%, q = 1.5%, vol 18% call / 25% put (vol cancels).
  const S = 5000,
    K = 4900,
    T = 0.2,
    r = 0.04,
    q = 0.015;
  const Dq = Math.exp(-q * T),
    Dr = Math.exp(-r * T);
  const g = positionGreeks([leg("call", K, 1, 73, 0.18), leg("put", K, -1, 73, 0.18)], S, r, q);

  test("value S e^{-qT} - K e^{-rT}, delta e^{-qT}", () => {
    const value = S * Dq - K * Dr; // 5000 e^{-0.003} - 4900 e^{-0.008} = 139.986...
    // Each leg's price carries ~S x 1e-16 absolute (the rounding of the forward times delta), so
    // the difference is good to ~1e-12; the audit measured 4.1e-13. (It was 1e-9 S = 5e-6.)
    expect(Math.abs(g.price - value)).toBeLessThanOrEqual(1e-15 * S);
    expect(Math.abs(g.delta - Dq)).toBeLessThanOrEqual(1e-14);
  });

  test("no gamma, vega, vanna or vomma (each leg's cancels the other's)", () => {
    for (const name of ["gamma", "vega", "vanna", "vomma"] as const) expect(Math.abs(g[name])).toBeLessThanOrEqual(1e-14);
  });

  test("theta (q S Dq - r K Dr)/365 per day, rho K T Dr / 100, charm q Dq / 365", () => {
    // d/dt of S e^{-q(T-t)} - K e^{-r(T-t)} = q S Dq - r K Dr per year; d/dr = K T Dr; d/dt of e^{-q(T-t)} = q Dq
    expect(Math.abs(g.theta - (q * S * Dq - r * K * Dr) / 365)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(g.rho - (K * T * Dr) / 100)).toBeLessThanOrEqual(1e-11);
    expect(Math.abs(g.charm - (q * Dq) / 365)).toBeLessThanOrEqual(1e-15);
  });
});

describe("positionGreeks: aggregation", () => {
  test("qty scales a leg (fractional allowed): 2.5 x the leg's own greeks", () => {
    const one = optionGreeks("call", 100, 105, 30, 0.25, 0.03, 0.01);
    const g = positionGreeks([leg("call", 105, 2.5, 30, 0.25)], 100, 0.03, 0.01);
    for (const name of GREEK_NAMES) expect(g[name]).toBe(2.5 * one[name]); // one product, no sum: exact
  });

  test("mixed expiries: a 30/60-day call calendar is the difference of its legs, long vega", () => {
    const near = optionGreeks("call", 5000, 5000, 30, 0.15);
    const far = optionGreeks("call", 5000, 5000, 60, 0.16);
    const g = positionGreeks([leg("call", 5000, -1, 30, 0.15), leg("call", 5000, 1, 60, 0.16)], 5000);
    for (const name of GREEK_NAMES) expect(g[name]).toBe(far[name] - near[name]); // two terms: one rounding, as here
    expect(g.vega).toBeGreaterThan(0);
  });

  test("a leg at expiry (days 0) contributes its intrinsic value: long 110 put at 100 is 10, delta -1", () => {
    const g = positionGreeks([leg("put", 110, 1, 0, 0.2)], 100);
    expect(g.price).toBe(10);
    expect(g.delta).toBe(-1);
    expect(g.vega).toBe(0);
  });

  test("offsetting legs cancel to exactly 0 (never -0); no legs gives zeros", () => {
    const g = positionGreeks([leg("call", 100, 1, 30, 0.2), leg("call", 100, -1, 30, 0.2)], 100);
    for (const name of GREEK_NAMES) expect(Object.is(g[name], 0)).toBe(true);
    const none = positionGreeks([], 100);
    for (const name of GREEK_NAMES) expect(Object.is(none[name], 0)).toBe(true);
  });

  test("5000 legs: compensated sums, equal to 1000 x the five-leg block within 2 ulps", () => {
    const block = [
      leg("put", 4800, 3, 10, 0.3),
      leg("put", 4900, -7, 17, 0.22),
      leg("call", 5100, -5, 24, 0.14),
      leg("call", 5200, 9, 31, 0.13),
      leg("call", 5000, 0.5, 45, 0.16),
    ];
    const legs = Array.from({ length: 1000 }, () => block).flat();
    const big = positionGreeks(legs, 5000, 0.04, 0.013);
    const small = positionGreeks(block, 5000, 0.04, 0.013);
    // The exact sum of 1000 copies is 1000 x the exact block sum; compensated summation keeps both
    // within an ulp or so of exact, so the ratio is 1000 to ~2 ulps (plain left-to-right summation drifts to ~3e-14 on these legs).
    for (const name of GREEK_NAMES) {
      expect(Math.abs(big[name] - 1000 * small[name])).toBeLessThanOrEqual(4.5e-16 * Math.abs(1000 * small[name]) + 1e-300);
    }
  });
});

describe("POSITION_GREEKS of a condor's four legs equals CONDOR_GREEKS (value = -credit)", () => {
  /** The legs of SPEC.md's short iron condor: +P putLong, -P putShort, -C callShort, +C callLong. */
  const condorLegs = (k: number[], days: number, v: number[]): Leg[] => [
    leg("put", k[0], 1, days, v[0]),
    leg("put", k[1], -1, days, v[1]),
    leg("call", k[2], -1, days, v[2]),
    leg("call", k[3], 1, days, v[3]),
  ];

  /** Largest |term| of the four legs' contributions, per output: the scale of the rounding. */
  function scale(spot: number, k: number[], days: number, v: number[], r: number, q: number): Greeks {
    const legs = [
      optionGreeks("put", spot, k[0], days, v[0], r, q),
      optionGreeks("put", spot, k[1], days, v[1], r, q),
      optionGreeks("call", spot, k[2], days, v[2], r, q),
      optionGreeks("call", spot, k[3], days, v[3], r, q),
    ];
    const out = {} as Greeks;
    for (const name of GREEK_NAMES) out[name] = Math.max(...legs.map((l) => Math.abs(l[name])));
    return out;
  }

  test("random condors (strikes, days incl. 0, flat or skewed vols, rate, yield)", () => {
    const arb = fc.record({
      spot: fc.double({ min: 500, max: 8000, noNaN: true }),
      gaps: fc.tuple(
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      ),
      days: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 400, noNaN: true })),
      vols: fc.tuple(
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      ),
      flat: fc.boolean(),
      rate: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
      yield_: fc.double({ min: 0, max: 0.05, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, ({ spot, gaps, days, vols, flat, rate, yield_ }) => {
        // strikes around spot: putShort = spot (1 + shift - gap1), putLong below it, callShort above, callLong above that
        const putShort = spot * (1 + gaps[3] * 0.5 - gaps[1] / 2);
        const k = [putShort * (1 - gaps[0]), putShort, putShort * (1 + gaps[1]), putShort * (1 + gaps[1]) * (1 + gaps[2])];
        const v = flat ? [vols[0], vols[0], vols[0], vols[0]] : vols;
        const pos = positionGreeks(condorLegs(k, days, v), spot, rate, yield_);
        const strikes = { putLong: k[0], putShort: k[1], callShort: k[2], callLong: k[3] };
        const condor = condorGreeks(spot, strikes, days, flat ? v[0] : (v as [number, number, number, number]), rate, yield_);
        const s = scale(spot, k, days, v, rate, yield_);
        // The greeks are sums of the same four rounded leg numbers, added in different orders: they
        // differ by at most ~3 roundings of the largest partial sum, i.e. 4 ulps of the largest term.
        // The credit prices a deep in-the-money spread by parity (other legs, same value): the two
        // agree to the legs' own accuracy, ~1e-13 relative each (bsm.ts optionPrice).
        return GREEK_NAMES.every((name) => {
          const want = name === "price" ? -condor.price : condor[name];
          const bar = name === "price" ? 1e-13 * 2 * s[name] : 4 * 2 ** -52 * 2 * s[name];
          return Math.abs(pos[name] - want) <= bar + 1e-300;
        });
      }),
      { numRuns: 400 },
    );
  });
});

describe("positionGreeks: bad input", () => {
  const good = leg("call", 100, 1, 30, 0.2);

  test("spot, rate and yield are checked once, by their own names", () => {
    expect(inputError(() => positionGreeks([good], 0)).message).toBe("spot must be a number greater than 0; got 0");
    expect(inputError(() => positionGreeks([good], 100, 5)).message).toBe("rate must be a decimal between -1 and 1 (enter 5% as 0.05); got 5");
    expect(inputError(() => positionGreeks([good], 100, 0, -2)).message).toBe("yield must be a decimal between -1 and 1 (enter 5% as 0.05); got -2");
  });

  test("a bad leg is named by its row (1-based) and field", () => {
    const e = (bad: Leg) => inputError(() => positionGreeks([good, bad], 100)).message;
    expect(e({ ...good, strike: -5 })).toBe("legs row 2 strike must be a number greater than 0; got -5");
    expect(e({ ...good, qty: Infinity })).toBe("legs row 2 qty must be a finite number; got Infinity");
    expect(e({ ...good, days: -1 })).toBe(
      "legs row 2 days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -1",
    );
    // An expiry date (serial 45000 = 2023-03-15) typed as a leg's days: the shared 100-year bound.
    expect(e({ ...good, days: 45000 })).toBe(
      "legs row 2 days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(e({ ...good, vol: 20 })).toBe("legs row 2 vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20");
    expect(e({ ...good, kind: "straddle" as never })).toBe('legs row 2 type must be C, CALL, P or PUT; got "straddle"');
    expect(e({ ...good, vol: 0, row: 7 })).toBe("legs row 7 vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 0");
  });

  test("inRow renames only InputErrors", () => {
    expect(
      inputError(() =>
        inRow("curve", 3, () => {
          throw new InputError("days", "must be a number greater than 0", 0);
        }),
      ).message,
    ).toBe("curve row 3 days must be a number greater than 0; got 0");
    expect(() =>
      inRow("curve", 3, () => {
        throw new RangeError("other");
      }),
    ).toThrow(RangeError);
  });
});
