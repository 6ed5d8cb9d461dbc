/**
 * The preview's payoff chart: a plain SVG line chart (the writer adds Excel's native chart
 * instead). Pure: returns markup from numbers, so it is testable without a DOM.
 */
export interface SvgSeries {
  name: string;
  values: Array<number | null>;
  color: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Rounds an axis step to 1, 2 or 5 x 10^n. */
export function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** SVG markup of a line chart of `series` against `x`, with axes, a zero line and a legend. */
export function lineChartSvg(title: string, x: number[], series: SvgSeries[], xTitle: string, yTitle: string): string {
  const W = 300;
  const H = 200;
  const m = { l: 52, r: 8, t: 22, b: 46 };
  const ys = series.flatMap((s) => s.values).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (x.length < 2 || ys.length === 0) return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}: no data"></svg>`;
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(0, ...ys);
  if (y1 === y0) y1 = y0 + 1;
  const step = niceStep(y1 - y0, 4);
  y0 = Math.floor(y0 / step) * step;
  y1 = Math.ceil(y1 / step) * step;
  const x0 = x[0];
  const x1 = x[x.length - 1];
  const px = (v: number) => m.l + ((v - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (v: number) => H - m.b - ((v - y0) / (y1 - y0)) * (H - m.t - m.b);
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 100) / 100));
  const parts: string[] = [];
  parts.push(`<text x="${W / 2}" y="14" text-anchor="middle" class="chart-title">${esc(title)}</text>`);
  for (let v = y0; v <= y1 + step / 2; v += step) {
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${py(v).toFixed(1)}" y2="${py(v).toFixed(1)}" class="grid${Math.abs(v) < step / 1e6 ? " zero" : ""}"/>`);
    parts.push(`<text x="${m.l - 4}" y="${(py(v) + 3).toFixed(1)}" text-anchor="end" class="tick">${fmt(v)}</text>`);
  }
  for (const i of [0, Math.floor((x.length - 1) / 2), x.length - 1]) {
    parts.push(`<text x="${px(x[i]).toFixed(1)}" y="${H - m.b + 12}" text-anchor="middle" class="tick">${fmt(x[i])}</text>`);
  }
  parts.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - m.b + 24}" text-anchor="middle" class="axis-title">${esc(xTitle)}</text>`);
  parts.push(`<text x="10" y="${(m.t + H - m.b) / 2}" text-anchor="middle" class="axis-title" transform="rotate(-90 10 ${(m.t + H - m.b) / 2})">${esc(yTitle)}</text>`);
  series.forEach((s, k) => {
    const pts = s.values
      .map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `${px(x[i]).toFixed(1)},${py(v).toFixed(1)}` : null))
      .filter((p): p is string => p !== null);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(" ")}"><title>${esc(s.name)}</title></polyline>`);
    const lx = m.l + k * 120;
    parts.push(`<line x1="${lx}" x2="${lx + 14}" y1="${H - 8}" y2="${H - 8}" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text x="${lx + 18}" y="${H - 4}" class="legend">${esc(s.name)}</text>`);
  });
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
