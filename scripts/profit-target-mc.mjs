/**
 * A seeded Monte Carlo of PROB_PROFIT_TARGET, independent of SHIELD's code, for
 * test/core/timeShift/profitTarget.test.ts (which runs it in a child process: jest's sandbox makes
 * Math.log and friends ~20x slower than plain node).
 *
 * Run: node scripts/profit-target-mc.mjs '{"spot":5000,"strikes":[4850,4900,5100,5150],"days":45,
 *      "vols":[0.18,0.18,0.18,0.18],"credit":34.6,"target":0.5,"rate":0.045,"yield":0.013,
 *      "paths":3000000,"seed":1}'
 * prints {"mean": ..., "se": ..., "paths": ...}.
 *
 * - Uniforms: xorshift128 (G. Marsaglia, "Xorshift RNGs", J. Stat. Software 8(14), 2003, the
 *   (11, 8, 19) generator of period 2^128 - 1), seeded by splitmix32 of `seed`. Normals: Box-Muller.
 * - Paths: exact lognormal steps of ln S with vol (vol_putShort + vol_callShort) / 2 and drift
 *   rate - yield - vol^2 / 2, from now to each monitoring date: the whole days before expiry still
 *   ahead (1 <= tau < days) and expiry (SPEC.md; the reading in docs/decisions.md).
 * - The mark: BSM per leg with its own vol, coded here with Marsaglia's series for the normal CDF
 *   (G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004). The hit
 *   set of each date, where the buy-back cost is at most (1 - target) x credit, is one interval
 *   (the condor's value is quasi-convex in ln S), found by ternary search for the minimum and
 *   bisection for its two ends.
 * - The standard error is computed from the samples: sqrt(p (1 - p) / (paths - 1)).
 */
const input = JSON.parse(process.argv[2]);

function normCdf(x) {
  if (x < -38) return 0;
  if (x > 38) return 1;
  let sum = x;
  let term = x;
  const q = x * x;
  for (let i = 3; ; i += 2) {
    term *= q / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - 0.91893853320467274178);
}

function bsm(kind, s, k, days, vol, r, q) {
  if (days === 0) return kind === "c" ? Math.max(s - k, 0) : Math.max(k - s, 0);
  const t = days / 365;
  const sd = vol * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (r - q) * t) / sd + sd / 2;
  const d2 = d1 - sd;
  return kind === "c"
    ? s * Math.exp(-q * t) * normCdf(d1) - k * Math.exp(-r * t) * normCdf(d2)
    : k * Math.exp(-r * t) * normCdf(-d2) - s * Math.exp(-q * t) * normCdf(-d1);
}

const [pl, ps, cs, cl] = input.strikes;
const v = input.vols;
const mark = (s, tau) =>
  bsm("p", s, ps, tau, v[1], input.rate, input.yield) -
  bsm("p", s, pl, tau, v[0], input.rate, input.yield) +
  bsm("c", s, cs, tau, v[2], input.rate, input.yield) -
  bsm("c", s, cl, tau, v[3], input.rate, input.yield);
const threshold = (1 - input.target) * input.credit;

function hitSet(tau) {
  const f = (x) => mark(Math.exp(x), tau) - threshold;
  let a = Math.log(pl);
  let b = Math.log(cl);
  for (let i = 0; i < 200; i++) {
    const c = a + (b - a) / 3;
    const d = b - (b - a) / 3;
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  const mid = (a + b) / 2;
  if (f(mid) > 0) return [Infinity, -Infinity];
  const end = (out, inside) => {
    for (let i = 0; i < 200; i++) {
      const m = (out + inside) / 2;
      if (f(m) <= 0) inside = m;
      else out = m;
    }
    return inside;
  };
  // Out far enough that the mark is back above the threshold, or unbounded.
  const lo = f(mid - 3) <= 0 ? -Infinity : end(mid - 3, mid);
  const hi = f(mid + 3) <= 0 ? Infinity : end(mid + 3, mid);
  return [lo, hi];
}

const taus = [];
for (let t = Math.ceil(input.days) - 1; t >= 1; t--) taus.push(t);
taus.push(0);
const sets = taus.map(hitSet);
const sigma = (v[1] + v[2]) / 2;
const drift = [];
const sd = [];
taus.forEach((t, i) => {
  const dt = ((i === 0 ? input.days : taus[i - 1]) - t) / 365;
  drift.push((input.rate - input.yield - 0.5 * sigma * sigma) * dt);
  sd.push(sigma * Math.sqrt(dt));
});

let seed = input.seed >>> 0;
const splitmix = () => {
  seed = (seed + 0x9e3779b9) >>> 0;
  let z = seed;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
};
let x = splitmix() || 1;
let y = splitmix();
let z = splitmix();
let w = splitmix();
const uniform = () => {
  const t = x ^ (x << 11);
  x = y;
  y = z;
  z = w;
  w = (w ^ (w >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
  return (w + 0.5) / 4294967296;
};
let spare = 0;
let haveSpare = false;
const normal = () => {
  if (haveSpare) {
    haveSpare = false;
    return spare;
  }
  const r = Math.sqrt(-2 * Math.log(uniform()));
  const a = 2 * Math.PI * uniform();
  spare = r * Math.sin(a);
  haveSpare = true;
  return r * Math.cos(a);
};

const x0 = Math.log(input.spot);
let hits = 0;
for (let p = 0; p < input.paths; p++) {
  let lx = x0;
  for (let i = 0; i < taus.length; i++) {
    lx += drift[i] + sd[i] * normal();
    if (lx >= sets[i][0] && lx <= sets[i][1]) {
      hits++;
      break;
    }
  }
}
const mean = hits / input.paths;
console.log(JSON.stringify({ mean, se: Math.sqrt((mean * (1 - mean)) / (input.paths - 1)), paths: input.paths }));
