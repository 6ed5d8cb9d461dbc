/**
 * VIX_HEDGE's core (src/core/vixHedge/hedge.ts), SPEC.md "The ALVH with options and ETFs".
 *
 * Expected values: scripts/golden/vix_hedge.py (mpmath at 40 digits, SPEC's formulas written out
 * again, sharing no code with src/core) for the mixed tables; hand algebra (shown beside each)
 * for the ETF closed form; hedge.ts vixLadder for the FUT-only identity SPEC promises.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { NoSolutionError } from "../../../src/core/errors";
import { vixLadder } from "../../../src/core/hedge";
import { MIN_OPTION_DELTA, vixHedge, type LayerSize } from "../../../src/core/vixHedge/hedge";
import type { Layer } from "../../../src/core/vixHedge/instruments";
import { inputError } from "../../helpers/errors";

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/vix-hedge-golden.json"), "utf8")) as Record<string, number[][]>;

function expectRel(got: number, want: number, rel = 1e-12): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
}

function sized(size: LayerSize | NoSolutionError): LayerSize {
  if (size instanceof NoSolutionError) throw size;
  return size;
}

const WORKED: Layer[] = [
  { instrument: "FUT", days: 30, price: 17.4 },
  { instrument: "CALL", days: 60, price: 18.3, strike: 22.875, volOrLeverage: 0.95 },
  { instrument: "ETF", days: 30, price: 25, volOrLeverage: 1.5 },
];

describe("vixHedge: mixed layers", () => {
  test("the worked example (VX 30 d, a 60-day call 25% OTM, UVXY) matches mpmath: units, premium, cost, carry", () => {
    const rows = vixHedge(-900, 45, 16.5, WORKED, { rate: 0.04 });
    rows.forEach((r, i) => {
      const [units, premium, cost, carry] = golden.worked[i];
      const s = sized(r.size);
      expectRel(s.units, units);
      if (premium === 0) expect(r.premium).toBe(0);
      else expectRel(r.premium, premium);
      expect(Math.abs(s.cost - cost)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(cost)));
      expectRel(s.carry, carry);
    });
    expect(rows.map((r) => r.multiplier)).toEqual([1000, 100, 1]);
  });

  test("a VXM, a put and an ETF in backwardation with weights 1/1/2 match mpmath; put units come out negative", () => {
    const layers: Layer[] = [
      { instrument: "VXM", days: 30, price: 27 },
      { instrument: "PUT", days: 45, price: 26, strike: 22, volOrLeverage: 1.1 },
      { instrument: "ETF", days: 45, price: 40, volOrLeverage: 1 },
    ];
    const rows = vixHedge(-1500, 30, 30, layers, { weights: [1, 1, 2], rate: 0.05 });
    rows.forEach((r, i) => {
      const [units, premium, cost, carry] = golden.backwardation[i];
      const s = sized(r.size);
      expectRel(s.units, units);
      if (premium === 0) expect(r.premium).toBe(0);
      else expectRel(r.premium, premium);
      expect(Math.abs(s.cost - cost)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(cost)));
      expectRel(s.carry, carry);
    });
    expect(sized(rows[1].size).units).toBeLessThan(0);
  });

  test("ETF sizing in closed form: UVXY 25, leverage 1.5, F_30 = 17.4 gives units = 0.9 sqrt(2/3) 0.2 (217/220) 17.4 / (1.5 x 25 x 0.5)", () => {
    // -vega beta_iv w ratio / (lev P beta / F_d): 900 sqrt(2/3) 0.2 (217/220) / (1.5 x 25 x 0.5 / 17.4)
    // = 180 sqrt(2/3) (217/220) (17.4 / 18.75) = 134.5277581207378...
    const want = 180 * Math.sqrt(2 / 3) * (217 / 220) * (17.4 / 18.75);
    const s = sized(vixHedge(-900, 45, 16.5, WORKED, { rate: 0.04 })[2].size);
    expectRel(s.units, want, 1e-14);
    // carry: units x 25 x 1.5 x (16.5 - 17.4) / (30 x 17.4)
    expectRel(s.carry, (want * 25 * 1.5 * -0.9) / (30 * 17.4), 1e-14);
    expectRel(s.cost, want * 25, 1e-14);
  });

  test("an inverse ETF (SVXY, leverage -0.5) is sold: units = -450 sqrt(2/3) (217/220) 17.4 / 15, its carry the same as the FUT layer's", () => {
    // sensitivity = -0.5 x 60 x 0.5 / 17.4 = -15 / 17.4; units = 900 sqrt(2/3) 0.5 (217/220) / sensitivity
    const rows = vixHedge(-900, 45, 16.5, [WORKED[0], { instrument: "ETF", days: 30, price: 60, volOrLeverage: -0.5 }]);
    const want = (-450 * Math.sqrt(2 / 3) * (217 / 220) * 17.4) / 15;
    expectRel(sized(rows[1].size).units, want, 1e-14);
    expectRel(sized(rows[1].size).carry, sized(rows[0].size).carry, 1e-14); // both hold the same dollar exposure to the 30-day future
  });

  test("an ETF reads F_d on the future-priced rows in any order: linear between them, flat beyond, vixSpot without any", () => {
    const etf: Layer = { instrument: "ETF", days: 45, price: 20, volOrLeverage: 1 };
    const futs: Layer[] = [
      { instrument: "FUT", days: 60, price: 18.3 },
      { instrument: "FUT", days: 30, price: 17.4 },
    ];
    expect(vixHedge(-900, 45, 16.5, [...futs, etf])[2].future).toBeCloseTo(17.85, 14); // (17.4 + 18.3) / 2
    expect(vixHedge(-900, 45, 16.5, [futs[0], { ...etf, days: 90 }])[1].future).toBe(18.3); // flat beyond the last
    expect(vixHedge(-900, 45, 16.5, [futs[1], { ...etf, days: 10 }])[1].future).toBe(17.4); // flat before the first
    expect(vixHedge(-900, 45, 16.5, [etf])[0].future).toBe(16.5);
    // An option row's future is a curve point too (SPEC: the FUT/VXM/CALL/PUT rows), here the 60-day one.
    expect(vixHedge(-900, 45, 16.5, [etf, WORKED[1], futs[1]])[0].future).toBeCloseTo((17.4 + 18.3) / 2, 14);
    expect(vixHedge(-900, 45, 16.5, [{ instrument: "PUT", days: 60, price: 18.3, strike: 15, volOrLeverage: 0.9 }, etf])[1].future).toBe(18.3);
  });

  test("a deep in-the-money call layer converges to the FUT layer: units x 100 x delta_F -> FUT units x 1000, and its carry to the FUT's", () => {
    const fut = sized(vixHedge(-900, 45, 16.5, [{ instrument: "FUT", days: 30, price: 17.4 }])[0].size);
    let previous = Infinity;
    for (const strike of [10, 5, 2, 0.5]) {
      const row = vixHedge(-900, 45, 16.5, [{ instrument: "CALL", days: 30, price: 17.4, strike, volOrLeverage: 0.5 }])[0];
      const s = sized(row.size);
      const gap = Math.abs(s.units / (10 * fut.units) - 1);
      expect(gap).toBeLessThanOrEqual(previous);
      previous = gap;
      expectRel((s.units * 100 * row.sensitivity) / row.beta / 100, fut.units * 1000, 1e-14); // same dollar exposure
    }
    expect(previous).toBeLessThan(1e-15);
    const deep = sized(vixHedge(-900, 45, 16.5, [{ instrument: "CALL", days: 30, price: 17.4, strike: 0.5, volOrLeverage: 0.5 }])[0].size);
    expectRel(deep.carry, fut.carry, 1e-12); // theta -> 0 at rate 0, delta_F -> 1
  });

  test("carry signs: in contango futures, options and ETFs bought as a hedge cost carry; in backwardation futures and ETFs earn it", () => {
    const contango = vixHedge(-900, 45, 16.5, WORKED, { rate: 0.04 }).map((r) => sized(r.size).carry);
    expect(contango.every((c) => c < 0)).toBe(true);
    const back = vixHedge(-900, 45, 30, [
      { instrument: "FUT", days: 30, price: 27 },
      { instrument: "ETF", days: 30, price: 40, volOrLeverage: 1.5 },
    ]).map((r) => sized(r.size).carry);
    expect(back.every((c) => c > 0)).toBe(true);
  });
});

describe("vixHedge with FUT-only layers is VIX_LADDER", () => {
  test("units equal vixLadder's contracts exactly (default and given weights, VX and VXM)", () => {
    const day = fc.double({ min: 1, max: 400, noNaN: true });
    const price = fc.double({ min: 5, max: 80, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 400, noNaN: true }),
        price,
        fc.array(fc.tuple(day, price), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (vega, pdays, spot, curve, mini, giveWeights) => {
          const instrument = mini ? "VXM" : "FUT";
          const weights = giveWeights ? curve.map((_, i) => i + 1) : undefined;
          const ladder = vixLadder(
            vega,
            pdays,
            spot,
            curve.map(([days, p]) => ({ days, price: p })),
            { weights, multiplier: mini ? 100 : 1000 },
          );
          const hedge = vixHedge(
            vega,
            pdays,
            spot,
            curve.map(([days, p]) => ({ instrument, days, price: p })),
            { weights },
          );
          hedge.forEach((r, i) => {
            expect(sized(r.size).units).toBe(ladder[i].contracts);
            expect(r.ratio).toBe(ladder[i].ratio);
            expect(r.beta).toBe(ladder[i].beta);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("vixHedge errors", () => {
  const call = (layer: Partial<Layer>) => () => vixHedge(-900, 45, 16.5, [WORKED[0], { ...WORKED[1], ...layer }]);

  test("a CALL/PUT row without a strike or a vol, or with a bad one, names its row and column", () => {
    expect(inputError(call({ strike: undefined })).message).toMatch(/^layers row 2 strike is required for a CALL row/);
    expect(inputError(call({ instrument: "PUT", volOrLeverage: undefined })).message).toMatch(/^layers row 2 volOrLeverage is required for a PUT row/);
    expect(inputError(call({ strike: -1 })).argument).toBe("layers row 2 strike");
    expect(inputError(call({ volOrLeverage: 95 })).message).toMatch(/^layers row 2 volOrLeverage must be a decimal between 0 and 5/);
  });

  test("an ETF row without a leverage, or with 0 or an absurd one, names its row and column", () => {
    const etf = (lev: number | undefined) => () => vixHedge(-900, 45, 16.5, [{ instrument: "ETF", days: 30, price: 25, volOrLeverage: lev }]);
    expect(inputError(etf(undefined)).message).toMatch(/^layers row 1 volOrLeverage is required for an ETF row/);
    expect(inputError(etf(25)).argument).toBe("layers row 1 volOrLeverage");
    expect(vixHedge(-900, 45, 16.5, [{ instrument: "ETF", days: 30, price: 60, volOrLeverage: -0.5 }])[0].size).not.toBeInstanceOf(NoSolutionError);
  });

  test("days <= 0, a price <= 0, a strike on a FUT or ETF row, a vol on a FUT row are #VALUE! naming row and column", () => {
    expect(inputError(call({ days: 0 })).argument).toBe("layers row 2 days");
    expect(inputError(call({ days: -5 })).argument).toBe("layers row 2 days");
    expect(inputError(call({ price: 0 })).argument).toBe("layers row 2 price");
    expect(inputError(() => vixHedge(-900, 45, 16.5, [{ instrument: "FUT", days: 30, price: 17, strike: 20 }])).argument).toBe("layers row 1 strike");
    expect(inputError(() => vixHedge(-900, 45, 16.5, [{ instrument: "FUT", days: 30, price: 17, volOrLeverage: 1 }])).argument).toBe(
      "layers row 1 volOrLeverage",
    );
    expect(inputError(() => vixHedge(-900, 45, 16.5, [{ instrument: "ETF", days: 30, price: 17, strike: 1, volOrLeverage: 1 }])).argument).toBe(
      "layers row 1 strike",
    );
  });

  test("two future-priced rows of the same days with different prices name the later row when an ETF reads the curve", () => {
    expect(inputError(() => vixHedge(-900, 45, 16.5, [WORKED[0], { ...WORKED[1], days: 30, price: 17.6 }, WORKED[2]])).message).toMatch(
      /^layers row 2 price must equal the future of the same days in row 1 \(17\.4\)/,
    );
    expect(vixHedge(-900, 45, 16.5, [WORKED[0], { ...WORKED[1], days: 30, price: 17.4 }, WORKED[2]])).toHaveLength(3);
    expect(vixHedge(-900, 45, 16.5, [WORKED[0], { ...WORKED[1], days: 30, price: 17.6 }])).toHaveLength(2); // no ETF: as VIX_LADDER
  });

  test("the position's arguments, the layer count, weights and rate follow their rules", () => {
    expect(inputError(() => vixHedge(NaN, 45, 16.5, WORKED)).argument).toBe("positionVega");
    expect(inputError(() => vixHedge(-900, -1, 16.5, WORKED)).argument).toBe("positionDays");
    expect(inputError(() => vixHedge(-900, 45, 0, WORKED)).argument).toBe("vixSpot");
    expect(inputError(() => vixHedge(-900, 45, 16.5, [])).argument).toBe("layers");
    expect(inputError(() => vixHedge(-900, 45, 16.5, WORKED, { weights: [1, 1] })).argument).toBe("weights");
    expect(inputError(() => vixHedge(-900, 45, 16.5, WORKED, { rate: 2 })).argument).toBe("rate");
  });

  test("a far out-of-the-money option (delta_F ~ 0) is a NoSolutionError in its row only, with the reason", () => {
    const rows = vixHedge(-900, 45, 16.5, [WORKED[0], { instrument: "CALL", days: 30, price: 17.4, strike: 150, volOrLeverage: 0.8 }, WORKED[2]]);
    expect(rows[1].size).toBeInstanceOf(NoSolutionError);
    expect((rows[1].size as NoSolutionError).message).toMatch(/^layers row 2: the CALL at strike 150 has a delta to its future of .* below 1e-6/);
    expect(Math.abs(rows[1].sensitivity / rows[1].beta / 100)).toBeLessThan(MIN_OPTION_DELTA);
    expect(rows[1].premium).toBeGreaterThanOrEqual(0);
    expect(sized(rows[0].size).units).toBeGreaterThan(0);
    expect(sized(rows[2].size).units).toBeGreaterThan(0);
    const put = vixHedge(-900, 45, 16.5, [{ instrument: "PUT", days: 30, price: 17.4, strike: 2, volOrLeverage: 0.8 }]);
    expect(put[0].size).toBeInstanceOf(NoSolutionError);
  });
});
