/**
 * The implied forward of a chain by put-call parity (SPEC.md, "The option chain"; Cboe's VIX
 * methodology, step "Determine the forward index level"): at the strike K* where |call - put|
 * is smallest, among strikes quoted on both sides,
 *
 *   F = K* + e^{rate T} (C - P),   T = days / 365.
 *
 * Parity C - P = e^{-rate T} (F - K) holds at every strike of a consistent chain; K* is the one
 * nearest the money, where the two prices are most alike and the quotes tightest.
 */
import { NoSolutionError } from "../errors";
import { DAYS_PER_YEAR } from "../units";
import { days as daysRule, rate as rateRule } from "../validate";

/** The forward F and the strike K* it was read at (with K*'s row, 0-based). */
export interface ImpliedForward {
  forward: number;
  strike: number;
  row: number;
}

/**
 * The put-call-parity forward of a chain given one price per side and strike.
 * Units: prices per 1 unit of the underlying (mids, or trades); days calendar days; rate a
 * continuously compounded decimal.
 * Ties in |C - P| go to the lower strike (the first met walking up the chain).
 * @param strikes ascending strikes (validated by the caller: see quotes.ts).
 * @param calls the call price at each strike, undefined where the call has no quote.
 * @param puts the put price at each strike, undefined where the put has no quote.
 * @param days calendar days to expiry, 0 to 36500.
 * @param rate risk-free rate, |rate| <= 1.
 * @throws InputError for days or rate out of their domain.
 * @throws NoSolutionError when no strike is quoted on both sides, or when F falls outside the
 *   strikes (no strike brackets it: the chain cannot place the forward, so a K0 at or below it
 *   and quotes on both sides of it do not exist).
 * @example impliedForward([1955, 1960, 1965], [27.1, 24.0, 21.1], [20.2, 21.6, 23.5], 23.95, 0.00031664); // => { forward: 1962.39..., strike: 1960, row: 1 }
 */
export function impliedForward(
  strikes: readonly number[],
  calls: ReadonlyArray<number | undefined>,
  puts: ReadonlyArray<number | undefined>,
  days: number,
  rate = 0,
): ImpliedForward {
  daysRule("days", days);
  rateRule("rate", rate);
  let row = -1;
  let best = Infinity;
  let callMinusPut = 0;
  for (let i = 0; i < strikes.length; i++) {
    const c = calls[i];
    const p = puts[i];
    if (c === undefined || p === undefined) continue;
    const d = Math.abs(c - p);
    if (d < best) {
      best = d;
      row = i;
      callMinusPut = c - p;
    }
  }
  if (row < 0) {
    throw new NoSolutionError("no strike has both a call and a put quote (a bid above 0 and an ask), so put-call parity cannot give the forward");
  }
  const strike = strikes[row];
  const forward = strike + Math.exp((rate * days) / DAYS_PER_YEAR) * callMinusPut;
  const low = strikes[0];
  const high = strikes[strikes.length - 1];
  if (!(forward >= low && forward <= high)) {
    throw new NoSolutionError(`the implied forward ${forward} (parity at strike ${strike}) is outside the strikes ${low} to ${high}: no strike brackets it`);
  }
  return { forward, strike, row };
}
