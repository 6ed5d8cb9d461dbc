/**
 * Custom functions of SPEC.md's "The ALVH with options and ETFs (VIX_HEDGE)": VIX_HEDGE, VIX_CM
 * and VIX_TERM. Thin adapters over src/core/vixHedge; ranges follow hedge.ts's rules (trailing
 * blank rows ignored, a blank row between filled ones is #VALUE! naming its row).
 *
 * In `layers`, a blank strike or volOrLeverage cell (null, "" or 0, since an empty cell may arrive
 * as 0) is "not given"; the core then says which instrument needs it or must leave it blank.
 */
import { NoSolutionError, NotAvailableError } from "../core/errors";
import { inRow } from "../core/positions";
import { vixCm } from "../core/vixHedge/curve";
import { vixHedge, type LayerSize } from "../core/vixHedge/hedge";
import { parseInstrument, type Layer } from "../core/vixHedge/instruments";
import { vixTerm } from "../core/vixHedge/term";
import { excelCall, isOmitted, num, optNum, text, toExcelError, type CellValue } from "./excel";
import { readCurve, readWeights, requireFilled, rowsOf } from "./hedge";

const LAYER_COLUMNS = ["instrument", "days", "price", "strike", "volOrLeverage"] as const;

/**
 * The ALVH over mixed layers: VX/VXM futures, VIX calls and puts (Black-76), VIX ETF shares.
 * @customfunction VIX_HEDGE
 * @helpurl https://localhost:3000/functions.html#vix_hedge
 * @param {any} positionVega The position's dollar vega per vol point (negative when short vol).
 * @param {any} positionDays Calendar days to the position's expiry.
 * @param {any} vixSpot Spot VIX, e.g. 16.5.
 * @param {any[][]} layers A k x 5 range, 1 to 12 rows: instrument (FUT, VXM, CALL, PUT, ETF), days, price (future or ETF), strike (options), vol (options) or leverage (ETF).
 * @param {any[][]} [weights] k cells (row or column), divided by their sum (default 0.5/0.3/0.2 for three layers, else equal).
 * @param {any} [rate] Rate for the options' discounting, continuous decimal (default 0).
 * @returns {any[][]} A k x 10 table: instrument, days, price, strike, volOrLeverage, units (+ buy), multiplier, premium, cost, carry per day.
 */
export function VIX_HEDGE(positionVega: any, positionDays: any, vixSpot: any, layers: any[][], weights?: any[][], rate?: any): any[][] {
  return excelCall("VIX_HEDGE", () => {
    const rows = vixHedge(num("positionVega", positionVega), num("positionDays", positionDays), num("vixSpot", vixSpot), readLayers(layers), {
      weights: readWeights(weights),
      rate: optNum("rate", rate, 0),
    });
    return rows.map((r) => {
      const { size } = r;
      const cell = (pick: (s: LayerSize) => number) => (size instanceof NoSolutionError ? toExcelError("VIX_HEDGE", size) : pick(size));
      return [
        r.instrument,
        r.days,
        r.price,
        r.strike ?? "",
        r.volOrLeverage ?? "",
        cell((s) => s.units),
        r.multiplier,
        r.premium,
        cell((s) => s.cost),
        cell((s) => s.carry),
      ];
    });
  });
}

/**
 * The constant-maturity VIX futures price at `days`, Cboe's weights between the bracketing futures.
 * @customfunction VIX_CM
 * @helpurl https://localhost:3000/functions.html#vix_cm
 * @param {any[][]} curve A k x 2 range: days, futures price, days ascending.
 * @param {any} [days] Constant maturity in calendar days (default 30).
 * @returns {number} The interpolated futures price (#NUM! outside the curve).
 */
export function VIX_CM(curve: any[][], days?: any): number {
  return excelCall("VIX_CM", () => vixCm(readCurve(curve), optNum("days", days, 30)));
}

/**
 * The VIX futures term structure: contango per 30 days and the kink of each tenor against its neighbours.
 * @customfunction VIX_TERM
 * @helpurl https://localhost:3000/functions.html#vix_term
 * @param {any} vixSpot Spot VIX, e.g. 16.5.
 * @param {any[][]} curve A k x 2 range: days, futures price, days ascending.
 * @returns {any[][]} A k x 4 table: days, price, contango per 30 days, kink (price minus its neighbours' line; #N/A at the ends).
 */
export function VIX_TERM(vixSpot: any, curve: any[][]): any[][] {
  return excelCall("VIX_TERM", () => {
    const spot = num("vixSpot", vixSpot);
    return vixTerm(spot, readCurve(curve)).map((r, i, all) => [
      r.days,
      r.price,
      r.contango,
      r.kink ??
        toExcelError(
          "VIX_TERM",
          new NotAvailableError(
            `curve row ${i + 1} has ${i === 0 ? "no row above" : "no row below"}, so no kink (it needs a neighbour on each side; ${all.length} rows)`,
          ),
        ),
    ]);
  });
}

/** An empty cell (null, "" or 0) of an optional column is "not given". */
function optionalCell(name: string, cell: CellValue): number | undefined {
  return isOmitted(cell) || cell === 0 ? undefined : num(name, cell);
}

/** The layers of a k x 5 range; trailing blank rows ignored, instrument/days/price required. */
function readLayers(value: unknown): Layer[] {
  return rowsOf("layers", value, LAYER_COLUMNS.length, LAYER_COLUMNS.join(", ")).map((row, i) => {
    requireFilled("layers", row.slice(0, 3), i, LAYER_COLUMNS);
    return inRow("layers", i + 1, () => ({
      instrument: parseInstrument(text("instrument", row[0])),
      days: num("days", row[1]),
      price: num("price", row[2]),
      strike: optionalCell("strike", row[3]),
      volOrLeverage: optionalCell("volOrLeverage", row[4]),
      row: i + 1,
    }));
  });
}
