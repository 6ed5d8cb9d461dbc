/**
 * Wilder's relative strength index, as TA-Lib's TA_RSI computes it (default compatibility).
 */
import { finiteSeries, type Indicator, nanArray, type NumberSeries, period as periodRule } from "./series";

/**
 * Below this, average gain + average loss counts as "no movement" and the RSI is 0: TA-Lib's
 * TA_IS_ZERO test (ta_utility.h, TA_EPSILON = 1e-14; checked against talib-web, which returns
 * 0 for G + L = 5e-15 and 100 for 1e-14). The 0.4.0 source release used 1e-8 instead. An absolute
 * threshold: it only matters for series that move by less than about 1e-14 per row.
 */
export const RSI_NO_MOVEMENT = 1e-14;

/**
 * Wilder's RSI over `period` changes:
 *
 *   gain[t] = max(x[t] - x[t-1], 0), loss[t] = max(x[t-1] - x[t], 0)
 *   G, L at t = period: the simple averages of gain[1..period] and loss[1..period]
 *   then      G = (G * (period - 1) + gain[t]) / period   (and L alike)   for t > period
 *   RSI[t]    = 100 * G / (G + L), or 0 when G + L < 1e-14 (no movement: TA-Lib's rule)
 *
 * Source: J. Welles Wilder, New Concepts in Technical Trading Systems (1978), with TA-Lib's
 * ta_RSI.c conventions (seed, operation order, zero rule); first output at index `period`
 * (TA_RSI_Lookback = period). TA-Lib accepts periods from 2; period 1 is allowed here and
 * gives 100 on a rise, 0 on a fall or no change.
 *
 * Units: 0 to 100. Values may have any sign. Default period 14.
 * Throws InputError for an empty series, a non-finite value (naming its row), or a period that
 * is not a whole number from 1 to the series length.
 *
 * @example rsi([1, 2, 1, 2], 2) // => begin 2, values [NaN, NaN, 50, 75]
 */
export function rsi(values: NumberSeries, period = 14): Indicator {
  finiteSeries("prices", values);
  const n = values.length;
  periodRule("period", period, n);
  const out = nanArray(n);
  if (period >= n) return { begin: period, values: out };

  let gain = 0;
  let loss = 0;
  let prev = values[0];
  for (let t = 1; t <= period; t++) {
    const change = values[t] - prev;
    prev = values[t];
    if (change < 0) loss -= change;
    else gain += change;
  }
  gain /= period;
  loss /= period;
  out[period] = ratio(gain, loss);

  for (let t = period + 1; t < n; t++) {
    const change = values[t] - prev;
    prev = values[t];
    loss *= period - 1;
    gain *= period - 1;
    if (change < 0) loss -= change;
    else gain += change;
    loss /= period;
    gain /= period;
    out[t] = ratio(gain, loss);
  }
  return { begin: period, values: out };
}

/** 100 G / (G + L), with TA-Lib's "no movement" rule. */
function ratio(gain: number, loss: number): number {
  const total = gain + loss;
  return total > -RSI_NO_MOVEMENT && total < RSI_NO_MOVEMENT ? 0 : 100 * (gain / total);
}
