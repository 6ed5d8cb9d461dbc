/**
 * A small, honest timing harness for `npm run bench` (never used by tests): warm up, then run
 * batches until at least `minMs` have passed, and report the best batch's nanoseconds per call
 * (the least disturbed by the other core or the GC). `sink` keeps results alive so that the JIT
 * cannot drop the work.
 */
export let sink = 0;

export function nsPerCall(body: (i: number) => number, calls = 10_000, minMs = 300): number {
  for (let i = 0; i < calls; i++) sink += body(i); // warm-up
  let best = Infinity;
  const started = performance.now();
  while (performance.now() - started < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) sink += body(i);
    best = Math.min(best, ((performance.now() - t0) * 1e6) / calls);
  }
  return best;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => String(r[j] ?? "").length)));
  console.log(`\n${title}`);
  cells.forEach((r, i) => {
    console.log(r.map((c, j) => String(c ?? "").padEnd(widths[j])).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  });
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e6 || a < 1e-3 ? x.toExponential(2) : x.toPrecision(4);
}
