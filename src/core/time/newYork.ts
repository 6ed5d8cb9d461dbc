/**
 * New York time (America/New_York) from its daylight-saving rule, computed directly.
 *
 * Rule (SPEC.md "Time to expiry"; the US rule since 2007, Energy Policy Act of 2005):
 * standard time EST = UTC-5; daylight time EDT = UTC-4 from the second Sunday of March at
 * 02:00 local (clocks go to 03:00) to the first Sunday of November at 02:00 local (clocks go
 * back to 01:00). In UTC: from 07:00 UTC on the March Sunday to 06:00 UTC on the November one.
 * The same rule is applied to every year (before 2007 the US switched on other Sundays, which
 * SHIELD does not model).
 *
 * Times are Excel serials: days from 1899-12-30, the fraction the time of day. A "local"
 * serial is New York wall-clock time, a "UTC" serial the same count in UTC.
 */
import { civilOf, nthSunday } from "./calendar";

/** Hours to add to New York wall time to get UTC: 5 in EST, 4 in EDT. */
export type UtcOffsetHours = 4 | 5;

/** The serial days of the year's two switch Sundays (local dates). */
export function dstSundays(year: number): { start: number; end: number } {
  return { start: nthSunday(year, 3, 2), end: nthSunday(year, 11, 1) };
}

/**
 * Hours to add to a New York wall-clock time to get UTC (5 in EST, 4 in EDT).
 *
 * Wall times that do not exist or occur twice are resolved as JavaScript's Temporal API does
 * by default ("compatible"): a time in the skipped hour (02:00 to 03:00 on the March Sunday)
 * is read with the offset before the switch (EST), so 02:30 is the instant 03:30 EDT; a time
 * in the repeated hour (01:00 to 02:00 on the November Sunday) is the first of the two (EDT).
 *
 * `day` is the whole serial day, `hours` the time of day in hours (0 <= hours < 24).
 *
 * @example nyOffsetOfLocal(46089, 12) // => 4 (2026-03-08 noon is EDT)
 */
export function nyOffsetOfLocal(day: number, hours: number): UtcOffsetHours {
  const { start, end } = dstSundays(civilOf(day).year);
  const afterStart = day > start || (day === start && hours >= 3);
  const beforeEnd = day < end || (day === end && hours < 2);
  return afterStart && beforeEnd ? 4 : 5;
}

/**
 * Hours to add to New York wall time at a UTC instant (so local = UTC - offset).
 * `day` is the whole UTC serial day, `hours` the UTC time of day in hours.
 *
 * @example nyOffsetOfUtc(46089, 7) // => 4 (07:00 UTC on 2026-03-08 is 03:00 EDT)
 */
export function nyOffsetOfUtc(day: number, hours: number): UtcOffsetHours {
  const { start, end } = dstSundays(civilOf(day).year);
  const afterStart = day > start || (day === start && hours >= 7);
  const beforeEnd = day < end || (day === end && hours < 6);
  return afterStart && beforeEnd ? 4 : 5;
}

/**
 * New York wall-clock serial of a UTC serial.
 *
 * @example nyFromUtc(46089.5) // => 46089.333... (12:00 UTC = 08:00 EDT)
 */
export function nyFromUtc(utcSerial: number): number {
  const day = Math.floor(utcSerial);
  return utcSerial - nyOffsetOfUtc(day, (utcSerial - day) * 24) / 24;
}

/**
 * UTC serial of a New York wall-clock serial (skipped and repeated hours as nyOffsetOfLocal).
 *
 * @example utcFromNy(46089 + 16 / 24) // => 46089 + 20 / 24 (16:00 EDT = 20:00 UTC)
 */
export function utcFromNy(localSerial: number): number {
  const day = Math.floor(localSerial);
  return localSerial + nyOffsetOfLocal(day, (localSerial - day) * 24) / 24;
}
