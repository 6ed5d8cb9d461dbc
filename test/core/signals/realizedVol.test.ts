/**
 * Close-to-close realized volatility: hand-checked values, a slow reference on a realistic
 * path, properties, bad input.
 */
import fc from "fast-check";
import { InputError } from "../../../src/core/errors";
import { realizedVol } from "../../../src/core/signals";
import { rollingMean, rollingVariance } from "../../../src/core/signals/rolling";
import { spxBars, normals } from "./paths";
import { referenceRealizedVol } from "./volReference";

function worstRelative(ours: Float64Array, ref: number[]): number {
  let worst = 0;
  ref.forEach((v, i) => {
    if (Number.isNaN(v) !== Number.isNaN(ours[i])) worst = Infinity;
    else if (!Number.isNaN(v)) worst = Math.max(worst, Math.abs(ours[i] - v) / Math.abs(v));
  });
  return worst;
}

describe("realizedVol(closes, window = 20, periodsPerYear = 252)", () => {
  test("hand-checked: closes 100, 110, 100, window 2", () => {
    // Returns r1 = ln 1.1, r2 = -ln 1.1; mean 0; sample variance = 2 (ln 1.1)^2 / (2 - 1).
    // vol = sqrt(252 * 2) * ln 1.1 = 2.13977...
    const r = realizedVol([100, 110, 100], 2, 252);
    expect(r.begin).toBe(2);
    expect(Number.isNaN(r.values[1])).toBe(true);
    expect(r.values[2]).toBeCloseTo(Math.sqrt(504) * Math.log(1.1), 14);
  });

  test("hand-checked: returns alternating +r, -r over an even window w give r sqrt(ppy w / (w - 1))", () => {
    // w = 4: returns r, -r, r, -r have mean 0 and sample variance 4 r^2 / 3.
    const r = Math.log(1.02);
    const closes = [100];
    for (let t = 1; t <= 10; t++) closes.push(closes[t - 1] * Math.exp(t % 2 ? r : -r));
    const v = realizedVol(closes, 4, 252);
    for (let i = 4; i <= 10; i++) expect(v.values[i]).toBeCloseTo(r * Math.sqrt((252 * 4) / 3), 12);
  });

  test("first value at index `window`: row i uses closes i-window .. i", () => {
    expect(realizedVol([1, 2, 3, 4, 5], 3).begin).toBe(3);
    const r = realizedVol([1, 2, 3], 3);
    expect(r.begin).toBe(3);
    expect(Array.from(r.values).every(Number.isNaN)).toBe(true);
  });

  test("a constant series has exactly zero volatility", () => {
    const r = realizedVol(Array(30).fill(4500.25), 20);
    for (let i = 20; i < 30; i++) expect(r.values[i]).toBe(0);
  });

  test("a steady geometric trend (constant return) has zero volatility, to rounding", () => {
    const closes = Array.from({ length: 40 }, (_, t) => 100 * 1.001 ** t);
    const r = realizedVol(closes, 20);
    for (let i = 20; i < 40; i++) expect(r.values[i]).toBeLessThan(1e-12);
  });

  test("agrees with a slow two-pass reference to 1e-14 relative on 2,000 SPX-like closes (windows 2, 20, 65, 250)", () => {
    const closes = spxBars(2000, 11).close;
    // Observed: 0 up to window 64 (summed directly, same operations), ~1e-15 with running sums.
    for (const w of [2, 20, 65, 250]) {
      expect(worstRelative(realizedVol(closes, w, 252).values, referenceRealizedVol(closes, w, 252))).toBeLessThan(1e-14);
    }
  });

  test("is unchanged by rescaling prices (to 1e-13 absolute), and scales with sqrt(periodsPerYear) (fast-check)", () => {
    // Rescaling rounds each price (relative 1.1e-16), which moves each log return by up to
    // ~4.4e-16 absolute and the annualized vol by up to about sqrt(252) times that: ~1e-14.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.integer({ min: 2, max: 30 }), (seed, c, w) => {
        const closes = spxBars(60, seed, 0.18, 1).close;
        const a = realizedVol(closes, w, 252).values;
        const b = realizedVol(
          closes.map((x) => x * c),
          w,
          252,
        ).values;
        const d = realizedVol(closes, w, 52).values;
        let worstScale = 0;
        let worstPpy = 0;
        for (let i = w; i < 60; i++) {
          worstScale = Math.max(worstScale, Math.abs(b[i] - a[i]));
          worstPpy = Math.max(worstPpy, Math.abs(d[i] - a[i] * Math.sqrt(52 / 252)) / a[i]);
        }
        expect(worstScale).toBeLessThanOrEqual(1e-13);
        expect(worstPpy).toBeLessThanOrEqual(1e-13);
      }),
      { numRuns: 200 },
    );
  });

  describe("bad input: InputError naming the argument, the rule, the row and the value", () => {
    test.each([
      [() => realizedVol([100, 0, 101], 2), /^closes must be a price greater than 0 at row 2; got 0$/],
      [() => realizedVol([100, 101, -5], 2), /^closes must be a price greater than 0 at row 3; got -5$/],
      [() => realizedVol([100, 101, 102], 1), /^window must be a whole number of 2 or more; got 1$/],
      [() => realizedVol([100, 101, 102], 4), /^window must not exceed the number of values in the series \(3\); got 4$/],
      [() => realizedVol([100, 101, 102], 2, 0), /^periodsPerYear must be a number greater than 0; got 0$/],
    ])("%#", (call, message) => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(message);
    });
  });
});

describe("rolling sums (rolling.ts)", () => {
  test("rollingMean and rollingVariance on a small series, by hand", () => {
    // Windows of 3 over [1, 2, 4, 8]: means 7/3, 14/3; variances of (1,2,4) = 7/3, of (2,4,8) = 28/3.
    const x = Float64Array.of(1, 2, 4, 8);
    const m = new Float64Array(4);
    const v = new Float64Array(4);
    rollingMean(x, 3, 2, m);
    rollingVariance(x, 3, 2, v);
    expect(m[2]).toBeCloseTo(7 / 3, 14);
    expect(m[3]).toBeCloseTo(14 / 3, 14);
    expect(v[2]).toBeCloseTo(7 / 3, 14);
    expect(v[3]).toBeCloseTo(28 / 3, 14);
  });

  test("no cancellation when the mean dwarfs the spread: 1e6 + noise of 1e-3, 20,000 rows, windows 50 (direct) and 500 (running sums)", () => {
    // A naive running sum of squares loses every digit here (1e12 next to 1e-6). The reference
    // is the two-pass variance of each window.
    const z = normals(5);
    const n = 20000;
    const x = Float64Array.from({ length: n }, () => 1e6 + 1e-3 * z());
    for (const w of [50, 500]) {
      const v = new Float64Array(n);
      const m = new Float64Array(n);
      rollingVariance(x, w, w - 1, v);
      rollingMean(x, w, w - 1, m);
      let worstVar = 0;
      let worstMean = 0;
      for (let i = w - 1; i < n; i += 37) {
        const win = Array.from(x.subarray(i - w + 1, i + 1));
        const mean = win.reduce((s, a) => s + a, 0) / w;
        const ref = win.reduce((s, a) => s + (a - mean) ** 2, 0) / (w - 1);
        worstVar = Math.max(worstVar, Math.abs(v[i] - ref) / ref);
        worstMean = Math.max(worstMean, Math.abs(m[i] - mean) / mean);
      }
      // Observed 0 (direct) and 2.5e-12 (running sums, restarted every window: the window's
      // mean drifts from the restart's by up to ~1e-4, against a spread of 1e-3).
      expect(worstVar).toBeLessThan(1e-11);
      expect(worstMean).toBeLessThan(1e-14);
    }
  });
});
