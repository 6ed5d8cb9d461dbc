/**
 * Custom functions of SPEC.md's "The option chain: forward, smile and model-free variance"
 * section: IMPLIED_FORWARD, CHAIN_VOLS, SMILE_VOL, VIX_VARIANCE and VIX_INDEX. Thin adapters:
 * read the chain's columns (excel.ts), call src/core/chain/, lay the result out.
 *
 * A chain is columns of the same size: `strikes` up to its last filled cell (blank rows after it
 * are the unused tail of the selection, blank in a result that follows the chain) and the quote
 * columns beside it, where an empty cell is "no quote".
 */
import { excelErrorCode, InputError, NoSolutionError, ShieldError } from "../core/errors";
import { impliedForward } from "../core/chain/forward";
import { vixIndex } from "../core/chain/index";
import { type Chain, type SideQuote, validatePrice, validateStrikes } from "../core/chain/quotes";
import { buildSmile } from "../core/chain/smile";
import { vixVariance } from "../core/chain/variance";
import { chainVols } from "../core/chain/vols";
import { type CellValue, excelCall, isOmitted, matrix, maybeNum, num, optNum, series, type Series, shaped, toExcelError, unwrap, usedLength } from "./excel";

/** A column (or row) argument; "is required" when omitted. */
function cellsOf(name: string, value: unknown): Series {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  return series(name, value);
}

/** The strikes column: its cells, and the count up to the last filled one. */
interface StrikeColumn {
  strikes: number[];
  cells: number;
  orientation: Series["orientation"];
}

function readStrikes(value: unknown): StrikeColumn {
  const s = cellsOf("strikes", value);
  const n = usedLength(s.values);
  if (n === 0) throw new InputError("strikes", "must hold at least one strike", "");
  const strikes = s.values.slice(0, n).map((v, i) => {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    const rule = isOmitted(v) ? "must be a number at row %d (only rows after the last strike may be blank)" : "must be a number at row %d";
    throw new InputError("strikes", rule.replace("%d", String(i + 1)), v);
  });
  validateStrikes("strikes", strikes);
  return { strikes, cells: s.values.length, orientation: s.orientation };
}

/** A price column beside the strikes: same size; each of its first `n` cells empty or a price >= 0. */
function readPrices(name: string, value: unknown, col: StrikeColumn): Array<number | undefined> {
  const s = cellsOf(name, value);
  if (s.values.length !== col.cells) {
    throw new InputError(name, `must have as many cells as strikes (${col.cells})`, `${s.values.length} cells`);
  }
  return s.values.slice(0, col.strikes.length).map((v, i) => {
    if (isOmitted(v)) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError(name, `must be a price (a number) or empty at row ${i + 1}`, v);
    validatePrice(name, i, v);
    return v;
  });
}

/** The five columns of a bid/ask chain. */
function readChain(strikes: unknown, callBid: unknown, callAsk: unknown, putBid: unknown, putAsk: unknown): { chain: Chain; col: StrikeColumn } {
  const col = readStrikes(strikes);
  const side = (bidName: string, bid: unknown, askName: string, ask: unknown): SideQuote[] => {
    const bids = readPrices(bidName, bid, col);
    const asks = readPrices(askName, ask, col);
    return bids.map((b, i) => ({ bid: b, ask: asks[i] }));
  };
  const chain = {
    strikes: col.strikes,
    calls: side("callBid", callBid, "callAsk", callAsk),
    puts: side("putBid", putBid, "putAsk", putAsk),
  };
  return { chain, col };
}

/**
 * The forward implied by put-call parity at the strike where |call - put| is smallest.
 * @customfunction IMPLIED_FORWARD
 * @helpurl https://localhost:3000/functions.html#implied_forward
 * @param {any[][]} strikes Strikes, ascending, a column (or a row).
 * @param {any[][]} callPrices Call price at each strike (mids, or trades); empty or 0 = no quote.
 * @param {any[][]} putPrices Put price at each strike; empty or 0 = no quote.
 * @param {any} days Calendar days to expiry (fractional allowed).
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @returns {any[][]} One row: the forward F = K* + e^(rate T) (C - P), and the strike K* used.
 */
export function IMPLIED_FORWARD(strikes: any[][], callPrices: any[][], putPrices: any[][], days: any, rate?: any): any[][] {
  return excelCall("IMPLIED_FORWARD", () => {
    const col = readStrikes(strikes);
    const quoted = (p: number | undefined) => (p !== undefined && p > 0 ? p : undefined);
    const calls = readPrices("callPrices", callPrices, col).map(quoted);
    const puts = readPrices("putPrices", putPrices, col).map(quoted);
    const f = impliedForward(col.strikes, calls, puts, num("days", days), optNum("rate", rate, 0));
    return [[f.forward, f.strike]];
  });
}

/**
 * One implied vol per strike, of the out-of-the-money side's mid, solved against the implied forward.
 * @customfunction CHAIN_VOLS
 * @helpurl https://localhost:3000/functions.html#chain_vols
 * @param {any[][]} strikes Strikes, ascending, a column (or a row).
 * @param {any[][]} callBid Call bid at each strike; empty or 0 = no quote.
 * @param {any[][]} callAsk Call ask at each strike.
 * @param {any[][]} putBid Put bid at each strike; empty or 0 = no quote.
 * @param {any[][]} putAsk Put ask at each strike.
 * @param {any} days Calendar days to expiry (fractional allowed, more than 0).
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [spot] Price of the underlying (optional: implies the dividend yield with the forward).
 * @returns {any[][]} The vols in the shape of strikes (puts below the forward, calls at and above); #N/A where that side has no usable quote.
 */
export function CHAIN_VOLS(strikes: any[][], callBid: any[][], callAsk: any[][], putBid: any[][], putAsk: any[][], days: any, rate?: any, spot?: any): any[][] {
  return excelCall("CHAIN_VOLS", () => {
    const { chain, col } = readChain(strikes, callBid, callAsk, putBid, putAsk);
    const result = chainVols(chain, num("days", days), optNum("rate", rate, 0), maybeNum("spot", spot));
    const out: any[] = result.vols.map((v) => (typeof v === "number" ? v : toExcelError("CHAIN_VOLS", v)));
    while (out.length < col.cells) out.push("");
    return shaped(out, col.orientation);
  });
}

/** True for an #N/A cell (CHAIN_VOLS' "no quote"): the one error value SMILE_VOL skips. */
function isNotAvailable(v: unknown): boolean {
  return excelErrorCode(v) === "#N/A";
}

/**
 * The vol at any strike, read off a smile (strikes and vols, e.g. CHAIN_VOLS' output; #N/A cells skipped).
 * @customfunction SMILE_VOL
 * @helpurl https://localhost:3000/functions.html#smile_vol
 * @param {any[][]} strikes The smile's strikes, ascending, a column (or a row).
 * @param {any[][]} vols The vol at each strike as a decimal; #N/A or empty cells are skipped.
 * @param {any[][]} strike The strike to read (or a range of strikes: the result has its shape).
 * @param {any} [forward] The expiry's forward (with days: SVI wings beyond the quoted strikes).
 * @param {any} [days] Calendar days to expiry (with forward).
 * @returns {any[][]} The vol at each strike: a monotone cubic in ln(strike) inside, flat (or SVI) outside.
 */
export function SMILE_VOL(strikes: any[][], vols: any[][], strike: any[][], forward?: any, days?: any): any[][] {
  return excelCall("SMILE_VOL", () => {
    const ks = cellsOf("strikes", strikes).values;
    const vs = cellsOf("vols", vols).values;
    if (vs.length !== ks.length) throw new InputError("vols", `must have as many cells as strikes (${ks.length})`, `${vs.length} cells`);
    const pointsK: number[] = [];
    const pointsV: number[] = [];
    ks.forEach((k, i) => {
      const v = vs[i];
      if (isOmitted(v) || isNotAvailable(v)) return; // no vol at this strike (e.g. CHAIN_VOLS' #N/A)
      // Any other error value (#DIV/0!, #NUM!...) is a broken upstream cell, not "no quote".
      if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError("vols", `must be a vol (a number), empty or #N/A at row ${i + 1}`, v);
      if (typeof k !== "number" || !Number.isFinite(k)) throw new InputError("strikes", `must be a number at row ${i + 1} (it has a vol)`, k);
      // Rules checked here, not only in the core, so that the message names the row as the sheet numbers it.
      if (!(v > 0 && v <= 5)) throw new InputError("vols", `must be a decimal between 0 and 5 (enter 20% as 0.2) at row ${i + 1}`, v);
      const previous = pointsK[pointsK.length - 1];
      if (previous !== undefined && !(k > previous)) {
        throw new InputError("strikes", `must be strictly ascending (row ${i + 1} is not above the previous strike with a vol, ${previous})`, k);
      }
      pointsK.push(k);
      pointsV.push(v);
    });
    if (pointsK.length === 0) throw new NoSolutionError("the smile has no vol to read: every vols cell is empty or an error (#N/A)");
    const smile = buildSmile(pointsK, pointsV, maybeNum("forward", forward), maybeNum("days", days));
    return matrix(strike).map((row) =>
      row.map((cell: CellValue): any => {
        try {
          return smile.vol(num("strike", cell));
        } catch (error) {
          if (error instanceof ShieldError) return toExcelError("SMILE_VOL", error);
          throw error;
        }
      }),
    );
  });
}

/**
 * The model-free variance of one expiry by the Cboe VIX method, with its forward, K0 and strike count.
 * @customfunction VIX_VARIANCE
 * @helpurl https://localhost:3000/functions.html#vix_variance
 * @param {any[][]} strikes Strikes, ascending, a column (or a row).
 * @param {any[][]} callBid Call bid at each strike; empty or 0 = zero bid.
 * @param {any[][]} callAsk Call ask at each strike.
 * @param {any[][]} putBid Put bid at each strike; empty or 0 = zero bid.
 * @param {any[][]} putAsk Put ask at each strike.
 * @param {any} days Calendar days to expiry, fractional (Cboe's minutes / 1440).
 * @param {any} [rate] Continuously compounded risk-free rate of that expiry as a decimal (default 0).
 * @returns {any[][]} One row: the annualized variance sigma^2, the forward F, K0, the number of strikes used.
 */
export function VIX_VARIANCE(strikes: any[][], callBid: any[][], callAsk: any[][], putBid: any[][], putAsk: any[][], days: any, rate?: any): any[][] {
  return excelCall("VIX_VARIANCE", () => {
    const { chain } = readChain(strikes, callBid, callAsk, putBid, putAsk);
    const v = vixVariance(chain, num("days", days), optNum("rate", rate, 0));
    return [[v.variance, v.forward, v.k0, v.used.length]];
  });
}

/**
 * The VIX-style index of two expiries: Cboe's time-weighted interpolation of their variances.
 * @customfunction VIX_INDEX
 * @helpurl https://localhost:3000/functions.html#vix_index
 * @param {any} nearDays Calendar days to the near-term expiry (fractional: minutes / 1440).
 * @param {any} nearVariance The near-term annualized variance (VIX_VARIANCE's first cell).
 * @param {any} nextDays Calendar days to the next-term expiry, more than nearDays.
 * @param {any} nextVariance The next-term annualized variance.
 * @param {any} [targetDays] The constant maturity in calendar days (default 30).
 * @returns {number} 100 x the square root of the interpolated annualized variance (VIX points).
 */
export function VIX_INDEX(nearDays: any, nearVariance: any, nextDays: any, nextVariance: any, targetDays?: any): number {
  return excelCall("VIX_INDEX", () =>
    vixIndex(
      num("nearDays", nearDays),
      num("nearVariance", nearVariance),
      num("nextDays", nextDays),
      num("nextVariance", nextVariance),
      optNum("targetDays", targetDays, 30),
    ),
  );
}
