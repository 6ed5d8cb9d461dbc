/**
 * The summary card of a hedge block: units per layer (unrounded and rounded) and the totals,
 * the cost, the carry per day and the carry as a share of the condor's theta. A VIX_HEDGE block
 * (instruments per layer) has them in its own cells; for a v1 futures-only ladder (VIX_LADDER)
 * the cost and carry come from VIX_HEDGE called on the same layers through shieldCalls.ts
 * (with only FUT rows its units equal VIX_LADDER's, SPEC).
 */
import { hedgeLayout } from "../plan/hedgePlan";
import { ladderLayout } from "../plan/ladderPlan";
import type { Plan } from "../plan/types";
import { formatValue, isCellError, type CellResult, type FunctionLookup, type PreviewGrid } from "../preview";
import { NOT_AVAILABLE, vixHedge } from "../shieldCalls";
import { h } from "./dom";
import { dollars } from "./payoffSvg";

export interface LadderViewOptions {
  /** The condor's position theta ($ per day), when a condor is showing: carry is shown as a share of it. */
  condorTheta?: number;
}

function tile(key: string, label: string, value: string, sub?: string): HTMLElement {
  return h(
    "div",
    { class: "tile", "data-key": key },
    h("dt", {}, label),
    h("dd", {}, h("span", { class: "value" }, value), sub ? h("span", { class: "sub" }, sub) : null),
  );
}

const money = (v: CellResult) => (typeof v === "number" ? dollars(v, 2) : isCellError(v) ? v.error : "—");

export function ladderView(plan: Plan, grid: PreviewGrid, lookup: FunctionLookup, options: LadderViewOptions = {}): HTMLElement {
  const v = (row: number, col: number, format: string) => formatValue(grid.values[row][col], format);
  const instruments = plan.keyCells.hedge !== undefined;
  const k = plan.cells.filter((c) => c.spill && (c.spill.cols === 6 || c.spill.cols === 10)).map((c) => c.spill!.rows)[0] ?? 0;
  let rows: HTMLElement[];
  let totals: HTMLElement | null;
  let cost: CellResult;
  let carry: CellResult;
  let costNote: string | undefined;
  if (instruments) {
    const L = hedgeLayout(k);
    rows = Array.from({ length: k }, (_, i) =>
      h(
        "tr",
        {},
        h(
          "th",
          { scope: "row" },
          `${v(L.firstHedge + i, 0, "General")} ${v(L.firstHedge + i, 1, "General")} d${grid.values[L.firstHedge + i][3] !== null && grid.values[L.firstHedge + i][3] !== "" ? ` K ${v(L.firstHedge + i, 3, "0.0")}` : ""}`,
        ),
        h("td", { class: "num" }, v(L.firstHedge + i, 5, "#,##0.00")),
        h("td", { class: "num" }, v(L.firstHedge + i, 10, "0")),
      ),
    );
    // Units of different instruments do not add up: no total row (cost and carry are the tiles).
    totals = null;
    cost = grid.values[L.totals][8];
    carry = grid.values[L.totals][9];
  } else {
    const L = ladderLayout(k);
    rows = Array.from({ length: k }, (_, i) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, `${v(L.firstLadder + i, 0, "General")} d`),
        h("td", { class: "num" }, v(L.firstLadder + i, 5, "#,##0.00")),
        h("td", { class: "num" }, v(L.firstLadder + i, 6, "0")),
      ),
    );
    totals = h(
      "tr",
      { "data-key": "totals" },
      h("th", { scope: "row" }, "Total"),
      h("td", { class: "num" }, v(L.totals, 5, "#,##0.00")),
      h("td", { class: "num" }, v(L.totals, 6, "0")),
    );
    const num = (row: number, col: number) => grid.values[row][col];
    const vega = num(L.input.positionVega, 1);
    const days = num(L.input.positionDays, 1);
    const vix = num(L.input.vixSpot, 1);
    const mult = num(L.input.multiplier, 1);
    const layers = Array.from({ length: k }, (_, i) => [mult === 100 ? "VXM" : "FUT", num(L.firstLayer + i, 1), num(L.firstLayer + i, 2), "", ""]);
    const weights = Array.from({ length: k }, (_, i) => [num(L.firstLayer + i, 3) as number]);
    const r = typeof vega === "number" && typeof days === "number" && typeof vix === "number" ? vixHedge(lookup, vega, days, vix, layers, weights) : undefined;
    if (!r) {
      cost = isCellError(vega) ? vega : null;
      carry = cost;
    } else if (!r.ok) {
      cost = r.error;
      carry = r.error;
      costNote = r.unavailable ? `VIX_HEDGE ${NOT_AVAILABLE}` : r.error.message;
    } else {
      const sum = (c: number) =>
        r.value.reduce<CellResult>((s, row) => (isCellError(s) ? s : isCellError(row[c]) ? (row[c] as CellResult) : (s as number) + (row[c] as number)), 0);
      cost = sum(8);
      carry = sum(9);
      costNote = "VIX_HEDGE on these FUT layers";
    }
  }
  const theta = options.condorTheta;
  const share = typeof carry === "number" && theta !== undefined && theta !== 0 ? `${((carry / Math.abs(theta)) * 100).toFixed(1)}%` : "—";
  const shareNote = theta === undefined ? "build or preview a condor first" : `of the condor's theta ${dollars(theta, 2)}/day`;
  return h(
    "section",
    { class: "card summary-card", "aria-label": "Hedge ladder summary" },
    h("h3", {}, instruments ? `VIX hedge (VIX_HEDGE), ${k} layer${k === 1 ? "" : "s"}` : `VIX hedge ladder, ${k} layer${k === 1 ? "" : "s"}`),
    h(
      "table",
      { class: "layers-summary" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", { scope: "col" }, "Layer"), h("th", { scope: "col" }, instruments ? "Units" : "Contracts"), h("th", { scope: "col" }, "Rounded")),
      ),
      h("tbody", {}, ...rows),
      totals ? h("tfoot", {}, totals) : null,
    ),
    h(
      "dl",
      { class: "tiles three" },
      tile("cost", "Cost", money(cost), costNote),
      tile("carry", "Carry $/day", money(carry)),
      tile("carryShare", "Carry / theta", share, shareNote),
    ),
  );
}
