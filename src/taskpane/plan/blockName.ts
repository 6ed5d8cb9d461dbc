/**
 * How a block SHIELD wrote is recognised later (to read it back into the form), pure:
 *
 * - the writer adds a workbook-level NAMED RANGE over the block, `SHIELD_<kind>_<sheet>_<cell>`
 *   (e.g. `SHIELD_condor_Sheet1_B2`), whose comment is a small JSON marker
 *   `{"shield":1,"kind":"condor","built":"<ISO time>"}`. A name follows the block when rows or
 *   columns are inserted above it or the block is cut and pasted, and it is visible to the user
 *   (Formulas > Name Manager), who can delete it to make the block a plain range again;
 * - the block's title cell (its first cell) must still hold the planner's title: a block whose
 *   title was overwritten is not SHIELD's any more and is not read.
 *
 * When several named blocks contain the selected cell (a block built over part of an older
 * one), the most recently built wins.
 */

export type BlockKind = "condor" | "ladder" | "stress";
/** Every kind of block the writer names (all of them are read back). */
export type WrittenKind = BlockKind;

/** The title each planner writes in the block's first cell. */
export const BLOCK_TITLES: Record<BlockKind, string> = {
  condor: "SHIELD iron condor",
  ladder: "SHIELD VIX hedge ladder (ALVH)",
  stress: "SHIELD stress (STRESS)",
};

/** The title of a ladder block with an instrument per layer (=SHIELD.VIX_HEDGE); its marker's kind is "ladder". */
export const HEDGE_TITLE = "SHIELD VIX hedge (VIX_HEDGE)";

export const NAME_PREFIX = "SHIELD_";

/** The name of a block of `kind` anchored at `cell` (A1, no $) on `sheet`. */
export function blockName(kind: WrittenKind, sheet: string, cell: string): string {
  const safeSheet = sheet.replace(/[^A-Za-z0-9_]/g, "_");
  return `${NAME_PREFIX}${kind}_${safeSheet}_${cell.replace(/\$/g, "")}`.slice(0, 255);
}

export interface BlockMarker {
  shield: 1;
  kind: BlockKind;
  /** When it was built (ISO 8601). */
  built: string;
}

export function markerComment(kind: WrittenKind, built: Date): string {
  const marker: Omit<BlockMarker, "kind"> & { kind: WrittenKind } = { shield: 1, kind, built: built.toISOString() };
  return JSON.stringify(marker);
}

/** The marker in a name's comment, or undefined when it is not one of SHIELD's. */
export function parseMarker(name: string, comment: string | undefined): BlockMarker | undefined {
  if (!name.startsWith(NAME_PREFIX)) return undefined;
  try {
    const m = JSON.parse(comment ?? "") as Partial<BlockMarker>;
    if (m && m.shield === 1 && (m.kind === "condor" || m.kind === "ladder" || m.kind === "stress") && typeof m.built === "string") return m as BlockMarker;
  } catch {
    // Not JSON: a name someone else made with our prefix.
  }
  return undefined;
}
