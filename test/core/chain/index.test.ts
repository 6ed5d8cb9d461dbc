/**
 * VIX_INDEX's core (src/core/chain/index.ts): Cboe's worked example end to end (both editions),
 * and the interpolation's identities.
 */
import { vixIndex } from "../../../src/core/chain/index";
import { vixVariance } from "../../../src/core/chain/variance";
import { NoSolutionError } from "../../../src/core/errors";
import { inputError } from "../../helpers/errors";
import { cboeChain, published } from "./cboe";

const { cboeVix, cboeVixWhitePaper } = published;

describe("Cboe's worked example", () => {
  test(`methodology document: VIX = ${cboeVix.vixUnrounded} (printed ${cboeVix.vix}) from the two chains`, () => {
    const near = vixVariance(cboeChain("near"), cboeVix.near.minutes / 1440, cboeVix.near.rate).variance;
    const next = vixVariance(cboeChain("next"), cboeVix.next.minutes / 1440, cboeVix.next.rate).variance;
    const vix = vixIndex(cboeVix.near.minutes / 1440, near, cboeVix.next.minutes / 1440, next, cboeVix.targetMinutes / 1440);
    expect(Math.abs(vix - cboeVix.vixUnrounded)).toBeLessThanOrEqual(cboeVix.tol.vix);
    expect(vix.toFixed(6)).toBe(cboeVix.vixUnrounded.toFixed(6));
    expect(vix.toFixed(2)).toBe(cboeVix.vix.toFixed(2));
  });

  test("methodology document: from Cboe's printed variances, the same index (target default 30 days)", () => {
    const vix = vixIndex(cboeVix.near.minutes / 1440, cboeVix.near.variance, cboeVix.next.minutes / 1440, cboeVix.next.variance);
    expect(Math.abs(vix - cboeVix.vixUnrounded)).toBeLessThanOrEqual(cboeVix.tol.vix);
  });

  test(`white paper edition: VIX = ${cboeVixWhitePaper.vix}`, () => {
    const { near, next } = cboeVixWhitePaper;
    const v1 = vixVariance(cboeChain("near"), near.minutes / 1440, near.rate).variance;
    const v2 = vixVariance(cboeChain("next"), next.minutes / 1440, next.rate).variance;
    const vix = vixIndex(near.minutes / 1440, v1, next.minutes / 1440, v2);
    expect(Math.abs(vix - cboeVixWhitePaper.vix)).toBeLessThanOrEqual(cboeVixWhitePaper.tol.vix);
    expect(vix.toFixed(6)).toBe(cboeVixWhitePaper.vix.toFixed(6)); // the 6 decimals printed
  });
});

describe("the interpolation", () => {
  test("a flat term structure (both variances v) gives 100 sqrt(v) at any target", () => {
    // T1 v (N2 - Nt)/(N2 - N1) + T2 v (Nt - N1)/(N2 - N1) = v Nt / 365, times 365 / Nt.
    for (const target of [10, 30, 45, 60]) expect(vixIndex(20, 0.04, 50, 0.04, target)).toBeCloseTo(20, 12);
  });
  test("a target at either expiry gives that expiry's own vol", () => {
    expect(vixIndex(20, 0.04, 50, 0.09, 20)).toBeCloseTo(20, 12);
    expect(vixIndex(20, 0.04, 50, 0.09, 50)).toBeCloseTo(30, 12);
  });
  test("extrapolating to a negative variance is a NoSolutionError", () => {
    expect(() => vixIndex(20, 0.09, 30, 0.001, 90)).toThrow(NoSolutionError);
  });
  test("bad input names its argument", () => {
    expect(inputError(() => vixIndex(0, 0.04, 50, 0.04)).argument).toBe("nearDays");
    expect(inputError(() => vixIndex(20, -0.04, 50, 0.04)).argument).toBe("nearVariance");
    expect(inputError(() => vixIndex(20, 0.04, 20, 0.04)).argument).toBe("nextDays");
    expect(inputError(() => vixIndex(20, 0.04, 50, 0.04, 0)).argument).toBe("targetDays");
  });
});
