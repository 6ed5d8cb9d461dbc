/**
 * Where a condor is at its profit target on one monitoring date: the set of log-prices x where
 * the buy-back cost V(e^x) is at most the threshold, as disjoint intervals. Found by a scan fine
 * enough to see every feature of V (spacing at most half the smallest leg's standard deviation
 * to expiry, the scale on which V bends), each sign change solved to ~1e-13 in log-price, and each
 * local minimum of the scan that stays above the threshold searched (golden section) for a dip
 * between the scan points, so that a hit region narrower than the scan is not missed.
 */

/** An interval of log-prices [lo, hi] (lo may be -Infinity, hi +Infinity) and its prices. */
export interface Interval {
  lo: number;
  hi: number;
  /** e^lo, 0 when unbounded below (the form PROB_BETWEEN takes). */
  priceLo: number;
  /** e^hi, Infinity when unbounded above. */
  priceHi: number;
}

/** Log-price tolerance of a boundary (absolute): far below any grid spacing. */
export const BOUNDARY_TOL = 1e-13;

/** An interval from log bounds (prices from them), or from prices. */
export function logInterval(lo: number, hi: number): Interval {
  return { lo, hi, priceLo: lo === -Infinity ? 0 : Math.exp(lo), priceHi: hi === Infinity ? Infinity : Math.exp(hi) };
}

export function priceInterval(priceLo: number, priceHi: number): Interval {
  return { lo: priceLo === 0 ? -Infinity : Math.log(priceLo), hi: priceHi === Infinity ? Infinity : Math.log(priceHi), priceLo, priceHi };
}

/**
 * The intervals of [xlo, xhi] where excess(x) <= 0 (excess = V(e^x) - threshold), scanned at a
 * spacing of at most `step`. An interval touching an end of the scan is taken as unbounded on
 * that side (beyond the grid the probability is below the truncation bound anyway).
 */
export function hitIntervals(excess: (x: number) => number, xlo: number, xhi: number, step: number): Interval[] {
  const m = Math.max(3, Math.ceil((xhi - xlo) / step) + 1);
  const h = (xhi - xlo) / (m - 1);
  const xs = new Float64Array(m);
  const fs = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    xs[i] = i === m - 1 ? xhi : xlo + i * h;
    fs[i] = excess(xs[i]);
  }
  const out: Interval[] = [];
  let i = 0;
  while (i < m) {
    if (fs[i] <= 0) {
      const start = i;
      while (i + 1 < m && fs[i + 1] <= 0) i++;
      const lo = start === 0 ? -Infinity : boundary(excess, xs[start - 1], fs[start - 1], xs[start], fs[start]);
      const hi = i === m - 1 ? Infinity : boundary(excess, xs[i + 1], fs[i + 1], xs[i], fs[i]);
      // A run of one scan point whose two crossings both round onto it has no width: no hit set.
      if (lo < hi) out.push(logInterval(lo, hi));
      i++;
      continue;
    }
    // A local minimum of the scan above the threshold: is there a dip below it in between?
    if (i > 0 && i < m - 1 && fs[i] <= fs[i - 1] && fs[i] <= fs[i + 1]) {
      const dip = goldenDip(excess, xs[i - 1], xs[i + 1]);
      if (dip !== null) {
        const lo = boundary(excess, xs[i - 1], fs[i - 1], dip.x, dip.f);
        const hi = boundary(excess, xs[i + 1], fs[i + 1], dip.x, dip.f);
        if (lo < hi) out.push(logInterval(lo, hi));
      }
    }
    i++;
  }
  return out;
}

/**
 * The point between `outX` (excess > 0) and `inX` (excess <= 0) where the excess crosses 0, by
 * the Illinois variant of regula falsi (guaranteed bracketing, superlinear) with a bisection
 * fallback, to BOUNDARY_TOL. Returns the end of the final bracket on the hit side.
 */
function boundary(excess: (x: number) => number, outX: number, outF: number, inX: number, inF: number): number {
  let a = outX;
  let fa = outF;
  let b = inX;
  let fb = inF;
  let side = 0;
  for (let iter = 0; iter < 200 && Math.abs(b - a) > BOUNDARY_TOL; iter++) {
    let x = (a * fb - b * fa) / (fb - fa);
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    // Keep the step strictly inside and away from stalling at one end.
    if (!(x > lo + 0.01 * (hi - lo) && x < hi - 0.01 * (hi - lo)) || iter % 8 === 7) x = 0.5 * (a + b);
    const fx = excess(x);
    if (fx <= 0) {
      b = x;
      fb = fx;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = x;
      fa = fx;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return b;
}

const INV_PHI = (Math.sqrt(5) - 1) / 2;

/** Golden-section search of [a, b] for a point with excess <= 0; null if the minimum stays above 0. */
function goldenDip(excess: (x: number) => number, a: number, b: number): { x: number; f: number } | null {
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = excess(c);
  let fd = excess(d);
  while (b - a > 1e-10) {
    if (fc <= 0) return { x: c, f: fc };
    if (fd <= 0) return { x: d, f: fd };
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = excess(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = excess(d);
    }
  }
  return null;
}
