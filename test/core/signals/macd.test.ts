/**
 * MACD: hand-checked series (arithmetic in the comments), TA-Lib's alignment, exact
 * properties, bad input. TA-Lib agreement on random and realistic series is in talib.test.ts.
 */
import fc from "fast-check";
import { InputError } from "../../../src/core/errors";
import { macd } from "../../../src/core/signals";

describe("macd(values, fast = 12, slow = 26, signal = 9)", () => {
  test("hand-checked MACD(2, 3, 2) of [1, 2, 4, 3, 5, 6, 8, 7]", () => {
    // Both EMAs start on row slow - 1 = 2:
    //   slow seed = (1 + 2 + 4) / 3 = 7/3; fast seed = mean of the 2 values ending on row 2 = (2 + 4) / 2 = 3
    //   macd[2] = 3 - 7/3 = 2/3
    // row 3 (x = 3): fast = (3 - 3) * 2/3 + 3 = 3; slow = (3 - 7/3) * 1/2 + 7/3 = 8/3; macd = 1/3
    //   signal seed = mean of macd on rows 2..3 = (2/3 + 1/3) / 2 = 1/2; histogram = 1/3 - 1/2 = -1/6
    // row 4 (x = 5): fast = (5 - 3) * 2/3 + 3 = 13/3; slow = (5 - 8/3) / 2 + 8/3 = 23/6; macd = 1/2
    //   signal = (1/2 - 1/2) * 2/3 + 1/2 = 1/2; histogram 0
    // (talib-web's TA_MACD prints the same: outBegIdx 3, 0.3333.., 0.5, -0.1666..; 0.5, 0.5, 0.)
    const r = macd([1, 2, 4, 3, 5, 6, 8, 7], 2, 3, 2);
    expect(r.begin).toBe(3); // slow + signal - 2
    expect(Number.isNaN(r.macd[2])).toBe(true); // the MACD line exists on row 2, but TA-Lib shows all three from row 3
    expect(r.macd[3]).toBeCloseTo(1 / 3, 14);
    expect(r.signal[3]).toBeCloseTo(1 / 2, 14);
    expect(r.histogram[3]).toBeCloseTo(-1 / 6, 14);
    expect(r.macd[4]).toBeCloseTo(1 / 2, 14);
    expect(r.signal[4]).toBeCloseTo(1 / 2, 14);
    expect(r.histogram[4]).toBeCloseTo(0, 14);
  });

  test("on a straight line x_t = t, MACD(12, 26, 9) is exactly (26 - 12) / 2 = 7 from row 33, signal 7, histogram 0", () => {
    // Each EMA seeded on the line lags it by (period - 1)/2 (see ema.test.ts), and TA-Lib seeds
    // the fast EMA on the same row as the slow one, so fast - slow = (26 - 1)/2 - (12 - 1)/2 = 7
    // on every row from 25. (Had the fast EMA been seeded on row 11 it would still be 7 here:
    // a line cannot tell the alignments apart; talib.test.ts does.)
    const r = macd(Array.from({ length: 60 }, (_, t) => t));
    expect(r.begin).toBe(33);
    for (let t = 33; t < 60; t++) {
      expect(r.macd[t]).toBeCloseTo(7, 12);
      expect(r.signal[t]).toBeCloseTo(7, 12);
      expect(r.histogram[t]).toBeCloseTo(0, 12);
    }
  });

  test("the fast EMA is seeded with the mean of the `fast` values ending on row slow - 1", () => {
    // MACD(2, 3, 1) of [100, 0, 0, 0]: fast seed = (0 + 0)/2 = 0 (rows 1..2), slow seed = 100/3.
    // Had the fast EMA started on row 1 (EMA(2) of the whole series: seed 50, then (0 - 50) * 2/3
    // + 50 = 16.67 on row 2), macd[2] would be 16.67 - 33.33 instead of 0 - 33.33.
    const r = macd([100, 0, 0, 0], 2, 3, 1);
    expect(r.macd[2]).toBeCloseTo(-100 / 3, 12);
  });

  test("signal 1: the signal line is the MACD line (k = 1), histogram 0, first row slow - 1", () => {
    // Deliberately not TA-Lib, which mishandles signal 1 (see macd.ts).
    const r = macd([1, 2, 4, 3, 5, 6], 2, 3, 1);
    expect(r.begin).toBe(2);
    expect(r.macd[2]).toBeCloseTo(2 / 3, 14); // as in the hand-checked case above
    for (let t = 2; t < 6; t++) {
      expect(r.signal[t]).toBe(r.macd[t]);
      expect(r.histogram[t]).toBe(0);
    }
  });

  test("fast = slow gives a zero MACD line", () => {
    const r = macd([3, 1, 4, 1, 5, 9, 2, 6], 3, 3, 2);
    for (let t = r.begin; t < 8; t++) expect(r.macd[t]).toBe(0);
  });

  test("histogram = macd - signal on every row, and all three start on the same row (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 12 }),
        (x, fast, extra, signal) => {
          const slow = fast + extra;
          fc.pre(slow <= x.length && signal <= x.length);
          const r = macd(x, fast, slow, signal);
          expect(r.begin).toBe(slow + signal - 2);
          for (let t = 0; t < x.length; t++) {
            if (t < r.begin) {
              expect(Number.isNaN(r.macd[t]) && Number.isNaN(r.signal[t]) && Number.isNaN(r.histogram[t])).toBe(true);
            } else {
              expect(r.histogram[t]).toBe(r.macd[t] - r.signal[t]);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("defaults 12/26/9: 33 values are all warm-up, the 34th row has the first value", () => {
    const x = Array.from({ length: 34 }, (_, t) => Math.sin(t));
    expect(macd(x.slice(0, 33)).begin).toBe(33);
    const r = macd(x);
    expect(r.begin).toBe(33);
    expect(Number.isFinite(r.macd[33])).toBe(true);
  });

  describe("bad input: InputError naming the argument, the rule and the value", () => {
    const x = [1, 2, 3, 4, 5];
    test.each([
      [() => macd(x, 3, 2, 1), /^fast must not exceed slow \(2\); got 3$/],
      [() => macd(x, 0, 2, 1), /^fast must be a whole number of 1 or more; got 0$/],
      [() => macd(x, 2, 6, 1), /^slow must not exceed the number of values in the series \(5\); got 6$/],
      [() => macd(x, 2, 3, 1.5), /^signal must be a whole number of 1 or more; got 1.5$/],
      [() => macd([1, 2, -Infinity], 1, 2, 1), /^prices must be a finite number at row 3; got -Infinity$/],
    ])("%#", (call, message) => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    });
  });
});
