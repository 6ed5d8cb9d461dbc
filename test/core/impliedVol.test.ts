/**
 * impliedVol: published cases, round trips against the accurate Black (src/core/black.ts, itself
 * tested against a BigInt oracle in black.test.ts), tiny prices and every bad input.
 *
 * How good can an implied vol be? The price arrives as a double, so it carries a relative
 * rounding of ~eps; that moves the vol by eps * kappa relative, with the condition number
 *   kappa = P / (s dP/ds)   (P the undiscounted price, s = vol sqrt(T), both normalised)
 * which is ~1/h^2 < 1 in the wings, ~1 at the money, and huge only where the price sits within
 * rounding of its upper bound (vol 3 over 30 years at the money: P = F (1 - 2e-16)) or where an
 * in-the-money price is almost all intrinsic value. The normalised price function itself is
 * evaluated to ~eps (1 + y) relative, y = (h^2 + t^2)/2 the exponent of its Gaussian factor
 * (h = x/s, t = s/2; the rounding of y enters exp), so the solver can match it no better, and
 * the round-trip bar is 8 eps (1 + kappa (1 + y)). Since y ~ h^2/2 and kappa ~ 1/h^2 in the
 * wings, that stays near 8 to 16 eps there; it is tighter than the brief's 1e-12 wherever
 * kappa (1 + y) < 560, and the 1e-12 bar is checked on its own where the brief states it (time
 * value >= 1e-9 of the strike) and the price can carry it. Measured over 400,000 random trials:
 * at most 7.9 eps (1 + kappa), at most 4 eps (1 + kappa (1 + y)).
 */
import fc from "fast-check";
import { undiscountedBlack } from "../../src/core/black";
import { InputError, NoSolutionError } from "../../src/core/errors";
import { impliedVol, MAX_UNCERTAINTY } from "../../src/core/impliedVol";
import { HOUSEHOLDER_STEPS, impliedNormalisedStdDev } from "../../src/core/lbr/impliedStdDev";
import { normalisedBlackComplement, normalisedBlackOtm, normalisedVega } from "../../src/core/lbr/normalisedBlack";
import { normCdf, normPdf } from "../../src/core/normal";
import cases from "../fixtures/published-cases.json";

const EPS = 2 ** -52;

interface Trial {
  kind: "call" | "put";
  price: number;
  spot: number;
  strike: number;
  days: number;
  rate: number;
  yield: number;
  vol: number;
  /** The condition number kappa of the file comment. */
  kappa: number;
  /** The bar of the file comment, 8 eps (1 + kappa (1 + y)), plus the forward's rounding (see trial). */
  bar: number;
  /** Time value / strike. */
  timeValue: number;
  /**
   * Extra relative error below the normal range: a subnormal price, or normalised price beta,
   * holds fewer than 53 bits (absolute spacing 2^-1074), which moves the vol by kappa times that.
   */
  subnormal: number;
  /** True when the price is outside (or on) its no-arbitrage bounds after rounding. */
  outside: boolean;
}

/** A trial price from the accurate Black times the discount factor (forward as optionPrice forms it). */
function trial(kind: "call" | "put", spot: number, strike: number, days: number, vol: number, rate: number, yld: number): Trial {
  const T = days / 365;
  const s = vol * Math.sqrt(T);
  const discount = Math.exp(-rate * T);
  const forward = (spot * Math.exp(-yld * T)) / discount;
  const undiscounted = undiscountedBlack(forward, strike, s, kind);
  const price = discount * undiscounted;
  const intrinsic = Math.max(kind === "call" ? forward - strike : strike - forward, 0);
  const x = -Math.abs(Math.log(forward / strike));
  const sqrtFK = Math.sqrt(forward) * Math.sqrt(strike);
  const kappa = undiscounted / sqrtFK / (s * normalisedVega(x, s));
  const y = 0.5 * ((x / s) ** 2 + (s / 2) ** 2);
  // The price is made from the forward rounded to a double (~2 ulps off spot e^{(r - q) T}), which
  // impliedVol does not round (it takes ln(F/K) from ln(spot/K) and the carry): the generating vol
  // is the exact implied vol of this price only to 2 eps kappaF, kappaF = F dP/dF / (s dP/ds) =
  // N(+-d1) / (s phi(d1)). (test/core/impliedVolOracle.test.ts checks against the exact one.)
  const d1 = Math.log(forward / strike) / s + s / 2;
  const kappaF = rate === 0 && yld === 0 ? 0 : normCdf(kind === "call" ? d1 : -d1) / (s * normPdf(d1));
  const upper = kind === "call" ? spot * Math.exp(-yld * T) : strike * discount;
  const tiniest = Math.min(price, undiscounted, undiscounted / sqrtFK);
  return {
    kind,
    price,
    spot,
    strike,
    days,
    rate,
    yield: yld,
    vol,
    kappa,
    bar: 8 * EPS * (1 + kappa * (1 + y)) + 4 * EPS * kappaF,
    timeValue: (undiscounted - intrinsic) / strike,
    subnormal: tiniest < 2.2250738585072014e-308 ? 4 * kappa * (2 ** -1074 / tiniest) : 0,
    outside: !(price > discount * intrinsic) || !(price < upper) || !(price > 0),
  };
}

function solve(t: Trial): number {
  return impliedVol(t.kind, t.price, t.spot, t.strike, t.days, t.rate, t.yield);
}

describe("impliedVol: published values", () => {
  const ivCases = (cases as { impliedVol: Array<Record<string, number | string>> }).impliedVol;
  test.each(ivCases.map((c) => [c.source, c] as const))("%s", (_source, c) => {
    const kind = String(c.type).toUpperCase().startsWith("C") ? "call" : "put";
    const got = impliedVol(kind, Number(c.price), Number(c.spot), Number(c.strike), Number(c.days), Number(c.rate), Number(c.yield));
    expect(Math.abs(got - Number(c.vol))).toBeLessThanOrEqual(Number(c.tol));
  });

  test("Rust implied-vol crate case to its 1e-14 (F=100, K=90, 30 years, price 20 -> 0.07011701801482094)", () => {
    expect(Math.abs(impliedVol("call", 20, 100, 90, 10950) - 0.07011701801482094)).toBeLessThan(1e-14);
  });

  test("Hull's S=42, K=40 call at 20% vol: its price 4.76 (to the cent) implies 20%", () => {
    // Hull's published price is rounded to 4.76; the vol it implies is 0.2 to within the
    // rounding: dvol = 0.005 / vega(~0.1126 per vol point... per unit vol 11.26) ~ 4.4e-4.
    expect(Math.abs(impliedVol("call", 4.76, 42, 40, 182.5, 0.1) - 0.2)).toBeLessThan(5e-4);
  });
});

describe("impliedVol: round trips", () => {
  test("the solver takes two Householder steps, as Let's Be Rational does", () => {
    expect(HOUSEHOLDER_STEPS).toBe(2);
  });

  const domain = fc.record({
    kind: fc.constantFrom("call" as const, "put" as const),
    z: fc.double({ min: -10, max: 10, noNaN: true }), // ln(K/spot) in standard deviations
    vol: fc.double({ min: Math.log(0.01), max: Math.log(3), noNaN: true }).map(Math.exp),
    days: fc.double({ min: Math.log(0.1), max: Math.log(10950), noNaN: true }).map(Math.exp),
    rate: fc.double({ min: -0.02, max: 0.1, noNaN: true }),
    yld: fc.double({ min: 0, max: 0.05, noNaN: true }),
  });

  function make(p: { kind: "call" | "put"; z: number; vol: number; days: number; rate: number; yld: number }): Trial {
    const spot = 5000;
    const strike = spot * Math.exp(p.z * p.vol * Math.sqrt(p.days / 365));
    return trial(p.kind, spot, strike, p.days, p.vol, p.rate, p.yld);
  }

  test("wings to 10 sd, vol 0.01..3, days 0.1..10950, both types: vol back to the bar", () => {
    fc.assert(
      fc.property(domain, (p) => {
        const t = make(p);
        // How well the double price determines the vol (impliedVol's rule): its rounding x kappa.
        const beta = (t.timeValue * t.strike) / Math.sqrt(t.strike * t.spot); // ~ the normalised time value
        const uncertainty = 0.5 * Math.max(EPS, 2 ** -1074 / t.price, 2 ** -1074 / beta) * t.kappa;
        if (t.outside || uncertainty > 2 * MAX_UNCERTAINTY) {
          // Only where the time value is lost in the price's rounding (or the price sits within
          // rounding of its upper bound): no vol is told by the double given, and that is what we say.
          expect(() => solve(t)).toThrow(NoSolutionError);
          return t.timeValue < 1e-12 || t.kappa > 1e3;
        }
        let got: number;
        try {
          got = solve(t);
        } catch (e) {
          // Near the threshold kappa at the solved vol may fall on either side of it.
          return e instanceof NoSolutionError && uncertainty > MAX_UNCERTAINTY / 2;
        }
        const err = Math.abs(got - t.vol) / t.vol;
        return err <= t.bar + t.subnormal;
      }),
      { numRuns: 1000 },
    );
  });

  test("a price in the subnormal range (30-year call 38 sd out, price 4e-309) still comes back to its precision", () => {
    // Found by fast-check: F = 615 against K = 5000 at 1% vol over 30 years; beta = 1.3e-312 holds
    // ~38 bits, and kappa ~ 1/h^2 ~ 1/1500 shrinks that to ~1e-15 in the vol.
    const t = trial("call", 5000, 5000, 10928.567532068302, 0.010185323346860217, -0.0199978301494497, 0.04999999952865196);
    expect(t.subnormal).toBeGreaterThan(0);
    expect(Math.abs(solve(t) - t.vol) / t.vol).toBeLessThanOrEqual(t.bar + t.subnormal);
  });

  test("the smallest subnormal normalised price (beta = 5e-324, one bit): NoSolutionError naming the cause (was a vol 2e-3 uncertain)", () => {
    // Found by fast-check: a 30-year put 38 sd out of the money, price 5.5e-321. beta stands for
    // anything within a factor ~1.5: the vol is uncertain by kappa * 2^-1074 / (2 beta) ~ 3e-7 > 1e-8.
    const t = trial("put", 5000, 5000, 10949.999999999996, 0.014302503058139782, 0.09999999999999995, 0);
    expect(t.subnormal).toBeGreaterThan(0);
    expect(() => solve(t)).toThrow("is too small: below the normal range of a double (2.2e-308) its time value has too few digits to determine a volatility");
  });

  test("the brief's bar: 1e-12 relative wherever the time value is >= 1e-9 of the strike (and the price can carry it)", () => {
    let checked = 0;
    fc.assert(
      fc.property(domain, (p) => {
        const t = make(p);
        // bar <= 1e-12: the price's own rounding and the evaluation allow 1e-12.
        if (t.outside || t.timeValue < 1e-9 || t.bar > 1e-12 || t.subnormal > 0) return true;
        checked++;
        return Math.abs(solve(t) - t.vol) / t.vol <= 1e-12;
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  test("out-of-the-money options (price = time value), SPX-like: vol back to the bar", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        fc.double({ min: 0.5, max: 400, noNaN: true }),
        fc.double({ min: 0.7, max: 1.3, noNaN: true }),
        (vol, days, m) => {
          const strike = 5000 * m;
          const t = trial(m < 1 ? "put" : "call", 5000, strike, days, vol, 0.045, 0.013);
          if (t.outside || t.price < 1e-300) return true;
          return Math.abs(solve(t) - vol) / vol <= t.bar + t.subnormal;
        },
      ),
      { numRuns: 500 },
    );
  });

  test("normalised solver: x from 0 to -60, s from 1e-4 to 20, beta in the normal range: 8 eps (1 + kappa (1 + y))", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.double({ min: -60, max: 0, noNaN: true })), fc.double({ min: -4, max: Math.log10(20), noNaN: true }), (x, ls) => {
        const s = 10 ** ls;
        const beta = normalisedBlackOtm(x, s);
        if (!(beta > 2.3e-308) || !(beta < Math.exp(0.5 * x))) return true;
        const kappa = beta / (s * normalisedVega(x, s));
        const y = 0.5 * ((x / s) ** 2 + (s / 2) ** 2);
        return Math.abs(impliedNormalisedStdDev(beta, x) - s) / s <= 8 * EPS * (1 + kappa * (1 + y));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("impliedVol: tiny prices", () => {
  test.each([1e-20, 1e-100, 1e-200, 1e-290])("an OTM call priced %p of the strike converges and reprices", (p) => {
    const spot = 100;
    const strike = 150;
    const days = 30;
    const vol = impliedVol("call", p * strike, spot, strike, days);
    expect(vol).toBeGreaterThan(0);
    const s = vol * Math.sqrt(days / 365);
    const back = undiscountedBlack(spot, strike, s, "call");
    // Repricing amplifies the vol's rounding by the elasticity s P'/P = 1/kappa (~h^2, up to ~1300).
    const x = Math.log(spot / strike);
    const kappa = back / Math.sqrt(spot * strike) / (s * normalisedVega(x, s));
    expect(Math.abs(back - p * strike) / (p * strike)).toBeLessThan((8 * EPS) / kappa);
  });

  test("normalised 1e-200 at the money and in the wings converges", () => {
    for (const x of [0, -1e-8, -0.5, -5, -50]) {
      const s = impliedNormalisedStdDev(1e-200, x);
      const back = normalisedBlackOtm(x, s);
      const kappa = back / (s * normalisedVega(x, s));
      expect(Math.abs(back - 1e-200) / 1e-200).toBeLessThan((8 * EPS) / kappa);
    }
  });

  test("a subnormal normalised price (1e-315, ~26 significant bits) still returns a finite vol", () => {
    const s = impliedNormalisedStdDev(1e-315, -1);
    expect(Number.isFinite(s)).toBe(true);
    // b ~ exp(-h^2/2): 1e-315 needs h^2/2 ~ 725, h ~ -38, s ~ 1/38.
    expect(s).toBeGreaterThan(0.02);
    expect(s).toBeLessThan(0.03);
  });
});

describe("impliedVol: prices a hair inside the upper bound", () => {
  test("at the money, beta = 1 - 2^-53 (the largest double below the bound): a finite s with 1 - b(s) = 1 - beta", () => {
    // 1 - b(0, s) = 2 Phi(-s/2) is what such a price still determines, and it must come back.
    // Rounding s itself (relative eps) moves 2 Phi(-s/2) by ~(s^2/4) eps relative (s ~ 16 here),
    // so the bar is 4 eps (1 + s^2/4).
    for (const beta of [1 - 2 ** -53, 1 - 2 ** -50, 1 - 1e-12, 0.75]) {
      const s = impliedNormalisedStdDev(beta, 0);
      expect(Number.isFinite(s)).toBe(true);
      const back = normalisedBlackComplement(0, s);
      expect(Math.abs(back - (1 - beta)) / (1 - beta)).toBeLessThan(4 * EPS * (1 + (s * s) / 4));
    }
  });

  test("a call one ulp below spot: the double price does not determine a vol (every vol from ~16 up gives it): NoSolutionError saying so", () => {
    // Was a vol above 5 before: one of a range of vols, since dP/dvol ~ 1e-14 there (kappa ~ 1e15).
    const f = () => impliedVol("call", 100 * (1 - 2 ** -52), 100, 100, 365);
    expect(f).toThrow(NoSolutionError);
    expect(f).toThrow("price 100 is within rounding of its upper bound 100: the double price does not determine a volatility");
  });
});

describe("impliedVol: results above 5 are returned", () => {
  test("a 1-day ATM call worth 20% of spot implies a vol far above 5 (returned, not an error)", () => {
    // 2 Phi(s/2) - 1 = 0.2 -> s = 2 * 0.2533471031357998 (Phi^-1(0.6), standard tables) = 0.5066942...
    // vol = s / sqrt(1/365) = 9.680...
    const vol = impliedVol("call", 20, 100, 100, 1);
    expect(Math.abs(vol - 2 * 0.2533471031357998 * Math.sqrt(365)) / vol).toBeLessThan(1e-14);
    expect(vol).toBeGreaterThan(5);
  });
});

describe("impliedVol: bad input", () => {
  const good = ["call", 2, 100, 100, 30, 0.05, 0.01] as const;
  type Args = Parameters<typeof impliedVol>;
  function withArg(i: number, v: unknown): Args {
    const a = [...good] as unknown[];
    a[i] = v;
    return a as unknown as Args;
  }

  test.each([
    [0, "straddle", /^type must be C, CALL, P or PUT; got "straddle"$/],
    [1, 0, /^price must be a number greater than 0; got 0$/],
    [1, -1, /^price must be a number greater than 0; got -1$/],
    [1, NaN, /^price must be a number greater than 0; got NaN$/],
    [2, 0, /^spot must be a number greater than 0; got 0$/],
    [3, -100, /^strike must be a number greater than 0; got -100$/],
    [4, -1, /^days must be calendar days to expiry, from 0 to 36500 \(for an expiry date, use expiry - TODAY\(\)\); got -1$/],
    // 36501 days: above the 100-year bound (a date such as 45000 typed as days lands here).
    [4, 36501, /^days must be calendar days to expiry, from 0 to 36500 \(for an expiry date, use expiry - TODAY\(\)\); got 36501$/],
    [4, 45000, /; got 45000$/],
    [5, 2, /^rate must be a decimal between -1 and 1 \(enter 5% as 0.05\); got 2$/],
    [6, 5, /^yield must be a decimal between -1 and 1 \(enter 5% as 0.05\); got 5$/],
  ])("argument %p = %p throws InputError", (i, v, message) => {
    expect(() => impliedVol(...withArg(i, v))).toThrow(InputError);
    expect(() => impliedVol(...withArg(i, v))).toThrow(message);
  });

  test("days = 0 (at expiry): NoSolutionError (#NUM!), as STRIKE_FOR_DELTA at days = 0, not InputError", () => {
    // days = 0 is valid input everywhere in SHIELD (OPTION prices intrinsic value there), so an
    // implied vol at expiry has no solution: every vol gives the same (intrinsic) price.
    const atExpiry = () => impliedVol("call", 2, 100, 100, 0, 0.05, 0.01);
    expect(atExpiry).toThrow(NoSolutionError);
    expect(atExpiry).toThrow(/^no volatility can be implied at expiry \(days = 0\): there is no time value to imply a vol from/);
  });

  test("the 100-year bound is inclusive: 36500 days solves (the vol a price was made from comes back)", () => {
    // No carry: price = Black(F = 100, K = 100, s = 0.2 sqrt(36500 / 365) = 2) = 100 (2 N(1) - 1) = 68.27.
    const p = undiscountedBlack(100, 100, 0.2 * Math.sqrt(100), "call");
    expect(Math.abs(impliedVol("call", p, 100, 100, 36500) - 0.2) / 0.2).toBeLessThan(1e-12);
  });

  test("a call price below intrinsic: NoSolutionError naming the intrinsic value; at it, no time value", () => {
    // spot 120, strike 100, no carry: intrinsic 20.
    expect(() => impliedVol("call", 19.5, 120, 100, 30)).toThrow(/^price 19.5 is at or below the option's intrinsic value 20: no volatility gives it$/);
    // At the intrinsic value (to rounding) the price has no time value left to imply a vol from.
    expect(() => impliedVol("call", 20, 120, 100, 30)).toThrow(/^the price carries no time value at double precision: quote the out-of-the-money option$/);
  });

  test("a put price at or below its discounted intrinsic value: NoSolutionError", () => {
    // rate 5%, 365 days: intrinsic e^-0.05 * (100 - 80 e^0.05) = 95.12294245 - 80 = 15.12294245
    expect(() => impliedVol("put", 15.1, 80, 100, 365, 0.05)).toThrow(/^price 15.1 is at or below the option's intrinsic value 15.12294245/);
  });

  test("a call at or above spot e^(-yield T), a put at or above strike e^(-rate T): NoSolutionError with the bound", () => {
    expect(() => impliedVol("call", 100, 100, 90, 30)).toThrow(NoSolutionError);
    expect(() => impliedVol("call", 100, 100, 90, 30)).toThrow(/^price 100 is at or above its upper bound 100 \(spot x e\^\(-yield T\)\)/);
    // 365 days at 5%: the put's bound is 100 e^-0.05 = 95.12294245
    expect(() => impliedVol("put", 96, 100, 100, 365, 0.05)).toThrow(/^price 96 is at or above its upper bound 95.12294245 \(strike x e\^\(-rate T\)\)/);
  });
});
