/**
 * PROB_PROFIT_TARGET, the "P50" (SPEC.md, "Stress and time-shift"): the risk-neutral probability
 * that the short condor can be bought back for at most (1 - target) x credit on one of its
 * monitoring dates. Deterministic: a backward induction over log-price with the exact Gaussian
 * transition of log S, integrated by a Nystrom method (no interpolation anywhere).
 *
 * Monitoring dates (docs/decisions.md): the instants 1, 2, ... whole calendar days BEFORE expiry
 * that are still in the future (tau = k days to expiry, 1 <= k < days), and expiry itself. So a
 * condor with days = 45 is checked at 44, 43, ..., 1 and 0 days left (45 checks), and one with
 * days = 10.5 first after half a day (at 10 days left), then daily. Now itself is not a check.
 * With days <= 1 only expiry is left; days = 0 checks the spot now, at intrinsic value.
 *
 * The path: ln S moves with vol sigma = (vol_putShort + vol_callShort) / 2 and drift
 * (rate - yield - sigma^2 / 2) per year; the mark on each date is condorPrice at that price and
 * days left with each leg's own vol (at expiry: intrinsic value).
 *
 * Method (docs/time-shift.md). u_k(x), the probability of reaching the target on date k or later
 * given ln S = x on date k and not reached before, is 1 on the hit set H_k (found by
 * hitRegion.ts) and g_k(x) = E[u_{k-1}(x + drift + s Z)] off it, s the one-day sd. g_k is a
 * Gaussian convolution, hence smooth with every derivative bounded by (1/2) int|He_j phi| / s^j,
 * and it is only ever integrated over the continuation set C_{k-1}. So each date's integral
 *   g_k(x) = sum over quadrature nodes y of C_{k-1}: w_y phi_s(y - x - drift) g_{k-1}(y)
 *          + P(x + drift + s Z in H_{k-1})     (exactly, by normCdf)
 * uses the 10-point Gauss-Legendre rule on panels 3 s wide, panels that H_{k-1} cuts being
 * replaced by a rule on each piece outside it, so no node straddles a jump of u. The nodes of
 * date k-1 are where g_{k-1} was computed on date k-1: no interpolation. All weights are positive,
 * so errors do not grow from date to date.
 *
 * Error bound (returned by `profitTargetDetailed`): per date the Gauss-Legendre remainder,
 * (w^21 (10!)^4 / (21 (20!)^3)) sup|f^(20)| summed over panels, is at most PANEL_ERROR (computed
 * by scripts/profit-target-bound.js from Leibniz's rule with the derivative bounds above); the
 * log-price grid spans DOMAIN_SDS total sds beyond the drift on both sides, so a path leaves it
 * with probability at most 4 Phi(-DOMAIN_SDS) (reflection principle); the kernel is cut at
 * KERNEL_SDS sds (2 Phi(-KERNEL_SDS) a date); boundaries are solved to BOUNDARY_TOL.
 */
import { InputError, NoSolutionError } from "../errors";
import { normCdf } from "../normal";
import { probBetween } from "../probability";
import { DAYS_PER_YEAR } from "../units";
import { condorValue, creditRule, legVols, validateStrikes, type CondorStrikes, type CondorVols } from "../condor";
import { days as daysRule, positive, rate as rateRule } from "../validate";
import { gaussLegendre } from "./gaussLegendre";
import { BOUNDARY_TOL, hitIntervals, priceInterval, type Interval } from "./hitRegion";

/** Gauss-Legendre points per panel. */
export const GL_POINTS = 10;
/** Panel width in one-day standard deviations of ln S. */
export const PANEL_SDS = 3;
/** Bound on one date's quadrature error with GL_POINTS and PANEL_SDS (scripts/profit-target-bound.js). */
export const PANEL_ERROR = 2.3e-9;
/** Half-width of the log-price grid beyond the drift, in standard deviations of ln S to expiry. */
export const DOMAIN_SDS = 7;
/**
 * The longest `days` PROB_PROFIT_TARGET takes: ten years of daily checks. The work grows as
 * days^1.5 (dates x grid nodes), about a second at this bound; beyond it a cell would freeze Excel.
 */
export const MAX_P50_DAYS = 3650;
/**
 * The work budget: grid panels x monitoring dates. Ten years of daily checks at an ordinary vol
 * use about 1e6; only a vol tiny against rate - yield (a near-deterministic path drifting across
 * many panels) goes beyond, and is #NUM! rather than a frozen cell.
 */
export const MAX_PANEL_DATES = 2e6;
/** At most this many scan points per date in the hit-set search (an extreme skew would ask for more). */
export const MAX_SCAN_POINTS = 1500;
/** Scan spacing of the hit-set search, in standard deviations (to expiry, of the smallest leg vol) of ln S. */
export const SCAN_SDS = 2;
/** Where the one-day Gaussian kernel is cut, in its standard deviations. */
export const KERNEL_SDS = 8.5;

const INV_SQRT_2PI = 0.3989422804014327;
/** ln of the smallest and largest prices the grid may reach (keeps e^x a normal double). */
const LOG_PRICE_MIN = Math.log(1e-280);
const LOG_PRICE_MAX = Math.log(1e280);

/** The result with its stated accuracy. */
export interface ProfitTargetResult {
  probability: number;
  /** A bound on |probability - exact|: quadrature + truncation + boundary location. */
  errorBound: number;
  /** Monitoring dates used (whole days before expiry still ahead, plus expiry). */
  dates: number;
}

/** The target rule: a fraction of the credit in (0, 1]. */
export function targetRule(target: number): number {
  if (!(typeof target === "number" && Number.isFinite(target) && target > 0 && target <= 1)) {
    throw new InputError("target", "must be a fraction of the credit greater than 0 and at most 1 (0.5 = buy back at half the credit)", target);
  }
  return target;
}

/**
 * The probability of reaching the profit target (see the file comment).
 *
 * Throws InputError for spot <= 0, strikes out of order, days outside [0, MAX_P50_DAYS], a vol outside
 * (0, 5] or a count other than one or four, a credit < 0, a target outside (0, 1], |rate| or
 * |yield| > 1; NoSolutionError when the paths' price range leaves 1e-280..1e280, or if the result
 * were not a finite probability (a guard).
 *
 * @example probProfitTarget(5000, { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 }, 45, 0.18, 20.2) // => about 0.5
 */
export function probProfitTarget(
  spot: number,
  strikes: CondorStrikes,
  days: number,
  vols: CondorVols,
  credit: number,
  target = 0.5,
  rate = 0,
  yield_ = 0,
): number {
  return profitTargetDetailed(spot, strikes, days, vols, credit, target, rate, yield_).probability;
}

/** As probProfitTarget, with the error bound and the number of monitoring dates. */
export function profitTargetDetailed(
  spot: number,
  strikes: CondorStrikes,
  days: number,
  vols: CondorVols,
  credit: number,
  target = 0.5,
  rate = 0,
  yield_ = 0,
): ProfitTargetResult {
  positive("spot", spot);
  validateStrikes(strikes);
  daysRule("days", days);
  if (days > MAX_P50_DAYS) {
    throw new InputError(
      "days",
      `must be at most ${MAX_P50_DAYS} for the profit-target probability (ten years of daily checks; more would take minutes)`,
      days,
    );
  }
  const v = legVols(vols);
  creditRule(credit);
  targetRule(target);
  rateRule("rate", rate);
  rateRule("yield", yield_);

  const threshold = (1 - target) * credit;
  const sigma = (v[1] + v[2]) / 2;
  const hit0 = expiryHitSet(strikes, threshold);
  // K = whole days before expiry still ahead (1 <= k < days).
  const K = days > 0 ? Math.ceil(days) - 1 : 0;
  const dates = K + 1;
  if (days === 0 || K === 0) {
    const p = hit0.reduce((sum, h) => sum + probBetween(spot, h.priceLo, h.priceHi, days, sigma, rate, yield_), 0);
    return finish(p, 0, dates);
  }

  const grid = makeGrid(spot, days, sigma, rate, yield_);
  if (grid.panels * dates > MAX_PANEL_DATES) {
    throw new NoSolutionError(
      `daily checks over ${days} days need ${grid.panels} grid panels for each of ${dates} dates, beyond the ${MAX_PANEL_DATES} budget: the path vol ${sigma} is tiny against rate - yield`,
    );
  }
  const rule = gaussLegendre(GL_POINTS);
  const oneDay = kernel(1, sigma, rate, yield_);
  const table = toeplitz(grid, rule, oneDay);
  const minVol = Math.min(...v);
  const hitAt = (k: number): Interval[] => {
    const tau = k;
    const step = Math.max((grid.xhi - grid.xlo) / MAX_SCAN_POINTS, SCAN_SDS * minVol * Math.sqrt(tau / DAYS_PER_YEAR));
    return hitIntervals((x) => condorValue(Math.exp(x), strikes, tau, v, rate, yield_) - threshold, grid.xlo, grid.xhi, step);
  };

  // Date 0 (expiry): u_0 is the indicator of H_0; g_0 = 0 on C_0, which then carries no nodes.
  let prev: NodeSet = { hit: hit0, full: new Uint8Array(grid.panels), fixed: new Float64Array(grid.panels * GL_POINTS), free: [] };
  for (let k = 1; k < K; k++) {
    const hit = hitAt(k);
    const next = nodesOff(hit, grid, rule);
    fillFixed(next, prev, grid, table, oneDay);
    for (const node of next.free) node.g = expectation(node.x, prev, grid, rule, oneDay);
    prev = next;
  }

  // The last step: from now to the first monitoring date (k = K), over days - K (0 < . <= 1).
  const hitK = hitAt(K);
  const first = kernel(days - K, sigma, rate, yield_);
  const center = Math.log(spot) + first.drift;
  let p = hitK.reduce((sum, h) => sum + (h.priceLo < h.priceHi ? probBetween(spot, h.priceLo, h.priceHi, days - K, sigma, rate, yield_) : 0), 0);
  const width = PANEL_SDS * first.sd;
  const from = center - KERNEL_SDS * first.sd;
  const panels = Math.ceil((2 * KERNEL_SDS * first.sd) / width);
  for (let j = 0; j < panels; j++) {
    for (const [a, b] of piecesOff(from + j * width, from + (j + 1) * width, hitK)) {
      for (let i = 0; i < GL_POINTS; i++) {
        const y = a + (b - a) * rule.nodes[i];
        const z = (y - center) / first.sd;
        const g = expectation(y, prev, grid, rule, oneDay);
        p += ((b - a) * rule.weights[i] * INV_SQRT_2PI * Math.exp(-0.5 * z * z) * g) / first.sd;
      }
    }
  }
  const bound =
    dates * (PANEL_ERROR + 2 * normCdf(-KERNEL_SDS)) + 4 * normCdf(-DOMAIN_SDS) + dates * 4 * BOUNDARY_TOL * (INV_SQRT_2PI / Math.min(first.sd, oneDay.sd));
  return finish(p, bound, dates);
}

function finish(p: number, bound: number, dates: number): ProfitTargetResult {
  if (!Number.isFinite(p)) throw new NoSolutionError("the profit-target probability could not be computed for these inputs");
  return { probability: Math.min(1, Math.max(0, p)), errorBound: bound, dates };
}

/** H_0: prices where the intrinsic buy-back cost is at most the threshold (a side whose width the threshold reaches is unbounded). */
function expiryHitSet(k: CondorStrikes, threshold: number): Interval[] {
  const lo = threshold < k.putShort - k.putLong ? k.putShort - threshold : 0;
  const hi = threshold < k.callLong - k.callShort ? k.callShort + threshold : Infinity;
  return lo < hi ? [priceInterval(lo, hi)] : [];
}

/** The one-step transition of ln S over `days`: its drift and standard deviation. */
interface Kernel {
  drift: number;
  sd: number;
}

function kernel(days: number, sigma: number, rate: number, yield_: number): Kernel {
  const T = days / DAYS_PER_YEAR;
  return { drift: (rate - yield_ - 0.5 * sigma * sigma) * T, sd: sigma * Math.sqrt(T) };
}

/** The log-price grid: `panels` panels of `width` from xlo to xhi. */
interface Grid {
  xlo: number;
  xhi: number;
  width: number;
  panels: number;
}

function makeGrid(spot: number, days: number, sigma: number, rate: number, yield_: number): Grid {
  const total = kernel(days, sigma, rate, yield_);
  const x0 = Math.log(spot);
  const width = PANEL_SDS * kernel(1, sigma, rate, yield_).sd;
  const lo = Math.min(x0, x0 + total.drift) - DOMAIN_SDS * total.sd - width;
  const hi = Math.max(x0, x0 + total.drift) + DOMAIN_SDS * total.sd + width;
  if (!(lo > LOG_PRICE_MIN && hi < LOG_PRICE_MAX)) {
    throw new NoSolutionError(`the price paths from spot ${spot} over ${days} days reach beyond the range of a double (1e-280 to 1e280)`);
  }
  const panels = Math.max(1, Math.ceil((hi - lo) / width));
  return { xlo: lo, xhi: lo + panels * width, width, panels };
}

/** g at the nodes of one date: fixed nodes of the panels H leaves whole, free nodes on cut panels. */
interface NodeSet {
  hit: Interval[];
  /** 1 where the panel lies wholly in the continuation set (its fixed nodes carry g). */
  full: Uint8Array;
  /** g at the fixed nodes, panel by panel (GL_POINTS each). */
  fixed: Float64Array;
  /** Nodes of the pieces of cut panels outside H: position, weight (including the piece's width), g. */
  free: Array<{ x: number; w: number; g: number }>;
}

/** The parts of [a, b] outside the intervals (sorted, disjoint). */
function piecesOff(a: number, b: number, hit: readonly Interval[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = a;
  for (const h of hit) {
    if (h.hi <= start || h.lo >= b) continue;
    if (h.lo > start) out.push([start, h.lo]);
    start = Math.max(start, h.hi);
    if (start >= b) return out;
  }
  if (start < b) out.push([start, b]);
  return out;
}

function nodesOff(hit: Interval[], grid: Grid, rule: { nodes: number[]; weights: number[] }): NodeSet {
  const full = new Uint8Array(grid.panels);
  const free: NodeSet["free"] = [];
  for (let p = 0; p < grid.panels; p++) {
    const a = grid.xlo + p * grid.width;
    const b = a + grid.width;
    const pieces = piecesOff(a, b, hit);
    if (pieces.length === 1 && pieces[0][0] === a && pieces[0][1] === b) {
      full[p] = 1;
      continue;
    }
    for (const [c, d] of pieces) {
      for (let i = 0; i < rule.nodes.length; i++) free.push({ x: c + (d - c) * rule.nodes[i], w: (d - c) * rule.weights[i], g: 0 });
    }
  }
  return { hit, full, fixed: new Float64Array(grid.panels * GL_POINTS), free };
}

/** The kernel between fixed nodes: w_b phi_s(y_b - x_a - drift) for panel offset d = q - p, dMin <= d <= dMax. */
interface Toeplitz {
  dMin: number;
  dMax: number;
  weights: Float64Array;
}

function toeplitz(grid: Grid, rule: { nodes: number[]; weights: number[] }, k: Kernel): Toeplitz {
  const n = GL_POINTS;
  // The band of panel offsets the kernel reaches, centred on the drift.
  const dMin = Math.floor((k.drift - KERNEL_SDS * k.sd) / grid.width) - 1;
  const dMax = Math.ceil((k.drift + KERNEL_SDS * k.sd) / grid.width) + 1;
  const weights = new Float64Array((dMax - dMin + 1) * n * n);
  for (let d = dMin; d <= dMax; d++) {
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const z = ((d + rule.nodes[b] - rule.nodes[a]) * grid.width - k.drift) / k.sd;
        weights[((d - dMin) * n + a) * n + b] = Math.abs(z) > KERNEL_SDS ? 0 : (grid.width * rule.weights[b] * INV_SQRT_2PI * Math.exp(-0.5 * z * z)) / k.sd;
      }
    }
  }
  return { dMin, dMax, weights };
}

/** P(x + drift + sd Z in [lo, hi]) summed over the intervals; exact up to normCdf's rounding. */
function hitMass(x: number, hit: readonly Interval[], k: Kernel): number {
  let sum = 0;
  const c = x + k.drift;
  for (const h of hit) {
    const zl = (h.lo - c) / k.sd;
    const zh = (h.hi - c) / k.sd;
    if (zh < -KERNEL_SDS - 1 || zl > KERNEL_SDS + 1) continue;
    if (zl > 0) sum += normCdf(-zl) - normCdf(-zh);
    else sum += normCdf(zh) - normCdf(zl);
  }
  return sum;
}

/** g at every fixed node of `next` from date `prev`: Toeplitz over fixed nodes, direct over free ones, exact over H. */
function fillFixed(next: NodeSet, prev: NodeSet, grid: Grid, t: Toeplitz, k: Kernel): void {
  const n = GL_POINTS;
  const rule = gaussLegendre(n);
  for (let p = 0; p < grid.panels; p++) {
    if (!next.full[p]) continue;
    const q0 = Math.max(0, p + t.dMin);
    const q1 = Math.min(grid.panels - 1, p + t.dMax);
    for (let a = 0; a < n; a++) {
      let sum = 0;
      for (let q = q0; q <= q1; q++) {
        if (!prev.full[q]) continue;
        const row = ((q - p - t.dMin) * n + a) * n;
        const base = q * n;
        for (let b = 0; b < n; b++) sum += t.weights[row + b] * prev.fixed[base + b];
      }
      const x = grid.xlo + (p + rule.nodes[a]) * grid.width;
      next.fixed[p * n + a] = sum + freeSum(x, prev, k) + hitMass(x, prev.hit, k);
    }
  }
}

function freeSum(x: number, prev: NodeSet, k: Kernel): number {
  let sum = 0;
  const c = x + k.drift;
  for (const node of prev.free) {
    const z = (node.x - c) / k.sd;
    if (z > KERNEL_SDS || z < -KERNEL_SDS) continue;
    sum += (node.w * INV_SQRT_2PI * Math.exp(-0.5 * z * z) * node.g) / k.sd;
  }
  return sum;
}

/** g at any log-price x from date `prev` (direct kernel evaluations). */
function expectation(x: number, prev: NodeSet, grid: Grid, rule: { nodes: number[]; weights: number[] }, k: Kernel): number {
  const n = GL_POINTS;
  const c = x + k.drift;
  let sum = 0;
  const q0 = Math.max(0, Math.floor((c - KERNEL_SDS * k.sd - grid.xlo) / grid.width));
  const q1 = Math.min(grid.panels - 1, Math.floor((c + KERNEL_SDS * k.sd - grid.xlo) / grid.width));
  for (let q = q0; q <= q1; q++) {
    if (!prev.full[q]) continue;
    for (let b = 0; b < n; b++) {
      const z = (grid.xlo + (q + rule.nodes[b]) * grid.width - c) / k.sd;
      if (z > KERNEL_SDS || z < -KERNEL_SDS) continue;
      sum += (grid.width * rule.weights[b] * INV_SQRT_2PI * Math.exp(-0.5 * z * z) * prev.fixed[q * n + b]) / k.sd;
    }
  }
  return sum + freeSum(x, prev, k) + hitMass(x, prev.hit, k);
}
