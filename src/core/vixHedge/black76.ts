/**
 * Black-76 on a VIX future: a VIX option's underlying is the future of the option's own expiry
 * (SPEC.md, "The ALVH with options and ETFs"). Not a new formula: SPEC's convention "Black-76 on
 * a forward F is spot = F, yield = rate" applied to bsm.ts, whose out-of-the-money prices come
 * from the normalised Black of src/core/lbr (full relative precision in the wings).
 *
 * With T = days / 365, D = e^{-rate T}, d1 = ln(F/K)/(vol sqrt T) + vol sqrt T / 2, d2 = d1 - vol sqrt T:
 *   value   = D (F N(d1) - K N(d2))   (put: D (K N(-d2) - F N(-d1)))
 *   deltaF  = dV/dF = D N(d1)         (put: -D N(-d1)), the discount factor included
 *   theta   = dV/dt per calendar day with F held: (-D F n(d1) vol / (2 sqrt T) + rate V) / 365
 * Source: F. Black, "The pricing of commodity contracts", J. Fin. Econ. 3 (1976); Haug (2007) 1.1.6.
 */
import { optionGreeks, optionPrice, type OptionKind } from "../bsm";

/** A VIX option's Black-76 value and the two sensitivities the hedge needs, per 1 VIX point of underlying. */
export interface Black76 {
  /** Present value, discounted at `rate`. */
  value: number;
  /** dV/dF including e^{-rate T}; negative for a put. */
  deltaF: number;
  /** Change of value as one calendar day passes, the future held. */
  theta: number;
}

/**
 * Black-76 value, delta to the future and theta per calendar day of a European option on a future.
 * `days = 0` is at expiry: intrinsic value, delta 1/0 (0.5 at the money, as bsm.ts), theta 0.
 *
 * Throws InputError as bsm.ts optionGreeks does (future <= 0 is named `spot`, so callers rename
 * through inRow); NoSolutionError if a greek overflows.
 *
 * @example black76("call", 20, 20, 121.6666666666667, 0.25, 0.09).value // => 1.1166... (MATLAB blkprice)
 */
export function black76(kind: OptionKind, future: number, strike: number, days: number, vol: number, rate = 0): Black76 {
  const g = optionGreeks(kind, future, strike, days, vol, rate, rate);
  return { value: g.price, deltaF: g.delta, theta: g.theta };
}

/**
 * The Black-76 value alone (what STRESS reprices at every cell): bsm.ts optionPrice with
 * spot = future, yield = rate. Throws as black76.
 *
 * @example black76Value("put", 20, 20, 121.6666666666667, 0.25, 0.09) // => 1.1166... (at the money: call = put)
 */
export function black76Value(kind: OptionKind, future: number, strike: number, days: number, vol: number, rate = 0): number {
  return optionPrice(kind, future, strike, days, vol, rate, rate);
}
