/**
 * Raw SVI (J. Gatheral, "A parsimonious arbitrage-free implied volatility parameterization with
 * application to the valuation of volatility derivatives", Global Derivatives, Madrid 2004):
 * total implied variance w = vol^2 T as a function of log-moneyness k = ln(K / F),
 *
 *   w(k) = a + b ( rho (k - m) + sqrt((k - m)^2 + sigma^2) ).
 *
 * Fit: for fixed (m, sigma) the model is linear in (a, b rho, b), so least squares is a 3x3 solve
 * (the "quasi-explicit" reduction of Zeliade Systems, "Quasi-explicit calibration of Gatheral's
 * SVI model", 2009); (m, sigma) are searched on a bounded grid, then refined. Every candidate
 * is kept inside the bounds b > 0, |rho| <= 0.999, b (1 + |rho|) <= 2 (Lee's moment bound on the
 * wings' slope) and a + b sigma sqrt(1 - rho^2) > 0 (w > 0 everywhere); no candidate is NaN.
 *
 * Butterfly arbitrage: the density is non-negative iff g(k) >= 0 (Gatheral and Jacquier,
 * "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14, 2014, eq. 2.1):
 *
 *   g(k) = (1 - k w'/(2w))^2 - (w'^2 / 4)(1/w + 1/4) + w''/2.
 */

/** Raw SVI parameters of one expiry (total variance, not vol). */
export interface Svi {
  a: number;
  b: number;
  rho: number;
  m: number;
  sigma: number;
}

/** w(k), total implied variance. */
export function sviW(p: Svi, k: number): number {
  const z = k - p.m;
  return p.a + p.b * (p.rho * z + Math.sqrt(z * z + p.sigma * p.sigma));
}

/** dw/dk. */
export function sviW1(p: Svi, k: number): number {
  const z = k - p.m;
  return p.b * (p.rho + z / Math.sqrt(z * z + p.sigma * p.sigma));
}

/** d2w/dk2. */
export function sviW2(p: Svi, k: number): number {
  const z = k - p.m;
  const r = z * z + p.sigma * p.sigma;
  return (p.b * p.sigma * p.sigma) / (r * Math.sqrt(r));
}

/** Gatheral-Jacquier's g(k) for a total variance w with slope w1 and curvature w2 at k. */
export function butterflyG(k: number, w: number, w1: number, w2: number): number {
  const t = 1 - (k * w1) / (2 * w);
  return t * t - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

const RHO_MAX = 0.999;

/** Sum of squared residuals, or Infinity for a candidate outside the bounds. */
function sse(p: Svi, k: readonly number[], w: readonly number[]): number {
  if (!(p.b > 0 && Math.abs(p.rho) <= RHO_MAX && p.b * (1 + Math.abs(p.rho)) <= 2 && p.sigma > 0)) return Infinity;
  if (!(p.a + p.b * p.sigma * Math.sqrt(1 - p.rho * p.rho) > 0)) return Infinity;
  let s = 0;
  for (let i = 0; i < k.length; i++) {
    const r = sviW(p, k[i]) - w[i];
    s += r * r;
  }
  return Number.isFinite(s) ? s : Infinity;
}

/** Solves the symmetric 3x3 system [[p, q, r], [q, s, t], [r, t, u]] x = (y0, y1, y2) by Cramer's rule; undefined when singular. */
function solve3(p: number, q: number, r: number, s: number, t: number, u: number, y0: number, y1: number, y2: number): [number, number, number] | undefined {
  const c00 = s * u - t * t;
  const c01 = r * t - q * u;
  const c02 = q * t - r * s;
  const det = p * c00 + q * c01 + r * c02;
  if (!(Math.abs(det) > 1e-14 * Math.abs(p * s * u)) || !Number.isFinite(det)) return undefined;
  const c11 = p * u - r * r;
  const c12 = q * r - p * t;
  const c22 = p * s - q * q;
  // the inverse of a symmetric matrix is the symmetric cofactor matrix over det
  return [(c00 * y0 + c01 * y1 + c02 * y2) / det, (c01 * y0 + c11 * y1 + c12 * y2) / det, (c02 * y0 + c12 * y1 + c22 * y2) / det];
}

/** The best (a, b, rho) for fixed (m, sigma): the linear least squares, or its rho = +-0.999 edge. */
function bestLinear(m: number, sigma: number, k: readonly number[], w: readonly number[]): { p: Svi; err: number } {
  const n = k.length;
  const z = new Array<number>(n);
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    z[i] = k[i] - m;
    y[i] = Math.sqrt(z[i] * z[i] + sigma * sigma);
  }
  let best: { p: Svi; err: number } = { p: { a: 0, b: 0, rho: 0, m, sigma }, err: Infinity };
  const consider = (p: Svi) => {
    const err = sse(p, k, w);
    if (err < best.err) best = { p, err };
  };
  // Unconstrained: w = a + c z + d y, c = b rho, d = b.
  let S1 = 0,
    Sz = 0,
    Sy = 0,
    Szz = 0,
    Syy = 0,
    Szy = 0,
    Sw = 0,
    Szw = 0,
    Syw = 0;
  for (let i = 0; i < n; i++) {
    S1 += 1;
    Sz += z[i];
    Sy += y[i];
    Szz += z[i] * z[i];
    Syy += y[i] * y[i];
    Szy += z[i] * y[i];
    Sw += w[i];
    Szw += z[i] * w[i];
    Syw += y[i] * w[i];
  }
  const x = solve3(S1, Sz, Sy, Szz, Szy, Syy, Sw, Szw, Syw);
  if (x && x[2] > 0) consider({ a: x[0], b: x[2], rho: x[1] / x[2], m, sigma });
  // The edges rho = +-RHO_MAX: w = a + b u, u = rho z + y (a 2x2 least squares).
  for (const rho of [RHO_MAX, -RHO_MAX]) {
    let Su = 0,
      Suu = 0,
      Suw = 0;
    for (let i = 0; i < n; i++) {
      const u = rho * z[i] + y[i];
      Su += u;
      Suu += u * u;
      Suw += u * w[i];
    }
    const det = S1 * Suu - Su * Su;
    if (!(Math.abs(det) > 1e-14 * S1 * Suu)) continue;
    const b = (S1 * Suw - Su * Sw) / det;
    const a = (Sw - b * Su) / S1;
    if (b > 0) consider({ a, b: Math.min(b, 2 / (1 + RHO_MAX)), rho, m, sigma });
  }
  return best;
}

/**
 * Fits raw SVI to total variances `w` at log-moneyness `k` (ascending, at least 5 points).
 * @returns the bounded best fit, or undefined when no candidate in the bounds fits.
 */
export function fitSvi(k: readonly number[], w: readonly number[]): Svi | undefined {
  if (k.length < 5) return undefined;
  const lo = k[0];
  const hi = k[k.length - 1];
  const span = Math.max(hi - lo, 1e-6);
  const mLo = lo - span;
  const mHi = hi + span;
  const sLo = 1e-3 * span;
  const sHi = 2 * span;
  let best: { p: Svi; err: number } = { p: { a: 0, b: 0, rho: 0, m: 0, sigma: 1 }, err: Infinity };
  const M = 30;
  const S = 20;
  for (let i = 0; i <= M; i++) {
    const m = mLo + ((mHi - mLo) * i) / M;
    for (let j = 0; j <= S; j++) {
      const sigma = sLo * Math.pow(sHi / sLo, j / S);
      const c = bestLinear(m, sigma, k, w);
      if (c.err < best.err) best = c;
    }
  }
  if (!Number.isFinite(best.err)) return undefined;
  // Refine (m, log sigma) on shrinking 7x7 grids around the best, staying inside the bounds.
  let dm = (mHi - mLo) / M;
  let dl = Math.log(sHi / sLo) / S;
  for (let round = 0; round < 10; round++) {
    const { m: m0, sigma: s0 } = best.p;
    for (let i = -3; i <= 3; i++) {
      for (let j = -3; j <= 3; j++) {
        const m = Math.min(mHi, Math.max(mLo, m0 + (dm * i) / 3));
        const sigma = Math.min(sHi, Math.max(sLo, s0 * Math.exp((dl * j) / 3)));
        const c = bestLinear(m, sigma, k, w);
        if (c.err < best.err) best = c;
      }
    }
    dm /= 2;
    dl /= 2;
  }
  return best.p;
}
