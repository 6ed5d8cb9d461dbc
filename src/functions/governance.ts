/**
 * Custom functions of SPEC.md's "Recalibration and hedge governance" section: HEDGE_SOLVE,
 * the decision signals CROSS, ZONE, TREND and SIGNAL_QUORUM, and IV_RANK / IV_PERCENTILE.
 * Thin adapters: read Excel's cells (excel.ts), call the core (core/governance), lay the result
 * out like its input.
 *
 * The signals are built to be chained in the sheet: an #N/A cell in their input (an
 * indicator's warm-up row, e.g. MACD's histogram or RSI) is read as "no value yet" and comes
 * out as #N/A in that row (SIGNAL_QUORUM counts it as a 0 vote). Any other error value, text or
 * a blank cell before the last value is #VALUE! naming its row. Trailing blank cells (a range
 * selected longer than filled) come back blank.
 */
import { excelErrorCode, InputError } from "../core/errors";
import { cross, hedgeSolve, ivPercentile, ivRank, signalQuorum, trend, zone } from "../core/governance";
import type { Indicator } from "../core/signals";
import { type CellValue, excelCall, isOmitted, matrix, maybeNum, notAvailable, num, series, type Series, shaped, unwrap, usedLength } from "./excel";

/** A series read from Excel: values (NaN for an #N/A cell when allowed) and the range's layout. */
interface Cells {
  values: Float64Array;
  /** Number of cells in the range (values.length plus trailing blanks). */
  cells: number;
  orientation: Series["orientation"];
}

const isNotAvailable = (cell: unknown) => excelErrorCode(cell) === "#N/A";

/** The cells of a 1-D range argument; "is required" when omitted. */
function cellsOf(name: string, value: unknown): Series {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  return series(name, value);
}

/** Numbers of one cell list up to `length`; #N/A -> NaN when `allowNa`, anything else non-numeric an InputError naming its row. */
function numbers(name: string, cells: CellValue[], length: number, allowNa: boolean): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v: unknown = cells[i];
    if (typeof v === "number" && Number.isFinite(v)) out[i] = v;
    else if (allowNa && isNotAvailable(v)) out[i] = Number.NaN;
    else {
      const rule = allowNa ? "must be a number or #N/A (a warm-up row)" : "must be a number";
      const tail = isOmitted(v) ? " (only cells after the last value may be blank)" : "";
      throw new InputError(name, `${rule} at row ${i + 1}${tail}`, v);
    }
  }
  return out;
}

/** One series argument, trailing blanks dropped; at least one value required. */
function readCells(name: string, value: unknown, allowNa: boolean): Cells {
  const s = cellsOf(name, value);
  const length = usedLength(s.values);
  if (length === 0) throw new InputError(name, "must hold at least one value", "");
  return { values: numbers(name, s.values, length, allowNa), cells: s.values.length, orientation: s.orientation };
}

/** Lays a result out like its input: `cell(i)` for the filled rows, blanks after. */
function layout(input: Cells, cell: (i: number) => unknown): any[][] {
  const out = new Array<unknown>(input.cells);
  for (let i = 0; i < input.cells; i++) out[i] = i < input.values.length ? cell(i) : "";
  return shaped(out, input.orientation);
}

/** An Indicator laid out like its input: #N/A before `begin`. */
function layoutIndicator(fn: string, input: Cells, result: Indicator, label: string): any[][] {
  const first = result.begin + 1;
  const na = notAvailable(
    fn,
    `warm-up row: ${label} has its first value at row ${first}${first > input.values.length ? ` (the series has ${input.values.length})` : ""}`,
  );
  return layout(input, (i) => (i < result.begin ? na : result.values[i]));
}

/**
 * The quantities of k hedge instruments that bring a position's greeks to zero: position + q' G = 0.
 * @customfunction HEDGE_SOLVE
 * @helpurl https://localhost:3000/functions.html#hedge_solve
 * @param {any[][]} positionGreeks The position's m greeks, a 1 x m row (e.g. delta, gamma, vega).
 * @param {any[][]} instrumentGreeks A k x m range: one row per instrument, its greeks per unit in the same columns.
 * @returns {any[][]} A k x 1 column of quantities (+ buy, - sell): exact when k = m, minimum-norm when k > m, least squares when k < m.
 */
export function HEDGE_SOLVE(positionGreeks: any[][], instrumentGreeks: any[][]): any[][] {
  return excelCall("HEDGE_SOLVE", () => {
    const position = readCells("positionGreeks", positionGreeks, false);
    const m = position.values.length;
    if (isOmitted(unwrap(instrumentGreeks))) throw new InputError("instrumentGreeks", "is required", unwrap(instrumentGreeks));
    const rows = matrix(instrumentGreeks);
    const k = usedLength(rows, (row) => row.every((c) => isOmitted(c)));
    if (k === 0) throw new InputError("instrumentGreeks", "must hold at least one instrument (one row each)", "");
    const greeks = rows.slice(0, k).map((row, i) => {
      if (row.length !== m) {
        throw new InputError("instrumentGreeks", `must be ${m} columns wide, one per greek of positionGreeks`, `a ${rows.length}x${row.length} range`);
      }
      return row.map((c, j) => {
        if (typeof c === "number" && Number.isFinite(c)) return c;
        const hint = isOmitted(c) ? " (enter 0 for a greek the instrument does not have)" : "";
        throw new InputError("instrumentGreeks", `must be a number at row ${i + 1}, column ${j + 1}${hint}`, c);
      });
    });
    const { quantities } = hedgeSolve(Array.from(position.values), greeks);
    return rows.map((_, i) => [i < k ? quantities[i] : ""]);
  });
}

/**
 * +1 where series crosses above other, -1 where it crosses below, 0 otherwise (a change of strict side).
 * @customfunction CROSS
 * @helpurl https://localhost:3000/functions.html#cross
 * @param {any[][]} series A column or row of values; #N/A cells (warm-up) pass through.
 * @param {any[][]} other A series of the same size, or one number (e.g. 0 for a MACD histogram).
 * @returns {any[][]} +1/-1/0 in the shape of series; #N/A where either has no value and on the first row with values.
 */
export function CROSS(series: any[][], other: any[][]): any[][] {
  return excelCall("CROSS", () => {
    const s = cellsOf("series", series);
    const o = cellsOf("other", other);
    let level: number | undefined;
    let length: number;
    let otherValues: Float64Array | undefined;
    if (o.values.length === 1 && s.values.length > 1) {
      length = usedLength(s.values);
      level = numbers("other", o.values, 1, true)[0];
    } else {
      if (o.values.length !== s.values.length) {
        throw new InputError("other", `must be one number or a range with as many cells as series (${s.values.length})`, `${o.values.length} cells`);
      }
      length = Math.max(usedLength(s.values), usedLength(o.values));
      otherValues = numbers("other", o.values, length, true);
    }
    if (length === 0) throw new InputError("series", "must hold at least one value", "");
    const input: Cells = { values: numbers("series", s.values, length, true), cells: s.values.length, orientation: s.orientation };
    const result = cross(input.values, otherValues ?? (level as number));
    const missing = notAvailable("CROSS", "no value on this row: series or other is #N/A (warm-up)");
    const first = notAvailable("CROSS", "first row with values: a cross needs an earlier row to compare with");
    const otherAt = (i: number) => (otherValues ? otherValues[i] : (level as number));
    return layout(input, (i) => (Number.isNaN(result[i]) ? (Number.isNaN(input.values[i]) || Number.isNaN(otherAt(i)) ? missing : first) : result[i]));
  });
}

/**
 * +1 above upper, -1 below lower, 0 between (bounds included), per row.
 * @customfunction ZONE
 * @helpurl https://localhost:3000/functions.html#zone
 * @param {any[][]} series A column or row of values (e.g. an RSI); #N/A cells pass through.
 * @param {any} lower The lower bound (e.g. 30).
 * @param {any} upper The upper bound, at least lower (e.g. 70).
 * @returns {any[][]} +1/-1/0 in the shape of series; #N/A where series is #N/A.
 */
export function ZONE(series: any[][], lower: any, upper: any): any[][] {
  return excelCall("ZONE", () => {
    const input = readCells("series", series, true);
    const result = zone(input.values, num("lower", lower), num("upper", upper));
    const na = notAvailable("ZONE", "no value on this row: series is #N/A (warm-up)");
    return layout(input, (i) => (Number.isNaN(result[i]) ? na : result[i]));
  });
}

/**
 * The sign (+1, 0, -1) of series[i] - series[i - period], per row.
 * @customfunction TREND
 * @helpurl https://localhost:3000/functions.html#trend
 * @param {any[][]} series A column or row of values (e.g. an A/D line); #N/A cells pass through.
 * @param {any} period Rows to look back, a whole number of 1 or more.
 * @returns {any[][]} +1/0/-1 in the shape of series; #N/A for the first period rows and where a value is #N/A.
 */
export function TREND(series: any[][], period: any): any[][] {
  return excelCall("TREND", () => {
    const input = readCells("series", series, true);
    const p = num("period", period);
    const result = trend(input.values, p);
    const warm = notAvailable("TREND", `warm-up row: TREND(${p}) has its first value at row ${p + 1}`);
    const missing = notAvailable("TREND", `no value on this row: series is #N/A on it or ${p} row(s) before`);
    return layout(input, (i) => (i < p ? warm : Number.isNaN(result[i]) ? missing : result[i]));
  });
}

/**
 * Per row +1 / -1 when at least k signals agree, else 0, held until a new result persists for persist rows.
 * @customfunction SIGNAL_QUORUM
 * @helpurl https://localhost:3000/functions.html#signal_quorum
 * @param {any[][]} votes An n x m range of -1/0/+1 (rows = time, columns = signals); #N/A counts as 0.
 * @param {any} [k] Votes needed on one side, 1 to m (default a majority, floor(m/2) + 1).
 * @param {any} [persist] Rows a new result must hold before the state changes (default 1).
 * @returns {any[][]} An n x 1 column of the state: +1, 0 or -1.
 */
export function SIGNAL_QUORUM(votes: any[][], k?: any, persist?: any): any[][] {
  return excelCall("SIGNAL_QUORUM", () => {
    if (isOmitted(unwrap(votes))) throw new InputError("votes", "is required", unwrap(votes));
    const rows = matrix(votes);
    const n = usedLength(rows, (row) => row.every((c) => isOmitted(c)));
    if (n === 0) throw new InputError("votes", "must hold at least one row of votes", "");
    const table = rows.slice(0, n).map((row, t) =>
      row.map((c: unknown, j) => {
        if (typeof c === "number") return c; // the core checks -1/0/+1
        if (isNotAvailable(c)) return Number.NaN;
        throw new InputError("votes", `must be -1, 0 or +1 (#N/A counts as 0) at row ${t + 1}, column ${j + 1}`, c);
      }),
    );
    const state = signalQuorum(table, maybeNum("k", k), maybeNum("persist", persist));
    return rows.map((_, t) => [t < n ? state[t] : ""]);
  });
}

/**
 * IV rank per row: (iv - min) / (max - min) over the last lookback rows, it included; 0.5 when max = min.
 * @customfunction IV_RANK
 * @helpurl https://localhost:3000/functions.html#iv_rank
 * @param {any[][]} ivSeries A column or row of implied vols (or any level: VIX, 25 or 0.25 alike).
 * @param {any} [lookback] Rows in the window, a whole number of 2 or more (default 252, a year of sessions).
 * @returns {any[][]} The rank in [0, 1] in the shape of ivSeries; #N/A for the first lookback - 1 rows.
 */
export function IV_RANK(ivSeries: any[][], lookback?: any): any[][] {
  return excelCall("IV_RANK", () => {
    const input = readCells("ivSeries", ivSeries, false);
    const l = maybeNum("lookback", lookback) ?? 252;
    return layoutIndicator("IV_RANK", input, ivRank(input.values, l), `IV_RANK(${l})`);
  });
}

/**
 * IV percentile per row: the fraction of the previous lookback rows (it excluded) whose iv is below the current one.
 * @customfunction IV_PERCENTILE
 * @helpurl https://localhost:3000/functions.html#iv_percentile
 * @param {any[][]} ivSeries A column or row of implied vols (or any level).
 * @param {any} [lookback] Rows of history compared, a whole number of 2 or more (default 252).
 * @returns {any[][]} The fraction in [0, 1] in the shape of ivSeries; #N/A for the first lookback rows.
 */
export function IV_PERCENTILE(ivSeries: any[][], lookback?: any): any[][] {
  return excelCall("IV_PERCENTILE", () => {
    const input = readCells("ivSeries", ivSeries, false);
    const l = maybeNum("lookback", lookback) ?? 252;
    return layoutIndicator("IV_PERCENTILE", input, ivPercentile(input.values, l), `IV_PERCENTILE(${l})`);
  });
}
