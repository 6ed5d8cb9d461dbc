/**
 * The summary card of a hedge ladder block: contracts per layer (unrounded and rounded) and the
 * totals, from the evaluated block. Cost, carry per day and carry as a share of the condor's
 * theta need VIX_HEDGE (SPEC: "Ladder builder with instruments"); until this build has it, the
 * card says so in their place.
 */
import { ladderLayout } from "../plan/ladderPlan";
import type { Plan } from "../plan/types";
import { formatValue, type FunctionLookup, type PreviewGrid } from "../preview";
import { NOT_AVAILABLE } from "../shieldCalls";
import { h } from "./dom";

export function ladderView(plan: Plan, grid: PreviewGrid, lookup: FunctionLookup): HTMLElement {
  const k = plan.cells.filter((c) => c.spill && c.spill.cols === 6).map((c) => c.spill!.rows)[0] ?? 0;
  const L = ladderLayout(k);
  const v = (row: number, col: number, format: string) => formatValue(grid.values[row][col], format);
  const rows = Array.from({ length: k }, (_, i) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, `${v(L.firstLadder + i, 0, "General")} d`),
      h("td", { class: "num" }, v(L.firstLadder + i, 5, "#,##0.00")),
      h("td", { class: "num" }, v(L.firstLadder + i, 6, "0")),
    ),
  );
  const hedgeMissing = !lookup("VIX_HEDGE");
  return h(
    "section",
    { class: "card summary-card", "aria-label": "Hedge ladder summary" },
    h("h3", {}, `VIX hedge ladder, ${k} layer${k === 1 ? "" : "s"}`),
    h(
      "table",
      { class: "layers-summary" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Layer"), h("th", { scope: "col" }, "Contracts"), h("th", { scope: "col" }, "Rounded"))),
      h("tbody", {}, ...rows),
      h(
        "tfoot",
        {},
        h("tr", { "data-key": "totals" }, h("th", { scope: "row" }, "Total"), h("td", { class: "num" }, v(L.totals, 5, "#,##0.00")), h("td", { class: "num" }, v(L.totals, 6, "0"))),
      ),
    ),
    h(
      "dl",
      { class: "tiles" },
      h("div", { class: "tile", "data-key": "cost" }, h("dt", {}, "Cost, carry per day"), h("dd", {}, h("span", { class: "value" }, "—"), h("span", { class: "sub" }, hedgeMissing ? `VIX_HEDGE ${NOT_AVAILABLE}` : "with VIX_HEDGE layers (next phase)"))),
      h("div", { class: "tile", "data-key": "carryShare" }, h("dt", {}, "Carry / condor theta"), h("dd", {}, h("span", { class: "value" }, "—"), h("span", { class: "sub" }, hedgeMissing ? `VIX_HEDGE ${NOT_AVAILABLE}` : "next phase"))),
    ),
  );
}
