/**
 * Rolling range-based volatility estimators over open/high/low/close bars.
 */
import { InputError } from "../errors";
import { positive } from "../validate";
import { rollingMean, rollingVariance } from "./rolling";
import { type Indicator, nanArray, type NumberSeries, period as periodRule } from "./series";

/** The estimators OHLC_VOL offers. */
export const VOL_METHODS = ["parkinson", "garman-klass", "rogers-satchell", "yang-zhang"] as const;
export type VolMethod = (typeof VOL_METHODS)[number];

/**
 * Reads a method name: any case, surrounding blanks ignored, and "-", "_" or a space between
 * the two surnames optional ("Garman Klass", "garman_klass", "GarmanKlass").
 * Throws InputError("method", ...) for anything else.
 *
 * @example parseVolMethod(" Yang Zhang ") // => "yang-zhang"
 */
export function parseVolMethod(text: string): VolMethod {
  const key = String(text)
    .trim()
    .toLowerCase()
    .replace(/[-_\s]/g, "");
  const found = VOL_METHODS.find((m) => m.replace("-", "") === key);
  if (!found) throw new InputError("method", "must be parkinson, garman-klass, rogers-satchell or yang-zhang", text);
  return found;
}

const LN2 = Math.log(2);
const GK_C = 2 * LN2 - 1;

/**
 * Annualized volatility of the `window` bars ending at each row, by one of four estimators
 * (per-bar logs: hl = ln(H/L), co = ln(C/O), overnight oc = ln(O/C_prev)):
 *
 * - parkinson:       var = sum hl^2 / (4 n ln 2)                       (Parkinson 1980)
 * - garman-klass:    var = mean of 0.5 hl^2 - (2 ln 2 - 1) co^2        (Garman & Klass 1980)
 * - rogers-satchell: var = mean of ln(H/C) ln(H/O) + ln(L/C) ln(L/O)   (Rogers & Satchell 1991)
 * - yang-zhang:      var = Var(oc) + k Var(co) + (1 - k) RS,
 *                    k = 0.34 / (1.34 + (n + 1) / (n - 1)),            (Yang & Zhang 2000)
 *                    Var = sample variance (divisor n - 1, mean removed), RS = the
 *                    Rogers-Satchell mean above
 *
 * and vol = sqrt(periodsPerYear * var), n = window. Formulas as SPEC.md "Market signals" states
 * them (see also Sinclair, Volatility Trading, ch. 2).
 *
 * Alignment: the first value is at index `window` for every method. Yang-Zhang's overnight
 * return of the oldest bar in the window needs the close before it, so row i uses bars
 * i-window+1 .. i plus the close of row i-window; the other estimators use the same bars, so
 * that all four (and REALIZED_VOL) line up row for row. Row 0 thus only supplies a previous
 * close.
 *
 * Data rules (one rule for every method, since the bars are one table): the four series have
 * the same length; every price is a finite number > 0 (logs are taken); low <= high; open and
 * close lie within [low, high] (otherwise the range estimators can go negative).
 *
 * Units: annual decimal (0.2 = 20%) when periodsPerYear matches the bar size (252 for daily).
 * Defaults: window 20, method yang-zhang, periodsPerYear 252. Window: a whole number from 1
 * (2 for yang-zhang, which takes sample variances) up to the series length.
 * Throws InputError naming the argument and the row for any broken rule.
 *
 * @example ohlcVol([100, 100], [101, 102], [99, 98], [100, 100], 1, "parkinson", 252)
 *   // => values[1] = sqrt(252 * ln(102/98)^2 / (4 ln 2)) = 0.38139...
 */
export function ohlcVol(
  open: NumberSeries,
  high: NumberSeries,
  low: NumberSeries,
  close: NumberSeries,
  window = 20,
  method: VolMethod = "yang-zhang",
  periodsPerYear = 252,
): Indicator {
  checkBars(open, high, low, close);
  const n = open.length;
  method = parseVolMethod(method);
  periodRule("window", window, n, method === "yang-zhang" ? 2 : 1);
  positive("periodsPerYear", periodsPerYear);
  const out = nanArray(n);
  if (window >= n) return { begin: window, values: out };

  const term = new Float64Array(n);
  if (method === "yang-zhang") {
    const overnight = new Float64Array(n); // overnight[0] is never read
    const openClose = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      if (t > 0) overnight[t] = Math.log(open[t] / close[t - 1]);
      openClose[t] = Math.log(close[t] / open[t]);
      term[t] = rogersSatchell(open[t], high[t], low[t], close[t]);
    }
    const varOvernight = new Float64Array(n);
    const varOpenClose = new Float64Array(n);
    rollingVariance(overnight, window, window, varOvernight);
    rollingVariance(openClose, window, window, varOpenClose);
    rollingMean(term, window, window, out);
    const k = 0.34 / (1.34 + (window + 1) / (window - 1));
    for (let i = window; i < n; i++) {
      const variance = varOvernight[i] + k * varOpenClose[i] + (1 - k) * out[i];
      out[i] = Math.sqrt(periodsPerYear * variance);
    }
    return { begin: window, values: out };
  }

  for (let t = 0; t < n; t++) {
    const hl = Math.log(high[t] / low[t]);
    if (method === "parkinson") term[t] = (hl * hl) / (4 * LN2);
    else if (method === "garman-klass") {
      const co = Math.log(close[t] / open[t]);
      term[t] = 0.5 * hl * hl - GK_C * co * co;
    } else term[t] = rogersSatchell(open[t], high[t], low[t], close[t]);
  }
  rollingMean(term, window, window, out);
  for (let i = window; i < n; i++) out[i] = Math.sqrt(periodsPerYear * (out[i] > 0 ? out[i] : 0));
  return { begin: window, values: out };
}

/** ln(H/C) ln(H/O) + ln(L/C) ln(L/O): >= 0 when open and close lie within [low, high]. */
function rogersSatchell(o: number, h: number, l: number, c: number): number {
  return Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
}

/** The OHLC data rules, naming the first broken one's argument and row. */
function checkBars(open: NumberSeries, high: NumberSeries, low: NumberSeries, close: NumberSeries): void {
  const n = open.length;
  if (n === 0) throw new InputError("open", "must hold at least one value", "");
  const others: Array<[string, NumberSeries]> = [
    ["high", high],
    ["low", low],
    ["close", close],
  ];
  for (const [name, s] of others) {
    if (s.length !== n) throw new InputError(name, `must have as many values as open (${n})`, s.length);
  }
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    const o = price("open", open[i], row);
    const h = price("high", high[i], row);
    const l = price("low", low[i], row);
    const c = price("close", close[i], row);
    if (h < l) throw new InputError("high", `must not be below low (${l}) at row ${row}`, h);
    if (o < l || o > h) throw new InputError("open", `must lie between low (${l}) and high (${h}) at row ${row}`, o);
    if (c < l || c > h) throw new InputError("close", `must lie between low (${l}) and high (${h}) at row ${row}`, c);
  }
}

function price(name: string, v: number, row: number): number {
  if (!(typeof v === "number" && Number.isFinite(v) && v > 0)) {
    throw new InputError(name, `must be a price greater than 0 at row ${row}`, v);
  }
  return v;
}
