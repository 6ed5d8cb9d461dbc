/**
 * Custom functions of SPEC.md's "Options (one leg)" section. Each is a thin adapter: parse
 * Excel's arguments (excel.ts), call the core, let excelCall map failures to Excel errors.
 * Parameters are typed `any` on purpose: Excel then hands over exactly what the cell holds,
 * and SHIELD (not Excel) words the error for text or an empty cell.
 */
import { GREEK_NAMES, optionGreeks, optionPrice, parseOptionType } from "../core/bsm";
import { InputError } from "../core/errors";
import { expectedMove } from "../core/expectedMove";
import { probBetween, probTouch } from "../core/probability";
import { strikeForDelta } from "../core/strike";
import { excelCall, maybeNum, num, optName, optNum, text } from "./excel";

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
  return excelCall("EXPECTED_MOVE", () =>
    expectedMove(num("spot", spot), num("vol", vol), num("days", days), optNum("stdevs", stdevs, 1)),
  );
}

/**
 * Black-Scholes-Merton price or a greek of one European option, per 1 unit of the underlying.
 * @customfunction OPTION
 * @helpurl https://localhost:3000/functions.html#option
 * @param {any} type Option type: C, CALL, P or PUT (any case).
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} strike Strike price.
 * @param {any} days Calendar days to expiry (fractional allowed; 0 = at expiry, intrinsic value).
 * @param {any} vol Annual implied volatility as a decimal (0.2 = 20%).
 * @param {any} [rate] Risk-free rate, continuously compounded decimal (default 0).
 * @param {any} [yield_] Dividend yield, continuously compounded decimal (default 0).
 * @param {any} [output] price (default), delta, gamma, theta, vega, rho, vanna, charm, vomma, or all (a 1x9 row).
 * @returns {any[][]} The requested output (one cell), or all nine in a row.
 */
export function OPTION(type: any, spot: any, strike: any, days: any, vol: any, rate?: any, yield_?: any, output?: any): any[][] {
  return excelCall("OPTION", () => {
    const kind = parseOptionType(text("type", type));
    const args = [num("spot", spot), num("strike", strike), num("days", days), num("vol", vol), optNum("rate", rate, 0), optNum("yield", yield_, 0)] as const;
    // An empty cell may arrive as 0: for `output` that means the default, the price.
    const wanted = outputName(optName("output", output, "price"));
    if (wanted === "price") return [[optionPrice(kind, ...args)]];
    const g = optionGreeks(kind, ...args);
    return wanted === "all" ? [GREEK_NAMES.map((name) => g[name])] : [[g[wanted]]];
  });
}

/** An OPTION output name, any case: one of GREEK_NAMES or "all". */
function outputName(value: string): (typeof GREEK_NAMES)[number] | "all" {
  const name = value.toLowerCase();
  if (name === "all" || (GREEK_NAMES as readonly string[]).includes(name)) return name as (typeof GREEK_NAMES)[number] | "all";
  throw new InputError("output", `must be one of ${GREEK_NAMES.join(", ")} or all`, value);
}

/**
 * The strike whose spot delta equals the target delta (a put's as -0.16 or 0.16), optionally on a strike grid.
 * @customfunction STRIKE_FOR_DELTA
 * @helpurl https://localhost:3000/functions.html#strike_for_delta
 * @param {any} type Option type: C, CALL, P or PUT (any case).
 * @param {any} delta Target delta as a decimal (16 delta = 0.16; a put's may be -0.16 or 0.16).
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} days Calendar days to expiry (more than 0).
 * @param {any} vol Annual implied volatility as a decimal (0.2 = 20%).
 * @param {any} [rate] Risk-free rate, continuously compounded decimal (default 0).
 * @param {any} [yield_] Dividend yield, continuously compounded decimal (default 0).
 * @param {any} [increment] Strike grid spacing, e.g. 5: returns the nearest listed strike (empty or 0: the exact strike).
 * @returns {number} The strike.
 */
export function STRIKE_FOR_DELTA(type: any, delta: any, spot: any, days: any, vol: any, rate?: any, yield_?: any, increment?: any): number {
  return excelCall("STRIKE_FOR_DELTA", () =>
    strikeForDelta(
      parseOptionType(text("type", type)),
      num("delta", delta),
      num("spot", spot),
      num("days", days),
      num("vol", vol),
      optNum("rate", rate, 0),
      optNum("yield", yield_, 0),
      // An empty cell may arrive as 0: an increment of 0 means no grid (the exact strike).
      maybeNum("increment", increment) || undefined,
    ),
  );
}

/**
 * Risk-neutral probability that the underlying ends between lower and upper at expiry.
 * @customfunction PROB_BETWEEN
 * @helpurl https://localhost:3000/functions.html#prob_between
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} lower Lower bound; 0 = unbounded below.
 * @param {any} upper Upper bound; empty (or 0) = unbounded above.
 * @param {any} days Calendar days to expiry (fractional allowed).
 * @param {any} vol Annual implied volatility as a decimal (0.2 = 20%).
 * @param {any} [rate] Risk-free rate, continuously compounded decimal (default 0).
 * @param {any} [yield_] Dividend yield, continuously compounded decimal (default 0).
 * @returns {number} A probability between 0 and 1.
 */
export function PROB_BETWEEN(spot: any, lower: any, upper: any, days: any, vol: any, rate?: any, yield_?: any): number {
  return excelCall("PROB_BETWEEN", () => {
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
  });
}

/**
 * Risk-neutral probability that the underlying touches the level at any time before expiry.
 * @customfunction PROB_TOUCH
 * @helpurl https://localhost:3000/functions.html#prob_touch
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} level The price level to touch.
 * @param {any} days Calendar days to expiry (fractional allowed).
 * @param {any} vol Annual implied volatility as a decimal (0.2 = 20%).
 * @param {any} [rate] Risk-free rate, continuously compounded decimal (default 0).
 * @param {any} [yield_] Dividend yield, continuously compounded decimal (default 0).
 * @returns {number} A probability between 0 and 1.
 */
export function PROB_TOUCH(spot: any, level: any, days: any, vol: any, rate?: any, yield_?: any): number {
  return excelCall("PROB_TOUCH", () =>
    probTouch(num("spot", spot), num("level", level), num("days", days), num("vol", vol), optNum("rate", rate, 0), optNum("yield", yield_, 0)),
  );
}
