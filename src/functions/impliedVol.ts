/**
 * IMPLIED_VOL, the custom function of SPEC.md's "Options (one leg)" section for implied
 * volatility: a thin adapter over src/core/impliedVol.ts (Let's Be Rational).
 */
import { impliedVol } from "../core/impliedVol";
import { broadcast, isSingle, single } from "./broadcast";
import { nonFiniteError, num, optionKind, optNum, toExcelError } from "./excel";

/**
 * The volatility that reprices an option's price under Black-Scholes-Merton, to full precision.
 * @customfunction IMPLIED_VOL
 * @helpurl https://localhost:3000/functions.html#implied_vol
 * @param {any[][]} type Option type: C, CALL, P or PUT (any case); or a range of them.
 * @param {any[][]} price The option's price per 1 unit of the underlying; or a range (one formula for a chain).
 * @param {any[][]} spot Price of the underlying, e.g. 5000; or a range.
 * @param {any[][]} strike Strike price; or a range.
 * @param {any[][]} days Calendar days to expiry (fractional allowed, more than 0); or a range.
 * @param {any[][]} [rate] Risk-free rate as a continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [yield_] Dividend yield as a continuously compounded decimal (default 0); or a range.
 * @returns {any[][]} The implied annual volatility as a decimal (0.2 = 20%): one cell, or one per element of the ranges.
 */
export function IMPLIED_VOL(type: any[][], price: any[][], spot: any[][], strike: any[][], days: any[][], rate?: any[][], yield_?: any[][]): any[][] {
  if (isSingle(type) && isSingle(price) && isSingle(spot) && isSingle(strike) && isSingle(days) && isSingle(rate) && isSingle(yield_)) {
    let v: number;
    try {
      v = volCell(single(type), single(price), single(spot), single(strike), single(days), single(rate), single(yield_));
    } catch (error) {
      throw toExcelError("IMPLIED_VOL", error);
    }
    if (!(v - v === 0)) throw nonFiniteError("IMPLIED_VOL");
    return [[v]];
  }
  return broadcast("IMPLIED_VOL", ARGS, [type, price, spot, strike, days, rate, yield_], (c) => volCell(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
}

const ARGS = ["type", "price", "spot", "strike", "days", "rate", "yield"] as const;

function volCell(type: unknown, price: unknown, spot: unknown, strike: unknown, days: unknown, rate: unknown, yield_: unknown): number {
  return impliedVol(
    optionKind(type),
    num("price", price),
    num("spot", spot),
    num("strike", strike),
    num("days", days),
    optNum("rate", rate, 0),
    optNum("yield", yield_, 0),
  );
}
