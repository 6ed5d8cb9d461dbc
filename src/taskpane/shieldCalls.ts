/**
 * The ONE place where the pane's views call SHIELD functions directly (not through a planned
 * block): the chart's curves, the expected move, and the functions other branches are adding
 * (PROB_PROFIT_TARGET for P50, BREAKEVEN_AT for breakevens at the slider's date, and later
 * STRESS and VIX_HEDGE). They are looked up by id in the functions bundle's registry
 * (`globalThis.SHIELD_PREVIEW.registry`, see src/functions/runtime.ts), so the pane computes
 * with the very functions Excel calls, and a function this build does not have is reported as
 * "not available in this build" instead of breaking the view. No DOM here.
 */
import type { PreviewRuntime } from "../functions/runtime";
import { isCellError, type CellError, type FunctionLookup } from "./preview";

/** The functions the bundle on this page registered (none when it did not load). */
export function bundleFunctions(): FunctionLookup {
  const rt = (globalThis as { SHIELD_PREVIEW?: PreviewRuntime }).SHIELD_PREVIEW;
  return (id) => rt?.registry.get(id);
}

/** A call's outcome: a value, an Excel error the function returned, or no such function here. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CellError; unavailable: boolean };

export const NOT_AVAILABLE = "not available in this build";

function asCellError(v: unknown): CellError | undefined {
  if (isCellError(v)) return v;
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return { error: code, message: (v as { message?: string }).message };
  }
  return undefined;
}

/** Calls `id` with Excel-shaped arguments; an error value or a throw becomes `{ ok: false }`. */
export function callShield(lookup: FunctionLookup, id: string, ...args: unknown[]): CallResult<unknown> {
  const f = lookup(id);
  if (!f) return { ok: false, unavailable: true, error: { error: "#NAME?", message: `SHIELD.${id} is ${NOT_AVAILABLE}` } };
  try {
    const out = f(...args);
    const err = asCellError(out);
    return err ? { ok: false, unavailable: false, error: err } : { ok: true, value: out };
  } catch (thrown) {
    return { ok: false, unavailable: false, error: asCellError(thrown) ?? { error: "#VALUE!", message: String(thrown) } };
  }
}

/** A number from a call, or the reason there is none. */
function numberOf(r: CallResult<unknown>): CallResult<number> {
  if (!r.ok) return r;
  const v = Array.isArray(r.value) ? (r.value as unknown[][])[0]?.[0] : r.value;
  const err = asCellError(v);
  if (err) return { ok: false, unavailable: false, error: err };
  return typeof v === "number" && Number.isFinite(v)
    ? { ok: true, value: v }
    : { ok: false, unavailable: false, error: { error: "#VALUE!", message: `not a number: ${String(v)}` } };
}

/** A 1 x n row from a call, cell by cell (a cell may be an error, e.g. BREAKEVEN's #N/A side). */
function rowOf(r: CallResult<unknown>, n: number): CallResult<Array<number | CellError>> {
  if (!r.ok) return r;
  const row = Array.isArray(r.value) ? ((r.value as unknown[][])[0] ?? []) : [r.value];
  return {
    ok: true,
    value: Array.from({ length: n }, (_, i) => asCellError(row[i]) ?? (typeof row[i] === "number" ? (row[i] as number) : { error: "#VALUE!" })),
  };
}

/** The condor a view works on: strikes in leg order, credit per unit, leg vols, market. */
export interface CondorArgs {
  strikes: readonly [number, number, number, number];
  credit: number;
  vols: readonly [number, number, number, number];
  rate: number;
  yield: number;
}

/** CONDOR_PAYOFF over `prices` (per unit): at expiry when `daysLeft` is 0, else with daysLeft and the vols. */
export function condorPayoff(lookup: FunctionLookup, c: CondorArgs, prices: readonly number[], daysLeft: number, vols = c.vols): CallResult<number[]> {
  const column = prices.map((p) => [p]);
  const r =
    daysLeft > 0
      ? callShield(lookup, "CONDOR_PAYOFF", ...c.strikes, c.credit, column, daysLeft, [vols.slice()], c.rate, c.yield)
      : callShield(lookup, "CONDOR_PAYOFF", ...c.strikes, c.credit, column, null, null, null, null);
  if (!r.ok) return r;
  const out = (r.value as unknown[][]).map((row) => row[0]);
  const bad = out.findIndex((v) => typeof v !== "number");
  if (bad >= 0) return { ok: false, unavailable: false, error: asCellError(out[bad]) ?? { error: "#VALUE!", message: `no P/L at ${prices[bad]}` } };
  return { ok: true, value: out as number[] };
}

/** EXPECTED_MOVE(spot, vol, days): one standard deviation of the price at expiry, in points. */
export function expectedMove(lookup: FunctionLookup, spot: number, vol: number, days: number): CallResult<number> {
  return numberOf(callShield(lookup, "EXPECTED_MOVE", spot, vol, days, null));
}

/**
 * P50: PROB_PROFIT_TARGET(spot, strikes..., days, vol, credit, target, rate, yield) with the
 * four leg vols; SPEC's target 0.5 by default. From branch p50: "not available" until merged.
 */
export function probProfitTarget(lookup: FunctionLookup, spot: number, days: number, c: CondorArgs, target = 0.5): CallResult<number> {
  return numberOf(callShield(lookup, "PROB_PROFIT_TARGET", spot, ...c.strikes, days, [c.vols.slice()], c.credit, target, c.rate, c.yield));
}

/**
 * Time-shifted breakevens: BREAKEVEN_AT(strikes..., credit, daysLeft, vol, rate, yield), a 1x2
 * row (lower, upper; #N/A for a side with no crossing). From branch p50: "not available" until merged.
 */
export function breakevenAt(lookup: FunctionLookup, c: CondorArgs, daysLeft: number, vols = c.vols): CallResult<Array<number | CellError>> {
  return rowOf(callShield(lookup, "BREAKEVEN_AT", ...c.strikes, c.credit, daysLeft, [vols.slice()], c.rate, c.yield), 2);
}

/**
 * VIX_HEDGE(positionVega, positionDays, vixSpot, layers, weights): the k x 10 table (units,
 * premium, cost, carry per day per layer). The ladder view reads the cost and carry of a v1
 * (futures-only) ladder from it: with only FUT rows its units are VIX_LADDER's (SPEC).
 */
export function vixHedge(
  lookup: FunctionLookup,
  positionVega: number,
  positionDays: number,
  vixSpot: number,
  layers: unknown[][],
  weights: number[][],
): CallResult<unknown[][]> {
  const r = callShield(lookup, "VIX_HEDGE", positionVega, positionDays, vixSpot, layers, weights, null);
  if (!r.ok) return r;
  return Array.isArray(r.value)
    ? { ok: true, value: r.value as unknown[][] }
    : { ok: false, unavailable: false, error: { error: "#VALUE!", message: "VIX_HEDGE did not return a table" } };
}
