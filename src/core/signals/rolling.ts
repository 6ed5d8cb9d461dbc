/**
 * Rolling-window means and sample variances in linear time, for the volatility estimators.
 *
 * - Windows of up to DIRECT_WINDOW rows are summed directly for every row (two passes for a
 *   variance: the mean, then the squared deviations). Cost O(n * window) with window <= 64,
 *   so linear in n, and the result is as accurate as a textbook two-pass variance even for a
 *   window whose variance happens to be tiny next to its neighbours' (likely with 2 or 3 rows).
 * - Longer windows use running sums: add the newest row, remove the oldest. Such sums let
 *   rounding accumulate, so they are recomputed from scratch every `window` rows (O(window)
 *   once per `window` rows: still O(n) in total), and the variance's sums are taken around the
 *   window's mean at that restart, which keeps s2 - s1^2 / w free of cancellation when the mean
 *   is large next to the spread. The error is then about 1e-16 times (window mean - restart
 *   mean)^2 / variance, negligible when a window holds 65 rows or more.
 */

/** Windows up to this many rows are summed directly on every row. */
export const DIRECT_WINDOW = 64;

/**
 * Writes the mean of x[i-window+1 .. i] into out[i] for every i from `from` (>= window - 1)
 * to the end; other entries of `out` are left as they are.
 *
 * Units: those of x. Never throws (the caller has validated its inputs).
 *
 * @example rollingMean(Float64Array.of(1, 2, 3, 4), 2, 1, out) // out[1..3] = 1.5, 2.5, 3.5
 */
export function rollingMean(x: Float64Array, window: number, from: number, out: Float64Array): void {
  const n = x.length;
  if (window <= DIRECT_WINDOW) {
    for (let i = from; i < n; i++) {
      let sum = 0;
      for (let j = i - window + 1; j <= i; j++) sum += x[j];
      out[i] = sum / window;
    }
    return;
  }
  let sum = 0;
  let sinceRestart = window; // forces a full sum on the first row
  for (let i = from; i < n; i++) {
    if (sinceRestart === window) {
      sum = 0;
      for (let j = i - window + 1; j <= i; j++) sum += x[j];
      sinceRestart = 1;
    } else {
      sum += x[i] - x[i - window];
      sinceRestart++;
    }
    out[i] = sum / window;
  }
}

/**
 * Writes the sample variance (divisor window - 1, mean removed) of x[i-window+1 .. i] into
 * out[i] for every i from `from` (>= window - 1) to the end; other entries are left as they
 * are. `window` must be 2 or more. A window of equal values gives exactly 0; a result that
 * rounding would push below 0 is returned as 0.
 *
 * Units: those of x, squared. Never throws (the caller has validated its inputs).
 *
 * @example rollingVariance(Float64Array.of(1, 2, 4), 3, 2, out) // out[2] = 2.333... (var of 1, 2, 4)
 */
export function rollingVariance(x: Float64Array, window: number, from: number, out: Float64Array): void {
  const n = x.length;
  if (window <= DIRECT_WINDOW) {
    for (let i = from; i < n; i++) {
      let mean = 0;
      for (let j = i - window + 1; j <= i; j++) mean += x[j];
      mean /= window;
      let s2 = 0;
      for (let j = i - window + 1; j <= i; j++) s2 += (x[j] - mean) * (x[j] - mean);
      out[i] = s2 / (window - 1);
    }
    return;
  }
  let shift = 0;
  let s1 = 0;
  let s2 = 0;
  let sinceRestart = window;
  for (let i = from; i < n; i++) {
    if (sinceRestart === window) {
      const first = i - window + 1;
      shift = 0;
      for (let j = first; j <= i; j++) shift += x[j];
      shift /= window;
      s1 = 0;
      s2 = 0;
      for (let j = first; j <= i; j++) {
        const d = x[j] - shift;
        s1 += d;
        s2 += d * d;
      }
      sinceRestart = 1;
    } else {
      const added = x[i] - shift;
      const removed = x[i - window] - shift;
      s1 += added - removed;
      s2 += added * added - removed * removed;
      sinceRestart++;
    }
    const v = (s2 - (s1 * s1) / window) / (window - 1);
    out[i] = v > 0 ? v : 0;
  }
}
