/**
 * "Edit in place" for a block read back: the form's values -> new contents for the block's
 * INPUT cells only (spot, days, vols, quantity...; for a ladder its vega, days, VIX spot,
 * multiplier and the curve), so that its strikes, credit and formulas stay as they are and
 * recalculate. Pure: the writer (writer.ts writeEdits) applies the edits after confirmation.
 */
import { CONDOR_LAYOUT, readCondorInputs } from "./condorPlan";
import type { FormValues } from "./fields";
import { ladderLayout, readLadderInputs } from "./ladderPlan";
import type { BlockKind } from "./blockName";
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
 * layer rows the block has (the edit cannot add or remove rows: that needs a rebuild).
 */
export function planInputEdits(kind: BlockKind, values: FormValues, layers = 0): EditPlan {
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
