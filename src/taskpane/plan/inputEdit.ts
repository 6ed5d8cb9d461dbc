/**
 * "Edit in place" for a block read back: the form's values -> new contents for the block's
 * INPUT cells only (spot, days, vols, quantity...; for a ladder its vega, days, VIX spot,
 * multiplier and the curve; for a VIX_HEDGE ladder also each layer's instrument, strike and vol
 * or leverage; for a stress block its six input cells: spot, days forward, leg multiplier, VIX
 * spot, rate, yield), so that its strikes, credit and formulas stay as they are and recalculate.
 * Pure: the writer (writer.ts writeEdits) applies the edits after confirmation.
 */
import * as rule from "../../core/validate";
import { CONDOR_LAYOUT, readCondorInputs } from "./condorPlan";
import { FieldReader, type FormValues } from "./fields";
import { hedgeLayout, readLadderRate, readLayerInstrument } from "./hedgePlan";
import { ladderLayout, readLadderInputs } from "./ladderPlan";
import type { BlockKind } from "./blockName";
import { stressLayout } from "./stressPlan";
import type { FieldErrors } from "./types";

/** One input cell's new content (anchor-relative); a string starting with "=" is a formula. */
export interface CellEdit {
  row: number;
  col: number;
  label: string;
  value: number | string;
}

export type EditPlan = { ok: true; edits: CellEdit[] } | { ok: false; errors: FieldErrors };

/**
 * The edits for a block of `kind` from the form `values`; a ladder's `layers` is the number of
 * layer rows the block has (the edit cannot add or remove rows: that needs a rebuild), and
 * `variant` "hedge" says it is a VIX_HEDGE block; a stress block's `layers` is its hedge rows.
 */
export function planInputEdits(kind: BlockKind, values: FormValues, layers = 0, variant?: "hedge"): EditPlan {
  if (kind === "stress") return stressEdits(values, layers);
  if (kind === "ladder" && variant === "hedge") return hedgeEdits(values, layers);
  if (kind === "condor") {
    const read = readCondorInputs(values);
    if (!read.inputs) return { ok: false, errors: read.errors };
    const x = read.inputs;
    const I = CONDOR_LAYOUT.input;
    const V = CONDOR_LAYOUT.valueCol;
    const rows: Array<[keyof typeof I, string, number]> = [
      ["spot", "Spot", x.spot],
      ["days", "Days to expiry", x.days],
      ["putVol", "Put-side vol", x.putVol],
      ["callVol", "Call-side vol", x.callVol],
      ["rate", "Rate", x.rate],
      ["yield", "Dividend yield", x.yield],
      ["quantity", "Quantity (condors)", x.quantity],
      ["multiplier", "Multiplier", x.multiplier],
    ];
    return { ok: true, edits: rows.map(([name, label, value]) => ({ row: I[name], col: V, label, value })) };
  }
  const read = readLadderInputs(values);
  if (!read.inputs) return { ok: false, errors: read.errors };
  const x = read.inputs;
  if (x.layers.length !== layers) {
    return { ok: false, errors: { days1: `The block has ${layers} layer rows and the form ${x.layers.length}: Rebuild to change the number of layers` } };
  }
  const L = ladderLayout(layers);
  const edits: CellEdit[] = [
    { row: L.input.positionVega, col: 1, label: "Position $ vega", value: x.positionVega },
    { row: L.input.positionDays, col: 1, label: "Position days", value: x.positionDays },
    { row: L.input.vixSpot, col: 1, label: "VIX spot", value: x.vixSpot },
    { row: L.input.multiplier, col: 1, label: "Futures multiplier", value: x.multiplier },
  ];
  x.layers.forEach((layer, i) => {
    edits.push(
      { row: L.firstLayer + i, col: 1, label: `Layer ${i + 1} days`, value: layer.days },
      { row: L.firstLayer + i, col: 2, label: `Layer ${i + 1} future price`, value: layer.price },
      { row: L.firstLayer + i, col: 3, label: `Layer ${i + 1} weight`, value: layer.weight },
    );
  });
  return { ok: true, edits };
}

/** A VIX_HEDGE block's input cells: vega, days, VIX spot, and per layer its seven cells and the delta note. */
function hedgeEdits(values: FormValues, layers: number): EditPlan {
  const read = readLadderInputs(values);
  const x = read.inputs;
  const f = new FieldReader(values);
  const rate = readLadderRate(f);
  const instruments = Array.from({ length: x?.layers.length ?? 0 }, (_, i) =>
    readLayerInstrument(f, values, i + 1, x!.layers[i].days, x!.layers[i].price, x!.multiplier, rate),
  );
  const errors = { ...f.errors, ...read.errors };
  if (!x || Object.keys(errors).length) return { ok: false, errors };
  if (x.layers.length !== layers) {
    return { ok: false, errors: { days1: `The block has ${layers} layer rows and the form ${x.layers.length}: Rebuild to change the number of layers` } };
  }
  const L = hedgeLayout(layers);
  const edits: CellEdit[] = [
    { row: L.input.positionVega, col: 1, label: "Position $ vega", value: x.positionVega },
    { row: L.input.positionDays, col: 1, label: "Position days", value: x.positionDays },
    { row: L.input.vixSpot, col: 1, label: "VIX spot", value: x.vixSpot },
    { row: L.input.rate, col: 1, label: "Rate (options)", value: rate },
  ];
  x.layers.forEach((layer, i) => {
    const inst = instruments[i];
    const r = L.firstLayer + i;
    const n = `Layer ${i + 1}`;
    edits.push(
      { row: r, col: 1, label: `${n} instrument`, value: inst.instrument },
      { row: r, col: 2, label: `${n} days`, value: layer.days },
      { row: r, col: 3, label: `${n} price`, value: layer.price },
      { row: r, col: 4, label: `${n} strike`, value: inst.strike ?? "" },
      { row: r, col: 5, label: `${n} vol / leverage`, value: inst.volOrLeverage ?? "" },
      { row: r, col: 6, label: `${n} weight`, value: layer.weight },
      { row: r, col: 7, label: `${n} note`, value: inst.delta !== undefined ? `strike for delta ${inst.delta} (Black-76)` : "" },
    );
  });
  return { ok: true, edits };
}

/** A stress block's six input cells (its legs, hedge rows and moves are edited in the sheet). */
function stressEdits(values: FormValues, hedgeRows: number): EditPlan {
  const f = new FieldReader(values);
  const spot = f.number("spot", "Spot", [rule.positive]);
  const daysForward = f.number("daysForward", "Days forward", [rule.nonNegative], 0);
  const multiplier = f.number("multiplier", "Leg multiplier", [rule.positive]);
  const vixText = f.text("vixSpot");
  const vixSpot = vixText === "" && hedgeRows === 0 ? "" : f.number("vixSpot", "VIX spot", [rule.positive]);
  const rate = f.number("rate", "Rate", [rule.rate], 0);
  const yield_ = f.number("yield", "Dividend yield", [rule.rate], 0);
  if (!f.ok) return { ok: false, errors: f.errors };
  const I = stressLayout(hedgeRows).input;
  return {
    ok: true,
    edits: [
      { row: I.spot, col: 1, label: "Spot", value: spot },
      { row: I.daysForward, col: 1, label: "Days forward", value: daysForward },
      { row: I.multiplier, col: 1, label: "Leg multiplier", value: multiplier },
      { row: I.vixSpot, col: 1, label: "VIX spot", value: vixSpot },
      { row: I.rate, col: 1, label: "Rate", value: rate },
      { row: I.yield, col: 1, label: "Dividend yield", value: yield_ },
    ],
  };
}
