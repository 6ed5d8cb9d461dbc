/**
 * The thin reader: finds the SHIELD block that contains the selected cell (by the workbook names
 * the writer adds, see plan/blockName.ts) and reads its cells, in one Excel.run of two syncs that
 * only read. What the cells mean is plan/readBack.ts's job.
 */
import { splitAddress } from "./plan/a1";
import { parseMarker, type BlockKind } from "./plan/blockName";
import { readBlock, type LayerBack } from "./plan/readBack";
import type { StressInputs } from "./plan/stressPlan";
import type { FormValues } from "./plan/fields";
import type { ExcelHost } from "./writer";

export type ReadOutcome =
  | {
      status: "found";
      kind: BlockKind;
      /** The block's range and its first cell, sheet-qualified ("Sheet1!B2:K79", "Sheet1!B2"). */
      range: string;
      anchor: string;
      name: string;
      /** "hedge": a ladder block with an instrument per layer (VIX_HEDGE). */
      variant?: "hedge";
      values: FormValues;
      layers: LayerBack[];
      /** A stress block's view inputs (legs, hedge, moves). */
      stress?: StressInputs;
    }
  | { status: "none"; message: string };

/** Reads the block under the selection (see the module comment). */
export async function readSelectedBlock(excel: ExcelHost = Excel): Promise<ReadOutcome> {
  return excel.run(async (context) => {
    // --- sync 1: the selection and the workbook's names ---
    const selection = context.workbook.getSelectedRange();
    selection.load("address");
    const names = context.workbook.names;
    names.load("items"); // each name with its scalar properties (name, comment): a workbook has few
    await context.sync();

    const ours = names.items
      .map((item) => ({ item, marker: parseMarker(item.name, item.comment) }))
      .filter((x): x is { item: Excel.NamedItem; marker: NonNullable<ReturnType<typeof parseMarker>> } => x.marker !== undefined);
    if (ours.length === 0)
      return {
        status: "none",
        message: `No SHIELD block in this workbook: build one first (or select a cell of a block SHIELD wrote). Selected: ${selection.address}.`,
      };

    // --- sync 2: each block's range, whether it meets the selection, and its cells ---
    const candidates = ours.map(({ item, marker }) => {
      const range = item.getRange();
      range.load(["address", "values", "formulas"]);
      const meet = range.getIntersectionOrNullObject(selection);
      meet.load("address");
      return { item, marker, range, meet };
    });
    await context.sync();

    const hits = candidates.filter((c) => !c.meet.isNullObject).sort((a, b) => b.marker.built.localeCompare(a.marker.built));
    if (hits.length === 0) {
      return {
        status: "none",
        message: `The selection ${selection.address} is not inside a SHIELD block. Select a cell of one (${ours.length} in this workbook: Formulas > Name Manager lists them as SHIELD_...).`,
      };
    }
    const refusals: string[] = [];
    for (const hit of hits) {
      const read = readBlock(hit.marker.kind, hit.range.values, hit.range.formulas);
      if (!read.ok) {
        refusals.push(`${hit.range.address}: ${read.message}`);
        continue;
      }
      const { sheet, cell } = splitAddress(hit.range.address);
      const first = cell.split(":")[0];
      return {
        status: "found",
        kind: read.kind,
        range: hit.range.address,
        anchor: sheet === undefined ? first : `${hit.range.address.slice(0, hit.range.address.lastIndexOf("!"))}!${first}`,
        name: hit.item.name,
        values: read.values,
        layers: read.layers,
        ...(read.variant ? { variant: read.variant } : {}),
        ...(read.stress ? { stress: read.stress } : {}),
      };
    }
    return { status: "none", message: `The selection is inside a named SHIELD block that can no longer be read: ${refusals.join(" ")}` };
  });
}

/** The pane's message when reading failed in Excel itself. */
export function describeReadFailure(error: unknown): string {
  return `Excel could not read the selected block: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`;
}
