/**
 * What a builder plans: a block of cells relative to an anchor (the selected cell), pure data.
 * The writer (writer.ts) renders it at the anchor with Excel's API; the preview (preview.ts)
 * evaluates it with the functions bundle; the tests evaluate it in HyperFormula.
 */
import type { Expr } from "./formula";

/** How a cell looks. Mapped to Excel formats by the writer and to CSS classes by the preview. */
export type CellStyle = "title" | "section" | "header" | "label" | "input" | "output" | "note";

/** One planned cell, at (row, col) relative to the anchor (0-based). */
export interface PlanCell {
  row: number;
  col: number;
  /** A constant (number or text), or a formula (an expression rendered to `=...` at the anchor). */
  value?: number | string;
  formula?: Expr;
  /** Excel number format, e.g. "0.00"; omitted = General. */
  format?: string;
  style?: CellStyle;
  /** Set when the formula returns an array: the rows x cols it spills into (this cell first). */
  spill?: { rows: number; cols: number };
  /** For a spilled result: a number format per column of the spill (else `format` for all). */
  columnFormats?: string[];
}

/** A rectangle relative to the anchor. */
export interface PlanRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The native line chart the writer adds beside the block. */
export interface ChartSpec {
  title: string;
  /** The x axis (category) cells, one column. */
  categories: PlanRange;
  /** One series per column; `name` is also the header text above the range. */
  series: Array<{ name: string; range: PlanRange }>;
  /** The chart's source for Excel: the header row and the series columns, series by columns. */
  source: PlanRange;
  /** Where the chart sits (anchor-relative cells it covers; outside the block). */
  placement: PlanRange;
  xTitle: string;
  yTitle: string;
}

/** A block ready to be written: size, cells, spill reservations, chart, and the cells worth naming. */
export interface Plan {
  kind: "condor" | "ladder" | "stress";
  title: string;
  rows: number;
  cols: number;
  cells: PlanCell[];
  chart?: ChartSpec;
  /** Named cells a user (or the other builder) cares about, e.g. spot, positionVega. */
  keyCells: Record<string, { row: number; col: number; label: string }>;
  /** The numbers the block was built from, for the pane's views (chart, date slider). */
  model?: CondorModel;
}

/** A condor block's build-time numbers (the cells hold the same; the pane's chart reads these). */
export interface CondorModel {
  kind: "condor";
  spot: number;
  days: number;
  /** Leg vols in leg order: putLong, putShort, callShort, callLong. */
  vols: [number, number, number, number];
  rate: number;
  yield: number;
  quantity: number;
  multiplier: number;
  increment: number;
  /** putLong, putShort, callShort, callLong. */
  strikes: [number, number, number, number];
  credit: number;
  /** The payoff table's prices. */
  prices: number[];
}

/** Field id -> message. Empty when the input is valid. */
export type FieldErrors = Record<string, string>;

/** The outcome of planning: a plan, or field-level errors and no plan. */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; errors: FieldErrors };
