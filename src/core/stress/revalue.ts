/**
 * Full revaluation of a hedged book under a scenario (SPEC.md, STRESS): no Taylor series.
 *
 * A scenario moves the underlying by a relative `spotMove` (-0.05 = down 5%), VIX by `vixMove`
 * points, and lets `daysForward` calendar days pass. Then:
 * - each leg is repriced by BSM (bsm.ts) at spot (1 + spotMove), days - daysForward (at or past
 *   expiry: intrinsic), vol + beta_iv(leg days) vixMove / 100 floored at 0.01 (or at the leg's
 *   own vol if that is lower, so that no shock is no change);
 * - a future (FUT, VXM) moves by beta(d) vixMove; it does not roll (its carry is VIX_HEDGE's);
 * - a VIX option is repriced Black-76 (vixHedge/black76.ts) at its future so moved, days -
 *   daysForward, its own vol;
 * - an ETF moves by leverage beta(d) vixMove / F_d of its price.
 * P/L = value then - value now, in dollars (qty x multiplier for legs, units x multiplier for
 * hedge rows).
 */
import { optionPrice } from "../bsm";
import { InputError, NoSolutionError } from "../errors";
import { days as daysRule, finite } from "../validate";
import { black76Value } from "../vixHedge/black76";
import { optionKind } from "../vixHedge/instruments";
import type { PreparedBook } from "./book";

/** The lowest vol a shocked leg takes (SPEC.md: floored at vol 0.01). */
export const MIN_STRESS_VOL = 0.01;
/** The highest vol the pricing core accepts (validate.ts vol); a leg shocked above it cannot be valued. */
const MAX_VOL = 5;

/** One stress scenario. */
export interface Scenario {
  /** Relative move of the underlying: -0.05 = down 5%; must be > -1. */
  spotMove: number;
  /** Move of VIX in index points: +10 = VIX up ten points. */
  vixMove: number;
  /** Calendar days that pass, >= 0 (default 0). */
  daysForward?: number;
}

/** The book's P/L under a scenario, in dollars. */
export interface ScenarioPnl {
  /** The option legs' P/L. */
  legs: number;
  /** The VIX hedge rows' P/L (0 without a hedge). */
  hedge: number;
  /** legs + hedge. */
  total: number;
}

/**
 * Checks a scenario: spotMove finite and > -1, vixMove finite, daysForward in [0, 36500].
 * Throws InputError naming `spotMove`, `vixMove` or `daysForward`.
 */
export function checkScenario(s: Scenario): void {
  spotMoveRule("spotMove", s.spotMove);
  finite("vixMove", s.vixMove);
  daysRule("daysForward", s.daysForward ?? 0);
}

/** A relative move of the underlying: finite and > -1 (the price stays above 0). */
function spotMoveRule(name: string, move: number): void {
  finite(name, move);
  if (!(move > -1)) throw new InputError(name, "must be greater than -1 (a relative move: -0.05 is down 5%)", move);
}

/**
 * THE revaluation of a prepared book (book.ts prepareBook) under one scenario (see the top of
 * this file): legs, hedge and total P/L in dollars. STRESS calls it once per grid cell; the
 * pane's heatmap calls it the same way (its "without the hedge" view is `legs`).
 *
 * Throws InputError for a bad scenario (checkScenario); NoSolutionError when the scenario
 * cannot be valued: a leg's shocked vol above 5, a future or ETF moved to a price <= 0 (the
 * linear beta model ends there), or a value that overflows.
 *
 * @example revalueBook(prepareBook({ legs: [{ kind: "call", strike: 100, qty: 1, days: 30, vol: 0.2 }], spot: 100 }), { spotMove: 0, vixMove: 0 }) // => { legs: 0, hedge: 0, total: 0 }
 */
export function revalueBook(book: PreparedBook, scenario: Scenario): ScenarioPnl {
  checkScenario(scenario);
  const { spotMove, vixMove } = scenario;
  const daysForward = scenario.daysForward ?? 0;
  const spot = book.spot * (1 + spotMove);
  if (!(spot > 0 && spot < Infinity)) throw new NoSolutionError(`the underlying moved by ${spotMove} is not a positive finite price`);

  let legs = 0;
  for (const leg of book.legs) {
    const days = Math.max(leg.days - daysForward, 0);
    // The floor never lifts a vol above where it stands (a leg quoted below 0.01 keeps its vol at no shock).
    const vol = Math.max(Math.min(MIN_STRESS_VOL, leg.vol), leg.vol + (leg.betaIv * vixMove) / 100);
    if (days > 0 && vol > MAX_VOL) {
      throw new NoSolutionError(`legs row ${leg.row}: a VIX move of ${vixMove} takes its vol to ${vol.toPrecision(4)}, above 5, where SHIELD does not price`);
    }
    const price = optionPrice(leg.kind, spot, leg.strike, days, days > 0 ? vol : leg.vol, book.rate, book.yield);
    legs += leg.qty * book.multiplier * (price - leg.valueNow);
  }

  let hedge = 0;
  for (const h of book.hedge) {
    const move = h.beta * vixMove; // the future's move in points
    if (h.instrument === "ETF") {
      const relative = ((h.volOrLeverage as number) * move) / h.future;
      if (!(1 + relative > 0))
        throw new NoSolutionError(
          `hedge row ${h.row}: a VIX move of ${vixMove} takes the ETF's price to ${(h.price * (1 + relative)).toPrecision(4)}, at or below 0`,
        );
      hedge += h.units * h.multiplier * h.price * relative;
      continue;
    }
    const future = h.price + move;
    if (!(future > 0)) throw new NoSolutionError(`hedge row ${h.row}: a VIX move of ${vixMove} takes its future to ${future.toPrecision(4)}, at or below 0`);
    if (h.instrument === "FUT" || h.instrument === "VXM") {
      hedge += h.units * h.multiplier * move;
    } else {
      const days = Math.max(h.days - daysForward, 0);
      const value = black76Value(optionKind(h.instrument), future, h.strike as number, days, h.volOrLeverage as number, book.rate);
      hedge += h.units * h.multiplier * (value - h.valueNow);
    }
  }
  const total = legs + hedge;
  if (!Number.isFinite(total)) throw new NoSolutionError("the P/L is not a finite number for this scenario (check the quantities)");
  return { legs: legs + 0, hedge: hedge + 0, total: total + 0 };
}

/**
 * STRESS's grid: one row per spot move, one column per VIX move, each cell revalueBook's P/L
 * after `daysForward` days, or the NoSolutionError that cell could not be valued for (the other
 * cells keep their numbers).
 *
 * Throws InputError for a bad move (named `spotMoves cell i`
 * / `vixMoves cell j`, 1-based), empty moves, or a bad daysForward.
 *
 * @example stressGrid(prepareBook(book), [-0.05, 0, 0.05], [-5, 0, 10, 20], 7) // 3 x 4 cells of ScenarioPnl
 */
export function stressGrid(
  book: PreparedBook,
  spotMoves: readonly number[],
  vixMoves: readonly number[],
  daysForward = 0,
): Array<Array<ScenarioPnl | NoSolutionError>> {
  if (spotMoves.length === 0) throw new InputError("spotMoves", "must have at least one move", 0);
  if (vixMoves.length === 0) throw new InputError("vixMoves", "must have at least one move", 0);
  daysRule("daysForward", daysForward);
  spotMoves.forEach((m, i) => spotMoveRule(`spotMoves cell ${i + 1}`, m));
  vixMoves.forEach((m, j) => finite(`vixMoves cell ${j + 1}`, m));
  return spotMoves.map((spotMove) =>
    vixMoves.map((vixMove) => {
      try {
        return revalueBook(book, { spotMove, vixMove, daysForward });
      } catch (error) {
        if (error instanceof NoSolutionError) return error;
        throw error;
      }
    }),
  );
}
