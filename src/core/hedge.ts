/**
 * The Adaptive Layered VIX Hedge (ALVH) of SPEC.md: a short-volatility position's vega is
 * hedged with long VIX futures split across tenors (layers), each layer sized by its futures
 * beta and scaled by the regime read from the futures curve.
 *
 * The model is a documented heuristic (SPEC.md, "The Adaptive Layered VIX Hedge"); every
 * constant is an argument whose default is the one SPEC.md gives (see ALVH_DEFAULTS).
 *
 * Units: days are calendar days; prices are VIX index points; `positionVega` is the position's
 * DOLLAR vega per 1 implied-vol point (negative when short vol); contracts are futures
 * contracts, unrounded, positive = buy.
 */
import { InputError, NoSolutionError } from "./errors";
import { days as daysRule, finite, layerDays, nonNegative, positive } from "./validate";

/** SPEC.md's defaults for every ALVH constant. */
export const ALVH_DEFAULTS = {
  /** Cap of beta_iv, the condor's implied-vol move per 1 VIX point. */
  betaIvCap: 1.5,
  /** Beta of a 30-day VIX future to spot VIX. */
  beta30: 0.5,
  /** Exponent of the tenor decay of the futures beta. */
  exponent: 0.5,
  /** Regime gain: ratio change per unit of contango slope below `neutral`. */
  gain: 3,
  /** Neutral contango per 30 days (ratio 1 there). */
  neutral: 0.05,
  /** Lowest regime ratio (steep contango). */
  floor: 0.7,
  /** Highest regime ratio (flat or backwardated curve). */
  cap: 1.3,
  /** Dollars per VIX point of one VX future (VXM minis: 100). */
  multiplier: 1000,
} as const;

/** Default layer weights for three layers (30/60/90 days); any other count gets equal weights. */
export const THREE_LAYER_WEIGHTS: readonly number[] = [0.5, 0.3, 0.2];

/** Most layers a ladder accepts. */
export const MAX_LAYERS = 12;

/** The VIX horizon in calendar days: the unit of the square-root-of-time rules below. */
const VIX_DAYS = 30;

/**
 * beta_iv: how many implied-vol points the position's options move per 1-point VIX move,
 * `min(cap, sqrt(30 / positionDays))` (SPEC.md: square-root-of-time rule for term-structure
 * shocks; a 30-day position moves one for one with VIX, longer ones less).
 *
 * `positionDays = 0` (at expiry) returns `cap`: the formula equals `cap` for every
 * `positionDays <= 30 / cap^2` (13.33 days with the default 1.5), so 0 is its continuous limit.
 *
 * Units: vol points per VIX point. Throws InputError for positionDays < 0, > 36500 or not finite
 * (validate.days) and cap <= 0.
 *
 * @example betaIv(45) // => 0.8164965809277260 (sqrt(30/45) = sqrt(2/3))
 */
export function betaIv(positionDays: number, cap: number = ALVH_DEFAULTS.betaIvCap): number {
  daysRule("positionDays", positionDays);
  positive("betaIvCap", cap);
  return positionDays === 0 ? cap : Math.min(cap, Math.sqrt(VIX_DAYS / positionDays));
}

/**
 * The futures beta of a layer of `days` calendar days to spot VIX:
 * `min(1, beta30 * (30 / days)^exponent)` (SPEC.md; a 30-day future moves about half as much
 * as spot VIX, longer tenors less, by a square-root-of-time decay with the default exponent).
 *
 * Units: VIX-future points per spot-VIX point, in (0, 1]. Throws InputError for days <= 0 or
 * days > 36500 (validate.layerDays), beta30 <= 0 and exponent < 0 (a longer future never moves more than a shorter one).
 *
 * @example vixBeta(60) // => 0.3535533905932738 (0.5 * sqrt(30/60))
 */
export function vixBeta(days: number, beta30: number = ALVH_DEFAULTS.beta30, exponent: number = ALVH_DEFAULTS.exponent): number {
  layerDays("days", days);
  checkBetaConstants(beta30, exponent);
  return layerBeta(days, beta30, exponent);
}

/**
 * The contango slope of a future, per 30 days: `s = (futurePrice / vixSpot - 1) * 30 / futureDays`
 * (SPEC.md). Positive in contango, negative in backwardation.
 *
 * Units: a decimal per 30 days (0.05 = the future is 5% above spot per 30 days of tenor).
 * Throws InputError for vixSpot <= 0, futurePrice <= 0, futureDays <= 0 or futureDays > 36500
 * (validate.layerDays); NoSolutionError if
 * the inputs are so extreme that the slope overflows.
 *
 * @example vixContango(16.5, 18.3, 60) // => 0.05454545... ((18.3/16.5 - 1) * 30/60 = 0.6/11)
 */
export function vixContango(vixSpot: number, futurePrice: number, futureDays: number): number {
  positive("vixSpot", vixSpot);
  positive("futurePrice", futurePrice);
  layerDays("futureDays", futureDays);
  return slope(vixSpot, futurePrice, futureDays);
}

/**
 * The regime ratio of one layer: `clamp(1 + gain * (neutral - s), floor, cap)` with `s` the
 * contango slope (vixContango). Steep contango (expensive carry) hedges less, toward `floor`;
 * a flat or backwardated curve (stress) hedges more, toward `cap` (SPEC.md).
 *
 * Units: a multiplier of the layer's hedge, in [floor, cap]. Throws InputError for the
 * vixContango cases, gain < 0 (the ratio must not rise with contango), a non-finite neutral,
 * floor < 0, cap <= 0 (a cap of 0 would zero every hedge: most often an empty cell arriving
 * as 0), and floor > cap.
 *
 * @example vixLayerRatio(16.5, 18.9, 90) // => 1.00454545... (s = 0.8/16.5; 1 + 3 * (0.05 - s) = 221/220)
 */
export function vixLayerRatio(
  vixSpot: number,
  futurePrice: number,
  futureDays: number,
  gain: number = ALVH_DEFAULTS.gain,
  neutral: number = ALVH_DEFAULTS.neutral,
  floor: number = ALVH_DEFAULTS.floor,
  cap: number = ALVH_DEFAULTS.cap,
): number {
  const s = vixContango(vixSpot, futurePrice, futureDays);
  checkRatioConstants(gain, neutral, floor, cap);
  return regimeRatio(s, gain, neutral, floor, cap);
}

/**
 * The layer weights, divided by their sum. Omitted (`undefined`): 0.5/0.3/0.2 for three layers,
 * equal otherwise (SPEC.md).
 *
 * Throws InputError when the count differs from `layers`, a weight is negative or not finite
 * (named `weights cell i`, 1-based), or all weights are 0.
 *
 * @example layerWeights(2, [3, 1]) // => [0.75, 0.25]
 */
export function layerWeights(layers: number, weights?: readonly number[]): number[] {
  if (weights === undefined) {
    return layers === 3 ? THREE_LAYER_WEIGHTS.slice() : Array.from({ length: layers }, () => 1 / layers);
  }
  if (weights.length !== layers) {
    throw new InputError("weights", `must have one cell per curve layer (${layers})`, weights.length);
  }
  let sum = 0;
  weights.forEach((w, i) => {
    nonNegative(`weights cell ${i + 1}`, w);
    sum += w;
  });
  if (sum === 0) throw new InputError("weights", "must not all be 0 (they are divided by their sum)", 0);
  if (!Number.isFinite(sum)) throw new InputError("weights", "must add up to a finite number", sum);
  return weights.map((w) => w / sum);
}

/** One layer of the futures curve: calendar days to the future's expiry and its price. */
export interface CurveLayer {
  days: number;
  price: number;
}

/** One row of the ladder, in VIX_LADDER's column order. */
export interface LadderRow {
  /** Calendar days to the future's expiry (as given). */
  days: number;
  /** The future's price (as given). */
  price: number;
  /** The layer's share of the hedge (weights divided by their sum). */
  weight: number;
  /** The layer's futures beta (vixBeta). */
  beta: number;
  /** The layer's regime ratio (vixLayerRatio). */
  ratio: number;
  /** Futures contracts to hold, unrounded; positive = buy. */
  contracts: number;
}

/** Every ALVH constant of a ladder; each defaults to ALVH_DEFAULTS. */
export interface LadderOptions {
  /** Layer weights, one per curve layer; divided by their sum (see layerWeights). */
  weights?: readonly number[];
  multiplier?: number;
  beta30?: number;
  exponent?: number;
  gain?: number;
  neutral?: number;
  floor?: number;
  cap?: number;
  betaIvCap?: number;
}

/**
 * The ALVH ladder: for each layer of the curve, its weight, beta, regime ratio and
 * `contracts = -positionVega * beta_iv * weight * ratio / (beta * multiplier)` (SPEC.md),
 * with beta_iv = betaIv(positionDays), beta = vixBeta(days), ratio = vixLayerRatio(vixSpot,
 * price, days). A short-vol position (positionVega < 0) buys futures; a long-vol position
 * (positionVega > 0) gets negative counts, i.e. sells them; positionVega = 0 gives 0.
 *
 * Units: positionVega in dollars per vol point (for n SPX condors: CONDOR_GREEKS vega x 100 x n);
 * multiplier in dollars per VIX point per contract (1000 VX, 100 VXM); contracts unrounded.
 *
 * Throws InputError for a non-finite positionVega, positionDays < 0 or > 36500, vixSpot <= 0, a curve of
 * 0 or more than 12 layers, a layer with days <= 0, days > 36500 or price <= 0 (named `curve row i days` /
 * `curve row i futures price`), the layerWeights cases, multiplier <= 0 and the constants'
 * rules of betaIv, vixBeta and vixLayerRatio; NoSolutionError if a size overflows.
 *
 * @example vixLadder(-900, 45, 16.5, [{ days: 30, price: 17.4 }, { days: 60, price: 18.3 }, { days: 90, price: 18.9 }])
 *   // contracts => [0.7248..., 0.6150..., 0.5114...] (VX, multiplier 1000)
 */
export function vixLadder(positionVega: number, positionDays: number, vixSpot: number, curve: readonly CurveLayer[], options: LadderOptions = {}): LadderRow[] {
  finite("positionVega", positionVega);
  const bIv = betaIv(positionDays, options.betaIvCap ?? ALVH_DEFAULTS.betaIvCap);
  positive("vixSpot", vixSpot);
  if (curve.length < 1 || curve.length > MAX_LAYERS) {
    throw new InputError("curve", `must have 1 to ${MAX_LAYERS} layers (rows of days and futures price)`, curve.length);
  }
  curve.forEach((layer, i) => {
    layerDays(`curve row ${i + 1} days`, layer.days);
    positive(`curve row ${i + 1} futures price`, layer.price);
  });
  const weights = layerWeights(curve.length, options.weights);
  const multiplier = positive("multiplier", options.multiplier ?? ALVH_DEFAULTS.multiplier);
  const beta30 = options.beta30 ?? ALVH_DEFAULTS.beta30;
  const exponent = options.exponent ?? ALVH_DEFAULTS.exponent;
  checkBetaConstants(beta30, exponent);
  const gain = options.gain ?? ALVH_DEFAULTS.gain;
  const neutral = options.neutral ?? ALVH_DEFAULTS.neutral;
  const floor = options.floor ?? ALVH_DEFAULTS.floor;
  const cap = options.cap ?? ALVH_DEFAULTS.cap;
  checkRatioConstants(gain, neutral, floor, cap);

  return curve.map((layer, i) => {
    const beta = layerBeta(layer.days, beta30, exponent);
    const ratio = regimeRatio(slope(vixSpot, layer.price, layer.days), gain, neutral, floor, cap);
    const contracts = (-positionVega * bIv * weights[i] * ratio) / (beta * multiplier);
    if (!Number.isFinite(contracts)) {
      throw new NoSolutionError(`the contracts of curve row ${i + 1} are not a finite number for these inputs`);
    }
    // `+ 0` turns the -0 of a zero vega into 0.
    return { days: layer.days, price: layer.price, weight: weights[i], beta, ratio, contracts: contracts + 0 };
  });
}

function checkBetaConstants(beta30: number, exponent: number): void {
  positive("beta30", beta30);
  nonNegative("exponent", exponent);
}

function checkRatioConstants(gain: number, neutral: number, floor: number, cap: number): void {
  nonNegative("gain", gain);
  finite("neutral", neutral);
  nonNegative("floor", floor);
  if (!(typeof cap === "number" && Number.isFinite(cap) && cap > 0)) {
    throw new InputError("cap", "must be greater than 0 (the highest regime ratio; a cap of 0 would zero every layer's hedge)", cap);
  }
  if (floor > cap) throw new InputError("floor", `must not exceed cap (${cap})`, floor);
}

/** min(1, beta30 * (30/days)^exponent); inputs already validated. */
function layerBeta(days: number, beta30: number, exponent: number): number {
  return Math.min(1, beta30 * Math.pow(VIX_DAYS / days, exponent));
}

/** (futurePrice / vixSpot - 1) * 30 / days; inputs already validated. */
function slope(vixSpot: number, futurePrice: number, days: number): number {
  const s = ((futurePrice / vixSpot - 1) * VIX_DAYS) / days;
  if (!Number.isFinite(s)) throw new NoSolutionError("the contango slope is not a finite number for these inputs");
  return s;
}

/** clamp(1 + gain * (neutral - s), floor, cap); inputs already validated, floor <= cap. */
function regimeRatio(s: number, gain: number, neutral: number, floor: number, cap: number): number {
  // gain = 0 is tested apart: (neutral - s) may overflow to Infinity, and 0 * Infinity is NaN.
  const raw = gain === 0 ? 1 : 1 + gain * (neutral - s);
  return Math.min(cap, Math.max(floor, raw));
}
