/**
 * The hedge ladder builder's planner: form values -> a block with the ALVH inputs, the futures
 * curve and weights (values), the ladder as one spilled `=SHIELD.VIX_LADDER(...)`, rounded
 * contract counts (`=ROUND(...)`) and totals. Pure: no Office, no DOM.
 */
import * as rule from "../../core/validate";
import { InputError } from "../../core/errors";
import { layerWeights } from "../../core/hedge";
import { cellReferenceFormula } from "./a1";
import { FieldReader, parseNumber, type FormValues } from "./fields";
import { FMT } from "./formats";
import { builtin, external, guarded, num, range, ref, shield, spilled, type Expr } from "./formula";
import { Grid } from "./grid";
import type { Plan, PlanResult } from "./types";
import { layoutHedge, readLadderRate, readLayerInstrument, usesInstruments } from "./hedgePlan";

/** At most this many layers (rows of the curve). */
export const MAX_LAYERS = 8;

export interface LadderInputs {
  /** A number, or a reference formula such as "=Sheet1!F24". */
  positionVega: number | string;
  positionDays: number;
  vixSpot: number;
  multiplier: 1000 | 100;
  layers: Array<{ days: number; price: number; weight: number }>;
  /** True when the weights were left empty and the SPEC defaults were written. */
  defaultWeights: boolean;
}

/** How many layer rows the form holds: the highest n with any of days/price/weight n filled. */
export function layerCount(values: FormValues): number {
  let k = 0;
  for (let i = 1; i <= MAX_LAYERS; i++) {
    if (["days", "price", "weight"].some((f) => (values[`${f}${i}`] ?? "").trim() !== "")) k = i;
  }
  return k;
}

/** Reads and validates the ladder form. Errors are keyed by field id (layer fields: days1, price2...). */
export function readLadderInputs(values: FormValues): { inputs?: LadderInputs; errors: Record<string, string> } {
  const f = new FieldReader(values);
  let positionVega: number | string = NaN;
  const vegaText = f.text("positionVega");
  if (vegaText === "") {
    f.fail("positionVega", new InputError("Position dollar vega", "is required", ""));
  } else if (/^=|^[^0-9+\-.]/.test(vegaText)) {
    const formula = cellReferenceFormula(vegaText);
    if (formula) positionVega = formula;
    else f.fail("positionVega", new InputError("Position dollar vega", "must be a number or a cell reference such as =Sheet1!F24", vegaText));
  } else {
    positionVega = f.number("positionVega", "Position dollar vega", [rule.finite]);
  }
  const positionDays = f.number("positionDays", "Position days", [rule.positive, rule.days]);
  const vixSpot = f.number("vixSpot", "VIX spot", [rule.positive]);
  const multiplier = f.number(
    "multiplier",
    "Futures multiplier",
    [
      (l, v) => {
        if (v !== 1000 && v !== 100) throw new InputError(l, "must be 1000 (VX) or 100 (VXM)", v);
      },
    ],
    1000,
  ) as 1000 | 100;

  const k = layerCount(values);
  if (k === 0) f.fail("days1", new InputError("Layer 1 days", "is required", ""));
  const layers: LadderInputs["layers"] = [];
  let weightsGiven = 0;
  for (let i = 1; i <= k; i++) {
    const d = f.number(`days${i}`, `Layer ${i} days`, [rule.layerDays]);
    const p = f.number(`price${i}`, `Layer ${i} future price`, [rule.positive]);
    let w = NaN;
    try {
      const parsed = parseNumber(`Layer ${i} weight`, values[`weight${i}`]);
      if (parsed !== undefined) {
        rule.nonNegative(`Layer ${i} weight`, parsed);
        weightsGiven++;
      }
      w = parsed ?? NaN;
    } catch (error) {
      f.fail(`weight${i}`, error);
    }
    layers.push({ days: d, price: p, weight: w });
  }
  if (weightsGiven > 0 && weightsGiven < k) {
    for (let i = 1; i <= k; i++) {
      if (Number.isNaN(layers[i - 1].weight))
        f.fail(`weight${i}`, new InputError(`Layer ${i} weight`, "is required when other weights are given (or leave all empty for the defaults)", ""));
    }
  }
  if (f.ok && weightsGiven === k && layers.reduce((s, l) => s + l.weight, 0) <= 0) {
    f.fail("weight1", new InputError("Weights", "must add up to more than 0", 0));
  }
  if (!f.ok) return { errors: f.errors };
  const defaults = weightsGiven === 0;
  // SPEC.md's default weights (the core's layerWeights): 0.5/0.3/0.2 for three layers, equal otherwise.
  if (defaults) layerWeights(k).forEach((w, i) => (layers[i].weight = w));
  return { inputs: { positionVega, positionDays, vixSpot, multiplier, layers, defaultWeights: defaults }, errors: {} };
}

/** Where things sit in the block, for tests and the UI. */
export function ladderLayout(k: number) {
  return {
    input: { positionVega: 2, positionDays: 3, vixSpot: 4, multiplier: 5 },
    curveHeader: 8,
    firstLayer: 9,
    ladderHeader: 11 + k,
    firstLadder: 12 + k,
    totals: 12 + 2 * k,
    cols: 7,
  };
}

export const LADDER_HEADERS = ["Days", "Future", "Weight", "Beta", "Ratio", "Contracts", "Rounded"];

/** Plans the ladder block from form values. */
export function planLadder(values: FormValues): PlanResult {
  const read = readLadderInputs(values);
  const k = layerCount(values);
  if (usesInstruments(values, k)) {
    // A layer other than a plain future: the VIX_HEDGE block (hedgePlan.ts).
    const f = new FieldReader(values);
    const x = read.inputs;
    const rate = readLadderRate(f);
    const instruments = Array.from({ length: k }, (_, i) =>
      readLayerInstrument(f, values, i + 1, x?.layers[i].days ?? NaN, x?.layers[i].price ?? NaN, x?.multiplier ?? 1000, rate),
    );
    const errors = { ...f.errors, ...read.errors };
    if (!x || Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, plan: layoutHedge(x, instruments, rate) };
  }
  // Futures are not discounted: a futures-only ladder has no rate cell, but a bad rate is still flagged.
  const f = new FieldReader(values);
  readLadderRate(f);
  if (!read.inputs || !f.ok) return { ok: false, errors: { ...f.errors, ...read.errors } };
  return { ok: true, plan: layoutLadder(read.inputs) };
}

/** Lays the ladder block out. */
export function layoutLadder(x: LadderInputs): Plan {
  const k = x.layers.length;
  const L = ladderLayout(k);
  const g = new Grid();
  const V = 1;
  g.value(0, 0, "SHIELD VIX hedge ladder (ALVH)", "title");
  g.value(1, 0, "Inputs (edit the yellow cells)", "section");
  g.value(L.input.positionVega, 0, "Position $ vega", "label");
  if (typeof x.positionVega === "number") g.value(L.input.positionVega, V, x.positionVega, "input", FMT.dollars);
  else g.formula(L.input.positionVega, V, external(x.positionVega), FMT.dollars, "input");
  g.value(L.input.positionDays, 0, "Position days", "label");
  g.value(L.input.positionDays, V, x.positionDays, "input", FMT.general);
  g.value(L.input.vixSpot, 0, "VIX spot", "label");
  g.value(L.input.vixSpot, V, x.vixSpot, "input", FMT.price);
  g.value(L.input.multiplier, 0, "Futures multiplier", "label");
  g.value(L.input.multiplier, V, x.multiplier, "input", FMT.general);

  g.value(7, 0, "Futures curve", "section");
  ["Layer", "Days", "Future price", "Weight"].forEach((h, i) => g.value(L.curveHeader, i, h, "header"));
  x.layers.forEach((layer, i) => {
    const r = L.firstLayer + i;
    g.value(r, 0, i + 1);
    g.value(r, 1, layer.days, "input", FMT.general);
    g.value(r, 2, layer.price, "input", FMT.price);
    g.value(r, 3, layer.weight, "input", FMT.greek);
  });

  g.value(L.ladderHeader - 1, 0, "Ladder (contracts > 0 = buy)", "section");
  LADDER_HEADERS.forEach((h, i) => g.value(L.ladderHeader, i, h, "header"));
  const ladder: Expr = shield(
    "VIX_LADDER",
    ref(L.input.positionVega, V),
    ref(L.input.positionDays, V),
    ref(L.input.vixSpot, V),
    range(L.firstLayer, 1, k, 2),
    range(L.firstLayer, 3, k, 1),
    ref(L.input.multiplier, V),
  );
  g.formula(L.firstLadder, 0, ladder, [FMT.general, FMT.price, FMT.greek, FMT.greek, FMT.greek, FMT.contracts], "output", { rows: k, cols: 6 });
  // Rounded counts and totals read the ladder through its head cell, so that a failing
  // VIX_LADDER (say its vega points at a cell that does not exist) shows its error here too:
  // its spill area is empty then, and a plain ROUND or SUM over it would read 0 (see `spilled`).
  const head = { row: L.firstLadder, col: 0 };
  for (let i = 0; i < k; i++) g.formula(L.firstLadder + i, 6, builtin("ROUND", spilled(head, L.firstLadder + i, 5), num(0)), FMT.whole, "output");
  g.value(L.totals, 0, "Total", "header");
  g.formula(L.totals, 2, guarded(head, builtin("SUM", range(L.firstLadder, 2, k, 1))), FMT.greek, "header");
  g.formula(L.totals, 5, guarded(head, builtin("SUM", range(L.firstLadder, 5, k, 1))), FMT.contracts, "header");
  g.formula(L.totals, 6, guarded(head, builtin("SUM", range(L.firstLadder, 6, k, 1))), FMT.whole, "header");

  return {
    kind: "ladder",
    title: "Hedge ladder block",
    rows: g.rows,
    cols: L.cols,
    cells: g.cells,
    keyCells: {
      positionVega: { row: L.input.positionVega, col: V, label: "Position $ vega" },
      vixSpot: { row: L.input.vixSpot, col: V, label: "VIX spot" },
      totalContracts: { row: L.totals, col: 5, label: "Total contracts" },
      contracts: { row: L.totals, col: 6, label: "Total rounded contracts" },
    },
  };
}
