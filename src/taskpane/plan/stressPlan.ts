/**
 * The stress view and block: the condor's dollar P/L over a grid of SPX moves (rows) and VIX
 * moves (columns), with and without a VIX hedge, by SPEC's STRESS. The pane's heatmap is the
 * core's own stressGrid over prepareBook (the same code STRESS runs; not reimplemented here);
 * the block is one live `=SHIELD.STRESS(...)` per grid over its input cells. Pure: no Office,
 * no DOM.
 */
import { NoSolutionError } from "../../core/errors";
import type { Leg } from "../../core/positions";
import { prepareBook, stressGrid, type HedgeHolding } from "../../core/stress";
import type { PreviewGrid } from "../preview";
import { BLOCK_TITLES } from "./blockName";
import { FMT } from "./formats";
import { omit, range, ref, shield } from "./formula";
import { Grid } from "./grid";
import { ladderLayout } from "./ladderPlan";
import { parseInstrument } from "../../core/vixHedge/instruments";
import type { CondorModel, Plan } from "./types";

/** The grid's SPX moves (relative), one row each. */
export const SPOT_MOVES = [-0.1, -0.05, -0.02, 0, 0.02, 0.05, 0.1];
/** The grid's VIX moves (index points), one column each. */
export const VIX_MOVES = [-5, 0, 5, 10, 20];

/** The condor numbers STRESS reads (a condor block's model, or a stress block's legs read back). */
export type StressCondor = Pick<CondorModel, "spot" | "days" | "vols" | "rate" | "yield" | "quantity" | "multiplier" | "increment" | "strikes">;

/** What the stress view works on: the condor, and the hedge (none: an empty list). */
export interface StressInputs {
  condor: StressCondor;
  hedge: HedgeHolding[];
  /** Spot VIX of the hedge (the ladder's VIX spot cell), if there is a hedge. */
  vixSpot?: number;
  /** Where the hedge came from, in words ("the hedge ladder preview: 3 FUT layers, unrounded contracts"). */
  hedgeSource: string;
  daysForward: number;
  spotMoves?: readonly number[];
  vixMoves?: readonly number[];
}

/** The condor's four legs as STRESS reads them: qty in condors (+ long, - short), its days, each leg's vol. */
export function condorLegs(m: StressCondor): Leg[] {
  const kinds = ["put", "put", "call", "call"] as const;
  const signs = [1, -1, -1, 1];
  return m.strikes.map((strike, i) => ({ kind: kinds[i], strike, qty: signs[i] * m.quantity, days: m.days, vol: m.vols[i], row: i + 1 }));
}

/**
 * The hedge a ladder block holds, read from its evaluated cells: for a v1 ladder one FUT (VX,
 * 1000) or VXM (100) row per layer, its days and future, and VIX_LADDER's unrounded contracts
 * as units (the sizing rule's own numbers, as VIX_HEDGE's units feed STRESS); for a VIX_HEDGE
 * block its output's first seven columns. None when the block's hedge failed.
 */
export function ladderHedge(plan: Plan, grid: PreviewGrid): { hedge: HedgeHolding[]; vixSpot?: number } {
  const vix = plan.keyCells.vixSpot;
  const vixSpot = vix ? grid.values[vix.row][vix.col] : null;
  const head = plan.keyCells.hedge;
  if (head) {
    // A VIX_HEDGE block: its spill's first seven columns are STRESS's hedge (SPEC).
    const spill = plan.cells.find((c) => c.row === head.row && c.col === head.col)?.spill;
    const out: HedgeHolding[] = [];
    for (let i = 0; i < (spill?.rows ?? 0); i++) {
      const r = grid.values[head.row + i].slice(head.col, head.col + 7);
      const [inst, days, price, strike, vol, units, mult] = r;
      if (typeof inst !== "string" || [days, price, units, mult].some((x) => typeof x !== "number")) return { hedge: [] };
      const opt = (x: unknown) => (typeof x === "number" && x !== 0 ? x : undefined);
      out.push({
        instrument: parseInstrument(inst),
        days: days as number,
        price: price as number,
        strike: opt(strike),
        volOrLeverage: opt(vol),
        units: units as number,
        multiplier: mult as number,
        row: i + 1,
      });
    }
    return { hedge: out, vixSpot: typeof vixSpot === "number" ? vixSpot : undefined };
  }
  const k = plan.cells.filter((c) => c.row > 8 && c.col === 1 && c.style === "input").length;
  const L = ladderLayout(k);
  const mult = grid.values[L.input.multiplier][1];
  const hedge: HedgeHolding[] = [];
  for (let i = 0; i < k; i++) {
    const row = grid.values[L.firstLadder + i];
    const [days, price, units] = [row[0], row[1], row[5]];
    if (typeof days !== "number" || typeof price !== "number" || typeof units !== "number" || typeof mult !== "number") return { hedge: [] };
    hedge.push({ instrument: mult === 100 ? "VXM" : "FUT", days, price, units, multiplier: mult, row: i + 1 });
  }
  return { hedge, vixSpot: typeof vixSpot === "number" ? vixSpot : undefined };
}

/** One heatmap cell: dollars, or why there is no number. */
export type StressCell = number | { error: string };

/** The heatmap: rows SPX moves, columns VIX moves; the legs alone and legs plus hedge. */
export interface StressHeatmap {
  spotMoves: readonly number[];
  vixMoves: readonly number[];
  unhedged: StressCell[][];
  hedged: StressCell[][] | null;
}

/** The heatmap by the core's stressGrid (the function STRESS calls): one pass gives both views. */
export function stressHeatmap(x: StressInputs): StressHeatmap {
  const m = x.condor;
  const spotMoves = x.spotMoves ?? SPOT_MOVES;
  const vixMoves = x.vixMoves ?? VIX_MOVES;
  const book = prepareBook({ legs: condorLegs(m), spot: m.spot, multiplier: m.multiplier, hedge: x.hedge, vixSpot: x.vixSpot, rate: m.rate, yield: m.yield });
  const grid = stressGrid(book, spotMoves, vixMoves, x.daysForward);
  const pick = (f: (c: { legs: number; total: number }) => number) =>
    grid.map((row) => row.map((c): StressCell => (c instanceof NoSolutionError ? { error: c.message } : f(c))));
  return { spotMoves, vixMoves, unhedged: pick((c) => c.legs), hedged: x.hedge.length ? pick((c) => c.total) : null };
}

/** Where things sit in the stress block, for k hedge rows (anchor-relative). */
export function stressLayout(k: number, m = SPOT_MOVES.length) {
  const hedgeHeader = 17;
  const firstGrid = hedgeHeader + Math.max(1, k) + 3; // section, header row, then the moves
  return {
    input: { spot: 2, daysForward: 3, multiplier: 4, vixSpot: 5, rate: 6, yield: 7 },
    legsHeader: 10,
    firstLeg: 11,
    hedgeHeader,
    firstHedge: hedgeHeader + 1,
    /** The hedged grid (or the only one without a hedge): its VIX-moves header row, then one row per SPX move. */
    grid: firstGrid,
    /** The unhedged grid, under the hedged one (when there is a hedge). */
    grid2: firstGrid + m + 3,
    cols: 7,
  };
}

/** Lays the stress block out: inputs, legs and hedge as values, moves as values, one STRESS per grid. */
export function layoutStress(x: StressInputs): Plan {
  const m = x.condor;
  const k = x.hedge.length;
  const spotMoves = x.spotMoves ?? SPOT_MOVES;
  const vixMoves = x.vixMoves ?? VIX_MOVES;
  const L = stressLayout(k, spotMoves.length);
  const V = 1;
  const g = new Grid();
  const inputRef = (name: keyof typeof L.input) => ref(L.input[name], V);
  g.value(0, 0, BLOCK_TITLES.stress, "title");
  g.value(1, 0, "Inputs (edit the yellow cells)", "section");
  const inputs: Array<[keyof typeof L.input, string, number | undefined, string]> = [
    ["spot", "Spot", m.spot, FMT.price],
    ["daysForward", "Days forward", x.daysForward, FMT.general],
    ["multiplier", "Leg multiplier", m.multiplier, FMT.general],
    ["vixSpot", "VIX spot", x.vixSpot, FMT.price],
    ["rate", "Rate", m.rate, FMT.rate],
    ["yield", "Dividend yield", m.yield, FMT.rate],
  ];
  for (const [name, label, value, format] of inputs) {
    g.value(L.input[name], 0, label, "label");
    if (value !== undefined) g.value(L.input[name], V, value, "input", format);
  }

  g.value(L.legsHeader - 1, 0, "Legs (the condor, qty in contracts)", "section");
  ["Type", "Strike", "Qty", "Days", "Vol"].forEach((h, i) => g.value(L.legsHeader, i, h, "header"));
  condorLegs(m).forEach((leg, i) => {
    const r = L.firstLeg + i;
    g.value(r, 0, leg.kind === "put" ? "P" : "C", "input");
    g.value(r, 1, leg.strike, "input", Number.isInteger(m.increment) ? FMT.strike : FMT.price);
    g.value(r, 2, leg.qty, "input", FMT.general);
    g.value(r, 3, leg.days, "input", FMT.general);
    g.value(r, 4, leg.vol, "input", FMT.vol);
  });

  g.value(L.hedgeHeader - 1, 0, k ? `Hedge: ${x.hedgeSource}` : "Hedge: none (build or preview a hedge ladder to add one)", "section");
  ["Instrument", "Days", "Price", "Strike", "Vol / lev", "Units", "Mult"].forEach((h, i) => g.value(L.hedgeHeader, i, h, "header"));
  x.hedge.forEach((row, i) => {
    const r = L.firstHedge + i;
    g.value(r, 0, row.instrument, "input");
    g.value(r, 1, row.days, "input", FMT.general);
    g.value(r, 2, row.price, "input", FMT.price);
    if (row.strike !== undefined) g.value(r, 3, row.strike, "input", FMT.price);
    if (row.volOrLeverage !== undefined) g.value(r, 4, row.volOrLeverage, "input", FMT.general);
    g.value(r, 5, row.units, "input", FMT.contracts);
    g.value(r, 6, row.multiplier, "input", FMT.general);
  });

  const legs = range(L.firstLeg, 0, 4, 5);
  const spotRange = range(L.grid + 1, 0, spotMoves.length, 1);
  const vixRange = range(L.grid, 1, 1, vixMoves.length);
  const market = [inputRef("rate"), inputRef("yield")];
  const spill = { rows: spotMoves.length, cols: vixMoves.length };
  const grids: Array<{ top: number; title: string; hedged: boolean }> = k
    ? [
        { top: L.grid, title: "P/L $ with the hedge (rows SPX move, columns VIX points)", hedged: true },
        { top: L.grid2, title: "P/L $ without the hedge", hedged: false },
      ]
    : [{ top: L.grid, title: "P/L $ (rows SPX move, columns VIX points)", hedged: false }];
  grids.forEach(({ top, title, hedged }, n) => {
    g.value(top - 1, 0, title, "section");
    g.value(top, 0, "SPX \\ VIX", "header");
    vixMoves.forEach((v, j) => (n === 0 ? g.value(top, 1 + j, v, "input", FMT.general) : g.formula(top, 1 + j, ref(L.grid, 1 + j), FMT.general, "header")));
    spotMoves.forEach((s, i) => (n === 0 ? g.value(top + 1 + i, 0, s, "input", "0%") : g.formula(top + 1 + i, 0, ref(L.grid + 1 + i, 0), "0%", "header")));
    const hedge = hedged ? [range(L.firstHedge, 0, k, 7), inputRef("vixSpot")] : [omit, omit];
    g.formula(
      top + 1,
      1,
      shield("STRESS", legs, inputRef("spot"), spotRange, vixRange, inputRef("daysForward"), inputRef("multiplier"), ...hedge, ...market),
      FMT.wholeDollars,
      "output",
      spill,
    );
  });

  return {
    kind: "stress",
    title: "Stress block",
    rows: g.rows,
    cols: L.cols,
    cells: g.cells,
    keyCells: {
      spot: { row: L.input.spot, col: V, label: "Spot" },
      stress: { row: L.grid + 1, col: 1, label: k ? "STRESS with the hedge" : "STRESS" },
      ...(k ? { stressUnhedged: { row: L.grid2 + 1, col: 1, label: "STRESS without the hedge" } } : {}),
    },
  };
}
