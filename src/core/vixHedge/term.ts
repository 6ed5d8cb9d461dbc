/**
 * VIX_TERM of SPEC.md: the futures curve read tenor by tenor, so that "short-dated VIX futures
 * mispriced relative to longer tenors" (the seed method) becomes a number.
 */
import { vixContango } from "../hedge";
import { positive } from "../validate";
import { cboeWeighted, checkCurve, type CurvePoint } from "./curve";

/** One row of VIX_TERM. */
export interface TermRow {
  days: number;
  price: number;
  /** Contango per 30 days against spot VIX (hedge.ts vixContango). */
  contango: number;
  /**
   * The price minus the straight line through its two neighbours, read at its days (positive =
   * rich against its neighbours); undefined at the two ends, which have only one neighbour.
   */
  kink: number | undefined;
}

/**
 * The term structure table: for each row of an ascending curve (curve.ts checkCurve) its
 * contango per 30 days, `(price / vixSpot - 1) * 30 / days`, and its kink
 * `F_i - (w F_{i-1} + (1 - w) F_{i+1})`, `w = (N_{i+1} - N_i) / (N_{i+1} - N_{i-1})` (Cboe's
 * weights, curve.ts cboeWeighted): 0 on a straight curve, positive where a tenor sits above
 * the line of its neighbours.
 *
 * Throws InputError for vixSpot <= 0 and the checkCurve cases (named `curve row i ...`);
 * NoSolutionError if a slope overflows.
 *
 * @example vixTerm(16.5, [{ days: 30, price: 17.4 }, { days: 60, price: 18.3 }, { days: 90, price: 18.9 }])[1].kink // => 0.15 (18.3 - 18.15)
 */
export function vixTerm(vixSpot: number, curve: readonly CurvePoint[]): TermRow[] {
  positive("vixSpot", vixSpot);
  checkCurve("curve", curve);
  return curve.map((p, i) => ({
    days: p.days,
    price: p.price,
    contango: vixContango(vixSpot, p.price, p.days),
    kink: i === 0 || i === curve.length - 1 ? undefined : p.price - cboeWeighted(curve[i - 1], curve[i + 1], p.days),
  }));
}
