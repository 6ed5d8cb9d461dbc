/**
 * VIX_HEDGE of SPEC.md: the ALVH sized over mixed layers of VX and VXM futures, VIX calls and
 * puts (Black-76 on the future of their expiry) and VIX ETF shares, by VIX_LADDER's rule: each
 * layer's P/L per 1 VIX point offsets its weighted, ratio-scaled share of the position's loss
 * per VIX point.
 *
 *   units = -positionVega * beta_iv * weight * ratio / sensitivity
 *
 * with beta_iv, weight, beta(d) and ratio from hedge.ts (betaIv, layerWeights, vixBeta,
 * vixLayerRatio: the same functions, so a FUT-only hedge equals VIX_LADDER bit for bit), and the
 * sensitivity per unit in dollars per VIX point:
 *   FUT / VXM:  beta(d) * multiplier
 *   CALL / PUT: delta_F * beta(d) * 100    (delta_F = dV/dF with e^{-rT}; negative for a put)
 *   ETF:        leverage * price * beta(d) / F_d   (F_d: curve.ts etfForward)
 *
 * Delta-equivalent sizing: it offsets the first-order VIX exposure only; what the options'
 * convexity adds beyond it shows in STRESS (src/core/stress).
 */
import { InputError, NoSolutionError } from "../errors";
import { betaIv, layerWeights, MAX_LAYERS, vixBeta, vixLayerRatio } from "../hedge";
import { inRow } from "../positions";
import { finite, positive, rate as rateRule } from "../validate";
import { black76 } from "./black76";
import { etfForward, sortedCurve, type CurvePoint } from "./curve";
import { checkLayer, INSTRUMENT_MULTIPLIER, isFuturePriced, optionKind, type Instrument, type Layer } from "./instruments";

/**
 * |delta_F| below which an option layer has no VIX sensitivity to size by (NoSolutionError in
 * its row): such a layer would need over a million times the units of a delta-1 option, which
 * is not a hedge but a far out-of-the-money lottery ticket (docs/decisions.md).
 */
export const MIN_OPTION_DELTA = 1e-6;

/** Units, cost and carry of a layer that could be sized. */
export interface LayerSize {
  /** Units to hold, unrounded; positive = buy. */
  units: number;
  /** units * premium * multiplier, dollars. */
  cost: number;
  /** Dollars per day if VIX and the curve's shape stay put (negative = the hedge costs carry). */
  carry: number;
}

/** One row of VIX_HEDGE (the k x 10 table's columns, plus what the sizing used). */
export interface HedgeRow {
  instrument: Instrument;
  days: number;
  /** The underlying price: the future (FUT, VXM, CALL, PUT) or the ETF's price. */
  price: number;
  strike?: number;
  volOrLeverage?: number;
  multiplier: number;
  /** Options: the Black-76 value; FUT/VXM: 0; ETF: its price. */
  premium: number;
  weight: number;
  beta: number;
  ratio: number;
  /** The future the regime ratio and (ETF) sensitivity read: the row's own, or F_d for an ETF. */
  future: number;
  /** Dollars per VIX point per unit. */
  sensitivity: number;
  /** The sizing, or why this layer cannot be sized (the other rows keep theirs). */
  size: LayerSize | NoSolutionError;
}

export interface HedgeOptions {
  /** One weight per layer, divided by their sum; default 0.5/0.3/0.2 for three layers, equal otherwise. */
  weights?: readonly number[];
  /** Rate for the options' Black-76 discounting, continuous decimal (default 0). */
  rate?: number;
}

/**
 * Sizes the ALVH over mixed layers (see the top of this file). Rows come back in the layers' order.
 *
 * Units: positionVega in dollars per vol point (negative when short vol; for n SPX condors
 * CONDOR_GREEKS vega x 100 x n); prices in VIX points; cost and carry in dollars.
 *
 * Throws InputError for a non-finite positionVega, positionDays outside [0, 36500], vixSpot <= 0,
 * 0 or more than 12 layers, a layer breaking instruments.ts checkLayer (named
 * `layers row i <column>`), two future-priced rows of the same days with different prices when an
 * ETF row reads F_d from them, the
 * layerWeights cases and |rate| > 1. A layer whose sensitivity is (about) 0, or whose size
 * overflows, gets a NoSolutionError in its `size`, with the reason.
 *
 * @example vixHedge(-900, 45, 16.5, [{ instrument: "FUT", days: 30, price: 17.4 }])[0].size // units => 1.4496... (0.9 sqrt(2/3) (217/220) / 0.5)
 */
export function vixHedge(positionVega: number, positionDays: number, vixSpot: number, layers: readonly Layer[], options: HedgeOptions = {}): HedgeRow[] {
  finite("positionVega", positionVega);
  const bIv = betaIv(positionDays);
  positive("vixSpot", vixSpot);
  if (layers.length < 1 || layers.length > MAX_LAYERS) {
    throw new InputError("layers", `must have 1 to ${MAX_LAYERS} rows (instrument, days, price, strike, volOrLeverage)`, layers.length);
  }
  layers.forEach((layer, i) => inRow("layers", layer.row ?? i + 1, () => checkLayer(layer)));
  // Only an ETF reads the curve; without one, rows of equal days may differ (as in VIX_LADDER).
  const curve = layers.some((l) => l.instrument === "ETF") ? hedgeCurve(layers) : [];
  const weights = layerWeights(layers.length, options.weights);
  const rate = rateRule("rate", options.rate ?? 0);
  return layers.map((layer, i) => sizeLayer(layer, i, positionVega, bIv, weights[i], vixSpot, curve, rate));
}

/**
 * The curve of a set of checked layers (or hedge rows): the days and prices of its future-priced
 * rows, sorted (curve.ts sortedCurve); rows of equal days must agree on the price.
 */
export function hedgeCurve(layers: readonly Layer[], range = "layers"): CurvePoint[] {
  const points = layers.flatMap((l, i) => (isFuturePriced(l.instrument) ? [{ days: l.days, price: l.price, row: l.row ?? i + 1 }] : []));
  return sortedCurve(points, range);
}

function sizeLayer(
  layer: Layer,
  i: number,
  positionVega: number,
  bIv: number,
  weight: number,
  vixSpot: number,
  curve: readonly CurvePoint[],
  rate: number,
): HedgeRow {
  const { instrument, days, price } = layer;
  const row = layer.row ?? i + 1;
  const multiplier = INSTRUMENT_MULTIPLIER[instrument];
  const beta = vixBeta(days);
  const future = instrument === "ETF" ? etfForward(curve, days, vixSpot) : price;
  const ratio = vixLayerRatio(vixSpot, future, days);
  // The same product, in the same order, as hedge.ts vixLadder's contracts (bitwise equality for FUT rows).
  const numerator = -positionVega * bIv * weight * ratio;
  const roll = (vixSpot - future) / days; // the future's daily roll toward spot
  const base = { instrument, days, price, strike: layer.strike, volOrLeverage: layer.volOrLeverage, multiplier, weight, beta, ratio, future };

  if (instrument === "FUT" || instrument === "VXM") {
    const sensitivity = beta * multiplier;
    const units = numerator / sensitivity;
    return { ...base, premium: 0, sensitivity, size: finiteSize(row, units, 0, units * multiplier * roll) };
  }
  if (instrument === "CALL" || instrument === "PUT") {
    const b = inRow("layers", row, () => black76(optionKind(instrument), price, layer.strike as number, days, layer.volOrLeverage as number, rate));
    const sensitivity = b.deltaF * beta * 100;
    if (!(Math.abs(b.deltaF) >= MIN_OPTION_DELTA)) {
      const reason = `layers row ${row}: the ${instrument} at strike ${layer.strike} has a delta to its future of ${b.deltaF.toPrecision(3)}, below ${MIN_OPTION_DELTA.toExponential()}: it does not move with VIX, so no number of units hedges (choose a strike nearer the future)`;
      return { ...base, premium: b.value, sensitivity, size: new NoSolutionError(reason) };
    }
    const units = numerator / sensitivity;
    return {
      ...base,
      premium: b.value,
      sensitivity,
      size: finiteSize(row, units, units * b.value * multiplier, units * multiplier * (b.theta + b.deltaF * roll)),
    };
  }
  const leverage = layer.volOrLeverage as number;
  const sensitivity = (leverage * price * beta) / future;
  const units = numerator / sensitivity;
  return {
    ...base,
    premium: price,
    sensitivity,
    size: finiteSize(row, units, units * price * multiplier, (units * price * leverage * (vixSpot - future)) / (days * future)),
  };
}

/** The size, or a NoSolutionError naming the row when a number overflowed. `+ 0`: no -0 in a cell. */
function finiteSize(row: number, units: number, cost: number, carry: number): LayerSize | NoSolutionError {
  if (!Number.isFinite(units) || !Number.isFinite(cost) || !Number.isFinite(carry)) {
    return new NoSolutionError(`layers row ${row}: the units, cost or carry are not finite numbers for these inputs`);
  }
  return { units: units + 0, cost: cost + 0, carry: carry + 0 };
}
