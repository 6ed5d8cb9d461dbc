/**
 * DAYS_TO_EXPIRY's core: elapsed days of 24 hours between a New York wall-clock asOf and the
 * settlement moment (16:00 PM / 09:30 AM New York), checked by hand across the 2025-2027 switch
 * weeks (a week over a switch has a 23- or 25-hour day) and, for random instants, against the
 * same difference computed from Node's ICU time-zone data (an independent implementation).
 */
import fc from "fast-check";
import { daysToExpiry, daysToExpiryAt, expiryDay, nextRefreshMs, parseSettlement, REFRESH_MS } from "../../../src/core/time";
import { inputError } from "../../helpers/errors";

const MS_PER_DAY = 86_400_000;
/** Excel serial of a calendar date (+ hours). */
const serial = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d) / MS_PER_DAY + 25569 + h / 24;
const EPS_DAYS = 1e-10; // serials carry ~7e-12 days (0.6 microseconds) of rounding at this size

const fmt = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
/** New York wall clock of an instant, as an Excel serial, per ICU. */
function icuWallSerial(ms: number): number {
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) + (ms % 1000)) / MS_PER_DAY + 25569;
}
/** The UTC instant of a New York wall time that exists once, per ICU (tries both offsets). */
function icuInstant(wallSerial: number): number {
  const local = (wallSerial - 25569) * MS_PER_DAY;
  for (const h of [4, 5]) {
    const ms = Math.round(local + h * 3_600_000);
    if (Math.abs(icuWallSerial(ms) - wallSerial) * MS_PER_DAY < 1) return ms;
  }
  throw new Error("no such wall time");
}

describe("daysToExpiry", () => {
  test.each([
    // [label, asOf (New York wall clock), expiry, expected days]: Friday 16:00 to the next Friday's 16:00 settlement.
    ["2025 spring (Mar 9): 7 days less 1 hour", serial(2025, 3, 7, 16), serial(2025, 3, 14), 7 - 1 / 24],
    ["2025 fall (Nov 2): 7 days plus 1 hour", serial(2025, 10, 31, 16), serial(2025, 11, 7), 7 + 1 / 24],
    ["2026 spring (Mar 8)", serial(2026, 3, 6, 16), serial(2026, 3, 13), 7 - 1 / 24],
    ["2026 fall (Nov 1)", serial(2026, 10, 30, 16), serial(2026, 11, 6), 7 + 1 / 24],
    ["2027 spring (Mar 14)", serial(2027, 3, 12, 16), serial(2027, 3, 19), 7 - 1 / 24],
    ["2027 fall (Nov 7)", serial(2027, 11, 5, 16), serial(2027, 11, 12), 7 + 1 / 24],
    ["a week with no switch: exactly 7", serial(2026, 3, 13, 16), serial(2026, 3, 20), 7],
    ["Saturday 16:00 to Monday 16:00 over the spring Sunday: 47 hours", serial(2026, 3, 7, 16), serial(2026, 3, 9), 47 / 24],
    ["Saturday 16:00 to Monday 16:00 over the fall Sunday: 49 hours", serial(2026, 10, 31, 16), serial(2026, 11, 2), 49 / 24],
    ["0DTE at noon: 4 hours", serial(2026, 3, 20, 12), serial(2026, 3, 20), 4 / 24],
  ])("PM: %s", (_label, asOf, expiry, expected) => {
    expect(Math.abs(daysToExpiry(expiry, "PM", asOf) - expected)).toBeLessThan(EPS_DAYS);
  });

  test("AM settles at 09:30: Thursday 16:00 to Friday 09:30 is 17.5 hours", () => {
    expect(Math.abs(daysToExpiry(serial(2026, 3, 20), "AM", serial(2026, 3, 19, 16)) - 17.5 / 24)).toBeLessThan(EPS_DAYS);
  });

  test("0 at the settlement moment and after it, never negative", () => {
    expect(daysToExpiry(serial(2026, 3, 20), "PM", serial(2026, 3, 20, 16))).toBe(0);
    expect(daysToExpiry(serial(2026, 3, 20), "PM", serial(2026, 3, 20, 16 + 1 / 3600))).toBe(0);
    expect(daysToExpiry(serial(2026, 3, 20), "AM", serial(2026, 3, 20, 12))).toBe(0);
    expect(daysToExpiry(serial(2026, 3, 20), "PM", serial(2026, 4, 1))).toBe(0);
  });

  test("property: equals the ICU-based elapsed time for random instants in 2025-2027 (repeated-hour instants excluded)", () => {
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 20) });
    const ahead = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(instant, ahead, fc.constantFrom<"AM" | "PM">("AM", "PM"), (ms, add, settle) => {
        const wall = icuWallSerial(ms);
        let day = Math.floor(wall) + add;
        while ([0, 6].includes(new Date((day - 25569) * MS_PER_DAY).getUTCDay())) day++;
        const settleMs = icuInstant(day + (settle === "PM" ? 16 : 9.5) / 24);
        const expected = Math.max(0, (settleMs - ms) / MS_PER_DAY);
        // From the clock (UTC instant): exact everywhere, the repeated hour included.
        expect(Math.abs(daysToExpiryAt(day, settle, ms) - expected)).toBeLessThan(1e-12 * Math.max(1, expected) + 1e-15);
        // From the wall clock: exact wherever the wall time names one instant.
        const offsetNow = Math.round((ms - (wall - 25569) * MS_PER_DAY) / 3_600_000);
        const offsetHourEarlier = Math.round((ms - 3_600_000 - (icuWallSerial(ms - 3_600_000) - 25569) * MS_PER_DAY) / 3_600_000);
        const repeated = offsetNow === 5 && offsetHourEarlier === 4;
        if (!repeated) expect(Math.abs(daysToExpiry(day, settle, wall) - expected)).toBeLessThan(EPS_DAYS);
      }),
      { numRuns: 500 },
    );
  });

  test("the clock version is right in November's repeated hour, where a wall time alone is ambiguous", () => {
    // 2026-11-01 06:30 UTC is 01:30 EST, the second 01:30 of the night; the first (01:30 EDT) was 05:30 UTC.
    const second = Date.UTC(2026, 10, 1, 6, 30);
    const exp = serial(2026, 11, 2); // Monday 16:00 EST = 21:00 UTC
    expect(Math.abs(daysToExpiryAt(exp, "PM", second) - (Date.UTC(2026, 10, 2, 21) - second) / MS_PER_DAY)).toBeLessThan(1e-12);
  });

  test("expiry must be a whole-day Excel date on a weekday; asOf an Excel date-time", () => {
    expect(inputError(() => expiryDay(46101.5)).message).toContain("without a time of day");
    expect(inputError(() => expiryDay(30)).message).toContain("from 61, 1900-03-01");
    expect(inputError(() => expiryDay(3e6)).argument).toBe("expiry");
    expect(inputError(() => expiryDay(serial(2026, 3, 21))).message).toContain("not a Saturday");
    expect(inputError(() => expiryDay(serial(2026, 3, 22))).message).toContain("not a Sunday");
    expect(inputError(() => daysToExpiry(serial(2026, 3, 20), "PM", -1)).argument).toBe("asOf");
    expect(inputError(() => daysToExpiry(serial(2026, 3, 20), "PM", Number.NaN)).argument).toBe("asOf");
  });

  test("settlement is PM or AM in any case; anything else is an InputError", () => {
    expect(parseSettlement(" pm ")).toBe("PM");
    expect(parseSettlement("Am")).toBe("AM");
    for (const s of ["", "noon", "P", "16:00"]) expect(inputError(() => parseSettlement(s)).argument).toBe("settlement");
  });
});

describe("nextRefreshMs", () => {
  test("30 s before the last hour, 5 s in it, never past settlement, none once settled", () => {
    expect(nextRefreshMs(2)).toBe(REFRESH_MS.normal);
    expect(REFRESH_MS.normal).toBeLessThanOrEqual(60_000);
    expect(nextRefreshMs(1 / 24)).toBe(REFRESH_MS.lastHour);
    expect(nextRefreshMs(2 / MS_PER_DAY)).toBe(2);
    expect(nextRefreshMs(0)).toBeUndefined();
  });
});
