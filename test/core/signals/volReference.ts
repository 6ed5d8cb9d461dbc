/**
 * Slow, obvious reference implementations of the volatility estimators for the tests: each
 * window recomputed from scratch with a two-pass mean/variance, straight from SPEC.md's
 * formulas. O(n * window); no shared code with src/core/signals.
 */
import { Bars } from "./paths";

function mean(x: number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

function sampleVariance(x: number[]): number {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) * (v - m), 0) / (x.length - 1);
}

/** Annualized close-to-close vol at every row (NaN before index `window`). */
export function referenceRealizedVol(closes: number[], window: number, ppy: number): number[] {
  return closes.map((_, i) => {
    if (i < window) return NaN;
    const r: number[] = [];
    for (let t = i - window + 1; t <= i; t++) r.push(Math.log(closes[t] / closes[t - 1]));
    return Math.sqrt(ppy * sampleVariance(r));
  });
}

/** Annualized OHLC vol at every row (NaN before index `window`), SPEC.md's four formulas. */
export function referenceOhlcVol(b: Bars, window: number, method: string, ppy: number): number[] {
  const { open: O, high: H, low: L, close: C } = b;
  return C.map((_, i) => {
    if (i < window) return NaN;
    const rows: number[] = [];
    for (let t = i - window + 1; t <= i; t++) rows.push(t);
    const n = window;
    let variance: number;
    if (method === "parkinson") {
      variance = rows.reduce((s, t) => s + Math.log(H[t] / L[t]) ** 2, 0) / (4 * n * Math.log(2));
    } else if (method === "garman-klass") {
      variance = mean(rows.map((t) => 0.5 * Math.log(H[t] / L[t]) ** 2 - (2 * Math.log(2) - 1) * Math.log(C[t] / O[t]) ** 2));
    } else {
      const rs = mean(rows.map((t) => Math.log(H[t] / C[t]) * Math.log(H[t] / O[t]) + Math.log(L[t] / C[t]) * Math.log(L[t] / O[t])));
      if (method === "rogers-satchell") variance = rs;
      else {
        const k = 0.34 / (1.34 + (n + 1) / (n - 1));
        const overnight = sampleVariance(rows.map((t) => Math.log(O[t] / C[t - 1])));
        const openClose = sampleVariance(rows.map((t) => Math.log(C[t] / O[t])));
        variance = overnight + k * openClose + (1 - k) * rs;
      }
    }
    return Math.sqrt(ppy * variance);
  });
}
