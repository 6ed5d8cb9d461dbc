/**
 * Deterministic test data: a seeded generator and a realistic daily OHLC path (geometric
 * Brownian motion with overnight gaps), so that every run sees the same numbers.
 */

/** mulberry32: a small, well-known 32-bit seeded generator; uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
export function normals(seed: number): () => number {
  const u = seeded(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export interface Bars {
  open: number[];
  high: number[];
  low: number[];
  close: number[];
}

/**
 * n daily bars of an SPX-like index: annual vol `vol`, start 5000, an overnight gap with a
 * fifth of the daily variance, and an intraday path of `steps` steps (26 by default: 15-minute
 * bars) whose extremes are the high and low (so open and close always lie within [low, high]).
 */
export function spxBars(n: number, seed = 7, vol = 0.18, steps = 26): Bars {
  const z = normals(seed);
  const daily = vol / Math.sqrt(252);
  const bars: Bars = { open: [], high: [], low: [], close: [] };
  let last = 5000;
  for (let i = 0; i < n; i++) {
    const open = last * Math.exp(daily * Math.sqrt(0.2) * z());
    let p = open;
    let high = open;
    let low = open;
    for (let s = 0; s < steps; s++) {
      p *= Math.exp(daily * Math.sqrt(0.8 / steps) * z());
      high = Math.max(high, p);
      low = Math.min(low, p);
    }
    bars.open.push(open);
    bars.high.push(high);
    bars.low.push(low);
    bars.close.push(p);
    last = p;
  }
  return bars;
}
