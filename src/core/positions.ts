/**
 * A position of any European legs (SPEC.md, "Positions"): broken wings, calendars, ratio
 * spreads, the iron condor itself. Each leg is priced by BSM (bsm.ts optionGreeks) with its own
 * strike, expiry and vol; the position's value and greeks are the quantity-weighted sums.
 */
import { GREEK_NAMES, optionGreeks, type Greeks, type OptionKind } from "./bsm";
import { InputError, NoSolutionError } from "./errors";
import { days as daysRule, finite, positive, rate as rateRule, vol as volRule } from "./validate";

/** One leg of a position. */
export interface Leg {
  kind: OptionKind;
  /** Strike in points of the underlying, > 0. */
  strike: number;
  /** Signed quantity: + long, - short; fractional allowed, 0 contributes nothing. */
  qty: number;
  /** Calendar days to this leg's expiry, >= 0 (0 = at expiry: intrinsic value). */
  days: number;
  /** This leg's annual implied vol as a decimal, in (0, 5]. */
  vol: number;
  /** The 1-based row of the range the leg came from, for messages (default: its index + 1). */
  row?: number;
}

/**
 * Runs `body` and renames the argument of any InputError it throws to `<range> row <row> <argument>`,
 * so that a message points at the cell, e.g. `legs row 3 vol must be a decimal ...; got 20`.
 *
 * @example inRow("legs", 3, () => parseOptionType("X")) // throws InputError "legs row 3 type must be C, CALL, P or PUT; got \"X\""
 */
export function inRow<T>(range: string, row: number, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${range} row ${row} ${error.argument}`, error.rule, error.value);
    throw error;
  }
}

/**
 * Value and greeks of a position (`price` holds the position's value): for each of the nine outputs, `sum(qty_i x leg_i output)`,
 * each leg priced by BSM at its own strike, days and vol with the shared spot, rate and yield
 * (bsm.ts optionGreeks: Black-Scholes-Merton, Haug 2007 ch. 2). The sums are compensated
 * (Neumaier), so thousands of offsetting legs lose no more than the legs' own rounding.
 *
 * Units (SPEC.md): per 1 unit of the underlying per unit of qty (multiply by 100 for SPX
 * contracts in dollars); the value is what the legs are worth to their holder (long legs +,
 * short legs -; for a short condor it is minus the credit); theta per calendar day, vega per
 * vol point, rho per rate point, vanna and charm per vol point / calendar day of delta, vomma
 * per vol point of vega. A leg at days = 0 contributes its intrinsic value and bsm.ts's expiry
 * greeks. No legs: every output is 0 (like SUM over an empty range).
 *
 * Throws InputError for spot <= 0, |rate| or |yield| > 1, and for a leg with an unknown kind,
 * strike <= 0, a non-finite qty, days outside [0, 36500] or vol outside (0, 5], named `legs row i <field>`;
 * NoSolutionError if a leg's greeks or a sum overflow (a huge qty).
 *
 * @example positionGreeks([{ kind: "call", strike: 100, qty: 1, days: 365, vol: 0.2 },
 *   { kind: "call", strike: 100, qty: -1, days: 365, vol: 0.2 }], 100).price // => 0
 */
export function positionGreeks(legs: readonly Leg[], spot: number, rate = 0, yield_ = 0): Greeks {
  positive("spot", spot);
  rateRule("rate", rate);
  rateRule("yield", yield_);
  const sum = new Float64Array(GREEK_NAMES.length);
  const comp = new Float64Array(GREEK_NAMES.length);
  legs.forEach((leg, i) => {
    const g = inRow("legs", leg.row ?? i + 1, () => {
      if (leg.kind !== "call" && leg.kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", leg.kind);
      positive("strike", leg.strike);
      finite("qty", leg.qty);
      daysRule("days", leg.days);
      volRule("vol", leg.vol);
      return optionGreeks(leg.kind, spot, leg.strike, leg.days, leg.vol, rate, yield_);
    });
    for (let j = 0; j < GREEK_NAMES.length; j++) {
      // Neumaier's compensated summation: comp collects the low-order bits each addition drops.
      const term = leg.qty * g[GREEK_NAMES[j]];
      const t = sum[j] + term;
      comp[j] += Math.abs(sum[j]) >= Math.abs(term) ? sum[j] - t + term : term - t + sum[j];
      sum[j] = t;
    }
  });
  const out = {} as Greeks;
  GREEK_NAMES.forEach((name, j) => {
    const total = sum[j] + comp[j];
    if (!Number.isFinite(total)) throw new NoSolutionError(`the position's ${name} is not a finite number (check the quantities)`);
    out[name] = total + 0; // + 0: no -0 in a cell
  });
  return out;
}
