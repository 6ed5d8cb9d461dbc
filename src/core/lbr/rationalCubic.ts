/**
 * Shape-preserving rational cubic interpolation of R. Delbourgo and J. A. Gregory, "Shape
 * preserving piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 6 (1985) 967-976,
 * as used for the initial guess of P. Jäckel, "Let's Be Rational" (Wilmott 2015), section 4.
 *
 * On [xl, xr] with values yl, yr, slopes dl, dr and control parameter r (r = 3 is the cubic
 * Hermite spline, r -> infinity the straight line), with h = xr - xl, u = (x - xl)/h:
 *
 *   R(x) = [yr u^3 + (r yr - h dr) u^2 (1-u) + (r yl + h dl) u (1-u)^2 + yl (1-u)^3]
 *          / [1 + (r - 3) u (1-u)]
 *
 * Inputs are not validated (internal numerics).
 */

const EPS = 2.220446049250313e-16;
/** Smallest control parameter allowed (the denominator must stay positive). */
export const MIN_CONTROL = -(1 - Math.sqrt(EPS));
/** Beyond this the interpolant is the straight line. */
export const MAX_CONTROL = 2 / (EPS * EPS);

/**
 * The rational cubic interpolant at x (formula in the file comment). Throws nothing.
 * @example rationalCubic(0.5, 0, 1, 0, 1, 1, 1, 3); // => 0.5
 */
export function rationalCubic(x: number, xl: number, xr: number, yl: number, yr: number, dl: number, dr: number, r: number): number {
  const h = xr - xl;
  if (Math.abs(h) <= 0) return 0.5 * (yl + yr);
  const u = (x - xl) / h;
  const v = 1 - u;
  if (!(r < MAX_CONTROL)) return yr * u + yl * v;
  const u2 = u * u;
  const v2 = v * v;
  return (yr * u2 * u + (r * yr - h * dr) * u2 * v + (r * yl + h * dl) * u * v2 + yl * v2 * v) / (1 + (r - 3) * u * v);
}

/**
 * The least r that keeps the interpolant monotone (when the data are) and convex or concave (when
 * the data are): Delbourgo & Gregory's sufficient conditions, r >= (dl + dr)/slope for
 * monotonicity and r >= max(|dr - dl| / |dr - slope|, |dr - dl| / |slope - dl|) for convexity.
 * `preferShape` picks the straight line where those bounds are infinite. Throws nothing.
 * @example minimumControl(1, 3, 2, false); // => 2
 */
export function minimumControl(dl: number, dr: number, slope: number, preferShape: boolean): number {
  const monotone = dl * slope >= 0 && dr * slope >= 0;
  const convex = dl <= slope && slope <= dr;
  const concave = dl >= slope && slope >= dr;
  if (!monotone && !convex && !concave) return MIN_CONTROL;
  const drMinusDl = dr - dl;
  const drMinusSlope = dr - slope;
  const slopeMinusDl = slope - dl;
  let r1 = -Number.MAX_VALUE;
  let r2 = -Number.MAX_VALUE;
  if (monotone) {
    if (slope !== 0) r1 = (dr + dl) / slope;
    else if (preferShape) r1 = MAX_CONTROL;
  }
  if (convex || concave) {
    if (slopeMinusDl !== 0 && drMinusSlope !== 0) {
      r2 = Math.max(Math.abs(drMinusDl / drMinusSlope), Math.abs(drMinusDl / slopeMinusDl));
    } else if (preferShape) r2 = MAX_CONTROL;
  } else if (monotone && preferShape) r2 = MAX_CONTROL;
  return Math.max(MIN_CONTROL, r1, r2);
}

/**
 * The r for which the interpolant's second derivative at xl equals `secondLeft`: expanding R
 * about xl gives R''(xl) = 2 [r slope - dr - (r - 1) dl] / h, so r = (h secondLeft / 2 + dr - dl)
 * / (slope - dl); raised to the shape-preserving minimum. Throws nothing.
 * @example controlForSecondDerivativeLeft(0, 1, 0, 2, 1, 3, 4, false); // => 4
 */
export function controlForSecondDerivativeLeft(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondLeft: number,
  preferShape: boolean,
): number {
  const h = xr - xl;
  const slope = (yr - yl) / h;
  const num = 0.5 * h * secondLeft + (dr - dl);
  const den = slope - dl;
  const r = num === 0 ? 0 : den === 0 ? (num > 0 ? MAX_CONTROL : MIN_CONTROL) : num / den;
  return Math.max(r, minimumControl(dl, dr, slope, preferShape));
}

/**
 * As controlForSecondDerivativeLeft, at xr: r = (h secondRight / 2 + dr - dl) / (dr - slope).
 * @example controlForSecondDerivativeRight(0, 1, 0, 2, 1, 3, 4, false); // => 4
 */
export function controlForSecondDerivativeRight(
  xl: number,
  xr: number,
  yl: number,
  yr: number,
  dl: number,
  dr: number,
  secondRight: number,
  preferShape: boolean,
): number {
  const h = xr - xl;
  const slope = (yr - yl) / h;
  const num = 0.5 * h * secondRight + (dr - dl);
  const den = dr - slope;
  const r = num === 0 ? 0 : den === 0 ? (num > 0 ? MAX_CONTROL : MIN_CONTROL) : num / den;
  return Math.max(r, minimumControl(dl, dr, slope, preferShape));
}
