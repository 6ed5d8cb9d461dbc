/**
 * Exponential moving average, as TA-Lib's TA_EMA computes it (default compatibility).
 */
import { finiteSeries, type Indicator, nanArray, type NumberSeries, period as periodRule } from "./series";

/**
 * Exponential moving average with smoothing k = 2 / (period + 1), seeded by the simple average
 * of the first `period` values:
 *
 *   EMA[period-1] = (x[0] + ... + x[period-1]) / period
 *   EMA[t]        = (x[t] - EMA[t-1]) * k + EMA[t-1]        for t >= period
 *
 * Source: TA-Lib ta_EMA.c (TA_INT_EMA, TA_COMPATIBILITY_DEFAULT): same seed, same recursion in
 * the same operation order, first output at index period - 1 (TA_EMA_Lookback = period - 1).
 * TA-Lib accepts periods from 2; here period 1 is allowed too and returns the series itself
 * (k = 1).
 *
 * Units: those of the input. Values may have any sign (spreads, differences).
 * Throws InputError for an empty series, a non-finite value (naming its row), or a period that
 * is not a whole number from 1 to the series length.
 *
 * @example ema([1, 2, 3, 4, 5], 3) // => begin 2, values [NaN, NaN, 2, 3, 4]
 */
export function ema(values: NumberSeries, period: number): Indicator {
  finiteSeries("prices", values);
  const n = values.length;
  periodRule("period", period, n);
  const out = nanArray(n);
  const k = 2 / (period + 1);
  let sum = 0;
  for (let i = 0; i < period; i++) sum += values[i];
  let prev = sum / period;
  out[period - 1] = prev;
  for (let t = period; t < n; t++) {
    prev = (values[t] - prev) * k + prev;
    out[t] = prev;
  }
  return { begin: period - 1, values: out };
}
