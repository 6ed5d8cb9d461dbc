/**
 * Bench section "function layer": each registered custom function called as Excel calls it
 * (the function exported from src/functions and associated by the bundle, with Excel-shaped
 * arguments: a matrix parameter gets rows of cells, a single cell as [[x]]; an omitted optional
 * null), in the main context, against the core call it wraps on the same inputs, timed side by
 * side in interleaved rounds. The ratio function / core is the adapter's cost (SPEC.md: at most
 * 1.5x for OPTION, IMPLIED_VOL and CONDOR_GREEKS; at most 3x for a 100,000-row RSI or MACD;
 * issue #15: CONDOR_PAYOFF "today" over 100,000 prices, OHLC_VOL of 100,000 rows and
 * POSITION_GREEKS of 100,000 legs within 3x of the core loop).
 */
import "../src/functions/runtime"; // the stand-in CustomFunctions, so the adapters run outside Excel
import { optionGreeks, optionPrice } from "../src/core/bsm";
import { condorGreeks, condorPayoff } from "../src/core/condor";
import { impliedVol } from "../src/core/impliedVol";
import { positionGreeks, type Leg } from "../src/core/positions";
import { macd, ohlcVol, rsi } from "../src/core/signals";
import { CONDOR_GREEKS, CONDOR_PAYOFF } from "../src/functions/condor";
import { POSITION_GREEKS } from "../src/functions/hedge";
import { IMPLIED_VOL } from "../src/functions/impliedVol";
import { OPTION } from "../src/functions/options";
import { MACD, OHLC_VOL, RSI } from "../src/functions/signals";
import { type Case, interleaved, ratio, spread, table } from "./harness";
import { ivInputs, optionInputs } from "./inputs";
import { bars } from "./series";
import { targets } from "./targets";

const N = 100_000;
const c1 = (x: unknown) => [[x]];
/** Excel passes null for an omitted optional (the TypeScript signatures say `undefined`). */
const OMITTED = null as unknown as undefined;
const type = (k: "call" | "put") => (k === "call" ? "C" : "P");

interface Pair {
  name: string;
  core: Case;
  fn: Case;
  /** The target ratio, when SPEC or an issue sets one. */
  limit?: number;
  unit: "ns" | "ms";
}

function pairs(): Pair[] {
  const xs = optionInputs();
  const n = xs.length;
  const excel = xs.map((x) => [c1(type(x.kind)), c1(x.spot), c1(x.strike), c1(x.days), c1(x.vol), c1(x.rate), OMITTED] as const);
  const ivs = ivInputs().filter((x) => !x.wing);
  const m = ivs.length;
  const ivExcel = ivs.map((x) => [c1(type(x.kind)), c1(x.price), c1(x.spot), c1(x.strike), c1(x.days), c1(x.rate), OMITTED] as const);
  const strikes = { putLong: 4850, putShort: 4900, callShort: 5100, callLong: 5150 };
  const days = [7, 30, 45, 60];

  const b = bars(N);
  const closes = b.close.map((v) => [v]);
  const [o, h, l, c] = [b.open, b.high, b.low, b.close].map((xs) => xs.map((v) => [v]));
  const prices = Array.from({ length: N }, (_, i) => 3000 + (4000 * i) / N);
  const priceCol = prices.map((p) => [p]);
  const legs: Leg[] = Array.from({ length: N }, (_, i) => ({
    kind: i % 2 ? "call" : "put",
    strike: 4000 + (i % 41) * 50,
    qty: (i % 7) - 3,
    days: 1 + (i % 90),
    vol: 0.12 + (i % 13) * 0.01,
  }));
  const legRows = legs.map((g) => [type(g.kind), g.strike, g.qty, g.days, g.vol]);
  const last = N - 1;

  return [
    {
      name: "OPTION all (price + 8 greeks), 1 cell",
      unit: "ns",
      limit: 1.5,
      core: {
        name: "core",
        body: (i) => {
          const x = xs[i % n];
          const g = optionGreeks(x.kind, x.spot, x.strike, x.days, x.vol, x.rate, 0);
          return g.price + g.delta + g.gamma + g.theta + g.vega + g.rho + g.vanna + g.charm + g.vomma;
        },
      },
      fn: {
        name: "fn",
        body: (i) => {
          const a = excel[i % n];
          const row = OPTION(a[0], a[1], a[2], a[3], a[4], a[5], a[6], "all")[0];
          return row[0] + row[8];
        },
      },
    },
    {
      name: "OPTION price, 1 cell",
      unit: "ns",
      core: {
        name: "core",
        body: (i) => {
          const x = xs[i % n];
          return optionPrice(x.kind, x.spot, x.strike, x.days, x.vol, x.rate, 0);
        },
      },
      fn: {
        name: "fn",
        body: (i) => {
          const a = excel[i % n];
          return OPTION(a[0], a[1], a[2], a[3], a[4], a[5], a[6], OMITTED)[0][0];
        },
      },
    },
    {
      name: "IMPLIED_VOL, 1 cell (OTM grid)",
      unit: "ns",
      limit: 1.5,
      core: {
        name: "core",
        body: (i) => {
          const x = ivs[i % m];
          return impliedVol(x.kind, x.price, x.spot, x.strike, x.days, x.rate, 0);
        },
      },
      fn: {
        name: "fn",
        body: (i) => {
          const a = ivExcel[i % m];
          return IMPLIED_VOL(a[0], a[1], a[2], a[3], a[4], a[5], a[6])[0][0];
        },
      },
    },
    {
      name: "CONDOR_GREEKS, 1 row",
      unit: "ns",
      limit: 1.5,
      core: {
        name: "core",
        body: (i) => {
          const g = condorGreeks(4990 + (i % 20), strikes, days[i & 3], 0.18, 0.045, 0.013);
          return g.price + g.vomma;
        },
      },
      fn: {
        name: "fn",
        body: (i) => {
          const r = CONDOR_GREEKS(4990 + (i % 20), 4850, 4900, 5100, 5150, days[i & 3], c1(0.18), 0.045, 0.013)[0];
          return r[0] + r[8];
        },
      },
    },
    {
      name: "RSI(14), 100,000 rows",
      unit: "ms",
      limit: 3,
      core: { name: "core", calls: 3, body: () => rsi(b.close, 14).values[last] },
      fn: { name: "fn", calls: 3, body: () => RSI(closes, null)[last][0] as number },
    },
    {
      name: "MACD(12,26,9), 100,000 rows",
      unit: "ms",
      limit: 3,
      core: { name: "core", calls: 3, body: () => macd(b.close).histogram[last] },
      fn: { name: "fn", calls: 3, body: () => MACD(closes, null, null, null)[last][2] as number },
    },
    {
      name: "OHLC_VOL(20, yang-zhang), 100,000 rows",
      unit: "ms",
      limit: 3,
      core: { name: "core", calls: 3, body: () => ohlcVol(b.open, b.high, b.low, b.close, 20, "yang-zhang").values[last] },
      fn: { name: "fn", calls: 3, body: () => OHLC_VOL(o, h, l, c, 20, null, null)[last][0] as number },
    },
    {
      name: "CONDOR_PAYOFF today (30 days), 100,000 prices",
      unit: "ms",
      limit: 3,
      core: { name: "core", calls: 1, body: () => condorPayoff(strikes, 30, prices, 30, 0.18, 0.045, 0.013)[last] },
      fn: { name: "fn", calls: 1, body: () => CONDOR_PAYOFF(4850, 4900, 5100, 5150, 30, priceCol, 30, c1(0.18), 0.045, 0.013)[last][0] as number },
    },
    {
      name: "POSITION_GREEKS, 100,000 legs",
      unit: "ms",
      limit: 3,
      core: { name: "core", calls: 1, body: () => positionGreeks(legs, 5000, 0.045, 0.013).delta },
      fn: { name: "fn", calls: 1, body: () => POSITION_GREEKS(legRows, 5000, 0.045, 0.013)[0][1] as number },
    },
  ];
}

export function run(): void {
  const rows: string[][] = [];
  for (const p of pairs()) {
    const rounds = p.unit === "ns" ? 21 : 9;
    const [core, fn] = interleaved([p.core, p.fn], rounds);
    const r = ratio(fn, core);
    const scale = p.unit === "ns" ? 1 : 1e-6;
    rows.push([
      p.name,
      `${spread(core, scale)} ${p.unit}`,
      `${spread(fn, scale)} ${p.unit}`,
      spread(r),
      p.limit === undefined ? "" : `<= ${p.limit}: ${r.median <= p.limit ? "met" : "NOT met"}`,
    ]);
    if (p.limit !== undefined) targets.push({ what: `function / core: ${p.name}`, ratio: r, limit: p.limit });
  }
  table(
    "Function layer: the registered function as Excel calls it vs the core call it wraps (median (min-max) of interleaved rounds)",
    ["function", "core", "registered function", "function / core", "target"],
    rows,
    ["(Excel-shaped arguments: matrix parameters as rows of cells, a single cell as [[x]]; the cells were built before timing, as Excel builds them.)"],
  );
}
