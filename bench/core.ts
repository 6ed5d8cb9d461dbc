/**
 * The core's price + nine outputs and its implied vol, on the same 1,000 inputs as the plain C
 * BSM used for #9's ratio (SPX-like: spot 5000, strikes 4500..5499, vols 0.1..0.4, 1..90 days,
 * rate 4.5%, yield 1.3%, out-of-the-money calls and puts). Prints ns per call, median of 7 rounds.
 */
import { optionGreeks, optionPrice } from "../src/core/bsm";
import { impliedVol } from "../src/core/impliedVol";

const M = 1000;
const K = Float64Array.from({ length: M }, (_, i) => 4500 + i);
const V = Float64Array.from({ length: M }, (_, i) => 0.1 + 0.0003 * i);
const D = Float64Array.from({ length: M }, (_, i) => 1 + (i % 90));
// Out-of-the-money (the quotes an implied vol is taken from): calls above spot, puts below.
const kinds: Array<"call" | "put"> = Array.from({ length: M }, (_, i) => (4500 + i >= 5000 ? "call" : "put"));
const P = Float64Array.from({ length: M }, (_, i) => optionPrice(kinds[i], 5000, K[i], D[i], V[i], 0.045, 0.013));

function median(f: () => number, n: number): number {
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < n; k++) sink += f();
    times.push(Number(process.hrtime.bigint() - t0) / (n * M));
  }
  if (sink === 42) console.log(sink);
  return times.sort((a, b) => a - b)[3];
}

export function runCore(): void {
  const greeks = median(() => {
    let s = 0;
    for (let i = 0; i < M; i++) {
      const g = optionGreeks(kinds[i], 5000, K[i], D[i], V[i], 0.045, 0.013);
      s += g.price + g.vomma;
    }
    return s;
  }, 400);
  const iv = median(() => {
    let s = 0;
    for (let i = 0; i < M; i++) s += impliedVol(kinds[i], P[i], 5000, K[i], D[i], 0.045, 0.013);
    return s;
  }, 100);
  console.log(`core optionGreeks (price + 8): ${greeks.toFixed(1)} ns/call; impliedVol: ${iv.toFixed(1)} ns/call`);
}

if (require.main === module) runCore();
