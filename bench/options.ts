/**
 * Bench section "options": SHIELD's BSM core (src/core/bsm.ts) against the plain C baseline
 * (bench/native/bsm.c, when a compiler exists) and the npm peers `black-scholes` (price) +
 * `greeks` (delta, gamma, theta, vega, rho) and QuantLib's BlackCalculator (@quantlib/ql, the
 * calculator inside its AnalyticEuropeanEngine), on the same inputs (bench/inputs.ts), timed in
 * interleaved rounds (medians, min-max). Each one's worst error is against the EXACT values of
 * bench/golden/bsm-exact.json (BigInt fixed point, scripts/golden/exact.ts), not against QuantLib.
 *
 * Fair inputs: the npm packages take T in years and have no dividend yield, so every input has
 * yield 0 and each peer gets T = days / 365 precomputed. `greeks` has no vanna, charm or vomma;
 * SHIELD's and C's "all" compute all nine outputs, the peers' price + 5 greeks.
 */
import * as fs from "fs";
import { optionGreeks, optionPrice } from "../src/core/bsm";
import { impliedVol } from "../src/core/impliedVol";
import { interleaved, ratio, spread, table, type Timing } from "./harness";
import type { Kind, OptionInput } from "./inputs";
import { native } from "./native";
import { targets } from "./targets";

const bs = require("black-scholes") as { blackScholes(s: number, k: number, t: number, v: number, r: number, callPut: Kind): number };
const greeks = require("greeks") as {
  getDelta(s: number, k: number, t: number, v: number, r: number, callPut: Kind): number;
  getGamma(s: number, k: number, t: number, v: number, r: number): number;
  getTheta(s: number, k: number, t: number, v: number, r: number, callPut: Kind): number;
  getVega(s: number, k: number, t: number, v: number, r: number): number;
  getRho(s: number, k: number, t: number, v: number, r: number, callPut: Kind): number;
};
interface QlCalculator {
  value(): number;
  delta(spot: number): number;
  gamma(spot: number): number;
  theta(spot: number, maturity: number): number;
  vega(maturity: number): number;
  rho(maturity: number): number;
}
const ql = require("@quantlib/ql/ql.js") as {
  BlackCalculator: new () => { init2(type: unknown, strike: number, forward: number, stdDev: number, discount: number): QlCalculator };
  Option: { Type: { Call: unknown; Put: unknown } };
};

interface Golden extends OptionInput {
  /** price, delta, gamma, theta, vega, rho, vanna, charm, vomma: exact, rounded once. */
  exact: number[];
}

export function golden(): Golden[] {
  return (JSON.parse(fs.readFileSync("bench/golden/bsm-exact.json", "utf8")) as { cases: Golden[] }).cases;
}

type Row = [number, number, number, number, number, number]; // price, delta, gamma, theta, vega, rho

function qlRow(i: OptionInput): Row {
  const years = i.days / 365;
  const discount = Math.exp(-i.rate * years);
  const type = i.kind === "call" ? ql.Option.Type.Call : ql.Option.Type.Put;
  const c = new ql.BlackCalculator().init2(type, i.strike, i.spot / discount, i.vol * Math.sqrt(years), discount);
  return [c.value(), c.delta(i.spot), c.gamma(i.spot), c.theta(i.spot, years) / 365, c.vega(years) / 100, c.rho(years) / 100];
}
function shieldRow(i: OptionInput): number[] {
  const g = optionGreeks(i.kind, i.spot, i.strike, i.days, i.vol, i.rate);
  return [g.price, g.delta, g.gamma, g.theta, g.vega, g.rho, g.vanna, g.charm, g.vomma];
}
function peerRow(i: OptionInput & { years?: number }): Row {
  const { spot: s, strike: k, vol: v, rate: r, kind } = i;
  const t = i.days / 365;
  return [
    bs.blackScholes(s, k, t, v, r, kind),
    greeks.getDelta(s, k, t, v, r, kind),
    greeks.getGamma(s, k, t, v, r),
    greeks.getTheta(s, k, t, v, r, kind),
    greeks.getVega(s, k, t, v, r),
    greeks.getRho(s, k, t, v, r, kind),
  ];
}

/**
 * Worst errors against the exact values: the price's relative error where the exact price is at
 * least 0.01 (a cent), and the worst error of every output the library gives, in units of SPEC.md's
 * bar, |x - exact| / (1e-9 |exact| + 1e-13 x scale), scale = the strike for the price and 1 for
 * the greeks (the "natural scale where the value is ~0"): at most 1 passes.
 */
function errors(cases: readonly Golden[], rowOf: (x: OptionInput) => readonly number[]): [number, number] {
  let relPrice = 0;
  let bar = 0;
  for (const x of cases) {
    const row = rowOf(x);
    if (x.exact[0] >= 0.01) relPrice = Math.max(relPrice, Math.abs(row[0] - x.exact[0]) / x.exact[0]);
    for (let j = 0; j < row.length; j++) {
      const e = Math.abs(row[j] - x.exact[j]) / (1e-9 * Math.abs(x.exact[j]) + 1e-13 * (j === 0 ? x.strike : 1));
      bar = Math.max(bar, Number.isFinite(e) ? e : Infinity);
    }
  }
  return [relPrice, bar];
}

const ROUNDS = 31;

/** The price figure of the last C process (see run). */
let lastPrice = 0;

export function run(): void {
  const xs = golden();
  const n = xs.length;
  const at = (i: number) => xs[i % n];
  const c = native(xs);
  // An implied vol per grid input: the OTM side of each strike at the input's price.
  const ivs = xs
    .filter((x) => (x.kind === "put") === x.strike < x.spot / Math.exp((-x.rate * x.days) / 365) && x.exact[0] > 1e-300)
    // A plain literal, not { ...x, price }: V8 leaves a spread copy of a JSON object in a slow
    // shape whose property loads cost ~400 ns a call here, which the figure would charge to the core.
    .map((x) => ({ kind: x.kind, spot: x.spot, strike: x.strike, days: x.days, rate: x.rate, price: x.exact[0] }));
  const m = ivs.length;

  const cases = [
    {
      name: "core all",
      body: (i: number) => {
        const x = at(i);
        const g = optionGreeks(x.kind, x.spot, x.strike, x.days, x.vol, x.rate);
        return g.price + g.delta + g.gamma + g.theta + g.vega + g.rho + g.vanna + g.charm + g.vomma;
      },
    },
    {
      name: "core price",
      body: (i: number) => {
        const x = at(i);
        return optionPrice(x.kind, x.spot, x.strike, x.days, x.vol, x.rate);
      },
    },
    {
      name: "core iv",
      calls: 3000,
      body: (i: number) => {
        const x = ivs[i % m];
        return impliedVol(x.kind, x.price, x.spot, x.strike, x.days, x.rate);
      },
    },
    {
      name: "peer all",
      calls: 200,
      body: (i: number) => {
        const r = peerRow(at(i));
        return r[0] + r[1] + r[5];
      },
    },
    {
      name: "peer price",
      calls: 500,
      body: (i: number) => {
        const x = at(i);
        return bs.blackScholes(x.spot, x.strike, x.days / 365, x.vol, x.rate, x.kind);
      },
    },
    {
      name: "ql all",
      calls: 2000,
      body: (i: number) => {
        const r = qlRow(at(i));
        return r[0] + r[1] + r[5];
      },
    },
  ];
  let cAll: Timing | undefined;
  let cPrice: Timing | undefined;
  const t = interleaved(
    c
      ? // One C process per round times both: "C price" reports the price figure of the process just run.
        [
          ...cases,
          {
            name: "C",
            measure: () => {
              const r = c.run();
              lastPrice = r.price;
              return r.all;
            },
          },
          { name: "C price", measure: () => lastPrice },
        ]
      : cases,
    ROUNDS,
  );
  const [coreAll, corePrice, coreIv, peerAll, peerPrice, qlAll] = t;
  if (c) [cAll, cPrice] = [t[6], t[7]];

  const [ourRel, ourBar] = errors(xs, shieldRow);
  const [peerRel, peerBar] = errors(xs, peerRow);
  const [qlRel, qlBar] = errors(xs, qlRow);
  const rows: Array<Array<string | number>> = [
    ["SHIELD core (9 outputs)", spread(corePrice), spread(coreAll), cAll ? spread(ratio(coreAll, cAll)) : "-", ourRel, ourBar],
    ["black-scholes + greeks (price + 5)", spread(peerPrice), spread(peerAll), cAll ? spread(ratio(peerAll, cAll)) : "-", peerRel, peerBar],
    ["QuantLib BlackCalculator (price + 5)", "-", spread(qlAll), cAll ? spread(ratio(qlAll, cAll)) : "-", qlRel, qlBar],
  ];
  if (c && cAll && cPrice) rows.push([`plain C (${c.compiler})`, spread(cPrice), spread(cAll), "1", "(not checked)", "(not checked)"]);
  table(
    `BSM price and greeks: ${n} inputs (spot 5000, strikes 4000-6000 by 50, calls and puts, 1-365 days, vol 12/20/35%, rate 4.5%, yield 0); ns per call, median (min-max) of ${ROUNDS} interleaved rounds; errors vs exact values (bench/golden/bsm-exact.json)`,
    ["library", "ns/price", "ns/price+greeks", "price+greeks / C", "worst rel price err (>= 0.01)", "worst err / SPEC bar (<= 1 passes)"],
    rows,
    [
      c
        ? "C: bench/native/bsm.c, price + nine outputs with libm's erfc, compiled -O2 by the bench, one process per round timing one batch of 10,000 calls after a warm-up batch."
        : "C: no C compiler here, so no native baseline and no core/C ratio.",
      "SPEC bar: |x - exact| / (1e-9 |exact| + 1e-13 x scale), scale = strike for the price, 1 for a greek.",
    ],
  );
  if (cAll && cPrice) {
    targets.push({ what: "core price + 9 outputs / C price + 9 outputs", ratio: ratio(coreAll, cAll), limit: 1.6 });
    targets.push({ what: "core implied vol / C price", ratio: ratio(coreIv, cPrice), limit: 10 });
    table(
      "Core vs native (side by side, same run)",
      ["what", "SHIELD core ns", "C ns", "ratio", "target"],
      [
        ["price + 9 outputs", spread(coreAll), spread(cAll), spread(ratio(coreAll, cAll)), "<= 1.6"],
        ["price alone", spread(corePrice), spread(cPrice), spread(ratio(corePrice, cPrice)), ""],
        [`implied vol (${m} OTM grid prices) vs C price`, spread(coreIv), spread(cPrice), spread(ratio(coreIv, cPrice)), "<= 10"],
      ],
    );
  }
}
