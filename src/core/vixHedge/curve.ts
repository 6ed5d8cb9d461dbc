/**
 * The VIX futures curve read as a function of days: Cboe's constant-maturity weights.
 *
 * Between two listed futures of N1 < N2 days, the constant-maturity price at Nd days is
 * `w F1 + (1 - w) F2` with `w = (N2 - Nd) / (N2 - N1)` (the time weights of Cboe's VIX
 * methodology, which interpolates the two expiries' variances the same way; applied here to
 * prices, as the constant-maturity VIX futures indices S&P/Cboe publish do). At a node, w is
 * exactly 1 (or 0), so the node's own price comes back bit for bit.
 */
import { InputError, NoSolutionError } from "../errors";
import { layerDays, positive } from "../validate";

/** One point of the futures curve: calendar days to expiry and the future's price. */
export interface CurvePoint {
  days: number;
  price: number;
}

/**
 * Checks a curve given as rows of a range: each row's days (0 < days <= 36500) and price (> 0),
 * days strictly ascending. Names the failing cell `<name> row i days` / `<name> row i futures price`.
 * Returns the curve as given.
 *
 * @example checkCurve("curve", [{ days: 30, price: 17.4 }, { days: 30, price: 18 }]) // throws: curve row 2 days must be greater than the row above's (30)
 */
export function checkCurve(name: string, curve: readonly CurvePoint[]): readonly CurvePoint[] {
  if (curve.length < 1) throw new InputError(name, "must have at least one row of days and futures price", 0);
  curve.forEach((p, i) => {
    layerDays(`${name} row ${i + 1} days`, p.days);
    positive(`${name} row ${i + 1} futures price`, p.price);
    if (i > 0 && !(p.days > curve[i - 1].days)) {
      throw new InputError(`${name} row ${i + 1} days`, `must be greater than the row above's (${curve[i - 1].days}): the curve ascends in days`, p.days);
    }
  });
  return curve;
}

/**
 * The constant-maturity futures price at `days` on an ascending curve (checkCurve), Cboe's
 * weights between the bracketing rows. Outside [first days, last days] no price exists:
 * NoSolutionError, unless `flat` is set, in which case the end price holds beyond each end.
 *
 * @example constantMaturity([{ days: 20, price: 17 }, { days: 50, price: 18.2 }], 30) // => 17.4 (w = 2/3)
 */
export function constantMaturity(curve: readonly CurvePoint[], days: number, flat = false): number {
  const n = curve.length;
  const first = curve[0];
  const last = curve[n - 1];
  if (days < first.days || days > last.days) {
    if (flat) return days < first.days ? first.price : last.price;
    throw new NoSolutionError(`no constant-maturity price at ${days} days: the curve spans ${first.days} to ${last.days} days`);
  }
  let hi = 0;
  while (curve[hi].days < days) hi++;
  if (curve[hi].days === days) return curve[hi].price;
  return cboeWeighted(curve[hi - 1], curve[hi], days);
}

/**
 * VIX_CM of SPEC.md: the constant-maturity futures price at `days` (default 30) on a curve of
 * rows of days and price, ascending in days (checkCurve), by Cboe's weights between the two
 * bracketing rows; a row's own price at its days.
 *
 * Throws InputError for the checkCurve cases and days <= 0 or > 36500; NoSolutionError for days
 * outside the curve (no extrapolation).
 *
 * @example vixCm([{ days: 23, price: 17.2 }, { days: 51, price: 18.1 }]) // => 17.425 (w = 21/28)
 */
export function vixCm(curve: readonly CurvePoint[], days = 30): number {
  checkCurve("curve", curve);
  layerDays("days", days);
  return constantMaturity(curve, days);
}

/** w F1 + (1 - w) F2, w = (N2 - Nd)/(N2 - N1): the straight line through two points, read at `days`. */
export function cboeWeighted(near: CurvePoint, next: CurvePoint, days: number): number {
  const w = (next.days - days) / (next.days - near.days);
  return w * near.price + (1 - w) * next.price;
}

/**
 * The curve that an ETF layer reads F_d from (SPEC.md): the days and futures prices of the
 * future-priced rows (FUT, VXM, CALL, PUT), in any row order, sorted by days. Rows at the same
 * days must agree on the price (an option's underlying is the future of its expiry); otherwise
 * InputError naming the later row's price. Empty when there are no such rows.
 *
 * @example sortedCurve([{ days: 60, price: 18.3, row: 2 }, { days: 30, price: 17.4, row: 1 }], "layers") // => 30/17.4, 60/18.3
 */
export function sortedCurve(points: ReadonlyArray<CurvePoint & { row: number }>, range: string): CurvePoint[] {
  const sorted = points.slice().sort((a, b) => a.days - b.days || a.row - b.row);
  const out: CurvePoint[] = [];
  let lastRow = 0;
  for (const p of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.days === p.days) {
      if (prev.price !== p.price) {
        throw new InputError(
          `${range} row ${p.row} price`,
          `must equal the future of the same days in row ${lastRow} (${prev.price}): one expiry has one futures price`,
          p.price,
        );
      }
      continue;
    }
    out.push({ days: p.days, price: p.price });
    lastRow = p.row;
  }
  return out;
}

/**
 * F_d of SPEC.md's ETF rows: the constant-maturity price at `days` on `curve` (sortedCurve),
 * flat beyond its ends, and `vixSpot` when the curve is empty.
 *
 * @example etfForward([{ days: 30, price: 17.4 }, { days: 60, price: 18.3 }], 45, 16.5) // => 17.85
 */
export function etfForward(curve: readonly CurvePoint[], days: number, vixSpot: number): number {
  return curve.length === 0 ? vixSpot : constantMaturity(curve, days, true);
}
