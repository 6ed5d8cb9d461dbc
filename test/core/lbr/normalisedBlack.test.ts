/**
 * The pieces of the normalised Black function the implied-vol solver uses besides b itself
 * (b is tested against the BigInt oracle in test/core/black.test.ts). Expected values: the
 * oracle (test/helpers/highPrecision.ts), or identities stated next to each check.
 */
import fc from "fast-check";
import { normCdf, normPdf } from "../../../src/core/normal";
import {
  logNormalisedBlack,
  normalisedBlackAndVega,
  normalisedBlackComplement,
  normalisedBlackOtm,
  normalisedVega,
} from "../../../src/core/lbr/normalisedBlack";
import { logBlackCallHP } from "../../helpers/highPrecision";

const EPS = 2 ** -52;

describe("logNormalisedBlack", () => {
  test.each([
    [-1, 0.02], // b ~ 1e-548: far below the smallest double
    [-5, 0.1], // ~1e-545
    [-0.3, 0.0079], // ~1e-316, subnormal
    [-2, 0.5],
    [-0.1, 0.3],
    [-30, 12], // the direct region (h + t > 0.85)
  ])("ln b(%p, %p) matches the oracle's ln(F Phi(d1) - K Phi(d2)) with F = 1, K = e^-x", (x, s) => {
    // The price with F = 1, K = e^{-x} is sqrt(FK) b = e^{-x/2} b, so ln b = ln(price) + x/2.
    const want = logBlackCallHP(1, Math.exp(-x), s) + x / 2;
    const o = { ratio: 0 };
    const got = logNormalisedBlack(x, s, o);
    // ln b ~ -(h^2 + t^2)/2: its absolute accuracy is a few eps times that magnitude (and the
    // rounding of e^{-x} in the oracle's K moves it by |h/s| * eps |x|).
    const h = x / s;
    expect(Math.abs(got - want)).toBeLessThan(8 * EPS * (1 + Math.abs(want) + h * h));
  });

  test("writes b'/b: the vega over b where both are doubles", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 0, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), (x, s) => {
        const b = normalisedBlackOtm(x, s);
        if (!(b > 1e-300)) return true;
        const o = { ratio: 0 };
        const L = logNormalisedBlack(x, s, o);
        const ratio = normalisedVega(x, s) / b;
        return Math.abs(L - Math.log(b)) <= 1e-13 * (1 + Math.abs(L)) && Math.abs(o.ratio - ratio) <= 1e-13 * ratio;
      }),
      { numRuns: 500 },
    );
  });
});

describe("normalisedVega, normalisedBlackAndVega, normalisedBlackComplement", () => {
  test("vega is phi(h + t) e^{x/2} (d/ds of the Black formula), e.g. at the money phi(s/2)", () => {
    expect(Math.abs(normalisedVega(0, 0.2) - normPdf(0.1)) / normPdf(0.1)).toBeLessThan(2 * EPS);
    const x = -0.7;
    const s = 0.9;
    const want = normPdf(x / s + s / 2) * Math.exp(x / 2);
    expect(Math.abs(normalisedVega(x, s) - want) / want).toBeLessThan(4 * EPS);
  });

  test("normalisedBlackAndVega returns normalisedBlackOtm and writes normalisedVega", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 0, noNaN: true }), fc.double({ min: 1e-4, max: 20, noNaN: true }), (x, s) => {
        const o = { vega: -1 };
        const b = normalisedBlackAndVega(x, s, o);
        return b === normalisedBlackOtm(x, s) && Math.abs(o.vega - normalisedVega(x, s)) <= 2 * EPS * o.vega;
      }),
      { numRuns: 300 },
    );
  });

  test("complement at the money: 1 - b(0, s) = 2 Phi(-s/2), relative, even where b rounds to 1", () => {
    for (const s of [0.01, 1, 5, 16, 30]) {
      const want = 2 * normCdf(-s / 2);
      expect(Math.abs(normalisedBlackComplement(0, s) - want) / want).toBeLessThan(4 * EPS);
    }
  });

  test("complement = e^{x/2} - b where that subtraction is harmless (b < e^{x/2} / 2)", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: -0.01, noNaN: true }), fc.double({ min: 0.01, max: 3, noNaN: true }), (x, s) => {
        const bMax = Math.exp(0.5 * x);
        const b = normalisedBlackOtm(x, s);
        if (!(b < bMax / 2)) return true;
        return Math.abs(normalisedBlackComplement(x, s) - (bMax - b)) <= 8 * EPS * bMax;
      }),
      { numRuns: 300 },
    );
  });
});
