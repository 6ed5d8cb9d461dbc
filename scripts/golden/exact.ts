/**
 * Generates the bench's EXACT references, once: bench/golden/bsm-exact.json (price and the
 * eight greeks of every input of bench/inputs.ts optionInputs) and bench/golden/iv-exact.json
 * (the exact implied vol of every double price of ivInputs).
 *
 *   npm run golden
 *
 * Every value is computed from the double inputs taken exactly (T = days / 365 in fixed point,
 * not a rounded double) with the BigInt fixed-point oracle test/helpers/highPrecision.ts (its own
 * exp, log, sqrt, pi and erf series; nothing shared with src/core), at 200 + ~1.45 d^2 bits, and
 * rounded once to the nearest double. The closed forms are SPEC.md's units (bsm.ts's table):
 *
 *   price  Dr s (F N(s d1) - K N(s d2))            delta  s Dq N(s d1)
 *   gamma  Dq n(d1) / (S sd)                        vega   S Dq n(d1) sqrt(T) / 100
 *   theta  (-S Dq n(d1) vol / (2 sqrt T) + s (q S Dq N(s d1) - r K Dr N(s d2))) / 365
 *   rho    s K T Dr N(s d2) / 100                   vanna  -Dq n(d1) d2 / vol / 100
 *   charm  (s q Dq N(s d1) - Dq n(d1) ((r - q) / sd - d2 / (2 T))) / 365
 *   vomma  S Dq n(d1) sqrt(T) d1 d2 / vol / 10000
 *
 * with s = +1 (call) / -1 (put), F = S e^{(r-q)T}, Dr = e^{-rT}, Dq = e^{-qT}, sd = vol sqrt(T).
 * The implied vol is the root of exact-price(vol) = the double price, by Newton's method in fixed
 * point from the vol the price was made at (a seed only: iterated until the step is below 2^-110
 * of the vol), so it is the exact implied vol of that double price, not the vol it started from.
 */
import * as fs from "fs";
import * as path from "path";
import { bitsForTail, div, exp, fromDouble, log, mul, normCdfFixed, pi, sqrt, toDouble, type Fixed } from "../../test/helpers/highPrecision";
import { ivInputs, optionInputs, type OptionInput } from "../../bench/inputs";

const GREEKS = ["price", "delta", "gamma", "theta", "vega", "rho", "vanna", "charm", "vomma"] as const;

interface Model {
  bits: number;
  S: Fixed;
  K: Fixed;
  T: Fixed;
  sqrtT: Fixed;
  Dr: Fixed;
  Dq: Fixed;
  F: Fixed;
  lnFK: Fixed;
  r: Fixed;
  q: Fixed;
  sign: bigint;
}

/** Working precision for |d| up to about ln(F/K)/sd + sd/2 at the smallest vol tried. */
function bitsFor(x: OptionInput, vol: number): number {
  const sd = vol * Math.sqrt(x.days / 365);
  const d = Math.abs(Math.log(x.spot / x.strike) + (x.rate * x.days) / 365) / sd + sd / 2 + 2;
  return bitsForTail(d, 200);
}

function model(x: OptionInput, bits: number): Model {
  const S = fromDouble(x.spot, bits);
  const K = fromDouble(x.strike, bits);
  const T = div(fromDouble(x.days, bits), fromDouble(365, bits), bits);
  const r = fromDouble(x.rate, bits);
  const q = BigInt(0); // the grids have yield 0
  const Dr = exp(-mul(r, T, bits), bits);
  const Dq = exp(-mul(q, T, bits), bits);
  const F = div(mul(S, Dq, bits), Dr, bits);
  return { bits, S, K, T, sqrtT: sqrt(T, bits), Dr, Dq, F, lnFK: log(div(F, K, bits), bits), r, q, sign: BigInt(x.kind === "call" ? 1 : -1) };
}

/** The nine outputs at `vol` (fixed point), SPEC.md units. */
function outputs(m: Model, volFixed: Fixed): Record<(typeof GREEKS)[number], Fixed> {
  const { bits, S, K, T, sqrtT, Dr, Dq, F, lnFK, r, q, sign } = m;
  const s = sign;
  const sd = mul(volFixed, sqrtT, bits);
  const d1 = div(lnFK, sd, bits) + sd / BigInt(2);
  const d2 = d1 - sd;
  const n1 = div(exp(-mul(d1, d1, bits) / BigInt(2), bits), sqrt(BigInt(2) * pi(bits), bits), bits);
  const Nd1 = normCdfFixed(s * d1, bits);
  const Nd2 = normCdfFixed(s * d2, bits);
  const price = s * mul(Dr, mul(F, Nd1, bits) - mul(K, Nd2, bits), bits);
  const spotPdf = mul(mul(S, Dq, bits), n1, bits);
  const vega1 = mul(spotPdf, sqrtT, bits);
  const carry = s * (mul(mul(q, S, bits), mul(Dq, Nd1, bits), bits) - mul(mul(r, K, bits), mul(Dr, Nd2, bits), bits));
  const theta1 = -div(mul(spotPdf, volFixed, bits), BigInt(2) * sqrtT, bits) + carry;
  const rho1 = s * mul(mul(K, T, bits), mul(Dr, Nd2, bits), bits);
  const vanna1 = -div(mul(mul(Dq, n1, bits), d2, bits), volFixed, bits);
  const dd1dT = div(r - q, sd, bits) - div(d2, BigInt(2) * T, bits);
  const charm1 = s * mul(q, mul(Dq, Nd1, bits), bits) - mul(mul(Dq, n1, bits), dd1dT, bits);
  const vomma1 = div(mul(mul(vega1, d1, bits), d2, bits), volFixed, bits);
  const c = (n: number) => BigInt(n);
  return {
    price,
    delta: s * mul(Dq, Nd1, bits),
    gamma: div(mul(Dq, n1, bits), mul(S, sd, bits), bits),
    theta: theta1 / c(365),
    vega: vega1 / c(100),
    rho: rho1 / c(100),
    vanna: vanna1 / c(100),
    charm: charm1 / c(365),
    vomma: vomma1 / c(10000),
  };
}

function write(file: string, data: { cases: unknown[] } & Record<string, unknown>): void {
  const out = path.join(process.cwd(), "bench", "golden", file); // run from the repository root (npm run golden)
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // One case per line: compact, and a regenerated file diffs line by line.
  const { cases, ...head } = data;
  const top = JSON.stringify(head).slice(0, -1);
  fs.writeFileSync(out, `${top},"cases":[\n${cases.map((c) => JSON.stringify(c)).join(",\n")}\n]}\n`);
  console.log(`wrote ${out}`);
}

function main(): void {
  const started = Date.now();
  const bsm = optionInputs().map((x) => {
    const bits = bitsFor(x, x.vol);
    const o = outputs(model(x, bits), fromDouble(x.vol, bits));
    return { ...x, exact: GREEKS.map((g) => toDouble(o[g], bits)) };
  });
  write("bsm-exact.json", {
    about:
      "Exact (BigInt fixed point, 200+ bits, rounded once) BSM price and greeks of bench/inputs.ts optionInputs, SPEC.md units; generated by scripts/golden/exact.ts",
    outputs: GREEKS,
    cases: bsm,
  });
  console.log(`bsm: ${bsm.length} cases, ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const iv = ivInputs().map((x) => {
    const bits = bitsFor(x, x.vol * 0.9) + 64;
    const m = model(x, bits);
    const target = fromDouble(x.price, bits);
    let vol = fromDouble(x.vol, bits);
    for (let it = 0; ; it++) {
      const o = outputs(m, vol);
      const step = div(o.price - target, o.vega * BigInt(100), bits);
      vol -= step;
      const a = step < BigInt(0) ? -step : step;
      if (a <= vol >> BigInt(110)) break;
      if (it > 50) throw new Error(`no convergence at ${JSON.stringify(x)}`);
    }
    return {
      kind: x.kind,
      price: x.price,
      spot: x.spot,
      strike: x.strike,
      days: x.days,
      rate: x.rate,
      wing: x.wing,
      seedVol: x.vol,
      exactVol: toDouble(vol, bits),
    };
  });
  write("iv-exact.json", {
    about:
      "Exact implied vol (Newton in BigInt fixed point on the exact BSM price, step < 2^-110, rounded once) of each double price of bench/inputs.ts ivInputs; generated by scripts/golden/exact.ts",
    cases: iv,
  });
  console.log(`iv: ${iv.length} cases, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
