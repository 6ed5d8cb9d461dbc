/**
 * The custom function of SPEC.md's "Time to expiry" section: DAYS_TO_EXPIRY.
 *
 * With `asOf`, a plain calculation (set once). Without it, a streaming function: it reads the
 * machine clock (Date.now(): milliseconds since 1970 in UTC, whatever the user's time zone),
 * computes the time left to the settlement moment in New York time (core/time), and sets a new
 * result every 30 seconds, every 5 seconds in the last hour, and a final 0 at settlement, after
 * which it stops. Excel cancels the function (cell edited, deleted, workbook closed) through
 * `invocation.onCanceled`, which clears the pending timer.
 *
 * Called without an invocation object (as outside Excel's streaming machinery), it returns the
 * value at the current clock instead, so that the function is usable, and testable, as a plain one.
 */
import { daysToExpiry, daysToExpiryAt, nextRefreshMs, parseSettlement, type Settlement } from "../core/time";
import { excelCall, maybeNum, num, optName, toExcelError } from "./excel";

const FN = "DAYS_TO_EXPIRY";

/** The clock and timers the streaming function uses, read at call time (tests fake them). */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The machine's clock, or undefined where the runtime has no timers (then: one result, no updates). */
function machineClock(): Clock | undefined {
  const g = globalThis as { setTimeout?: (cb: () => void, ms: number) => unknown; clearTimeout?: (h: unknown) => void };
  if (typeof g.setTimeout !== "function" || typeof g.clearTimeout !== "function") return undefined;
  const set = g.setTimeout;
  const clear = g.clearTimeout;
  return { now: () => Date.now(), setTimeout: (cb, ms) => set(cb, ms), clearTimeout: (h) => clear(h) };
}

interface Parsed {
  expiry: number;
  settlement: Settlement;
  asOf: number | undefined;
}

function parse(expiry: unknown, settlement: unknown, asOf: unknown): Parsed {
  return {
    expiry: num("expiry", expiry),
    // An empty cell may arrive as 0: for a name that means the default, PM.
    settlement: parseSettlement(optName("settlement", settlement, "PM")),
    asOf: maybeNum("asOf", asOf),
  };
}

/** The value now: from asOf when given, else from the clock. */
function valueOf(p: Parsed, nowMs: number): number {
  return p.asOf !== undefined ? daysToExpiry(p.expiry, p.settlement, p.asOf) : daysToExpiryAt(p.expiry, p.settlement, nowMs);
}

function isInvocation(value: unknown): value is CustomFunctions.StreamingInvocation<number> {
  return typeof value === "object" && value !== null && typeof (value as { setResult?: unknown }).setResult === "function";
}

/**
 * Runs DAYS_TO_EXPIRY as a streaming function on `invocation` with `clock`: one result now and,
 * without asOf, a new one at every refresh until settlement (core/time nextRefreshMs).
 */
export function streamDaysToExpiry(
  expiry: unknown,
  settlement: unknown,
  asOf: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>,
  clock: Clock | undefined,
): void {
  let parsed: Parsed;
  let first: number;
  try {
    parsed = parse(expiry, settlement, asOf);
    first = valueOf(parsed, clock ? clock.now() : Date.now());
  } catch (error) {
    invocation.setResult(toExcelError(FN, error));
    return;
  }
  invocation.setResult(first);
  if (parsed.asOf !== undefined || clock === undefined) return;
  const p = parsed;
  const timerClock = clock;
  let handle: unknown;
  let cancelled = false;
  const schedule = (days: number) => {
    const delay = nextRefreshMs(days);
    if (delay !== undefined && !cancelled) handle = timerClock.setTimeout(tick, delay);
  };
  const tick = () => {
    handle = undefined;
    if (cancelled) return;
    const days = daysToExpiryAt(p.expiry, p.settlement, timerClock.now());
    invocation.setResult(days);
    schedule(days);
  };
  invocation.onCanceled = () => {
    cancelled = true;
    if (handle !== undefined) timerClock.clearTimeout(handle);
    handle = undefined;
  };
  schedule(first);
}

/**
 * Calendar days (fractional) to the settlement moment of an SPX expiration, in New York time; streams when asOf is omitted.
 * @customfunction DAYS_TO_EXPIRY
 * @streaming
 * @cancelable
 * @helpurl https://localhost:3000/functions.html#days_to_expiry
 * @param {any} expiry The expiration day, an Excel date (e.g. DATE(2026,3,20)), Monday to Friday.
 * @param {any} [settlement] PM (default: 16:00 New York, SPXW and 0DTE) or AM (09:30 New York, monthly SPX).
 * @param {any} [asOf] An Excel date-time in New York time to count from; omitted: now, updating live.
 * @param {CustomFunctions.StreamingInvocation<number>} invocation Excel's streaming handle (hidden in Excel).
 */
export function DAYS_TO_EXPIRY(expiry: any, settlement: any, asOf: any, invocation: CustomFunctions.StreamingInvocation<number>) {
  if (isInvocation(invocation)) {
    streamDaysToExpiry(expiry, settlement, asOf, invocation, machineClock());
    return undefined;
  }
  // No streaming handle: answer once, as a plain function would.
  return excelCall(FN, () => valueOf(parse(expiry, settlement, asOf), Date.now()));
}
