/**
 * Bench section "time-shift": BREAKEVEN_AT and PROB_PROFIT_TARGET (the P50) in the core, in
 * milliseconds per call. The P50's work grows as days^1.5 (daily dates x grid nodes), so it is
 * timed at 10, 45, 90 and 365 days; SPEC's bar is a 45-day condor well under 50 ms.
 */
import { condorPrice } from "../src/core/condor";
import { breakevenAt } from "../src/core/timeShift/breakevenAt";
import { profitTargetDetailed } from "../src/core/timeShift/profitTarget";
import { nsPerCall, printTable } from "./harness";

const K = { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 };
const SKEW: [number, number, number, number] = [0.24, 0.2, 0.15, 0.14];

export function runTimeShift(): void {
  const rows: Array<Array<string | number>> = [];
  const be = nsPerCall((i) => breakevenAt(K, 30, 10 + (i % 3), 0.18, 0.045, 0.013).lower ?? 0, 200, 300);
  rows.push(["BREAKEVEN_AT, 10 days left, flat vol", be / 1e6, "", ""]);
  for (const [days, vol] of [
    [10, 0.18],
    [45, 0.18],
    [45, SKEW],
    [90, 0.18],
    [365, 0.18],
  ] as Array<[number, number | typeof SKEW]>) {
    const credit = condorPrice(5000, K, days, vol, 0.045, 0.013);
    const r = profitTargetDetailed(5000, K, days, vol, credit, 0.5, 0.045, 0.013);
    const calls = days > 100 ? 2 : 10;
    const ns = nsPerCall(() => profitTargetDetailed(5000, K, days, vol, credit, 0.5, 0.045, 0.013).probability, calls, 500);
    rows.push([
      `PROB_PROFIT_TARGET, ${days} days, ${typeof vol === "number" ? "flat vol" : "4 vols"}`,
      ns / 1e6,
      r.probability.toFixed(6),
      r.errorBound.toExponential(1),
    ]);
  }
  printTable("time-shift (core, ms per call)", ["call", "ms", "value", "error bound"], rows);
}

export const run = runTimeShift;
