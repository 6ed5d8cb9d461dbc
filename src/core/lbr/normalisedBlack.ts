/**
 * The normalised Black function of P. Jäckel, "Let's Be Rational", Wilmott (2015) 40-53:
 * for x = ln(F/K) and s = sigma sqrt(T),
 *
 *   b(x, s) = e^{x/2} Phi(x/s + s/2) - e^{-x/2} Phi(x/s - s/2)        (a call; price = sqrt(FK) b)
 *
 * evaluated here for the out-of-the-money side x <= 0 only (every other case follows by
 * put-call parity and the symmetry b_put(x) = b_call(-x)), to full relative precision.
 * With h = x/s, t = s/2 and the Mills-type ratio R(z) = Phi(z)/phi(z),
 *
 *   b = phi-scale * (R(h+t) - R(h-t)),   phi-scale = exp(-(h^2+t^2)/2) / sqrt(2 pi)
 *
 * (the erfcx form of "Let's Be Rational"), and the difference R(h+t) - R(h-t), which cancels
 * badly in places, is taken by the form that does not cancel there:
 *
 *  A. h+t <= -10: R's asymptotic series R(z) = sum_k (-1)^k (2k-1)!! / |z|^(2k+1) (A&S 26.2.12),
 *     with each difference 1/p^n - 1/q^n rewritten as (q-p) times a sum of positive terms.
 *  B. t < 0.21: the Taylor series in t, R(h+-t) = sum a_n (+-t)^n, from R' = 1 + zR:
 *     a_1 = 1 + h R(h), a_(n+1) = (h a_n + a_(n-1)) / (n+1); only odd n survive.
 *  C. h+t <= 0.85: the two R by Cody's erfcx (R(z) = sqrt(pi/2) erfcx(-z/sqrt2)).
 *  D. otherwise: e^{x/2} Phi(h+t) - e^{-x/2} Phi(h-t) directly (the second term is small).
 *
 * The method is Jäckel's; the code and the region formulas A and B are derived here.
 */
import { erfcx, normCdf } from "../normal";

const ONE_OVER_SQRT_2PI = 0.39894228040143267794;
const LN_SQRT_2PI = 0.91893853320467274178;
const SQRT_PI_OVER_2 = 1.2533141373155002512;
const SQRT_HALF = 0.7071067811865475244;

/** Region bounds (see the file comment). */
export const ASYMPTOTIC_BOUND = -10;
export const SMALL_T_BOUND = 0.21;
export const DIRECT_BOUND = 0.85;

/** R(z) = Phi(z)/phi(z) for z <= 0.85 via erfcx (argument >= -0.6, no overflow). */
function millsRatio(z: number): number {
  return SQRT_PI_OVER_2 * erfcx(-z * SQRT_HALF);
}

/** Region A: R(h+t) - R(h-t) for h+t <= -10 by the asymptotic series, cancellation-free. */
function asymptoticDifference(h: number, t: number): number {
  const p = -(h + t); // |h+t|, the smaller
  const q = t - h; // |h-t|, the larger; q - p = 2t
  const a = 1 / p;
  const b = 1 / q;
  // 1/p^n - 1/q^n = (q - p)/(pq) * G_(n-1), G_m = sum_{j=0..m} a^j b^(m-j), n = 2k+1 odd.
  const a2 = a * a;
  const ab = a + b;
  let g = 1; // G_0
  let bPow = b; // b^(m+1) for m = 0
  const b2 = b * b;
  let coef = 1; // (-1)^k (2k-1)!!
  let sum = g;
  for (let k = 1; k < 60; k++) {
    g = a2 * g + bPow * ab; // G_(m+2) = a^2 G_m + b^(m+1) (a + b)
    bPow *= b2;
    coef *= -(2 * k - 1);
    const term = coef * g;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return ((2 * t) / (p * q)) * sum;
}

/** 1/k for k = 0..63 (index 0 unused): the Taylor recurrence multiplies instead of dividing. */
const RECIPROCAL = Float64Array.from({ length: 64 }, (_, k) => (k === 0 ? 0 : 1 / k));

/** Region B: R(h+t) - R(h-t) for small t by the Taylor series of R about h. */
function smallTDifference(h: number, t: number): number {
  let prev = millsRatio(h); // a_0
  let cur = 1 + h * prev; // a_1
  const t2 = t * t;
  let tPow = t;
  let sum = cur * t;
  for (let n = 1; n < 60; n += 2) {
    const next = (h * cur + prev) * RECIPROCAL[n + 1]; // a_(n+1)
    const odd = (h * next + cur) * RECIPROCAL[n + 2]; // a_(n+2)
    prev = next;
    cur = odd;
    tPow *= t2;
    const term = odd * tPow;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return 2 * sum;
}

/**
 * The normalised Black call value b(x, s) for x <= 0 (out of the money or at the money), to full
 * relative precision (see the file comment). Inputs are not validated: callers pass x <= 0 and
 * s >= 0, both finite.
 * @param x ln(F/K) <= 0.
 * @param s total standard deviation sigma sqrt(T) >= 0.
 * @returns b(x, s) >= 0 (undiscounted call price divided by sqrt(F K)).
 * @example normalisedBlackOtm(0, 0.2); // => 0.07965567455405796 (= 2 Phi(0.1) - 1 = 0.0796556745540579...)
 */
export function normalisedBlackOtm(x: number, s: number): number {
  return normalisedBlackAndVega(x, s, scratch);
}

const scratch = { vega: 0 };

/**
 * b(x, s) as normalisedBlackOtm, and its vega db/ds (normalisedVega) written to `out.vega`: the
 * two share their exponential, which saves the solver one exp per evaluation.
 * @example const o = { vega: 0 }; normalisedBlackAndVega(0, 0.2, o); // => 0.07965567455405796, o.vega = 0.3969525474770118
 */
export function normalisedBlackAndVega(x: number, s: number, out: { vega: number }): number {
  if (s <= 0) {
    out.vega = 0;
    return 0;
  }
  if (s === Infinity) {
    out.vega = 0;
    return Math.exp(0.5 * x);
  }
  const h = x / s;
  const t = 0.5 * s;
  const u = h + t;
  const scale = ONE_OVER_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
  out.vega = scale;
  if (u > DIRECT_BOUND) {
    return Math.exp(0.5 * x) * normCdf(u) - Math.exp(-0.5 * x) * normCdf(h - t);
  }
  if (scale === 0) return 0;
  if (u <= ASYMPTOTIC_BOUND) return scale * asymptoticDifference(h, t);
  if (t < SMALL_T_BOUND) return scale * smallTDifference(h, t);
  return scale * (millsRatio(u) - millsRatio(h - t));
}

/**
 * ln b(x, s) for x <= 0 and s > 0, finite even where b itself underflows (b ~ 1e-320 and below):
 * in the regions where b = vega * (R(h+t) - R(h-t)), ln b = ln(vega) + ln(difference) with
 * ln(vega) = -(h^2 + t^2)/2 - ln sqrt(2 pi). Also writes b'/b (the log-derivative in s) to
 * `out.ratio`: 1/difference there, vega/b in the direct region. Used by the implied-vol solver's
 * lowest branch, whose objective is 1/ln b - 1/ln beta.
 * @example const o = { ratio: 0 }; logNormalisedBlack(-1, 0.02, o); // => -1262.6562558340006 (b ~ 4e-549), o.ratio = 125149.87534264820
 */
export function logNormalisedBlack(x: number, s: number, out: { ratio: number }): number {
  const h = x / s;
  const t = 0.5 * s;
  const u = h + t;
  const logVega = -0.5 * (h * h + t * t) - LN_SQRT_2PI;
  if (u > DIRECT_BOUND) {
    const b = Math.exp(0.5 * x) * normCdf(u) - Math.exp(-0.5 * x) * normCdf(h - t);
    out.ratio = Math.exp(logVega) / b;
    return Math.log(b);
  }
  const diff = u <= ASYMPTOTIC_BOUND ? asymptoticDifference(h, t) : t < SMALL_T_BOUND ? smallTDifference(h, t) : millsRatio(u) - millsRatio(h - t);
  out.ratio = 1 / diff;
  return logVega + Math.log(diff);
}

/**
 * The normalised vega db/ds = phi(h + t) e^{x/2} = exp(-(h^2 + t^2)/2) / sqrt(2 pi), h = x/s, t = s/2
 * (differentiate b under the Black formula; the Phi' terms cancel). Throws nothing.
 * @example normalisedVega(0, 0.2); // => 0.3969525474770118 (= phi(0.1))
 */
export function normalisedVega(x: number, s: number): number {
  if (s <= 0) return 0;
  const h = x / s;
  const t = 0.5 * s;
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
}

/**
 * e^{x/2} - b(x, s) for x <= 0: the distance of the normalised call to its upper bound, without
 * cancellation: e^{x/2} Phi(-(h+t)) + e^{-x/2} Phi(h-t) (both terms positive).
 * @example normalisedBlackComplement(0, 0.2); // => 0.920344325445942 (= 2 Phi(-0.1))
 */
export function normalisedBlackComplement(x: number, s: number): number {
  if (s <= 0) return Math.exp(0.5 * x);
  const h = x / s;
  const t = 0.5 * s;
  return Math.exp(0.5 * x) * normCdf(-(h + t)) + Math.exp(-0.5 * x) * normCdf(h - t);
}
