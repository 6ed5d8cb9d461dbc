/**
 * New York time computed from the DST rule, against Node's ICU time-zone database
 * (Intl.DateTimeFormat with America/New_York: an independent implementation, available in the
 * test runner though perhaps not in Excel's runtime), every 15 minutes of 2025-2027 and at the
 * switch instants; and the wall-clock -> UTC conversion, skipped and repeated hours included.
 */
import { nyFromUtc, nyOffsetOfUtc, utcFromNy } from "../../../src/core/time";

const MS_PER_DAY = 86_400_000;
const serialOfMs = (ms: number) => ms / MS_PER_DAY + 25569;
const fmt = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** UTC offset of New York at an instant, hours to add to local time, per ICU. */
function icuOffset(ms: number): number {
  const parts = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return (ms - local) / 3_600_000;
}

describe("New York time", () => {
  test("the offset agrees with ICU every 15 minutes from 2025-01-01 to 2027-12-31", () => {
    const step = 15 * 60_000;
    let disagreements = 0;
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += step) {
      const day = Math.floor(ms / MS_PER_DAY) + 25569;
      const hours = (ms % MS_PER_DAY) / 3_600_000;
      if (nyOffsetOfUtc(day, hours) !== icuOffset(ms)) disagreements++;
    }
    expect(disagreements).toBe(0);
  });

  test.each([
    // [instant, offset just before, offset at]: 2 am local = 07:00 UTC in March, 06:00 UTC in November.
    [Date.UTC(2025, 2, 9, 7), 5, 4],
    [Date.UTC(2025, 10, 2, 6), 4, 5],
    [Date.UTC(2026, 2, 8, 7), 5, 4],
    [Date.UTC(2026, 10, 1, 6), 4, 5],
    [Date.UTC(2027, 2, 14, 7), 5, 4],
    [Date.UTC(2027, 10, 7, 6), 4, 5],
  ])("switch at %p: offset %p hours one minute before, %p at the instant (as ICU)", (ms, before, at) => {
    const off = (t: number) => nyOffsetOfUtc(Math.floor(t / MS_PER_DAY) + 25569, (t % MS_PER_DAY) / 3_600_000);
    expect([off(ms - 60_000), off(ms)]).toEqual([before, at]);
    expect([icuOffset(ms - 60_000), icuOffset(ms)]).toEqual([before, at]);
  });

  test("utcFromNy inverts nyFromUtc on every hour of 2026 except the repeated hour's second pass", () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      const u = serialOfMs(ms);
      const local = nyFromUtc(u);
      // 2026-11-01 06:00-07:00 UTC is 01:00-02:00 EST, a wall time that also occurred an hour earlier (EDT, 05:00-06:00 UTC).
      const repeated = ms >= Date.UTC(2026, 10, 1, 6) && ms < Date.UTC(2026, 10, 1, 7);
      if (!repeated) expect(Math.abs(utcFromNy(local) - u) * MS_PER_DAY).toBeLessThan(1);
    }
  });

  test("a skipped wall time (02:30 on 2026-03-08) is read as EST, i.e. 03:30 EDT; a repeated one (01:30 on 2026-11-01) as its first pass, EDT", () => {
    const day = 46089; // 2026-03-08
    expect((utcFromNy(day + 2.5 / 24) - day) * 24).toBeCloseTo(7.5, 9); // 07:30 UTC = 03:30 EDT
    const nov = 46327; // 2026-11-01
    expect((utcFromNy(nov + 1.5 / 24) - nov) * 24).toBeCloseTo(5.5, 9); // 05:30 UTC = 01:30 EDT
  });
});
