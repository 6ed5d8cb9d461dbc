/**
 * IV_RANK and IV_PERCENTILE: tastytrade's published figures (test/fixtures/published-cases.json,
 * "ivRank") and a property against a sort-based reference written independently here.
 */
import fc from "fast-check";
import { ivPercentile, ivRank } from "../../../src/core/governance";
import { inputError } from "../../helpers/errors";
import published from "../../fixtures/published-cases.json";

describe("ivRank and ivPercentile", () => {
  for (const c of published.ivRank) {
    test(`rank ${c.rank} on the last row: ${c.source}`, () => {
      const r = ivRank(c.series, c.lookback);
      expect(r.begin).toBe(c.lookback - 1);
      expect(Math.abs(r.values[c.series.length - 1] - c.rank)).toBeLessThanOrEqual(c.tol);
    });
    if (c.percentile !== undefined && c.percentileLookback !== undefined) {
      test(`percentile ${c.percentile} on the last row: ${c.source}`, () => {
        const p = ivPercentile(c.series, c.percentileLookback);
        expect(p.begin).toBe(c.percentileLookback);
        expect(Math.abs(p.values[c.series.length - 1] - c.percentile)).toBeLessThanOrEqual(c.tol);
      });
    }
  }

  test("warm-up rows are NaN; a flat window ranks 0.5; ties do not count as below", () => {
    const r = ivRank([20, 20, 20, 25], 3);
    expect(Array.from(r.values)).toEqual([NaN, NaN, 0.5, 1]);
    // previous 2 rows of row 3 (20, 20) vs 20: none strictly below -> 0; row 4: 2 of 2 below.
    expect(Array.from(ivPercentile([20, 20, 20, 25], 2).values)).toEqual([NaN, NaN, 0, 1]);
  });

  test("a lookback longer than the series gives no value yet (begin past the end), not an error", () => {
    expect(ivRank([1, 2], 252).begin).toBe(251);
    expect(Array.from(ivPercentile([1, 2], 252).values)).toEqual([NaN, NaN]);
  });

  test("property: equals the min/max and count-below of each window computed by sorting", () => {
    const case_ = fc.tuple(fc.array(fc.integer({ min: 5, max: 80 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 2, max: 10 }));
    fc.assert(
      fc.property(case_, ([iv, lb]) => {
        const r = ivRank(iv, lb);
        const p = ivPercentile(iv, lb);
        iv.forEach((x, i) => {
          if (i >= lb - 1) {
            const w = iv.slice(i - lb + 1, i + 1).sort((a, b) => a - b);
            const lo = w[0];
            const hi = w[w.length - 1];
            expect(r.values[i]).toBe(hi === lo ? 0.5 : (x - lo) / (hi - lo));
          } else expect(r.values[i]).toBeNaN();
          if (i >= lb) {
            const prev = iv.slice(i - lb, i).sort((a, b) => a - b);
            const below = prev.findIndex((v) => v >= x);
            expect(p.values[i]).toBe((below < 0 ? lb : below) / lb);
          } else expect(p.values[i]).toBeNaN();
        });
      }),
      { numRuns: 300 },
    );
  });

  test("lookback < 2, non-whole lookbacks and non-finite values are InputErrors", () => {
    for (const l of [1, 0, -3, 2.5]) {
      expect(inputError(() => ivRank([1, 2, 3], l)).message).toContain("lookback must be a whole number of 2 or more");
      expect(inputError(() => ivPercentile([1, 2, 3], l)).argument).toBe("lookback");
    }
    expect(inputError(() => ivRank([1, NaN], 2)).message).toContain("row 2");
    expect(inputError(() => ivRank([], 2)).argument).toBe("ivSeries");
  });
});
