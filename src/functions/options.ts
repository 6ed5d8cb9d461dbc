/**
 * Custom functions of SPEC.md's "Options (one leg)" section. Each is a thin adapter: parse
 * Excel's arguments (excel.ts), call the core, let excelCall map failures to Excel errors.
 * Parameters are typed `any` on purpose: Excel then hands over exactly what the cell holds,
 * and SHIELD (not Excel) words the error for text or an empty cell.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { expectedMove } from "../core/expectedMove";
import { excelCall, num, optNum } from "./excel";

/**
 * The expected move of the underlying: spot x vol x sqrt(days/365) x stdevs, in points.
 * @customfunction EXPECTED_MOVE
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
