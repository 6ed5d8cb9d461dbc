/**
 * The short iron condor: +1 put at putLong, -1 put at putShort, -1 call at callShort, +1 call at
 * callLong (SPEC.md, "The iron condor"). Strikes run putLong < putShort <= callShort < callLong;
 * equal shorts make an iron fly.
 *
 * Sign convention (SPEC.md): `price` is the model CREDIT of the short condor (positive, what the
 * seller receives); every greek is that of the short POSITION, i.e. the sum of the four legs with
 * their signed quantities (delta near 0, gamma and vega negative, theta positive).
 *
 * Units follow bsm.ts: prices and greeks per 1 unit of the underlying, `days` calendar days
 * (T = days / 365), vol / rate / yield continuously compounded decimals.
 */
import { InputError } from "./errors";
import { GREEK_NAMES, optionGreeks, optionPrice, type Greeks } from "./bsm";
import { probBetween } from "./probability";
import { DAYS_PER_YEAR } from "./units";
import { days as daysRule, positive, rate as rateRule, vol as volRule } from "./validate";

/** The four strikes of an iron condor, in points of the underlying. */
export interface CondorStrikes {
  putLong: number;
  putShort: number;
  callShort: number;
  callLong: number;
}

/** One flat vol, or four in leg order putLong, putShort, callShort, callLong (skew). */
export type CondorVols = number | readonly [number, number, number, number];

/** Leg names in the order of CondorVols. */
export const LEG_NAMES = ["putLong", "putShort", "callShort", "callLong"] as const;

/** The two breakevens at expiry; `null` for a side that cannot lose (credit >= that side's width). */
export interface Breakevens {
  lower: number | null;
  upper: number | null;
}

/** Maximum profit and loss at expiry, per unit, and their ratio. */
export interface CondorRisk {
  maxProfit: number;
  maxLoss: number;
  ratio: number;
}

const ORDER = "(strikes must run putLong < putShort <= callShort < callLong)";

/**
 * Checks the four strikes: each a number > 0, and putLong < putShort <= callShort < callLong.
 *
 * Throws InputError naming the first strike that breaks the order, e.g.
 * `putShort must be greater than putLong (4900) (strikes must run ...); got 4850`.
 *
 * @example validateStrikes({ putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }) // => the same strikes
 */
export function validateStrikes(strikes: CondorStrikes): CondorStrikes {
  for (const name of LEG_NAMES) positive(name, strikes[name]);
  const { putLong, putShort, callShort, callLong } = strikes;
  if (!(putShort > putLong)) throw new InputError("putShort", `must be greater than putLong (${putLong}) ${ORDER}`, putShort);
  if (!(callShort >= putShort)) throw new InputError("callShort", `must be at least putShort (${putShort}) ${ORDER}`, callShort);
  if (!(callLong > callShort)) throw new InputError("callLong", `must be greater than callShort (${callShort}) ${ORDER}`, callLong);
  return strikes;
}

/**
 * The vol of each leg, in leg order, validated: a flat vol repeated four times, or the four given.
 *
 * Throws InputError for a vol outside (0, 5] (naming the leg when four are given) or for a count
 * other than one or four.
 *
 * @example legVols(0.18) // => [0.18, 0.18, 0.18, 0.18]
 */
export function legVols(vols: CondorVols): [number, number, number, number] {
  if (typeof vols === "number") {
    volRule("vol", vols);
    return [vols, vols, vols, vols];
  }
  if (!Array.isArray(vols) || vols.length !== 4) {
    throw new InputError("vol", "must be one vol or four (putLong, putShort, callShort, callLong)", vols);
  }
  return vols.map((v, i) => volRule(`vol (${LEG_NAMES[i]})`, v)) as [number, number, number, number];
}

/** The credit rule: a finite number >= 0 (a debit is not a short condor). Shared with timeShift/. */
export function creditRule(credit: number): number {
  if (!(typeof credit === "number" && Number.isFinite(credit) && credit >= 0)) {
    throw new InputError("credit", "must be a number of 0 or more (the premium received; a debit is not a short iron condor)", credit);
  }
  return credit;
}

/** Validates the market arguments shared by the model functions (before any leg is priced). */
function marketRules(spot: number, days: number, rate: number, yield_: number): void {
  positive("spot", spot);
  daysRule("days", days);
  rateRule("rate", rate);
  rateRule("yield", yield_);
}

/**
 * Credit and greeks of the short iron condor: the sum of its four legs priced by BSM
 * (bsm.ts optionGreeks) with quantities +1 put putLong, -1 put putShort, -1 call callShort,
 * +1 call callLong. `price` is the credit, `-(sum of the legs' values)`; the other eight numbers are
 * the position's greeks, `sum(qty x leg greek)`, in SPEC.md's units (theta per calendar day, vega
 * per vol point, rho per rate point, vanna and vomma per vol point, charm per calendar day).
 * At days = 0 each leg follows bsm.ts's expiry convention (intrinsic value).
 *
 * Throws InputError for spot <= 0, strikes out of order, days outside [0, 36500], a vol outside (0, 5] or a vol
 * count other than one or four, |rate| or |yield| > 1.
 *
 * @example condorGreeks(5000, { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }, 30, 0.18).price // => 31.4296... (credit per unit)
 */
export function condorGreeks(spot: number, strikes: CondorStrikes, days: number, vols: CondorVols, rate = 0, yield_ = 0): Greeks {
  marketRules(spot, days, rate, yield_);
  validateStrikes(strikes);
  const v = legVols(vols);
  const legs = [
    optionGreeks("put", spot, strikes.putLong, days, v[0], rate, yield_),
    optionGreeks("put", spot, strikes.putShort, days, v[1], rate, yield_),
    optionGreeks("call", spot, strikes.callShort, days, v[2], rate, yield_),
    optionGreeks("call", spot, strikes.callLong, days, v[3], rate, yield_),
  ];
  const out = {} as Greeks;
  for (const name of GREEK_NAMES) {
    // Position = +putLong - putShort - callShort + callLong; grouped by wing.
    out[name] = legs[0][name] - legs[1][name] + (legs[3][name] - legs[2][name]);
  }
  // The credit from the wings as spreads (see condorCredit), reusing the four leg prices.
  out.price = condorCredit(spot, strikes, days, v, rate, yield_, [legs[0].price, legs[1].price, legs[2].price, legs[3].price]);
  return out;
}

/**
 * The model credit of the short iron condor: putShort put - putLong put + callShort call -
 * callLong call, each priced by BSM (bsm.ts optionPrice). Per unit of the underlying.
 *
 * Throws InputError as condorGreeks.
 *
 * @example condorPrice(5000, { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }, 30, 0.18) // => 31.4296...
 */
export function condorPrice(spot: number, strikes: CondorStrikes, days: number, vols: CondorVols, rate = 0, yield_ = 0): number {
  marketRules(spot, days, rate, yield_);
  validateStrikes(strikes);
  return condorValue(spot, strikes, days, legVols(vols), rate, yield_);
}

/**
 * condorPrice's arithmetic without its checks of the strikes and vols, for a caller that checked
 * them once and prices the same condor many times (timeShift/: root finding, daily marks). Each
 * leg still goes through bsm.ts optionPrice (and its own checks). Same result, bit for bit.
 *
 * @example condorValue(5000, { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }, 30, [0.18, 0.18, 0.18, 0.18]) // => 31.4296...
 */
export function condorValue(spot: number, strikes: CondorStrikes, days: number, v: readonly [number, number, number, number], rate = 0, yield_ = 0): number {
  return condorCredit(spot, strikes, days, v, rate, yield_);
}

/**
 * The credit as the sum of two vertical spreads, each priced in the form that does not cancel:
 * a spread out of the money (or near the money) as the difference of its two legs, a spread deep
 * in the money by put-call parity as the discounted width minus the opposite spread, which is out
 * of the money there: P(ps) - P(pl) = Dr (ps - pl) - (C(pl) - C(ps)) and
 * C(cs) - C(cl) = Dr (cl - cs) - (P(cl) - P(cs)) (parity holds strike by strike, whatever each
 * leg's vol). Summing four leg prices far beyond the wings would cancel the spot itself away
 * (spot 1e12: 49.8359375 for 49.8358864; spot 1e308: 0 for 49.836); this is exact at any spot.
 * `direct` holds the four legs' own prices (put, put, call, call) when the caller has them.
 * Inputs are validated by the callers.
 */
function condorCredit(
  spot: number,
  strikes: CondorStrikes,
  days: number,
  v: readonly [number, number, number, number],
  rate: number,
  yield_: number,
  direct?: readonly [number, number, number, number],
): number {
  const { putLong, putShort, callShort, callLong } = strikes;
  const T = days / DAYS_PER_YEAR;
  const Dr = Math.exp(-rate * T);
  const forward = spot * Math.exp((rate - yield_) * T); // only to choose the form
  const leg = (i: number, kind: "put" | "call", strike: number): number =>
    direct !== undefined && kind === (i < 2 ? "put" : "call") ? direct[i] : optionPrice(kind, spot, strike, days, v[i], rate, yield_);
  const putSide =
    forward < Math.sqrt(putLong) * Math.sqrt(putShort)
      ? Dr * (putShort - putLong) - (leg(0, "call", putLong) - leg(1, "call", putShort))
      : leg(1, "put", putShort) - leg(0, "put", putLong);
  const callSide =
    forward > Math.sqrt(callShort) * Math.sqrt(callLong)
      ? Dr * (callLong - callShort) - (leg(3, "put", callLong) - leg(2, "put", callShort))
      : leg(2, "call", callShort) - leg(3, "call", callLong);
  return putSide + callSide;
}

/**
 * The breakevens at expiry: `putShort - credit` and `callShort + credit`. A side whose width the
 * credit reaches (credit >= putShort - putLong, resp. callLong - callShort) never loses at expiry
 * and has no breakeven: `null` there.
 *
 * Throws InputError for strikes out of order or a credit < 0.
 *
 * @example breakevens({ putLong: 4900, putShort: 4950, callShort: 5250, callLong: 5300 }, 12.5) // => { lower: 4937.5, upper: 5262.5 }
 */
export function breakevens(strikes: CondorStrikes, credit: number): Breakevens {
  validateStrikes(strikes);
  creditRule(credit);
  return {
    lower: credit < strikes.putShort - strikes.putLong ? strikes.putShort - credit : null,
    upper: credit < strikes.callLong - strikes.callShort ? strikes.callShort + credit : null,
  };
}

/**
 * Risk at expiry per unit: max profit = credit, max loss = wider wing width - credit, and
 * ratio = max profit / max loss.
 *
 * Throws InputError for strikes out of order, a credit < 0, or a credit >= the wider wing's width:
 * such a condor could never lose (an arbitrage quote, most often a credit typed per contract
 * instead of per unit), so max loss and the ratio have no meaning.
 *
 * @example condorRisk({ putLong: 4900, putShort: 4950, callShort: 5250, callLong: 5300 }, 12.5) // => { maxProfit: 12.5, maxLoss: 37.5, ratio: 0.333... }
 */
export function condorRisk(strikes: CondorStrikes, credit: number): CondorRisk {
  validateStrikes(strikes);
  creditRule(credit);
  const wider = Math.max(strikes.putShort - strikes.putLong, strikes.callLong - strikes.callShort);
  if (!(credit < wider)) {
    throw new InputError("credit", `must be less than the wider wing's width (${wider}), or the condor could never lose (an arbitrage quote)`, credit);
  }
  const maxLoss = wider - credit;
  return { maxProfit: credit, maxLoss, ratio: credit / maxLoss };
}

/**
 * Probability of profit at expiry: the risk-neutral probability (probability.ts probBetween, drift
 * rate - yield) that the underlying ends between the two breakevens. A side with no breakeven
 * (credit >= its width) cannot lose and is unbounded. With four vols, the lower breakeven uses the
 * putShort vol and the upper the callShort vol: P(S_T > lower; vol_putShort) - P(S_T > upper;
 * vol_callShort), floored at 0 (two different vols can make that difference slightly negative far
 * from the spot). An iron fly (putShort = callShort) has both breakevens around its one short
 * strike, and its profit zone closes as the credit goes to 0: there both breakevens use one vol,
 * the mean of the putShort and callShort vols (the two quotes of that one strike), so that the
 * probability is that of a shrinking range and goes to 0 continuously with the credit (two vols
 * would leave P(S_T > K; vol_putShort) - P(S_T > K; vol_callShort) != 0 as the zone closes:
 * 0.0057 at a credit of 1e-9). docs/decisions.md, "Edges".
 *
 * Throws InputError as condorGreeks, and for a credit < 0.
 *
 * @example condorPop(5000, { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }, 30, 0.18, 30) // => 0.38563... (P(4870 < S_T < 5130))
 */
export function condorPop(spot: number, strikes: CondorStrikes, days: number, vols: CondorVols, credit: number, rate = 0, yield_ = 0): number {
  marketRules(spot, days, rate, yield_);
  const { lower, upper } = breakevens(strikes, credit);
  const v = legVols(vols);
  if (lower !== null && upper !== null && lower >= upper) return 0;
  const fly = strikes.putShort === strikes.callShort;
  const volLow = fly ? 0.5 * (v[1] + v[2]) : v[1];
  const volHigh = fly ? volLow : v[2];
  if (volLow === volHigh) return probBetween(spot, lower ?? 0, upper ?? Infinity, days, volLow, rate, yield_);
  // P(S > L; vol_ps) - P(S > U; vol_cs) = P(S < U; vol_cs) - P(S < L; vol_ps): take the form whose
  // terms are small, so that no tail probability is lost to cancellation against 1.
  const aboveLower = lower === null ? 1 : probBetween(spot, lower, Infinity, days, volLow, rate, yield_);
  let pop: number;
  if (aboveLower <= 0.5) {
    const aboveUpper = upper === null ? 0 : probBetween(spot, upper, Infinity, days, volHigh, rate, yield_);
    pop = aboveLower - aboveUpper;
  } else {
    const belowUpper = upper === null ? 1 : probBetween(spot, 0, upper, days, volHigh, rate, yield_);
    const belowLower = lower === null ? 0 : probBetween(spot, 0, lower, days, volLow, rate, yield_);
    pop = belowUpper - belowLower;
  }
  return Math.min(1, Math.max(0, pop));
}

/**
 * P/L per unit of the short condor at each underlying price. At expiry (daysLeft omitted or 0):
 * `credit - (putShort - S)+ + (putLong - S)+ - (S - callShort)+ + (S - callLong)+`. Before expiry
 * (daysLeft > 0, vol required, flat or four): `credit - condorPrice(S, daysLeft, vol, rate, yield)`,
 * what is left after buying the condor back at its model value. `vol` is not used at expiry.
 *
 * Throws InputError for strikes out of order, a credit < 0, a price <= 0 (named `prices value i`,
 * 1-based), daysLeft outside [0, 36500], daysLeft > 0 without a vol, and as condorPrice.
 *
 * @example condorPayoff({ putLong: 4900, putShort: 4950, callShort: 5250, callLong: 5300 }, 12.5, [4800, 5000, 5262.5]) // => [-37.5, 12.5, 0]
 */
export function condorPayoff(
  strikes: CondorStrikes,
  credit: number,
  prices: readonly number[],
  daysLeft?: number,
  vol?: CondorVols,
  rate = 0,
  yield_ = 0,
): number[] {
  validateStrikes(strikes);
  creditRule(credit);
  prices.forEach((p, i) => positive(`prices value ${i + 1}`, p));
  const d = daysLeft === undefined ? 0 : daysRule("daysLeft", daysLeft);
  if (d === 0) {
    const { putLong, putShort, callShort, callLong } = strikes;
    // Each wing's loss capped at its width, so that no term grows with the price (at 1e308,
    // (S - callShort) - (S - callLong) would round to 0, not the width).
    const putWidth = putShort - putLong;
    const callWidth = callLong - callShort;
    return prices.map((s) => credit - Math.min(pos(putShort - s), putWidth) - Math.min(pos(s - callShort), callWidth));
  }
  if (vol === undefined) throw new InputError("vol", "is required when daysLeft is more than 0", vol);
  const v = legVols(vol);
  rateRule("rate", rate);
  rateRule("yield", yield_);
  return prices.map((s) => credit - condorPrice(s, strikes, d, v, rate, yield_));
}

function pos(x: number): number {
  return x > 0 ? x : 0;
}
