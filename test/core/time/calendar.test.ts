/**
 * Serial dates against JavaScript's own proleptic Gregorian calendar (Date.UTC, an independent
 * implementation), over every day from 1900-03-01 to 2200 and Excel's last date.
 */
import { civilOf, nthSunday, serialOf, weekday } from "../../../src/core/time";

const serialByDate = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

describe("Excel serial calendar", () => {
  test("known serials: Excel's 45000 is 2023-03-15, 61 is 1900-03-01, 2958465 is 9999-12-31", () => {
    expect(civilOf(45000)).toEqual({ year: 2023, month: 3, day: 15 });
    expect(civilOf(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(serialOf({ year: 9999, month: 12, day: 31 })).toBe(2958465);
  });

  test("serialOf, civilOf and weekday agree with Date.UTC on every day from 1900-03-01 to 2200-12-31", () => {
    const last = serialByDate(2200, 12, 31);
    for (let s = 61; s <= last; s++) {
      const d = new Date((s - 25569) * 86_400_000);
      const civil = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const c = civilOf(s);
      if (c.year !== civil.year || c.month !== civil.month || c.day !== civil.day) expect(c).toEqual(civil);
      if (serialOf(civil) !== s) expect(serialOf(civil)).toBe(s);
      if (weekday(s) !== d.getUTCDay()) expect(weekday(s)).toBe(d.getUTCDay());
    }
  });

  test("nthSunday: the 2025-2027 US switch Sundays", () => {
    // Published US DST dates: 2025-03-09/11-02, 2026-03-08/11-01, 2027-03-14/11-07.
    expect([2025, 2026, 2027].map((y) => [nthSunday(y, 3, 2), nthSunday(y, 11, 1)])).toEqual([
      [serialByDate(2025, 3, 9), serialByDate(2025, 11, 2)],
      [serialByDate(2026, 3, 8), serialByDate(2026, 11, 1)],
      [serialByDate(2027, 3, 14), serialByDate(2027, 11, 7)],
    ]);
  });
});
