/**
 * undiscountedBlack against an independent slow oracle: test/helpers/highPrecision.ts computes
 * F Phi(d1) - K Phi(d2) with ln, Phi and the subtraction all in BigInt fixed point (hundreds to
 * thousands of bits), so deep out-of-the-money prices are exact before the final rounding.
 *
 * Tolerances say how good the number is. The only rounding the core cannot avoid is that of
 * x = ln(F/K) (half an ulp of x; the quotient F/K is made exact, see lbr/logMoneyness.ts),
 * and a relative error dx/|x| in x moves a deep-wing price by h^2 dx/|x| (h = x/s, since
 * b ~ exp(-h^2/2)): so the bar is c * eps * (1 + h^2), with c = 8.
 */
import fc from "fast-check";
import { undiscountedBlack } from "../../src/core/black";
import { InputError } from "../../src/core/errors";
import { normalisedBlackOtm } from "../../src/core/lbr/normalisedBlack";
import { blackHP } from "../helpers/highPrecision";

const EPS = 2 ** -52;

function relErr(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

function bar(forward: number, strike: number, s: number): number {
  const h = Math.log(forward / strike) / s;
  return 8 * EPS * (1 + h * h);
}

type Case = [number, number, number];
// [F, K, s]: ATM, near ATM, every region of the normalised function, and deep wings whose
// prices run down to ~1e-300.
const CASES: Case[] = [
  [100, 100, 0.2],
  [100, 100, 1e-6],
  [100, 100.0001, 0.01],
  [5000, 4900, 0.05],
  [5000, 4500, 0.04],
  [5000, 5600, 0.03],
  [100, 130, 0.1],
  [100, 250, 0.1],
  [100, 300, 0.2],
  [100, 1000, 0.3],
  [100, 1e4, 0.5],
  [100, 1e4, 2],
  [100, 105, 0.0035],
  [1, 1.5, 0.03],
  [1, 20, 0.4],
  [1, 3, 0.42],
  [1, 1.1, 0.5],
  [100, 120, 1.7],
  [100, 100, 5],
  [100, 1e6, 8],
  [100, 90, 0.25],
  [100, 60, 0.05],
  [100, 2, 0.5],
];

describe("undiscountedBlack vs the high-precision oracle", () => {
  test.each(CASES)("call and put at F=%p K=%p s=%p", (F, K, s) => {
    for (const kind of ["call", "put"] as const) {
      const want = blackHP(F, K, s, kind);
      expect(want).toBeGreaterThan(0);
      expect(relErr(undiscountedBlack(F, K, s, kind), want)).toBeLessThan(bar(F, K, s));
    }
  });

  test("a far-wing call worth ~1e-200 of the forward is still right to the bar", () => {
    // h = x/s ~ -30: Phi(d1) and Phi(d2) both ~1e-200 and nearly equal; their difference is the price.
    const F = 1;
    const K = Math.exp(9);
    const s = 0.3;
    const want = blackHP(F, K, s, "call");
    expect(want).toBeLessThan(1e-190);
    expect(want).toBeGreaterThan(1e-220);
    expect(relErr(undiscountedBlack(F, K, s, "call"), want)).toBeLessThan(bar(F, K, s));
  });

  test("random out-of-the-money calls, |h| up to 25, s in [1e-3, 6]: within the bar", () => {
    fc.assert(
      fc.property(fc.double({ min: -25, max: 0, noNaN: true }), fc.double({ min: -3, max: Math.log10(6), noNaN: true }), (h, ls) => {
        const s = 10 ** ls;
        const K = 100 * Math.exp(-h * s);
        const want = blackHP(100, K, s, "call");
        if (!(want > 1e-290)) return true;
        return relErr(undiscountedBlack(100, K, s, "call"), want) < bar(100, K, s);
      }),
      { numRuns: 60 },
    );
  });
});

describe("undiscountedBlack properties", () => {
  test("put-call parity: C - P = F - K", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 1e-4, max: 5, noNaN: true }),
        (F, m, s) => {
          const K = F * m;
          const c = undiscountedBlack(F, K, s, "call");
          const p = undiscountedBlack(F, K, s, "put");
          // The two sides are sums of numbers up to max(F, K): a few ulps of that.
          return Math.abs(c - p - (F - K)) <= 4 * EPS * Math.max(F, K);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("bounds: intrinsic <= price <= F (call) / K (put), even where rounding presses on them; s = 0 is intrinsic", () => {
    expect(undiscountedBlack(110, 100, 0, "call")).toBe(10);
    expect(undiscountedBlack(110, 100, 0, "put")).toBe(0);
    expect(undiscountedBlack(90, 100, 0, "put")).toBe(10);
    // Once found by fast-check: the sum rounded 1.5 ulps above K before the clamp.
    expect(undiscountedBlack(1, 0.01000000000000002, 17.122626790028804, "put")).toBeLessThanOrEqual(0.01000000000000002);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 1e-6, max: 40, noNaN: true }), (K, s) => {
        const c = undiscountedBlack(1, K, s, "call");
        const p = undiscountedBlack(1, K, s, "put");
        return c >= Math.max(1 - K, 0) && c <= 1 && p >= Math.max(K - 1, 0) && p <= K;
      }),
      { numRuns: 500 },
    );
  });

  test("increasing in s (vega > 0) for an OTM call, down to tiny prices", () => {
    // From s = 0.05 (price ~1e-170; below ~0.04 it underflows to 0).
    let prev = 0;
    for (let s = 0.05; s < 3; s *= 1.05) {
      const v = undiscountedBlack(100, 400, s, "call");
      expect(v).toBeGreaterThan(prev);
      prev = v;
    }
  });

  test("normalisedBlackOtm(0, s) = 2 Phi(s/2) - 1 (at the money), e.g. s = 0.2", () => {
    // At the money b = 2 Phi(s/2) - 1; the oracle computes it as F Phi(d1) - K Phi(d2) with F = K = 1.
    expect(relErr(normalisedBlackOtm(0, 0.2), blackHP(1, 1, 0.2, "call"))).toBeLessThan(4 * EPS);
  });
});

describe("undiscountedBlack bad input", () => {
  test.each([
    [0, 100, 0.2, "call", /^forward must be a number greater than 0; got 0$/],
    [-5, 100, 0.2, "call", /^forward must be a number greater than 0; got -5$/],
    [100, NaN, 0.2, "call", /^strike must be a number greater than 0; got NaN$/],
    [100, 100, -0.1, "put", /^stdDev must be a number of 0 or more; got -0.1$/],
    [100, 100, Infinity, "put", /^stdDev must be a finite number; got Infinity$/],
    [100, 100, 0.2, "straddle", /^kind must be "call" or "put"; got "straddle"$/],
  ])("undiscountedBlack(%p, %p, %p, %p) throws InputError", (F, K, s, kind, message) => {
    expect(() => undiscountedBlack(F, K, s, kind as "call")).toThrow(InputError);
    expect(() => undiscountedBlack(F, K, s, kind as "call")).toThrow(message);
  });
});
