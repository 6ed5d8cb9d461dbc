/**
 * Where implied volatility sits in its own history (SPEC.md "Recalibration and hedge
 * governance", IV_RANK and IV_PERCENTILE), as tastytrade defines the two.
 */
import { InputError } from "../errors";
import { finiteSeries, type Indicator, nanArray, type NumberSeries } from "../signals/series";

/**
 * IV rank per row: (iv - min) / (max - min) over the `lookback` rows ending at that row (it
 * included), in [0, 1]; 0.5 when max = min (a flat history says nothing). First value at index
 * lookback - 1; with fewer rows than lookback, none (begin = lookback - 1 >= length).
 *
 * Works on any level series (IV as 0.25 or as 25, VIX): the rank is unit-free.
 * Source: tastytrade, "IV Rank": (current IV - 52-week low) / (52-week high - 52-week low).
 * Throws InputError for an empty series, a non-finite value, or a lookback that is not a whole
 * number of 2 or more.
 *
 * @example ivRank([30, 60, 45], 3) // => begin 2, values [NaN, NaN, 0.5]
 */
export function ivRank(iv: NumberSeries, lookback = 252): Indicator {
  finiteSeries("ivSeries", iv);
  lookbackRule(lookback);
  const n = iv.length;
  const out = nanArray(n);
  for (let i = lookback - 1; i < n; i++) {
    let lo = iv[i];
    let hi = iv[i];
    for (let j = i - lookback + 1; j < i; j++) {
      if (iv[j] < lo) lo = iv[j];
      if (iv[j] > hi) hi = iv[j];
    }
    out[i] = hi === lo ? 0.5 : (iv[i] - lo) / (hi - lo);
  }
  return { begin: lookback - 1, values: out };
}

/**
 * IV percentile per row: the fraction of the `lookback` rows BEFORE it (it excluded) whose iv
 * is strictly below the current one (ties do not count), in [0, 1]. First value at index
 * lookback.
 *
 * Source: tastytrade, "IV Percentile": the percentage of days in the lookback with IV below
 * the current IV. Throws as ivRank does.
 *
 * @example ivPercentile([30, 10, 11, 15, 17, 20], 5) // => begin 5, values [NaN x 5, 0.8]
 */
export function ivPercentile(iv: NumberSeries, lookback = 252): Indicator {
  finiteSeries("ivSeries", iv);
  lookbackRule(lookback);
  const n = iv.length;
  const out = nanArray(n);
  for (let i = lookback; i < n; i++) {
    let below = 0;
    for (let j = i - lookback; j < i; j++) if (iv[j] < iv[i]) below++;
    out[i] = below / lookback;
  }
  return { begin: lookback, values: out };
}

function lookbackRule(lookback: number): void {
  if (!(typeof lookback === "number" && Number.isInteger(lookback) && lookback >= 2)) {
    throw new InputError("lookback", "must be a whole number of 2 or more (rows of history)", lookback);
  }
}
