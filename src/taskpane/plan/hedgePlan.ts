/**
 * The ladder builder with an instrument per layer (SPEC: "Ladder builder with instruments"):
 * each layer FUT (VXM when the multiplier is 100), CALL or PUT (by strike, or by delta: the
 * strike whose Black-76 delta on the layer's future is that delta, chosen now with the core's
 * strikeForDelta and written as a value), or ETF (price and leverage). The block writes one
 * spilled `=SHIELD.VIX_HEDGE(...)` over its layer cells, the rounded units, and totals of cost
 * and carry guarded by the spill head (their error shows, never 0). Pure: no Office, no DOM.
 * A ladder of FUT layers only keeps the v1 block (VIX_LADDER, ladderPlan.ts).
 */
import { InputError } from "../../core/errors";
import { strikeForDelta } from "../../core/strike";
import * as rule from "../../core/validate";
import type { Instrument } from "../../core/vixHedge/instruments";
import { HEDGE_TITLE } from "./blockName";
import type { FieldReader, FormValues } from "./fields";
import { FMT } from "./formats";
import { builtin, external, guarded, num, range, ref, shield, spilled, type Expr } from "./formula";
import { Grid } from "./grid";
import type { LadderInputs } from "./ladderPlan";
import type { Plan } from "./types";

/** The instruments the layer form offers (VXM is FUT at multiplier 100). */
export const LAYER_INSTRUMENTS = ["FUT", "CALL", "PUT", "ETF"] as const;
export type LayerInstrument = (typeof LAYER_INSTRUMENTS)[number];

/** VIX option strikes are chosen on this grid (half points). */
export const VIX_STRIKE_GRID = 0.5;

/** One layer's instrument fields, validated; `strike` already chosen for a by-delta option. */
export interface LayerInstrumentInputs {
  instrument: Instrument;
  strike?: number;
  /** The delta the strike was chosen for (by-delta options only). */
  delta?: number;
  /** Option implied vol, or ETF leverage. */
  volOrLeverage?: number;
}

/** A strike field read as a delta: "25d", "0.25d", "-0.25 delta", "25Δ" (percent when above 1). */
export function parseDelta(text: string): number | undefined {
  const m = /^\s*([+-]?[0-9]*\.?[0-9]+)\s*(?:d|Δ|delta)\s*$/i.exec(text);
  if (!m) return undefined;
  const x = Number(m[1]);
  return Math.abs(x) >= 1 ? x / 100 : x;
}

/** The ladder's optional rate (VIX_HEDGE's rate argument, for the options' discounting): empty = 0. */
export function readLadderRate(f: FieldReader): number {
  return f.text("rate") === "" ? 0 : f.number("rate", "Rate", [rule.rate]);
}

/** Reads layer i's instrument, strike (or delta) and vol/leverage; errors go on those fields. */
export function readLayerInstrument(
  f: FieldReader,
  values: FormValues,
  i: number,
  days: number,
  future: number,
  multiplier: number,
  rate = 0,
): LayerInstrumentInputs {
  const raw = (values[`instrument${i}`] ?? "FUT").trim().toUpperCase() || "FUT";
  if (!(LAYER_INSTRUMENTS as readonly string[]).includes(raw)) {
    f.fail(`instrument${i}`, new InputError(`Layer ${i} instrument`, `must be one of ${LAYER_INSTRUMENTS.join(", ")}`, raw));
    return { instrument: "FUT" };
  }
  const instrument = raw as LayerInstrument;
  const strikeText = f.text(`strike${i}`);
  if (instrument === "FUT") {
    if (strikeText !== "" || f.text(`vol${i}`) !== "")
      f.fail(
        `strike${i}`,
        new InputError(`Layer ${i} strike`, "is for CALL and PUT layers; a FUT layer leaves strike and vol empty", strikeText || f.text(`vol${i}`)),
      );
    return { instrument: multiplier === 100 ? "VXM" : "FUT" };
  }
  if (instrument === "ETF") {
    if (strikeText !== "") f.fail(`strike${i}`, new InputError(`Layer ${i} strike`, "is for CALL and PUT layers; an ETF layer leaves it empty", strikeText));
    const leverage = f.number(`vol${i}`, `Layer ${i} leverage`, [rule.positive], 1);
    return { instrument, volOrLeverage: leverage };
  }
  const vol = f.number(`vol${i}`, `Layer ${i} option vol`, [rule.vol]);
  const kind = instrument === "CALL" ? "call" : "put";
  if (strikeText === "") {
    f.fail(`strike${i}`, new InputError(`Layer ${i} strike`, "is required for an option: a strike (e.g. 22) or a delta (e.g. 25d)", ""));
    return { instrument, volOrLeverage: vol };
  }
  const delta = parseDelta(strikeText);
  if (delta === undefined) {
    const strike = f.number(`strike${i}`, `Layer ${i} strike`, [rule.positive]);
    return { instrument, strike, volOrLeverage: vol };
  }
  const signed = kind === "put" ? -Math.abs(delta) : Math.abs(delta);
  if (!f.ok || !(Number.isFinite(vol) && Number.isFinite(future) && Number.isFinite(days))) return { instrument, volOrLeverage: vol };
  try {
    // Black-76 is BSM on the future with yield = rate (the ladder's rate field, 0 when empty).
    const strike = strikeForDelta(kind, signed, future, days, vol, rate, rate, VIX_STRIKE_GRID);
    return { instrument, strike, delta: signed, volOrLeverage: vol };
  } catch (error) {
    f.fail(
      `strike${i}`,
      new InputError(`Layer ${i} strike`, `no strike on the ${VIX_STRIKE_GRID}-point grid has a delta of ${signed}: ${(error as Error).message}`, strikeText),
    );
    return { instrument, volOrLeverage: vol };
  }
}

/** True when `values` ask for anything but plain futures layers (then the block is VIX_HEDGE's). */
export function usesInstruments(values: FormValues, k: number): boolean {
  for (let i = 1; i <= k; i++) {
    const inst = (values[`instrument${i}`] ?? "").trim().toUpperCase();
    if ((inst !== "" && inst !== "FUT") || (values[`strike${i}`] ?? "").trim() !== "" || (values[`vol${i}`] ?? "").trim() !== "") return true;
  }
  return false;
}

export const HEDGE_HEADERS = ["Instrument", "Days", "Price", "Strike", "Vol / lev", "Units", "Mult", "Premium", "Cost $", "Carry $/day", "Rounded"];

/** Where things sit in the VIX_HEDGE block, for k layers. */
export function hedgeLayout(k: number) {
  return {
    input: { positionVega: 2, positionDays: 3, vixSpot: 4, multiplier: 5, rate: 6 },
    layersHeader: 8,
    firstLayer: 9,
    hedgeHeader: 11 + k,
    firstHedge: 12 + k,
    totals: 12 + 2 * k,
    cols: 11,
  };
}

/** Lays the VIX_HEDGE block out. */
export function layoutHedge(x: LadderInputs, instruments: LayerInstrumentInputs[], rate = 0): Plan {
  const k = x.layers.length;
  const L = hedgeLayout(k);
  const V = 1;
  const g = new Grid();
  g.value(0, 0, HEDGE_TITLE, "title");
  g.value(1, 0, "Inputs (edit the yellow cells)", "section");
  g.value(L.input.positionVega, 0, "Position $ vega", "label");
  if (typeof x.positionVega === "number") g.value(L.input.positionVega, V, x.positionVega, "input", FMT.dollars);
  else g.formula(L.input.positionVega, V, external(x.positionVega), FMT.dollars, "input");
  g.value(L.input.positionDays, 0, "Position days", "label");
  g.value(L.input.positionDays, V, x.positionDays, "input", FMT.general);
  g.value(L.input.vixSpot, 0, "VIX spot", "label");
  g.value(L.input.vixSpot, V, x.vixSpot, "input", FMT.price);
  g.value(L.input.multiplier, 0, "Futures multiplier", "label");
  g.value(L.input.multiplier, V, x.multiplier, "note", FMT.general);
  g.value(L.input.rate, 0, "Rate (options)", "label");
  g.value(L.input.rate, V, rate, "input", FMT.rate);

  g.value(7, 0, "Layers (instrument, days, price, strike, vol or leverage, weight)", "section");
  ["Layer", "Instrument", "Days", "Price", "Strike", "Vol / lev", "Weight"].forEach((h, i) => g.value(L.layersHeader, i, h, "header"));
  x.layers.forEach((layer, i) => {
    const r = L.firstLayer + i;
    const inst = instruments[i];
    g.value(r, 0, i + 1);
    g.value(r, 1, inst.instrument, "input");
    g.value(r, 2, layer.days, "input", FMT.general);
    g.value(r, 3, layer.price, "input", FMT.price);
    if (inst.strike !== undefined) g.value(r, 4, inst.strike, "input", FMT.price);
    if (inst.volOrLeverage !== undefined) g.value(r, 5, inst.volOrLeverage, "input", FMT.general);
    g.value(r, 6, layer.weight, "input", FMT.greek);
    if (inst.delta !== undefined) g.value(r, 7, `strike for delta ${inst.delta} (Black-76)`, "note");
  });

  g.value(L.hedgeHeader - 1, 0, "Hedge (units > 0 = buy)", "section");
  HEDGE_HEADERS.forEach((h, i) => g.value(L.hedgeHeader, i, h, "header"));
  const hedge: Expr = shield(
    "VIX_HEDGE",
    ref(L.input.positionVega, V),
    ref(L.input.positionDays, V),
    ref(L.input.vixSpot, V),
    range(L.firstLayer, 1, k, 5),
    range(L.firstLayer, 6, k, 1),
    ref(L.input.rate, V),
  );
  const formats = [FMT.general, FMT.general, FMT.price, FMT.price, FMT.general, FMT.contracts, FMT.general, FMT.greek, FMT.dollars, FMT.dollars];
  g.formula(L.firstHedge, 0, hedge, formats, "output", { rows: k, cols: 10 });
  const head = { row: L.firstHedge, col: 0 };
  for (let i = 0; i < k; i++) g.formula(L.firstHedge + i, 10, builtin("ROUND", spilled(head, L.firstHedge + i, 5), num(0)), FMT.whole, "output");
  g.value(L.totals, 0, "Total", "header");
  g.formula(L.totals, 8, guarded(head, builtin("SUM", range(L.firstHedge, 8, k, 1))), FMT.dollars, "header");
  g.formula(L.totals, 9, guarded(head, builtin("SUM", range(L.firstHedge, 9, k, 1))), FMT.dollars, "header");

  return {
    kind: "ladder",
    title: "VIX hedge block",
    rows: g.rows,
    cols: L.cols,
    cells: g.cells,
    keyCells: {
      positionVega: { row: L.input.positionVega, col: V, label: "Position $ vega" },
      vixSpot: { row: L.input.vixSpot, col: V, label: "VIX spot" },
      hedge: { row: L.firstHedge, col: 0, label: "VIX_HEDGE" },
      totalCost: { row: L.totals, col: 8, label: "Total cost $" },
      totalCarry: { row: L.totals, col: 9, label: "Total carry $/day" },
    },
  };
}
