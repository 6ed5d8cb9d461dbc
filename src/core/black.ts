/**
 * The undiscounted Black (1976) price, to full relative precision even deep out of the money.
 *
 * Black: call = F Phi(d1) - K Phi(d2), put = K Phi(-d2) - F Phi(-d1), d1,2 = ln(F/K)/s +- s/2.
 * Evaluated as intrinsic + time value, the time value being sqrt(F K) b(-|x|, s) with b the
 * normalised Black function of P. Jäckel, "Let's Be Rational" (Wilmott 2015), computed without
 * cancellation (src/core/lbr/normalisedBlack.ts). An out-of-the-money price of 1e-250 comes out
 * with ~15 correct digits where the textbook difference of two Phi terms returns 0 or noise.
 */
import { InputError } from "./errors";
import { logMoneyness } from "./lbr/logMoneyness";
import { normalisedBlackOtm } from "./lbr/normalisedBlack";
import { finite, positive } from "./validate";

/**
 * The undiscounted Black price of a European call or put on a forward (multiply by the discount
 * factor e^(-rT) for the present value). Units: the forward's (per 1 unit of underlying).
 * Accuracy: ~1e-15 relative to the exact value for the doubles given, times the problem's own
 * conditioning (1 + (ln(F/K)/s)^2 in the far wings).
 * Source: F. Black, "The pricing of commodity contracts", J. Fin. Econ. 3 (1976); normalised form
 * and its cancellation-free evaluation after P. Jäckel, "Let's Be Rational" (2015).
 * @param forward F > 0.
 * @param strike K > 0.
 * @param stdDev s = vol * sqrt(T) >= 0 (0 gives the intrinsic value).
 * @param kind "call" or "put".
 * @returns the undiscounted price, >= intrinsic, <= F (call) or K (put).
 * @throws InputError when forward or strike is not a finite number > 0, stdDev is negative or
 *   not finite, or kind is neither "call" nor "put".
 * @example undiscountedBlack(100, 100, 0.2, "call"); // => 7.965567455405796
 */
export function undiscountedBlack(forward: number, strike: number, stdDev: number, kind: "call" | "put"): number {
  positive("forward", forward);
  positive("strike", strike);
  if (!(finite("stdDev", stdDev) >= 0)) throw new InputError("stdDev", "must be a number of 0 or more", stdDev);
  if (kind !== "call" && kind !== "put") throw new InputError("kind", 'must be "call" or "put"', kind);
  const x = logMoneyness(forward, strike);
  const intrinsic = kind === "call" ? Math.max(forward - strike, 0) : Math.max(strike - forward, 0);
  if (stdDev === 0) return intrinsic;
  const timeValue = Math.sqrt(forward) * Math.sqrt(strike) * normalisedBlackOtm(-Math.abs(x), stdDev);
  // Near the upper bound (huge stdDev) the last rounding could step past it: clamp to it.
  return Math.min(intrinsic + timeValue, kind === "call" ? forward : strike);
}
