/**
 * Custom functions of SPEC.md's "Options (one leg)" section. Each is a thin adapter: parse
 * Excel's arguments (excel.ts), call the core, let excelCall map failures to Excel errors.
 * Parameters are typed `any` on purpose: Excel then hands over exactly what the cell holds,
 * and SHIELD (not Excel) words the error for text or an empty cell.
 */
import { GREEK_NAMES, optionGreeks, optionPrice, type OptionKind } from "../core/bsm";
import { InputError } from "../core/errors";
import { expectedMove } from "../core/expectedMove";
import { probBetween, probTouch } from "../core/probability";
import { strikeForDelta } from "../core/strike";
import { broadcast, isSingle, single } from "./broadcast";
import { excelCall, maybeNum, nonFiniteError, num, optionKind, optName, optNum, toExcelError } from "./excel";

/**
 * The expected move of the underlying: spot x vol x sqrt(days/365) x stdevs, in points.
 * @customfunction EXPECTED_MOVE
 * @helpurl https://localhost:3000/functions.html#expected_move
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} vol Annual implied volatility as a decimal (0.2 = 20%).
 * @param {any} days Calendar days to expiry (fractional allowed).
 * @param {any} [stdevs] Number of standard deviations (default 1).
 * @returns {number} The expected move in points of the underlying.
 */
export function EXPECTED_MOVE(spot: any, vol: any, days: any, stdevs?: any): number {
  return excelCall("EXPECTED_MOVE", () => expectedMove(num("spot", spot), num("vol", vol), num("days", days), optNum("stdevs", stdevs, 1)));
}

/**
 * Black-Scholes-Merton price or a greek of one European option, per 1 unit of the underlying.
 * @customfunction OPTION
 * @helpurl https://localhost:3000/functions.html#option
 * @param {any[][]} type Option type: C, CALL, P or PUT (any case); or a range of them.
 * @param {any[][]} spot Price of the underlying, e.g. 5000; or a range.
 * @param {any[][]} strike Strike price; or a range (one formula for a chain).
 * @param {any[][]} days Calendar days to expiry (fractional allowed; 0 = at expiry, intrinsic value); or a range.
 * @param {any[][]} vol Annual implied volatility as a decimal (0.2 = 20%); or a range.
 * @param {any[][]} [rate] Risk-free rate, continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [yield_] Dividend yield, continuously compounded decimal (default 0); or a range.
 * @param {any} [output] price (default), delta, gamma, theta, vega, rho, vanna, charm, vomma, or all (a 1x9 row; single cells only).
 * @returns {any[][]} The requested output (one cell, or one per element of the ranges), or all nine in a row.
 */
export function OPTION(type: any[][], spot: any[][], strike: any[][], days: any[][], vol: any[][], rate?: any[][], yield_?: any[][], output?: any): any[][] {
  if (isSingle(type) && isSingle(spot) && isSingle(strike) && isSingle(days) && isSingle(vol) && isSingle(rate) && isSingle(yield_)) {
    let row: number[];
    try {
      const kind = optionKind(single(type));
      const s = num("spot", single(spot));
      const k = num("strike", single(strike));
      const d = num("days", single(days));
      const v = num("vol", single(vol));
      const r = optNum("rate", single(rate), 0);
      const q = optNum("yield", single(yield_), 0);
      const wanted = outputIndex(output);
      if (wanted === ALL) {
        const g = optionGreeks(kind, s, k, d, v, r, q);
        row = [g.price, g.delta, g.gamma, g.theta, g.vega, g.rho, g.vanna, g.charm, g.vomma];
      } else {
        row = [optionOutput(wanted, kind, s, k, d, v, r, q)];
      }
    } catch (error) {
      throw toExcelError("OPTION", error);
    }
    for (let j = 0; j < row.length; j++) if (!(row[j] - row[j] === 0)) throw nonFiniteError("OPTION");
    return [row];
  }
  return optionOverRanges(type, spot, strike, days, vol, rate, yield_, output);
}

/** OPTION with a range argument (kept apart so that the single-cell path allocates no closure context). */
function optionOverRanges(
  type: unknown,
  spot: unknown,
  strike: unknown,
  days: unknown,
  vol: unknown,
  rate: unknown,
  yield_: unknown,
  output: unknown,
): any[][] {
  let wanted: number;
  try {
    wanted = outputIndex(output);
    if (wanted === ALL) {
      throw new InputError(
        "output",
        "all (a 1x9 row per option) cannot be combined with a range argument: ask for one output (price, delta...) per formula",
        "all",
      );
    }
  } catch (error) {
    throw toExcelError("OPTION", error);
  }
  return broadcast("OPTION", OPTION_ARGS, [type, spot, strike, days, vol, rate, yield_], (c) =>
    optionOutput(
      wanted,
      optionKind(c[0]),
      num("spot", c[1]),
      num("strike", c[2]),
      num("days", c[3]),
      num("vol", c[4]),
      optNum("rate", c[5], 0),
      optNum("yield", c[6], 0),
    ),
  );
}

const OPTION_ARGS = ["type", "spot", "strike", "days", "vol", "rate", "yield"] as const;
/** outputIndex's code for "all"; 0 to 8 are GREEK_NAMES' indexes. */
const ALL = 9;

/** One output of one option: GREEK_NAMES[index] (0: the price alone, no greeks computed). */
function optionOutput(index: number, kind: OptionKind, s: number, k: number, d: number, v: number, r: number, q: number): number {
  if (index === 0) return optionPrice(kind, s, k, d, v, r, q);
  const g = optionGreeks(kind, s, k, d, v, r, q);
  switch (index) {
    case 1:
      return g.delta;
    case 2:
      return g.gamma;
    case 3:
      return g.theta;
    case 4:
      return g.vega;
    case 5:
      return g.rho;
    case 6:
      return g.vanna;
    case 7:
      return g.charm;
    default:
      return g.vomma;
  }
}

/**
 * OPTION's `output` as an index into GREEK_NAMES, or ALL; omitted (or 0, an empty cell) is the
 * price. Any case, spaces ignored; one cell only (it is not broadcast).
 */
function outputIndex(output: unknown): number {
  if (output === null || output === undefined) return 0;
  // Fast path: a name as typed in lower case (no trimming, case folding or search).
  switch (output) {
    case "price":
      return 0;
    case "delta":
      return 1;
    case "gamma":
      return 2;
    case "theta":
      return 3;
    case "vega":
      return 4;
    case "rho":
      return 5;
    case "vanna":
      return 6;
    case "charm":
      return 7;
    case "vomma":
      return 8;
    case "all":
      return ALL;
  }
  if (Array.isArray(output) && !isSingle(output)) throw new InputError("output", "must be a single cell (one output name)", output);
  const typed = optName("output", output, "price");
  const name = typed.toLowerCase();
  if (name === "all") return ALL;
  const index = (GREEK_NAMES as readonly string[]).indexOf(name);
  if (index < 0) throw new InputError("output", `must be one of ${GREEK_NAMES.join(", ")} or all`, typed);
  return index;
}

/**
 * The strike whose spot delta equals the target delta (a put's as -0.16 or 0.16), optionally on a strike grid.
 * @customfunction STRIKE_FOR_DELTA
 * @helpurl https://localhost:3000/functions.html#strike_for_delta
 * @param {any[][]} type Option type: C, CALL, P or PUT (any case); or a range of them.
 * @param {any[][]} delta Target delta as a decimal (16 delta = 0.16; a put's may be -0.16 or 0.16); or a range.
 * @param {any[][]} spot Price of the underlying, e.g. 5000; or a range.
 * @param {any[][]} days Calendar days to expiry (more than 0); or a range.
 * @param {any[][]} vol Annual implied volatility as a decimal (0.2 = 20%); or a range.
 * @param {any[][]} [rate] Risk-free rate, continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [yield_] Dividend yield, continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [increment] Strike grid spacing, e.g. 5: returns the nearest listed strike (empty or 0: the exact strike); or a range.
 * @returns {any[][]} The strike (one cell, or one per element of the ranges).
 */
export function STRIKE_FOR_DELTA(
  type: any[][],
  delta: any[][],
  spot: any[][],
  days: any[][],
  vol: any[][],
  rate?: any[][],
  yield_?: any[][],
  increment?: any[][],
): any[][] {
  if (isSingle(type) && isSingle(delta) && isSingle(spot) && isSingle(days) && isSingle(vol) && isSingle(rate) && isSingle(yield_) && isSingle(increment)) {
    let x: number;
    try {
      x = strikeCell(single(type), single(delta), single(spot), single(days), single(vol), single(rate), single(yield_), single(increment));
    } catch (error) {
      throw toExcelError("STRIKE_FOR_DELTA", error);
    }
    if (!(x - x === 0)) throw nonFiniteError("STRIKE_FOR_DELTA");
    return [[x]];
  }
  return broadcast("STRIKE_FOR_DELTA", STRIKE_ARGS, [type, delta, spot, days, vol, rate, yield_, increment], (c) =>
    strikeCell(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]),
  );
}

const STRIKE_ARGS = ["type", "delta", "spot", "days", "vol", "rate", "yield", "increment"] as const;

function strikeCell(type: unknown, delta: unknown, spot: unknown, days: unknown, vol: unknown, rate: unknown, yield_: unknown, increment: unknown): number {
  return strikeForDelta(
    optionKind(type),
    num("delta", delta),
    num("spot", spot),
    num("days", days),
    num("vol", vol),
    optNum("rate", rate, 0),
    optNum("yield", yield_, 0),
    // An empty cell may arrive as 0: an increment of 0 means no grid (the exact strike).
    maybeNum("increment", increment) || undefined,
  );
}

/**
 * Risk-neutral probability that the underlying ends between lower and upper at expiry.
 * @customfunction PROB_BETWEEN
 * @helpurl https://localhost:3000/functions.html#prob_between
 * @param {any[][]} spot Price of the underlying, e.g. 5000; or a range.
 * @param {any[][]} lower Lower bound; 0 = unbounded below; or a range.
 * @param {any[][]} upper Upper bound; empty (or 0) = unbounded above; or a range.
 * @param {any[][]} days Calendar days to expiry (fractional allowed); or a range.
 * @param {any[][]} vol Annual implied volatility as a decimal (0.2 = 20%); or a range.
 * @param {any[][]} [rate] Risk-free rate, continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [yield_] Dividend yield, continuously compounded decimal (default 0); or a range.
 * @returns {any[][]} A probability between 0 and 1 (one cell, or one per element of the ranges).
 */
export function PROB_BETWEEN(spot: any[][], lower: any[][], upper: any[][], days: any[][], vol: any[][], rate?: any[][], yield_?: any[][]): any[][] {
  if (isSingle(spot) && isSingle(lower) && isSingle(upper) && isSingle(days) && isSingle(vol) && isSingle(rate) && isSingle(yield_)) {
    let p: number;
    try {
      p = betweenCell(single(spot), single(lower), single(upper), single(days), single(vol), single(rate), single(yield_));
    } catch (error) {
      throw toExcelError("PROB_BETWEEN", error);
    }
    if (!(p - p === 0)) throw nonFiniteError("PROB_BETWEEN");
    return [[p]];
  }
  return broadcast("PROB_BETWEEN", BETWEEN_ARGS, [spot, lower, upper, days, vol, rate, yield_], (c) => betweenCell(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
}

const BETWEEN_ARGS = ["spot", "lower", "upper", "days", "vol", "rate", "yield"] as const;

function betweenCell(spot: unknown, lower: unknown, upper: unknown, days: unknown, vol: unknown, rate: unknown, yield_: unknown): number {
  // An empty cell may arrive as null, "" or 0: for `upper` all of them mean "unbounded above".
  const top = maybeNum("upper", upper);
  return probBetween(
    num("spot", spot),
    optNum("lower", lower, 0),
    top === undefined || top === 0 ? Infinity : top,
    num("days", days),
    num("vol", vol),
    optNum("rate", rate, 0),
    optNum("yield", yield_, 0),
  );
}

/**
 * Risk-neutral probability that the underlying touches the level at any time before expiry.
 * @customfunction PROB_TOUCH
 * @helpurl https://localhost:3000/functions.html#prob_touch
 * @param {any[][]} spot Price of the underlying, e.g. 5000; or a range.
 * @param {any[][]} level The price level to touch; or a range.
 * @param {any[][]} days Calendar days to expiry (fractional allowed); or a range.
 * @param {any[][]} vol Annual implied volatility as a decimal (0.2 = 20%); or a range.
 * @param {any[][]} [rate] Risk-free rate, continuously compounded decimal (default 0); or a range.
 * @param {any[][]} [yield_] Dividend yield, continuously compounded decimal (default 0); or a range.
 * @returns {any[][]} A probability between 0 and 1 (one cell, or one per element of the ranges).
 */
export function PROB_TOUCH(spot: any[][], level: any[][], days: any[][], vol: any[][], rate?: any[][], yield_?: any[][]): any[][] {
  if (isSingle(spot) && isSingle(level) && isSingle(days) && isSingle(vol) && isSingle(rate) && isSingle(yield_)) {
    let p: number;
    try {
      p = touchCell(single(spot), single(level), single(days), single(vol), single(rate), single(yield_));
    } catch (error) {
      throw toExcelError("PROB_TOUCH", error);
    }
    if (!(p - p === 0)) throw nonFiniteError("PROB_TOUCH");
    return [[p]];
  }
  return broadcast("PROB_TOUCH", TOUCH_ARGS, [spot, level, days, vol, rate, yield_], (c) => touchCell(c[0], c[1], c[2], c[3], c[4], c[5]));
}

const TOUCH_ARGS = ["spot", "level", "days", "vol", "rate", "yield"] as const;

function touchCell(spot: unknown, level: unknown, days: unknown, vol: unknown, rate: unknown, yield_: unknown): number {
  return probTouch(num("spot", spot), num("level", level), num("days", days), num("vol", vol), optNum("rate", rate, 0), optNum("yield", yield_, 0));
}
