/**
 * Bench section "implied vol": SHIELD's Let's Be Rational solver (src/core/impliedVol.ts) side by
 * side with the npm package `implied-volatility` (a bisection on `black-scholes` prices) on the
 * same inputs: implied vols per second and each one's worst relative error against the vol the
 * price was made from.
 *
 * Inputs: out-of-the-money options as quoted (puts below spot, calls above), SPX-like (spot 5000,
 * strikes 4000-6000 by 50, 1-365 days, vols 12/20/35%, rate 4.5%) plus wings at 3, 5 and 8
 * standard deviations. Yield 0 and T = days/365 because the peer has no yield and takes years.
 * Prices come from the accurate undiscounted Black (src/core/black.ts) times the discount factor.
 */
import { undiscountedBlack } from "../src/core/black";
import { impliedVol } from "../src/core/impliedVol";
import { nsPerCall, printTable } from "./harness";

type Kind = "call" | "put";
const peer = require("implied-volatility") as {
  getImpliedVolatility(price: number, s: number, k: number, t: number, r: number, callPut: Kind, estimate?: number): number;
};

interface Input {
  kind: Kind;
  price: number;
  spot: number;
  strike: number;
  days: number;
  years: number;
  rate: number;
  vol: number;
  wing: boolean;
}

function input(strike: number, days: number, vol: number, wing: boolean): Input {
  const spot = 5000;
  const rate = 0.045;
  const years = days / 365;
  const discount = Math.exp(-rate * years);
  const forward = spot / discount;
  const kind: Kind = strike < forward ? "put" : "call";
  const price = discount * undiscountedBlack(forward, strike, vol * Math.sqrt(years), kind);
  return { kind, price, spot, strike, days, years, rate, vol, wing };
}

function inputs(): Input[] {
  const out: Input[] = [];
  for (const days of [1, 7, 30, 60, 91, 182, 365]) {
    for (const vol of [0.12, 0.2, 0.35]) {
      for (let strike = 4000; strike <= 6000; strike += 50) out.push(input(strike, days, vol, false));
      const sd = vol * Math.sqrt(days / 365);
      for (const z of [-8, -5, -3, 3, 5, 8]) out.push(input(5000 * Math.exp(z * sd), days, vol, true));
    }
  }
  return out.filter((i) => i.price > 0);
}

function worstRelError(xs: Input[], solve: (i: Input) => number): number {
  let worst = 0;
  for (const x of xs) {
    let v: number;
    try {
      v = solve(x);
    } catch {
      v = NaN;
    }
    const e = Math.abs(v - x.vol) / x.vol;
    worst = Math.max(worst, Number.isFinite(e) ? e : Infinity);
  }
  return worst;
}

export function run(): void {
  const xs = inputs();
  const core = xs.filter((x) => !x.wing);
  const n = xs.length;
  const ours = (x: Input) => impliedVol(x.kind, x.price, x.spot, x.strike, x.days, x.rate);
  const theirs = (x: Input) => peer.getImpliedVolatility(x.price, x.spot, x.strike, x.years, x.rate, x.kind);

  const ourNs = nsPerCall((i) => ours(xs[i % n]));
  const peerNs = nsPerCall((i) => theirs(xs[i % n]), 2_000);
  const perSecond = (ns: number) => 1e9 / ns;
  printTable(
    `Implied vol: ${n} OTM inputs (${core.length} SPX grid: spot 5000, strikes 4000-6000, 1-365 days, vol 12/20/35%, rate 4.5%; ${n - core.length} wings at 3/5/8 sd); error vs the vol the price was made from`,
    ["library", "ns/IV", "IVs/s", "x slower than SHIELD", "worst rel vol err (grid)", "worst rel vol err (grid + wings)"],
    [
      ["SHIELD core (Let's Be Rational)", ourNs, perSecond(ourNs), 1, worstRelError(core, ours), worstRelError(xs, ours)],
      ["implied-volatility (bisection)", peerNs, perSecond(peerNs), peerNs / ourNs, worstRelError(core, theirs), worstRelError(xs, theirs)],
    ],
  );
  console.log(`target: SHIELD under 1 microsecond per implied vol (${ourNs.toFixed(0)} ns)`);
}
