/**
 * STRESS of SPEC.md's "Stress and time-shift": the hedged book's dollar P/L over a grid of SPX
 * and VIX moves. A thin adapter over src/core/stress (prepareBook, stressGrid); ranges follow
 * hedge.ts's rules (trailing blank rows or cells ignored, a blank between filled ones is #VALUE!).
 *
 * `hedge` is VIX_HEDGE's first seven columns (instrument, days, price, strike, volOrLeverage,
 * units, multiplier); VIX_HEDGE's whole 10-column spill is accepted too, its last three columns
 * (premium, cost, carry) unread, so that `=SHIELD.STRESS(..., H2#)` works on the spill as it is.
 */
import { InputError, NoSolutionError } from "../core/errors";
import { inRow } from "../core/positions";
import { prepareBook, stressGrid, type HedgeHolding } from "../core/stress";
import { parseInstrument } from "../core/vixHedge/instruments";
import { excelCall, isOmitted, matrix, maybeNum, num, optNum, series, text, toExcelError, unwrap, usedLength, type CellValue } from "./excel";
import { isBlankRow, readLegs } from "./hedge";

const HEDGE_COLUMNS = ["instrument", "days", "price", "strike", "volOrLeverage", "units", "multiplier"] as const;
/** Columns every hedge row fills (strike and volOrLeverage depend on the instrument: the core checks them). */
const REQUIRED_HEDGE_COLUMNS = [0, 1, 2, 5, 6];
/** VIX_HEDGE's full output is 10 columns wide; its first seven are the hedge. */
const HEDGE_SPILL_WIDTH = 10;

/**
 * The hedged book's dollar P/L under joint SPX and VIX moves, by full revaluation.
 * @customfunction STRESS
 * @helpurl https://localhost:3000/functions.html#stress
 * @param {any[][]} legs An n x 5 range: type (C/P), strike, qty in contracts (+ long, - short), days, vol.
 * @param {any} spot Price of the underlying now, e.g. 5000.
 * @param {any[][]} spotMoves Relative moves of the underlying, a row or column (-0.05 = down 5%): one output row each.
 * @param {any[][]} vixMoves VIX moves in index points, a row or column: one output column each.
 * @param {any} [daysForward] Calendar days that pass before the shock (default 0).
 * @param {any} [multiplier] Dollars per point per leg contract (default 100).
 * @param {any[][]} [hedge] VIX_HEDGE's first seven columns: instrument, days, price, strike, volOrLeverage, units, multiplier.
 * @param {any} [vixSpot] Spot VIX (the F_d of ETF rows when the hedge has no futures or option row).
 * @param {any} [rate] Risk-free rate as a decimal, continuous (default 0).
 * @param {any} [yield_] Dividend yield of the underlying as a decimal, continuous (default 0).
 * @returns {any[][]} An m x n grid of dollar P/L (value then minus value now, legs plus hedge).
 */
export function STRESS(
  legs: any[][],
  spot: any,
  spotMoves: any[][],
  vixMoves: any[][],
  daysForward?: any,
  multiplier?: any,
  hedge?: any[][],
  vixSpot?: any,
  rate?: any,
  yield_?: any,
): any[][] {
  return excelCall("STRESS", () => {
    const book = prepareBook({
      legs: readLegs(legs),
      spot: num("spot", spot),
      multiplier: optNum("multiplier", multiplier, 100),
      hedge: readHedge(hedge),
      vixSpot: maybeNum("vixSpot", vixSpot),
      rate: optNum("rate", rate, 0),
      yield: optNum("yield", yield_, 0),
    });
    const grid = stressGrid(book, readMoves("spotMoves", spotMoves), readMoves("vixMoves", vixMoves), optNum("daysForward", daysForward, 0));
    return grid.map((row) => row.map((cell) => (cell instanceof NoSolutionError ? toExcelError("STRESS", cell) : cell.total)));
  });
}

/** A row or column of moves; trailing blank cells ignored, a blank between moves is #VALUE! naming its cell. */
function readMoves(name: string, value: unknown): number[] {
  if (isOmitted(unwrap(value))) throw new InputError(name, "is required", unwrap(value));
  const cells = series(name, value).values;
  const used = cells.slice(0, usedLength(cells));
  if (used.length === 0) throw new InputError(name, "must have at least one move", "(empty)");
  return used.map((cell, i) => num(`${name} cell ${i + 1}`, cell));
}

/** A blank strike or volOrLeverage cell (null, "" or 0) is "not given", as in VIX_HEDGE's layers. */
function optionalCell(name: string, cell: CellValue): number | undefined {
  return isOmitted(cell) || cell === 0 ? undefined : num(name, cell);
}

/** The hedge rows of a k x 7 (or VIX_HEDGE's k x 10) range; omitted -> no hedge. */
function readHedge(value: unknown): HedgeHolding[] {
  if (isOmitted(unwrap(value))) return [];
  const m = matrix(value);
  const width = m[0]?.length ?? 0;
  if (m.some((row) => row.length !== width) || (width !== HEDGE_COLUMNS.length && width !== HEDGE_SPILL_WIDTH)) {
    throw new InputError(
      "hedge",
      `must be VIX_HEDGE's first ${HEDGE_COLUMNS.length} columns (${HEDGE_COLUMNS.join(", ")}) or its whole ${HEDGE_SPILL_WIDTH}-column output`,
      `a ${m.length}x${width} range`,
    );
  }
  const rows = m.map((row) => row.slice(0, HEDGE_COLUMNS.length));
  return rows.slice(0, usedLength(rows, isBlankRow)).map((row, i) => {
    REQUIRED_HEDGE_COLUMNS.forEach((j) => {
      if (isOmitted(row[j])) throw new InputError(`hedge row ${i + 1} ${HEDGE_COLUMNS[j]}`, "is required", row[j]);
    });
    return inRow("hedge", i + 1, () => ({
      instrument: parseInstrument(text("instrument", row[0])),
      days: num("days", row[1]),
      price: num("price", row[2]),
      strike: optionalCell("strike", row[3]),
      volOrLeverage: optionalCell("volOrLeverage", row[4]),
      units: num("units", row[5]),
      multiplier: num("multiplier", row[6]),
      row: i + 1,
    }));
  });
}
