/**
 * CHAIN_VOLS' core (SPEC.md, "The option chain"): one implied vol per strike, from the
 * out-of-the-money side's mid (puts below the implied forward, calls at and above it), solved
 * against the implied forward with the Let's Be Rational solver (src/core/impliedVol.ts).
 *
 * Solving against the forward is Black-76: spot = F, yield = rate, so the vol depends on the
 * chain alone. When the analyst gives the spot, the dividend yield is implied from it and F,
 * q = rate - ln(F / spot) / T, and the legs are priced on that spot and yield: the forward
 * they imply is the same F, so the vols are the same (to rounding); the spot only has to be
 * consistent with a yield in SHIELD's domain (|q| <= 1).
 */
import { InputError, NoSolutionError, NotAvailableError, ShieldError } from "../errors";
import { impliedVol } from "../impliedVol";
import { DAYS_PER_YEAR } from "../units";
import { days as daysRule, positive, rate as rateRule } from "../validate";
import { impliedForward, type ImpliedForward } from "./forward";
import { type Chain, midOf, validateChain } from "./quotes";

/** CHAIN_VOLS' result: the forward used and, per strike, a vol or why it does not exist. */
export interface ChainVols {
  forward: ImpliedForward;
  /** The dividend yield the legs were priced with (rate without a spot: Black-76). */
  yield: number;
  vols: Array<number | NotAvailableError>;
}

/** The forward of a bid/ask chain: parity on the mids of the strikes quoted on both sides. */
export function chainForward(chain: Chain, days: number, rate: number): ImpliedForward {
  const calls = chain.calls.map(midOf);
  const puts = chain.puts.map(midOf);
  return impliedForward(chain.strikes, calls, puts, days, rate);
}

/**
 * Implied vols across a chain.
 * @param chain strikes ascending, bid/ask per side (see quotes.ts for what counts as a quote).
 * @param days calendar days to expiry, > 0 (0 is valid input but at expiry no vol exists: #NUM!).
 * @param rate risk-free rate, |rate| <= 1 (default 0).
 * @param spot optional price of the underlying, > 0: implies the dividend yield with F.
 * @returns per strike, the vol (a decimal) of the OTM side's mid, or a NotAvailableError saying
 *   why: that side has no quote, or its mid is outside the no-arbitrage bounds.
 * @throws InputError for a bad chain (see validateChain), days < 0, a bad rate or spot, or a spot
 *   that implies a yield outside [-1, 1].
 * @throws NoSolutionError at days = 0, with no strike quoted on both sides, or a forward outside the strikes.
 * @example chainVols(chain, 30, 0.045).vols; // => [0.231..., 0.215..., NotAvailableError, ...]
 */
export function chainVols(chain: Chain, days: number, rate = 0, spot?: number): ChainVols {
  validateChain(chain);
  daysRule("days", days);
  rateRule("rate", rate);
  if (spot !== undefined) positive("spot", spot);
  if (days === 0) throw new NoSolutionError("no volatility can be implied at expiry (days = 0): there is no time value to imply a vol from");
  const forward = chainForward(chain, days, rate);
  const F = forward.forward;
  const T = days / DAYS_PER_YEAR;
  let legSpot = F;
  let yield_ = rate;
  if (spot !== undefined) {
    yield_ = rate - Math.log(F / spot) / T;
    if (!(Math.abs(yield_) <= 1)) {
      throw new InputError(
        "spot",
        `implies a dividend yield of ${yield_} with the chain's forward ${F}, outside -1 to 1 (is it the same underlying and expiry?)`,
        spot,
      );
    }
    legSpot = spot;
  }
  const vols = chain.strikes.map((strike, i): number | NotAvailableError => {
    const isCall = strike >= F;
    const side = isCall ? chain.calls[i] : chain.puts[i];
    const label = isCall ? "call" : "put";
    const mid = midOf(side);
    if (mid === undefined) {
      return new NotAvailableError(
        `no ${label} quote at strike ${strike} (the out-of-the-money side ${isCall ? "at or above" : "below"} the forward ${F}): a bid above 0 and an ask are needed`,
      );
    }
    try {
      return impliedVol(isCall ? "call" : "put", mid, legSpot, strike, days, rate, yield_);
    } catch (error) {
      if (error instanceof ShieldError) return new NotAvailableError(`the ${label} mid at strike ${strike} gives no vol: ${error.message}`);
      throw error;
    }
  });
  return { forward, yield: yield_, vols };
}
