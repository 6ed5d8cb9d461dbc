/** Time to expiry in New York time (SPEC.md "Time to expiry"). Re-exports only. */
export { civilOf, FIRST_SERIAL, LAST_SERIAL, MS_PER_DAY, nthSunday, serialOf, UNIX_EPOCH_SERIAL, weekday, type CivilDate } from "./calendar";
export { dstSundays, nyFromUtc, nyOffsetOfLocal, nyOffsetOfUtc, utcFromNy, type UtcOffsetHours } from "./newYork";
export { daysToExpiry, daysToExpiryAt, expiryDay, nextRefreshMs, parseSettlement, REFRESH_MS, SETTLEMENT_HOURS, type Settlement } from "./expiry";
