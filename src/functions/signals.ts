/**
 * Custom functions of SPEC.md's "Market signals" section: a series in (a column or a row),
 * a series out with the same length and orientation. Warm-up cells are #N/A (so charts skip
 * them); trailing blank cells of the input (a range selected longer than filled) come back
 * blank. Each function is a thin adapter: read the cells, call the core, lay the result out.
 */
import { InputError } from "../core/errors";
import { adLine, ema, type Indicator, macd, ohlcVol, parseVolMethod, realizedVol, rsi } from "../core/signals";
import { type CellValue, excelCall, isOmitted, notAvailable, num, optName, optNum, series, type Series, shaped, unwrap, usedLength } from "./excel";

/** A series read from Excel: its numbers, and the range it came in (to shape the output). */
interface ReadSeries {
  /** The numbers, up to the last non-blank cell. */
  data: Float64Array;
  /** Number of cells in the range (data.length plus trailing blanks). */
  cells: number;
  orientation: Series["orientation"];
}

/** The cells of a 1-D range argument; "is required" when the argument is omitted. */
function cellsOf(name: string, value: unknown): Series {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  return series(name, value);
}

/** The first `length` cells as numbers; a blank or text among them is an InputError naming its row. */
function numbersOf(name: string, cells: CellValue[], length: number): Float64Array {
  const data = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = cells[i];
    if (typeof v === "number" && Number.isFinite(v)) data[i] = v;
    else if (isOmitted(v)) throw new InputError(name, `must be a number at row ${i + 1} (only cells after the last value may be blank)`, v);
    else throw new InputError(name, `must be a number at row ${i + 1}`, v);
  }
  return data;
}

/** One series argument: trailing blanks dropped, at least one number required. */
function readSeries(name: string, value: unknown): ReadSeries {
  const s = cellsOf(name, value);
  const length = usedLength(s.values);
  if (length === 0) throw new InputError(name, "must hold at least one number", "");
  return { data: numbersOf(name, s.values, length), cells: s.values.length, orientation: s.orientation };
}

/**
 * Several series that describe the same rows (open/high/low/close, advances/declines): ranges
 * of the same size, read up to the last row where any of them has a value.
 */
function readTable(names: string[], values: unknown[]): ReadSeries[] {
  const all = names.map((name, j) => cellsOf(name, values[j]));
  const cells = all[0].values.length;
  all.forEach((s, j) => {
    if (s.values.length !== cells) throw new InputError(names[j], `must have as many cells as ${names[0]} (${cells})`, s.values.length);
  });
  const length = Math.max(...all.map((s) => usedLength(s.values)));
  if (length === 0) throw new InputError(names[0], "must hold at least one number", "");
  return all.map((s, j) => ({ data: numbersOf(names[j], s.values, length), cells, orientation: all[0].orientation }));
}

/** Lays one indicator out like its input: #N/A before `begin`, numbers, then blanks. */
function layout(fn: string, input: ReadSeries, result: Indicator, label: string): any[][] {
  const na = notAvailable(fn, `warm-up row: ${label} has its first value at row ${result.begin + 1}`);
  const filled = input.data.length;
  const out = new Array<any>(input.cells);
  for (let i = 0; i < input.cells; i++) out[i] = i >= filled ? "" : i < result.begin ? na : result.values[i];
  return shaped(out, input.orientation);
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
  return excelCall("EMA", () => {
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
  return excelCall("RSI", () => {
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
  return excelCall("MACD", () => {
    const input = readSeries("prices", prices);
    const f = optNum("fast", fast, 12);
    const s = optNum("slow", slow, 26);
    const g = optNum("signal", signal, 9);
    const result = macd(input.data, f, s, g);
    const na = notAvailable("MACD", `warm-up row: MACD(${f},${s},${g}) has its first value at row ${result.begin + 1}`);
    const lines = [result.macd, result.signal, result.histogram];
    const filled = input.data.length;
    const cell = (line: Float64Array, i: number): any => (i >= filled ? "" : i < result.begin ? na : line[i]);
    if (input.orientation === "row") return lines.map((line) => Array.from({ length: input.cells }, (_, i) => cell(line, i)));
    const out = new Array<any[]>(input.cells);
    for (let i = 0; i < input.cells; i++) out[i] = [cell(lines[0], i), cell(lines[1], i), cell(lines[2], i)];
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
  return excelCall("AD_LINE", () => {
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
  return excelCall("REALIZED_VOL", () => {
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
  return excelCall("OHLC_VOL", () => {
    const [o, h, l, c] = readTable(["open", "high", "low", "close"], [open, high, low, close]);
    const w = optNum("window", window, 20);
    // An empty cell may arrive as 0: for `method` that means the default, Yang-Zhang.
    const m = parseVolMethod(optName("method", method, "yang-zhang"));
    const result = ohlcVol(o.data, h.data, l.data, c.data, w, m, optNum("periodsPerYear", periodsPerYear, 252));
    return layout("OHLC_VOL", o, result, `OHLC_VOL(${w}, ${m})`);
  });
}
