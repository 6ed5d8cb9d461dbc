/**
 * The instruments a VIX_HEDGE layer may hold (SPEC.md, "The ALVH with options and ETFs"), one
 * row of the `layers` range each: instrument, days, price, strike, volOrLeverage.
 *
 * | instrument | one unit                        | multiplier | price column      | strike | volOrLeverage |
 * |------------|---------------------------------|------------|-------------------|--------|---------------|
 * | FUT        | one VX future                   | 1000       | futures price     | blank  | blank         |
 * | VXM        | one VXM mini future             | 100        | futures price     | blank  | blank         |
 * | CALL, PUT  | one VIX option (Black-76)       | 100        | its expiry's future | > 0  | implied vol   |
 * | ETF        | one share (VIXY, UVXY...)       | 1          | ETF price         | blank  | leverage      |
 */
import type { OptionKind } from "../bsm";
import { InputError } from "../errors";
import { finite, layerDays, positive, vol as volRule } from "../validate";

export type Instrument = "FUT" | "VXM" | "CALL" | "PUT" | "ETF";

export const INSTRUMENTS: readonly Instrument[] = ["FUT", "VXM", "CALL", "PUT", "ETF"];

/** Dollars per 1 point of the unit's price: VX 1000, VXM 100, VIX options 100, an ETF share 1. */
export const INSTRUMENT_MULTIPLIER: Readonly<Record<Instrument, number>> = { FUT: 1000, VXM: 100, CALL: 100, PUT: 100, ETF: 1 };

/** The largest |leverage| an ETF row accepts (UVXY is 1.5, SVXY -0.5; 10 leaves room and catches a price typed there). */
export const MAX_ETF_LEVERAGE = 10;

/** One layer (or, in STRESS, one hedge row) as its range row gives it; blank cells are undefined. */
export interface Layer {
  instrument: Instrument;
  /** Calendar days: the future's or option's expiry, or the ETF's constant maturity (30 for VIXY/UVXY). */
  days: number;
  /** The future's price (FUT, VXM, and CALL/PUT: the future of the option's expiry) or the ETF's price. */
  price: number;
  /** CALL/PUT only. */
  strike?: number;
  /** CALL/PUT: the option's implied vol; ETF: its leverage; FUT/VXM: blank. */
  volOrLeverage?: number;
  /** 1-based row of the range, for messages. */
  row?: number;
}

/**
 * Reads an instrument name as typed in a cell, any case, spaces around ignored.
 * Throws InputError("instrument", ...) for anything else.
 *
 * @example parseInstrument(" etf ") // => "ETF" (a ticker such as "UVXY" throws: it is an ETF row)
 */
export function parseInstrument(text: unknown): Instrument {
  if (typeof text === "string") {
    const t = text.trim().toUpperCase() as Instrument;
    if (INSTRUMENTS.includes(t)) return t;
  }
  throw new InputError("instrument", "must be FUT, VXM, CALL, PUT or ETF", text);
}

/** The option kind of a CALL/PUT layer. */
export function optionKind(instrument: "CALL" | "PUT"): OptionKind {
  return instrument === "CALL" ? "call" : "put";
}

/** "an" before ETF, "a" before the others (the names as read aloud). */
function article(instrument: Instrument): string {
  return instrument === "ETF" ? "an" : "a";
}

/** True for the rows priced off a future (they also give the curve F_d is read from). */
export function isFuturePriced(instrument: Instrument): boolean {
  return instrument !== "ETF";
}

/**
 * Checks one layer's cells by its instrument's rules (the table above). Argument names are the
 * column names (`instrument`, `days`, `price`, `strike`, `volOrLeverage`); callers wrap this in
 * positions.ts inRow so that a message reads `layers row 2 strike is required for a CALL row...`.
 *
 * @example checkLayer({ instrument: "ETF", days: 30, price: 12 }) // throws: volOrLeverage is required for an ETF row ...
 */
export function checkLayer(layer: Layer): void {
  const { instrument } = layer;
  if (!INSTRUMENTS.includes(instrument)) throw new InputError("instrument", "must be FUT, VXM, CALL, PUT or ETF", instrument);
  layerDays("days", layer.days);
  positive("price", layer.price);
  if (instrument === "CALL" || instrument === "PUT") {
    if (layer.strike === undefined) throw new InputError("strike", `is required for a ${instrument} row (the option's strike in VIX points)`, layer.strike);
    positive("strike", layer.strike);
    if (layer.volOrLeverage === undefined) {
      throw new InputError("volOrLeverage", `is required for a ${instrument} row (the option's implied vol, e.g. 0.9 for 90%)`, layer.volOrLeverage);
    }
    volRule("volOrLeverage", layer.volOrLeverage);
    return;
  }
  if (layer.strike !== undefined)
    throw new InputError("strike", `must be blank for ${article(instrument)} ${instrument} row (only CALL and PUT rows have a strike)`, layer.strike);
  if (instrument === "ETF") {
    const lev = layer.volOrLeverage;
    if (lev === undefined) throw new InputError("volOrLeverage", "is required for an ETF row (its leverage: VIXY 1, UVXY 1.5)", lev);
    if (!(finite("volOrLeverage", lev) !== 0 && Math.abs(lev) <= MAX_ETF_LEVERAGE)) {
      throw new InputError(
        "volOrLeverage",
        `must be the ETF's leverage, not 0 and between -${MAX_ETF_LEVERAGE} and ${MAX_ETF_LEVERAGE} (VIXY 1, UVXY 1.5)`,
        lev,
      );
    }
    return;
  }
  if (layer.volOrLeverage !== undefined) {
    throw new InputError("volOrLeverage", `must be blank for a ${instrument} row (only options have a vol and ETFs a leverage)`, layer.volOrLeverage);
  }
}
