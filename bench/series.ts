/** A deterministic SPX-like daily OHLC path (lognormal steps, open and close inside the range), for the bench. */
export function bars(n: number): { open: number[]; high: number[]; low: number[]; close: number[] } {
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
