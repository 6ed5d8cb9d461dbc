/**
 * Excel serial dates and the proleptic Gregorian calendar, computed directly (no Date, no
 * Intl: Excel's JavaScript-only runtime may lack time-zone data, and a serial date has no zone).
 *
 * An Excel serial date counts days from day 0 = 1899-12-30; the fraction is the time of day
 * (0.5 = noon). That matches Excel's own numbering from 1900-03-01 (serial 61) on: Excel's
 * serials 1 to 59 sit one day off because of its fictitious 1900-02-29 (serial 60), so SHIELD
 * accepts dates from serial 61 on (see FIRST_SERIAL).
 */

/** Serial of 1900-03-01, the first date on which Excel's numbering and the calendar agree. */
export const FIRST_SERIAL = 61;
/** Serial of 9999-12-31, Excel's last date. */
export const LAST_SERIAL = 2958465;
/** Serial of 1970-01-01 (the Unix epoch). */
export const UNIX_EPOCH_SERIAL = 25569;
/** Milliseconds in a day of 24 hours. */
export const MS_PER_DAY = 86_400_000;

/** A calendar date: year, month 1-12, day 1-31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The serial day number of a calendar date (days from 1899-12-30).
 * Algorithm: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.
 *
 * @example serialOf({ year: 2026, month: 3, day: 8 }) // => 46089
 */
export function serialOf(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_EPOCH_SERIAL;
}

/**
 * The calendar date of a whole serial day number (Hinnant's civil_from_days).
 *
 * @example civilOf(46089) // => { year: 2026, month: 3, day: 8 }
 */
export function civilOf(serialDay: number): CivilDate {
  const z = serialDay - UNIX_EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Day of the week of a whole serial day number: 0 = Sunday ... 6 = Saturday
 * (1899-12-30 was a Saturday).
 *
 * @example weekday(46089) // => 0 (2026-03-08 is a Sunday)
 */
export function weekday(serialDay: number): number {
  return (((serialDay + 6) % 7) + 7) % 7;
}

/**
 * The serial day of the n-th Sunday (n >= 1) of a month.
 *
 * @example nthSunday(2026, 3, 2) // => 46089 (2026-03-08)
 */
export function nthSunday(year: number, month: number, n: number): number {
  const first = serialOf({ year, month, day: 1 });
  return first + ((7 - weekday(first)) % 7) + 7 * (n - 1);
}
