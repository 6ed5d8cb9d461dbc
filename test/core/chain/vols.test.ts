/**
 * CHAIN_VOLS' core (src/core/chain/vols.ts): a chain priced from known vols (a skewed smile,
 * Black-76 prices from the accurate src/core/black.ts, mids exactly the model prices) gives
 * those vols back to 1e-10; the side used at each strike; #N/A cells; bad input.
 */
import fc from "fast-check";
import { undiscountedBlack } from "../../../src/core/black";
import { NoSolutionError, NotAvailableError } from "../../../src/core/errors";
import type { Chain } from "../../../src/core/chain/quotes";
import { chainVols } from "../../../src/core/chain/vols";
import { inputError } from "../../helpers/errors";
import { cboeChain, published } from "./cboe";

interface Generated {
  chain: Chain;
  vols: number[];
}

/**
 * A chain around F, strikes F e^{x 2.5 sd} for x in [-1, 1] (sd = base sqrt(T)), both sides quoted,
 * with the smile vol = base (1 + skew x + curve x^2): skew in [-0.5, 0] and curve in [0, 0.5]
 * keep every vol between base/2 and 2 base, as listed smiles are.
 */
function generate(F: number, rate: number, days: number, base: number, skew: number, curve: number, count: number): Generated {
  const T = days / 365;
  const df = Math.exp(-rate * T);
  const sd = base * Math.sqrt(T);
  const strikes = Array.from({ length: count }, (_, i) => F * Math.exp(-2.5 * sd + (5 * sd * i) / (count - 1)));
  const vols = strikes.map((k) => {
    const x = Math.log(k / F) / (2.5 * sd);
    return base * (1 + skew * x + curve * x * x);
  });
  const quote = (kind: "call" | "put") =>
    strikes.map((k, i) => {
      const p = df * undiscountedBlack(F, k, vols[i] * Math.sqrt(T), kind);
      return { bid: p * 0.75, ask: p * 1.25 }; // mid = p (to one rounding)
    });
  return { chain: { strikes, calls: quote("call"), puts: quote("put") }, vols };
}

describe("a chain generated from known vols gives them back", () => {
  test("every vol to 1e-10 (forwards, rates, days, smiles drawn at random)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 10000, noNaN: true }),
        fc.double({ min: -0.02, max: 0.08, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 0.08, max: 0.8, noNaN: true }),
        fc.double({ min: -0.5, max: 0, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 5, max: 80 }),
        (F, rate, days, base, skew, curve, count) => {
          const { chain, vols } = generate(F, rate, days, base, skew, curve, count);
          const r = chainVols(chain, days, rate);
          r.vols.forEach((v, i) => {
            expect(typeof v).toBe("number");
            expect(Math.abs((v as number) - vols[i])).toBeLessThanOrEqual(1e-10);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("with a spot, the implied yield is rate - ln(F/spot)/T and the vols are unchanged", () => {
    const days = 45;
    const rate = 0.045;
    const yield_ = 0.013;
    const spot = 5000;
    const F = spot * Math.exp(((rate - yield_) * days) / 365);
    const { chain, vols } = generate(F, rate, days, 0.18, -0.3, 0.3, 41);
    const r = chainVols(chain, days, rate, spot);
    expect(Math.abs(r.yield - yield_)).toBeLessThan(1e-12);
    r.vols.forEach((v, i) => expect(Math.abs((v as number) - vols[i])).toBeLessThanOrEqual(1e-10));
  });
});

describe("which side, and #N/A cells", () => {
  const { chain } = generate(100, 0, 30, 0.2, -0.2, 0.2, 11);

  test("a strike below F without a put quote is #N/A in that cell only, even with a call quote", () => {
    const puts = chain.puts.slice();
    puts[2] = { bid: 0, ask: 0.4 };
    const r = chainVols({ ...chain, puts }, 30, 0);
    expect(r.vols[2]).toBeInstanceOf(NotAvailableError);
    expect((r.vols[2] as NotAvailableError).message).toMatch(/no put quote at strike/);
    r.vols.forEach((v, i) => i !== 2 && expect(typeof v).toBe("number"));
  });

  test("a mid above its no-arbitrage bound (a put worth more than its discounted strike) is #N/A", () => {
    const puts = chain.puts.slice();
    puts[1] = { bid: 200, ask: 200 };
    const r = chainVols({ ...chain, puts }, 30, 0);
    expect(r.vols[1]).toBeInstanceOf(NotAvailableError);
    expect((r.vols[1] as NotAvailableError).message).toMatch(/upper bound/);
  });

  test("Cboe's near term: 1960 (below F = 1962.9) uses the put, 1965 the call", () => {
    const near = cboeChain("near");
    const { minutes, rate } = published.cboeVix.near;
    const r = chainVols(near, minutes / 1440, rate);
    const i60 = near.strikes.indexOf(1960);
    const i65 = near.strikes.indexOf(1965);
    // Independent check: the vol at 1960 reprices the put mid 21.3, the one at 1965 the call mid 21.05.
    const T = minutes / 1440 / 365;
    const df = Math.exp(-rate * T);
    const F = r.forward.forward;
    expect(df * undiscountedBlack(F, 1960, (r.vols[i60] as number) * Math.sqrt(T), "put")).toBeCloseTo(21.3, 10);
    expect(df * undiscountedBlack(F, 1965, (r.vols[i65] as number) * Math.sqrt(T), "call")).toBeCloseTo(21.05, 10);
  });
});

describe("bad input", () => {
  const { chain } = generate(100, 0, 30, 0.2, 0, 0, 5);
  test("days = 0 is a NoSolutionError (no vol at expiry); negative days an InputError", () => {
    expect(() => chainVols(chain, 0, 0)).toThrow(NoSolutionError);
    expect(inputError(() => chainVols(chain, -2, 0)).argument).toBe("days");
  });
  test("a spot implying a yield outside -1..1 is an InputError on spot", () => {
    expect(inputError(() => chainVols(chain, 1, 0, 1)).argument).toBe("spot");
  });
});
