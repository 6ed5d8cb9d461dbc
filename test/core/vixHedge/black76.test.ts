/**
 * Black-76 on a VIX future (src/core/vixHedge/black76.ts): the published MATLAB blkprice case
 * from test/fixtures/published-cases.json, the mpmath golden values of
 * scripts/golden/vix_hedge.py, and the BigInt oracle of test/helpers/highPrecision.ts across
 * strikes and tenors; theta and delta against central finite differences.
 */
import * as fs from "fs";
import * as path from "path";
import { black76, black76Value } from "../../../src/core/vixHedge/black76";
import { blackHP, normCdfHP } from "../../helpers/highPrecision";

const published = JSON.parse(fs.readFileSync(path.join(__dirname, "../../fixtures/published-cases.json"), "utf8")) as {
  options: Array<{
    source: string;
    type: string;
    spot: number;
    strike: number;
    days: number;
    vol: number;
    rate: number;
    yield: number;
    price: number;
    tol: number;
  }>;
};
const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/vix-hedge-golden.json"), "utf8")) as {
  black76: Array<{
    kind: "CALL" | "PUT";
    future: number;
    strike: number;
    days: number;
    vol: number;
    rate: number;
    value: number;
    deltaF: number;
    theta: number;
  }>;
};

function expectRel(got: number, want: number, rel: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.abs(want));
}

describe("black76", () => {
  test("reproduces MATLAB blkprice's published Black-76 case (F = K = 20, 4 months, 25%, r = 9%): 1.1166", () => {
    const c = published.options.find((o) => o.source.startsWith("MATLAB blkprice"));
    expect(c).toBeDefined();
    expect(c!.rate).toBe(c!.yield); // restated as BSM with yield = rate
    const v = black76("call", c!.spot, c!.strike, c!.days, c!.vol, c!.rate).value;
    expect(Math.abs(v - c!.price)).toBeLessThanOrEqual(c!.tol);
    expect(black76Value("call", c!.spot, c!.strike, c!.days, c!.vol, c!.rate)).toBe(v);
  });

  test.each(golden.black76.map((g) => [g.kind, g.future, g.strike, g.days, g.vol, g.rate, g]))(
    "%s F=%d K=%d %d days vol %d rate %d equals mpmath's value, delta_F (with e^-rT) and theta per day",
    (_k, _f, _s, _d, _v, _r, g) => {
      const b = black76(g.kind === "CALL" ? "call" : "put", g.future, g.strike, g.days, g.vol, g.rate);
      expectRel(b.value, g.value, 1e-13);
      expectRel(b.deltaF, g.deltaF, 1e-13);
      expectRel(b.theta, g.theta, 1e-12);
    },
  );

  test("equals the exact (BigInt) Black price times e^-rT from deep in the money to far out of it", () => {
    for (const kind of ["call", "put"] as const) {
      for (const strike of [2, 8, 14, 17.4, 21, 30, 50, 90]) {
        for (const [days, vol] of [
          [7, 1.4],
          [30, 0.9],
          [120, 0.6],
        ]) {
          const rate = 0.045;
          const T = days / 365;
          const want = Math.exp(-rate * T) * blackHP(17.4, strike, vol * Math.sqrt(T), kind);
          expectRel(black76Value(kind, 17.4, strike, days, vol, rate), want, 1e-12);
          const d1 = Math.log(17.4 / strike) / (vol * Math.sqrt(T)) + (vol * Math.sqrt(T)) / 2;
          const delta = Math.exp(-rate * T) * (kind === "call" ? normCdfHP(d1) : -normCdfHP(-d1));
          expectRel(black76(kind, 17.4, strike, days, vol, rate).deltaF, delta, 1e-12);
        }
      }
    }
  });

  test("delta_F is dV/dF and theta is the value change per calendar day with F held (central differences)", () => {
    const h = 1e-4;
    const b = black76("call", 18.3, 22.875, 60, 0.95, 0.04);
    const dF = (black76Value("call", 18.3 + h, 22.875, 60, 0.95, 0.04) - black76Value("call", 18.3 - h, 22.875, 60, 0.95, 0.04)) / (2 * h);
    const dT = (black76Value("call", 18.3, 22.875, 60 - h, 0.95, 0.04) - black76Value("call", 18.3, 22.875, 60 + h, 0.95, 0.04)) / (2 * h);
    expectRel(b.deltaF, dF, 1e-8);
    expectRel(b.theta, dT, 1e-7);
  });

  test("put-call parity on a future: C - P = e^-rT (F - K)", () => {
    const c = black76Value("call", 18.3, 15, 60, 0.95, 0.04);
    const p = black76Value("put", 18.3, 15, 60, 0.95, 0.04);
    expectRel(c - p, Math.exp((-0.04 * 60) / 365) * 3.3, 1e-14);
  });
});
