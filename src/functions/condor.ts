/**
 * Custom functions of SPEC.md's "The iron condor" section. Thin adapters: parse Excel's
 * arguments (excel.ts), call src/core/condor.ts, let excelCall map failures to Excel errors.
 * Parameters are typed `any` on purpose: SHIELD, not Excel, words the error for text or an empty
 * cell. The position is the SHORT iron condor (+1 put putLong, -1 put putShort, -1 call callShort,
 * +1 call callLong); prices and greeks are per 1 unit of the underlying.
 */
import { InputError } from "../core/errors";
import { positive, rate as rateRule } from "../core/validate";
import {
  LEG_NAMES,
  breakevens,
  condorGreeks,
  condorPayoff,
  condorPop,
  condorPrice,
  condorRisk,
  legVols,
  type CondorStrikes,
  type CondorVols,
} from "../core/condor";
import { excelCall, isOmitted, matrix, maybeNum, notAvailable, num, optNum, series, shaped, unwrap, usedLength } from "./excel";

/** The four strikes, each a required number. */
function strikesOf(putLong: any, putShort: any, callShort: any, callLong: any): CondorStrikes {
  return {
    putLong: num("putLong", putLong),
    putShort: num("putShort", putShort),
    callShort: num("callShort", callShort),
    callLong: num("callLong", callLong),
  };
}

const VOL_COUNT_RULE = "must be one vol or four (putLong, putShort, callShort, callLong) in a row or a column";

/**
 * A condor's `vol` argument: a scalar or [[x]] (flat), or 4 cells as a 1x4 row or a 4x1 column
 * in leg order. Any other shape is #VALUE! "one vol or four"; a blank or text cell names its leg.
 * Declared as a matrix parameter (`any[][]`) in the metadata: a scalar-dimension parameter would
 * make Excel call the function once per cell of a 4-cell range (array lifting) instead.
 */
export function volsOf(value: unknown): CondorVols {
  if (!Array.isArray(value)) return num("vol", value);
  const m = matrix(value);
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  if (rows === 1 && cols === 1) return num("vol", m[0][0]);
  let cells: unknown[] | undefined;
  if (rows === 1 && cols === 4) cells = m[0];
  else if (rows === 4 && m.every((row) => row.length === 1)) cells = m.map((row) => row[0]);
  if (!cells) throw new InputError("vol", VOL_COUNT_RULE, `a ${rows}x${cols} range`);
  return cells.map((cell, i) => num(`vol (${LEG_NAMES[i]})`, cell)) as unknown as CondorVols;
}

/** The arguments of the model functions, parsed, in the core's order (spot, strikes, days, vols, rate, yield). */
function modelArgs(
  spot: any,
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  days: any,
  vol: any,
  rate: any,
  yield_: any,
): [number, CondorStrikes, number, CondorVols, number, number] {
  return [
    num("spot", spot),
    strikesOf(putLong, putShort, callShort, callLong),
    num("days", days),
    volsOf(vol),
    optNum("rate", rate, 0),
    optNum("yield", yield_, 0),
  ];
}

/**
 * The model credit of the short iron condor, per unit of the underlying.
 * @customfunction CONDOR_PRICE
 * @helpurl https://localhost:3000/functions.html#condor_price
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call (equal to putShort for an iron fly).
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} days Calendar days to expiry (fractional allowed; 0 = at expiry).
 * @param {any[][]} vol Annual implied vol as a decimal (0.18 = 18%): one cell, or four (a row or a column) for putLong, putShort, callShort, callLong.
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {number} The credit of the short condor, per unit of the underlying.
 */
export function CONDOR_PRICE(spot: any, putLong: any, putShort: any, callShort: any, callLong: any, days: any, vol: any[][], rate?: any, yield_?: any): number {
  return excelCall("CONDOR_PRICE", () => condorPrice(...modelArgs(spot, putLong, putShort, callShort, callLong, days, vol, rate, yield_)));
}

/**
 * The net delta of the short iron condor, per 1.00 of spot.
 * @customfunction CONDOR_DELTA
 * @helpurl https://localhost:3000/functions.html#condor_delta
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call (equal to putShort for an iron fly).
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} days Calendar days to expiry (fractional allowed; 0 = at expiry).
 * @param {any[][]} vol Annual implied vol as a decimal (0.18 = 18%): one cell, or four (a row or a column) for putLong, putShort, callShort, callLong.
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {number} The position's delta per unit of the underlying.
 */
export function CONDOR_DELTA(spot: any, putLong: any, putShort: any, callShort: any, callLong: any, days: any, vol: any[][], rate?: any, yield_?: any): number {
  return excelCall("CONDOR_DELTA", () => condorGreeks(...modelArgs(spot, putLong, putShort, callShort, callLong, days, vol, rate, yield_)).delta);
}

/**
 * A 1x9 row: credit, delta, gamma, theta, vega, rho, vanna, charm, vomma of the short iron condor.
 * @customfunction CONDOR_GREEKS
 * @helpurl https://localhost:3000/functions.html#condor_greeks
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call (equal to putShort for an iron fly).
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} days Calendar days to expiry (fractional allowed; 0 = at expiry).
 * @param {any[][]} vol Annual implied vol as a decimal (0.18 = 18%): one cell, or four (a row or a column) for putLong, putShort, callShort, callLong.
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {any[][]} One row: credit, delta, gamma, theta/day, vega/vol pt, rho/rate pt, vanna, charm/day, vomma.
 */
export function CONDOR_GREEKS(
  spot: any,
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  days: any,
  vol: any[][],
  rate?: any,
  yield_?: any,
): any[][] {
  return excelCall("CONDOR_GREEKS", () => {
    const g = condorGreeks(...modelArgs(spot, putLong, putShort, callShort, callLong, days, vol, rate, yield_));
    return [[g.price, g.delta, g.gamma, g.theta, g.vega, g.rho, g.vanna, g.charm, g.vomma]];
  });
}

/**
 * A 1x2 row: the breakevens at expiry, putShort - credit and callShort + credit.
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/functions.html#breakeven
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} credit Credit received per unit of the underlying (0 or more).
 * @returns {any[][]} One row: lower and upper breakeven (#N/A on a side whose width the credit reaches).
 */
export function BREAKEVEN(putLong: any, putShort: any, callShort: any, callLong: any, credit: any): any[][] {
  return excelCall("BREAKEVEN", () => {
    const be = breakevens(strikesOf(putLong, putShort, callShort, callLong), num("credit", credit));
    return [
      [
        be.lower ?? notAvailable("BREAKEVEN", "no lower breakeven: the credit reaches the put wing's width, so that side cannot lose"),
        be.upper ?? notAvailable("BREAKEVEN", "no upper breakeven: the credit reaches the call wing's width, so that side cannot lose"),
      ],
    ];
  });
}

/**
 * A 1x3 row: max profit (the credit), max loss (wider wing - credit) and their ratio, at expiry.
 * @customfunction CONDOR_RISK
 * @helpurl https://localhost:3000/functions.html#condor_risk
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} credit Credit received per unit of the underlying (0 or more, less than the wider wing).
 * @returns {any[][]} One row: max profit, max loss, max profit / max loss.
 */
export function CONDOR_RISK(putLong: any, putShort: any, callShort: any, callLong: any, credit: any): any[][] {
  return excelCall("CONDOR_RISK", () => {
    const r = condorRisk(strikesOf(putLong, putShort, callShort, callLong), num("credit", credit));
    return [[r.maxProfit, r.maxLoss, r.ratio]];
  });
}

/**
 * Probability of profit at expiry: the risk-neutral probability of ending between the breakevens.
 * @customfunction CONDOR_POP
 * @helpurl https://localhost:3000/functions.html#condor_pop
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} days Calendar days to expiry (fractional allowed; 0 = at expiry).
 * @param {any[][]} vol Annual implied vol as a decimal: one cell, or four (putLong, putShort, callShort, callLong); the breakevens use the short strikes' vols.
 * @param {any} credit Credit received per unit of the underlying (0 or more).
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {number} The probability (0 to 1) that the condor ends with a profit.
 */
export function CONDOR_POP(
  spot: any,
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  days: any,
  vol: any[][],
  credit: any,
  rate?: any,
  yield_?: any,
): number {
  return excelCall("CONDOR_POP", () => {
    const [s, strikes, d, v, r, q] = modelArgs(spot, putLong, putShort, callShort, callLong, days, vol, rate, yield_);
    return condorPop(s, strikes, d, v, num("credit", credit), r, q);
  });
}

/**
 * P/L per unit of the short iron condor at each price: at expiry, or before it with daysLeft and vol.
 * @customfunction CONDOR_PAYOFF
 * @helpurl https://localhost:3000/functions.html#condor_payoff
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} credit Credit received per unit of the underlying (0 or more).
 * @param {any[][]} prices Prices of the underlying: a row or a column (blank trailing cells stay blank).
 * @param {any} [daysLeft] Calendar days left to expiry (omitted or 0 = at expiry).
 * @param {any[][]} [vol] Annual implied vol, one cell or four; required when daysLeft is more than 0.
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {any[][]} The P/L at each price, in the shape of prices.
 */
export function CONDOR_PAYOFF(
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  credit: any,
  prices: any[][],
  daysLeft?: any,
  vol?: any[][],
  rate?: any,
  yield_?: any,
): any[][] {
  return excelCall("CONDOR_PAYOFF", () => {
    const strikes = strikesOf(putLong, putShort, callShort, callLong);
    const c = num("credit", credit);
    const { points, cells, orientation } = readPrices(prices);
    const d = maybeNum("daysLeft", daysLeft);
    const atExpiry = d === undefined || d === 0;
    // Every argument typed is checked, used or not: at expiry vol, rate and yield play no part,
    // yet a bad one is still the mistake it would be a day before expiry.
    const v = isOmitted(unwrap(vol)) ? undefined : legVols(volsOf(vol));
    const r = rateRule("rate", optNum("rate", rate, 0));
    const q = rateRule("yield", optNum("yield", yield_, 0));
    const pl: (number | string)[] = condorPayoff(strikes, c, points, d, atExpiry ? undefined : v, r, q);
    for (let i = points.length; i < cells; i++) pl.push("");
    return shaped(pl, orientation);
  });
}

/**
 * CONDOR_PAYOFF's prices: a row or a column read in one pass; trailing blank cells are the unused
 * tail of the selection (blank in the result); a blank before the last price, text or a price
 * <= 0 is an InputError naming its row (column, for a row range).
 */
function readPrices(prices: unknown): { points: number[]; cells: number; orientation: "row" | "column" } {
  const { values, orientation } = series("prices", prices);
  const n = usedLength(values);
  if (n === 0) throw new InputError("prices", "is required", null);
  const points = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const cell = values[i];
    if (typeof cell === "number" && cell > 0 && cell < Infinity) points[i] = cell;
    else {
      const name = `prices ${orientation === "column" ? "row" : "column"} ${i + 1}`;
      points[i] = positive(name, num(name, cell));
    }
  }
  return { points, cells: values.length, orientation };
}
