/**
 * VIX_CM and VIX_TERM's core (src/core/vixHedge/curve.ts, term.ts). Expected values are hand
 * arithmetic on SPEC.md's formulas (shown beside each): Cboe's weights w = (N2 - Nd)/(N2 - N1)
 * and the kink F_i - (w F_{i-1} + (1 - w) F_{i+1}).
 */
import { NoSolutionError } from "../../../src/core/errors";
import { constantMaturity, etfForward, vixCm } from "../../../src/core/vixHedge/curve";
import { vixTerm } from "../../../src/core/vixHedge/term";
import { inputError } from "../../helpers/errors";

const CURVE = [
  { days: 23, price: 17.2 },
  { days: 51, price: 18.1 },
  { days: 79, price: 18.6 },
];

describe("vixCm (Cboe's constant-maturity weights)", () => {
  test("at a curve node it returns the node's price exactly", () => {
    for (const p of CURVE) expect(vixCm(CURVE, p.days)).toBe(p.price);
  });

  test("between nodes, Cboe's weights: 30 days on 23/17.2 and 51/18.1 is 0.75 x 17.2 + 0.25 x 18.1 = 17.425", () => {
    expect(vixCm(CURVE)).toBeCloseTo(17.425, 14); // w = (51 - 30)/(51 - 23) = 21/28 = 0.75
    expect(vixCm(CURVE, 65)).toBeCloseTo(18.35, 14); // w = 14/28: the midpoint
  });

  test("it is linear in days between nodes (equal steps give equal increments)", () => {
    const a = vixCm(CURVE, 30);
    const b = vixCm(CURVE, 37);
    const c = vixCm(CURVE, 44);
    expect(Math.abs(b - a - (c - b))).toBeLessThan(1e-14);
  });

  test("outside the curve there is no constant-maturity price (NoSolutionError naming the span)", () => {
    expect(() => vixCm(CURVE, 10)).toThrow(NoSolutionError);
    expect(() => vixCm(CURVE, 80)).toThrow("the curve spans 23 to 79 days");
    expect(vixCm([{ days: 30, price: 17 }], 30)).toBe(17);
  });

  test("a curve not ascending in days, days <= 0 and a bad price are InputErrors naming row and column", () => {
    expect(inputError(() => vixCm([CURVE[1], CURVE[0]])).message).toBe(
      "curve row 2 days must be greater than the row above's (51): the curve ascends in days; got 23",
    );
    expect(inputError(() => vixCm([CURVE[0], CURVE[0]])).argument).toBe("curve row 2 days");
    expect(inputError(() => vixCm([{ days: 0, price: 17 }])).argument).toBe("curve row 1 days");
    expect(inputError(() => vixCm([{ days: 30, price: -1 }])).argument).toBe("curve row 1 futures price");
    expect(inputError(() => vixCm(CURVE, 0)).argument).toBe("days");
    expect(inputError(() => vixCm(CURVE, -30)).argument).toBe("days");
    expect(inputError(() => vixCm([])).argument).toBe("curve");
  });

  test("flat beyond the ends and vixSpot without a curve, as SPEC's F_d of an ETF row", () => {
    expect(constantMaturity(CURVE, 5, true)).toBe(17.2);
    expect(constantMaturity(CURVE, 200, true)).toBe(18.6);
    expect(etfForward([], 30, 16.5)).toBe(16.5);
  });
});

describe("vixTerm", () => {
  test("contango per 30 days and the kink of the middle tenor; #N/A (undefined) at the ends", () => {
    const rows = vixTerm(16.5, [
      { days: 30, price: 17.4 },
      { days: 60, price: 18.3 },
      { days: 90, price: 18.9 },
    ]);
    expect(rows.map((r) => [r.days, r.price])).toEqual([
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ]);
    expect(rows[0].contango).toBeCloseTo(0.9 / 16.5, 15); // (17.4/16.5 - 1) 30/30
    expect(rows[1].contango).toBeCloseTo(1.8 / 16.5 / 2, 15);
    expect(rows[2].contango).toBeCloseTo(2.4 / 16.5 / 3, 15);
    expect(rows[0].kink).toBeUndefined();
    expect(rows[2].kink).toBeUndefined();
    expect(rows[1].kink).toBeCloseTo(0.15, 14); // 18.3 - (17.4 + 18.9)/2
  });

  test("the kink with uneven tenors: 45/18.5 between 20/17 and 80/19 is 18.5 - 1070/60 = 2/3 (rich)", () => {
    const rows = vixTerm(16, [
      { days: 20, price: 17 },
      { days: 45, price: 18.5 },
      { days: 80, price: 19 },
    ]);
    expect(rows[1].kink).toBeCloseTo(2 / 3, 14); // w = 35/60: (35 x 17 + 25 x 19)/60 = 1070/60
  });

  test("a straight curve has no kink; a cheap middle tenor has a negative one", () => {
    const straight = vixTerm(15, [
      { days: 30, price: 16 },
      { days: 60, price: 17 },
      { days: 90, price: 18 },
      { days: 120, price: 19 },
    ]);
    expect(straight.slice(1, 3).every((r) => Math.abs(r.kink as number) < 1e-14)).toBe(true);
    const cheap = vixTerm(15, [
      { days: 30, price: 16 },
      { days: 60, price: 16.2 },
      { days: 90, price: 18 },
    ]);
    expect(cheap[1].kink).toBeCloseTo(-0.8, 14);
  });

  test("bad input: vixSpot <= 0, a curve not ascending", () => {
    expect(inputError(() => vixTerm(0, CURVE)).argument).toBe("vixSpot");
    expect(inputError(() => vixTerm(16, [CURVE[2], CURVE[1]])).argument).toBe("curve row 2 days");
  });
});
