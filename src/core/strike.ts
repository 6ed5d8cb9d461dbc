/**
 * The strike whose BSM spot delta equals a target delta (SPEC.md STRIKE_FOR_DELTA).
 */
import { InputError, NoSolutionError } from "./errors";
import type { OptionKind } from "./bsm";
import { inverseNormCdf } from "./normal";
import { DAYS_PER_YEAR } from "./units";
import { days as daysRule, positive, rate as rateRule, vol as volRule } from "./validate";

/**
 * The strike K whose spot delta (with the e^{-yield T} factor) equals `delta`, in closed form.
 *
 * Formula: the BSM spot delta e^{-yield T} N(d1) (Merton 1973; Haug 2007, ch. 2) inverted with
 * inverseNormCdf (Wichura's AS241, refined): with T = days/365, sd = vol sqrt(T),
 * Dq = e^{-yield T}, F = spot e^{(rate - yield) T} and a = |delta|:
 *   call: d1 = N^{-1}(a / Dq);  put: d1 = -N^{-1}(a / Dq);  K = F exp(-d1 sd + sd^2 / 2).
 * A put's delta may be given as -0.16 or 0.16 (same strike). Units: `delta` per 1.00 of spot,
 * the strike in points of the underlying.
 *
 * `increment` (e.g. 5): the result is the nearest multiple of `increment` (the listed strike
 * grid). An exact tie rounds to the strike with the smaller |delta|: up for a call, down for a
 * put (further out of the money, as a premium seller would pick). When the nearest multiple is
 * 0 (an increment above about twice the exact strike), no listed strike on that grid is near the
 * exact strike: NoSolutionError (#NUM!), rather than a strike whose delta is nowhere near.
 *
 * The domain is |delta| < e^{-yield T}: with a negative yield a call's spot delta runs above 1
 * (up to e^{-yield T}, e.g. 1.65 over 10 years at a yield of -5%), and such deltas are reachable.
 *
 * Throws InputError for a delta that is not a finite number, spot <= 0, days outside [0, 36500], vol outside (0, 5],
 * |rate| or |yield| > 1, increment <= 0. Throws NoSolutionError (a valid delta that no strike
 * reaches) for delta = 0, |delta| >= e^{-yield T}, a negative delta for a call, days = 0
 * (at expiry a delta is a step: 1, 0.5 or 0, so no strike has a delta in between), or an
 * increment whose nearest grid strike is 0 (see roundToGrid).
 *
 * @example strikeForDelta("put", -0.16, 5000, 30, 0.2) // => 4730.64... (5000 exp(-0.99446 x 0.057338 + 0.057338^2 / 2))
 */
export function strikeForDelta(kind: OptionKind, delta: number, spot: number, days: number, vol: number, rate = 0, yield_ = 0, increment?: number): number {
  if (kind !== "call" && kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", kind);
  if (!(typeof delta === "number" && Number.isFinite(delta))) {
    throw new InputError("delta", "must be a finite number (16 delta is 0.16)", delta);
  }
  positive("spot", spot);
  daysRule("days", days);
  volRule("vol", vol);
  rateRule("rate", rate);
  rateRule("yield", yield_);
  if (increment !== undefined) positive("increment", increment);

  if (days === 0) {
    throw new NoSolutionError("no strike has that delta at expiry (days = 0): the delta is then a step (1, 0.5 or 0)");
  }
  if (delta === 0) throw new NoSolutionError("no strike has a delta of exactly 0 (it is only approached far out of the money)");
  if (kind === "call" && delta < 0) {
    throw new NoSolutionError(`a call's delta is positive, between 0 and e^(-yield T); got ${delta} (a put delta?)`);
  }
  const T = days / DAYS_PER_YEAR;
  const Dq = Math.exp(-yield_ * T);
  const a = Math.abs(delta);
  if (!(a < Dq)) {
    // Above 1 only when the yield is negative; a delta of 16 is most often 16 delta typed as a percent.
    const hint = a > 1 ? " (16 delta is 0.16)" : "";
    throw new NoSolutionError(`no strike reaches a delta of ${delta}: |delta| stays below e^(-yield T) = ${Dq}${hint}`);
  }
  const sd = vol * Math.sqrt(T);
  const z = inverseNormCdf(a / Dq);
  const d1 = kind === "call" ? z : -z;
  const strike = spot * Math.exp((rate - yield_) * T - d1 * sd + 0.5 * sd * sd);
  if (!(Number.isFinite(strike) && strike > 0)) {
    throw new NoSolutionError(`the strike for a delta of ${delta} is beyond the range of a double (${strike})`);
  }
  return increment === undefined ? strike : roundToGrid(strike, increment, kind);
}

/**
 * The nearest multiple of `increment` to `strike` (a listed strike), for strikeForDelta. An exact
 * tie goes to the smaller |delta|: up for a call, down for a put.
 * A decimal increment gives a clean decimal (0.1 x 3 -> 0.3, not 0.30000000000000004).
 * Inputs are not validated (strikeForDelta has done it).
 *
 * Throws NoSolutionError when the nearest multiple is 0 (strike < increment / 2, or = for a put):
 * a strike of 0 is not a listed strike, and the lowest one (`increment`) may be any distance
 * from the exact strike (STRIKE_FOR_DELTA("P", -0.16, 5000, 30, 0.2, 0, 0, 1e6) would be a
 * 1,000,000 strike for a 4730.64 target), so no listed strike on that grid answers the question.
 *
 * @example roundToGrid(4732.5, 5, "put") // => 4730 (a tie: down for a put)
 */
export function roundToGrid(strike: number, increment: number, kind: OptionKind): number {
  const x = strike / increment;
  const below = Math.floor(x);
  const frac = x - below;
  const n = frac > 0.5 ? below + 1 : frac < 0.5 ? below : kind === "call" ? below + 1 : below;
  if (n < 1) {
    throw new NoSolutionError(
      `no listed strike on a grid of ${increment} is near the exact strike ${Number(strike.toPrecision(10))}: the nearest multiple of the increment is 0 (use a smaller increment)`,
    );
  }
  const k = n * increment;
  // Strip the binary noise of a decimal increment (0.1 * 3 = 0.30000000000000004).
  const decimals = decimalPlaces(increment);
  return decimals > 0 ? Number(k.toFixed(decimals)) : k;
}

/** Digits after the decimal point of a number as typed (0.05 -> 2, 5 -> 0), at most 12. */
function decimalPlaces(x: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 0;
}
