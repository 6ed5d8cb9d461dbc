/**
 * IMPLIED_FORWARD's core (src/core/chain/forward.ts): on a chain that satisfies put-call parity
 * exactly (puts made from the calls by C - P = e^{-rT} (F - K)), the forward comes back to
 * rounding; the choice of K*; and the cases with no answer.
 */
import fc from "fast-check";
import { undiscountedBlack } from "../../../src/core/black";
import { NoSolutionError } from "../../../src/core/errors";
import { impliedForward } from "../../../src/core/chain/forward";
import { inputError } from "../../helpers/errors";
import { cboeChain, published } from "./cboe";

const EPS = 2 ** -52;

describe("a parity-consistent chain returns its forward", () => {
  test("F comes back to a few ulps of F (any forward, rate, days, vol and grid)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 20000, noNaN: true }),
        fc.double({ min: -0.05, max: 0.12, noNaN: true }),
        fc.double({ min: 0.5, max: 730, noNaN: true }),
        fc.double({ min: 0.05, max: 1.2, noNaN: true }),
        fc.integer({ min: 3, max: 60 }),
        (F, rate, days, vol, count) => {
          const T = days / 365;
          const df = Math.exp(-rate * T);
          const step = (F * 0.4) / count;
          const strikes = Array.from({ length: count + 1 }, (_, i) => F * 0.8 + i * step);
          const calls = strikes.map((k) => df * undiscountedBlack(F, k, vol * Math.sqrt(T), "call"));
          const puts = strikes.map((k, i) => calls[i] - df * (F - k));
          if (puts.some((p) => !(p > 0))) return; // a put made negative by rounding is no quote
          const r = impliedForward(strikes, calls, puts, days, rate);
          // F = K* + e^{rT}(C - P): |C - P| <= F step, each carrying ~eps of max(C, P, K).
          expect(Math.abs(r.forward - F)).toBeLessThanOrEqual(16 * EPS * F);
        },
      ),
      { numRuns: 500 },
    );
  });

  test("K* is the strike where |C - P| is smallest (the one nearest F), ties to the lower strike", () => {
    const strikes = [90, 95, 100, 105, 110];
    // F = 101 at rate 0: C - P = F - K = 11, 6, 1, -4, -9 -> K* = 100
    const calls = [12, 7, 2.5, 0.5, 0.1];
    const puts = calls.map((c, i) => c - (101 - strikes[i]));
    expect(
      impliedForward(
        strikes,
        calls,
        puts.map((p) => (p > 0 ? p : undefined)),
        30,
        0,
      ),
    ).toEqual({ forward: 101, strike: 100, row: 2 });
    // F = 102.5 sits halfway between 100 and 105: |C - P| = 2.5 at both, the lower (100) is taken
    const tieCalls = [13, 8, 4, 1.5, 0.3];
    const tie = tieCalls.map((c, i) => c - (102.5 - strikes[i]));
    expect(
      impliedForward(
        strikes,
        tieCalls,
        tie.map((p) => (p > 0 ? p : undefined)),
        30,
        0,
      ),
    ).toEqual({ forward: 102.5, strike: 100, row: 2 });
  });

  test("Cboe's near term: K* = 1965, where |mid C - mid P| = 2.1 is smallest, and F = 1962.89996", () => {
    // The quotes at 1965: call 20.3/21.8, put 22.3/24 -> mids 21.05 and 23.15;
    // F = 1965 + e^{RT} (21.05 - 23.15) = 1962.89996 (cboeVix.near.forward).
    const chain = cboeChain("near");
    const mid = (q: { bid?: number; ask?: number }) => (q.bid! > 0 ? (q.bid! + q.ask!) / 2 : undefined);
    const { near } = published.cboeVix;
    const r = impliedForward(chain.strikes, chain.calls.map(mid), chain.puts.map(mid), near.minutes / 1440, near.rate);
    expect(r.strike).toBe(1965);
    expect(Math.abs(r.forward - near.forward)).toBeLessThanOrEqual(published.cboeVix.tol.forward);
  });
});

describe("no answer, or bad input", () => {
  test("no strike with both prices is a NoSolutionError", () => {
    expect(() => impliedForward([90, 100], [5, undefined], [undefined, 4], 30, 0)).toThrow(NoSolutionError);
  });
  test("a forward outside the strikes is a NoSolutionError: no strike brackets it", () => {
    expect(() => impliedForward([90, 100], [30, 20], [1, 1], 30, 0)).toThrow(/no strike brackets it/);
  });
  test("negative days and a rate out of range are InputErrors", () => {
    expect(inputError(() => impliedForward([100], [1], [1], -1, 0)).argument).toBe("days");
    expect(inputError(() => impliedForward([100], [1], [1], 30, 5)).argument).toBe("rate");
  });
});
