/**
 * The rational cubic of Delbourgo & Gregory (1985): expected values are properties of the formula
 * (interpolation of the end values and slopes, the cubic Hermite case r = 3, the straight line
 * as r -> infinity) and the second derivative the control parameter is chosen to match, checked
 * by one-sided finite differences of second order (tolerances stated next to each).
 */
import fc from "fast-check";
import { controlForSecondDerivativeLeft, controlForSecondDerivativeRight, MAX_CONTROL, rationalCubic } from "../../../src/core/lbr/rationalCubic";

describe("rationalCubic", () => {
  test("matches the end values and, by finite differences, the end slopes", () => {
    const f = (x: number) => rationalCubic(x, 1, 3, 2, 5, 0.5, 4, 7);
    expect(f(1)).toBeCloseTo(2, 14);
    expect(f(3)).toBeCloseTo(5, 14);
    const d = 1e-6;
    expect((f(1 + d) - f(1)) / d).toBeCloseTo(0.5, 4);
    expect((f(3) - f(3 - d)) / d).toBeCloseTo(4, 4);
  });

  test("r = 3 is the cubic Hermite interpolant: x^3 on [0, 1] from its values and slopes", () => {
    // Hermite data of x^3 on [0,1]: y 0 -> 1, slopes 0 -> 3; a cubic reproduces x^3 exactly.
    for (const x of [0.1, 0.37, 0.5, 0.9]) expect(rationalCubic(x, 0, 1, 0, 1, 0, 3, 3)).toBeCloseTo(x ** 3, 14);
  });

  test("r at or beyond the maximum is the straight line", () => {
    expect(rationalCubic(0.25, 0, 1, 2, 6, 100, -100, MAX_CONTROL)).toBe(3);
  });

  const side = fc.record({
    yl: fc.double({ min: 0, max: 1, noNaN: true }),
    rise: fc.double({ min: 0.1, max: 2, noNaN: true }),
    dl: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    dr: fc.double({ min: 1.1, max: 5, noNaN: true }),
  });

  test("controlForSecondDerivativeLeft: R''(xl) is the value asked, or more where the convexity floor raised r", () => {
    fc.assert(
      fc.property(side, fc.double({ min: 0, max: 3, noNaN: true }), ({ yl, rise, dl, dr }, want) => {
        // slope = rise over [0, 1], kept inside (dl, dr): convex data.
        const slope = Math.min(Math.max(rise, dl + 0.05), dr - 0.05);
        const yr = yl + slope;
        const r = controlForSecondDerivativeLeft(0, 1, yl, yr, dl, dr, want, false);
        const f = (x: number) => rationalCubic(x, 0, 1, yl, yr, dl, dr, r);
        // O(h^2) one-sided difference; r up to ~40 makes the fourth derivative ~r^3, so h = 2e-5
        // keeps truncation below ~2e-5 relative, and rounding (12 eps |f| / h^2) below 1e-9.
        const h = 2e-5;
        const got = (2 * f(0) - 5 * f(h) + 4 * f(2 * h) - f(3 * h)) / (h * h);
        // R''(xl) = 2 [r slope - dr - (r - 1) dl] / h grows with r when slope > dl, so the
        // formula's r (want/2 + dr - dl)/(slope - dl) gives `want`, a raised r gives more.
        const formulaR = (want / 2 + dr - dl) / (slope - dl);
        const tol = 1e-4 * (1 + Math.abs(got));
        return r > formulaR * (1 + 1e-12) ? got > want - tol : Math.abs(got - want) < tol;
      }),
      { numRuns: 300 },
    );
  });

  test("fits the asked second derivative exactly when no shape floor is active", () => {
    // Data of the convex function e^x on [0, 1]: values 1, e; slopes 1, e; second derivative 1 at 0, e at 1.
    const e = Math.E;
    const rl = controlForSecondDerivativeLeft(0, 1, 1, e, 1, e, 1, false);
    const rr = controlForSecondDerivativeRight(0, 1, 1, e, 1, e, e, false);
    const h = 1e-4;
    const fl = (x: number) => rationalCubic(x, 0, 1, 1, e, 1, e, rl);
    const fr = (x: number) => rationalCubic(x, 0, 1, 1, e, 1, e, rr);
    const leftSecond = (2 * fl(0) - 5 * fl(h) + 4 * fl(2 * h) - fl(3 * h)) / (h * h);
    const rightSecond = (2 * fr(1) - 5 * fr(1 - h) + 4 * fr(1 - 2 * h) - fr(1 - 3 * h)) / (h * h);
    expect(Math.abs(leftSecond - 1)).toBeLessThan(1e-5);
    expect(Math.abs(rightSecond - e) / e).toBeLessThan(1e-5);
  });
});
