/**
 * Bench section "signals": every market signal on a 100,000-point series, in milliseconds per
 * call: the pure core (src/core/signals) and the whole custom function as Excel calls it
 * (reading the cells of a 100,000 x 1 range, computing, laying the result out with #N/A
 * warm-up cells), timed side by side in interleaved rounds. The difference is the price of
 * Excel's cell format: one small array per row in and out.
 */
import "../src/functions/runtime"; // the stand-in CustomFunctions, so the adapters run outside Excel
import { adLine, ema, macd, ohlcVol, realizedVol, rsi } from "../src/core/signals";
import { AD_LINE, EMA, MACD, OHLC_VOL, REALIZED_VOL, RSI } from "../src/functions/signals";
import { interleaved, ratio, spread, table } from "./harness";
import { bars } from "./series";

const N = 100_000;

export function run(): void {
  const b = bars(N);
  const x = b.close;
  const col = (xs: number[]) => xs.map((v) => [v]);
  const [o, h, l, c] = [col(b.open), col(b.high), col(b.low), col(b.close)];
  const last = N - 1;
  const cell = (m: unknown[][]) => m[last][0] as number;

  const cases: Array<[string, () => number, () => number]> = [
    ["EMA(20)", () => ema(x, 20).values[last], () => cell(EMA(c, 20))],
    ["RSI(14)", () => rsi(x).values[last], () => cell(RSI(c, null))],
    ["MACD(12,26,9)", () => macd(x).histogram[last], () => cell(MACD(c, null, null, null))],
    ["AD_LINE", () => adLine(x, x)[last], () => cell(AD_LINE(c, c))],
    ["REALIZED_VOL(20)", () => realizedVol(x).values[last], () => cell(REALIZED_VOL(c, null, null))],
    ["REALIZED_VOL(250)", () => realizedVol(x, 250).values[last], () => cell(REALIZED_VOL(c, 250, null))],
  ];
  for (const m of ["parkinson", "garman-klass", "rogers-satchell", "yang-zhang"] as const) {
    cases.push([`OHLC_VOL(20, ${m})`, () => ohlcVol(b.open, b.high, b.low, b.close, 20, m).values[last], () => cell(OHLC_VOL(o, h, l, c, 20, m, null))]);
  }
  const rows = cases.map(([name, core, fn]) => {
    const [tc, tf] = interleaved(
      [
        { name: "core", calls: 2, body: core },
        { name: "fn", calls: 2, body: fn },
      ],
      7,
    );
    return [name, spread(tc, 1e-6), spread(tf, 1e-6), spread(ratio(tf, tc))];
  });
  table(
    `Each signal on ${N.toLocaleString("en-US")} points, ms per call: median (min-max) of 7 interleaved rounds`,
    ["signal", "core ms", "custom function ms", "function / core"],
    rows,
  );
}
