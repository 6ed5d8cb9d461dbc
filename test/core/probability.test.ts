/**
 * probBetween and probTouch: published values (LibreOffice's help), QuantLib (golden table from
 * scripts/golden/quantlib.mjs), a hand-derived zero-drift identity, and properties.
 */
import fc from "fast-check";
import { InputError } from "../../src/core/errors";
import { normCdf } from "../../src/core/normal";
import { probBetween, probTouch } from "../../src/core/probability";
import published from "../fixtures/published-cases.json";
import golden from "./fixtures/quantlib-probability.json";

/** |actual - expected| <= rel |expected| + abs. */
function close(actual: number, expected: number, rel: number, abs: number): boolean {
  return Math.abs(actual - expected) <= rel * Math.abs(expected) + abs;
}

describe("published probabilities (../shared/reference/published-cases.json)", () => {
  for (const c of published.probabilities) {
    test(`${c.kind} ${c.source}`, () => {
      const p =
        c.kind === "touch"
          ? probTouch(c.spot, c.level as number, c.days, c.vol, c.rate, c.yield)
          : probBetween(c.spot, c.lower as number, c.upper as number, c.days, c.vol, c.rate, c.yield);
      expect(Math.abs(p - c.probability)).toBeLessThanOrEqual(c.tol);
    });
  }
});

describe("agreement with QuantLib (fixtures/quantlib-probability.json)", () => {
  test("probBetween(spot, level, unbounded) = QuantLib's N(d2) to 1e-9 relative (1e-12 absolute)", () => {
    const bad = golden.cases.filter((c) => !close(probBetween(c.spot, c.level, Infinity, c.days, c.vol, c.rate, c.yield), c.above, 1e-9, 1e-12));
    expect(bad).toEqual([]);
  });

  test("probBetween(spot, 0, level) = 1 - QuantLib's N(d2) to 1e-9 relative (1e-12 absolute)", () => {
    const bad = golden.cases.filter((c) => !close(probBetween(c.spot, 0, c.level, c.days, c.vol, c.rate, c.yield), 1 - c.above, 1e-9, 1e-12));
    expect(bad).toEqual([]);
  });

  test("probTouch = QuantLib's one-touch (AnalyticDigitalAmericanEngine) / discount to 1e-9 relative (1e-12 absolute)", () => {
    const bad = golden.cases.filter((c) => !close(probTouch(c.spot, c.level, c.days, c.vol, c.rate, c.yield), c.touch, 1e-9, 1e-12));
    expect(bad).toEqual([]);
  });
});

describe("probTouch", () => {
  test("with zero drift (rate - yield = vol^2 / 2) is twice the probability of ending beyond the level (reflection principle)", () => {
    // nu = 0: P(max_t X_t >= b) = 2 P(X_T >= b) = 2 N(-b / (vol sqrt T)), b = ln(level / spot).
    const vol = 0.2;
    const rate = vol * vol * 0.5;
    for (const [level, days] of [
      [110, 30],
      [90, 30],
      [150, 365],
      [60, 730],
    ]) {
      const b = Math.abs(Math.log(level / 100));
      const expected = 2 * normCdf(-b / (vol * Math.sqrt(days / 365)));
      expect(probTouch(100, level, days, vol, rate, 0)).toBeCloseTo(expected, 14);
    }
  });

  test("is 1 when the level is the spot, at any time to expiry", () => {
    expect(probTouch(5000, 5000, 30, 0.2)).toBe(1);
    expect(probTouch(5000, 5000, 0, 0.2)).toBe(1);
  });

  test("at expiry (days = 0) is 0 for any other level", () => {
    expect(probTouch(5000, 5001, 0, 0.2)).toBe(0);
    expect(probTouch(5000, 4999, 0, 0.2)).toBe(0);
  });

  test("stays finite and in [0, 1] where e^{2 nu b / vol^2} alone would overflow", () => {
    // vol 0.01, rate 1, level 10x spot: 2 nu b / vol^2 = 2 * 0.99995 * ln 10 / 1e-4 ~ 46000.
    const p = probTouch(100, 1000, 3650, 0.01, 1, 0);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
    // The drift (1 per year over 10 years, ln 10 = 2.3 to go) makes touching certain.
    expect(p).toBe(1);
  });

  test("is at least the probability of ending beyond the level (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 10000, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (spot, logRatio, days, vol, rate, yield_) => {
          const level = spot * Math.exp(logRatio);
          const touch = probTouch(spot, level, days, vol, rate, yield_);
          const beyond = level > spot ? probBetween(spot, level, Infinity, days, vol, rate, yield_) : probBetween(spot, 0, level, days, vol, rate, yield_);
          return touch >= beyond - 1e-15 && touch <= 1;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("probBetween", () => {
  test("is 1 over the whole line (0 to unbounded)", () => {
    expect(probBetween(5000, 0, Infinity, 30, 0.2, 0.05, 0.01)).toBe(1);
  });

  test("at expiry (days = 0) is the indicator of lower <= spot <= upper, bounds included", () => {
    expect(probBetween(5000, 4900, 5100, 0, 0.2)).toBe(1);
    expect(probBetween(5000, 5000, 5100, 0, 0.2)).toBe(1);
    expect(probBetween(5000, 4900, 5000, 0, 0.2)).toBe(1);
    expect(probBetween(5000, 5001, 5100, 0, 0.2)).toBe(0);
    expect(probBetween(5000, 0, 4999, 0, 0.2)).toBe(0);
  });

  test("keeps relative precision for a range far below spot (both N(d2) near 1)", () => {
    // P(50 < S_T < 60) with spot 100, vol 0.2, 30 days, r = q = 0: d2(X) = (ln(100/X) - 0.02 T) / s.
    const s = 0.2 * Math.sqrt(30 / 365);
    const drift = -0.02 * (30 / 365);
    const expected = normCdf(-(Math.log(100 / 60) + drift) / s) - normCdf(-(Math.log(100 / 50) + drift) / s);
    expect(expected).toBeGreaterThan(0);
    // ~3e-19, far below an ulp of 1: the naive N(d2(lower)) - N(d2(upper)) would give 0 here.
    expect(expected).toBeLessThan(1e-18);
    expect(normCdf((Math.log(100 / 50) + drift) / s) - normCdf((Math.log(100 / 60) + drift) / s)).toBe(0);
    expect(close(probBetween(100, 50, 60, 30, 0.2), expected, 1e-14, 0)).toBe(true);
  });

  test("keeps relative precision over a narrow range (failed before: N(d2L) - N(d2U) cancelled to ~1e-17 absolute)", () => {
    // mpmath at 50 digits: ncdf(d2(L)) - ncdf(d2(U)), d2(X) = (ln(S/X) + (r - q - vol^2/2) T) / (vol sqrt T).
    const cases: Array<[number, number, number, number, number, number, number, number]> = [
      [100, 120, 120.0001, 30, 0.3, 0.05, 0.01, 4.0456457481223358037e-7],
      [100, 99.99999, 100.00001, 365, 0.2, 0, 0, 3.9695254760299584185e-7],
      [5000, 4000, 4000.5, 10, 0.15, 0, 0, 6.6216242772166645284e-21],
      [5000, 4999.999999999, 5000.000000001, 30, 0.2, 0, 0, 2.7831732894538369129e-12],
    ];
    for (const [spot, lo, hi, days, vol, rate, yld, expected] of cases) {
      expect(close(probBetween(spot, lo, hi, days, vol, rate, yld), expected, 1e-13, 0)).toBe(true);
    }
  });

  test("lies in [0, 1] and is additive over adjacent intervals (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 10000, noNaN: true }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1.5, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 2000, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (spot, a, b, c, days, vol, rate, yield_) => {
          const lo = spot * a;
          const mid = lo * b;
          const hi = mid * c;
          fc.pre(lo < mid && mid < hi);
          const p1 = probBetween(spot, lo, mid, days, vol, rate, yield_);
          const p2 = probBetween(spot, mid, hi, days, vol, rate, yield_);
          const p12 = probBetween(spot, lo, hi, days, vol, rate, yield_);
          const pBelow = probBetween(spot, 0, lo, days, vol, rate, yield_);
          const pAbove = probBetween(spot, hi, Infinity, days, vol, rate, yield_);
          const inRange = [p1, p2, p12, pBelow, pAbove].every((p) => p >= 0 && p <= 1);
          // A narrow range takes the integrated density (exact to its relative precision), a wide one
          // a difference of two N: each is within ~2 eps absolute, no longer the same N values
          // telescoping, so the identities hold to the sum of the three parts' errors.
          return inRange && Math.abs(p1 + p2 - p12) <= 6 * Number.EPSILON && Math.abs(pBelow + p12 + pAbove - 1) <= 6 * Number.EPSILON;
        },
      ),
      { numRuns: 500 },
    );
  });
});

test("anywhere in the domain both are finite numbers in [0, 1], never NaN (property)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 36500, noNaN: true }), // days: the whole domain, 0 to 100 years (validate.days)
      fc.double({ min: 1e-6, max: 5, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      (spot, logLevel, logWidth, days, vol, rate, yield_) => {
        const level = spot * Math.exp(logLevel);
        const upper = level * Math.exp(logWidth);
        fc.pre(level > 0 && upper > level && Number.isFinite(upper));
        const ps = [
          probTouch(spot, level, days, vol, rate, yield_),
          probBetween(spot, level, upper, days, vol, rate, yield_),
          probBetween(spot, 0, level, days, vol, rate, yield_),
        ];
        return ps.every((p) => Number.isFinite(p) && p >= 0 && p <= 1);
      },
    ),
    { numRuns: 1000 },
  );
});

describe("bad input", () => {
  const cases: Array<[string, () => number, string, string]> = [
    ["spot 0", () => probBetween(0, 0, 10, 30, 0.2), "spot", "got 0"],
    ["negative lower", () => probBetween(100, -1, 110, 30, 0.2), "lower", "got -1"],
    ["upper NaN", () => probBetween(100, 90, NaN, 30, 0.2), "upper", "got NaN"],
    ["lower >= upper", () => probBetween(100, 110, 90, 30, 0.2), "upper must be greater than lower (110)", "got 90"],
    ["lower = upper", () => probBetween(100, 90, 90, 30, 0.2), "upper must be greater than lower (90)", "got 90"],
    ["negative days", () => probBetween(100, 90, 110, -1, 0.2), "days", "got -1"],
    [
      "days 45000 (an expiry date typed as days)",
      () => probBetween(100, 90, 110, 45000, 0.2),
      "days must be calendar days to expiry, from 0 to 36500",
      "got 45000",
    ],
    ["days 45000 (touch)", () => probTouch(100, 90, 45000, 0.2), "for an expiry date, use expiry - TODAY()", "got 45000"],
    ["vol 20 (a percent)", () => probBetween(100, 90, 110, 30, 20), "vol must be a decimal between 0 and 5", "got 20"],
    ["rate 5 (a percent)", () => probBetween(100, 90, 110, 30, 0.2, 5), "rate", "got 5"],
    ["yield 3 (a percent)", () => probTouch(100, 90, 30, 0.2, 0, 3), "yield", "got 3"],
    ["level 0", () => probTouch(100, 0, 30, 0.2), "level", "got 0"],
    ["vol 0", () => probTouch(100, 90, 30, 0), "vol", "got 0"],
    ["spot negative", () => probTouch(-100, 90, 30, 0.2), "spot", "got -100"],
  ];
  for (const [what, call, names, got] of cases) {
    test(`${what} -> InputError naming the argument and the value`, () => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(names);
      expect(call).toThrow(got);
    });
  }
});
