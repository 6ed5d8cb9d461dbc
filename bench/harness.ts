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

/** Nanoseconds per call of one case over interleaved rounds: median and the range seen. */
export interface Timing {
  median: number;
  min: number;
  max: number;
  /** One sample per round, in round order (for per-round ratios). */
  samples: number[];
}

/**
 * One thing to time: `body(i)` is one call (its result goes to `sink`), run `calls` times per
 * round; or `measure()`, which runs a batch itself (a native process) and returns ns per call.
 */
export interface Case {
  name: string;
  calls?: number;
  body?: (i: number) => number;
  measure?: () => number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timing(samples: number[]): Timing {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
}

/**
 * Interleaved rounds: round 1 times A, B, C..., round 2 times A, B, C... again, so that a noisy
 * moment (the other core busy, a GC) falls on every case alike instead of on one. Each case is
 * warmed up first. Returns each case's median and min-max over the rounds (never the best batch).
 */
export function interleaved(cases: readonly Case[], rounds = 15): Timing[] {
  const run = (c: Case): number => {
    if (c.measure) return c.measure();
    const body = c.body as (i: number) => number;
    const calls = c.calls ?? 10_000;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) sink += body(i);
    return ((performance.now() - t0) * 1e6) / calls;
  };
  for (const c of cases) run(c); // warm-up round, not kept
  const samples = cases.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) cases.forEach((c, k) => samples[k].push(run(c)));
  return samples.map(timing);
}

/** The ratio a / b per round (the two were timed side by side), as median and min-max. */
export function ratio(a: Timing, b: Timing): Timing {
  return timing(a.samples.map((x, r) => x / b.samples[r]));
}

/** "median (min-max)" of a timing, scaled (e.g. 1e-6 for ms from ns). */
export function spread(t: Timing, scale = 1, digits = 3): string {
  const f = (x: number) => formatNumber(x * scale).replace(/^(\d+)\.(\d+)$/, (_m, a: string, b: string) => (a.length >= digits ? a : `${a}.${b}`));
  return `${f(t.median)} (${f(t.min)}-${f(t.max)})`;
}

/** Tables collected during a run, for `--write <file.md>`. */
export const report: Array<{ title: string; header: string[]; rows: string[][]; notes: string[] }> = [];

/** Prints a table (printTable) and keeps it, with notes, for the Markdown report. */
export function table(title: string, header: string[], rows: Array<Array<string | number>>, notes: string[] = []): void {
  printTable(title, header, rows);
  for (const n of notes) console.log(n);
  report.push({ title, header, rows: rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c))), notes });
}
