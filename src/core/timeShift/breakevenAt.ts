/**
 * BREAKEVEN_AT (SPEC.md, "Stress and time-shift"): the "time-shifted" breakevens, the underlying
 * prices where CONDOR_PAYOFF's P/L with `daysLeft` days left, credit - condorPrice(S, daysLeft,
 * vol, rate, yield), is zero.
 *
 * Method. The P/L tends to credit - e^{-rate T} (putShort - putLong) as S -> 0 and to
 * credit - e^{-rate T} (callLong - callShort) as S -> infinity (every option goes to its
 * discounted intrinsic value, whatever its vol). A side whose limit is >= 0 never loses and has
 * no crossing (like BREAKEVEN's side whose width the credit reaches). Otherwise the search starts
 * at m = (putShort + callShort) / 2 and walks outward in log-price, doubling the step, to the
 * first price where the P/L is below zero; the bracket is then bisected to two adjacent doubles
 * (the P/L as computed changes sign between them) and the one with the smaller |P/L| returned.
 * With one vol, the P/L is a Gaussian smoothing of the (quasi-concave) expiry P/L in log-price, so
 * it crosses zero at most once on each side of its peak (variation diminishing property of the
 * Gaussian kernel): the root is the only one.
 *
 * If the P/L at m is below zero (its peak is off-centre: a large drift rate - yield, or strong
 * skew), the peak is located first (a log-price scan and golden-section refinement) and the walk
 * starts there; below zero everywhere, both sides are null (docs/decisions.md).
 */
import { DAYS_PER_YEAR } from "../units";
import { breakevens, condorPayoff, creditRule, legVols, validateStrikes, type Breakevens, type CondorStrikes, type CondorVols } from "../condor";
import { days as daysRule, rate as rateRule } from "../validate";

/** How far out (in ln S) the walk goes before a side counts as having no crossing at a double. */
const MAX_LOG_STEP = 600;

/**
 * The two prices where the condor's before-expiry P/L is zero: `lower` below (putShort +
 * callShort) / 2, `upper` above it; `null` for a side without a crossing (both when the P/L is
 * below zero everywhere). At daysLeft = 0, exactly `breakevens(strikes, credit)`.
 *
 * Throws InputError for strikes out of order, a credit < 0, daysLeft outside [0, 36500], a vol
 * outside (0, 5] or a count other than one or four, |rate| or |yield| > 1.
 *
 * @example breakevenAt({ putLong: 4900, putShort: 4950, callShort: 5250, callLong: 5300 }, 12.5, 0, 0.18) // => { lower: 4937.5, upper: 5262.5 }
 */
export function breakevenAt(strikes: CondorStrikes, credit: number, daysLeft: number, vols: CondorVols, rate = 0, yield_ = 0): Breakevens {
  validateStrikes(strikes);
  creditRule(credit);
  daysRule("daysLeft", daysLeft);
  const v = legVols(vols);
  rateRule("rate", rate);
  rateRule("yield", yield_);
  if (daysLeft === 0) return breakevens(strikes, credit);

  const pl = (s: number): number => condorPayoff(strikes, credit, [s], daysLeft, v, rate, yield_)[0];
  const discount = Math.exp((-rate * daysLeft) / DAYS_PER_YEAR);
  const lowLimit = credit - discount * (strikes.putShort - strikes.putLong);
  const highLimit = credit - discount * (strikes.callLong - strikes.callShort);

  let split = (strikes.putShort + strikes.callShort) / 2;
  if (pl(split) < 0) {
    const peak = peakOf(pl, strikes, daysLeft, Math.max(...v));
    if (pl(peak) < 0) return { lower: null, upper: null };
    split = peak;
  }
  return {
    lower: lowLimit < 0 ? crossing(pl, split, -1) : null,
    upper: highLimit < 0 ? crossing(pl, split, 1) : null,
  };
}

/**
 * Walks from `start` (P/L >= 0) in direction `dir` (-1 down, +1 up) to a price with P/L < 0, then
 * bisects to adjacent doubles. null if no double price that far out has a negative P/L (the
 * crossing is lost to rounding).
 */
function crossing(pl: (s: number) => number, start: number, dir: -1 | 1): number | null {
  let inside = start; // P/L >= 0
  let outside = NaN; // P/L < 0
  for (let step = 1e-3; step <= MAX_LOG_STEP; step *= 2) {
    const s = start * Math.exp(dir * step);
    if (!(s > 0 && s < Infinity)) break;
    if (pl(s) < 0) {
      outside = s;
      break;
    }
    inside = s;
  }
  if (Number.isNaN(outside)) return null;
  for (;;) {
    const mid = inside + (outside - inside) / 2;
    if (mid === inside || mid === outside) break;
    if (pl(mid) < 0) outside = mid;
    else inside = mid;
  }
  return Math.abs(pl(outside)) < Math.abs(pl(inside)) ? outside : inside;
}

/** The price of the P/L's maximum: a scan in ln S across the strikes +- 8 sd, refined by golden section. */
function peakOf(pl: (s: number) => number, k: CondorStrikes, daysLeft: number, vol: number): number {
  const sd = vol * Math.sqrt(daysLeft / DAYS_PER_YEAR);
  const lo = Math.log(k.putLong) - 8 * sd;
  const hi = Math.log(k.callLong) + 8 * sd;
  const n = 400;
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i <= n; i++) {
    const value = pl(Math.exp(lo + ((hi - lo) * i) / n));
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  let a = lo + ((hi - lo) * Math.max(0, best - 1)) / n;
  let b = lo + ((hi - lo) * Math.min(n, best + 1)) / n;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = pl(Math.exp(c));
  let fd = pl(Math.exp(d));
  while (b - a > 1e-12) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = pl(Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = pl(Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}
