/** Number formats the blocks use (Excel format codes; the preview formats the same codes). */
export const FMT = {
  price: "0.00",
  /** Strikes and the payoff grid's prices on a whole-number strike grid (SPX: 4670, not 4670.00). */
  strike: "0",
  greek: "0.0000",
  probability: "0.0%",
  vol: "0.0%",
  rate: "0.00%",
  dollars: "#,##0.00",
  /** Whole dollars (the stress grid). */
  wholeDollars: "#,##0",
  /** Position quantities that are not dollars (deltas in units of the underlying). */
  units: "#,##0.00",
  unitsFine: "#,##0.0000",
  /** Futures contracts (unrounded). */
  contracts: "#,##0.00",
  whole: "0",
  general: "General",
} as const;

/**
 * Per-unit greeks, in GREEK_HEADERS order (credit, delta, gamma, theta, vega, rho, vanna, charm,
 * vomma): enough decimals for three or four significant digits at the sizes an SPX condor has
 * (gamma -0.000357, charm 0.000137 per unit at 30 days), where "0.0000" showed -0.0004 and 0.0001.
 */
export const GREEK_UNIT_FORMATS = ["0.00", "0.00000", "0.0000000", "0.0000", "0.0000", "0.00000", "0.0000000", "0.0000000", "0.00000"];

/** Position greeks (x quantity x multiplier): dollars with separators, deltas in units. */
export const GREEK_POSITION_FORMATS = [FMT.dollars, FMT.units, FMT.unitsFine, FMT.dollars, FMT.dollars, FMT.dollars, FMT.unitsFine, FMT.unitsFine, FMT.dollars];

/** What each position greek is measured in, shown under the position row. */
export const GREEK_POSITION_UNITS = ["$", "units", "units / pt", "$ / day", "$ / vol pt", "$ / rate pt", "units / vol pt", "units / day", "$ vega / vol pt"];

/** The format of strikes on a grid of `increment`: whole numbers when the grid is. */
export function strikeFormat(increment: number): string {
  return Number.isInteger(increment) ? FMT.strike : FMT.price;
}
