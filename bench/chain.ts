/**
 * Bench section "option chain": CHAIN_VOLS and VIX_VARIANCE over a 400-strike chain, called as
 * Excel calls them (the registered functions, five n x 1 columns), beside the core call each
 * wraps; and SMILE_VOL reading four condor strikes off the 400 vols, flat and with SVI wings.
 *
 * The chain: SPX-like, forward 5000, 30 days, rate 4.5%, strikes 3005 to 7000 by 10 (400),
 * priced from a skewed smile with the accurate Black (src/core/black.ts), quoted +-5% around
 * the model price; far-wing quotes below 0.05 get a zero bid, as listed chains do.
 */
import "../src/functions/runtime"; // the stand-in CustomFunctions, so the adapters run outside Excel
import { undiscountedBlack } from "../src/core/black";
import type { Chain } from "../src/core/chain/quotes";
import { vixVariance } from "../src/core/chain/variance";
import { chainVols } from "../src/core/chain/vols";
import { CHAIN_VOLS, SMILE_VOL, VIX_VARIANCE } from "../src/functions/chain";
import { nsPerCall, printTable } from "./harness";

const N = 400;
const F = 5000;
const DAYS = 30;
const RATE = 0.045;

function makeChain(): Chain {
  const T = DAYS / 365;
  const df = Math.exp(-RATE * T);
  const strikes = Array.from({ length: N }, (_, i) => 3005 + 10 * i);
  const vol = (k: number) => Math.max(0.08, 0.17 - 0.35 * Math.log(k / F) + 0.9 * Math.log(k / F) ** 2);
  const side = (kind: "call" | "put") =>
    strikes.map((k) => {
      const p = df * undiscountedBlack(F, k, vol(k) * Math.sqrt(T), kind);
      return { bid: p < 0.05 ? 0 : 0.95 * p, ask: Math.max(1.05 * p, 0.05) };
    });
  return { strikes, calls: side("call"), puts: side("put") };
}

/** Milliseconds per call: best of repeated batches of 3 calls (see harness.ts). */
const ms = (body: () => number) => nsPerCall(body, 3, 300) / 1e6;

export function run(): void {
  const chain = makeChain();
  const col = (xs: ReadonlyArray<number | undefined>) => xs.map((v) => [v ?? ""]);
  const cols = [
    col(chain.strikes),
    col(chain.calls.map((q) => q.bid)),
    col(chain.calls.map((q) => q.ask)),
    col(chain.puts.map((q) => q.bid)),
    col(chain.puts.map((q) => q.ask)),
  ] as const;
  const first = (m: unknown) => {
    const v = (m as unknown[][])[200][0];
    return typeof v === "number" ? v : 0;
  };
  const vols = CHAIN_VOLS(...cols, DAYS, RATE, null);
  // Warm both paths before timing either: the first one timed otherwise pays for the JIT.
  for (let i = 0; i < 50; i++) {
    chainVols(chain, DAYS, RATE);
    CHAIN_VOLS(...cols, DAYS, RATE, null);
  }
  const condor = [[4800, 4850, 5150, 5200]];
  const rows: Array<[string, number | string, number]> = [
    [
      `CHAIN_VOLS (${N} strikes)`,
      ms(() => first(chainVols(chain, DAYS, RATE).vols.map((v) => [typeof v === "number" ? v : 0]))),
      ms(() => first(CHAIN_VOLS(...cols, DAYS, RATE, null))),
    ],
    [`VIX_VARIANCE (${N} strikes)`, ms(() => vixVariance(chain, DAYS, RATE).variance), ms(() => VIX_VARIANCE(...cols, DAYS, RATE)[0][0] as number)],
    ["SMILE_VOL, 4 strikes, flat wings", "", ms(() => SMILE_VOL(cols[0], vols, condor, null, null)[0][0] as number)],
    ["SMILE_VOL, 4 strikes, SVI wings", "", ms(() => SMILE_VOL(cols[0], vols, condor, F, DAYS)[0][0] as number)],
  ];
  printTable(`The option chain on ${N} strikes, ms per call (best batch)`, ["function", "core ms", "custom function ms"], rows);
}

/** The bench section's entry under the area's name. */
export const runChain = run;
