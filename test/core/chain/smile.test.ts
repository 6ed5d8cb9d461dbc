/**
 * SMILE_VOL's core (src/core/chain/smile.ts, svi.ts): the interpolation passes through every
 * quote, is C1 and never overshoots inside; flat outside; SVI wings that are checked for
 * butterfly arbitrage (Gatheral-Jacquier's g(k) >= 0, recomputed here on a denser grid than the
 * core's) or fall back to flat.
 */
import fc from "fast-check";
import { buildSmile, wingIsArbitrageFree } from "../../../src/core/chain/smile";
import { butterflyG, fitSvi, type Svi, sviW, sviW1, sviW2 } from "../../../src/core/chain/svi";
import { inputError } from "../../helpers/errors";

/** A sorted, strictly ascending strike grid with vols, drawn at random. */
const smileArb = fc
  .array(fc.tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1.5, noNaN: true })), { minLength: 2, maxLength: 30 })
  .map((steps) => {
    let k = 1000;
    const strikes: number[] = [];
    const vols: number[] = [];
    for (const [gap, vol] of steps) {
      k += gap * 100;
      strikes.push(k);
      vols.push(vol);
    }
    return { strikes, vols };
  });

describe("inside the quoted strikes", () => {
  test("returns the quoted vol at every quoted strike, exactly", () => {
    fc.assert(
      fc.property(smileArb, ({ strikes, vols }) => {
        const s = buildSmile(strikes, vols);
        strikes.forEach((k, i) => expect(s.vol(k)).toBe(vols[i]));
      }),
    );
  });

  test("never overshoots: between two quotes the vol stays between them (Steffen's monotonicity)", () => {
    fc.assert(
      fc.property(smileArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ strikes, vols }, u) => {
        const s = buildSmile(strikes, vols);
        for (let i = 0; i + 1 < strikes.length; i++) {
          const v = s.vol(strikes[i] + u * (strikes[i + 1] - strikes[i]));
          expect(v).toBeGreaterThanOrEqual(Math.min(vols[i], vols[i + 1]) - 1e-15);
          expect(v).toBeLessThanOrEqual(Math.max(vols[i], vols[i + 1]) + 1e-15);
        }
      }),
    );
  });

  test("has a continuous first derivative: one-sided slopes agree at each interior quote", () => {
    fc.assert(
      fc.property(smileArb, ({ strikes, vols }) => {
        const s = buildSmile(strikes, vols);
        for (let i = 1; i + 1 < strikes.length; i++) {
          const k = strikes[i];
          const h = 1e-4 * Math.min(k - strikes[i - 1], strikes[i + 1] - k);
          // second-order one-sided differences (error O(h^2) on each cubic piece)
          const left = (3 * s.vol(k) - 4 * s.vol(k - h) + s.vol(k - 2 * h)) / (2 * h);
          const right = (-3 * s.vol(k) + 4 * s.vol(k + h) - s.vol(k + 2 * h)) / (2 * h);
          const secants = Math.max(Math.abs((vols[i] - vols[i - 1]) / (k - strikes[i - 1])), Math.abs((vols[i + 1] - vols[i]) / (strikes[i + 1] - k)));
          expect(Math.abs(left - right)).toBeLessThanOrEqual(1e-4 * secants + 1e-9);
        }
      }),
    );
  });

  test("two quotes: linear in ln(strike); one quote: that vol everywhere", () => {
    const s = buildSmile([100, 200], [0.3, 0.2]);
    expect(s.vol(Math.sqrt(100 * 200))).toBeCloseTo(0.25, 15);
    const one = buildSmile([100], [0.3]);
    for (const k of [1, 100, 1e4]) expect(one.vol(k)).toBe(0.3);
  });
});

describe("outside: flat without a forward", () => {
  test("the end vols beyond the ends", () => {
    const s = buildSmile([90, 100, 110], [0.25, 0.2, 0.18]);
    expect(s.vol(10)).toBe(0.25);
    expect(s.vol(500)).toBe(0.18);
    expect([s.left, s.right]).toEqual(["flat", "flat"]);
  });
});

/** An arbitrage-free raw SVI (T = 0.25), its g checked on a dense grid below. */
const TRUE: Svi = { a: 0.002, b: 0.04, rho: -0.6, m: 0.02, sigma: 0.12 };
const T = 0.25;
const F = 5000;

function sviSmile(p: Svi, ks: number[]): { strikes: number[]; vols: number[] } {
  return { strikes: ks.map((k) => F * Math.exp(k)), vols: ks.map((k) => Math.sqrt(sviW(p, k) / T)) };
}

function gMin(p: Svi, shift: number, from: number, to: number): number {
  let min = Infinity;
  for (let i = 0; i <= 20000; i++) {
    const k = from + ((to - from) * i) / 20000;
    min = Math.min(min, butterflyG(k, sviW(p, k) + shift, sviW1(p, k), sviW2(p, k)));
  }
  return min;
}

describe("outside: SVI wings with a forward and days", () => {
  const ks = Array.from({ length: 21 }, (_, i) => -0.3 + 0.025 * i); // -0.3 .. 0.2
  const { strikes, vols } = sviSmile(TRUE, ks);

  test("the reference SVI is itself free of butterfly arbitrage (g >= 0 on -3..3)", () => {
    expect(gMin(TRUE, 0, -3, 3)).toBeGreaterThan(0);
  });

  test("the fit recovers a smile made from SVI, and the wings follow it beyond the quotes", () => {
    const s = buildSmile(strikes, vols, F, T * 365);
    expect([s.left, s.right]).toEqual(["svi", "svi"]);
    for (const k of [-0.6, -0.45, 0.3, 0.5]) {
      // The grid-refined fit leaves at most 1.6e-5 of vol at these points (measured); 5e-5 keeps a margin.
      expect(Math.abs(s.vol(F * Math.exp(k)) - Math.sqrt(sviW(TRUE, k) / T))).toBeLessThan(5e-5);
    }
  });

  test("the wing is continuous at the end quotes and free of butterfly arbitrage where it extrapolates", () => {
    const s = buildSmile(strikes, vols, F, T * 365);
    const lo = strikes[0];
    const hi = strikes[strikes.length - 1];
    expect(Math.abs(s.vol(lo * (1 - 1e-12)) - vols[0])).toBeLessThan(1e-9);
    expect(Math.abs(s.vol(hi * (1 + 1e-12)) - vols[vols.length - 1])).toBeLessThan(1e-9);
    const p = s.svi as Svi;
    const w0 = vols[0] ** 2 * T;
    const w1 = vols[vols.length - 1] ** 2 * T;
    expect(gMin(p, w0 - sviW(p, ks[0]), ks[0] - 5, ks[0])).toBeGreaterThanOrEqual(0);
    expect(gMin(p, w1 - sviW(p, ks[ks.length - 1]), ks[ks.length - 1], ks[ks.length - 1] + 5)).toBeGreaterThanOrEqual(0);
  });

  test("the fit stays inside its bounds and never returns NaN, whatever the vols", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.05, max: 2, noNaN: true }), { minLength: 5, maxLength: 25 }), (vs) => {
        const k = vs.map((_, i) => -0.5 + i * 0.05);
        const p = fitSvi(
          k,
          vs.map((v) => v * v * T),
        );
        if (p === undefined) return;
        for (const x of [p.a, p.b, p.rho, p.m, p.sigma]) expect(Number.isFinite(x)).toBe(true);
        expect(p.b).toBeGreaterThan(0);
        expect(Math.abs(p.rho)).toBeLessThan(1);
        expect(p.b * (1 + Math.abs(p.rho))).toBeLessThanOrEqual(2);
        expect(p.a + p.b * p.sigma * Math.sqrt(1 - p.rho * p.rho)).toBeGreaterThan(0);
        const s = buildSmile(
          k.map((x) => F * Math.exp(x)),
          vs,
          F,
          T * 365,
        );
        for (const x of [-3, -1, 0, 1, 3]) expect(Number.isFinite(s.vol(F * Math.exp(x)))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  test("fewer than 5 quotes: flat wings (SVI has 5 parameters)", () => {
    const s = buildSmile(strikes.slice(0, 4), vols.slice(0, 4), F, 91.25);
    expect([s.left, s.right]).toEqual(["flat", "flat"]);
  });
});

describe("a wing with butterfly arbitrage falls back to flat", () => {
  // Axel Vogt's SVI (Gatheral and Jacquier 2014, section 2.2: T = 1), whose g(k) < 0 for k
  // in about (0.65, 1.25) (computed here on the dense grid).
  const VOGT: Svi = { a: -0.041, b: 0.1331, rho: 0.306, m: 0.3586, sigma: 0.4153 };

  test("g is negative between 0.65 and 1.25 and positive below 0.6", () => {
    expect(gMin(VOGT, 0, 0.65, 1.25)).toBeLessThan(0);
    expect(gMin(VOGT, 0, -3, 0.6)).toBeGreaterThan(0);
  });

  test("wingIsArbitrageFree rejects a right wing that crosses that region and accepts one past it", () => {
    expect(wingIsArbitrageFree(VOGT, 0, 0.5, 1)).toBe(false);
    expect(wingIsArbitrageFree(VOGT, 0, 1.3, 1)).toBe(true);
    expect(wingIsArbitrageFree(VOGT, 0, 0.5, -1)).toBe(true);
  });

  test("a negative shift that would make w negative is rejected", () => {
    expect(wingIsArbitrageFree(TRUE, -1, 0, -1)).toBe(false);
  });

  test("a smile quoted up to k = 0.5 from Vogt's SVI: the right wing is flat, not the arbitrageable fit", () => {
    const ks = Array.from({ length: 16 }, (_, i) => -1 + 0.1 * i); // -1 .. 0.5
    const strikes = ks.map((k) => 100 * Math.exp(k));
    const vols = ks.map((k) => Math.sqrt(sviW(VOGT, k)));
    const s = buildSmile(strikes, vols, 100, 365);
    expect(s.right).toBe("flat");
    expect(s.vol(100 * Math.exp(1))).toBe(vols[vols.length - 1]);
  });
});

describe("bad input", () => {
  test("strikes not ascending, a vol out of (0, 5], forward without days", () => {
    expect(inputError(() => buildSmile([100, 90], [0.2, 0.2])).argument).toBe("strikes");
    expect(inputError(() => buildSmile([90, 100], [0.2, 20])).argument).toBe("vols (row 2)");
    expect(inputError(() => buildSmile([90, 100], [0.2, 0.2], 95)).argument).toBe("days");
    expect(inputError(() => buildSmile([90, 100], [0.2, 0.2], 95, 0)).argument).toBe("days");
    expect(inputError(() => buildSmile([90, 100], [0.2, 0.2]).vol(-5)).argument).toBe("strike");
  });
});
