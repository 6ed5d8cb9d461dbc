/**
 * Crossovers of one series over another (SPEC.md "Recalibration and hedge governance", CROSS).
 *
 * Series here may have rows with no value yet (an indicator's warm-up, #N/A in Excel): they are
 * NaN on input and NaN on output, so a core result (`Indicator.values`) feeds straight in.
 */
import { InputError } from "../errors";

/**
 * +1 on a row where `series` crosses above `other`, -1 where it crosses below, 0 otherwise;
 * NaN (#N/A) where either has no value, and on the first row where both have one (no earlier
 * row to compare with).
 *
 * A cross is a change of STRICT side: the side of a row is the sign of series - other, rows
 * where the two are equal belong to no side, and a row crosses when its side is the opposite
 * of the side of the last row where the two differed. So touching (meeting `other` and turning
 * back) is no cross, and below, equal, above crosses once, on the row that is above. Rows with
 * no value are skipped when looking back for the last side.
 *
 * `other` is a series of the same length or one number (a level such as 0 for a MACD
 * histogram). Throws InputError for an empty series, a length mismatch, or an infinite value.
 *
 * @example cross([-1, 1, 1, 0, -2], 0) // => [NaN, 1, 0, 0, -1]
 */
export function cross(series: ArrayLike<number>, other: ArrayLike<number> | number): Float64Array {
  const n = series.length;
  if (n === 0) throw new InputError("series", "must hold at least one value", "");
  const level = typeof other === "number" ? other : undefined;
  if (typeof other !== "number" && other.length !== n) {
    throw new InputError("other", `must be one number or a series as long as series (${n})`, other.length);
  }
  const otherAt = (i: number) => (level !== undefined ? level : (other as ArrayLike<number>)[i]);
  const out = new Float64Array(n);
  let seen = false; // a row with both values came before
  let lastSide = 0; // side of the last row where the two differed (0: none yet)
  for (let i = 0; i < n; i++) {
    const x = series[i];
    const y = otherAt(i);
    noInfinity("series", x, i);
    noInfinity("other", y, i);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      out[i] = Number.NaN;
      continue;
    }
    const side = Math.sign(x - y);
    out[i] = !seen ? Number.NaN : side !== 0 && lastSide !== 0 && side !== lastSide ? side : 0;
    seen = true;
    if (side !== 0) lastSide = side;
  }
  return out;
}

function noInfinity(name: string, x: number, i: number): void {
  if (x === Infinity || x === -Infinity) throw new InputError(name, `must be a finite number at row ${i + 1}`, x);
}
