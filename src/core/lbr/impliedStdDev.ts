/**
 * The implied total standard deviation s = sigma sqrt(T) of a normalised out-of-the-money call,
 * after P. Jäckel, "Let's Be Rational", Wilmott (2015) 40-53 (the method; the code is ours):
 *
 * 1. Initial guess. The central point s_c = sqrt(2|x|) (the inflection point of b in s, where
 *    b'' = 0) and the tangent there split the price axis into four branches:
 *    - beta < b_l: the lower map f(s) = (2 pi |x| / sqrt 27) Phi(-|x| / (sqrt3 s))^3, which is
 *      ~ b for small s, is interpolated against beta by a rational cubic and inverted exactly;
 *    - b_l <= beta < b_c and b_c <= beta <= b_u: s itself, rational cubic in beta between the
 *      branch ends with slopes 1/b' and a zero second derivative at s_c;
 *    - beta > b_u: the upper map f(s) = Phi(-s/2), interpolated and inverted the same way.
 *    (s_l = s_c - b_c/b'_c and s_u = s_c + (b_max - b_c)/b'_c, where the tangent at s_c meets
 *    0 and b_max = e^{x/2}.)
 * 2. Two Householder steps of order 3 (fourth-order convergence) on an objective per branch:
 *    1/ln b(s) - 1/ln beta in the lowest branch (near-linear in s there, where b is
 *    exponentially small; ln b comes from logNormalisedBlack, finite even where b underflows),
 *    b(s) - beta in the middle two, ln((b_max - beta)/(b_max - b(s))) in the highest (b_max - b
 *    from normalisedBlackComplement, without cancellation). x = 0 has its own direct guess. With the ratios h2 = g''/g', h3 = g'''/g' and the Newton step nu = -g/g', the step is
 *    nu (1 + h2 nu / 2) / (1 + nu (h2 + h3 nu / 6)).
 *
 * Derivatives of b used (x fixed): b''/b' = x^2/s^3 - s/4, b'''/b' = (b''/b')^2 - 3x^2/s^4 - 1/4.
 */
import { ppnd16Lower } from "../as241";
import { erfcx, inverseNormCdf, normCdf, normPdf } from "../normal";
import { logNormalisedBlack, normalisedBlackAndVega, normalisedBlackComplement, normalisedVega } from "./normalisedBlack";
import { controlForSecondDerivativeLeft, controlForSecondDerivativeRight, rationalCubic } from "./rationalCubic";

const EPS = 2.220446049250313e-16;
const SQRT_3 = 1.7320508075688772935;
const TWO_PI_OVER_SQRT_27 = 1.2091995761561452337; // 2 pi / sqrt(27)
const SQRT_2PI = 2.5066282746310005024;
const ONE_OVER_SQRT_2PI = 0.39894228040143267794;
const SQRT_HALF = 0.7071067811865475244;

/** Scratch for the vega that normalisedBlackAndVega returns alongside b. */
const out = { vega: 0 };
const logOut = { ratio: 0 };

/** The number of Householder(3) steps after the initial guess. */
export const HOUSEHOLDER_STEPS = 2;

function householderFactor(nu: number, h2: number, h3: number): number {
  return (1 + 0.5 * h2 * nu) / (1 + nu * (h2 + (h3 * nu) / 6));
}

/**
 * The lower map f(s) and its first two derivatives in s, written to `o` (derivation in the file comment). With
 * a = |x|/sqrt3, z = a/s, c = 2 pi |x| / sqrt 27: f = c Phi(-z)^3, f' = 3 c a Phi(-z)^2 phi(z) / s^2,
 * f'' = 3 c a Phi(-z) phi(z) / s^2 * ((2 phi(z) a + Phi(-z) z a) / s^2 - 2 Phi(-z) / s).
 * Phi(-z) and phi(z) share exp(-z^2/2) (Phi(-z) = erfcx(z/sqrt2) exp(-z^2/2) / 2).
 */
function lowerMap(x: number, s: number, o: { f: number; fp: number; fpp: number }): void {
  const ax = Math.abs(x);
  const a = ax / SQRT_3;
  const z = a / s;
  const e = Math.exp(-0.5 * z * z);
  const Phi = 0.5 * erfcx(z * SQRT_HALF) * e;
  const phi = ONE_OVER_SQRT_2PI * e;
  const c = TWO_PI_OVER_SQRT_27 * ax;
  const f = c * Phi * Phi * Phi;
  const s2 = s * s;
  const fp = (3 * c * Phi * Phi * phi * a) / s2;
  const fpp = ((3 * c * a * Phi * phi) / s2) * ((2 * phi * a + Phi * z * a) / s2 - (2 * Phi) / s);
  o.f = f;
  o.fp = fp;
  o.fpp = fpp;
}

/** Scratch for lowerMap's three values (no array per solve). */
const lower = { f: 0, fp: 0, fpp: 0 };

/** s with lowerMap(x, s)[0] = f. */
function inverseLowerMap(x: number, f: number): number {
  const ax = Math.abs(x);
  const p = Math.cbrt(f) / Math.cbrt(TWO_PI_OVER_SQRT_27 * ax); // no underflow for subnormal f
  if (!(p > 0)) return 0;
  if (p >= 0.5) return Infinity;
  return ax / (SQRT_3 * -ppnd16Lower(p)); // a guess: AS241 unrefined is plenty
}

/**
 * x = 0, where b = 2 Phi(s/2) - 1 = 1 - 2 Phi(-s/2): a direct guess, then the iteration on b - beta
 * (beta <= 1/2) or, near the bound 1, on ln((1 - beta) / (1 - b)) where 1 - b = 2 Phi(-s/2) keeps
 * its relative precision.
 */
function atTheMoney(beta: number): number {
  if (beta > 0.5) return refine(beta, 0, -2 * inverseNormCdf(0.5 * (1 - beta)), 4, 0, Infinity, 1); // 1 - beta exact
  // For small beta, b = s/sqrt(2 pi) (1 - s^2/24 + ...): beta sqrt(2 pi) (1 + beta^2 pi/12) is
  // good to O(beta^4); above 0.01, 0.5 + 0.5 beta keeps beta's relative precision well enough.
  const guess = beta < 0.01 ? beta * SQRT_2PI * (1 + (beta * beta * Math.PI) / 12) : 2 * inverseNormCdf(0.5 + 0.5 * beta);
  return refine(beta, 0, guess, 2, 0, Infinity, 1);
}

/**
 * The implied s = sigma sqrt(T) >= 0 of a normalised out-of-the-money call: b(x, s) = beta.
 * Not validated: callers pass x <= 0 and 0 < beta < e^{x/2} (beta strictly inside its bounds).
 * @param beta the normalised price (undiscounted price / sqrt(F K)), in (0, e^{x/2}).
 * @param x ln(F/K) <= 0.
 * @returns s.
 * @example impliedNormalisedStdDev(0.07965567455405798, 0); // => 0.2 (to ~1e-16)
 */
export function impliedNormalisedStdDev(beta: number, x: number): number {
  if (x === 0) return atTheMoney(beta);
  const bMax = Math.exp(0.5 * x);
  const sc = Math.sqrt(-2 * x);
  const bc = normalisedBlackAndVega(x, sc, out);
  const vc = out.vega;
  if (beta < bc) {
    const sl = sc - bc / vc;
    const bl = normalisedBlackAndVega(x, sl, out);
    const vl = out.vega;
    if (beta < bl) {
      // Branch 1: the lower map, interpolated in beta between (0, 0) with slope 1 and (bl, f_l).
      lowerMap(x, sl, lower);
      const fl = lower.f;
      const fpl = lower.fp;
      const fppl = lower.fpp;
      const dfl = fpl / vl; // df/dbeta
      const hl = x / sl;
      const ratio2 = (hl * hl) / sl - sl / 4; // b''/b' = x^2/s^3 - s/4
      const d2fl = (fppl - fpl * ratio2) / (vl * vl); // d2f/dbeta2
      const r = controlForSecondDerivativeRight(0, bl, 0, fl, 1, dfl, d2fl, true);
      let f = rationalCubic(beta, 0, bl, 0, fl, 1, dfl, r);
      if (!(f > 0)) {
        const u = beta / bl;
        f = (fl * u + bl * (1 - u)) * u;
      }
      return refine(beta, x, inverseLowerMap(x, f), 1, 0, sl, bMax);
    }
    // Branch 2: s in beta between (bl, sl) and (bc, sc), b'' = 0 at sc.
    const r = controlForSecondDerivativeRight(bl, bc, sl, sc, 1 / vl, 1 / vc, 0, false);
    return refine(beta, x, rationalCubic(beta, bl, bc, sl, sc, 1 / vl, 1 / vc, r), 2, sl, sc, bMax);
  }
  const su = sc + (bMax - bc) / vc;
  const bu = normalisedBlackAndVega(x, su, out);
  const vu = out.vega;
  if (beta <= bu) {
    // Branch 3: s in beta between (bc, sc) and (bu, su), b'' = 0 at sc.
    const r = controlForSecondDerivativeLeft(bc, bu, sc, su, 1 / vc, 1 / vu, 0, false);
    return refine(beta, x, rationalCubic(beta, bc, bu, sc, su, 1 / vc, 1 / vu, r), 2, sc, su, bMax);
  }
  // Branch 4: the upper map f = Phi(-s/2), interpolated between (bu, f_u) and (bMax, 0).
  const half = 0.5 * su;
  const fu = normCdf(-half);
  const fpu = -0.5 * normPdf(half);
  const fppu = (su / 8) * normPdf(half);
  const hu = x / su;
  const ratio2 = (hu * hu) / su - su / 4;
  const dfu = fpu / vu;
  const d2fu = (fppu - fpu * ratio2) / (vu * vu);
  const r = controlForSecondDerivativeLeft(bu, bMax, fu, 0, dfu, -0.5, d2fu, true);
  let f = rationalCubic(beta, bu, bMax, fu, 0, dfu, -0.5, r);
  if (!(f > 0)) {
    const w = bMax - bu;
    const u = (beta - bu) / w;
    f = (fu * (1 - u) + 0.5 * w * u) * (1 - u);
  }
  const guess = f >= 0.5 ? su : -2 * ppnd16Lower(f);
  return refine(beta, x, guess, 4, su, Infinity, bMax);
}

/**
 * Householder(3) steps from `s` on the objective of `branch` (1, 2 or 4; 3 uses 2's), kept inside
 * (lo, hi) when a step would leave it.
 */
function refine(beta: number, x: number, s: number, branch: 1 | 2 | 4, lo: number, hi: number, bMax: number): number {
  if (!(s >= lo && s <= hi && s > 0)) s = hi === Infinity ? Math.max(2 * lo, lo + 1) : 0.5 * (lo + hi);
  const lnBeta = branch === 1 ? Math.log(beta) : 0;
  for (let i = 0; i < HOUSEHOLDER_STEPS; i++) {
    // The lowest branch works with ln b, which stays finite where b underflows.
    const L = branch === 1 ? logNormalisedBlack(x, s, logOut) : 0;
    // Branch 4 needs only the vega (its objective takes b_max - b from the complement below).
    const b = branch === 2 ? normalisedBlackAndVega(x, s, out) : 0;
    const bp = branch === 1 ? logOut.ratio : branch === 2 ? out.vega : normalisedVega(x, s);
    if (!(bp > 0) || !Number.isFinite(L)) {
      // Underflow of the vega: the guess is far off the curve (never seen with the guesses
      // above); move toward the side the price lies on.
      s = hi === Infinity ? 2 * s : 0.5 * (s + hi);
      continue;
    }
    // Written with h/s rather than x^2/s^3, x^2/s^4: s^4 underflows for tiny s.
    const h = x / s;
    const hs = h / s;
    const r2 = (h * h) / s - 0.25 * s; // b''/b' = x^2/s^3 - s/4
    const d2 = -3 * hs * hs - 0.25; // (b''/b')' = -3 x^2/s^4 - 1/4
    const r3 = r2 * r2 + d2; // b'''/b'
    let nu: number;
    let h2: number;
    let h3: number;
    if (branch === 1) {
      // g = 1/ln b - 1/ln beta; L = ln b, l1 = L' = b'/b, l2 = L'', l3 = L'''.
      const l1 = bp;
      const l2 = l1 * r2 - l1 * l1;
      const l3 = l2 * r2 + l1 * d2 - 2 * l1 * l2;
      nu = ((lnBeta - L) * L) / (lnBeta * l1);
      h2 = l2 / l1 - (2 * l1) / L;
      h3 = l3 / l1 - (6 * l2) / L + (6 * l1 * l1) / (L * L);
    } else if (branch === 2) {
      nu = (beta - b) / bp;
      h2 = r2;
      h3 = r3;
    } else {
      // g = ln((bMax - beta) / (bMax - b)); M = bMax - b without cancellation.
      const M = normalisedBlackComplement(x, s);
      const g = Math.log((bMax - beta) / M);
      nu = (-g * M) / bp;
      h2 = r2 + bp / M;
      h3 = r3 + (3 * r2 * bp) / M + (2 * bp * bp) / (M * M);
    }
    const ds = nu * householderFactor(nu, h2, h3);
    let next = s + ds;
    if (!(next >= lo && next <= hi)) next = ds > 0 ? (hi === Infinity ? s + ds : 0.5 * (s + hi)) : 0.5 * (s + lo);
    if (!(next > 0)) next = 0.5 * s;
    const done = Math.abs(next - s) <= EPS * next;
    s = next;
    if (done) break;
  }
  return s;
}
