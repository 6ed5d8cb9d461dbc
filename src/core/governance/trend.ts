/**
 * The direction of a series over a period (SPEC.md "Recalibration and hedge governance", TREND).
 */
import { InputError } from "../errors";
import { integerAtLeast } from "../validate";

/**
 * Per row: the sign (+1, 0, -1) of series[i] - series[i - period]; NaN (#N/A) for the first
 * `period` rows and wherever either value is missing (NaN). A period as long as the series or
 * longer gives NaN everywhere (the history is too short yet), not an error.
 *
 * Throws InputError for an empty series, an infinite value, or a period that is not a whole
 * number of 1 or more.
 *
 * @example trend([100, 130, 120, 120], 1) // => [NaN, 1, -1, 0]
 */
export function trend(series: ArrayLike<number>, period: number): Float64Array {
  const n = series.length;
  if (n === 0) throw new InputError("series", "must hold at least one value", "");
  integerAtLeast("period", period, 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = series[i];
    if (x === Infinity || x === -Infinity) throw new InputError("series", `must be a finite number at row ${i + 1}`, x);
    out[i] = i < period ? Number.NaN : Math.sign(x - series[i - period]);
  }
  return out;
}
