/**
 * RSI: Wilder's worked example as StockCharts publishes it, hand-checked series, properties,
 * bad input. TA-Lib agreement is in talib.test.ts.
 */
import fc from "fast-check";
import { InputError } from "../../../src/core/errors";
import { rsi } from "../../../src/core/signals";

describe("rsi(values, period = 14)", () => {
  test("matches StockCharts ChartSchool's RSI worked example (cs-rsi spreadsheet) to its 2 decimals", () => {
    // Source: StockCharts ChartSchool, "Relative Strength Index (RSI)", calculation spreadsheet
    // cs-rsi.xls (QQQQ closes, Dec 2009 - Feb 2010, 4-decimal closes shown rounded to 2): the
    // 14-day RSI from the 15th close on. Tolerance 0.005 = half the last published digit.
    const closes = [
      44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328, 45.614, 46.282, 46.282, 46.0028, 46.0328,
      46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
    ];
    const published = [70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.3, 33.08, 37.77];
    const r = rsi(closes, 14);
    expect(r.begin).toBe(14);
    expect(Number.isNaN(r.values[13])).toBe(true);
    published.forEach((v, j) => expect(Math.abs(r.values[14 + j] - v)).toBeLessThanOrEqual(0.005));
  });

  test("hand-checked: [1, 2, 1, 2], period 2", () => {
    // Changes +1, -1: G = 1/2, L = 1/2 -> RSI[2] = 100 * 0.5 / 1 = 50.
    // Change +1: G = (0.5 * 1 + 1) / 2 = 0.75, L = (0.5 * 1 + 0) / 2 = 0.25 -> RSI[3] = 75.
    const r = rsi([1, 2, 1, 2], 2);
    expect(r.begin).toBe(2);
    expect(Array.from(r.values)).toEqual([NaN, NaN, 50, 75]);
  });

  test("hand-checked Wilder smoothing, period 3: [10, 11, 10.5, 12, 11]", () => {
    // Changes +1, -0.5, +1.5 -> G = 2.5/3, L = 0.5/3 -> RSI[3] = 100 * 2.5 / 3 = 83.333...
    // Change -1: G = (2.5/3 * 2 + 0)/3 = 5/9, L = (0.5/3 * 2 + 1)/3 = 4/9 -> RSI[4] = 100 * 5/9 = 55.555...
    const r = rsi([10, 11, 10.5, 12, 11], 3);
    expect(r.values[3]).toBeCloseTo(250 / 3, 12);
    expect(r.values[4]).toBeCloseTo(500 / 9, 12);
  });

  test("100 when nothing ever fell, 0 when nothing ever rose", () => {
    const up = Array.from({ length: 30 }, (_, i) => 100 + i);
    expect(rsi(up).values[29]).toBe(100);
    expect(rsi(up.map((x) => -x)).values[29]).toBe(0);
  });

  test("0 for a constant series: no movement is 0 (TA-Lib's rule), not 50", () => {
    const r = rsi(Array(20).fill(42), 14);
    expect(Array.from(r.values.slice(14))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test("period 1 (TA-Lib needs 2): 100 on a rise, 0 on a fall or no change", () => {
    expect(Array.from(rsi([1, 2, 2, 1], 1).values)).toEqual([NaN, 100, 0, 0]);
  });

  test("a period equal to the length leaves every row without a value (n values make n - 1 changes)", () => {
    const r = rsi([1, 2, 3], 3);
    expect(r.begin).toBe(3);
    expect(Array.from(r.values).every(Number.isNaN)).toBe(true);
  });

  test("lies within [0, 100] for any series (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (x, p) => {
        fc.pre(p < x.length);
        const r = rsi(x, p);
        for (let t = p; t < x.length; t++) {
          expect(r.values[t]).toBeGreaterThanOrEqual(0);
          expect(r.values[t]).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("is unchanged by adding a constant to every value (only changes matter)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 16, maxLength: 60 }), fc.integer({ min: -10000, max: 10000 }), (x, c) => {
        const a = rsi(x).values;
        const b = rsi(x.map((v) => v + c)).values;
        // Integer series: every change is exact after the shift, so the results are identical.
        expect(Array.from(b)).toEqual(Array.from(a));
      }),
      { numRuns: 200 },
    );
  });

  describe("bad input: InputError naming the argument, the rule and the value", () => {
    test.each([
      [[1, 2, 3], 0, /^period must be a whole number of 1 or more; got 0$/],
      [[1, 2, 3], 4, /^period must not exceed the number of values in the series \(3\); got 4$/],
      [[1, 2, NaN], 1, /^prices must be a finite number at row 3; got NaN$/],
    ])("%j, period %p", (x, p, message) => {
      expect(() => rsi(x, p)).toThrow(InputError);
      expect(() => rsi(x, p)).toThrow(message);
    });
  });
});
