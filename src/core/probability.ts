/**
 * Risk-neutral probabilities of the underlying under BSM (geometric Brownian motion with drift
 * rate - yield): ending inside a range at expiry, and touching a level before expiry.
 */
import { InputError } from "./errors";
import { logMoneyness } from "./lbr/logMoneyness";
import { erfcx, normCdf, normPdf } from "./normal";
import { DAYS_PER_YEAR } from "./units";
import { days as daysRule, nonNegative, positive, rate as rateRule, vol as volRule } from "./validate";

const SQRT_HALF = Math.SQRT1_2;

function validateCommon(spot: number, days: number, vol: number, rate: number, yield_: number): void {
  positive("spot", spot);
  daysRule("days", days);
  volRule("vol", vol);
  rateRule("rate", rate);
  rateRule("yield", yield_);
}

/** half (1 + |mid|) up to which narrowMass's series is used: each term <= 1/16 of the one before. */
const NARROW = 0.25;

/**
 * N(m + h) - N(m - h) for a small h, to full relative precision: the density phi(m + u) =
 * phi(m) sum_n He_n(m) (-u)^n / n! (probabilists' Hermite polynomials He_n)
 * integrated over -h..h keeps the even terms: 2 h phi(m) sum_k He_2k(m) h^2k / (2k+1)!, with
 * He_(n+1) = m He_n - n He_(n-1). For h (1 + |m|) <= 1/4 the terms fall by 16x or more.
 */
function narrowMass(m: number, h: number): number {
  let hePrev = 1; // He_0
  let he = m; // He_1
  let n = 1;
  let sum = 1;
  let factor = 1; // h^2k / (2k+1)!
  const h2 = h * h;
  for (let k = 1; k < 40; k++) {
    // Two steps of the recurrence: He_(2k) from He_(2k-1), He_(2k-2).
    const heEven = m * he - n * hePrev;
    n++;
    factor *= h2 / (2 * k * (2 * k + 1));
    const term = heEven * factor;
    sum += term;
    const heOdd = m * heEven - n * he;
    n++;
    hePrev = heEven;
    he = heOdd;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  return 2 * h * normPdf(m) * sum;
}

/**
 * The risk-neutral probability that the underlying ends between `lower` and `upper` at expiry:
 * P(lower < S_T < upper) = N(d2(lower)) - N(d2(upper)), with
 * d2(X) = (ln(spot / X) + (rate - yield - vol^2 / 2) T) / (vol sqrt T), T = days / 365
 * (Hull, "Options, Futures and Other Derivatives", N(d2) as the probability of exercise).
 * Evaluated as N(-d2(upper)) - N(-d2(lower)) when both terms are near 1, so a range far from
 * spot keeps its relative precision, and as the density integrated over a narrow range (an iron
 * fly's profit zone at a tiny credit) so that it keeps its relative precision too.
 *
 * `lower` = 0 means unbounded below; `upper` = Infinity unbounded above. At days = 0 the result
 * is the indicator of lower <= spot <= upper (bounds included). A probability (0 to 1).
 *
 * Throws InputError for spot <= 0, lower < 0, upper <= 0 or NaN, lower >= upper, days outside [0, 36500],
 * vol outside (0, 5], |rate| or |yield| > 1.
 *
 * @example probBetween(30, 0, 50, 365, 0.2, 0.1) // => 0.98436... (LibreOffice OPT_PROB_INMONEY: 0.9844)
 */
export function probBetween(spot: number, lower: number, upper: number, days: number, vol: number, rate = 0, yield_ = 0): number {
  validateCommon(spot, days, vol, rate, yield_);
  nonNegative("lower", lower);
  if (upper !== Infinity) positive("upper", upper);
  if (!(lower < upper)) throw new InputError("upper", `must be greater than lower (${lower})`, upper);

  const T = days / DAYS_PER_YEAR;
  const sd = vol * Math.sqrt(T);
  if (!(sd > 0)) return lower <= spot && spot <= upper ? 1 : 0;
  const drift = (rate - yield_ - 0.5 * vol * vol) * T;
  // P(S_T > X) = N(d2(X)); d2(0) = +Infinity, d2(Infinity) = -Infinity. ln(spot / X) to half an
  // ulp (lbr/logMoneyness.ts: not ln spot - ln X, which costs |ln X| ulps in the tails, nor the
  // rounded quotient's log, which costs 1/|ln(spot/X)| ulps near the money).
  const d2L = lower === 0 ? Infinity : (logMoneyness(spot, lower) + drift) / sd;
  const d2U = upper === Infinity ? -Infinity : (logMoneyness(spot, upper) + drift) / sd;
  if (lower > 0 && upper !== Infinity) {
    // A narrow range: N(d2L) - N(d2U) would cancel to an absolute ~1e-17 (a relative 1e-4 for an
    // iron fly's 2e-9-wide profit zone); integrate the density over it instead (narrowMass).
    const half = (0.5 * Math.log1p((upper - lower) / lower)) / sd; // (d2L - d2U) / 2, not cancelled
    const mid = 0.5 * (d2L + d2U);
    if (half * (1 + Math.abs(mid)) <= NARROW) return Math.min(1, narrowMass(mid, half));
  }
  // Both N(d2) near 1 (the range sits below spot's mass): subtract the small complements instead.
  const p = d2U > 0 ? normCdf(-d2U) - normCdf(-d2L) : normCdf(d2L) - normCdf(d2U);
  return Math.min(1, Math.max(0, p));
}

/**
 * The risk-neutral probability that the underlying touches `level` at any time before expiry
 * (continuous monitoring): the first-passage probability of a Brownian motion with drift
 * nu = rate - yield - vol^2 / 2 and volatility vol through b = ln(level / spot)
 * (the law of the running maximum of Brownian motion with drift: S. Shreve, "Stochastic Calculus
 * for Finance II", 2004, ch. 7; the same as a one-touch paying at expiry, over its discount):
 *   level above spot: N((-b + nu T) / s) + e^{2 nu b / vol^2} N((-b - nu T) / s),
 *   level below spot: N(( b - nu T) / s) + e^{2 nu b / vol^2} N(( b + nu T) / s),   s = vol sqrt T.
 * The second term is evaluated as erfcx(.) e^{-x1^2 / 2} / 2 (x1 the first term's argument), an
 * identity that avoids e^{2 nu b / vol^2} overflowing against a vanishing N(.).
 *
 * level = spot -> 1. At days = 0 the result is 1 if level = spot, else 0. A probability (0 to 1).
 *
 * Throws InputError for spot <= 0, level <= 0, days outside [0, 36500], vol outside (0, 5], |rate| or
 * |yield| > 1.
 *
 * @example probTouch(30, 40, 365, 0.2, 0.3) // => 0.6119... (LibreOffice OPT_PROB_HIT: 0.6119)
 */
export function probTouch(spot: number, level: number, days: number, vol: number, rate = 0, yield_ = 0): number {
  validateCommon(spot, days, vol, rate, yield_);
  positive("level", level);
  if (level === spot) return 1;
  const T = days / DAYS_PER_YEAR;
  const sd = vol * Math.sqrt(T);
  if (!(sd > 0)) return 0;
  const nu = rate - yield_ - 0.5 * vol * vol;
  const b = Math.log(level / spot);
  // Reflect a lower barrier into an upper one: the first passage of -X through -b > 0.
  const up = b > 0;
  const beta = up ? b : -b; // distance to the barrier, > 0
  const mu = up ? nu : -nu; // drift towards the barrier
  const x1 = (-beta + mu * T) / sd;
  const x2 = (-beta - mu * T) / sd;
  // e^{2 mu beta / vol^2} N(x2) = e^{-x1^2/2} erfcx(-x2/sqrt2) / 2 (the exponents combine exactly).
  const second = x2 < 0 ? 0.5 * Math.exp(-0.5 * x1 * x1) * erfcx(-x2 * SQRT_HALF) : Math.exp((2 * mu * beta) / (vol * vol)) * normCdf(x2);
  return Math.min(1, normCdf(x1) + second);
}
