/**
 * Custom functions of SPEC.md's "Market signals" section: a series in (a column or a row),
 * a series out with the same length and orientation. Warm-up cells are #N/A (so charts skip
 * them); trailing blank cells of the input (a range selected longer than filled) come back
 * blank. Each function is a thin adapter: read the cells, call the core, lay the result out.
 */
import { InputError, NoSolutionError } from "../core/errors";
import { adLine, ema, type Indicator, macd, ohlcVol, parseVolMethod, realizedVol, rsi } from "../core/signals";
import { type CellValue, isOmitted, matrix, notAvailable, num, optName, optNum, type Series, toExcelError, unwrap } from "./excel";

/** A series read from Excel: its numbers, and the range it came in (to shape the output). */
interface ReadSeries {
  /** The numbers, up to the last non-blank cell (a view of a buffer `cells` long). */
  data: Float64Array;
  /** Number of cells in the range (data.length plus trailing blanks). */
  cells: number;
  orientation: Series["orientation"];
  /** 0-based index of the first blank cell, or -1: a blank before `data.length` is an error. */
  firstBlank: number;
}

const blankInside = (name: string, i: number, v: unknown) =>
  new InputError(name, `must be a number at row ${i + 1} (only cells after the last value may be blank)`, v);

/**
 * One pass over a 1-D range (a single row or a single column; a 1x1 counts as a column): the
 * numbers go straight into a Float64Array, trailing blanks are counted off. "is required" when
 * the argument is omitted; a 2-D block, or text among the numbers, is an InputError naming it.
 * A blank among the numbers is left to the caller (see `firstBlank`), which knows how many rows
 * are in use (a table's rows run to its longest series).
 */
function scan(name: string, value: unknown): ReadSeries {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  const m = matrix(value);
  const isRow = m.length === 1 && m[0].length > 1;
  const cells = isRow ? m[0].length : m.length;
  const buffer = new Float64Array(cells);
  let last = -1;
  let firstBlank = -1;
  for (let i = 0; i < cells; i++) {
    let v: CellValue;
    if (isRow) v = m[0][i];
    else {
      const row = m[i];
      if (row.length !== 1) throw new InputError(name, "must be a single row or a single column", `a ${m.length}x${m[0]?.length ?? 0} range`);
      v = row[0];
    }
    if (typeof v === "number" && v - v === 0) {
      buffer[i] = v;
      last = i;
    } else if (isOmitted(v)) {
      if (firstBlank < 0) firstBlank = i;
    } else if (firstBlank >= 0) {
      throw blankInside(name, firstBlank, m[isRow ? 0 : firstBlank][isRow ? firstBlank : 0]);
    } else {
      throw new InputError(name, `must be a number at row ${i + 1}`, v);
    }
  }
  return { data: buffer.subarray(0, last + 1), cells, orientation: isRow ? "row" : "column", firstBlank };
}

/** The blank cell at `s.firstBlank`, if it lies within the first `length` rows, is an error. */
function checkBlanks(name: string, s: ReadSeries, length: number, value: unknown): void {
  if (s.firstBlank >= 0 && s.firstBlank < length) {
    const m = matrix(value);
    throw blankInside(name, s.firstBlank, s.orientation === "row" ? m[0][s.firstBlank] : m[s.firstBlank][0]);
  }
}

/** One series argument: trailing blanks dropped, at least one number required. */
function readSeries(name: string, value: unknown): ReadSeries {
  const s = scan(name, value);
  if (s.data.length === 0) throw new InputError(name, "must hold at least one number", "");
  checkBlanks(name, s, s.data.length, value);
  return s;
}

/**
 * Several series that describe the same rows (open/high/low/close, advances/declines): ranges
 * of the same size, read up to the last row where any of them has a value.
 */
function readTable(names: readonly string[], values: readonly unknown[]): ReadSeries[] {
  const all = names.map((name, j) => scan(name, values[j]));
  const cells = all[0].cells;
  let length = 0;
  for (let j = 0; j < all.length; j++) {
    if (all[j].cells !== cells) throw new InputError(names[j], `must have as many cells as ${names[0]} (${cells})`, all[j].cells);
    length = Math.max(length, all[j].data.length);
  }
  if (length === 0) throw new InputError(names[0], "must hold at least one number", "");
  for (let j = 0; j < all.length; j++) {
    const s = all[j];
    checkBlanks(names[j], s, length, values[j]);
    s.orientation = all[0].orientation;
  }
  return all;
}

/**
 * Lays one indicator out like its input, in one pass: #N/A before `begin`, numbers, then blanks.
 * A value that is not finite (never expected from the core) makes the whole result #NUM!.
 */
function layout(fn: string, input: ReadSeries, result: Indicator, label: string): any[][] {
  const na = notAvailable(fn, `warm-up row: ${label} has its first value at row ${result.begin + 1}`);
  const filled = input.data.length;
  const cells = input.cells;
  const begin = Math.min(result.begin, filled);
  const values = result.values;
  const isRow = input.orientation === "row";
  const out = new Array<any>(cells);
  for (let i = 0; i < begin; i++) out[i] = isRow ? na : [na];
  for (let i = begin; i < filled; i++) {
    const v = values[i];
    if (!(v - v === 0)) throw notFinite();
    out[i] = isRow ? v : [v];
  }
  for (let i = filled; i < cells; i++) out[i] = isRow ? "" : [""];
  return isRow ? [out] : out;
}

const notFinite = () => new NoSolutionError("the result is not a finite number for these inputs");

/**
 * Runs a signal's body, mapping a failure to its Excel error. (Not excelCall: the layout checks
 * each number as it writes it, so no second walk over the result is needed.)
 */
function signalCall(fn: string, body: () => any[][]): any[][] {
  try {
    return body();
  } catch (error) {
    throw toExcelError(fn, error);
  }
}

/**
 * Exponential moving average, seeded by the simple average of the first `period` values (TA-Lib's EMA).
 * @customfunction EMA
 * @helpurl https://localhost:3000/functions.html#ema
 * @param {any[][]} prices A column or row of values (any sign).
 * @param {any} period Number of values in the average, a whole number (k = 2 / (period + 1)).
 * @returns {any[][]} The EMA in the shape of prices; #N/A for the first period - 1 rows.
 */
export function EMA(prices: any[][], period: any): any[][] {
  return signalCall("EMA", () => {
    const input = readSeries("prices", prices);
    const p = num("period", period);
    return layout("EMA", input, ema(input.data, p), `EMA(${p})`);
  });
}

/**
 * Wilder's relative strength index, 0 to 100 (TA-Lib's RSI).
 * @customfunction RSI
 * @helpurl https://localhost:3000/functions.html#rsi
 * @param {any[][]} prices A column or row of values (any sign).
 * @param {any} [period] Number of changes averaged, a whole number (default 14).
 * @returns {any[][]} The RSI in the shape of prices; #N/A for the first period rows.
 */
export function RSI(prices: any[][], period?: any): any[][] {
  return signalCall("RSI", () => {
    const input = readSeries("prices", prices);
    const p = optNum("period", period, 14);
    return layout("RSI", input, rsi(input.data, p), `RSI(${p})`);
  });
}

/**
 * MACD line, signal line and histogram, aligned as TA-Lib aligns them.
 * @customfunction MACD
 * @helpurl https://localhost:3000/functions.html#macd
 * @param {any[][]} prices A column or row of values (any sign).
 * @param {any} [fast] Fast EMA period (default 12).
 * @param {any} [slow] Slow EMA period (default 26).
 * @param {any} [signal] Signal EMA period (default 9).
 * @returns {any[][]} For a column, n rows of macd, signal, histogram; for a row, 3 rows (macd, signal, histogram) of n.
 */
export function MACD(prices: any[][], fast?: any, slow?: any, signal?: any): any[][] {
  return signalCall("MACD", () => {
    const input = readSeries("prices", prices);
    const f = optNum("fast", fast, 12);
    const s = optNum("slow", slow, 26);
    const g = optNum("signal", signal, 9);
    const result = macd(input.data, f, s, g);
    const na = notAvailable("MACD", `warm-up row: MACD(${f},${s},${g}) has its first value at row ${result.begin + 1}`);
    const filled = input.data.length;
    const cells = input.cells;
    const begin = Math.min(result.begin, filled);
    const { macd: a, signal: b, histogram: c } = result;
    for (let i = begin; i < filled; i++) if (!(a[i] - a[i] === 0 && b[i] - b[i] === 0 && c[i] - c[i] === 0)) throw notFinite();
    if (input.orientation === "row") {
      const rows = [new Array<any>(cells), new Array<any>(cells), new Array<any>(cells)];
      const lines = [a, b, c];
      for (let k = 0; k < 3; k++) {
        const row = rows[k];
        const line = lines[k];
        for (let i = 0; i < begin; i++) row[i] = na;
        for (let i = begin; i < filled; i++) row[i] = line[i];
        for (let i = filled; i < cells; i++) row[i] = "";
      }
      return rows;
    }
    const out = new Array<any[]>(cells);
    for (let i = 0; i < begin; i++) out[i] = [na, na, na];
    for (let i = begin; i < filled; i++) out[i] = [a[i], b[i], c[i]];
    for (let i = filled; i < cells; i++) out[i] = ["", "", ""];
    return out;
  });
}

/**
 * The market-breadth advance-decline line: running sum of advances - declines.
 * @customfunction AD_LINE
 * @helpurl https://localhost:3000/functions.html#ad_line
 * @param {any[][]} advances A column or row of advancing issues (or volume) per session.
 * @param {any[][]} declines Declining issues (or volume), same size as advances.
 * @returns {any[][]} The cumulative net advances, in the shape of advances.
 */
export function AD_LINE(advances: any[][], declines: any[][]): any[][] {
  return signalCall("AD_LINE", () => {
    const [adv, dec] = readTable(["advances", "declines"], [advances, declines]);
    return layout("AD_LINE", adv, { begin: 0, values: adLine(adv.data, dec.data) }, "AD_LINE");
  });
}

/**
 * Rolling annualized close-to-close volatility (sample standard deviation of log returns).
 * @customfunction REALIZED_VOL
 * @helpurl https://localhost:3000/functions.html#realized_vol
 * @param {any[][]} closes A column or row of closing prices (> 0).
 * @param {any} [window] Number of log returns in the window (default 20).
 * @param {any} [periodsPerYear] Bars per year for annualizing (default 252).
 * @returns {any[][]} The volatility as a decimal in the shape of closes; #N/A for the first window rows.
 */
export function REALIZED_VOL(closes: any[][], window?: any, periodsPerYear?: any): any[][] {
  return signalCall("REALIZED_VOL", () => {
    const input = readSeries("closes", closes);
    const w = optNum("window", window, 20);
    const result = realizedVol(input.data, w, optNum("periodsPerYear", periodsPerYear, 252));
    return layout("REALIZED_VOL", input, result, `REALIZED_VOL(${w})`);
  });
}

/**
 * Rolling annualized volatility from open/high/low/close bars (Parkinson, Garman-Klass, Rogers-Satchell or Yang-Zhang).
 * @customfunction OHLC_VOL
 * @helpurl https://localhost:3000/functions.html#ohlc_vol
 * @param {any[][]} open Opening prices, a column or row.
 * @param {any[][]} high High prices, same size as open.
 * @param {any[][]} low Low prices, same size as open.
 * @param {any[][]} close Closing prices, same size as open.
 * @param {any} [window] Number of bars in the window (default 20).
 * @param {any} [method] parkinson, garman-klass, rogers-satchell or yang-zhang (default).
 * @param {any} [periodsPerYear] Bars per year for annualizing (default 252).
 * @returns {any[][]} The volatility as a decimal in the shape of open; #N/A for the first window rows.
 */
export function OHLC_VOL(open: any[][], high: any[][], low: any[][], close: any[][], window?: any, method?: any, periodsPerYear?: any): any[][] {
  return signalCall("OHLC_VOL", () => {
    const [o, h, l, c] = readTable(["open", "high", "low", "close"], [open, high, low, close]);
    const w = optNum("window", window, 20);
    // An empty cell may arrive as 0: for `method` that means the default, Yang-Zhang.
    const m = parseVolMethod(optName("method", method, "yang-zhang"));
    const result = ohlcVol(o.data, h.data, l.data, c.data, w, m, optNum("periodsPerYear", periodsPerYear, 252));
    return layout("OHLC_VOL", o, result, `OHLC_VOL(${w}, ${m})`);
  });
}
