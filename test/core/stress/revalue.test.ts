/**
 * STRESS's core (src/core/stress): full revaluation of a hedged book under (SPX move, VIX move,
 * days forward) scenarios, SPEC.md "Stress and time-shift".
 *
 * Expected values: every leg repriced by the core's BSM optionPrice at the shocked inputs (the
 * function OPTION calls, itself checked against exact oracles in test/core/bsm.test.ts), and the
 * hedge P/L computed by hand from SPEC's rules: a future moves beta(d) x move, an ETF
 * leverage x beta x move / F_d of its price, a VIX option is the exact (BigInt) Black price of
 * test/helpers/highPrecision.ts at the moved future, discounted.
 */
import { optionGreeks, optionPrice } from "../../../src/core/bsm";
import { InputError, NoSolutionError } from "../../../src/core/errors";
import { betaIv, vixBeta } from "../../../src/core/hedge";
import type { Leg } from "../../../src/core/positions";
import { prepareBook, revalueBook, stressGrid, type HedgeHolding, type ScenarioPnl } from "../../../src/core/stress";
import { vixHedge } from "../../../src/core/vixHedge/hedge";
import type { Layer } from "../../../src/core/vixHedge/instruments";
import { blackHP } from "../../helpers/highPrecision";
import { inputError } from "../../helpers/errors";

const SPOT = 5000;
const RATE = 0.045;
const YIELD = 0.013;
const N = 10; // condors
// A 45-day short iron condor with a skew of vols (putLong, putShort, callShort, callLong).
const LEGS: Leg[] = [
  { kind: "put", strike: 4700, qty: N, days: 45, vol: 0.21 },
  { kind: "put", strike: 4750, qty: -N, days: 45, vol: 0.2 },
  { kind: "call", strike: 5200, qty: -N, days: 45, vol: 0.15 },
  { kind: "call", strike: 5250, qty: N, days: 45, vol: 0.145 },
];
const VIX = 16;

/** The condor's dollar vega per vol point (POSITION_GREEKS vega x 100 x qty). */
const POSITION_VEGA = LEGS.reduce((s, l) => s + l.qty * 100 * optionGreeks(l.kind, SPOT, l.strike, l.days, l.vol, RATE, YIELD).vega, 0);

/** VIX_HEDGE's first seven columns of a sizing, as STRESS reads them. */
function holdings(layers: Layer[], vixSpot = VIX, weights?: number[]): HedgeHolding[] {
  return vixHedge(POSITION_VEGA, 45, vixSpot, layers, { rate: RATE, weights }).map((r) => {
    if (r.size instanceof NoSolutionError) throw r.size;
    return {
      instrument: r.instrument,
      days: r.days,
      price: r.price,
      strike: r.strike,
      volOrLeverage: r.volOrLeverage,
      units: r.size.units,
      multiplier: r.multiplier,
    };
  });
}

// A curve whose every layer has contango slope 0.05 per 30 days (the neutral slope): ratios 1.
const NEUTRAL_FUTS: Layer[] = [
  { instrument: "FUT", days: 30, price: 16.8 },
  { instrument: "FUT", days: 60, price: 17.6 },
  { instrument: "FUT", days: 90, price: 18.4 },
];
const MIXED: Layer[] = [
  { instrument: "FUT", days: 30, price: 16.8 },
  { instrument: "CALL", days: 60, price: 17.6, strike: 22, volOrLeverage: 0.95 },
  { instrument: "ETF", days: 30, price: 25, volOrLeverage: 1.5 },
];

function total(cell: ScenarioPnl | NoSolutionError): number {
  if (cell instanceof NoSolutionError) throw cell;
  return cell.total;
}

/** The hedge P/L of SPEC's rules, by hand; VIX options by the BigInt Black oracle. */
function handHedgePnl(rows: HedgeHolding[], vixMove: number, daysForward: number): number {
  const curve = rows.filter((r) => r.instrument !== "ETF").sort((a, b) => a.days - b.days);
  return rows.reduce((sum, r) => {
    const beta = Math.min(1, 0.5 * Math.sqrt(30 / r.days));
    if (r.instrument === "FUT" || r.instrument === "VXM") return sum + r.units * r.multiplier * beta * vixMove;
    if (r.instrument === "ETF") {
      const hi = curve.findIndex((c) => c.days >= r.days);
      const fd =
        hi === 0
          ? curve[0].price
          : hi === -1
            ? curve[curve.length - 1].price
            : curve[hi - 1].price + ((curve[hi].price - curve[hi - 1].price) * (r.days - curve[hi - 1].days)) / (curve[hi].days - curve[hi - 1].days);
      return sum + (r.units * r.price * ((r.volOrLeverage as number) * beta * vixMove)) / fd;
    }
    const kind = r.instrument === "CALL" ? "call" : "put";
    const value = (F: number, days: number) =>
      days === 0
        ? Math.max(kind === "call" ? F - (r.strike as number) : (r.strike as number) - F, 0)
        : Math.exp((-RATE * days) / 365) * blackHP(F, r.strike as number, (r.volOrLeverage as number) * Math.sqrt(days / 365), kind);
    return sum + r.units * r.multiplier * (value(r.price + beta * vixMove, Math.max(r.days - daysForward, 0)) - value(r.price, r.days));
  }, 0);
}

/** The legs' P/L: every leg repriced with optionPrice (OPTION) at the shocked inputs. */
function handLegsPnl(spotMove: number, vixMove: number, daysForward: number): number {
  return LEGS.reduce((sum, l) => {
    const days = Math.max(l.days - daysForward, 0);
    const vol = Math.max(0.01, l.vol + (betaIv(l.days) * vixMove) / 100);
    const then = optionPrice(l.kind, SPOT * (1 + spotMove), l.strike, days, vol, RATE, YIELD);
    return sum + l.qty * 100 * (then - optionPrice(l.kind, SPOT, l.strike, l.days, l.vol, RATE, YIELD));
  }, 0);
}

const SPOT_MOVES = [-0.1, -0.05, -0.02, 0, 0.02, 0.05];
const VIX_MOVES = [-5, 0, 2, 10, 25];

describe("revalueBook / stressGrid: each cell is the sum of repriced legs and hand-computed hedge P/L", () => {
  const hedge = holdings(MIXED);
  const book = prepareBook({ legs: LEGS, spot: SPOT, hedge, rate: RATE, yield: YIELD, vixSpot: VIX });

  test.each([0, 7, 30, 45, 60])("after %d days forward, legs and hedge match cell by cell", (daysForward) => {
    const grid = stressGrid(book, SPOT_MOVES, VIX_MOVES, daysForward);
    expect(grid).toHaveLength(SPOT_MOVES.length);
    grid.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell instanceof NoSolutionError) throw cell;
        const legs = handLegsPnl(SPOT_MOVES[i], VIX_MOVES[j], daysForward);
        const hedgePnl = handHedgePnl(hedge, VIX_MOVES[j], daysForward);
        expect(Math.abs(cell.legs - legs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(legs)));
        expect(Math.abs(cell.hedge - hedgePnl)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(hedgePnl)));
        expect(cell.total).toBe(cell.legs + cell.hedge);
      }),
    );
  });

  test("an ETF between two futures moves by leverage x beta(45) x move / F_45, F_45 on the line between them (hedge rows in any order)", () => {
    // F_45 between 30/16.8 and 60/17.6 is 17.2; UVXY's beta(45) = 0.5 sqrt(30/45).
    const rows = holdings([NEUTRAL_FUTS[1], { instrument: "ETF", days: 45, price: 25, volOrLeverage: 1.5 }, NEUTRAL_FUTS[0]]);
    const b = prepareBook({ legs: [], spot: SPOT, hedge: rows });
    expect(b.hedge[1].future).toBeCloseTo(17.2, 14);
    for (const move of [-5, 2, 10, 25]) {
      const etf = (rows[1].units * 25 * 1.5 * 0.5 * Math.sqrt(30 / 45) * move) / 17.2;
      const want = handHedgePnl(rows, move, 0);
      expect(Math.abs(want - (etf + rows[0].units * 1000 * vixBeta(60) * move + rows[2].units * 1000 * 0.5 * move))).toBeLessThanOrEqual(
        1e-12 * Math.abs(want),
      );
      const got = revalueBook(b, { spotMove: 0, vixMove: move }).hedge;
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-12 * Math.abs(want));
    }
  });

  test("no shock and no days forward is exactly 0, legs and hedge (a leg quoted below the 0.01 vol floor too)", () => {
    const low = prepareBook({ legs: [...LEGS, { kind: "call", strike: 5300, qty: 1, days: 10, vol: 0.005 }], spot: SPOT, hedge, rate: RATE, yield: YIELD });
    for (const b of [book, low]) expect(revalueBook(b, { spotMove: 0, vixMove: 0, daysForward: 0 })).toEqual({ legs: 0, hedge: 0, total: 0 });
    expect(stressGrid(book, [0], [0])[0][0]).toEqual({ legs: 0, hedge: 0, total: 0 });
  });

  test("days forward alone is the book's time decay: a short condor gains, the hedge's options lose theirs", () => {
    const p = revalueBook(book, { spotMove: 0, vixMove: 0, daysForward: 1 });
    expect(p.legs).toBeGreaterThan(0);
    expect(p.hedge).toBeLessThan(0);
  });

  test("the vol floor: a VIX crash that would take a leg's vol below 0.01 prices it at 0.01", () => {
    const p = revalueBook(prepareBook({ legs: [LEGS[2]], spot: SPOT }), { spotMove: 0, vixMove: -30 });
    const want = -N * 100 * (optionPrice("call", SPOT, 5200, 45, 0.01) - optionPrice("call", SPOT, 5200, 45, 0.15));
    expect(p.legs).toBeCloseTo(want, 9);
  });
});

describe("the ALVH sizing rule seen in STRESS", () => {
  const slopeAtZero = (book: ReturnType<typeof prepareBook>, h = 1e-3) =>
    (revalueBook(book, { spotMove: 0, vixMove: h }).total - revalueBook(book, { spotMove: 0, vixMove: -h }).total) / (2 * h);

  test("hedged by VIX_HEDGE on a neutral curve (ratios 1), the book is flat to first order in VIX", () => {
    const unhedged = prepareBook({ legs: LEGS, spot: SPOT, rate: RATE, yield: YIELD });
    const legsSlope = slopeAtZero(unhedged);
    // The unhedged slope is the condor's dollar vega times beta_iv: POSITION_VEGA x sqrt(30/45).
    expect(legsSlope / (POSITION_VEGA * Math.sqrt(30 / 45))).toBeCloseTo(1, 6);
    for (const layers of [NEUTRAL_FUTS, MIXED]) {
      const rows = vixHedge(POSITION_VEGA, 45, VIX, layers, { rate: RATE });
      expect(rows.every((r) => Math.abs(r.ratio - 1) < 1e-12)).toBe(true);
      const hedged = prepareBook({ legs: LEGS, spot: SPOT, rate: RATE, yield: YIELD, hedge: holdings(layers), vixSpot: VIX });
      expect(Math.abs(slopeAtZero(hedged))).toBeLessThan(1e-6 * Math.abs(legsSlope));
    }
  });

  test("with regime ratios != 1 the hedged slope is the legs' slope x (1 - sum of weight x ratio)", () => {
    const steep: Layer[] = [
      { instrument: "FUT", days: 30, price: 18.5 },
      { instrument: "FUT", days: 60, price: 20 },
      { instrument: "FUT", days: 90, price: 21 },
    ];
    const rows = vixHedge(POSITION_VEGA, 45, VIX, steep);
    const covered = rows.reduce((s, r) => s + r.weight * r.ratio, 0);
    expect(covered).toBeLessThan(1); // steep contango hedges less
    const legsSlope = slopeAtZero(prepareBook({ legs: LEGS, spot: SPOT, rate: RATE, yield: YIELD }));
    const hedged = prepareBook({ legs: LEGS, spot: SPOT, rate: RATE, yield: YIELD, hedge: holdings(steep) });
    expect(slopeAtZero(hedged) / (legsSlope * (1 - covered))).toBeCloseTo(1, 5);
  });

  test("call-layer convexity shows at large moves: it gains more than the futures hedge of the same first-order size", () => {
    const futOnly = prepareBook({ legs: [], spot: SPOT, hedge: holdings([{ instrument: "FUT", days: 60, price: 17.6 }]) });
    const callOnly = prepareBook({
      legs: [],
      spot: SPOT,
      rate: RATE,
      hedge: holdings([{ instrument: "CALL", days: 60, price: 17.6, strike: 22, volOrLeverage: 0.95 }]),
    });
    // Same P/L per VIX point at 0 (the sizing), so equal to first order...
    expect(slopeAtZero(callOnly) / slopeAtZero(futOnly)).toBeCloseTo(1, 6);
    // ...but at +30 points the calls make more, and at -30 they lose less (bounded by the premium).
    const at = (b: typeof futOnly, m: number) => revalueBook(b, { spotMove: 0, vixMove: m }).hedge;
    expect(at(callOnly, 30)).toBeGreaterThan(1.5 * at(futOnly, 30));
    expect(at(callOnly, -15)).toBeGreaterThan(at(futOnly, -15));
    expect(at(futOnly, 30) + at(futOnly, -30)).toBeCloseTo(0, 8); // linear
    expect(at(callOnly, 10) + at(callOnly, -10)).toBeGreaterThan(0); // convex
    expect(vixBeta(60)).toBeCloseTo(0.5 * Math.sqrt(0.5), 15);
  });
});

describe("STRESS's errors", () => {
  const hedge = holdings(MIXED);
  test("a negative daysForward, a spot move at or below -100%, a non-finite VIX move are InputErrors naming the cell", () => {
    const book = prepareBook({ legs: LEGS, spot: SPOT, hedge });
    expect(inputError(() => stressGrid(book, [0], [0], -1)).argument).toBe("daysForward");
    expect(inputError(() => stressGrid(book, [0, -1], [0])).argument).toBe("spotMoves cell 2");
    expect(inputError(() => stressGrid(book, [0], [0, 1, NaN])).argument).toBe("vixMoves cell 3");
    expect(inputError(() => stressGrid(book, [], [0])).argument).toBe("spotMoves");
    expect(inputError(() => revalueBook(book, { spotMove: 0, vixMove: 0, daysForward: -2 })).argument).toBe("daysForward");
  });

  test("a hedge row that is not VIX_HEDGE-shaped is an InputError naming its row and column", () => {
    const bad = (row: Partial<HedgeHolding>) => () => prepareBook({ legs: LEGS, spot: SPOT, hedge: [hedge[0], { ...hedge[1], ...row }] });
    expect(inputError(bad({ multiplier: 1000 })).message).toMatch(/^hedge row 2 multiplier must be 100 for a CALL row/);
    expect(inputError(bad({ units: Infinity })).argument).toBe("hedge row 2 units");
    expect(inputError(bad({ strike: undefined })).argument).toBe("hedge row 2 strike");
    expect(inputError(bad({ days: 0 })).argument).toBe("hedge row 2 days");
    expect(inputError(() => prepareBook({ legs: LEGS, spot: SPOT, hedge: [hedge[2]] })).argument).toBe("vixSpot");
    expect(prepareBook({ legs: LEGS, spot: SPOT, hedge: [hedge[2]], vixSpot: VIX }).hedge[0].future).toBe(VIX);
  });

  test("bad legs name their row; spot, multiplier, rate follow their rules", () => {
    expect(inputError(() => prepareBook({ legs: [{ ...LEGS[0], vol: 20 }], spot: SPOT })).argument).toBe("legs row 1 vol");
    expect(inputError(() => prepareBook({ legs: LEGS, spot: 0 })).argument).toBe("spot");
    expect(inputError(() => prepareBook({ legs: LEGS, spot: SPOT, multiplier: 0 })).argument).toBe("multiplier");
    expect(inputError(() => prepareBook({ legs: LEGS, spot: SPOT, rate: 5 })).argument).toBe("rate");
  });

  test("a scenario the model cannot value is a NoSolutionError in its cell only; the others keep numbers", () => {
    const book = prepareBook({ legs: LEGS, spot: SPOT, hedge, vixSpot: VIX, rate: RATE });
    const grid = stressGrid(book, [0, 0.05], [-40, 0, 10]);
    // -40 VIX points moves the 30-day future (beta 0.5) by -20, to -3.2: no price.
    expect(grid[0][0]).toBeInstanceOf(NoSolutionError);
    expect((grid[0][0] as NoSolutionError).message).toMatch(/^hedge row 1: a VIX move of -40 takes its future to -3\.2/);
    for (const row of grid) for (const cell of row.slice(1)) expect(Number.isFinite(total(cell))).toBe(true);
    const hot = prepareBook({ legs: [{ ...LEGS[0], vol: 4.9 }], spot: SPOT });
    expect(stressGrid(hot, [0], [20])[0][0]).toBeInstanceOf(NoSolutionError);
    expect(stressGrid(hot, [0], [20], 45)[0][0]).not.toBeInstanceOf(NoSolutionError); // at expiry the vol does not matter
  });

  test("InputError is what a bad book throws (the adapter maps it to #VALUE!)", () => {
    expect(() => prepareBook({ legs: LEGS, spot: -1 })).toThrow(InputError);
  });
});
