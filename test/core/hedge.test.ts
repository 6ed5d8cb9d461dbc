/**
 * The Adaptive Layered VIX Hedge (SPEC.md, "The Adaptive Layered VIX Hedge").
 *
 * Expected values are derived by hand from SPEC.md's formulas, the arithmetic shown beside each
 * one, and reduced to closed forms (fractions, square roots) that were evaluated independently
 * with mpmath at 30 digits. No expected value was read off the code under test.
 *
 * Tolerances: each number is a handful (< 10) of correctly rounded double operations, so it is
 * good to a few ulps; REL = 1e-14 (about 45 ulps) states that with margin.
 */
import fc from "fast-check";
import { ALVH_DEFAULTS, betaIv, layerWeights, vixBeta, vixContango, vixLadder, vixLayerRatio, type CurveLayer, type LadderOptions } from "../../src/core/hedge";
import { inputError } from "../helpers/errors";

const REL = 1e-14;

function expectRel(got: number, want: number, rel = REL): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
}

describe("betaIv (vol points of the position per VIX point)", () => {
  test("min(1.5, sqrt(30 / positionDays)) on hand-checked days", () => {
    expectRel(betaIv(45), 0.816496580927726); // sqrt(30/45) = sqrt(2/3) = 0.81649658092772603...
    expect(betaIv(30)).toBe(1); // sqrt(1)
    expectRel(betaIv(120), 0.5); // sqrt(1/4)
    expect(betaIv(7.5)).toBe(1.5); // sqrt(4) = 2, capped at 1.5
    expectRel(betaIv(40 / 3), 1.5); // the kink: 30 / 1.5^2 = 13.33 days gives exactly the cap
  });

  test("positionDays = 0 (at expiry) gives the cap, the formula's limit (it is the cap on (0, 13.33])", () => {
    expect(betaIv(0)).toBe(1.5);
    expect(betaIv(1e-300)).toBe(1.5);
    expect(betaIv(0, 2)).toBe(2);
  });

  test("the cap is an argument: cap 3 at 7.5 days gives sqrt(4) = 2", () => {
    expect(betaIv(7.5, 3)).toBe(2);
  });

  test("negative days and a non-positive cap are InputErrors", () => {
    expect(inputError(() => betaIv(-1)).message).toBe(
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -1",
    );
    expect(inputError(() => betaIv(10, 0)).message).toBe("betaIvCap must be a number greater than 0; got 0");
    inputError(() => betaIv(NaN));
  });

  test("positionDays above 100 years (an expiry date typed as days) is an InputError; 36500 is accepted", () => {
    // 45000 is the serial number of the date 2023-03-15; SHIELD's shared days rule stops at 36500.
    expect(inputError(() => betaIv(45000)).message).toBe(
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(betaIv(36500)).toBe(Math.sqrt(30 / 36500)); // below the 1.5 cap: the formula itself
  });
});

describe("vixBeta = min(1, beta30 * (30 / days)^exponent)", () => {
  test("the default 30/60/90-day layers", () => {
    expect(vixBeta(30)).toBe(0.5); // 0.5 * 1^0.5
    expectRel(vixBeta(60), 0.3535533905932738); // 0.5 * sqrt(1/2) = 0.35355339059327376...
    expectRel(vixBeta(90), 0.2886751345948129); // 0.5 * sqrt(1/3) = 0.28867513459481288...
  });

  test("short tenors are capped at 1 (a future never moves more than spot VIX)", () => {
    expect(vixBeta(7.5)).toBe(1); // 0.5 * sqrt(4) = 1
    expect(vixBeta(1)).toBe(1); // 0.5 * sqrt(30) = 2.74 -> 1
  });

  test("beta30 and exponent are arguments", () => {
    expectRel(vixBeta(60, 0.5, 1), 0.25); // 0.5 * (1/2)^1
    expect(vixBeta(90, 0.6, 0)).toBe(0.6); // exponent 0: flat beta30
    expectRel(vixBeta(120, 0.8, 0.5), 0.4); // 0.8 * sqrt(1/4)
  });

  test("days <= 0, beta30 <= 0 and a negative exponent are InputErrors", () => {
    expect(inputError(() => vixBeta(0)).message).toBe(
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
    expect(inputError(() => vixBeta(-30)).message).toBe(
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got -30",
    );
    expect(inputError(() => vixBeta(30, 0)).message).toBe("beta30 must be a number greater than 0; got 0");
    expect(inputError(() => vixBeta(30, 0.5, -0.5)).message).toBe("exponent must be a number of 0 or more; got -0.5");
  });

  test("days above 100 years (an expiry date typed as days) are an InputError, as for options; 36500 is accepted", () => {
    expect(inputError(() => vixBeta(45000)).message).toBe(
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(inputError(() => vixBeta(36501)).message).toBe(
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 36501",
    );
    expectRel(vixBeta(36500), 0.5 * Math.sqrt(30 / 36500));
  });
});

describe("vixContango s = (futurePrice / vixSpot - 1) * 30 / futureDays", () => {
  test("the worked example's curve (VIX 16.5; 17.4 / 18.3 / 18.9 at 30 / 60 / 90 days)", () => {
    expectRel(vixContango(16.5, 17.4, 30), 3 / 55); // (0.9 / 16.5) * 1 = 0.0545454...
    expectRel(vixContango(16.5, 18.3, 60), 3 / 55); // (1.8 / 16.5) / 2 = 0.0545454...
    expectRel(vixContango(16.5, 18.9, 90), 8 / 165); // (2.4 / 16.5) / 3 = 0.0484848...
  });

  test("backwardation is negative, a flat curve 0", () => {
    expectRel(vixContango(30, 27, 30), -0.1); // (0.9 - 1) * 1
    expectRel(vixContango(30, 27, 60), -0.05); // (0.9 - 1) / 2
    expect(vixContango(20, 20, 45)).toBe(0);
  });

  test("non-positive VIX, price or days are InputErrors naming the argument", () => {
    expect(inputError(() => vixContango(0, 17, 30)).message).toBe("vixSpot must be a number greater than 0; got 0");
    expect(inputError(() => vixContango(16, -17, 30)).message).toBe("futurePrice must be a number greater than 0; got -17");
    expect(inputError(() => vixContango(16, 17, 45000)).message).toBe(
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(inputError(() => vixLayerRatio(16, 17, 45000)).message).toBe(
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(inputError(() => vixContango(16, 17, 0)).message).toBe(
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
  });
});

describe("vixLayerRatio = clamp(1 + gain * (neutral - s), floor, cap)", () => {
  test("the worked example's layers", () => {
    // 30 and 60 days: s = 3/55 = 12/220; 1 + 3 * (11/220 - 12/220) = 1 - 3/220 = 217/220
    expectRel(vixLayerRatio(16.5, 17.4, 30), 217 / 220);
    expectRel(vixLayerRatio(16.5, 18.3, 60), 217 / 220);
    // 90 days: s = 8/165 = 32/660; 1 + 3 * (33/660 - 32/660) = 1 + 1/220 = 221/220
    expectRel(vixLayerRatio(16.5, 18.9, 90), 221 / 220);
  });

  test("steep contango hits the floor, backwardation the cap", () => {
    expect(vixLayerRatio(15, 20, 30)).toBe(0.7); // s = 1/3: 1 + 3 * (0.05 - 0.333) = 0.15 -> 0.7
    expect(vixLayerRatio(30, 25, 30)).toBe(1.3); // s = -1/6: 1 + 3 * (0.05 + 0.1667) = 1.65 -> 1.3
  });

  test("at the neutral slope the ratio is 1", () => {
    // s = (21/20 - 1) = 0.05 up to the rounding of 21/20 (4.4e-17), times gain 3.
    expect(vixLayerRatio(20, 21, 30)).toBeCloseTo(1, 15);
  });

  test("every constant is an argument", () => {
    // gain 1, neutral 0: 1 + (0 - 0.1) = 0.9 for s = (22/20 - 1) = 0.1
    expectRel(vixLayerRatio(20, 22, 30, 1, 0, 0, 2), 0.9);
    expect(vixLayerRatio(20, 30, 30, 0)).toBe(1); // gain 0: always 1
    expect(vixLayerRatio(20, 30, 30, 3, 0.05, 1, 1)).toBe(1); // floor = cap = 1
    expect(vixLayerRatio(20, 40, 30, 3, 0.05, 0, 1.3)).toBe(0); // s = 1: 1 + 3 * (-0.95) < 0 -> floor 0
  });

  test("floor > cap, a negative gain, floor or cap are InputErrors", () => {
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, 0.05, 1.4, 1.3)).message).toBe("floor must not exceed cap (1.3); got 1.4");
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, -1)).message).toBe("gain must be a number of 0 or more; got -1");
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, 0.05, -0.1)).message).toBe("floor must be a number of 0 or more; got -0.1");
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, NaN)).message).toBe("neutral must be a finite number; got NaN");
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, 0.05, 0.7, -1)).message).toBe(
      "cap must be greater than 0 (the highest regime ratio; a cap of 0 would zero every layer's hedge); got -1",
    );
  });

  test("cap 0 (how an empty cell may arrive) is an InputError, even with floor 0, never a silent ratio of 0", () => {
    // Before: floor 0, cap 0 clamped every ratio to 0, so the ladder hedged nothing without a word.
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, 0.05, 0, 0)).message).toBe(
      "cap must be greater than 0 (the highest regime ratio; a cap of 0 would zero every layer's hedge); got 0",
    );
    // With the default floor (0.7) cap 0 is named as the culprit, not the floor.
    expect(inputError(() => vixLayerRatio(16.5, 17.4, 30, 3, 0.05, 0.7, 0)).message).toBe(
      "cap must be greater than 0 (the highest regime ratio; a cap of 0 would zero every layer's hedge); got 0",
    );
    // gain, neutral and floor of 0 stay meaningful: gain 0 gives ratio 1, floor 0 is a valid bound.
    expect(vixLayerRatio(16.5, 17.4, 30, 0, 0, 0, 1.3)).toBe(1);
  });
});

describe("layerWeights", () => {
  test("defaults: 0.5/0.3/0.2 for three layers, equal otherwise", () => {
    expect(layerWeights(3)).toEqual([0.5, 0.3, 0.2]);
    expect(layerWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(layerWeights(1)).toEqual([1]);
  });

  test("given weights are divided by their sum", () => {
    expect(layerWeights(3, [2, 1, 1])).toEqual([0.5, 0.25, 0.25]); // sum 4
    expect(layerWeights(2, [0, 7])).toEqual([0, 1]);
    expect(layerWeights(3, [0.5, 0.3, 0.2])).toEqual([0.5, 0.3, 0.2]); // sum 1 (0.8 + 0.2 rounds to 1 exactly)
  });

  test("a wrong count, a negative weight or all zeros are InputErrors", () => {
    expect(inputError(() => layerWeights(3, [1, 1])).message).toBe("weights must have one cell per curve layer (3); got 2");
    expect(inputError(() => layerWeights(2, [1, -1])).message).toBe("weights cell 2 must be a number of 0 or more; got -1");
    expect(inputError(() => layerWeights(2, [0, 0])).message).toBe("weights must not all be 0 (they are divided by their sum); got 0");
  });
});

/** The worked example: 10 short SPX condors, vega -0.9 per unit each at 45 days. */
const CURVE: CurveLayer[] = [
  { days: 30, price: 17.4 },
  { days: 60, price: 18.3 },
  { days: 90, price: 18.9 },
];

describe("vixLadder: the worked example of issue 3", () => {
  // positionVega = -0.9 (per unit) x 100 (SPX multiplier) x 10 condors = -900 dollars per vol point.
  // beta_iv = min(1.5, sqrt(30/45)) = sqrt(2/3); VIX 16.5; VX multiplier 1000; weights 0.5/0.3/0.2.
  //
  // contracts = -(-900) * sqrt(2/3) * w * ratio / (beta * 1000) = 0.9 * sqrt(2/3) * w * ratio / beta
  //  30 d: w 0.5, beta 0.5,          ratio 217/220: 0.9 * sqrt(2/3) * 217/220            = 0.72482628297811316
  //  60 d: w 0.3, beta 0.5/sqrt(2),  ratio 217/220: 0.27 * (4/sqrt(3)) * 217/220          = 0.61503549585127588
  //        (sqrt(2/3) / (0.5/sqrt(2)) = 2 * 2 / sqrt(3) = 4/sqrt(3))
  //  90 d: w 0.2, beta 0.5/sqrt(3),  ratio 221/220: 0.18 * (2 sqrt(2)) * 221/220          = 0.51143105010183383
  //        (sqrt(2/3) / (0.5/sqrt(3)) = 2 sqrt(2))
  //  total 1.85129282893122287 VX contracts (mpmath, 30 digits, from the closed forms).
  const rows = vixLadder(-900, 45, 16.5, CURVE);

  test("days and futures price echo the curve", () => {
    expect(rows.map((r) => [r.days, r.price])).toEqual([
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ]);
  });

  test("weights 0.5/0.3/0.2, betas 0.5 / 0.5 sqrt(1/2) / 0.5 sqrt(1/3), ratios 217/220, 217/220, 221/220", () => {
    expect(rows.map((r) => r.weight)).toEqual([0.5, 0.3, 0.2]);
    expect(rows[0].beta).toBe(0.5);
    expectRel(rows[1].beta, 0.3535533905932738);
    expectRel(rows[2].beta, 0.2886751345948129);
    expectRel(rows[0].ratio, 217 / 220);
    expectRel(rows[1].ratio, 217 / 220);
    expectRel(rows[2].ratio, 221 / 220);
  });

  test("contracts 0.7248 / 0.6150 / 0.5114 (buy), 1.8513 in all", () => {
    expectRel(rows[0].contracts, 0.72482628297811316);
    expectRel(rows[1].contracts, 0.61503549585127588);
    expectRel(rows[2].contracts, 0.51143105010183383);
    expectRel(
      rows.reduce((s, r) => s + r.contracts, 0),
      1.85129282893122287,
    );
  });

  test("with VXM minis (multiplier 100) the counts are 10 times larger", () => {
    const minis = vixLadder(-900, 45, 16.5, CURVE, { multiplier: 100 });
    expectRel(minis[0].contracts, 7.2482628297811316);
    expectRel(minis[1].contracts, 6.1503549585127588);
    expectRel(minis[2].contracts, 5.1143105010183383);
  });

  test("given weights [1, 1, 2] are normalised to 0.25/0.25/0.5", () => {
    const r = vixLadder(-900, 45, 16.5, CURVE, { weights: [1, 1, 2] });
    expect(r.map((x) => x.weight)).toEqual([0.25, 0.25, 0.5]);
    // 90 d: 0.9 * sqrt(2/3) * 0.5 * 221/220 / (0.5/sqrt(3)) = 0.9 * sqrt(2) * 221/220 = 1.27857762525458457
    expectRel(r[2].contracts, 1.27857762525458457);
  });
});

describe("vixLadder: sign, zero and edge cases", () => {
  test("a long-vol position (positionVega > 0) sells futures: every count flips sign", () => {
    const r = vixLadder(900, 45, 16.5, CURVE);
    expectRel(r[0].contracts, -0.72482628297811316);
    expectRel(r[2].contracts, -0.51143105010183383);
  });

  test("positionVega = 0 gives 0 contracts (not -0)", () => {
    for (const r of vixLadder(0, 45, 16.5, CURVE)) expect(Object.is(r.contracts, 0)).toBe(true);
  });

  test("positionDays = 0 uses beta_iv = 1.5 (the cap)", () => {
    // one 30-day layer, flat curve at 20 (s = 0, ratio 1 + 3 * 0.05 = 1.15):
    // 1000 * 1.5 * 1 * 1.15 / (0.5 * 1000) = 3.45
    const [r] = vixLadder(-1000, 0, 20, [{ days: 30, price: 20 }]);
    expectRel(r.contracts, 3.45);
  });

  test("one layer gets weight 1; four layers 0.25 each", () => {
    expect(vixLadder(-900, 45, 16.5, [{ days: 30, price: 17 }]).map((r) => r.weight)).toEqual([1]);
    const four = [...CURVE, { days: 120, price: 19.2 }];
    expect(vixLadder(-900, 45, 16.5, four).map((r) => r.weight)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  test("all constants pass through: gain 0 makes every ratio 1", () => {
    const r = vixLadder(-900, 45, 16.5, CURVE, { gain: 0, beta30: 0.4, exponent: 1, betaIvCap: 1 });
    // 30 d: 900 * sqrt(2/3) * 0.5 * 1 / (0.4 * 1000) = 1.125 * sqrt(2/3) = 0.91855865354369179
    expectRel(r[0].contracts, 0.91855865354369179);
    // 90 d: beta 0.4 * 1/3; 900 * sqrt(2/3) * 0.2 / (0.4/3 * 1000) = 1.35 * sqrt(2/3) = 1.10227038425243014
    expectRel(r[2].contracts, 1.10227038425243014);
  });

  test("bad input: InputErrors naming the argument (and the curve row)", () => {
    const e = (f: () => unknown) => inputError(f).message;
    expect(e(() => vixLadder(NaN, 45, 16.5, CURVE))).toBe("positionVega must be a finite number; got NaN");
    expect(e(() => vixLadder(-900, -1, 16.5, CURVE))).toBe(
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -1",
    );
    expect(e(() => vixLadder(-900, 45, 0, CURVE))).toBe("vixSpot must be a number greater than 0; got 0");
    expect(e(() => vixLadder(-900, 45, 16.5, []))).toBe("curve must have 1 to 12 layers (rows of days and futures price); got 0");
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ days: 30 * (i + 1), price: 18 }));
    expect(e(() => vixLadder(-900, 45, 16.5, thirteen))).toBe("curve must have 1 to 12 layers (rows of days and futures price); got 13");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { floor: 0, cap: 0 }))).toBe(
      "cap must be greater than 0 (the highest regime ratio; a cap of 0 would zero every layer's hedge); got 0",
    );
    expect(e(() => vixLadder(-900, 45000, 16.5, CURVE))).toBe(
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(e(() => vixLadder(-900, 45, 16.5, [CURVE[0], { days: 45000, price: 18 }]))).toBe(
      "curve row 2 days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expect(e(() => vixLadder(-900, 45, 16.5, [CURVE[0], { days: 0, price: 18 }]))).toBe(
      "curve row 2 days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
    expect(e(() => vixLadder(-900, 45, 16.5, [CURVE[0], { days: 60, price: -18 }]))).toBe("curve row 2 futures price must be a number greater than 0; got -18");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { weights: [1, 2] }))).toBe("weights must have one cell per curve layer (3); got 2");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { weights: [1, -2, 1] }))).toBe("weights cell 2 must be a number of 0 or more; got -2");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { weights: [0, 0, 0] }))).toBe("weights must not all be 0 (they are divided by their sum); got 0");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { multiplier: 0 }))).toBe("multiplier must be a number greater than 0; got 0");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { floor: 1.5 }))).toBe("floor must not exceed cap (1.3); got 1.5");
    expect(e(() => vixLadder(-900, 45, 16.5, CURVE, { beta30: -1 }))).toBe("beta30 must be a number greater than 0; got -1");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties (fast-check)
// ---------------------------------------------------------------------------------------------

const vixArb = fc.double({ min: 9, max: 90, noNaN: true });
const priceArb = fc.double({ min: 5, max: 100, noNaN: true });
const daysArb = fc.double({ min: 1, max: 400, noNaN: true });
/** Valid regime constants: gain >= 0, any neutral, 0 <= floor <= cap. */
// The valid domain: gain >= 0, any neutral, 0 <= floor <= cap, cap > 0 (b > 0 makes max(a, b) > 0).
const ratioConstantsArb = fc
  .tuple(
    fc.double({ min: 0, max: 20, noNaN: true }),
    fc.double({ min: -0.5, max: 0.5, noNaN: true }),
    fc.double({ min: 0, max: 3, noNaN: true }),
    fc.double({ min: 1e-9, max: 3, noNaN: true }),
  )
  .map(([gain, neutral, a, b]) => ({ gain, neutral, floor: Math.min(a, b), cap: Math.max(a, b) }));

describe("properties of the regime ratio", () => {
  test("a higher future price at the same tenor (steeper contango) never raises the ratio", () => {
    fc.assert(
      fc.property(vixArb, priceArb, priceArb, daysArb, ratioConstantsArb, (vix, p1, p2, d, k) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        return vixLayerRatio(vix, hi, d, k.gain, k.neutral, k.floor, k.cap) <= vixLayerRatio(vix, lo, d, k.gain, k.neutral, k.floor, k.cap);
      }),
      { numRuns: 500 },
    );
  });

  test("a contango premium reached in fewer days (steeper slope) never raises the ratio", () => {
    fc.assert(
      fc.property(vixArb, fc.double({ min: 0, max: 1, noNaN: true }), daysArb, daysArb, (vix, premium, d1, d2) => {
        const future = vix * (1 + premium); // contango (or flat)
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        return vixLayerRatio(vix, future, short) <= vixLayerRatio(vix, future, long);
      }),
      { numRuns: 500 },
    );
  });

  test("the ratio stays within [floor, cap]", () => {
    fc.assert(
      fc.property(vixArb, priceArb, daysArb, ratioConstantsArb, (vix, p, d, k) => {
        const r = vixLayerRatio(vix, p, d, k.gain, k.neutral, k.floor, k.cap);
        return r >= k.floor && r <= k.cap;
      }),
      { numRuns: 500 },
    );
  });
});

/** A curve of 1 to 12 layers. */
const curveArb = fc.array(fc.record({ days: daysArb, price: priceArb }), { minLength: 1, maxLength: 12 });
const vegaArb = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe("properties of the ladder", () => {
  test("contracts scale linearly with position vega", () => {
    fc.assert(
      fc.property(
        vegaArb,
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        vixArb,
        curveArb,
        (v, c, pd, vix, curve) => {
          const base = vixLadder(v, pd, vix, curve);
          const scaled = vixLadder(c * v, pd, vix, curve);
          // Each count is c*v times the same product of rounded factors; c*v and the final product
          // add two roundings: a few ulps, well inside REL.
          return scaled.every((r, i) => Math.abs(r.contracts - c * base[i].contracts) <= REL * Math.abs(c * base[i].contracts) + 1e-300);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("contracts flip sign with position vega, exactly (positive = buy for a short-vol position)", () => {
    fc.assert(
      fc.property(vegaArb, fc.double({ min: 0, max: 200, noNaN: true }), vixArb, curveArb, (v, pd, vix, curve) => {
        const a = vixLadder(v, pd, vix, curve);
        const b = vixLadder(-v, pd, vix, curve);
        return a.every((r, i) => r.contracts === -b[i].contracts && (v >= 0 ? r.contracts <= 0 : r.contracts >= 0));
      }),
      { numRuns: 300 },
    );
  });

  test("with the regime off (gain 0), the ladder's dollar VIX exposure offsets the position's exactly", () => {
    // Per 1 VIX point: the position moves positionVega * beta_iv dollars; layer i moves
    // contracts_i * beta_i * multiplier. Sum over layers = -positionVega * beta_iv * sum(w) = the opposite.
    fc.assert(
      fc.property(vegaArb, fc.double({ min: 0.5, max: 200, noNaN: true }), vixArb, curveArb, fc.constantFrom(100, 1000), (v, pd, vix, curve, m) => {
        const opts: LadderOptions = { gain: 0, multiplier: m };
        const hedge = vixLadder(v, pd, vix, curve, opts).reduce((s, r) => s + r.contracts * r.beta * m, 0);
        return Math.abs(hedge + v * betaIv(pd)) <= 1e-12 * Math.abs(v) + 1e-300;
      }),
      { numRuns: 300 },
    );
  });

  test("SPEC.md's defaults are the ones documented", () => {
    expect(ALVH_DEFAULTS).toEqual({ betaIvCap: 1.5, beta30: 0.5, exponent: 0.5, gain: 3, neutral: 0.05, floor: 0.7, cap: 1.3, multiplier: 1000 });
  });
});
