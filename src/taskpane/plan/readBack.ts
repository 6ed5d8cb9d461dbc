/**
 * Reading a block back into its builder's form, pure: the block's cell values (and formulas),
 * as Excel's Range.values / Range.formulas give them from its first cell, -> the form's field
 * values. The inputs are read from the cells the planners wrote them to (CONDOR_LAYOUT,
 * ladderLayout), as they are NOW: a user who edited the spot cell gets the edited spot. The
 * condor's build-time choices (short delta, wing width, strike increment) come from the
 * "Built at" row. A ladder block with an instrument per layer (VIX_HEDGE, hedgePlan.ts) reads
 * back each layer's instrument, strike (or the delta it was chosen for) and vol or leverage; a
 * stress block (stressPlan.ts) reads back its input cells, legs, hedge rows and moves, which
 * are the stress view's inputs (docs/decisions.md, "Task pane: reading back every block").
 */
import { strikeForDelta } from "../../core/strike";
import { parseInstrument, type Instrument } from "../../core/vixHedge/instruments";
import { BLOCK_TITLES, HEDGE_TITLE, type BlockKind } from "./blockName";
import { CONDOR_LAYOUT } from "./condorPlan";
import type { FormValues } from "./fields";
import { hedgeLayout, parseDelta, VIX_STRIKE_GRID } from "./hedgePlan";
import { ladderLayout, MAX_LAYERS } from "./ladderPlan";
import { stressLayout, type StressInputs } from "./stressPlan";
import type { HedgeHolding } from "../../core/stress";

/** One ladder layer as the form holds it; the instrument fields only for a VIX_HEDGE block. */
export interface LayerBack {
  days: string;
  price: string;
  weight: string;
  instrument?: string;
  strike?: string;
  vol?: string;
}

export type ReadBack =
  | {
      ok: true;
      kind: BlockKind;
      /** "hedge" for a ladder block with instruments (VIX_HEDGE); its input cells sit elsewhere. */
      variant?: "hedge";
      values: FormValues;
      layers: LayerBack[];
      /** A stress block: what its view shows (the legs, the hedge and the moves as they are now). */
      stress?: StressInputs;
    }
  | { ok: false; message: string };

type Cells = ReadonlyArray<ReadonlyArray<unknown>>;

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v).trim());

/** Reads the block of `kind` whose cells (from its first cell) are `values` / `formulas`. */
export function readBlock(kind: BlockKind, values: Cells, formulas: Cells = values): ReadBack {
  if (kind === "ladder" && text(values[0]?.[0]) === HEDGE_TITLE) return readHedge(values, formulas);
  if (kind === "stress" && text(values[0]?.[0]) === BLOCK_TITLES.stress) return readStress(values);
  if (text(values[0]?.[0]) !== BLOCK_TITLES[kind]) {
    return {
      ok: false,
      message: `The block's first cell no longer reads "${BLOCK_TITLES[kind]}" (it holds "${text(values[0]?.[0])}"), so it is not read as a SHIELD block.`,
    };
  }
  const at = (row: number, col: number) => values[row]?.[col];
  if (kind === "condor") {
    const I = CONDOR_LAYOUT.input;
    const v = (row: number) => text(at(row, CONDOR_LAYOUT.valueCol));
    return {
      ok: true,
      kind,
      values: {
        spot: v(I.spot),
        days: v(I.days),
        putVol: v(I.putVol),
        callVol: v(I.callVol),
        rate: v(I.rate),
        yield: v(I.yield),
        quantity: v(I.quantity),
        multiplier: v(I.multiplier),
        shortDelta: text(at(11, 1)),
        wingWidth: text(at(11, 2)),
        increment: text(at(11, 3)),
      },
      layers: [],
    };
  }
  // Ladder: layers are the numbered rows under the curve header (1, 2, ... in the first column).
  const first = ladderLayout(0).firstLayer;
  const layers: LayerBack[] = [];
  for (let i = 0; i < MAX_LAYERS && at(first + i, 0) === i + 1; i++) {
    layers.push({ days: text(at(first + i, 1)), price: text(at(first + i, 2)), weight: text(at(first + i, 3)) });
  }
  if (layers.length === 0) return { ok: false, message: "The ladder block has no layer rows under its Futures curve header, so it cannot be read." };
  const L = ladderLayout(layers.length).input;
  const vegaFormula = text(formulas[L.positionVega]?.[1]);
  return {
    ok: true,
    kind,
    values: {
      positionVega: vegaFormula.startsWith("=") ? vegaFormula : text(at(L.positionVega, 1)),
      positionDays: text(at(L.positionDays, 1)),
      vixSpot: text(at(L.vixSpot, 1)),
      multiplier: text(at(L.multiplier, 1)),
    },
    layers,
  };
}

/** The cell a formula or a value: a reference vega comes back as its formula. */
function vegaOf(values: Cells, formulas: Cells, row: number): string {
  const formula = text(formulas[row]?.[1]);
  return formula.startsWith("=") ? formula : text(values[row]?.[1]);
}

/** A VIX_HEDGE ladder block: inputs, then per layer instrument, days, price, strike, vol/leverage, weight. */
function readHedge(values: Cells, formulas: Cells): ReadBack {
  const at = (row: number, col: number) => values[row]?.[col];
  const first = hedgeLayout(0).firstLayer;
  const layers: LayerBack[] = [];
  for (let i = 0; i < MAX_LAYERS && at(first + i, 0) === i + 1; i++) {
    const r = first + i;
    const written = text(at(r, 1)).toUpperCase();
    // VXM is the form's FUT at multiplier 100 (the multiplier cell says which).
    const instrument = written === "VXM" ? "FUT" : written;
    layers.push({
      days: text(at(r, 2)),
      price: text(at(r, 3)),
      weight: text(at(r, 6)),
      instrument,
      strike: strikeText(instrument, at(r, 2), at(r, 3), at(r, 4), at(r, 5), text(at(r, 7)), at(hedgeLayout(0).input.rate, 1)),
      vol: text(at(r, 5)),
    });
  }
  if (layers.length === 0) return { ok: false, message: "The hedge block has no layer rows under its Layers header, so it cannot be read." };
  const L = hedgeLayout(layers.length).input;
  return {
    ok: true,
    kind: "ladder",
    variant: "hedge",
    values: {
      positionVega: vegaOf(values, formulas, L.positionVega),
      positionDays: text(at(L.positionDays, 1)),
      vixSpot: text(at(L.vixSpot, 1)),
      multiplier: text(at(L.multiplier, 1)),
      rate: text(at(L.rate, 1)),
    },
    layers,
  };
}

/**
 * A layer's strike field: the delta ("-0.25d") when the block chose the strike by delta and the
 * strike cell still holds the strike that delta gives on the layer's future and vol as they are
 * now (so planning the form again writes the same strike); otherwise the strike in the cell.
 */
function strikeText(instrument: string, days: unknown, future: unknown, strike: unknown, vol: unknown, note: string, rateCell: unknown): string {
  const rate = typeof rateCell === "number" ? rateCell : 0;
  const m = /^strike for delta (\S+) \(Black-76\)$/.exec(note);
  const delta = m ? parseDelta(`${m[1]}d`) : undefined;
  if (delta !== undefined && (instrument === "CALL" || instrument === "PUT") && [days, future, strike, vol].every((x) => typeof x === "number")) {
    try {
      const again = strikeForDelta(instrument === "CALL" ? "call" : "put", delta, future as number, days as number, vol as number, rate, rate, VIX_STRIKE_GRID);
      if (again === strike) return `${delta}d`;
    } catch {
      // No strike for that delta any more: the cell's strike is what the block holds.
    }
  }
  return text(strike);
}

/** A stress block: its six input cells, the condor's four legs, the hedge rows and the moves. */
function readStress(values: Cells): ReadBack {
  const at = (row: number, col: number) => values[row]?.[col];
  const L0 = stressLayout(0);
  const hedge: HedgeHolding[] = [];
  for (let r = L0.firstHedge; ; r++) {
    let instrument: Instrument;
    try {
      instrument = parseInstrument(at(r, 0));
    } catch {
      break;
    }
    const [days, price, strike, vol, units, multiplier] = [1, 2, 3, 4, 5, 6].map((c) => at(r, c));
    if ([days, price, units, multiplier].some((x) => typeof x !== "number"))
      return { ok: false, message: `The stress block's hedge row ${hedge.length + 1} is missing its days, price, units or multiplier, so it cannot be read.` };
    const opt = (x: unknown) => (typeof x === "number" ? x : undefined);
    hedge.push({
      instrument,
      days: days as number,
      price: price as number,
      strike: opt(strike),
      volOrLeverage: opt(vol),
      units: units as number,
      multiplier: multiplier as number,
      row: hedge.length + 1,
    });
  }
  const L = stressLayout(hedge.length);
  const I = L.input;
  const input = (name: keyof typeof I) => text(at(I[name], 1));
  const formValues: FormValues = {
    spot: input("spot"),
    daysForward: input("daysForward"),
    multiplier: input("multiplier"),
    vixSpot: input("vixSpot"),
    rate: input("rate"),
    yield: input("yield"),
  };
  const legs = [0, 1, 2, 3].map((i) => values[L.firstLeg + i] ?? []);
  const q = legs[0][2];
  const condorShape =
    legs.map((l) => l[0]).join("") === "PPCC" &&
    typeof q === "number" &&
    q > 0 &&
    legs.every((l, i) => l[2] === [q, -q, -q, q][i] && l[3] === legs[0][3] && typeof l[1] === "number" && typeof l[4] === "number") &&
    typeof legs[0][3] === "number";
  if (!condorShape)
    return {
      ok: false,
      message:
        "The stress block's legs are no longer an iron condor (P, P, C, C with quantities q, -q, -q, q and one expiry), so the pane cannot show them; its STRESS formulas still work in the sheet.",
    };
  const numbers = (xs: unknown[]) => (xs.every((x) => typeof x === "number") ? (xs as number[]) : undefined);
  const vixMoves = numbers(Array.from({ length: L.cols - 1 }, (_, j) => at(L.grid, 1 + j)).filter((x) => x !== "" && x !== null && x !== undefined));
  const spotMoves: unknown[] = [];
  for (let r = L.grid + 1; typeof at(r, 0) === "number"; r++) spotMoves.push(at(r, 0));
  const inputs = [I.spot, I.daysForward, I.multiplier, I.rate, I.yield].map((row) => at(row, 1));
  const vixSpot = at(I.vixSpot, 1);
  if (!numbers(inputs) || !vixMoves || vixMoves.length === 0 || spotMoves.length === 0 || (hedge.length > 0 && typeof vixSpot !== "number"))
    return {
      ok: false,
      message:
        "The stress block's inputs or moves are no longer numbers (spot, days forward, multiplier, rate, yield, and VIX spot with a hedge), so it cannot be read.",
    };
  const [spot, daysForward, multiplier, rate, yield_] = inputs as number[];
  const strikes = legs.map((l) => l[1] as number) as [number, number, number, number];
  return {
    ok: true,
    kind: "stress",
    values: formValues,
    layers: [],
    stress: {
      condor: {
        spot,
        days: legs[0][3] as number,
        vols: legs.map((l) => l[4] as number) as [number, number, number, number],
        rate,
        yield: yield_,
        quantity: q,
        multiplier,
        // Only the strikes' number format depends on it: whole strikes keep integer formats.
        increment: strikes.every(Number.isInteger) ? 1 : 0.5,
        strikes,
      },
      hedge,
      vixSpot: typeof vixSpot === "number" ? vixSpot : undefined,
      hedgeSource: hedge.length ? text(at(L.hedgeHeader - 1, 0)).replace(/^Hedge: /, "") : "",
      daysForward,
      spotMoves: spotMoves as number[],
      vixMoves,
    },
  };
}

/** The layers as the ladder form's fields (days1, price1, weight1, instrument1, strike1, vol1, ...). */
export function layerFields(layers: readonly LayerBack[]): FormValues {
  const out: FormValues = {};
  layers.forEach((l, i) => {
    for (const [f, v] of Object.entries(l)) if (v !== undefined) out[`${f}${i + 1}`] = v;
  });
  return out;
}
