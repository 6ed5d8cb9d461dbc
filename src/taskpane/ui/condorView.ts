/**
 * The analyst's view of a condor block: the summary card (strikes, credit, breakevens, max
 * profit and loss, POP, P50, dollar greeks) and the payoff chart with its markers, a hover and
 * keyboard readout, the date slider (today to expiry) and a vol shift for the "today" curve.
 * Numbers come from the evaluated block (the same cells Excel computes) and, for the curves,
 * from the bundle's own functions through shieldCalls.ts.
 */
import { formatIsoDate } from "../plan/fields";
import type { Plan, CondorModel } from "../plan/types";
import { formatValue, isCellError, type CellResult, type FunctionLookup, type PreviewGrid } from "../preview";
import { NOT_AVAILABLE, breakevenAt, condorPayoff, expectedMove, type CondorArgs } from "../shieldCalls";
import { h } from "./dom";
import { CHART, dollars, payoffChartSvg, priceText, type PayoffChartData } from "./payoffSvg";

/** At most this many prices on the chart's x grid. */
const MAX_POINTS = 400;

/** The chart's prices: the strike grid across the payoff table's range, plus every strike and spot. */
export function chartPrices(m: CondorModel): number[] {
  const first = m.prices[0];
  const last = m.prices[m.prices.length - 1];
  const step = m.increment * Math.max(1, Math.ceil((last - first) / m.increment / MAX_POINTS));
  const out: number[] = [];
  for (let i = 0; first + i * step <= last + 1e-9; i++) out.push(Math.round((first + i * step) * 1e9) / 1e9);
  const all = [...out, ...m.strikes, m.spot].filter((p) => p >= first && p <= last).sort((a, b) => a - b);
  return all.filter((p, i) => i === 0 || p - all[i - 1] > 1e-9);
}

/** The curves' inputs as shieldCalls takes them. */
export function condorArgs(m: CondorModel): CondorArgs {
  return { strikes: m.strikes, credit: m.credit, vols: m.vols, rate: m.rate, yield: m.yield };
}

/** Leg vols moved by `shiftPts` vol points, floored at 0.01 (as STRESS floors a shocked vol). */
export function shiftedVols(vols: CondorModel["vols"], shiftPts: number): [number, number, number, number] {
  return vols.map((v) => Math.max(0.01, v + shiftPts / 100)) as [number, number, number, number];
}

/** ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const [y, mo, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/**
 * The chart's data for the slider at `elapsed` calendar days from today and `volShift` vol
 * points: the expiry curve and the "today" curve (CONDOR_PAYOFF with daysLeft = days - elapsed
 * and the shifted vols; at or past expiry, the expiry curve), in position dollars.
 */
export function chartData(
  m: CondorModel,
  lookup: FunctionLookup,
  breakevens: Array<number | null>,
  elapsed: number,
  volShift: number,
): { data: PayoffChartData; daysLeft: number; error?: string } {
  const prices = chartPrices(m);
  const scale = m.quantity * m.multiplier;
  const args = condorArgs(m);
  const expiry = condorPayoff(lookup, args, prices, 0);
  const daysLeft = Math.max(0, m.days - elapsed);
  const today = condorPayoff(lookup, args, prices, daysLeft, shiftedVols(m.vols, volShift));
  const low = expectedMove(lookup, m.spot, m.vols[1], m.days);
  const high = expectedMove(lookup, m.spot, m.vols[2], m.days);
  const data: PayoffChartData = {
    prices,
    expiry: expiry.ok ? expiry.value.map((v) => v * scale) : prices.map(() => NaN),
    today: today.ok ? today.value.map((v) => v * scale) : null,
    todayName: elapsed === 0 ? "Today" : `In ${elapsed} d`,
    spot: m.spot,
    strikes: m.strikes,
    breakevens,
    move: low.ok && high.ok ? { low: m.spot - low.value, high: m.spot + high.value } : null,
  };
  const error = !expiry.ok ? expiry.error.message : !today.ok ? today.error.message : undefined;
  return { data, daysLeft, error };
}

const valueAt = (plan: Plan, grid: PreviewGrid, key: string): CellResult => {
  const k = plan.keyCells[key];
  return k ? grid.values[k.row][k.col] : null;
};

/** The Excel number format of a key cell (its own, or its spill head's column format). */
function formatOf(plan: Plan, key: string): string | undefined {
  const k = plan.keyCells[key];
  if (!k) return undefined;
  const cell = plan.cells.find((c) => c.row === k.row && c.col === k.col);
  if (cell?.format) return cell.format;
  const head = plan.cells.find((c) => c.spill && k.row >= c.row && k.row < c.row + c.spill.rows && k.col >= c.col && k.col < c.col + c.spill.cols);
  return head?.columnFormats?.[k.col - (head?.col ?? 0)] ?? head?.format;
}

/** One tile of the summary: a label, a value, optionally a small line under it; `where` (its cell) shows on hover. */
function tile(key: string, label: string, value: string, sub?: string, where?: string, wide = false): HTMLElement {
  return h(
    "div",
    { class: `tile${wide ? " wide" : ""}`, "data-key": key, title: where ? `Cell ${where}` : undefined },
    h("dt", {}, label),
    h("dd", {}, h("span", { class: "value" }, value), sub ? h("span", { class: "sub" }, sub) : null),
  );
}

export interface CondorViewOptions {
  /** Today's date (ISO), the slider's 0. */
  today: string;
  /** Prefix for cell addresses shown in the card ("" in Excel's own block, or the preview's). */
  addressOf?: (row: number, col: number) => string;
}

/** The summary card and the interactive chart of a condor plan, evaluated. */
export function condorView(plan: Plan, grid: PreviewGrid, lookup: FunctionLookup, options: CondorViewOptions): HTMLElement {
  const m = plan.model;
  if (!m) return h("div");
  const fmt = (key: string) => formatValue(valueAt(plan, grid, key), formatOf(plan, key));
  const num = (key: string): number | null => {
    const v = valueAt(plan, grid, key);
    return typeof v === "number" ? v : null;
  };
  const where = (key: string) => {
    const k = plan.keyCells[key];
    return k && options.addressOf ? options.addressOf(k.row, k.col) : undefined;
  };
  const args = condorArgs(m);

  // --- summary card ---
  const strikes = `${fmt("putLong")} / ${fmt("putShort")} · ${fmt("callShort")} / ${fmt("callLong")}`;
  const creditUnit = num("credit");
  const credit$ = creditUnit === null ? fmt("credit") : dollars(creditUnit * m.quantity * m.multiplier, 2);
  const be = [valueAt(plan, grid, "lowerBreakeven"), valueAt(plan, grid, "upperBreakeven")];
  const beText = be.map((v, i) => formatValue(v, formatOf(plan, i === 0 ? "lowerBreakeven" : "upperBreakeven"))).join(" – ");
  // P50 is the block's own PROB_PROFIT_TARGET cell (the same number Excel shows).
  const p50Value = valueAt(plan, grid, "p50");
  const p50 = { text: fmt("p50"), note: isCellError(p50Value) ? p50Value.message : undefined };
  const maxLoss = num("maxLoss");
  const $num = (key: string) => {
    const v = num(key);
    return v === null ? fmt(key) : dollars(v, 2);
  };
  const beAtSlot = h("span", { class: "value" });
  const beAtSub = h("span", { class: "sub" });
  const beAtLabel = h("dt", {}, "Breakevens at the slider's date");
  const card = h(
    "section",
    { class: "card summary-card", "aria-label": "Condor summary" },
    h("h3", {}, `${m.quantity} x iron condor, ${m.days} d`),
    h(
      "dl",
      { class: "tiles" },
      tile("strikes", "Strikes: long put / short put · short call / long call", strikes, undefined, undefined, true),
      tile("credit", "Credit", `${fmt("credit")} /unit`, `${credit$} position`, where("credit")),
      tile("pop", "POP", fmt("pop"), undefined, where("pop")),
      tile("breakevens", "Breakevens at expiry", beText, undefined, where("lowerBreakeven"), true),
      h("div", { class: "tile wide", "data-key": "breakevensAt" }, beAtLabel, h("dd", {}, beAtSlot, beAtSub)),
      tile("maxProfit", "Max profit", maxProfitText(num("maxProfit"), fmt("maxProfit")), undefined, where("maxProfit")),
      tile("maxLoss", "Max loss", maxLoss === null ? fmt("maxLoss") : dollars(-maxLoss, 2), undefined, where("maxLoss")),
      tile("p50", "P50 (keep 50% of credit)", p50.text, p50.note, where("p50")),
    ),
    h(
      "dl",
      { class: "tiles three", "aria-label": "Position greeks" },
      tile("delta", "Delta (units)", fmt("positionDelta"), undefined, where("positionDelta")),
      tile("theta", "Theta $/day", $num("positionTheta"), undefined, where("positionTheta")),
      tile("vega", "Vega $/vol pt", $num("positionVega"), undefined, where("positionVega")),
    ),
  );

  // --- chart ---
  const breakevens = be.map((v) => (typeof v === "number" ? v : null));
  const maxDays = Math.max(1, Math.ceil(m.days));
  const state = { elapsed: 0, volShift: 0, cursor: 0 };
  const svgBox = h("div", {
    class: "chart-svg",
    tabindex: "0",
    role: "slider",
    "aria-label": "Chart cursor: price (arrow keys move it)",
    "aria-valuemin": "0",
  });
  const readout = h("p", { class: "readout", id: "chart-readout", "aria-live": "polite" });
  const slider = h("input", {
    type: "range",
    id: "date-slider",
    min: "0",
    max: String(maxDays),
    step: "1",
    value: "0",
    "aria-describedby": "date-slider-text",
  });
  const sliderText = h("span", { id: "date-slider-text", class: "control-value" });
  const vol = h("input", { type: "range", id: "vol-shift", min: "-10", max: "10", step: "1", value: "0", "aria-describedby": "vol-shift-text" });
  const volText = h("span", { id: "vol-shift-text", class: "control-value" });
  const chartError = h("p", { class: "error", hidden: true });
  let current = chartData(m, lookup, breakevens, 0, 0);
  state.cursor = Math.max(
    0,
    current.data.prices.findIndex((p) => p >= m.spot),
  );

  const draw = () => {
    svgBox.innerHTML = payoffChartSvg(current.data, `Condor P/L, position $: at expiry and ${current.data.todayName.toLowerCase()}`, state.cursor);
    const p = current.data.prices[state.cursor];
    const e = current.data.expiry[state.cursor];
    const t = current.data.today?.[state.cursor];
    const text = `${priceText(p)}: at expiry ${dollars(e, 2)}; ${current.data.todayName.toLowerCase()} ${t === undefined ? "n/a" : dollars(t, 2)}`;
    readout.textContent = text;
    readout.dataset.price = String(p);
    svgBox.setAttribute("aria-valuemax", String(current.data.prices.length - 1));
    svgBox.setAttribute("aria-valuenow", String(state.cursor));
    svgBox.setAttribute("aria-valuetext", text);
  };
  const recompute = () => {
    current = chartData(m, lookup, breakevens, state.elapsed, state.volShift);
    chartError.hidden = !current.error;
    chartError.textContent = current.error ? `The "today" curve could not be computed: ${current.error}` : "";
    const date = addDays(options.today, state.elapsed);
    sliderText.textContent = `${formatIsoDate(date)}${state.elapsed === 0 ? " (today)" : ""}, ${priceText(Math.round(current.daysLeft * 100) / 100)} d to expiry`;
    volText.textContent = `${state.volShift > 0 ? "+" : ""}${state.volShift} vol pts`;
    const at = breakevenAt(lookup, args, current.daysLeft, shiftedVols(m.vols, state.volShift));
    beAtLabel.textContent = `Breakevens on ${formatIsoDate(date)} (BREAKEVEN_AT, ${priceText(Math.round(current.daysLeft * 100) / 100)} d left${state.volShift ? `, ${state.volShift > 0 ? "+" : ""}${state.volShift} vol pts` : ""})`;
    if (at.ok) {
      beAtSlot.textContent = at.value.map((v) => (isCellError(v) ? v.error : v.toFixed(2))).join(" – ");
      beAtSub.textContent = "";
    } else {
      beAtSlot.textContent = at.unavailable ? "—" : at.error.error;
      beAtSub.textContent = at.unavailable ? NOT_AVAILABLE : (at.error.message ?? "");
    }
    draw();
  };
  slider.addEventListener("input", () => {
    state.elapsed = Number(slider.value);
    recompute();
  });
  vol.addEventListener("input", () => {
    state.volShift = Number(vol.value);
    recompute();
  });
  const moveTo = (i: number) => {
    state.cursor = Math.min(current.data.prices.length - 1, Math.max(0, i));
    draw();
  };
  svgBox.addEventListener("pointermove", (ev) => {
    const svg = svgBox.querySelector("svg");
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const { W, l, r } = CHART;
    const x = ((ev.clientX - box.left) / box.width) * W;
    const prices = current.data.prices;
    const price = prices[0] + ((x - l) / (W - l - r)) * (prices[prices.length - 1] - prices[0]);
    let best = 0;
    prices.forEach((p, i) => {
      if (Math.abs(p - price) < Math.abs(prices[best] - price)) best = i;
    });
    moveTo(best);
  });
  svgBox.addEventListener("keydown", (ev) => {
    const n = current.data.prices.length;
    const jumps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    if (ev.key in jumps) moveTo(state.cursor + jumps[ev.key]);
    else if (ev.key === "Home") moveTo(0);
    else if (ev.key === "End") moveTo(n - 1);
    else return;
    ev.preventDefault();
  });
  recompute();

  const figure = h(
    "figure",
    { class: "card chart", "aria-label": "Payoff chart" },
    svgBox,
    readout,
    chartError,
    h(
      "div",
      { class: "controls" },
      h("div", { class: "control" }, h("label", { for: "date-slider" }, "Date"), slider, sliderText),
      h("div", { class: "control" }, h("label", { for: "vol-shift" }, "Vol shift"), vol, volText),
    ),
    h(
      "figcaption",
      { class: "hint" },
      "Markers: spot, the four strikes (axis), breakevens (diamonds), the shaded ±1 sd expected move. Hover, or focus the chart and use the arrow keys, to read a price.",
    ),
  );
  return h("div", { class: "analysis" }, card, figure);
}

function maxProfitText(v: number | null, fallback: string): string {
  return v === null ? fallback : dollars(v, 2);
}
