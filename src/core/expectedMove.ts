import { DAYS_PER_YEAR } from "./units";
import { positive, vol as volRule, days as daysRule } from "./validate";

/**
 * The one-standard-deviation expected move of the underlying over `days` calendar days:
 * `spot * vol * sqrt(days / 365) * stdevs`.
 *
 * Units: points of the underlying. `vol` is an annual decimal (0.2 = 20%).
 * Throws InputError for spot <= 0, vol outside (0, 5], days outside [0, 36500] or stdevs <= 0.
 *
 * @example expectedMove(5000, 0.16, 30) // => 229.35... (5000 * 0.16 * sqrt(30/365))
 */
export function expectedMove(spot: number, vol: number, days: number, stdevs = 1): number {
  positive("spot", spot);
  volRule("vol", vol);
  daysRule("days", days);
  positive("stdevs", stdevs);
  return spot * vol * Math.sqrt(days / DAYS_PER_YEAR) * stdevs;
}
