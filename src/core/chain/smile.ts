/**
 * SMILE_VOL's core (SPEC.md, "The option chain"): the vol at any strike, read off a smile given
 * as quoted strikes and vols.
 *
 * Inside the quoted strikes: Steffen's monotone cubic Hermite interpolation of the vol in
 * x = ln K (M. Steffen, "A simple method for monotonic interpolation in one dimension",
 * Astronomy and Astrophysics 239, 1990, 443-450). It passes through every quoted vol, has a
 * continuous first derivative, never overshoots (between two quotes the vol stays between
 * them, so noisy mids cannot ring into negative or wild vols as a natural spline's can), and
 * is local (a bad quote moves only its two neighbouring intervals). ln K rather than K: the
 * smile is close to a function of log-moneyness ln(K/F), and ln K is that up to a shift, which
 * the interpolation does not see, so no forward is needed.
 *
 * Outside: flat at the end vols; or, when the forward and days are given and at least 5 vols
 * are quoted, raw SVI (svi.ts) fitted to all the quotes in total variance, shifted on each
 * side to meet the end quote (continuous there), and used on that side only if the shifted
 * wing is free of butterfly arbitrage (g(k) >= 0 and w > 0, checked on a grid out to
 * |ln(K/F)| = 10 from the end strike) - otherwise that side falls back to flat.
 */
import { InputError } from "../errors";
import { DAYS_PER_YEAR } from "../units";
import { days as daysRule, positive, vol as volRule } from "../validate";
import { butterflyG, fitSvi, type Svi, sviW, sviW1, sviW2 } from "./svi";
import { validateStrikes } from "./quotes";

/** How one side of the smile is extended beyond the quoted strikes. */
export type Wing = "flat" | "svi";

export interface Smile {
  /** The vol (a decimal) at a strike > 0. */
  vol(strike: number): number;
  left: Wing;
  right: Wing;
  /** The SVI fit when one was made (whether or not a side uses it). */
  svi?: Svi;
}

/** Steffen's slopes dy/dx at the knots. */
function steffenSlopes(x: readonly number[], y: readonly number[]): number[] {
  const n = x.length;
  if (n === 1) return [0];
  const h = x.slice(1).map((v, i) => v - x[i]);
  const s = h.map((hi, i) => (y[i + 1] - y[i]) / hi);
  if (n === 2) return [s[0], s[0]];
  const d = new Array<number>(n);
  for (let i = 1; i < n - 1; i++) {
    const p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i]);
    d[i] = (Math.sign(s[i - 1]) + Math.sign(s[i])) * Math.min(Math.abs(s[i - 1]), Math.abs(s[i]), 0.5 * Math.abs(p));
  }
  const end = (s0: number, s1: number, h0: number, h1: number) => {
    const p = s0 * (1 + h0 / (h0 + h1)) - (s1 * h0) / (h0 + h1);
    if (p * s0 <= 0) return 0;
    return Math.abs(p) > 2 * Math.abs(s0) ? 2 * s0 : p;
  };
  d[0] = end(s[0], s[1], h[0], h[1]);
  d[n - 1] = end(s[n - 2], s[n - 3], h[n - 2], h[n - 3]);
  return d;
}

/** The cubic Hermite interpolant through (x, y) with slopes d, for x[0] <= t <= x[n-1]. */
function hermite(x: readonly number[], y: readonly number[], d: readonly number[], t: number): number {
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= t) lo = mid;
    else hi = mid;
  }
  if (t === x[lo]) return y[lo];
  if (t === x[hi]) return y[hi];
  const h = x[hi] - x[lo];
  const u = (t - x[lo]) / h;
  const u2 = u * u;
  const u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * y[lo] + (u3 - 2 * u2 + u) * h * d[lo] + (-2 * u3 + 3 * u2) * y[hi] + (u3 - u2) * h * d[hi];
}

/** Offsets from the end strike, in log-moneyness, where an SVI wing is checked for arbitrage. */
const WING_GRID: number[] = (() => {
  const out: number[] = [];
  for (let i = 0; i <= 200; i++) out.push(i * 0.005); // 0 to 1, fine
  for (let i = 1; i <= 100; i++) out.push(Math.exp((i / 100) * Math.log(10))); // 1 to 10, geometric
  return out;
})();

/**
 * True when the SVI wing shifted by `shift` (in total variance) is free of butterfly arbitrage
 * beyond `kEnd` in the direction `dir` (-1 left, +1 right): w > 0 and g(k) >= 0 on WING_GRID.
 * Beyond |k - kEnd| = 10, Lee's bound b (1 + |rho|) <= 2 (kept by the fit) makes g tend to
 * 1/4 - slope^2 / 16 >= 0, and the wing must be rising outward at the grid's end (w is convex,
 * so it then stays positive).
 */
export function wingIsArbitrageFree(p: Svi, shift: number, kEnd: number, dir: 1 | -1): boolean {
  for (const off of WING_GRID) {
    const k = kEnd + dir * off;
    const w = sviW(p, k) + shift;
    if (!(w > 0)) return false;
    if (!(butterflyG(k, w, sviW1(p, k), sviW2(p, k)) >= 0)) return false;
  }
  // w is convex: rising outward at the grid's far end, it stays positive beyond it.
  return dir * sviW1(p, kEnd + dir * WING_GRID[WING_GRID.length - 1]) >= 0;
}

/**
 * Builds the smile.
 * @param strikes quoted strikes, > 0, strictly ascending, at least one.
 * @param vols the vol at each, a decimal in (0, 5].
 * @param forward optional forward of the expiry, > 0 (with `days`: SVI wings).
 * @param days optional calendar days to expiry, > 0 (with `forward`).
 * @throws InputError for bad strikes, vols, forward or days, or only one of forward and days.
 * @example buildSmile([4800, 5000, 5200], [0.22, 0.18, 0.16]).vol(5000); // => 0.18
 */
export function buildSmile(strikes: readonly number[], vols: readonly number[], forward?: number, days?: number): Smile {
  validateStrikes("strikes", strikes);
  if (vols.length !== strikes.length) throw new InputError("vols", `must have as many values as strikes (${strikes.length})`, vols.length);
  vols.forEach((v, i) => volRule(`vols (row ${i + 1})`, v));
  if ((forward === undefined) !== (days === undefined)) {
    throw new InputError(
      forward === undefined ? "forward" : "days",
      "is needed with the other (forward and days together select the SVI wings; omit both for flat wings)",
      forward ?? days,
    );
  }
  const x = strikes.map(Math.log);
  const d = steffenSlopes(x, vols);
  const n = strikes.length;
  const inside = (strike: number) => hermite(x, vols, d, Math.log(strike));
  let left: Wing = "flat";
  let right: Wing = "flat";
  let svi: Svi | undefined;
  let leftShift = 0;
  let rightShift = 0;
  let F = 0;
  let T = 0;
  if (forward !== undefined && days !== undefined) {
    positive("forward", forward);
    daysRule("days", days);
    if (days === 0) throw new InputError("days", "must be greater than 0 for SVI wings (at expiry a smile has no total variance)", days);
    F = forward;
    T = days / DAYS_PER_YEAR;
    const k = strikes.map((K) => Math.log(K / F));
    const w = vols.map((v) => v * v * T);
    svi = fitSvi(k, w);
    if (svi) {
      leftShift = w[0] - sviW(svi, k[0]);
      rightShift = w[n - 1] - sviW(svi, k[n - 1]);
      if (wingIsArbitrageFree(svi, leftShift, k[0], -1)) left = "svi";
      if (wingIsArbitrageFree(svi, rightShift, k[n - 1], 1)) right = "svi";
    }
  }
  const fitted = svi;
  // A wing is "svi" only when the fit exists; otherwise the end vol.
  const wing = (strike: number, shift: number, end: number) => (fitted ? Math.sqrt((sviW(fitted, Math.log(strike / F)) + shift) / T) : end);
  return {
    left,
    right,
    svi,
    vol(strike: number): number {
      positive("strike", strike);
      if (strike < strikes[0]) return left === "svi" ? wing(strike, leftShift, vols[0]) : vols[0];
      if (strike > strikes[n - 1]) return right === "svi" ? wing(strike, rightShift, vols[n - 1]) : vols[n - 1];
      return inside(strike);
    },
  };
}
