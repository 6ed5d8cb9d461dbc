/**
 * Governance and time functions in the core: the hedge solve by size, the signals over 100,000
 * rows, IV rank over a year's window, and one time-to-expiry.
 */
import { cross, hedgeSolve, ivPercentile, ivRank, signalQuorum, trend, zone } from "../src/core/governance";
import { daysToExpiry } from "../src/core/time";
import { nsPerCall, printTable } from "./harness";

function randomMatrix(rows: number, cols: number, seed: number): number[][] {
  let s = seed;
  const next = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, next));
}

export function run(): void {
  const rows: Array<Array<string | number>> = [];
  for (const [k, m] of [
    [3, 3],
    [2, 3],
    [4, 3],
    [9, 9],
  ]) {
    const g = randomMatrix(k, m, 7 + k * m);
    const p = randomMatrix(1, m, 11)[0];
    rows.push([`HEDGE_SOLVE core, ${k} instruments x ${m} greeks`, nsPerCall(() => hedgeSolve(p, g).quantities[0], 2_000)]);
  }
  const n = 100_000;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 17) + Math.sin(i / 5) * 0.3);
  const votes = Array.from({ length: n }, (_, i) => [Math.sign(x[i]), (i % 3) - 1, Math.sign(x[(i + 7) % n]), 1]);
  rows.push([`CROSS, ${n.toLocaleString("en-US")} rows`, nsPerCall(() => cross(x, 0)[n - 1], 5)]);
  rows.push([`ZONE, ${n.toLocaleString("en-US")} rows`, nsPerCall(() => zone(x, -0.5, 0.5)[n - 1], 5)]);
  rows.push([`TREND(5), ${n.toLocaleString("en-US")} rows`, nsPerCall(() => trend(x, 5)[n - 1], 5)]);
  rows.push([`SIGNAL_QUORUM 3 of 4, persist 2, ${n.toLocaleString("en-US")} rows`, nsPerCall(() => signalQuorum(votes, 3, 2)[n - 1], 5)]);
  const iv = Float64Array.from({ length: 10_000 }, (_, i) => 0.2 + 0.05 * Math.sin(i / 40));
  rows.push(["IV_RANK(252), 10,000 rows", nsPerCall(() => ivRank(iv, 252).values[9_999], 3)]);
  rows.push(["IV_PERCENTILE(252), 10,000 rows", nsPerCall(() => ivPercentile(iv, 252).values[9_999], 3)]);
  rows.push(["DAYS_TO_EXPIRY core (asOf)", nsPerCall((i) => daysToExpiry(46101, "PM", 46090.5 + (i % 100) / 1000))]);
  printTable("governance and time (core, one call)", ["case", "ns per call"], rows);
}

export const runGovernance = run;
