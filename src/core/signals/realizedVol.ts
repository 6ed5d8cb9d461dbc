/**
 * Rolling close-to-close realized volatility.
 */
import { positive } from "../validate";
import { rollingVariance } from "./rolling";
import { type Indicator, nanArray, type NumberSeries, period as periodRule, positiveSeries } from "./series";

/**
 * Annualized close-to-close volatility over a rolling window of `window` log returns:
 *
 *   r[t]   = ln(C[t] / C[t-1])                                  (t >= 1)
 *   vol[i] = sqrt(periodsPerYear * sum (r - mean r)^2 / (window - 1)) over r[i-window+1 .. i]
 *
 * the sample standard deviation (divisor window - 1, mean removed), scaled by
 * sqrt(periodsPerYear). Source: the classical estimator, e.g. Hull, Options, Futures and Other
 * Derivatives, "Estimating volatility from historical data"; SPEC.md "Market signals".
 *
 * Row i uses the closes of rows i-window .. i (window + 1 closes make window returns), so the
 * first value is at index `window`: row 0 supplies only the first previous close.
 *
 * Units: annual decimal (0.2 = 20%) when periodsPerYear matches the sampling (252 for daily
 * closes, 52 weekly, 12 monthly). Defaults: window 20, periodsPerYear 252.
 * Throws InputError for an empty series, a close that is not a finite number > 0 (naming its
 * row), a window that is not a whole number from 2 to the series length, or periodsPerYear <= 0.
 *
 * @example realizedVol([100, 110, 100], 2, 252) // => values[2] = sqrt(252) * |ln(1.1)| * sqrt(2) = 2.1398...
 */
export function realizedVol(closes: NumberSeries, window = 20, periodsPerYear = 252): Indicator {
  positiveSeries("closes", closes);
  const n = closes.length;
  periodRule("window", window, n, 2);
  positive("periodsPerYear", periodsPerYear);
  const out = nanArray(n);
  if (window >= n) return { begin: window, values: out };

  const returns = new Float64Array(n); // returns[0] is never read: no close before row 0
  for (let t = 1; t < n; t++) returns[t] = Math.log(closes[t] / closes[t - 1]);
  rollingVariance(returns, window, window, out);
  for (let i = window; i < n; i++) out[i] = Math.sqrt(out[i] * periodsPerYear);
  return { begin: window, values: out };
}
