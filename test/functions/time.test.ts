/**
 * DAYS_TO_EXPIRY as Excel runs it. Streaming (no asOf): the source module with jest's fake
 * timers and a fake clock (Date.now), checking the refresh cadence (at least once a minute,
 * every few seconds in the last hour), the final 0 at settlement, and cancellation. Plain calls
 * (asOf given, or no invocation object at all) through the BUILT bundle.
 */
import { DAYS_TO_EXPIRY } from "../../src/functions/time";
import { loadBundle, expectExcelError } from "../helpers/bundle";

const MS_PER_DAY = 86_400_000;
const serial = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d) / MS_PER_DAY + 25569 + h / 24;
const EXPIRY = serial(2026, 3, 20); // Friday 2026-03-20; 16:00 EDT = 20:00 UTC
const SETTLE_MS = Date.UTC(2026, 2, 20, 20);

interface Recorded {
  at: number;
  value: unknown;
}

/** A stand-in for Excel's StreamingInvocation that records each result with the fake clock's time. */
function invocation() {
  const results: Recorded[] = [];
  const inv: CustomFunctions.StreamingInvocation<number> = {
    setResult: (value: unknown) => {
      results.push({ at: Date.now(), value });
    },
  } as CustomFunctions.StreamingInvocation<number>;
  return { inv, results };
}

describe("DAYS_TO_EXPIRY streaming (no asOf)", () => {
  afterEach(() => jest.useRealTimers());

  test("from 3 hours before settlement: updates at least every minute, every 5 s in the last hour, 0 at 16:00 New York, then stops", () => {
    jest.useFakeTimers({ now: SETTLE_MS - 3 * 3_600_000 });
    const { inv, results } = invocation();
    DAYS_TO_EXPIRY(EXPIRY, null, null, inv);
    expect(results[0].value).toBe(3 / 24); // whole milliseconds: 10,800,000 / 86,400,000 exactly
    jest.advanceTimersByTime(3 * 3_600_000 + 10 * 60_000);
    for (let i = 1; i < results.length; i++) {
      const gap = results[i].at - results[i - 1].at;
      expect(gap).toBeLessThanOrEqual(results[i].at > SETTLE_MS - 3_600_000 ? 5_000 : 60_000);
      expect(results[i].value).toBe(Math.max(0, (SETTLE_MS - results[i].at) / MS_PER_DAY)); // the clock's value at that moment
    }
    const last = results[results.length - 1];
    expect(last).toEqual({ at: SETTLE_MS, value: 0 });
    expect(jest.getTimerCount()).toBe(0); // settled: no timer left
  });

  test("the value counts the real hours across a switch: Saturday 16:00 EST to Monday 16:00 EDT is 47 hours", () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 2, 7, 21) }); // 2026-03-07 16:00 EST
    const { inv, results } = invocation();
    DAYS_TO_EXPIRY(serial(2026, 3, 9), "PM", null, inv);
    expect(results[0].value).toBe(47 / 24);
    inv.onCanceled?.();
  });

  test("Excel's cancel clears the pending timer: no result after it", () => {
    jest.useFakeTimers({ now: SETTLE_MS - 2 * MS_PER_DAY });
    const { inv, results } = invocation();
    DAYS_TO_EXPIRY(EXPIRY, "PM", null, inv);
    jest.advanceTimersByTime(60_000);
    const seen = results.length;
    expect(seen).toBeGreaterThanOrEqual(3); // the first result and two 30-second refreshes
    expect(typeof inv.onCanceled).toBe("function");
    inv.onCanceled!();
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(10 * 60_000);
    expect(results.length).toBe(seen);
  });

  test("the machine's time zone does not matter: the clock is read in UTC", () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 2, 19, 20, 0) }); // Thursday 16:00 EDT
    const before = process.env.TZ;
    const values = ["Asia/Tokyo", "America/Los_Angeles", "UTC"].map((tz) => {
      process.env.TZ = tz;
      return DAYS_TO_EXPIRY(EXPIRY, "AM", null, undefined as unknown as CustomFunctions.StreamingInvocation<number>);
    });
    process.env.TZ = before;
    expect(values).toEqual([17.5 / 24, 17.5 / 24, 17.5 / 24]);
  });

  test("with asOf: one result and no timer; bad input: one error result and no timer", () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const a = invocation();
    DAYS_TO_EXPIRY(EXPIRY, "PM", serial(2026, 3, 20, 12), a.inv);
    expect(a.results.map((r) => r.value)).toEqual([4 / 24]);
    const b = invocation();
    DAYS_TO_EXPIRY(EXPIRY, "noon", null, b.inv);
    expect(b.results).toHaveLength(1);
    expect((b.results[0].value as { code: string; message: string }).code).toBe("#VALUE!");
    expect((b.results[0].value as { message: string }).message).toMatch(/^SHIELD\.DAYS_TO_EXPIRY: settlement must be PM/);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("DAYS_TO_EXPIRY in the built bundle", () => {
  const bundle = loadBundle();

  test("declared as a cancelable streaming function with expiry, [settlement], [asOf] (the invocation hidden)", () => {
    const f = bundle.metadata.functions.find((x) => x.id === "DAYS_TO_EXPIRY") as unknown as {
      options: Record<string, boolean>;
      parameters: Array<{ name: string; optional?: boolean }>;
    };
    expect(f.options).toEqual({ stream: true, cancelable: true });
    expect(f.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual([
      ["expiry", false],
      ["settlement", true],
      ["asOf", true],
    ]);
  });

  test("with asOf it returns the days when called without an invocation object", () => {
    expect(bundle.call("DAYS_TO_EXPIRY", EXPIRY, null, serial(2026, 3, 13, 16))).toBe(7);
    expect(bundle.call("DAYS_TO_EXPIRY", EXPIRY, "am", serial(2026, 3, 19, 16))).toBe(17.5 / 24);
  });

  test("with an invocation object (and no timers in the sandbox) it sets one result", () => {
    const results: unknown[] = [];
    bundle.call("DAYS_TO_EXPIRY", EXPIRY, null, serial(2026, 3, 6, 16), { setResult: (v: unknown) => results.push(v) });
    expect(results).toEqual([14 - 1 / 24]); // two weeks over the 2026-03-08 switch: one 23-hour day
  });

  test("errors: an expiry that is not a date, a weekend, an unknown settlement, a text asOf", () => {
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", "2026-03-20", null, null), "#VALUE!", "DAYS_TO_EXPIRY", "expiry must be a number");
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", 30, null, null), "#VALUE!", "DAYS_TO_EXPIRY", "expiry must be an Excel date", "got 30");
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", EXPIRY + 0.5, null, null), "#VALUE!", "DAYS_TO_EXPIRY", "without a time of day");
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", EXPIRY + 1, null, null), "#VALUE!", "DAYS_TO_EXPIRY", "not a Saturday");
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", EXPIRY, "EOD", null), "#VALUE!", "DAYS_TO_EXPIRY", "settlement must be PM", '"EOD"');
    expectExcelError(bundle.call("DAYS_TO_EXPIRY", EXPIRY, null, "2026-03-19 16:00 EST"), "#VALUE!", "DAYS_TO_EXPIRY", "asOf must be a number");
  });

  test("an empty settlement cell (0) means PM", () => {
    expect(bundle.call("DAYS_TO_EXPIRY", EXPIRY, 0, serial(2026, 3, 20, 12))).toBe(4 / 24);
  });
});
