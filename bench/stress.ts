/**
 * Bench section "stress": SPEC.md's STRESS grid, 21 SPX moves x 21 VIX moves (441 scenarios),
 * over a 4-leg SPX iron condor and a 3-layer VIX hedge (a VX future, a VIX call repriced by
 * Black-76, a UVXY layer), one week forward. Each scenario reprices all 4 legs and the call
 * (no Taylor series). Target: under 5 ms per grid in the core (issue 12).
 */
import "../src/functions/runtime"; // the stand-in CustomFunctions, so the adapter runs outside Excel
import { prepareBook, stressGrid, type Book } from "../src/core/stress";
import { STRESS } from "../src/functions/stress";
import { nsPerCall, printTable } from "./harness";

const LEGS: Book["legs"] = [
  { kind: "put", strike: 4650, qty: 10, days: 45, vol: 0.205 },
  { kind: "put", strike: 4700, qty: -10, days: 45, vol: 0.195 },
  { kind: "call", strike: 5250, qty: -10, days: 45, vol: 0.15 },
  { kind: "call", strike: 5300, qty: 10, days: 45, vol: 0.145 },
];
const HEDGE: Book["hedge"] = [
  { instrument: "FUT", days: 30, price: 17.4, units: 1.085, multiplier: 1000 },
  { instrument: "CALL", days: 60, price: 18.3, strike: 22.875, volOrLeverage: 0.95, units: 26.5, multiplier: 100 },
  { instrument: "ETF", days: 30, price: 25, volOrLeverage: 1.5, units: 201, multiplier: 1 },
];
const SPOT_MOVES = Array.from({ length: 21 }, (_, i) => -0.1 + i * 0.01);
const VIX_MOVES = Array.from({ length: 21 }, (_, j) => -10 + j * 2);

/** Milliseconds per call: best of repeated batches of 5 calls over 1 s (see harness.ts; the best batch is the least disturbed). */
const ms = (body: () => number) => nsPerCall(body, 5, 1000) / 1e6;

export function runStress(): void {
  const book: Book = { legs: LEGS, spot: 5000, hedge: HEDGE, vixSpot: 16.5, rate: 0.045, yield: 0.013 };
  const prepared = prepareBook(book);
  const first = (g: ReturnType<typeof stressGrid>) => {
    const c = g[0][0];
    return c instanceof Error ? 0 : c.total;
  };
  const legsCells = LEGS.map((l) => [l.kind === "call" ? "C" : "P", l.strike, l.qty, l.days, l.vol]);
  const hedgeCells = (HEDGE ?? []).map((h) => [h.instrument, h.days, h.price, h.strike ?? "", h.volOrLeverage ?? "", h.units, h.multiplier]);
  const spotCol = SPOT_MOVES.map((m) => [m]);
  const vixRow = [VIX_MOVES];
  const rows: Array<Array<string | number>> = [
    ["stressGrid (core, book prepared once)", ms(() => first(stressGrid(prepared, SPOT_MOVES, VIX_MOVES, 7)))],
    ["prepareBook + stressGrid (core)", ms(() => first(stressGrid(prepareBook(book), SPOT_MOVES, VIX_MOVES, 7)))],
    ["=SHIELD.STRESS as Excel calls it", ms(() => STRESS(legsCells, 5000, spotCol, vixRow, 7, null, hedgeCells, 16.5, 0.045, 0.013)[0][0] as number)],
  ];
  printTable("STRESS: 21 x 21 grid, 4-leg condor + 3-layer hedge, 7 days forward (target < 5 ms in the core)", ["what", "ms per grid"], rows);
}
