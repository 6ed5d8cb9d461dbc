/**
 * Reading a block back into its builder's form, pure: the block's cell values (and formulas),
 * as Excel's Range.values / Range.formulas give them from its first cell, -> the form's field
 * values. The inputs are read from the cells the planners wrote them to (CONDOR_LAYOUT,
 * ladderLayout), as they are NOW: a user who edited the spot cell gets the edited spot. The
 * condor's build-time choices (short delta, wing width, strike increment) come from the
 * "Built at" row.
 */
import { BLOCK_TITLES, type BlockKind } from "./blockName";
import { CONDOR_LAYOUT } from "./condorPlan";
import type { FormValues } from "./fields";
import { ladderLayout, MAX_LAYERS } from "./ladderPlan";

export type ReadBack =
  { ok: true; kind: BlockKind; values: FormValues; layers: Array<{ days: string; price: string; weight: string }> } | { ok: false; message: string };

type Cells = ReadonlyArray<ReadonlyArray<unknown>>;

const text = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v).trim());

/** Reads the block of `kind` whose cells (from its first cell) are `values` / `formulas`. */
export function readBlock(kind: BlockKind, values: Cells, formulas: Cells = values): ReadBack {
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
  const layers: Array<{ days: string; price: string; weight: string }> = [];
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
