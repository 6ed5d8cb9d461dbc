/**
 * Bench section "signals": every market signal on a 100,000-point series, in milliseconds per
 * call: the pure core (src/core/signals) and the whole custom function as Excel calls it
 * (reading the cells of a 100,000 x 1 range, computing, laying the result out with #N/A
 * warm-up cells). The difference is the price of Excel's cell format: one small array per
 * row in and out.
 */
import "../src/functions/runtime"; // the stand-in CustomFunctions, so the adapters run outside Excel
import { adLine, ema, macd, ohlcVol, realizedVol, rsi } from "../src/core/signals";
import { AD_LINE, EMA, MACD, OHLC_VOL, REALIZED_VOL, RSI } from "../src/functions/signals";
import { nsPerCall, printTable } from "./harness";

const N = 100_000;

/** A deterministic SPX-like daily OHLC path (lognormal steps, open and close inside the range). */
function bars(n: number): { open: number[]; high: number[]; low: number[]; close: number[] } {
  let seed = 12345;
  const u = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  const z = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const out = { open: [] as number[], high: [] as number[], low: [] as number[], close: [] as number[] };
  let last = 5000;
  for (let i = 0; i < n; i++) {
    const open = last * Math.exp(0.005 * z());
    const close = open * Math.exp(0.01 * z());
    out.open.push(open);
    out.close.push(close);
    out.high.push(Math.max(open, close) * Math.exp(0.004 * Math.abs(z())));
    out.low.push(Math.min(open, close) * Math.exp(-0.004 * Math.abs(z())));
    last = close;
  }
  return out;
}

/** Milliseconds per call: best of repeated batches of 3 calls (see harness.ts). */
const ms = (body: () => number) => nsPerCall(body, 3, 300) / 1e6;

export function run(): void {
  const b = bars(N);
  const x = b.close;
  const col = (xs: number[]) => xs.map((v) => [v]);
  const [o, h, l, c] = [col(b.open), col(b.high), col(b.low), col(b.close)];
  const last = N - 1;
  const cell = (m: unknown) => (m as number[][])[last][0];

  const rows: Array<[string, number, number]> = [
    ["EMA(20)", ms(() => ema(x, 20).values[last]), ms(() => cell(EMA(c, 20)))],
    ["RSI(14)", ms(() => rsi(x).values[last]), ms(() => cell(RSI(c, null)))],
    ["MACD(12,26,9)", ms(() => macd(x).histogram[last]), ms(() => cell(MACD(c, null, null, null)))],
    ["AD_LINE", ms(() => adLine(x, x)[last]), ms(() => cell(AD_LINE(c, c)))],
    ["REALIZED_VOL(20)", ms(() => realizedVol(x).values[last]), ms(() => cell(REALIZED_VOL(c, null, null)))],
    ["REALIZED_VOL(250)", ms(() => realizedVol(x, 250).values[last]), ms(() => cell(REALIZED_VOL(c, 250, null)))],
  ];
  for (const m of ["parkinson", "garman-klass", "rogers-satchell", "yang-zhang"] as const) {
    rows.push([
      `OHLC_VOL(20, ${m})`,
      ms(() => ohlcVol(b.open, b.high, b.low, b.close, 20, m).values[last]),
      ms(() => cell(OHLC_VOL(o, h, l, c, 20, m, null))),
    ]);
  }
  printTable(`Each signal on ${N.toLocaleString("en-US")} points, ms per call (best batch)`, ["signal", "core ms", "custom function ms"], rows);
}
