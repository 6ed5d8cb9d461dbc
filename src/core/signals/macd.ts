/**
 * Moving average convergence/divergence, as TA-Lib's TA_MACD computes and aligns it.
 */
import { InputError } from "../errors";
import { finiteSeries, nanArray, type NumberSeries, period as periodRule } from "./series";

/** MACD's three lines, each aligned with the input; rows before `begin` hold NaN. */
export interface MacdResult {
  /** Index of the first row with a value: slow + signal - 2 (beyond the end when the series is too short). */
  readonly begin: number;
  /** fast EMA - slow EMA. */
  readonly macd: Float64Array;
  /** EMA(signal) of the MACD line. */
  readonly signal: Float64Array;
  /** macd - signal. */
  readonly histogram: Float64Array;
}

/**
 * MACD with TA-Lib's alignment (Gerald Appel's MACD; conventions of TA-Lib ta_MACD.c,
 * TA_COMPATIBILITY_DEFAULT):
 *
 * - Both price EMAs start on the same row, slow - 1. The slow EMA is seeded with the simple
 *   average of x[0..slow-1]; the fast EMA with the simple average of the `fast` values ENDING on
 *   that row, x[slow-fast..slow-1]. (So the fast line is not EMA(fast) of the whole series,
 *   which would start at row fast - 1: TA-Lib seeds it later, and the two differ by a decaying
 *   transient.)
 * - From there both run EMA(t) = (x[t] - EMA(t-1)) * k + EMA(t-1), k = 2 / (period + 1), and the
 *   MACD line is fast - slow from row slow - 1.
 * - The signal line is seeded with the simple average of the first `signal` MACD values (rows
 *   slow-1 .. slow+signal-2) and follows the same recursion with k = 2 / (signal + 1).
 * - All three outputs start at row slow + signal - 2 (TA_MACD_Lookback); histogram = macd - signal.
 *
 * Signal period 1: the signal line is the MACD line itself (k = 1), histogram 0, first output
 * at row slow - 1 (= slow + signal - 2). TA-Lib declares signal 1 valid but mishandles it (its
 * EMA lookback of period 1 is -1: talib-web returns outBegIdx one row early, with an
 * uninitialised first MACD value), so there this module deliberately does not follow TA-Lib.
 *
 * TA-Lib silently swaps fast and slow when fast > slow; here that is an InputError (a swapped
 * pair is more likely a typo than a wish, and it would flip the sign of every value). TA-Lib
 * needs fast and slow >= 2; here 1 is allowed (an EMA(1) is the series itself).
 *
 * Units: those of the input. Defaults 12 / 26 / 9.
 * Throws InputError for an empty series, a non-finite value (naming its row), a period that is
 * not a whole number from 1 to the series length, or fast > slow.
 *
 * @example macd([1, 2, 3, 4], 1, 2, 2) // => begin 2, macd [NaN, NaN, 0.5, 0.5], signal [.., 0.5, 0.5], histogram [.., 0, 0]
 */
export function macd(values: NumberSeries, fast = 12, slow = 26, signal = 9): MacdResult {
  finiteSeries("prices", values);
  const n = values.length;
  periodRule("fast", fast, n);
  periodRule("slow", slow, n);
  periodRule("signal", signal, n);
  if (fast > slow) throw new InputError("fast", `must not exceed slow (${slow})`, fast);

  const macdLine = nanArray(n);
  const signalLine = nanArray(n);
  const histogram = nanArray(n);
  const begin = slow + signal - 2;
  if (begin >= n) return { begin, macd: macdLine, signal: signalLine, histogram };

  const fastK = 2 / (fast + 1);
  const slowK = 2 / (slow + 1);
  const signalK = 2 / (signal + 1);

  // Seeds: the slow window x[0..slow-1]; the fast window is its tail, summed in input order.
  let slowSum = 0;
  let t = 0;
  for (; t < slow - fast; t++) slowSum += values[t];
  let fastSum = 0;
  for (; t < slow; t++) {
    fastSum += values[t];
    slowSum += values[t];
  }
  let fastEma = fastSum / fast;
  let slowEma = slowSum / slow;
  let line = fastEma - slowEma;

  // Signal seed: the average of the MACD values on rows slow-1 .. slow+signal-2.
  let signalEma = line;
  for (; t <= begin; t++) {
    const x = values[t];
    fastEma = (x - fastEma) * fastK + fastEma;
    slowEma = (x - slowEma) * slowK + slowEma;
    line = fastEma - slowEma;
    signalEma += line;
  }
  signalEma /= signal;
  macdLine[begin] = line;
  signalLine[begin] = signalEma;
  histogram[begin] = line - signalEma;

  for (; t < n; t++) {
    const x = values[t];
    fastEma = (x - fastEma) * fastK + fastEma;
    slowEma = (x - slowEma) * slowK + slowEma;
    line = fastEma - slowEma;
    signalEma = (line - signalEma) * signalK + signalEma;
    macdLine[t] = line;
    signalLine[t] = signalEma;
    histogram[t] = line - signalEma;
  }
  return { begin, macd: macdLine, signal: signalLine, histogram };
}
