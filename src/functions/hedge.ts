/**
 * Custom functions of SPEC.md's "Positions" and "The Adaptive Layered VIX Hedge" sections.
 * Thin adapters: read Excel's cells (excel.ts), call the core (core/positions.ts, core/hedge.ts),
 * let excelCall map failures to Excel errors. An omitted constant arrives in the core as
 * `undefined`, so the core's defaults (ALVH_DEFAULTS, SPEC.md's values) are the only ones.
 *
 * Ranges (legs, curve): blank trailing rows, as when a user selects more rows than are filled,
 * are ignored; a partly filled row is #VALUE! naming its 1-based row within the range. A row is
 * blank when every cell is empty (null, "" or undefined) or 0, since SPEC.md lets an empty cell
 * arrive as 0 and an all-zero row is never a valid leg or layer (type and days would be bad).
 * In `legs`, a blank row between legs is skipped too (a sum does not care); in `curve` it is an
 * error, since each curve row gives one ladder row. In `weights` only empty cells at the end are
 * dropped (a weight of 0 is valid).
 */
import { parseOptionType } from "../core/bsm";
import { InputError } from "../core/errors";
import { vixBeta, vixContango, vixLadder, vixLayerRatio, type CurveLayer } from "../core/hedge";
import { inRow, Position, type Leg } from "../core/positions";
import { excelCall, isOmitted, matrix, maybeNum, num, optNum, series, text, unwrap, usedLength, type CellValue } from "./excel";

/**
 * Value and greeks of any set of option legs (qty-weighted sums), per unit of the underlying.
 * @customfunction POSITION_GREEKS
 * @helpurl https://localhost:3000/functions.html#position_greeks
 * @param {any[][]} legs An n x 5 range: type (C/P), strike, qty (+ long, - short), days, vol.
 * @param {any} spot Price of the underlying, e.g. 5000.
 * @param {any} [rate] Risk-free rate as a decimal, continuous (default 0).
 * @param {any} [yield_] Dividend yield as a decimal, continuous (default 0).
 * @returns {any[][]} A 1x9 row: value, delta, gamma, theta, vega, rho, vanna, charm, vomma.
 */
export function POSITION_GREEKS(legs: any[][], spot: any, rate?: any, yield_?: any): any[][] {
  return excelCall("POSITION_GREEKS", () => {
    const position = new Position(num("spot", spot), optNum("rate", rate, 0), optNum("yield", yield_, 0));
    addLegs(legs, position);
    const g = position.total();
    return [[g.price, g.delta, g.gamma, g.theta, g.vega, g.rho, g.vanna, g.charm, g.vomma]];
  });
}

/**
 * The beta of a VIX future of `days` days to spot VIX: min(1, beta30 x (30/days)^exponent).
 * @customfunction VIX_BETA
 * @helpurl https://localhost:3000/functions.html#vix_beta
 * @param {any} days Calendar days to the future's expiry (> 0).
 * @param {any} [beta30] Beta of a 30-day future (default 0.5).
 * @param {any} [exponent] Tenor decay exponent (default 0.5).
 * @returns {number} The layer's futures beta.
 */
export function VIX_BETA(days: any, beta30?: any, exponent?: any): number {
  return excelCall("VIX_BETA", () => vixBeta(num("days", days), maybeNum("beta30", beta30), maybeNum("exponent", exponent)));
}

/**
 * The contango slope of a VIX future per 30 days: (futurePrice / vixSpot - 1) x 30 / futureDays.
 * @customfunction VIX_CONTANGO
 * @helpurl https://localhost:3000/functions.html#vix_contango
 * @param {any} vixSpot Spot VIX, e.g. 16.5.
 * @param {any} futurePrice The future's price, e.g. 17.4.
 * @param {any} futureDays Calendar days to the future's expiry (> 0).
 * @returns {number} The slope as a decimal per 30 days.
 */
export function VIX_CONTANGO(vixSpot: any, futurePrice: any, futureDays: any): number {
  return excelCall("VIX_CONTANGO", () => vixContango(num("vixSpot", vixSpot), num("futurePrice", futurePrice), num("futureDays", futureDays)));
}

/**
 * The regime ratio of one hedge layer: clamp(1 + gain x (neutral - slope), floor, cap).
 * @customfunction VIX_LAYER_RATIO
 * @helpurl https://localhost:3000/functions.html#vix_layer_ratio
 * @param {any} vixSpot Spot VIX, e.g. 16.5.
 * @param {any} futurePrice The future's price, e.g. 17.4.
 * @param {any} futureDays Calendar days to the future's expiry (> 0).
 * @param {any} [gain] Ratio change per unit of slope (default 3).
 * @param {any} [neutral] Slope per 30 days at which the ratio is 1 (default 0.05).
 * @param {any} [floor] Lowest ratio (default 0.7).
 * @param {any} [cap] Highest ratio (default 1.3).
 * @returns {number} The layer's regime ratio.
 */
export function VIX_LAYER_RATIO(vixSpot: any, futurePrice: any, futureDays: any, gain?: any, neutral?: any, floor?: any, cap?: any): number {
  return excelCall("VIX_LAYER_RATIO", () =>
    vixLayerRatio(
      num("vixSpot", vixSpot),
      num("futurePrice", futurePrice),
      num("futureDays", futureDays),
      maybeNum("gain", gain),
      maybeNum("neutral", neutral),
      maybeNum("floor", floor),
      maybeNum("cap", cap),
    ),
  );
}

/**
 * The layered VIX futures hedge of a position's vega: one row per curve layer.
 * @customfunction VIX_LADDER
 * @helpurl https://localhost:3000/functions.html#vix_ladder
 * @param {any} positionVega The position's dollar vega per vol point (negative when short vol).
 * @param {any} positionDays Calendar days to the position's expiry.
 * @param {any} vixSpot Spot VIX, e.g. 16.5.
 * @param {any[][]} curve A k x 2 range, 1 to 12 rows: days, futures price.
 * @param {any[][]} [weights] k cells (row or column), divided by their sum (default 0.5/0.3/0.2 for three layers, else equal).
 * @param {any} [multiplier] Dollars per VIX point per contract: 1000 VX (default), 100 VXM.
 * @param {any} [beta30] Beta of a 30-day future (default 0.5).
 * @param {any} [exponent] Tenor decay exponent of the beta (default 0.5).
 * @param {any} [gain] Regime ratio change per unit of slope (default 3).
 * @param {any} [neutral] Slope per 30 days at which the ratio is 1 (default 0.05).
 * @param {any} [floor] Lowest regime ratio (default 0.7).
 * @param {any} [cap] Highest regime ratio (default 1.3).
 * @param {any} [betaIvCap] Cap of the position's vol move per VIX point (default 1.5).
 * @returns {any[][]} A k x 6 table: days, futures price, weight, beta, ratio, contracts (+ buy).
 */
export function VIX_LADDER(
  positionVega: any,
  positionDays: any,
  vixSpot: any,
  curve: any[][],
  weights?: any[][],
  multiplier?: any,
  beta30?: any,
  exponent?: any,
  gain?: any,
  neutral?: any,
  floor?: any,
  cap?: any,
  betaIvCap?: any,
): any[][] {
  return excelCall("VIX_LADDER", () => {
    const rows = vixLadder(num("positionVega", positionVega), num("positionDays", positionDays), num("vixSpot", vixSpot), readCurve(curve), {
      weights: readWeights(weights),
      multiplier: maybeNum("multiplier", multiplier),
      beta30: maybeNum("beta30", beta30),
      exponent: maybeNum("exponent", exponent),
      gain: maybeNum("gain", gain),
      neutral: maybeNum("neutral", neutral),
      floor: maybeNum("floor", floor),
      cap: maybeNum("cap", cap),
      betaIvCap: maybeNum("betaIvCap", betaIvCap),
    });
    return rows.map((r) => [r.days, r.price, r.weight, r.beta, r.ratio, r.contracts]);
  });
}

const LEG_COLUMNS = ["type", "strike", "qty", "days", "vol"] as const;
const CURVE_COLUMNS = ["days", "futures price"] as const;

/** Every cell empty, or 0 (an empty cell as some paths deliver it). */
export function isBlankRow(row: CellValue[]): boolean {
  return row.every((cell) => isOmitted(cell) || cell === 0);
}

/** The rows of a range `width` columns wide, trailing blank rows removed. */
export function rowsOf(name: string, value: unknown, width: number, columns: string): CellValue[][] {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  const m = matrix(value);
  if (m.some((row) => row.length !== width)) {
    throw new InputError(name, `must be a range ${width} columns wide (${columns})`, `a ${m.length}x${m[0]?.length ?? 0} range`);
  }
  return m.slice(0, usedLength(m, isBlankRow));
}

/** Checks that every cell of a (non-blank) row is filled, naming the first empty one. */
export function requireFilled(name: string, row: CellValue[], index: number, columns: readonly string[]): void {
  row.forEach((cell, j) => {
    if (isOmitted(cell)) throw new InputError(`${name} row ${index + 1} ${columns[j]}`, "is required", cell);
  });
}

/** The legs of an n x 5 range (type, strike, qty, days, vol) as a list; blank rows skipped. */
export function readLegs(value: unknown): Leg[] {
  const legs: Leg[] = [];
  rowsOf("legs", value, LEG_COLUMNS.length, LEG_COLUMNS.join(", ")).forEach((row, i) => {
    const leg = readLeg(row, i);
    if (leg) legs.push(leg);
  });
  return legs;
}

/** Adds the legs of an n x 5 range (type, strike, qty, days, vol) to `position`; blank rows skipped. */
function addLegs(value: unknown, position: Position): void {
  const rows = rowsOf("legs", value, LEG_COLUMNS.length, LEG_COLUMNS.join(", "));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const type = row[0];
    const strike = row[1];
    const qty = row[2];
    const days = row[3];
    const vol = row[4];
    // Fast path, the common row: "C"/"P" and four finite numbers (the core checks their domains).
    const kind = type === "C" || type === "c" ? "call" : type === "P" || type === "p" ? "put" : undefined;
    if (kind !== undefined && isFiniteNumber(strike) && isFiniteNumber(qty) && isFiniteNumber(days) && isFiniteNumber(vol)) {
      position.add(kind, strike, qty, days, vol, i + 1);
    } else {
      const leg = readLeg(row, i);
      if (leg) position.add(leg.kind, leg.strike, leg.qty, leg.days, leg.vol, i + 1);
    }
  }
}

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && v - v === 0;

/** A leg row off the fast path: blank rows skipped, every cell required and parsed, errors naming the row. */
function readLeg(row: CellValue[], i: number): Leg | undefined {
  if (isBlankRow(row)) return undefined;
  requireFilled("legs", row, i, LEG_COLUMNS);
  return inRow("legs", i + 1, () => ({
    kind: parseOptionType(text("type", row[0])),
    strike: num("strike", row[1]),
    qty: num("qty", row[2]),
    days: num("days", row[3]),
    vol: num("vol", row[4]),
    row: i + 1,
  }));
}

/** The layers of a k x 2 range (days, futures price); trailing blank rows ignored. */
export function readCurve(value: unknown): CurveLayer[] {
  return rowsOf("curve", value, CURVE_COLUMNS.length, CURVE_COLUMNS.join(", ")).map((row, i) => {
    requireFilled("curve", row, i, CURVE_COLUMNS);
    return { days: num(`curve row ${i + 1} days`, row[0]), price: num(`curve row ${i + 1} futures price`, row[1]) };
  });
}

/** Weights as k cells of a row or column; omitted or all blank -> undefined (the default weights). */
export function readWeights(value: unknown): number[] | undefined {
  if (isOmitted(unwrap(value))) return undefined;
  const cells = series("weights", value).values;
  const end = usedLength(cells);
  if (end === 0) return undefined;
  return cells.slice(0, end).map((cell, i) => num(`weights cell ${i + 1}`, cell));
}
