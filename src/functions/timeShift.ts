/**
 * Custom functions of SPEC.md's "Stress and time-shift" section that look at the condor before
 * expiry: BREAKEVEN_AT and PROB_PROFIT_TARGET. Thin adapters: parse Excel's arguments
 * (excel.ts), call src/core/timeShift/, let excelCall map failures to Excel errors. Parameters
 * are typed `any` on purpose (SHIELD words the error for text or an empty cell); `vol` is a
 * matrix parameter so that 4 cells arrive as one argument (see condor.ts volsOf).
 */
import { breakevenAt } from "../core/timeShift/breakevenAt";
import { probProfitTarget } from "../core/timeShift/profitTarget";
import { volsOf } from "./condor";
import { excelCall, notAvailable, num, optNum } from "./excel";

/**
 * A 1x2 row: the prices where the condor's P/L with daysLeft days to go is zero (time-shifted breakevens).
 * @customfunction BREAKEVEN_AT
 * @helpurl https://localhost:3000/functions.html#breakeven_at
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} credit Credit received per unit of the underlying (0 or more).
 * @param {any} daysLeft Calendar days left to expiry at the date looked at (0 = at expiry: BREAKEVEN).
 * @param {any[][]} vol Annual implied vol as a decimal: one cell, or four (putLong, putShort, callShort, callLong).
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {any[][]} One row: lower and upper breakeven (#N/A on a side where the P/L never crosses zero).
 */
export function BREAKEVEN_AT(
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  credit: any,
  daysLeft: any,
  vol: any[][],
  rate?: any,
  yield_?: any,
): any[][] {
  return excelCall("BREAKEVEN_AT", () => {
    const strikes = {
      putLong: num("putLong", putLong),
      putShort: num("putShort", putShort),
      callShort: num("callShort", callShort),
      callLong: num("callLong", callLong),
    };
    const be = breakevenAt(strikes, num("credit", credit), num("daysLeft", daysLeft), volsOf(vol), optNum("rate", rate, 0), optNum("yield", yield_, 0));
    const none = be.lower === null && be.upper === null ? "the P/L is below zero at every price" : "";
    return [
      [
        be.lower ?? notAvailable("BREAKEVEN_AT", none || "no lower breakeven: the P/L does not go below zero on the put side at this date"),
        be.upper ?? notAvailable("BREAKEVEN_AT", none || "no upper breakeven: the P/L does not go below zero on the call side at this date"),
      ],
    ];
  });
}

/**
 * Probability of reaching the profit target (P50): the condor can be bought back for at most (1 - target) x credit at a daily check or at expiry.
 * @customfunction PROB_PROFIT_TARGET
 * @helpurl https://localhost:3000/functions.html#prob_profit_target
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} putLong Strike of the long (bought) put, the lowest strike.
 * @param {any} putShort Strike of the short (sold) put.
 * @param {any} callShort Strike of the short (sold) call.
 * @param {any} callLong Strike of the long (bought) call, the highest strike.
 * @param {any} days Calendar days to expiry (fractional allowed); checks at each whole day before expiry and at expiry.
 * @param {any[][]} vol Annual implied vol as a decimal: one cell, or four (putLong, putShort, callShort, callLong); the path uses the mean of the two short vols.
 * @param {any} credit Credit received per unit of the underlying (0 or more).
 * @param {any} [target] Share of the credit to keep, greater than 0 and at most 1 (default 0.5: P50).
 * @param {any} [rate] Continuously compounded risk-free rate as a decimal (default 0).
 * @param {any} [yield_] Continuous dividend yield as a decimal (default 0).
 * @returns {number} The probability (0 to 1), accurate to 1e-3 (far better in practice).
 */
export function PROB_PROFIT_TARGET(
  spot: any,
  putLong: any,
  putShort: any,
  callShort: any,
  callLong: any,
  days: any,
  vol: any[][],
  credit: any,
  target?: any,
  rate?: any,
  yield_?: any,
): number {
  return excelCall("PROB_PROFIT_TARGET", () =>
    probProfitTarget(
      num("spot", spot),
      { putLong: num("putLong", putLong), putShort: num("putShort", putShort), callShort: num("callShort", callShort), callLong: num("callLong", callLong) },
      num("days", days),
      volsOf(vol),
      num("credit", credit),
      optNum("target", target, 0.5),
      optNum("rate", rate, 0),
      optNum("yield", yield_, 0),
    ),
  );
}
