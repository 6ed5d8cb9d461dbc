/**
 * Black-Scholes-Merton price and greeks of one European option, with continuous rate and
 * dividend yield (SPEC.md "Conventions").
 *
 * Formulas: F. Black, M. Scholes (1973) and R. C. Merton (1973); the greeks as tabulated in
 * E. G. Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed. (2007), ch. 2.
 * The price is F N(d1) - K N(d2) (put: K N(-d2) - F N(-d1)) where that difference cancels at
 * most 6 bits, and black.ts's normalised Black (P. Jäckel, "Let's Be Rational") elsewhere, so
 * that out-of-the-money and deep-wing prices keep full relative precision. N(d2) reuses n(d1):
 * n(d2) = n(d1) F / K, and N(y) = sqrt(pi/2) n(y) erfcx(-y/sqrt2) (W. J. Cody's erfcx).
 *
 * With T = days / 365, sd = vol * sqrt(T), F = spot * e^{(rate - yield) T},
 * Dr = e^{-rate T}, Dq = e^{-yield T}, d1 = ln(F / K) / sd + sd / 2, d2 = d1 - sd:
 *
 * | output | call                                   | put                                     | unit                |
 * |--------|----------------------------------------|-----------------------------------------|---------------------|
 * | price  | Dr (F N(d1) - K N(d2))                 | Dr (K N(-d2) - F N(-d1))                | per 1 of underlying |
 * | delta  | Dq N(d1)                               | -Dq N(-d1)                              | per 1.00 of spot    |
 * | gamma  | Dq n(d1) / (S sd)                      | same                                    | per 1.00 of spot    |
 * | theta  | see `optionGreeks`                     |                                         | per calendar day    |
 * | vega   | S Dq n(d1) sqrt(T) / 100               | same                                    | per vol point       |
 * | rho    | K T Dr N(d2) / 100                     | -K T Dr N(-d2) / 100                    | per rate point      |
 * | vanna  | -Dq n(d1) d2 / vol / 100               | same                                    | delta per vol point |
 * | charm  | d(delta)/dt over one calendar day      |                                         | delta per day       |
 * | vomma  | vega * d1 d2 / vol / 100               | same                                    | vega pt per vol pt  |
 */
import { logMoneyness } from "./lbr/logMoneyness";
import { logNormalisedBlack, normalisedBlackOtm } from "./lbr/normalisedBlack";
import { InputError, NoSolutionError } from "./errors";
import { erfcx, normCdf, normPdf } from "./normal";
import { DAYS_PER_YEAR } from "./units";
import { days as daysRule, positive, rate as rateRule, vol as volRule } from "./validate";

/** Which side of the strike pays. */
export type OptionKind = "call" | "put";

/** The nine outputs of SPEC.md's OPTION, in SPEC's units (see the table at the top of this file). */
export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
  rho: number;
  vanna: number;
  charm: number;
  vomma: number;
}

/** The names of the outputs, in SPEC.md's order (the order of OPTION's "all" row). */
export const GREEK_NAMES = ["price", "delta", "gamma", "theta", "vega", "rho", "vanna", "charm", "vomma"] as const;

const SQRT_PI_OVER_2 = 1.2533141373155003; // sqrt(pi / 2)
const SQRT_DAYS_PER_YEAR = Math.sqrt(DAYS_PER_YEAR);
/** 600 ln 2: n(d1) 2^600 = exp(600 ln 2 - d1^2 / 2) / sqrt(2 pi) for a subnormal n(d1). */
const PDF_SHIFT = 600 * Math.LN2;
const INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)
/** |y| up to which normCdf uses its erf branch (Cody's 0.46875 times sqrt 2). */
const ERF_REGION = 0.6629126073623883;
/** The direct price difference is used while small <= big * this (at most 6 bits lost). */
const MAX_CANCELLATION = 63 / 64;

/**
 * Reads an option type as typed in a cell: "C", "CALL", "P" or "PUT", any case, surrounding
 * spaces ignored.
 *
 * Throws InputError("type", "must be C, CALL, P or PUT", value) for anything else (including
 * non-text).
 *
 * @example parseOptionType(" put ") // => "put"
 */
export function parseOptionType(text: unknown): OptionKind {
  if (typeof text === "string") {
    const t = text.trim().toUpperCase();
    if (t === "C" || t === "CALL") return "call";
    if (t === "P" || t === "PUT") return "put";
  }
  throw new InputError("type", "must be C, CALL, P or PUT", text);
}

function checkKind(kind: OptionKind): void {
  if (kind !== "call" && kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", kind);
}

function validate(kind: OptionKind, spot: number, strike: number, days: number, vol: number, rate: number, yield_: number): void {
  checkKind(kind);
  positive("spot", spot);
  positive("strike", strike);
  daysRule("days", days);
  volRule("vol", vol);
  rateRule("rate", rate);
  rateRule("yield", yield_);
}

/**
 * The BSM price of a European option, per 1 unit of the underlying:
 * e^{-rate T} (F N(d1) - K N(d2)) for a call, e^{-rate T} (K N(-d2) - F N(-d1)) for a put,
 * F = spot e^{(rate - yield) T}, T = days / 365 (Merton 1973). At days = 0: intrinsic value
 * max(spot - strike, 0) (call) or max(strike - spot, 0) (put).
 *
 * Accuracy: ~1e-15 relative where the difference above cancels little, <= ~1e-13 where it
 * cancels up to 6 bits, and black.ts's cancellation-free normalised Black (full relative
 * precision) beyond, i.e. out of the money and in the deep wings.
 *
 * Throws InputError for spot <= 0, strike <= 0, days outside [0, 36500], vol outside (0, 5], |rate| or
 * |yield| > 1, or a kind other than "call"/"put"; NoSolutionError if the price itself overflows a
 * double (an in-the-money option on a forward beyond 1.8e308). At the ends of the double range
 * (a forward that overflows, a subnormal spot, strike or vol, days = 5e-324) the price is still
 * computed, from logarithms where a product would underflow (edgePrice, scaledOtmPrice).
 *
 * @example optionPrice("call", 42, 40, 182.5, 0.2, 0.1) // => 4.7594... (Hull's example: 4.76)
 */
export function optionPrice(kind: OptionKind, spot: number, strike: number, days: number, vol: number, rate = 0, yield_ = 0): number {
  validate(kind, spot, strike, days, vol, rate, yield_);
  const T = days / DAYS_PER_YEAR;
  const sd = vol * (Math.sqrt(days) / SQRT_DAYS_PER_YEAR); // no underflow of T for tiny days
  const Dr = discountFactor(rate, T);
  const Dq = discountFactor(yield_, T);
  const rawForward = (spot * Dq) / Dr;
  if (!(rawForward < Infinity) || !(rawForward > 1e-300) || !(strike > 1e-300) || !(sd > 1e-150)) {
    // Near the ends of the double range (a forward that overflows, a subnormal spot or strike, a
    // variance that underflows): the scaled form below, or NoSolutionError naming the cause.
    return edgePrice(kind, spot, strike, T, sd, rate, yield_, Dr, Dq, rawForward);
  }
  const forward = rawForward;
  if (!(sd > 0)) return Dr * intrinsic(kind, forward, strike);
  const sign = kind === "call" ? 1 : -1;
  const lm = logMoneyness(spot, strike);
  const d1 = firstScore(lm, sd, Math.sqrt(days) / SQRT_DAYS_PER_YEAR, vol, rate, yield_);
  const pdf1 = density(d1);
  const Nd1 = cdfWithPdf(sign * d1, pdf1);
  const Nd2 = cdfWithPdf(sign * (d1 - sd), pdf2Of(pdf1, d1 - sd, forward, strike));
  const price = Dr * undiscountedPrice(kind, forward, strike, sd, Nd1, Nd2);
  // A price below the normal range: Dr x (a subnormal) would keep only its few bits; take it
  // from ln b instead (full precision down to the last subnormal).
  return price < TINY_PRICE ? scaledOtmPrice(kind, spot, strike, T, sd, rate, yield_, price) : price;
}

/** Prices below this are recomputed from logarithms (scaledOtmPrice). */
const TINY_PRICE = 1e-290;

/**
 * An out-of-the-money (time value only) price from ln: ln price = ln b(x, sd) + (ln S + ln K - (r + q) T) / 2
 * (price = e^{-rT} sqrt(F K) b = sqrt(S K e^{-(r+q)T}) b), with x = ln(S/K) + (r - q) T. Finite
 * wherever the price is, even when F or F K is not. `fallback` is returned for an in-the-money
 * option (whose price is never tiny; kept for safety).
 */
function scaledOtmPrice(kind: OptionKind, spot: number, strike: number, T: number, sd: number, rate: number, yield_: number, fallback: number): number {
  const x = logMoneyness(spot, strike) + (rate - yield_) * T;
  if (kind === "call" ? x > 0 : x < 0) return fallback;
  const lnScale = 0.5 * (Math.log(spot) + Math.log(strike) - (rate + yield_) * T);
  if (sd < 1e-300) {
    // sd itself below the normal range (a subnormal vol): b(0, sd) = sd / sqrt(2 pi) (1 - sd^2/24 ...)
    // at the money; anywhere else |x| / sd is astronomic and b is 0.
    return x === 0 ? Math.exp(lnScale) * INV_SQRT_2PI * sd : 0;
  }
  return Math.exp(logNormalisedBlack(-Math.abs(x), sd, logRatio) + lnScale);
}

const logRatio = { ratio: 0 };

/**
 * optionPrice at the ends of the double range. A forward that overflows (spot 1e300 at a carry of
 * 200% over 100 years) still has a representable out-of-the-money price (scaledOtmPrice); an
 * in-the-money one is S Dq - K Dr, which overflows with it. A variance that underflows is the
 * intrinsic value plus the time value from scaledOtmPrice (~ F sd / sqrt(2 pi) at the money).
 */
function edgePrice(
  kind: OptionKind,
  spot: number,
  strike: number,
  T: number,
  sd: number,
  rate: number,
  yield_: number,
  Dr: number,
  Dq: number,
  forward: number,
): number {
  const x = logMoneyness(spot, strike) + (rate - yield_) * T;
  const itm = kind === "call" ? x > 0 : x < 0;
  if (!(sd > 0)) {
    // vol^2 T underflows: the deterministic forward's payoff (time value below any double).
    if (!(forward < Infinity)) {
      if (!itm) return 0;
      throw new NoSolutionError(`the price overflows a double: the forward spot e^((rate - yield) T) exceeds 1.8e308`);
    }
    return Dr * intrinsic(kind, forward, strike);
  }
  if (!itm) return scaledOtmPrice(kind, spot, strike, T, sd, rate, yield_, 0);
  // In the money: intrinsic S Dq - K Dr (call) or K Dr - S Dq (put), plus the time value of the
  // out-of-the-money twin (put-call parity), both finite or the price is not.
  const twin = scaledOtmPrice(kind === "call" ? "put" : "call", spot, strike, T, sd, rate, yield_, 0);
  const price = (kind === "call" ? spot * Dq - strike * Dr : strike * Dr - spot * Dq) + twin;
  if (!(price < Infinity)) {
    throw new NoSolutionError(`the price overflows a double: the forward spot e^((rate - yield) T) exceeds 1.8e308`);
  }
  return price;
}

/**
 * d1 = ln(F/K)/sd + sd/2 as ln(S/K)/sd + (r - q) sqrt(T)/vol + sd/2, from lm = ln(S/K) to half an
 * ulp (lbr/logMoneyness.ts): near the money and close to expiry d1 ~ sd/2 is tiny, and the rounding
 * of the forward or of the quotient F/K (an ulp of x = ln(F/K)) would cost it 1e-9 relative; for a
 * T below the normal range the carry term is what decides the sign of d2 at the money.
 */
function firstScore(lm: number, sd: number, sqrtT: number, vol: number, rate: number, yield_: number): number {
  const carry = rate === yield_ ? 0 : ((rate - yield_) * sqrtT) / vol;
  return lm / sd + carry + 0.5 * sd;
}

/** The forward spot e^{(rate - yield) T} must be a positive double (it is unless days is absurd). */
function checkForward(forward: number, days: number): number {
  if (!(forward > 0 && forward < Infinity)) {
    throw new NoSolutionError(`the forward price overflows a double over ${days} days at this rate and yield`);
  }
  return forward;
}

function intrinsic(kind: OptionKind, forward: number, strike: number): number {
  return kind === "call" ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
}

/** e^{-r T}, skipping the exponential for the common r = 0. */
function discountFactor(r: number, T: number): number {
  return r === 0 ? 1 : Math.exp(-r * T);
}

/**
 * phi(x) with one exponential where x^2/2 rounds harmlessly (|x| <= 4: <= 8 ulps), normal.ts's
 * exactly split exponent (full relative precision) beyond.
 */
function density(x: number): number {
  return x >= -4 && x <= 4 ? INV_SQRT_2PI * Math.exp(-0.5 * x * x) : normPdf(x);
}

/**
 * Phi(y) from phi(y), already at hand: Phi(y) = sqrt(pi/2) phi(y) erfcx(-y/sqrt2) (Cody's erfcx,
 * no second exponential) in the tails, normCdf's erf branch (no exponential) in the middle.
 * The two tails read their small side directly, so relative precision holds in both.
 */
function cdfWithPdf(y: number, pdfY: number): number {
  if (y < -ERF_REGION) return SQRT_PI_OVER_2 * pdfY * erfcx(-y * Math.SQRT1_2);
  if (y > ERF_REGION) return 1 - SQRT_PI_OVER_2 * pdfY * erfcx(y * Math.SQRT1_2);
  return normCdf(y);
}

/**
 * phi(d2) from phi(d1): d1^2 - d2^2 = 2 ln(F/K), so phi(d2) = phi(d1) F / K (one exponential
 * for both). Where phi(d1) is subnormal or 0 the product would lose digits: evaluate directly.
 */
function pdf2Of(pdf1: number, d2: number, forward: number, strike: number): number {
  return pdf1 > 1e-290 ? pdf1 * (forward / strike) : normPdf(d2);
}

/**
 * The undiscounted Black price from N(+-d1), N(+-d2) (the option's own side): F N(d1) - K N(d2)
 * (call) or K N(-d2) - F N(-d1) (put) where that difference loses at most 6 bits (the smaller term
 * is at most 63/64 of the larger: relative error <= ~1e-13), else black.ts's cancellation-free
 * normalised Black (out of the money and in the deep wings: full relative precision).
 */
function undiscountedPrice(kind: OptionKind, forward: number, strike: number, sd: number, Nd1: number, Nd2: number): number {
  const big = kind === "call" ? forward * Nd1 : strike * Nd2;
  const small = kind === "call" ? strike * Nd2 : forward * Nd1;
  if (small <= big * MAX_CANCELLATION) return big - small;
  // black.ts's undiscountedBlack without its second validation (the inputs are valid here):
  // intrinsic + sqrt(F K) b(-|x|, sd), x = ln(F/K) of the forward as priced.
  const x = logMoneyness(forward, strike);
  const intrinsic = kind === "call" ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
  const timeValue = Math.sqrt(forward) * Math.sqrt(strike) * normalisedBlackOtm(-Math.abs(x), sd);
  return Math.min(intrinsic + timeValue, kind === "call" ? forward : strike);
}

/**
 * Price and all eight greeks of a European option from one d1/d2, one pdf, two cdfs and one
 * exponential per discount factor (Haug 2007, ch. 2). Units (SPEC.md): price per 1 unit of the
 * underlying; delta and gamma per 1.00 of spot; theta per calendar day (the value change as one
 * day passes, rate and yield held); vega per vol point (0.01); rho per rate point (0.01, yield
 * held); vanna = change of delta per vol point; charm = change of delta as one calendar day
 * passes; vomma = change of vega (per point) per vol point.
 *
 * Theta per year (time passing):
 *   call: -Dq S n(d1) vol / (2 sqrt T) - rate K Dr N(d2) + yield S Dq N(d1)
 *   put:  -Dq S n(d1) vol / (2 sqrt T) + rate K Dr N(-d2) - yield S Dq N(-d1)
 * Charm per year (time passing), with dd1/dT = (rate - yield) / sd - d2 / (2T):
 *   call: yield Dq N(d1) - Dq n(d1) dd1/dT;   put: -yield Dq N(-d1) - Dq n(d1) dd1/dT.
 * Both are divided by 365 for "per calendar day".
 *
 * At expiry (days = 0): price is the intrinsic value; delta is a step: a call's is 1 above the
 * strike, 0 below and 0.5 exactly at the money (the average of the one-sided limits, and the
 * limit of N(d1) as T -> 0 at the money); a put's is the call's minus 1 (-1, 0, -0.5). Every
 * other greek is 0. (If days > 0 but vol^2 T underflows to 0, the same rules apply to the
 * discounted deterministic forward, with its carry theta, rho and charm.)
 *
 * Throws InputError as optionPrice does; NoSolutionError if the forward overflows a double, or a
 * greek does, naming the cause: a subnormal spot, a vol so small that vol sqrt(T) is (5e-324), or
 * a time this close to expiry. (days = 5e-324 at the money gives gamma 3.4e159: finite, returned;
 * sqrt(T) is taken as sqrt(days) / sqrt(365) so that T's underflow costs nothing.)
 *
 * @example optionGreeks("put", 55, 60, 255.5, 0.3, 0.1).delta // => -0.4770... (NAG s30ab: -0.477)
 */
export function optionGreeks(kind: OptionKind, spot: number, strike: number, days: number, vol: number, rate = 0, yield_ = 0): Greeks {
  // Small enough to be inlined where it is called: a caller that only reads the fields then
  // allocates nothing (the object and its nine boxed doubles are scalar-replaced).
  const o = optionGreeksInto(scratchGreeks, kind, spot, strike, days, vol, rate, yield_);
  return { price: o[0], delta: o[1], gamma: o[2], theta: o[3], vega: o[4], rho: o[5], vanna: o[6], charm: o[7], vomma: o[8] };
}

const scratchGreeks = new Float64Array(9);

/**
 * optionGreeks written into `out` (length >= 9) in GREEK_NAMES order (price, delta, gamma, theta,
 * vega, rho, vanna, charm, vomma), for hot loops that keep no result object; returns `out`.
 * Same values, units and errors as optionGreeks (on an error `out` may be partly written).
 * @example optionGreeksInto(new Float64Array(9), "put", 55, 60, 255.5, 0.3, 0.1)[1] // => -0.4770... (NAG s30ab: -0.477)
 */
export function optionGreeksInto(
  out: Float64Array,
  kind: OptionKind,
  spot: number,
  strike: number,
  days: number,
  vol: number,
  rate = 0,
  yield_ = 0,
): Float64Array {
  validate(kind, spot, strike, days, vol, rate, yield_);
  const T = days / DAYS_PER_YEAR;
  const sqrtT = Math.sqrt(days) / SQRT_DAYS_PER_YEAR; // no underflow of T for tiny days
  const sd = vol * sqrtT;
  const Dr = discountFactor(rate, T);
  const Dq = discountFactor(yield_, T);
  const forward = checkForward((spot * Dq) / Dr, days);
  if (!(sd > 0)) {
    if (days > 0 && forward === strike) {
      // vol^2 T underflows at the money: gamma ~ 1 / (spot sd) is beyond a double.
      throw new NoSolutionError(`the greeks overflow a double: vol x sqrt(days / 365) underflows (vol ${vol}, days ${days}) at the money`);
    }
    return zeroVarianceGreeks(out, kind, spot, strike, T, forward, Dr, Dq, rate, yield_);
  }

  const lm = logMoneyness(spot, strike);
  const d1 = firstScore(lm, sd, sqrtT, vol, rate, yield_);
  const d2 = d1 - sd;
  const pdf = density(d1);
  // N(+-d1), N(+-d2) on the option's own side: no 1 - N(x) cancellation for either kind.
  const sign = kind === "call" ? 1 : -1;
  const Nd1 = cdfWithPdf(sign * d1, pdf);
  const Nd2 = cdfWithPdf(sign * d2, pdf2Of(pdf, d2, forward, strike));

  // The price exactly as optionPrice gives it (same branches at the edges of the range).
  const direct = Dr * undiscountedPrice(kind, forward, strike, sd, Nd1, Nd2);
  const price =
    !(forward > 1e-300) || !(strike > 1e-300) || !(sd > 1e-150)
      ? edgePrice(kind, spot, strike, T, sd, rate, yield_, Dr, Dq, forward)
      : direct < TINY_PRICE
        ? scaledOtmPrice(kind, spot, strike, T, sd, rate, yield_, direct)
        : direct;
  const delta = sign * Dq * Nd1;
  // The pdf terms. Where n(d1) is below the normal range (|d1| > ~37.5) it keeps only a few bits,
  // yet gamma = n(d1) / (spot sd) may be a normal number (close to expiry): take them from
  // n(d1) 2^600 and scale back at the end (exact unless the greek itself is subnormal).
  const scaled = pdf < 1e-290 && pdf > 0;
  const p = scaled ? INV_SQRT_2PI * Math.exp(PDF_SHIFT - 0.5 * d1 * d1) : pdf;
  const back = scaled ? 2 ** -600 : 1;
  const spotPdf = spot * Dq * p; // S Dq n(d1) = K Dr n(d2), times 2^600 when scaled
  const gamma = ((Dq * p) / (spot * sd)) * back;
  const vega1 = spotPdf * sqrtT * back; // per 1.00 of vol
  const carry = sign * (yield_ * spot * Dq * Nd1 - rate * strike * Dr * Nd2);
  const theta1 = -((spotPdf * vol) / (2 * sqrtT)) * back + carry;
  const rho1 = sign * strike * T * Dr * Nd2;
  // pdf * (...) terms: when the pdf underflows to 0 the product is 0 even if the factor is huge.
  const vanna1 = pdf === 0 ? 0 : ((-Dq * p * d2) / vol) * back;
  const dd1dT = pdf === 0 ? 0 : (rate - yield_) / sd - d2 / sqrtT / (2 * sqrtT); // d2 / (2T), T may underflow
  const charm1 = sign * yield_ * Dq * Nd1 - Dq * p * dd1dT * back;
  const vomma1 = pdf === 0 ? 0 : ((spotPdf * sqrtT * d1 * d2) / vol) * back;

  const theta = theta1 / DAYS_PER_YEAR;
  const vanna = vanna1 / 100;
  const charm = charm1 / DAYS_PER_YEAR;
  const vomma = vomma1 / 10000;
  if (!Number.isFinite(gamma + theta + charm + vanna + vomma)) throw new NoSolutionError(overflowCause(spot, sd, days, vol));
  out[0] = price;
  out[1] = delta;
  out[2] = gamma;
  out[3] = theta;
  out[4] = vega1 / 100;
  out[5] = rho1 / 100;
  out[6] = vanna;
  out[7] = charm;
  out[8] = vomma;
  return out;
}

/**
 * Why gamma ~ n(d1) / (spot sd) and its kin overflow: a spot below the normal range, a vol so small
 * that vol sqrt(T) is (vol below 1e-100), or a time this close to expiry.
 */
function overflowCause(spot: number, sd: number, days: number, vol: number): string {
  if (spot < 1e-290) return `the greeks overflow a double: spot ${spot} is too small (gamma is about 1 / (spot x vol x sqrt(T)))`;
  if (vol < 1e-100) return `the greeks overflow a double: vol ${vol} is too small (vol x sqrt(T) = ${sd})`;
  return `the greeks overflow a double this close to expiry (days ${days}); use days = 0 for expiry`;
}

/** Greeks when the variance is 0: the payoff on the deterministic forward, discounted. */
function zeroVarianceGreeks(
  out: Float64Array,
  kind: OptionKind,
  spot: number,
  strike: number,
  T: number,
  forward: number,
  Dr: number,
  Dq: number,
  rate: number,
  yield_: number,
): Float64Array {
  const sign = kind === "call" ? 1 : -1;
  // (Each output below gets "+ 0" so that a put shows 0, not -0.)
  // Weight of the forward-minus-strike payoff: 1 in the money, 0 out, 1/2 at the money.
  const w = forward === strike ? 0.5 : sign * (forward - strike) > 0 ? 1 : 0;
  const price = Dr * Math.max(sign * (forward - strike), 0);
  const delta = sign * Dq * w;
  // d/dt of w * sign * (S Dq - K Dr): sign * w * (yield S Dq - rate K Dr) per year.
  const theta = T === 0 ? 0 : (sign * w * (yield_ * spot * Dq - rate * strike * Dr)) / DAYS_PER_YEAR;
  const rho = (sign * w * strike * T * Dr) / 100;
  const charm = T === 0 ? 0 : (sign * w * yield_ * Dq) / DAYS_PER_YEAR; // d(sign w Dq)/dt
  out[0] = price;
  out[1] = delta + 0;
  out[2] = 0;
  out[3] = theta + 0;
  out[4] = 0;
  out[5] = rho + 0;
  out[6] = 0;
  out[7] = charm + 0;
  out[8] = 0;
  return out;
}
