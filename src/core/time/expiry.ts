/**
 * Calendar days to an SPX settlement moment (SPEC.md "Time to expiry", DAYS_TO_EXPIRY).
 */
import { InputError } from "../errors";
import { FIRST_SERIAL, LAST_SERIAL, MS_PER_DAY, UNIX_EPOCH_SERIAL, weekday } from "./calendar";
import { nyOffsetOfLocal } from "./newYork";

/** PM: 16:00 New York (SPXW, 0DTE); AM: 09:30 New York (the monthly SPX's opening settlement). */
export type Settlement = "PM" | "AM";

/** New York wall-clock hour of each settlement. */
export const SETTLEMENT_HOURS: Readonly<Record<Settlement, number>> = { PM: 16, AM: 9.5 };

/**
 * A settlement name, any case, spaces ignored: PM or AM. Throws InputError otherwise.
 *
 * @example parseSettlement("am") // => "AM"
 */
export function parseSettlement(value: string): Settlement {
  const s = value.trim().toUpperCase();
  if (s === "PM" || s === "AM") return s;
  throw new InputError("settlement", "must be PM (16:00 New York, the default) or AM (09:30 New York)", value);
}

/**
 * Checks an expiration date: a whole Excel serial date from 1900-03-01 (61) to 9999-12-31 that
 * is a weekday (SPX options settle on trading days). Throws InputError otherwise.
 *
 * @example expiryDay(46101) // => 46101 (2026-03-20, a Friday)
 */
export function expiryDay(expiry: number): number {
  if (!(Number.isInteger(expiry) && expiry >= FIRST_SERIAL && expiry <= LAST_SERIAL)) {
    throw new InputError(
      "expiry",
      `must be an Excel date without a time of day (a whole serial number from ${FIRST_SERIAL}, 1900-03-01, to ${LAST_SERIAL}, 9999-12-31; the time comes from settlement)`,
      expiry,
    );
  }
  const wd = weekday(expiry);
  if (wd === 0 || wd === 6) {
    throw new InputError(
      "expiry",
      `must be a trading day, not a ${wd === 0 ? "Sunday" : "Saturday"} (SPX options settle Monday to Friday; for a pre-2015 Saturday expiration date, enter the Friday)`,
      expiry,
    );
  }
  return expiry;
}

/**
 * Calendar days, fractional, from the New York wall-clock date-time `asOf` (an Excel serial)
 * to the settlement moment of expiration day `expiry`: the elapsed time in days of 24 hours,
 * so a stretch over a daylight-saving switch counts its 23- or 25-hour day as it is. 0 at and
 * after the settlement moment.
 *
 * asOf is read to the nearest millisecond. Units: days. Throws InputError for a bad expiry (see expiryDay) or an asOf that is not an
 * Excel date-time from 1900-03-01 to 9999-12-31.
 *
 * @example daysToExpiry(46101, "PM", 46094 + 16 / 24) // => 7 (Friday 16:00 to Friday 16:00, no switch)
 */
export function daysToExpiry(expiry: number, settlement: Settlement, asOf: number): number {
  const day = expiryDay(expiry);
  if (!(Number.isFinite(asOf) && asOf >= FIRST_SERIAL && asOf < LAST_SERIAL + 1)) {
    throw new InputError("asOf", `must be an Excel date-time in New York time (a serial number from ${FIRST_SERIAL}, 1900-03-01, to ${LAST_SERIAL + 1})`, asOf);
  }
  // asOf is read to the nearest millisecond (a serial near 46000 resolves 0.6 microseconds, so
  // 16:00 typed in a cell is 46101.666666666664, a hair before 16:00): then every count below is
  // a whole number of milliseconds, exact, and the one division rounds once.
  let asOfDay = Math.floor(asOf);
  let asOfMs = Math.round((asOf - asOfDay) * MS_PER_DAY);
  if (asOfMs === MS_PER_DAY) {
    asOfDay += 1;
    asOfMs = 0;
  }
  const settleMs = SETTLEMENT_HOURS[settlement] * 3_600_000;
  const shiftMs = (nyOffsetOfLocal(day, SETTLEMENT_HOURS[settlement]) - nyOffsetOfLocal(asOfDay, asOfMs / 3_600_000)) * 3_600_000;
  const ms = (day - asOfDay) * MS_PER_DAY + settleMs + shiftMs - asOfMs;
  return ms > 0 ? ms / MS_PER_DAY : 0;
}

/**
 * The same from a UTC instant in milliseconds since 1970-01-01 (the machine clock, Date.now(),
 * which is UTC whatever the user's time zone): exact also in the repeated hour of November,
 * where a wall-clock time alone would be ambiguous.
 *
 * @example daysToExpiryAt(46101, "PM", Date.UTC(2026, 2, 13, 20)) // => 7 (Friday 16:00 EDT)
 */
export function daysToExpiryAt(expiry: number, settlement: Settlement, nowMs: number): number {
  const day = expiryDay(expiry);
  if (!Number.isFinite(nowMs)) throw new InputError("clock", "must read a finite time", nowMs);
  const settleHours = SETTLEMENT_HOURS[settlement];
  const settleUtcMs = (day - UNIX_EPOCH_SERIAL) * MS_PER_DAY + (settleHours + nyOffsetOfLocal(day, settleHours)) * 3_600_000;
  const ms = settleUtcMs - nowMs;
  return ms > 0 ? ms / MS_PER_DAY : 0;
}

/** Refresh periods of the streaming DAYS_TO_EXPIRY, in milliseconds. */
export const REFRESH_MS = { normal: 30_000, lastHour: 5_000 } as const;

/**
 * Milliseconds until the next refresh of a countdown that shows `days`: every 30 s (so at
 * least once a minute), every 5 s in the last hour, never past the settlement moment itself;
 * undefined once settled (days = 0: it stays 0).
 *
 * @example nextRefreshMs(0.5) // => 30000
 */
export function nextRefreshMs(days: number): number | undefined {
  if (!(days > 0)) return undefined;
  const left = Math.ceil(days * MS_PER_DAY);
  return Math.max(1, Math.min(days <= 1 / 24 ? REFRESH_MS.lastHour : REFRESH_MS.normal, left));
}
