/**
 * An option chain as SPEC.md's "The option chain" section gives it: columns of the same length,
 * `strikes` ascending, and a bid and an ask per side. This file owns the chain's input rules and
 * the one notion of "a quote" that the forward, the vols and the variance share:
 *
 * - a side is QUOTED when its bid is > 0 and its ask is present: an empty side or a 0 bid is
 *   "no quote" (SPEC.md), and an empty side counts as a zero bid in Cboe's two-consecutive stop;
 * - its mid is (bid + ask) / 2.
 *
 * Rows are numbered from 1, as the analyst sees them in the pasted range.
 */
import { InputError } from "../errors";

/** One side (call or put) of one strike: bid and ask per 1 unit of the underlying; undefined = empty cell. */
export interface SideQuote {
  bid: number | undefined;
  ask: number | undefined;
}

/** A chain: strikes ascending and, row by row, the call and put quotes. */
export interface Chain {
  strikes: readonly number[];
  calls: readonly SideQuote[];
  puts: readonly SideQuote[];
}

/** The argument names of the four quote columns, for messages (as SPEC.md names them). */
export const QUOTE_ARGS = { callBid: "callBid", callAsk: "callAsk", putBid: "putBid", putAsk: "putAsk" } as const;

/** True when the side has a usable quote: bid > 0 and an ask present. */
export function isQuoted(side: SideQuote): boolean {
  return side.bid !== undefined && side.bid > 0 && side.ask !== undefined;
}

/** The mid (bid + ask) / 2 of a quoted side, undefined for no quote. */
export function midOf(side: SideQuote): number | undefined {
  const { bid, ask } = side;
  return bid !== undefined && bid > 0 && ask !== undefined ? (bid + ask) / 2 : undefined;
}

/**
 * Strikes: each a finite number > 0, strictly ascending (a repeated strike has no width of its
 * own in the Cboe sum and no single quote), at least one. Throws InputError naming the row.
 * @example validateStrikes("strikes", [1950, 1955, 1960]); // passes
 */
export function validateStrikes(name: string, strikes: readonly number[]): void {
  if (strikes.length === 0) throw new InputError(name, "must hold at least one strike", "");
  strikes.forEach((k, i) => {
    if (!(typeof k === "number" && Number.isFinite(k) && k > 0)) {
      throw new InputError(name, `must be a number greater than 0 at row ${i + 1}`, k);
    }
    if (i > 0 && !(k > strikes[i - 1])) {
      throw new InputError(name, `must be strictly ascending (row ${i + 1} is not above row ${i}'s ${strikes[i - 1]})`, k);
    }
  });
}

/** A price column cell: empty, or a finite number >= 0. Throws InputError naming the row. */
export function validatePrice(name: string, row: number, price: number | undefined): void {
  if (price === undefined) return;
  if (!(typeof price === "number" && Number.isFinite(price) && price >= 0)) {
    throw new InputError(name, `must be a price of 0 or more at row ${row + 1}`, price);
  }
}

/**
 * The whole chain: strikes ascending, as many quotes as strikes, every price >= 0 or empty, and
 * ask >= bid where both are given (a crossed quote is a data error, not a mid).
 * @throws InputError naming the column and the row.
 */
export function validateChain(chain: Chain): void {
  const { strikes, calls, puts } = chain;
  validateStrikes("strikes", strikes);
  const sides: Array<[readonly SideQuote[], string, string]> = [
    [calls, QUOTE_ARGS.callBid, QUOTE_ARGS.callAsk],
    [puts, QUOTE_ARGS.putBid, QUOTE_ARGS.putAsk],
  ];
  for (const [quotes, bidName, askName] of sides) {
    if (quotes.length !== strikes.length) {
      throw new InputError(bidName, `must have as many rows as strikes (${strikes.length})`, quotes.length);
    }
    quotes.forEach((q, i) => {
      validatePrice(bidName, i, q.bid);
      validatePrice(askName, i, q.ask);
      if (q.bid !== undefined && q.ask !== undefined && q.ask < q.bid) {
        throw new InputError(askName, `must be at least the bid (${q.bid}) at row ${i + 1}`, q.ask);
      }
    });
  }
}
