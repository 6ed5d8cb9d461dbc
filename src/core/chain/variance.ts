/**
 * VIX_VARIANCE's core: the model-free variance of one expiry by the Cboe VIX method, exactly as
 * Cboe's VIX methodology document states it (SPEC.md, "The option chain"):
 *
 * 1. F from the strike with the smallest |mid call - mid put| (forward.ts), T = days / 365.
 * 2. K0 = the strike at or immediately below F.
 * 3. Puts below K0 and calls above it, walking outward from K0: a zero-bid strike (an empty side
 *    counts as a zero bid) is skipped, and after two consecutive zero bids no strike further
 *    out is used.
 * 4. At K0, Q = the average of the call and put mids.
 * 5. dK_i = (K_{i+1} - K_{i-1}) / 2 over the strikes USED (a skipped strike is no neighbour);
 *    one-sided at the ends: the lowest and the highest used strike take the whole distance to
 *    their one used neighbour.
 * 6. sigma^2 = (2/T) sum_i dK_i / K_i^2 e^{RT} Q(K_i) - (1/T) (F / K0 - 1)^2.
 *
 * Source: Cboe, "Cboe Volatility Index Mathematics Methodology" and the VIX white paper (2003,
 * 2014 editions), steps 1 and 2; reproduced to the digits of their worked example in tests.
 */
import { NoSolutionError } from "../errors";
import { DAYS_PER_YEAR } from "../units";
import { days as daysRule, rate as rateRule } from "../validate";
import { chainForward } from "./vols";
import { type Chain, type SideQuote, midOf, validateChain } from "./quotes";

/** One strike that enters the Cboe sum. */
export interface UsedStrike {
  strike: number;
  /** Q(K): the put mid below K0, the call mid above, their average at K0. */
  price: number;
  /** "put", "call" or "both" (K0). */
  side: "put" | "call" | "both";
  /** Its dK: half the distance between its used neighbours (one-sided at the ends). */
  width: number;
  /** Its term dK / K^2 e^{RT} Q(K). */
  contribution: number;
}

export interface VixVariance {
  /** The annualized model-free variance sigma^2 of the expiry. */
  variance: number;
  forward: number;
  /** The strike K* where |mid call - mid put| is smallest (the forward's strike). */
  forwardStrike: number;
  k0: number;
  /** The strikes used, ascending. */
  used: UsedStrike[];
}

/** Walks outward from row `from` (exclusive) by `step`, Cboe's selection on one side. */
function selectSide(chain: Chain, quotes: readonly SideQuote[], from: number, step: 1 | -1): Array<{ row: number; price: number }> {
  const out: Array<{ row: number; price: number }> = [];
  let zeroBids = 0;
  for (let i = from + step; i >= 0 && i < chain.strikes.length; i += step) {
    const mid = midOf(quotes[i]);
    if (mid === undefined) {
      zeroBids++;
      if (zeroBids === 2) break;
      continue;
    }
    zeroBids = 0;
    out.push({ row: i, price: mid });
  }
  return out;
}

/**
 * The Cboe model-free variance of one expiry.
 * @param chain strikes ascending, bid/ask per side (quotes.ts).
 * @param days calendar days to expiry, > 0, fractional (Cboe counts minutes: days = minutes / 1440).
 * @param rate the risk-free rate R of that expiry, continuously compounded (Cboe: the
 *   bond-equivalent yield of the U.S. T-bill maturing closest to the expiry, as a decimal).
 * @throws InputError for a bad chain, days < 0 or a bad rate.
 * @throws NoSolutionError at days = 0 (T = 0), with no strike quoted on both sides, a forward
 *   outside the strikes, a K0 without a call or a put quote, or a sum that is not a positive variance.
 * @example vixVariance(nearTerm, 34484 / 1440, 0.00031664).variance; // => 0.019233906... (Cboe's near term)
 */
export function vixVariance(chain: Chain, days: number, rate = 0): VixVariance {
  validateChain(chain);
  daysRule("days", days);
  rateRule("rate", rate);
  if (days === 0) throw new NoSolutionError("no variance exists at expiry (days = 0): T = 0 leaves nothing to annualize");
  const T = days / DAYS_PER_YEAR;
  const fwd = chainForward(chain, days, rate);
  const F = fwd.forward;
  const { strikes } = chain;
  let k0Row = 0;
  while (k0Row + 1 < strikes.length && strikes[k0Row + 1] <= F) k0Row++;
  const k0 = strikes[k0Row];
  const callAtK0 = midOf(chain.calls[k0Row]);
  const putAtK0 = midOf(chain.puts[k0Row]);
  if (callAtK0 === undefined || putAtK0 === undefined) {
    throw new NoSolutionError(
      `K0 = ${k0} (the strike at or below the forward ${F}) needs both a call and a put quote, and has no ${callAtK0 === undefined ? "call" : "put"} quote`,
    );
  }
  const puts = selectSide(chain, chain.puts, k0Row, -1).reverse();
  const calls = selectSide(chain, chain.calls, k0Row, 1);
  const rows: Array<{ row: number; price: number; side: UsedStrike["side"] }> = [
    ...puts.map((p) => ({ ...p, side: "put" as const })),
    { row: k0Row, price: (callAtK0 + putAtK0) / 2, side: "both" as const },
    ...calls.map((c) => ({ ...c, side: "call" as const })),
  ];
  const growth = Math.exp(rate * T);
  const n = rows.length;
  if (n < 2) throw new NoSolutionError(`only K0 = ${k0} has a quote: the Cboe sum needs at least one more strike to give it a width`);
  const used: UsedStrike[] = rows.map((r, j) => {
    const strike = strikes[r.row];
    let width: number;
    if (n === 1) width = 0;
    else if (j === 0) width = strikes[rows[1].row] - strike;
    else if (j === n - 1) width = strike - strikes[rows[n - 2].row];
    else width = (strikes[rows[j + 1].row] - strikes[rows[j - 1].row]) / 2;
    return { strike, price: r.price, side: r.side, width, contribution: (width / (strike * strike)) * growth * r.price };
  });
  let sum = 0;
  for (const u of used) sum += u.contribution;
  const variance = (2 / T) * sum - (1 / T) * (F / k0 - 1) ** 2;
  if (!(variance > 0 && Number.isFinite(variance))) {
    throw new NoSolutionError(`the Cboe sum gives ${variance}, not a positive variance: the quotes are not consistent with an arbitrage-free chain`);
  }
  return { variance, forward: F, forwardStrike: fwd.strike, k0, used };
}
