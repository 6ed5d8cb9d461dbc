/**
 * Bench section "implied vol": SHIELD's Let's Be Rational solver (src/core/impliedVol.ts) side by
 * side with the npm package `implied-volatility` (a bisection on `black-scholes` prices) on the
 * same inputs, in interleaved rounds: ns per implied vol (median, min-max) and each one's worst
 * relative error against the EXACT implied vol of the double price it is given
 * (bench/golden/iv-exact.json, Newton in BigInt fixed point: scripts/golden/exact.ts), not the vol
 * the price was made from.
 *
 * Inputs (bench/inputs.ts ivInputs): out-of-the-money options as quoted (puts below the forward,
 * calls above), SPX-like (spot 5000, strikes 4000-6000 by 50, 1-365 days, vols 12/20/35%, rate
 * 4.5%) plus wings at 3, 5 and 8 standard deviations. Yield 0 because the peer has none.
 */
import * as fs from "fs";
import { impliedVol } from "../src/core/impliedVol";
import { interleaved, ratio, spread, table } from "./harness";
import type { IvInput, Kind } from "./inputs";

const peer = require("implied-volatility") as {
  getImpliedVolatility(price: number, s: number, k: number, t: number, r: number, callPut: Kind, estimate?: number): number;
};

interface Golden extends Omit<IvInput, "vol"> {
  seedVol: number;
  exactVol: number;
}

function worstRelError(xs: readonly Golden[], solve: (i: Golden) => number): number {
  let worst = 0;
  for (const x of xs) {
    let v: number;
    try {
      v = solve(x);
    } catch {
      v = NaN;
    }
    const e = Math.abs(v - x.exactVol) / x.exactVol;
    worst = Math.max(worst, Number.isFinite(e) ? e : Infinity);
  }
  return worst;
}

let peerCall = 0;

export function run(): void {
  const xs = (JSON.parse(fs.readFileSync("bench/golden/iv-exact.json", "utf8")) as { cases: Golden[] }).cases;
  const grid = xs.filter((x) => !x.wing);
  const n = xs.length;
  const ours = (x: Golden) => impliedVol(x.kind, x.price, x.spot, x.strike, x.days, x.rate);
  const theirs = (x: Golden) => peer.getImpliedVolatility(x.price, x.spot, x.strike, x.days / 365, x.rate, x.kind);
  const [our, their] = interleaved(
    [
      { name: "SHIELD", calls: 3000, body: (i) => ours(xs[i % n]) },
      // The peer takes milliseconds per implied vol: a few calls per round, spread over the inputs.
      { name: "peer", calls: 10, body: (i) => theirs(xs[(i * 97 + peerCall++ * 13) % n]) },
    ],
    11,
  );
  // How far the vol the price was made from is from the exact implied vol of the double price.
  const seedOff = Math.max(...xs.map((x) => Math.abs(x.seedVol - x.exactVol) / x.exactVol));
  table(
    `Implied vol: ${n} OTM inputs (${grid.length} SPX grid: spot 5000, strikes 4000-6000, 1-365 days, vol 12/20/35%, rate 4.5%; ${n - grid.length} wings at 3/5/8 sd); ns per IV, median (min-max) of 11 interleaved rounds; errors vs the exact implied vol of each double price (bench/golden/iv-exact.json)`,
    ["library", "ns/IV", "x SHIELD time", "worst rel vol err (grid)", "worst rel vol err (grid + wings)"],
    [
      ["SHIELD core (Let's Be Rational)", spread(our), "1", worstRelError(grid, ours), worstRelError(xs, ours)],
      ["implied-volatility (bisection)", spread(their), spread(ratio(their, our)), worstRelError(grid, theirs), worstRelError(xs, theirs)],
    ],
    [
      `(The vol each price was made from differs from its exact implied vol by up to ${seedOff.toExponential(2)} relative: the rounding of the double price and of F and T.)`,
    ],
  );
}
