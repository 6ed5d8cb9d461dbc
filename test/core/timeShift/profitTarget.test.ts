/**
 * PROB_PROFIT_TARGET, the P50 (src/core/timeShift/profitTarget.ts).
 *
 * Where the expected values come from:
 * - MONTE CARLO: scripts/profit-target-mc.mjs, a seeded simulation that shares no code with
 *   SHIELD (xorshift128 uniforms, Box-Muller normals, its own BSM and normal CDF, its own hit
 *   sets by bisection), exact lognormal steps between the monitoring dates. Enough paths that the
 *   standard error, computed from the samples, is below 3e-4; agreement is asked to 4 of them.
 * - TWO DATES: with days = 2 there are two checks (1 day left and expiry): P = P(X_1 in H_1) +
 *   int over C_1 of phi(y) P(X_0 in H_0 | y) dy, integrated here by composite Simpson on 20,000
 *   points per piece (an independent quadrature, error far below 1e-9).
 * - LIMITS from SPEC.md: target 1 at days < 1 is PROB_BETWEEN(putShort, callShort); and since
 *   the model value before expiry is > 0, target 1 at any days is still P(putShort <= S_T <=
 *   callShort), which the induction must carry through every date.
 */
import { execFileSync } from "child_process";
import fc from "fast-check";
import * as path from "path";
import { condorPrice, type CondorStrikes } from "../../../src/core/condor";
import { NoSolutionError } from "../../../src/core/errors";
import { normCdf } from "../../../src/core/normal";
import { probBetween } from "../../../src/core/probability";
import { PANEL_ERROR, probProfitTarget, profitTargetDetailed } from "../../../src/core/timeShift/profitTarget";
import { inputError } from "../../helpers/errors";

const K: CondorStrikes = { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 };
const SPOT = 5000;

/** H on a date with `tau` days left: [lo, hi] in ln S where condorPrice <= threshold, by bisection (one interval: quasi-convex V). */
function hitSet(tau: number, vols: number | [number, number, number, number], threshold: number, rate: number, yld: number): [number, number] {
  if (tau === 0) return [Math.log(K.putShort - threshold), Math.log(K.callShort + threshold)];
  const f = (x: number) => condorPrice(Math.exp(x), K, tau, vols, rate, yld) - threshold;
  // The minimum by ternary search over the strikes.
  let a = Math.log(K.putLong);
  let b = Math.log(K.callLong);
  for (let i = 0; i < 200; i++) {
    const c = a + (b - a) / 3;
    const d = b - (b - a) / 3;
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  const mid = (a + b) / 2;
  if (f(mid) > 0) return [Infinity, -Infinity];
  const solve = (out: number, inside: number) => {
    for (let i = 0; i < 100; i++) {
      const m = (out + inside) / 2;
      if (f(m) <= 0) inside = m;
      else out = m;
    }
    return inside;
  };
  return [solve(mid - 1, mid), solve(mid + 1, mid)];
}

/** The seeded Monte Carlo of scripts/profit-target-mc.mjs, run in plain node (jest's sandbox slows Math.log ~20x). */
function monteCarlo(
  days: number,
  vols: number | [number, number, number, number],
  credit: number,
  target: number,
  rate: number,
  yld: number,
  paths: number,
  seed: number,
) {
  const v = typeof vols === "number" ? [vols, vols, vols, vols] : vols;
  const input = { spot: SPOT, strikes: [K.putLong, K.putShort, K.callShort, K.callLong], days, vols: v, credit, target, rate, yield: yld, paths, seed };
  const out = execFileSync(process.execPath, [path.join(__dirname, "..", "..", "..", "scripts", "profit-target-mc.mjs"), JSON.stringify(input)], {
    encoding: "utf8",
  });
  return JSON.parse(out) as { mean: number; se: number };
}

describe("against a seeded Monte Carlo (standard error below 3e-4)", () => {
  test("a 45-day condor at the P50, flat vol, with rate and yield", () => {
    const credit = 34.45; // condorPrice(SPOT, K, 45, 0.18, 0.045, 0.013) = 34.4514...; the example in docs/examples/time-shift.json
    const p = probProfitTarget(SPOT, K, 45, 0.18, credit, 0.5, 0.045, 0.013);
    const mc = monteCarlo(45, 0.18, credit, 0.5, 0.045, 0.013, 3_000_000, 20261201);
    expect(mc.se).toBeLessThan(3e-4);
    expect(Math.abs(p - mc.mean)).toBeLessThan(4 * mc.se);
  });

  test("10.5 days with 4 vols (skew) and a 25% target: the first check comes after half a day", () => {
    const vols: [number, number, number, number] = [0.24, 0.2, 0.15, 0.14];
    const credit = 12.31; // condorPrice(SPOT, K, 10.5, vols, 0.04, 0.01) = 12.308...; the example in docs/examples/time-shift.json
    const p = probProfitTarget(SPOT, K, 10.5, vols, credit, 0.25, 0.04, 0.01);
    const mc = monteCarlo(10.5, vols, credit, 0.25, 0.04, 0.01, 3_000_000, 7);
    expect(mc.se).toBeLessThan(3e-4);
    expect(Math.abs(p - mc.mean)).toBeLessThan(4 * mc.se);
  });
});

describe("against an independent quadrature", () => {
  test("two checks (days = 2): P(hit at 1 day left) + the integral over the rest of P(hit at expiry)", () => {
    const vol = 0.22;
    const credit = 14;
    const threshold = 0.4 * credit; // target 0.6
    const sigma = vol;
    const s = sigma * Math.sqrt(1 / 365);
    const mu = -0.5 * sigma * sigma * (1 / 365);
    const x0 = Math.log(SPOT);
    const [a1, b1] = hitSet(1, vol, threshold, 0, 0);
    const [a0, b0] = hitSet(0, vol, threshold, 0, 0);
    const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const mass = (lo: number, hi: number, c: number) => normCdf((hi - c) / s) - normCdf((lo - c) / s);
    const simpson = (lo: number, hi: number, f: (y: number) => number) => {
      const n = 20000;
      const h = (hi - lo) / n;
      let sum = f(lo) + f(hi);
      for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
      return (sum * h) / 3;
    };
    const c = x0 + mu;
    const integrand = (y: number) => (phi((y - c) / s) / s) * mass(a0, b0, y + mu);
    const expected = mass(a1, b1, c) + simpson(c - 12 * s, Math.min(a1, c + 12 * s), integrand) + simpson(Math.max(b1, c - 12 * s), c + 12 * s, integrand);
    const got = profitTargetDetailed(SPOT, K, 2, vol, credit, 0.6);
    expect(got.dates).toBe(2);
    expect(Math.abs(got.probability - expected)).toBeLessThan(1e-9);
  });
});

describe("limits", () => {
  test("target 1 at days < 1 equals PROB_BETWEEN(putShort, callShort) with the mean short vol", () => {
    for (const days of [0.001, 0.3, 0.999, 1]) {
      expect(probProfitTarget(SPOT, K, days, 0.18, 30, 1, 0.045, 0.013)).toBe(probBetween(SPOT, K.putShort, K.callShort, days, 0.18, 0.045, 0.013));
      expect(probProfitTarget(SPOT, K, days, [0.2, 0.19, 0.16, 0.15], 30, 1)).toBe(probBetween(SPOT, K.putShort, K.callShort, days, 0.175));
    }
  });

  test("target 1 at any days is still P(putShort <= S_T <= callShort): the marks before expiry are > 0, and the induction carries the law of S_T through every date", () => {
    for (const days of [2, 7.25, 45]) {
      const got = probProfitTarget(SPOT, K, days, 0.18, 30, 1, 0.045, 0.013);
      expect(Math.abs(got - probBetween(SPOT, K.putShort, K.callShort, days, 0.18, 0.045, 0.013))).toBeLessThan(1e-10);
    }
  });

  test("days = 0 checks the spot now at intrinsic value", () => {
    expect(probProfitTarget(5000, K, 0, 0.18, 30, 0.5)).toBe(1);
    expect(probProfitTarget(4880, K, 0, 0.18, 30, 0.5)).toBe(0); // buy-back cost 20 > 0.5 x 30
    expect(probProfitTarget(4880, K, 0, 0.18, 30, 0.2)).toBe(1); // cost 20 <= 0.8 x 30
    expect(probProfitTarget(4800, K, 0, 0.18, 30, 0.5)).toBe(0);
  });

  test("flat vol and four equal vols give the same number", () => {
    const credit = condorPrice(SPOT, K, 30, 0.17);
    expect(probProfitTarget(SPOT, K, 30, [0.17, 0.17, 0.17, 0.17], credit, 0.5, 0.03, 0.01)).toBe(probProfitTarget(SPOT, K, 30, 0.17, credit, 0.5, 0.03, 0.01));
  });

  test("a larger target never raises the probability (to within the two stated error bounds)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1.5, max: 8, noNaN: true }),
        (t1, t2, days) => {
          const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const credit = condorPrice(SPOT, K, days, 0.2);
          const a = profitTargetDetailed(SPOT, K, days, 0.2, credit, lo, 0.04);
          const b = profitTargetDetailed(SPOT, K, days, 0.2, credit, hi, 0.04);
          return b.probability <= a.probability + a.errorBound + b.errorBound;
        },
      ),
      { numRuns: 25, seed: 12 },
    );
  });

  test("a credit the wings cannot cover is reached at the first check: probability 1", () => {
    // Buy-back cost never exceeds the wider wing (50), so a 200 credit at 50% (threshold 100) is hit at once.
    expect(probProfitTarget(SPOT, K, 30, 0.18, 200, 0.5)).toBe(1);
  });
});

describe("accuracy statement", () => {
  test("the per-date quadrature bound in the code is what scripts/profit-target-bound.js computes", () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, "..", "..", "..", "scripts", "profit-target-bound.js"), "10", "3"], { encoding: "utf8" });
    const { perDateBound } = JSON.parse(out) as { perDateBound: number };
    expect(perDateBound).toBeLessThanOrEqual(PANEL_ERROR);
    expect(perDateBound).toBeGreaterThan(PANEL_ERROR / 2);
  });

  test("the stated error bound is far inside 1e-3", () => {
    for (const days of [1.5, 45]) {
      const r = profitTargetDetailed(SPOT, K, days, 0.18, condorPrice(SPOT, K, days, 0.18), 0.5);
      expect(r.dates).toBe(Math.ceil(days));
      expect(r.errorBound).toBeLessThan(1e-5);
    }
  });
});

describe("bad input", () => {
  test("a target outside (0, 1] names the argument", () => {
    for (const t of [0, -0.5, 1.0000001, NaN, Infinity]) {
      const e = inputError(() => probProfitTarget(SPOT, K, 30, 0.18, 30, t));
      expect(e.argument).toBe("target");
      expect(e.message).toContain("greater than 0 and at most 1");
    }
  });

  test("more than ten years of daily checks is refused, naming days", () => {
    const e = inputError(() => probProfitTarget(SPOT, K, 3650.5, 0.18, 30));
    expect(e.argument).toBe("days");
    expect(e.message).toContain("at most 3650");
  });

  test("a vol tiny against rate - yield (a near-deterministic path drifting across millions of grid panels) is a NoSolutionError, not a frozen cell", () => {
    expect(() => probProfitTarget(SPOT, K, 20, 1e-9, 20, 0.5, 0.045, 0.013)).toThrow(NoSolutionError);
    expect(() => probProfitTarget(SPOT, K, 20, 1e-9, 20, 0.5, 0.045, 0.013)).toThrow(/budget/);
  });

  test("spot, strikes, days, vols, credit, rate and yield follow the shared rules", () => {
    expect(inputError(() => probProfitTarget(0, K, 30, 0.18, 30)).argument).toBe("spot");
    expect(inputError(() => probProfitTarget(SPOT, { ...K, putShort: 4800 }, 30, 0.18, 30)).argument).toBe("putShort");
    expect(inputError(() => probProfitTarget(SPOT, K, -1, 0.18, 30)).argument).toBe("days");
    expect(inputError(() => probProfitTarget(SPOT, K, 30, 18, 30)).argument).toBe("vol");
    expect(inputError(() => probProfitTarget(SPOT, K, 30, [0.2, 0.2, 0, 0.2], 30)).argument).toBe("vol (callShort)");
    expect(inputError(() => probProfitTarget(SPOT, K, 30, 0.18, -1)).argument).toBe("credit");
    expect(inputError(() => probProfitTarget(SPOT, K, 30, 0.18, 30, 0.5, 2)).argument).toBe("rate");
    expect(inputError(() => probProfitTarget(SPOT, K, 30, 0.18, 30, 0.5, 0, -3)).argument).toBe("yield");
  });

  test("valid extremes give a probability in [0, 1], never NaN", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 20000, noNaN: true }),
        fc.double({ min: 0, max: 6, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (spot, days, vol, credit, target, rate) => {
          const p = probProfitTarget(spot, K, days, vol, credit, target, rate);
          return Number.isFinite(p) && p >= 0 && p <= 1;
        },
      ),
      { numRuns: 25, seed: 3 },
    );
  });
});
