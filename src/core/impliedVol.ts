/**
 * Implied volatility of a European option under Black-Scholes-Merton, to machine precision,
 * after P. Jäckel, "Let's Be Rational", Wilmott (2015) 40-53: the price is reduced to the
 * normalised out-of-the-money call (put-call parity and the in-out duality b_put(x) = b_call(-x)
 * applied to the time value), then solved by src/core/lbr/impliedStdDev.ts (rational cubic
 * initial guess + two Householder(3) steps).
 */
import { InputError, NoSolutionError } from "./errors";
import { impliedNormalisedStdDev } from "./lbr/impliedStdDev";
import { logMoneyness } from "./lbr/logMoneyness";
import { logNormalisedBlack, normalisedVega } from "./lbr/normalisedBlack";
import { DAYS_PER_YEAR } from "./units";
import { days as daysRule, positive, rate as rateRule } from "./validate";

const EPS = 2.220446049250313e-16;
const SMALLEST_NORMAL = 2.2250738585072014e-308;
/** The spacing of the subnormal doubles, 2^-1074 (half of it, 2^-1075, is not a double). */
const SMALLEST = 2 ** -1074;

/**
 * The largest relative uncertainty of the vol, eps/2 x kappa, that impliedVol answers with a
 * number: beyond it the double price does not determine the vol to 8 digits, and the answer is
 * NoSolutionError (the vol given would be one of a range of vols that all give this double).
 */
export const MAX_UNCERTAINTY = 1e-8;

const logRatio = { ratio: 0 };

const NO_TIME_VALUE = "the price carries no time value at double precision: quote the out-of-the-money option";

/** Formats a price for a message: up to 10 significant digits. */
function show(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/**
 * The volatility sigma for which the BSM price of the option equals `price`:
 * price = e^{-rate T} Black(F, strike, sigma sqrt(T)), F = spot e^{(rate - yield) T}, T = days/365.
 * Units: price per 1 unit of underlying (as spot and strike); days calendar days; rate and yield
 * continuously compounded decimals; the result an annual vol as a decimal (0.2 = 20%).
 * Accuracy: within a few eps x (1 + kappa) of the exact implied vol of the double price given
 * (kappa = P / (vol dP/dvol), the condition number of the vol in the price; measured worst
 * 1.97 eps (1 + kappa) against a BigInt oracle, test/core/impliedVolOracle.test.ts), and only
 * where the double price determines the vol: its rounding (eps/2, more when subnormal) times
 * kappa at most MAX_UNCERTAINTY (1e-8). Elsewhere NoSolutionError, never a number: deep in the
 * money (no time value left at double precision), within rounding of the upper bound, or a
 * subnormal price with too few digits. docs/accuracy.md.
 * A result above 5 (500%) is returned as is: SPEC's (0, 5] is the domain of vol INPUTS.
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (2015); Black (1976); Merton (1973).
 * @param kind "call" or "put".
 * @param price the option's price, > 0.
 * @param spot the underlying's price, > 0.
 * @param strike > 0.
 * @param days calendar days to expiry, 0 to 36500 (0 has no solution, see below).
 * @param rate risk-free rate, |rate| <= 1 (default 0).
 * @param yield_ dividend yield, |yield| <= 1 (default 0).
 * @returns the implied vol, > 0.
 * @throws InputError for a bad kind, price <= 0, spot <= 0, strike <= 0, days outside
 *   [0, 36500] or a rate/yield out of range.
 * @throws NoSolutionError at days = 0 (at expiry there is no time value to imply a vol from:
 *   every vol gives the same price; days = 0 is valid input elsewhere in SHIELD), when the
 *   price is below the intrinsic value e^{-rate T} max(F - strike, 0) (call) /
 *   max(strike - F, 0) (put), or at or above its upper bound spot e^{-yield T} (call) /
 *   strike e^{-rate T} (put): no vol gives such a price; and where the double price does not
 *   determine the vol (see Accuracy): "the price carries no time value at double precision:
 *   quote the out-of-the-money option" at the intrinsic value (to rounding) or deep in the money.
 * @example impliedVol("call", 4.759422392871532, 42, 40, 182.5, 0.1); // => 0.2000000000000001 (Hull's example at 20%)
 */
export function impliedVol(kind: "call" | "put", price: number, spot: number, strike: number, days: number, rate = 0, yield_ = 0): number {
  if (kind !== "call" && kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", kind);
  positive("price", price);
  positive("spot", spot);
  positive("strike", strike);
  daysRule("days", days);
  rateRule("rate", rate);
  rateRule("yield", yield_);
  // days = 0 is valid input everywhere in SHIELD (at expiry: intrinsic value), so at expiry this
  // is "no solution" (#NUM!), as in strikeForDelta, not bad input.
  if (days === 0) {
    throw new NoSolutionError(
      "no volatility can be implied at expiry (days = 0): there is no time value to imply a vol from, and every vol gives the same price",
    );
  }

  const T = days / DAYS_PER_YEAR;
  const discount = Math.exp(-rate * T);
  const carried = spot * Math.exp(-yield_ * T);
  const forward = carried / discount; // as optionPrice computes it
  if (!(forward > 0 && forward < Infinity)) {
    throw new NoSolutionError(`the forward price overflows a double over ${days} days at this rate and yield`);
  }
  const isCall = kind === "call";
  const upper = isCall ? carried : strike * discount;
  // x = ln(F/K) from ln(spot/K) to half an ulp plus the carry, not from the rounded forward: a
  // short-dated at-the-money option's time value is ~1e-5 of F, so F's own rounding would move its
  // vol by ~1e-12. The intrinsic value K |e^x - 1| likewise (expm1: no cancellation near the money).
  const x = logMoneyness(spot, strike) + (rate - yield_) * T;
  const inTheMoney = isCall ? x > 0 : x < 0;
  const undiscountedIntrinsic = !inTheMoney ? 0 : Math.abs(x) < 1 ? strike * Math.abs(Math.expm1(x)) : Math.abs(forward - strike);
  const intrinsic = discount * undiscountedIntrinsic;
  if (price < intrinsic * (1 - 4 * EPS)) {
    throw new NoSolutionError(`price ${show(price)} is at or below the option's intrinsic value ${show(intrinsic)}: no volatility gives it`);
  }
  if (price >= upper) {
    const what = isCall ? "spot x e^(-yield T)" : "strike x e^(-rate T)";
    throw new NoSolutionError(`price ${show(price)} is at or above its upper bound ${show(upper)} (${what}): no volatility gives it`);
  }

  // Normalised time value of the equivalent out-of-the-money call (in-out duality).
  const undiscounted = price / discount;
  const beta = (undiscounted - undiscountedIntrinsic) / (Math.sqrt(forward) * Math.sqrt(strike));
  const xOtm = -Math.abs(x);
  const bMax = Math.exp(0.5 * xOtm);
  if (!(beta > 0)) throw new NoSolutionError(NO_TIME_VALUE); // at the intrinsic value, to rounding
  if (!(beta < bMax)) {
    // Inside the bound above but not after rounding to the normalised scale.
    throw new NoSolutionError(`price ${show(price)} is within rounding of its upper bound ${show(upper)}: the double price does not determine a volatility`);
  }
  const s = impliedNormalisedStdDev(beta, xOtm);
  const vol = s / Math.sqrt(T);
  if (!(vol > 0 && vol < Infinity)) {
    throw new NoSolutionError(`price ${show(price)} is too close to its bounds for a volatility to be found`);
  }
  // How well the double price determines the vol: its rounding (half an ulp, relative eps/2, more
  // for a subnormal price) times the condition number kappa = P / (vol dP/dvol) (normalised:
  // (beta + intrinsic) / (s b'(s))). Deep in the money almost all of the price is intrinsic value
  // and kappa explodes; near the upper bound dP/dvol vanishes.
  // (Where beta is below the normal range b and b' are too: kappa from b'/b = logNormalisedBlack's ratio.)
  let kappa: number;
  if (beta < 1e-290) {
    logNormalisedBlack(xOtm, s, logRatio);
    kappa = undiscounted / (undiscounted - undiscountedIntrinsic) / (s * logRatio.ratio);
  } else {
    kappa = undiscounted / (Math.sqrt(forward) * Math.sqrt(strike)) / (s * normalisedVega(xOtm, s));
  }
  // A subnormal price, or normalised time value beta, holds fewer than 53 bits.
  const rounding = 0.5 * Math.max(EPS, SMALLEST / price, SMALLEST / beta);
  if (!(rounding * kappa <= MAX_UNCERTAINTY)) {
    if (price < SMALLEST_NORMAL || beta < SMALLEST_NORMAL) {
      throw new NoSolutionError(
        `price ${show(price)} is too small: below the normal range of a double (2.2e-308) its time value has too few digits to determine a volatility`,
      );
    }
    if (beta < 0.5 * bMax) throw new NoSolutionError(NO_TIME_VALUE);
    throw new NoSolutionError(`price ${show(price)} is within rounding of its upper bound ${show(upper)}: the double price does not determine a volatility`);
  }
  return vol;
}
