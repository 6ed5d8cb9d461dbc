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
  const position = new Position(spot, rate, yield_);
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i];
    position.add(leg.kind, leg.strike, leg.qty, leg.days, leg.vol, leg.row ?? i + 1);
  }
  return position.total();
}

/**
 * positionGreeks one leg at a time, for a caller that reads legs from somewhere (an Excel range)
 * and need not build Leg objects first: `new Position(spot, rate, yield)` checks the shared
 * arguments, `add(...)` checks and adds one leg (InputError naming `legs row <row> <field>`),
 * `total()` gives the sums. Same rules, units and errors as positionGreeks.
 *
 * @example const p = new Position(100); p.add("call", 100, 1, 365, 0.2, 1); p.total().delta // => 0.5398...
 */
export class Position {
  private readonly acc = new Accumulator();

  constructor(
    private readonly spot: number,
    private readonly rate = 0,
    private readonly yield_ = 0,
  ) {
    positive("spot", spot);
    rateRule("rate", rate);
    rateRule("yield", yield_);
  }

  add(kind: OptionKind, strike: number, qty: number, days: number, vol: number, row: number): void {
    let g: Greeks;
    try {
      if (kind !== "call" && kind !== "put") throw new InputError("type", "must be C, CALL, P or PUT", kind);
      positive("strike", strike);
      finite("qty", qty);
      daysRule("days", days);
      volRule("vol", vol);
      g = optionGreeks(kind, this.spot, strike, days, vol, this.rate, this.yield_);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`legs row ${row} ${error.argument}`, error.rule, error.value);
      throw error;
    }
    this.acc.add(qty, g);
  }

  total(): Greeks {
    return this.acc.total();
  }
}

/**
 * The nine quantity-weighted sums of a position, each compensated (Neumaier's summation: `c*`
 * collects the low-order bits each addition drops), in plain fields: no array or keyed access
 * per leg, so a position of 100,000 legs costs little more than its legs' greeks.
 */
class Accumulator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private s6 = 0;
  private s7 = 0;
  private s8 = 0;
  private c0 = 0;
  private c1 = 0;
  private c2 = 0;
  private c3 = 0;
  private c4 = 0;
  private c5 = 0;
  private c6 = 0;
  private c7 = 0;
  private c8 = 0;

  /** Adds qty x each output of `g`. */
  add(qty: number, g: Greeks): void {
    let t: number;
    let x: number;
    x = qty * g.price;
    t = this.s0 + x;
    this.c0 += Math.abs(this.s0) >= Math.abs(x) ? this.s0 - t + x : x - t + this.s0;
    this.s0 = t;
    x = qty * g.delta;
    t = this.s1 + x;
    this.c1 += Math.abs(this.s1) >= Math.abs(x) ? this.s1 - t + x : x - t + this.s1;
    this.s1 = t;
    x = qty * g.gamma;
    t = this.s2 + x;
    this.c2 += Math.abs(this.s2) >= Math.abs(x) ? this.s2 - t + x : x - t + this.s2;
    this.s2 = t;
    x = qty * g.theta;
    t = this.s3 + x;
    this.c3 += Math.abs(this.s3) >= Math.abs(x) ? this.s3 - t + x : x - t + this.s3;
    this.s3 = t;
    x = qty * g.vega;
    t = this.s4 + x;
    this.c4 += Math.abs(this.s4) >= Math.abs(x) ? this.s4 - t + x : x - t + this.s4;
    this.s4 = t;
    x = qty * g.rho;
    t = this.s5 + x;
    this.c5 += Math.abs(this.s5) >= Math.abs(x) ? this.s5 - t + x : x - t + this.s5;
    this.s5 = t;
    x = qty * g.vanna;
    t = this.s6 + x;
    this.c6 += Math.abs(this.s6) >= Math.abs(x) ? this.s6 - t + x : x - t + this.s6;
    this.s6 = t;
    x = qty * g.charm;
    t = this.s7 + x;
    this.c7 += Math.abs(this.s7) >= Math.abs(x) ? this.s7 - t + x : x - t + this.s7;
    this.s7 = t;
    x = qty * g.vomma;
    t = this.s8 + x;
    this.c8 += Math.abs(this.s8) >= Math.abs(x) ? this.s8 - t + x : x - t + this.s8;
    this.s8 = t;
  }

  /** The nine sums; NoSolutionError naming the first that is not finite (a huge qty). */
  total(): Greeks {
    const out: Greeks = {
      price: this.s0 + this.c0 + 0, // + 0: no -0 in a cell
      delta: this.s1 + this.c1 + 0,
      gamma: this.s2 + this.c2 + 0,
      theta: this.s3 + this.c3 + 0,
      vega: this.s4 + this.c4 + 0,
      rho: this.s5 + this.c5 + 0,
      vanna: this.s6 + this.c6 + 0,
      charm: this.s7 + this.c7 + 0,
      vomma: this.s8 + this.c8 + 0,
    };
    for (const name of GREEK_NAMES) {
      if (!Number.isFinite(out[name])) throw new NoSolutionError(`the position's ${name} is not a finite number (check the quantities)`);
    }
    return out;
  }
}
