/**
 * VIX_INDEX's core: Cboe's 30-day interpolation of two expiries' model-free variances
 * (Cboe VIX methodology, step 3):
 *
 *   VIX = 100 sqrt( [ T1 s1^2 (N2 - Nt) / (N2 - N1) + T2 s2^2 (Nt - N1) / (N2 - N1) ] x N365 / Nt )
 *
 * with N1, N2, Nt the times to the near expiry, the next expiry and the target (Cboe counts them in
 * minutes; any one unit gives the same weights, so SHIELD takes calendar days, fractional:
 * days = minutes / 1440), T = days / 365 and N365 / Nt = 365 / targetDays.
 * A target outside [nearDays, nextDays] extrapolates with the same weights (one of them
 * negative), as the formula reads; a negative interpolated variance is #NUM!.
 */
import { InputError, NoSolutionError } from "../errors";
import { DAYS_PER_YEAR, MAX_DAYS } from "../units";
import { nonNegative } from "../validate";

/** Calendar days to an expiry (or the target), > 0: the interpolation divides by them. */
function expiryDays(name: string, value: number): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0 && value <= MAX_DAYS)) {
    throw new InputError(name, `must be calendar days, greater than 0 and at most ${MAX_DAYS} (Cboe's minutes / 1440)`, value);
  }
  return value;
}

/**
 * The VIX-style index of two expiries.
 * @param nearDays calendar days to the near-term expiry, > 0.
 * @param nearVariance its annualized variance sigma1^2 (VIX_VARIANCE's first cell), >= 0.
 * @param nextDays calendar days to the next-term expiry, > nearDays.
 * @param nextVariance its annualized variance sigma2^2, >= 0.
 * @param targetDays the constant maturity, > 0 (default 30).
 * @returns the index in vol points (13.93 = 13.93% annualized).
 * @throws InputError for days <= 0 or above 36500, nextDays <= nearDays, a negative or non-finite variance.
 * @throws NoSolutionError when extrapolating gives a negative variance.
 * @example vixIndex(34484 / 1440, 0.019233906, 44954 / 1440, 0.019423884); // => 13.9278... (Cboe's worked example)
 */
export function vixIndex(nearDays: number, nearVariance: number, nextDays: number, nextVariance: number, targetDays = 30): number {
  expiryDays("nearDays", nearDays);
  nonNegative("nearVariance", nearVariance);
  expiryDays("nextDays", nextDays);
  nonNegative("nextVariance", nextVariance);
  expiryDays("targetDays", targetDays);
  if (!(nextDays > nearDays)) throw new InputError("nextDays", `must be more than nearDays (${nearDays})`, nextDays);
  const span = nextDays - nearDays;
  const t1 = nearDays / DAYS_PER_YEAR;
  const t2 = nextDays / DAYS_PER_YEAR;
  const total = t1 * nearVariance * ((nextDays - targetDays) / span) + t2 * nextVariance * ((targetDays - nearDays) / span);
  const annual = total * (DAYS_PER_YEAR / targetDays);
  if (!(annual >= 0)) {
    throw new NoSolutionError(`extrapolating to ${targetDays} days gives a negative variance (${annual}): choose a target between nearDays and nextDays`);
  }
  return 100 * Math.sqrt(annual);
}
