/**
 * Which zone a series is in (SPEC.md "Recalibration and hedge governance", ZONE).
 */
import { InputError } from "../errors";

/**
 * Per row: +1 when series > upper, -1 when series < lower, 0 between (bounds included: a row
 * exactly on a bound is between); NaN (#N/A) where the series has no value (NaN).
 *
 * Throws InputError for an empty series, an infinite value, bounds that are not finite, or
 * lower > upper (lower = upper is allowed: +1 above, -1 below, 0 only on the level).
 *
 * @example zone([25, 50, 75, 70], 30, 70) // => [-1, 0, 1, 0]
 */
export function zone(series: ArrayLike<number>, lower: number, upper: number): Float64Array {
  const n = series.length;
  if (n === 0) throw new InputError("series", "must hold at least one value", "");
  if (!Number.isFinite(lower)) throw new InputError("lower", "must be a finite number", lower);
  if (!Number.isFinite(upper)) throw new InputError("upper", "must be a finite number", upper);
  if (lower > upper) throw new InputError("lower", `must not be above upper (${upper})`, lower);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = series[i];
    if (x === Infinity || x === -Infinity) throw new InputError("series", `must be a finite number at row ${i + 1}`, x);
    out[i] = Number.isNaN(x) ? Number.NaN : x > upper ? 1 : x < lower ? -1 : 0;
  }
  return out;
}
