/**
 * The stress view: the condor's STRESS grid as a heatmap (rows SPX moves, columns VIX points),
 * with and without the hedge, a colour legend, a hover and keyboard readout, and "Write stress
 * block". The numbers are the core's stressGrid (stressPlan.ts), the code STRESS runs.
 */
import { stressHeatmap, type StressCell, type StressHeatmap, type StressInputs } from "../plan/stressPlan";
import { h } from "./dom";
import { dollars } from "./payoffSvg";

/** A heatmap cell's text at 350 px: whole dollars in thousands with one decimal ("-35.9k"), else "0". */
export function compactDollars(v: number): string {
  const k = Math.round(v / 100) / 10;
  if (k === 0) return Math.round(v) === 0 ? "0" : `${v < 0 ? "-" : "+"}${Math.abs(Math.round(v))}`;
  return `${k > 0 ? "+" : "-"}${Math.abs(k).toFixed(1)}k`;
}

/** The cell colour: red for a loss, green for a profit, stronger with |v| / scale (0 is the card's background). */
export function heatColour(v: number, scale: number): string {
  const t = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0;
  const alpha = Math.round(Math.sqrt(t) * 85) / 100; // sqrt: small P/L still shows a tint
  return v < 0 ? `rgba(209, 52, 56, ${alpha})` : `rgba(16, 124, 16, ${alpha})`;
}

const moveText = (s: number) => `${s > 0 ? "+" : s < 0 ? "−" : ""}${Math.abs(Math.round(s * 1000) / 10)}%`;
const vixText = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v)}`;

export interface StressViewOptions {
  /** Called with the inputs the heatmap shows when the user asks to write the block. */
  onWrite: (inputs: StressInputs) => void;
}

/** The stress card. */
export function stressView(inputs: StressInputs, options: StressViewOptions): HTMLElement {
  let map: StressHeatmap | undefined;
  let failure: string | undefined;
  try {
    map = stressHeatmap(inputs);
  } catch (error) {
    failure = (error as Error).message;
  }
  const card = h("section", { class: "card stress-card", "aria-label": "Stress" }, h("h3", {}, "Stress: P/L $ now, SPX move x VIX points (STRESS)"));
  if (!map) {
    card.append(h("p", { class: "error" }, `No stress grid: ${failure}`));
    return card;
  }
  const m = map;
  const hedged = m.hedged !== null;
  const state = { hedged, i: m.spotMoves.indexOf(0), j: m.vixMoves.indexOf(0) };
  if (state.i < 0) state.i = 0;
  if (state.j < 0) state.j = 0;
  const numbers = [...m.unhedged.flat(), ...(m.hedged?.flat() ?? [])].filter((v): v is number => typeof v === "number");
  const scale = Math.max(0, ...numbers.map(Math.abs));

  const source = h(
    "p",
    { class: "hint stress-source" },
    hedged ? `Hedge: ${inputs.hedgeSource}.` : "Hedge: none. Build or preview a hedge ladder to see the hedged grid.",
  );
  const toggle = h("div", { class: "segmented", role: "radiogroup", "aria-label": "Grid" });
  const buttons = [true, false].map((withHedge) => {
    const b = h(
      "button",
      { type: "button", role: "radio", "data-hedged": String(withHedge), disabled: withHedge && !hedged ? true : undefined },
      withHedge ? "With hedge" : "Without hedge",
    );
    b.addEventListener("click", () => {
      state.hedged = withHedge;
      draw();
    });
    toggle.append(b);
    return b;
  });
  const table = h("table", { class: "heatmap", "aria-label": "Stress heatmap: rows SPX move, columns VIX points" });
  const readout = h("p", { class: "readout", id: "stress-readout", "aria-live": "polite" });
  const legend = h(
    "div",
    { class: "legend", "aria-label": "Colour scale" },
    h("span", {}, dollars(-scale, 0)),
    h("span", { class: "legend-bar", "aria-hidden": "true" }),
    h("span", {}, dollars(scale, 0)),
  );
  const grid = () => (state.hedged && m.hedged ? m.hedged : m.unhedged);
  const cellText = (c: StressCell) => (typeof c === "number" ? compactDollars(c) : "#NUM!");

  const describe = (i: number, j: number): string => {
    const c = grid()[i][j];
    const spot = inputs.condor.spot * (1 + m.spotMoves[i]);
    const what = typeof c === "number" ? dollars(c, 2) : `#NUM! (${c.error})`;
    let text = `SPX ${moveText(m.spotMoves[i])} (${Math.round(spot * 100) / 100}), VIX ${vixText(m.vixMoves[j])} pts: ${what} ${state.hedged ? "with" : "without"} the hedge`;
    const other = state.hedged ? m.unhedged[i][j] : m.hedged?.[i][j];
    if (other !== undefined && typeof other === "number") text += `; ${dollars(other, 2)} ${state.hedged ? "without" : "with"} it`;
    return text;
  };

  const focusCell = (i: number, j: number, focus: boolean) => {
    state.i = Math.min(m.spotMoves.length - 1, Math.max(0, i));
    state.j = Math.min(m.vixMoves.length - 1, Math.max(0, j));
    table.querySelectorAll("td").forEach((td) => {
      const on = Number(td.dataset.i) === state.i && Number(td.dataset.j) === state.j;
      td.tabIndex = on ? 0 : -1;
      td.classList.toggle("current", on);
      if (on && focus) td.focus();
    });
    readout.textContent = describe(state.i, state.j);
    readout.dataset.i = String(state.i);
    readout.dataset.j = String(state.j);
  };

  function draw(): void {
    buttons.forEach((b, k) => b.setAttribute("aria-checked", String((k === 0) === state.hedged)));
    table.replaceChildren(
      h("thead", {}, h("tr", {}, h("th", { scope: "col", class: "corner" }, "SPX \\ VIX"), ...m.vixMoves.map((v) => h("th", { scope: "col" }, vixText(v))))),
      h(
        "tbody",
        {},
        ...m.spotMoves.map((s, i) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, moveText(s)),
            ...grid()[i].map((c, j) => {
              const td = h(
                "td",
                { "data-i": String(i), "data-j": String(j), "data-value": typeof c === "number" ? String(c) : c.error, tabindex: "-1" },
                cellText(c),
              );
              td.style.background = typeof c === "number" ? heatColour(c, scale) : "";
              if (typeof c !== "number") td.classList.add("err");
              td.addEventListener("pointerenter", () => focusCell(i, j, false));
              td.addEventListener("focus", () => focusCell(i, j, false));
              return td;
            }),
          ),
        ),
      ),
    );
    focusCell(state.i, state.j, false);
  }
  table.addEventListener("keydown", (ev) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const d = moves[ev.key];
    if (d) focusCell(state.i + d[0], state.j + d[1], true);
    else if (ev.key === "Home") focusCell(state.i, 0, true);
    else if (ev.key === "End") focusCell(state.i, m.vixMoves.length - 1, true);
    else return;
    ev.preventDefault();
  });
  draw();

  const write = h("button", { type: "button", id: "write-stress", class: "secondary" }, "Write stress block");
  write.addEventListener("click", () => options.onWrite(inputs));
  card.append(
    source,
    toggle,
    h("div", { class: "heatmap-box" }, table),
    legend,
    readout,
    h(
      "p",
      { class: "hint" },
      "Each cell: the position's P/L now if SPX moves by the row's % and VIX by the column's points (every leg's vol moves by beta_iv x the VIX points). Hover a cell, or Tab into the grid and use the arrow keys.",
    ),
    write,
  );
  return card;
}
