/**
 * The condor's payoff chart as SVG markup, pure (numbers in, markup out): the expiry and
 * "today" (slider date) curves in position dollars, with markers for spot, the four strikes
 * (the x axis is labelled with the strikes themselves), the breakevens and the +/-1 sd expected
 * move, and an optional cursor at one price. The interactive part is ui/payoffChart.ts.
 */

export interface PayoffChartData {
  /** Prices, ascending (x). */
  prices: number[];
  /** Position $ P/L at expiry at each price. */
  expiry: number[];
  /** Position $ P/L at the slider's date (null: not computed, e.g. an error). */
  today: number[] | null;
  todayName: string;
  spot: number;
  strikes: readonly [number, number, number, number];
  /** Breakevens at expiry (null for a side that has none). */
  breakevens: Array<number | null>;
  /** Spot -/+ one standard deviation (null when unknown). */
  move: { low: number; high: number } | null;
}

export const CHART = { W: 340, H: 230, l: 56, r: 10, t: 26, b: 44 } as const;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Rounds an axis step to 1, 2 or 5 x 10^n. */
export function niceStep(span: number, ticks: number): number {
  const raw = span / Math.max(1, ticks);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Whole dollars with separators and a sign: -35,948 / +14,052 / 0. */
export function dollars(v: number, decimals = 0): string {
  const text = Math.abs(v).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const zero = Number(text.replace(/,/g, "")) === 0;
  return `${zero ? "" : v < 0 ? "-" : "+"}$${text}`;
}

/** A price as the axis and readout print it: whole numbers plain (4670), others to 2 decimals. */
export function priceText(p: number): string {
  return Number.isInteger(p) ? String(p) : p.toFixed(2);
}

/** The chart's scales for `data`. */
export function scales(data: PayoffChartData) {
  const { W, H, l, r, t, b } = CHART;
  const ys = [...data.expiry, ...(data.today ?? [])].filter((v) => Number.isFinite(v));
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(0, ...ys);
  if (y1 === y0) y1 = y0 + 1;
  const step = niceStep(y1 - y0, 4);
  y0 = Math.floor(y0 / step) * step;
  y1 = Math.ceil(y1 / step) * step;
  const x0 = data.prices[0];
  const x1 = data.prices[data.prices.length - 1];
  const px = (v: number) => l + ((v - x0) / (x1 - x0)) * (W - l - r);
  const py = (v: number) => H - b - ((v - y0) / (y1 - y0)) * (H - t - b);
  return { px, py, y0, y1, step, x0, x1 };
}

/** The whole chart; `cursor` is an index into `prices` to mark, if any. */
export function payoffChartSvg(data: PayoffChartData, title: string, cursor?: number): string {
  const { W, H, l, r, t, b } = CHART;
  if (data.prices.length < 2) return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}: no data"></svg>`;
  const { px, py, y0, y1, step, x0, x1 } = scales(data);
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  const inside = (x: number) => x >= x0 && x <= x1;
  // Expected move band (behind everything).
  if (data.move) {
    const lo = Math.max(x0, data.move.low);
    const hi = Math.min(x1, data.move.high);
    if (hi > lo) {
      parts.push(
        `<rect class="move" x="${f(px(lo))}" y="${t}" width="${f(px(hi) - px(lo))}" height="${H - t - b}"><title>+/-1 sd expected move: ${priceText(data.move.low)} to ${priceText(data.move.high)}</title></rect>`,
      );
      if (inside(data.move.low)) parts.push(`<text class="marker-label" x="${f(px(data.move.low) + 2)}" y="${t + 9}">-1sd</text>`);
      if (inside(data.move.high)) parts.push(`<text class="marker-label" x="${f(px(data.move.high) - 2)}" y="${t + 9}" text-anchor="end">+1sd</text>`);
    }
  }
  // Horizontal grid and y labels (whole dollars).
  for (let v = y0; v <= y1 + step / 2; v += step) {
    const y = f(py(v));
    parts.push(`<line x1="${l}" x2="${W - r}" y1="${y}" y2="${y}" class="grid${Math.abs(v) < step / 1e6 ? " zero" : ""}"/>`);
    parts.push(`<text x="${l - 4}" y="${f(py(v) + 3)}" text-anchor="end" class="tick">${esc(dollars(v))}</text>`);
  }
  // Strikes: dashed verticals, labelled on the axis (shorts on the first line, longs below, so neighbours never overlap).
  data.strikes.forEach((k, i) => {
    if (!inside(k)) return;
    const x = f(px(k));
    const long = i === 0 || i === 3;
    parts.push(
      `<line class="strike" x1="${x}" x2="${x}" y1="${t}" y2="${H - b}"><title>${long ? "Long" : "Short"} ${i < 2 ? "put" : "call"} ${priceText(k)}</title></line>`,
    );
    parts.push(`<text class="tick strike-label" x="${x}" y="${H - b + (long ? 22 : 11)}" text-anchor="middle">${priceText(k)}</text>`);
  });
  // Spot.
  if (inside(data.spot)) {
    const x = f(px(data.spot));
    parts.push(`<line class="spot" x1="${x}" x2="${x}" y1="${t - 4}" y2="${H - b}"><title>Spot ${priceText(data.spot)}</title></line>`);
    parts.push(`<text class="marker-label spot-label" x="${x}" y="${t - 7}" text-anchor="middle">spot ${priceText(data.spot)}</text>`);
  }
  // Curves.
  // Colours come from the stylesheet (classes expiry / today), so the light and dark themes both apply.
  const line = (values: number[], cls: string, name: string) => {
    const pts = values.map((v, i) => (Number.isFinite(v) ? `${f(px(data.prices[i]))},${f(py(v))}` : null)).filter((p): p is string => p !== null);
    parts.push(`<polyline class="curve ${cls}" fill="none" stroke-width="2" points="${pts.join(" ")}"><title>${esc(name)}</title></polyline>`);
  };
  line(data.expiry, "expiry", "At expiry");
  if (data.today) line(data.today, "today", data.todayName);
  // Breakevens: diamonds on the zero line.
  for (const be of data.breakevens) {
    if (be === null || !inside(be)) continue;
    const x = px(be);
    const y = py(0);
    parts.push(
      `<path class="breakeven" d="M${f(x)} ${f(y - 4)} L${f(x + 4)} ${f(y)} L${f(x)} ${f(y + 4)} L${f(x - 4)} ${f(y)} Z"><title>Breakeven ${be.toFixed(2)}</title></path>`,
    );
  }
  // Cursor.
  if (cursor !== undefined && data.prices[cursor] !== undefined) {
    const x = f(px(data.prices[cursor]));
    parts.push(`<line class="cursor" x1="${x}" x2="${x}" y1="${t}" y2="${H - b}"/>`);
    const dot = (v: number | undefined, cls: string) => {
      if (v !== undefined && Number.isFinite(v)) parts.push(`<circle class="cursor-dot ${cls}" cx="${x}" cy="${f(py(v))}" r="3.5"/>`);
    };
    dot(data.expiry[cursor], "expiry");
    dot(data.today?.[cursor], "today");
  }
  // Legend.
  const legend = [
    ["At expiry", "expiry"],
    [data.todayName, "today"],
  ];
  legend.forEach(([name, cls], k) => {
    const lx = l + k * 110;
    parts.push(`<line class="curve ${cls}" x1="${lx}" x2="${lx + 14}" y1="${H - 6}" y2="${H - 6}" stroke-width="2"/>`);
    parts.push(`<text x="${lx + 18}" y="${H - 3}" class="legend">${esc(name)}</text>`);
  });
  parts.push(
    `<text x="10" y="${(t + H - b) / 2}" text-anchor="middle" class="axis-title" transform="rotate(-90 10 ${(t + H - b) / 2})">P/L, position $</text>`,
  );
  return `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}
