/**
 * A hedged book for STRESS (SPEC.md, "Stress and time-shift"): option legs on the underlying
 * (POSITION_GREEKS's legs, quantities in contracts) and hedge rows in VIX_HEDGE's first seven
 * columns (instrument, days, price, strike, volOrLeverage, units, multiplier).
 *
 * prepareBook checks a book once and prices it now; revalue.ts then revalues the prepared book
 * under any number of scenarios (the STRESS grid, the pane's heatmap).
 */
import { optionPrice, type OptionKind } from "../bsm";
import { InputError } from "../errors";
import { betaIv, vixBeta } from "../hedge";
import { inRow, type Leg } from "../positions";
import { days as daysRule, finite, positive, rate as rateRule, vol as volRule } from "../validate";
import { black76Value } from "../vixHedge/black76";
import { etfForward } from "../vixHedge/curve";
import { hedgeCurve } from "../vixHedge/hedge";
import { checkLayer, INSTRUMENT_MULTIPLIER, isFuturePriced, optionKind, type Layer } from "../vixHedge/instruments";

/** One hedge row: a VIX_HEDGE layer with the units held and the unit's multiplier (its columns 6 and 7). */
export interface HedgeHolding extends Layer {
  /** Units held, signed (+ long), unrounded or rounded. */
  units: number;
  /** Dollars per point of the unit's price; must be the instrument's (FUT 1000, VXM 100, CALL/PUT 100, ETF 1). */
  multiplier: number;
}

/** The book as its ranges give it. */
export interface Book {
  /** Option legs on the underlying; qty in contracts (+ long, - short). */
  legs: readonly Leg[];
  /** The underlying's price now, e.g. SPX 5000. */
  spot: number;
  /** Dollars per point per leg contract (default 100, SPX). */
  multiplier?: number;
  /** VIX hedge rows (default none). */
  hedge?: readonly HedgeHolding[];
  /** Spot VIX: the F_d of ETF rows when the hedge has no future-priced row. */
  vixSpot?: number;
  /** Continuous rate (default 0): the legs' BSM and the VIX options' Black-76 discounting. */
  rate?: number;
  /** The underlying's continuous dividend yield (default 0). */
  yield?: number;
}

/** A leg, checked, with what revaluation needs at hand. */
export interface PreparedLeg {
  kind: OptionKind;
  strike: number;
  qty: number;
  days: number;
  vol: number;
  row: number;
  /** beta_iv(days): the leg's vol points per VIX point (hedge.ts betaIv). */
  betaIv: number;
  /** Model value per unit now. */
  valueNow: number;
}

/** A hedge row, checked, with its beta, F_d (ETF) and value now. */
export interface PreparedHedge extends HedgeHolding {
  row: number;
  /** beta(d) of the row's own days (hedge.ts vixBeta). */
  beta: number;
  /** The ETF's F_d (curve.ts etfForward); the row's price for future-priced rows. */
  future: number;
  /** Black-76 value now (CALL/PUT); 0 otherwise (a future's and an ETF's P/L are price changes). */
  valueNow: number;
}

/** A book that passed every check; build it with prepareBook. */
export interface PreparedBook {
  readonly legs: readonly PreparedLeg[];
  readonly hedge: readonly PreparedHedge[];
  readonly spot: number;
  readonly multiplier: number;
  readonly rate: number;
  readonly yield: number;
}

/**
 * Checks a book and prices it now.
 *
 * Throws InputError for spot <= 0, multiplier <= 0, |rate| or |yield| > 1, vixSpot <= 0 when
 * given; a leg with an unknown kind, strike <= 0, a non-finite qty, days outside [0, 36500] or
 * vol outside (0, 5] (named `legs row i <field>`); a hedge row that is not VIX_HEDGE-shaped:
 * instruments.ts checkLayer's rules, a non-finite units, a multiplier other than the
 * instrument's (named `hedge row i <column>`), two future-priced rows of equal days and
 * different prices when an ETF row reads the curve; ETF rows without any future-priced row and
 * without vixSpot (F_d needs one or the other).
 *
 * @example prepareBook({ legs: [{ kind: "put", strike: 4900, qty: -1, days: 30, vol: 0.2 }], spot: 5000 }).legs[0].betaIv // => 1
 */
export function prepareBook(book: Book): PreparedBook {
  const spot = positive("spot", book.spot);
  const multiplier = positive("multiplier", book.multiplier ?? 100);
  const rate = rateRule("rate", book.rate ?? 0);
  const yield_ = rateRule("yield", book.yield ?? 0);
  if (book.vixSpot !== undefined) positive("vixSpot", book.vixSpot);

  const legs = book.legs.map((leg, i): PreparedLeg => {
    const row = leg.row ?? i + 1;
    return inRow("legs", row, () => {
      if (leg.kind !== "call" && leg.kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", leg.kind);
      positive("strike", leg.strike);
      finite("qty", leg.qty);
      daysRule("days", leg.days);
      volRule("vol", leg.vol);
      const valueNow = optionPrice(leg.kind, spot, leg.strike, leg.days, leg.vol, rate, yield_);
      return { kind: leg.kind, strike: leg.strike, qty: leg.qty, days: leg.days, vol: leg.vol, row, betaIv: betaIv(leg.days), valueNow };
    });
  });

  const rows = book.hedge ?? [];
  rows.forEach((h, i) =>
    inRow("hedge", h.row ?? i + 1, () => {
      checkLayer(h);
      finite("units", h.units);
      const want = INSTRUMENT_MULTIPLIER[h.instrument];
      if (h.multiplier !== want) {
        throw new InputError("multiplier", `must be ${want} for a ${h.instrument} row (the hedge is VIX_HEDGE's first seven columns)`, h.multiplier);
      }
    }),
  );
  const hasEtf = rows.some((h) => h.instrument === "ETF");
  const curve = hasEtf ? hedgeCurve(rows, "hedge") : [];
  if (hasEtf && curve.length === 0 && book.vixSpot === undefined) {
    throw new InputError("vixSpot", "is required when every hedge row is an ETF (its F_d is vixSpot when there is no futures or option row)", book.vixSpot);
  }
  const hedge = rows.map((h, i): PreparedHedge => {
    const row = h.row ?? i + 1;
    const future = isFuturePriced(h.instrument) ? h.price : etfForward(curve, h.days, book.vixSpot as number);
    const valueNow =
      h.instrument === "CALL" || h.instrument === "PUT"
        ? inRow("hedge", row, () =>
            black76Value(optionKind(h.instrument as "CALL" | "PUT"), h.price, h.strike as number, h.days, h.volOrLeverage as number, rate),
          )
        : 0;
    return { ...h, row, beta: vixBeta(h.days), future, valueNow };
  });
  return { legs, hedge, spot, multiplier, rate, yield: yield_ };
}
