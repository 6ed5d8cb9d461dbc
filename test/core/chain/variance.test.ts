/**
 * VIX_VARIANCE's core (src/core/chain/variance.ts): Cboe's worked example reproduced to the
 * digits Cboe prints, in both editions (published-cases.json "cboeVix": the methodology
 * document; "cboeVixWhitePaper": the white paper, same quotes with other times and rates), the
 * selection rules one by one, the flat-vol limit and every bad input.
 */
import fc from "fast-check";
import { undiscountedBlack } from "../../../src/core/black";
import { InputError, NoSolutionError } from "../../../src/core/errors";
import type { Chain, SideQuote } from "../../../src/core/chain/quotes";
import { vixVariance } from "../../../src/core/chain/variance";
import { inputError } from "../../helpers/errors";
import { cboeChain, published } from "./cboe";

const { cboeVix, cboeVixWhitePaper } = published;

describe("Cboe's worked example (methodology document)", () => {
  for (const term of ["near", "next"] as const) {
    const expected = cboeVix[term];
    const result = vixVariance(cboeChain(term), expected.minutes / 1440, expected.rate);

    test(`${term} term: sigma^2 = ${expected.variance} to Cboe's printed digits`, () => {
      expect(Math.abs(result.variance - expected.variance)).toBeLessThanOrEqual(cboeVix.tol.variance);
      // and it rounds to the 9 decimals Cboe prints (the tolerance above allows twice that)
      expect(result.variance.toFixed(9)).toBe(expected.variance.toFixed(9));
    });
    test(`${term} term: F = ${expected.forward} and K0 = ${expected.K0}`, () => {
      expect(Math.abs(result.forward - expected.forward)).toBeLessThanOrEqual(cboeVix.tol.forward);
      expect(result.forward.toFixed(5)).toBe(expected.forward.toFixed(5));
      expect(result.k0).toBe(expected.K0);
    });
    test(`${term} term: ${expected.strikesUsed} strikes used, from ${expected.lowestStrike} to ${expected.highestStrike}`, () => {
      expect(result.used.length).toBe(expected.strikesUsed);
      expect(result.used[0].strike).toBe(expected.lowestStrike);
      expect(result.used[result.used.length - 1].strike).toBe(expected.highestStrike);
    });
  }

  test("next term: the zero-bid 1300 put is skipped, so the 1325 put has dK 37.5 (Cboe's note)", () => {
    const { used } = vixVariance(cboeChain("next"), cboeVix.next.minutes / 1440, cboeVix.next.rate);
    expect(used.find((u) => u.strike === 1300)).toBeUndefined();
    expect(used.find((u) => u.strike === 1325)?.width).toBe(37.5);
  });

  test("K0 enters once, at the average of its call and put mids (Cboe: 1960 put/call average)", () => {
    const chain = cboeChain("near");
    const { used } = vixVariance(chain, cboeVix.near.minutes / 1440, cboeVix.near.rate);
    const row = chain.strikes.indexOf(1960);
    const atK0 = used.filter((u) => u.strike === 1960);
    expect(atK0).toHaveLength(1);
    const c = chain.calls[row];
    const p = chain.puts[row];
    expect(atK0[0].side).toBe("both");
    expect(atK0[0].price).toBe(((c.bid! + c.ask!) / 2 + (p.bid! + p.ask!) / 2) / 2);
  });

  test("puts are used below K0 and calls above it", () => {
    const { used, k0 } = vixVariance(cboeChain("near"), cboeVix.near.minutes / 1440, cboeVix.near.rate);
    for (const u of used) expect(u.side).toBe(u.strike < k0 ? "put" : u.strike > k0 ? "call" : "both");
  });
});

describe("Cboe's worked example (white paper edition: 35,924 and 46,394 minutes, R 0.0305% and 0.0286%)", () => {
  for (const term of ["near", "next"] as const) {
    const expected = cboeVixWhitePaper[term];
    test(`${term} term: sigma^2 = ${expected.variance} to the printed digits`, () => {
      const result = vixVariance(cboeChain(term), expected.minutes / 1440, expected.rate);
      expect(Math.abs(result.variance - expected.variance)).toBeLessThanOrEqual(cboeVixWhitePaper.tol.variance);
      expect(result.variance.toFixed(8)).toBe(expected.variance.toFixed(8)); // the 8 decimals printed
    });
  }
});

/** A small chain with every quote set by hand: strikes 90..110 by 5, quoted on both sides. */
function handChain(): Chain {
  const strikes = [80, 85, 90, 95, 100, 105, 110, 115, 120];
  const q = (bid: number, ask: number) => ({ bid, ask });
  return {
    strikes,
    calls: [q(20, 21), q(15, 16), q(10.2, 10.8), q(6, 6.4), q(3, 3.2), q(1.2, 1.4), q(0.4, 0.6), q(0.1, 0.2), q(0.05, 0.1)],
    puts: [q(0.05, 0.1), q(0.1, 0.2), q(0.4, 0.6), q(1.1, 1.3), q(3, 3.2), q(6, 6.4), q(10, 10.6), q(15, 16), q(20, 21)],
  };
}

describe("the selection rules on a hand-made chain", () => {
  test("sigma^2 is the Cboe sum computed by hand (rate 0, 365 days: T = 1, F = K0 = 100)", () => {
    // Mids: puts 0.075 0.15 0.5 1.2 | K0: (3.1 + 3.1)/2 | calls 1.3 0.5 0.15 0.075, dK 5 everywhere.
    // sum dK/K^2 Q = 5 (0.075/80^2 + 0.15/85^2 + 0.5/90^2 + 1.2/95^2 + 3.1/100^2 + 1.3/105^2 + 0.5/110^2 + 0.15/115^2 + 0.075/120^2)
    const sum = 5 * (0.075 / 6400 + 0.15 / 7225 + 0.5 / 8100 + 1.2 / 9025 + 3.1 / 10000 + 1.3 / 11025 + 0.5 / 12100 + 0.15 / 13225 + 0.075 / 14400);
    const r = vixVariance(handChain(), 365, 0);
    expect(r.forward).toBe(100);
    expect(r.k0).toBe(100);
    expect(r.used).toHaveLength(9);
    expect(Math.abs(r.variance - 2 * sum)).toBeLessThanOrEqual(1e-15);
  });

  test("two consecutive zero bids stop the walk; a single zero bid is skipped and its neighbours widen", () => {
    const chain = handChain();
    const puts = chain.puts.slice();
    puts[2] = { bid: 0, ask: 0.55 }; // 90 put: a single zero bid, skipped
    const skipped = vixVariance({ ...chain, puts }, 365, 0);
    expect(skipped.used.map((u) => u.strike)).toEqual([80, 85, 95, 100, 105, 110, 115, 120]);
    expect(skipped.used[1].width).toBe(7.5); // 85: (95 - 80) / 2
    puts[1] = { bid: undefined, ask: undefined }; // 85 put empty: counts as a zero bid, so 85 and 90 stop the walk
    const stopped = vixVariance({ ...chain, puts }, 365, 0);
    expect(stopped.used.map((u) => u.strike)).toEqual([95, 100, 105, 110, 115, 120]);
    expect(stopped.used[0].width).toBe(5); // one-sided at the end: 100 - 95
  });

  test("K0 is the strike at or immediately below F", () => {
    const chain = handChain();
    const calls = chain.calls.slice();
    calls[4] = { bid: 3.4, ask: 3.6 }; // C - P = 0.4 at 100: F = 100.4, K0 = 100
    const r = vixVariance({ ...chain, calls }, 365, 0);
    expect(r.forward).toBeCloseTo(100.4, 12);
    expect(r.k0).toBe(100);
    // and the correction term (1/T)(F/K0 - 1)^2 is subtracted
    const withoutCorrection = 2 * r.used.reduce((s, u) => s + u.contribution, 0);
    expect(withoutCorrection - r.variance).toBeCloseTo((100.4 / 100 - 1) ** 2, 15);
  });
});

/**
 * SPEC's VIX_VARIANCE rules written a second time, plainly, for random chains: a side is quoted
 * when its bid is above 0 and it has an ask; K* the both-sided strike with the smallest
 * |mid C - mid P| (ties to the lower); K0 the strike at or below F; puts below K0 and calls above
 * it walking outward, unquoted strikes skipped, stop at the second unquoted one in a row; K0 at
 * the average of its mids; dK over the strikes used, one-sided at the ends. undefined where the
 * rules give no positive variance (the core's NoSolutionError).
 */
function cboeReference(chain: Chain, days: number, rate: number): [number, number, number, number] | undefined {
  const T = days / 365;
  const mid = (q: SideQuote) => (q.bid !== undefined && q.bid > 0 && q.ask !== undefined ? (q.bid + q.ask) / 2 : undefined);
  const c = chain.calls.map(mid);
  const p = chain.puts.map(mid);
  const ks = chain.strikes;
  let star = -1;
  ks.forEach((_, i) => {
    const ci = c[i];
    const pi = p[i];
    if (ci !== undefined && pi !== undefined && (star < 0 || Math.abs(ci - pi) < Math.abs((c[star] as number) - (p[star] as number)))) star = i;
  });
  if (star < 0) return undefined;
  const F = ks[star] + Math.exp(rate * T) * ((c[star] as number) - (p[star] as number));
  if (F < ks[0] || F > ks[ks.length - 1]) return undefined;
  const k0 = ks.filter((k) => k <= F).length - 1;
  const c0 = c[k0];
  const p0 = p[k0];
  if (c0 === undefined || p0 === undefined) return undefined;
  const used: Array<[number, number]> = [];
  for (let j = k0 - 1, misses = 0; j >= 0 && misses < 2; j--) {
    const q = p[j];
    if (q === undefined) misses++;
    else {
      misses = 0;
      used.unshift([ks[j], q]);
    }
  }
  used.push([ks[k0], (c0 + p0) / 2]);
  for (let j = k0 + 1, misses = 0; j < ks.length && misses < 2; j++) {
    const q = c[j];
    if (q === undefined) misses++;
    else {
      misses = 0;
      used.push([ks[j], q]);
    }
  }
  const n = used.length;
  if (n < 2) return undefined;
  let sum = 0;
  used.forEach(([k, q], j) => {
    const dK = j === 0 ? used[1][0] - k : j === n - 1 ? k - used[n - 2][0] : (used[j + 1][0] - used[j - 1][0]) / 2;
    sum += (dK / (k * k)) * Math.exp(rate * T) * q;
  });
  const variance = (2 / T) * sum - (1 / T) * (F / ks[k0] - 1) ** 2;
  return variance > 0 ? [variance, F, ks[k0], n] : undefined;
}

describe("random chains with gaps: the same as SPEC's rules written out again", () => {
  // Quotes: empty, a zero bid, or a bid/ask above intrinsic; strikes 50..200, F somewhere inside.
  const quote = (intrinsic: number) =>
    fc.oneof(
      fc.constant<SideQuote>({ bid: undefined, ask: undefined }),
      fc.double({ min: 0.05, max: 1, noNaN: true }).map((ask): SideQuote => ({ bid: 0, ask })),
      fc.tuple(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true })).map(([extra, spread]): SideQuote => {
        const bid = Math.max(intrinsic, 0) + extra;
        return { bid, ask: bid + spread };
      }),
    );
  const chainArb = fc
    .tuple(fc.uniqueArray(fc.integer({ min: 50, max: 200 }), { minLength: 4, maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .chain(([raw, u]) => {
      const strikes = raw.slice().sort((a, b) => a - b);
      const F = strikes[1] + u * (strikes[strikes.length - 2] - strikes[1]);
      return fc.record({
        strikes: fc.constant(strikes),
        calls: fc.tuple(...strikes.map((k) => quote(F - k))),
        puts: fc.tuple(...strikes.map((k) => quote(k - F))),
      });
    });
  test("sigma^2, F, K0 and the count agree, and no positive variance exactly where the rules give none", () => {
    fc.assert(
      fc.property(chainArb, fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: -0.01, max: 0.06, noNaN: true }), (chain, days, rate) => {
        const expected = cboeReference(chain, days, rate);
        if (expected === undefined) {
          expect(() => vixVariance(chain, days, rate)).toThrow(NoSolutionError);
          return;
        }
        const r = vixVariance(chain, days, rate);
        expect(Math.abs(r.variance - expected[0])).toBeLessThanOrEqual(1e-12 * expected[0]);
        expect(Math.abs(r.forward - expected[1])).toBeLessThanOrEqual(1e-14 * expected[1]);
        expect([r.k0, r.used.length]).toEqual([expected[2], expected[3]]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the flat-vol limit: a chain priced from one vol gives that vol squared as the strikes densify", () => {
  const F = 5000;
  const days = 30;
  const rate = 0.04;
  const T = days / 365;
  function flatChain(vol: number, step: number): Chain {
    const df = Math.exp(-rate * T);
    const strikes: number[] = [];
    for (let k = 1000; k <= 12000; k += step) strikes.push(k);
    const side = (kind: "call" | "put") =>
      strikes.map((k) => {
        const p = df * undiscountedBlack(F, k, vol * Math.sqrt(T), kind);
        return { bid: p, ask: p };
      });
    return { strikes, calls: side("call"), puts: side("put") };
  }

  // Euler-Maclaurin: the Cboe sum is the trapezoid rule on Q(K)/K^2 (plus the K0 term, which
  // vanishes when F is a strike, as here). Q is smooth except at F, where its slope jumps by the
  // discount factor (put slope -> call slope), so the leading error is (2/T)(h^2/12) e^{rT} df / F^2
  // = h^2 / (6 T F^2): second order in the step h, and known in closed form.
  test.each([0.12, 0.2, 0.45])("vol %p: sigma^2 - vol^2 tends to 0 as h^2 / (6 T F^2), to 1% of that term", (vol) => {
    for (const step of [25, 10, 5]) {
      const error = vixVariance(flatChain(vol, step), days, rate).variance - vol * vol;
      const leading = (step * step) / (6 * T * F * F);
      expect(Math.abs(error / leading - 1)).toBeLessThan(0.01);
    }
  });

  test("at a 5-point step the variance is within 1.5e-4 of vol^2 (relative) for vols 12% to 45%", () => {
    for (const vol of [0.12, 0.2, 0.45]) {
      expect(Math.abs(vixVariance(flatChain(vol, 5), days, rate).variance / (vol * vol) - 1)).toBeLessThan(1.5e-4);
    }
  });
});

describe("bad input", () => {
  const chain = handChain();
  test("days < 0 is an InputError; days = 0 has no variance (NoSolutionError)", () => {
    expect(inputError(() => vixVariance(chain, -1, 0)).argument).toBe("days");
    expect(() => vixVariance(chain, 0, 0)).toThrow(NoSolutionError);
  });
  test("strikes not ascending name the row", () => {
    const e = inputError(() => vixVariance({ ...chain, strikes: [80, 85, 90, 95, 100, 100, 110, 115, 120] }, 30, 0));
    expect(e.argument).toBe("strikes");
    expect(e.message).toContain("row 6");
  });
  test("a negative price names its column and row", () => {
    const puts = chain.puts.slice();
    puts[3] = { bid: -1, ask: 1 };
    const e = inputError(() => vixVariance({ ...chain, puts }, 30, 0));
    expect(e.argument).toBe("putBid");
    expect(e.message).toContain("row 4");
  });
  test("a crossed quote (ask below bid) is an InputError on the ask", () => {
    const calls = chain.calls.slice();
    calls[0] = { bid: 21, ask: 20 };
    expect(inputError(() => vixVariance({ ...chain, calls }, 30, 0)).argument).toBe("callAsk");
  });
  test("columns of different lengths are an InputError", () => {
    expect(() => vixVariance({ ...chain, calls: chain.calls.slice(1) }, 30, 0)).toThrow(InputError);
  });
  test("no strike quoted on both sides is a NoSolutionError saying so", () => {
    const none = { ...chain, calls: chain.calls.map(() => ({ bid: 0, ask: 0.1 })) };
    expect(() => vixVariance(none, 30, 0)).toThrow(/no strike has both a call and a put quote/);
  });
  test("a forward below every strike is a NoSolutionError: no strike brackets it", () => {
    const calls: SideQuote[] = chain.calls.map(() => ({ bid: undefined, ask: undefined }));
    calls[0] = { bid: 0.1, ask: 0.1 };
    const puts: SideQuote[] = chain.puts.map(() => ({ bid: undefined, ask: undefined }));
    puts[0] = { bid: 5, ask: 5 }; // only 80 is quoted on both sides: F = 80 + e^{rT} (0.1 - 5) < 80
    expect(() => vixVariance({ ...chain, calls, puts }, 30, 0)).toThrow(/no strike brackets it/);
  });
});
