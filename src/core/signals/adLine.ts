/**
 * The market-breadth advance-decline line.
 */
import { InputError } from "../errors";

/**
 * The advance-decline line: the running sum of (advancing issues - declining issues), one
 * row per session, starting from 0 before the first row:
 *
 *   AD[0] = adv[0] - dec[0],   AD[t] = AD[t-1] + adv[t] - dec[t]
 *
 * Source: the breadth indicator as defined by e.g. StockCharts ChartSchool ("Advance-Decline
 * Line": cumulative net advances) and Investopedia. It is NOT Chaikin's accumulation/
 * distribution line (TA-Lib's TA_AD), which needs high, low, close and volume.
 *
 * Units: issues (or shares, when given advancing and declining volume). Every row has a value.
 * Throws InputError for an empty series, series of different lengths, or a value that is not a
 * finite number of 0 or more (counts and volumes are never negative), naming its row.
 *
 * @example adLine([1200, 900], [800, 1500]) // => [400, -200]
 */
export function adLine(advances: ArrayLike<number>, declines: ArrayLike<number>): Float64Array {
  const n = advances.length;
  if (n === 0) throw new InputError("advances", "must hold at least one value", "");
  if (declines.length !== n) {
    throw new InputError("declines", `must have as many values as advances (${n})`, declines.length);
  }
  const out = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const a = count("advances", advances[i], i);
    const d = count("declines", declines[i], i);
    sum += a - d;
    out[i] = sum;
  }
  return out;
}

function count(name: string, v: number, i: number): number {
  if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
    throw new InputError(name, `must be a number of 0 or more at row ${i + 1}`, v);
  }
  return v;
}
