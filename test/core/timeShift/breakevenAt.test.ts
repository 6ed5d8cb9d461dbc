/**
 * BREAKEVEN_AT, the time-shifted breakevens (src/core/timeShift/breakevenAt.ts).
 *
 * Where the expected values come from:
 * - The definition: CONDOR_PAYOFF's P/L (condor.ts condorPayoff) must change sign between the
 *   returned root and a neighbouring double (it is solved to adjacent doubles), and be ~0 there.
 * - An exact oracle: with rate = yield = 0 the P/L is credit minus four undiscounted Black prices,
 *   evaluated in 200-bit fixed point by test/helpers/highPrecision.ts blackHP (no code shared
 *   with src/core): the exact P/L changes sign within a few ulps of the returned root.
 * - BREAKEVEN at daysLeft = 0 (SPEC: "equals BREAKEVEN at daysLeft = 0"), and the limits of the
 *   P/L at S -> 0 and S -> infinity, credit - (wing width) e^{-rate T}, for the no-crossing sides.
 */
import { breakevens, condorPayoff, type CondorStrikes, type CondorVols } from "../../../src/core/condor";
import { breakevenAt } from "../../../src/core/timeShift/breakevenAt";
import { inputError } from "../../helpers/errors";
import { blackHP } from "../../helpers/highPrecision";

const K: CondorStrikes = { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 };
const SKEW: [number, number, number, number] = [0.24, 0.2, 0.15, 0.14];

function neighbour(x: number, dir: 1 | -1): number {
  const a = new Float64Array([x]);
  const bits = new BigInt64Array(a.buffer);
  bits[0] += BigInt(dir);
  return a[0];
}

const cases: Array<{ label: string; credit: number; days: number; vol: CondorVols; rate: number; yld: number }> = [
  { label: "flat vol, 10 days left", credit: 30, days: 10, vol: 0.18, rate: 0.045, yld: 0.013 },
  { label: "flat vol, 1 day left", credit: 30, days: 1, vol: 0.18, rate: 0.045, yld: 0.013 },
  { label: "flat vol, 44 days left, no carry", credit: 36, days: 44, vol: 0.18, rate: 0, yld: 0 },
  { label: "4 vols (skew), 20 days left", credit: 25, days: 20, vol: SKEW, rate: 0.04, yld: 0.01 },
  { label: "4 vols, 0.25 days left", credit: 12, days: 0.25, vol: SKEW, rate: 0.04, yld: 0.01 },
  { label: "4 equal vols, 5 days left", credit: 28, days: 5, vol: [0.3, 0.3, 0.3, 0.3], rate: -0.01, yld: 0 },
];

describe("the roots are zeros of CONDOR_PAYOFF's P/L to full double precision", () => {
  for (const c of cases) {
    test(`${c.label}: the P/L changes sign at an adjacent double, the lower root below the middle of the shorts and the upper above`, () => {
      const be = breakevenAt(K, c.credit, c.days, c.vol, c.rate, c.yld);
      const pl = (s: number) => condorPayoff(K, c.credit, [s], c.days, c.vol, c.rate, c.yld)[0];
      const middle = (K.putShort + K.callShort) / 2;
      expect(be.lower).not.toBeNull();
      expect(be.upper).not.toBeNull();
      expect(be.lower as number).toBeLessThan(middle);
      expect(be.upper as number).toBeGreaterThan(middle);
      for (const [root, outward] of [
        [be.lower as number, -1],
        [be.upper as number, 1],
      ] as Array<[number, 1 | -1]>) {
        // The loss side is outward (away from the middle): P/L < 0 there, >= 0 toward the middle.
        const here = pl(root);
        expect(Math.abs(here)).toBeLessThan(1e-11);
        if (here >= 0) expect(pl(neighbour(root, outward))).toBeLessThan(0);
        else expect(pl(neighbour(root, -outward as 1 | -1))).toBeGreaterThanOrEqual(0);
      }
    });
  }

  // The oracle's four prices are each rounded to a double before they are summed (~1e-13), and the
  // P/L's slope here is ~0.03 per point, so the oracle itself only locates the root to ~5 ulps:
  // 64 ulps (6e-11 points) is a sign change it resolves, and still the root's 15th digit.
  test("the exact P/L (200-bit oracle, rate = yield = 0) changes sign within 64 ulps of each root", () => {
    const credit = 34;
    const days = 44;
    const vols: [number, number, number, number] = [0.2, 0.19, 0.16, 0.15];
    const sd = vols.map((v) => v * Math.sqrt(days / 365));
    const exact = (s: number) =>
      credit -
      (blackHP(s, K.putShort, sd[1], "put") -
        blackHP(s, K.putLong, sd[0], "put") +
        blackHP(s, K.callShort, sd[2], "call") -
        blackHP(s, K.callLong, sd[3], "call"));
    const be = breakevenAt(K, credit, days, vols);
    for (const root of [be.lower as number, be.upper as number]) {
      let below = root;
      let above = root;
      for (let i = 0; i < 64; i++) {
        below = neighbour(below, -1);
        above = neighbour(above, 1);
      }
      expect(Math.sign(exact(below)) * Math.sign(exact(above))).toBe(-1);
    }
  });
});

describe("at expiry and near it", () => {
  test("daysLeft = 0 equals BREAKEVEN exactly, #N/A sides included", () => {
    for (const credit of [0, 12.5, 30, 49.99, 50, 70]) {
      expect(breakevenAt(K, credit, 0, 0.18, 0.05, 0.01)).toEqual(breakevens(K, credit));
      expect(breakevenAt(K, credit, 0, SKEW)).toEqual(breakevens(K, credit));
    }
  });

  test("a millionth of a day before expiry the roots are within a cent of BREAKEVEN's", () => {
    const be = breakevenAt(K, 30, 1e-6, 0.18);
    expect(Math.abs((be.lower as number) - 4870)).toBeLessThan(0.01);
    expect(Math.abs((be.upper as number) - 5130)).toBeLessThan(0.01);
  });
});

describe("sides with no crossing", () => {
  test("credit 0: the buy-back cost is > 0 everywhere before expiry, so the P/L is below zero everywhere: both null", () => {
    expect(breakevenAt(K, 0, 10, 0.18)).toEqual({ lower: null, upper: null });
  });

  test("a credit at least the discounted width of a wing: that side never loses", () => {
    const wide: CondorStrikes = { putLong: 4800, putShort: 4900, callShort: 5100, callLong: 5150 };
    // Call wing 50, put wing 100: a 60 credit covers the call side only.
    const be = breakevenAt(wide, 60, 10, 0.18);
    expect(be.upper).toBeNull();
    expect(be.lower).not.toBeNull();
    expect(condorPayoff(wide, 60, [be.lower as number], 10, 0.18)[0]).toBeCloseTo(0, 10);
    expect(breakevenAt(K, 50, 10, 0.18)).toEqual({ lower: null, upper: null });
  });

  test("a credit just below the width, but above it discounted at a negative rate... and above it discounted at a positive rate: the limit decides", () => {
    // credit - e^{-rT} 50 at T = 30/365: rate 0.05 -> e^{-rT} 50 = 49.795...; a 49.9 credit covers it.
    expect(breakevenAt(K, 49.9, 30, 0.18, 0.05)).toEqual({ lower: null, upper: null });
    const be = breakevenAt(K, 49.9, 30, 0.18, 0);
    expect(be.lower).not.toBeNull();
    expect(be.upper).not.toBeNull();
  });

  test("a profit zone off the middle (P/L < 0 at the midpoint, > 0 below it): the zone's two edges", () => {
    // A big drift (rate 0.3 over 200 days, vol 0.05) moves the profit zone down to ~4250: the
    // forward is far above spot, so the condor is cheapest where the forward sits between the shorts.
    const be = breakevenAt(K, 25, 200, 0.05, 0.3, 0);
    const pl = (s: number) => condorPayoff(K, 25, [s], 200, 0.05, 0.3, 0)[0];
    expect(pl((K.putShort + K.callShort) / 2)).toBeLessThan(0);
    expect(be.lower).not.toBeNull();
    expect(be.upper).not.toBeNull();
    expect(Math.abs(pl(be.lower as number))).toBeLessThan(1e-11);
    expect(Math.abs(pl(be.upper as number))).toBeLessThan(1e-11);
    expect(pl(((be.lower as number) + (be.upper as number)) / 2)).toBeGreaterThan(0);
  });
});

describe("bad input", () => {
  test("names the argument", () => {
    expect(inputError(() => breakevenAt({ ...K, callShort: 4800 }, 30, 10, 0.18)).argument).toBe("callShort");
    expect(inputError(() => breakevenAt(K, -1, 10, 0.18)).argument).toBe("credit");
    expect(inputError(() => breakevenAt(K, 30, -1, 0.18)).argument).toBe("daysLeft");
    expect(inputError(() => breakevenAt(K, 30, 0, 20)).argument).toBe("vol");
    expect(inputError(() => breakevenAt(K, 30, 10, [0.2, 0.2, 0.2] as unknown as CondorVols)).argument).toBe("vol");
    expect(inputError(() => breakevenAt(K, 30, 10, 0.18, 5)).argument).toBe("rate");
    expect(inputError(() => breakevenAt(K, 30, 10, 0.18, 0, -2)).argument).toBe("yield");
  });
});
