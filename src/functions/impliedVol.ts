/**
 * IMPLIED_VOL, the custom function of SPEC.md's "Options (one leg)" section for implied
 * volatility: a thin adapter over src/core/impliedVol.ts (Let's Be Rational).
 */
import { parseOptionType } from "../core/bsm";
import { impliedVol } from "../core/impliedVol";
import { excelCall, num, optNum, text } from "./excel";

/**
 * The volatility that reprices an option's price under Black-Scholes-Merton, to full precision.
 * @customfunction IMPLIED_VOL
 * @helpurl https://localhost:3000/functions.html#implied_vol
 * @param {any} type Option type: C, CALL, P or PUT (any case).
 * @param {any} price The option's price per 1 unit of the underlying.
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} strike Strike price.
 * @param {any} days Calendar days to expiry (fractional allowed, more than 0).
 * @param {any} [rate] Risk-free rate as a continuously compounded decimal (default 0).
 * @param {any} [yield_] Dividend yield as a continuously compounded decimal (default 0).
 * @returns {number} The implied annual volatility as a decimal (0.2 = 20%).
 */
export function IMPLIED_VOL(type: any, price: any, spot: any, strike: any, days: any, rate?: any, yield_?: any): number {
  return excelCall("IMPLIED_VOL", () =>
    impliedVol(
      parseOptionType(text("type", type)),
      num("price", price),
      num("spot", spot),
      num("strike", strike),
      num("days", days),
      optNum("rate", rate, 0),
      optNum("yield", yield_, 0),
    ),
  );
}
