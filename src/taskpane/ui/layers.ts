/**
 * The ladder's layers: one row per layer (days, price, weight) and under it the instrument
 * (FUT, CALL, PUT, ETF), strike or delta, and option vol or ETF leverage; add/remove buttons,
 * errors shown under the rows they belong to.
 */
import { DEFAULT_LAYER_DAYS } from "../plan/fields";
import { LAYER_INSTRUMENTS } from "../plan/hedgePlan";
import { MAX_LAYERS } from "../plan/ladderPlan";
import { clear, h } from "./dom";
import { markField } from "./form";

export interface LayersControl {
  count(): number;
  showErrors(errors: Record<string, string>, focus?: boolean): void;
  /** Replaces the rows with `layers` (e.g. read back from a block; instrument, strike and vol for a VIX_HEDGE block). */
  setLayers(layers: Array<{ days: string; price: string; weight: string; instrument?: string; strike?: string; vol?: string }>): void;
}

export function buildLayers(container: HTMLElement): LayersControl {
  const table = h("table", { class: "layers" });
  const head = h(
    "thead",
    {},
    h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Days"), h("th", { scope: "col" }, "Price"), h("th", { scope: "col" }, "Weight")),
  );
  const body = h("tbody");
  table.append(head, body);
  const add = h("button", { type: "button", id: "layer-add" }, "Add layer");
  const remove = h("button", { type: "button", id: "layer-remove" }, "Remove last");
  container.append(table, h("div", { class: "actions small" }, add, remove));

  const input = (name: string, label: string, value = "", placeholder = "") =>
    h("input", {
      id: `ladder-${name}`,
      name,
      type: "text",
      inputmode: "decimal",
      autocomplete: "off",
      "aria-label": label,
      "aria-describedby": `ladder-${name}-error`,
      value,
      placeholder,
    });

  const addRow = (days = "") => {
    const i = body.querySelectorAll("tr.layer").length + 1;
    const errors = h("td", { colspan: "4", class: "row-errors" });
    for (const f of ["days", "price", "weight", "instrument", "strike", "vol"])
      errors.append(h("div", { class: "error", id: `ladder-${f}${i}-error`, hidden: true }));
    const instrument = h(
      "select",
      { id: `ladder-instrument${i}`, name: `instrument${i}`, "aria-label": `Layer ${i} instrument`, "aria-describedby": `ladder-instrument${i}-error` },
      ...LAYER_INSTRUMENTS.map((x) => h("option", { value: x }, x)),
    );
    body.append(
      h(
        "tr",
        { class: "layer" },
        h("th", { scope: "row" }, String(i)),
        h("td", {}, input(`days${i}`, `Layer ${i} days`, days, "days")),
        h("td", {}, input(`price${i}`, `Layer ${i} future price`, "", "e.g. 19.2")),
        h("td", {}, input(`weight${i}`, `Layer ${i} weight`, "", "default")),
      ),
      h(
        "tr",
        { class: "layer-instrument" },
        h("th", { scope: "row", "aria-hidden": "true" }, ""),
        h("td", {}, instrument),
        h("td", {}, input(`strike${i}`, `Layer ${i} strike or delta`, "", "strike / 25d")),
        h("td", {}, input(`vol${i}`, `Layer ${i} option vol or ETF leverage`, "", "vol / lev")),
      ),
      h("tr", { class: "layer-errors" }, errors),
    );
    sync();
  };
  const sync = () => {
    const n = body.querySelectorAll("tr.layer").length;
    add.disabled = n >= MAX_LAYERS;
    remove.disabled = n <= 1;
  };
  add.addEventListener("click", () => {
    addRow();
    body.querySelector<HTMLInputElement>("tr.layer:last-of-type input")?.focus();
    const rows = body.querySelectorAll<HTMLTableRowElement>("tr.layer");
    rows[rows.length - 1]?.querySelector("input")?.focus();
  });
  remove.addEventListener("click", () => {
    const rows = body.querySelectorAll("tr.layer");
    if (rows.length <= 1) return;
    const last = rows[rows.length - 1];
    last.nextElementSibling?.nextElementSibling?.remove();
    last.nextElementSibling?.remove();
    last.remove();
    sync();
  });
  clear(body);
  DEFAULT_LAYER_DAYS.forEach((d) => addRow(d));

  return {
    count: () => body.querySelectorAll("tr.layer").length,
    showErrors(errors) {
      body.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input[name], select[name]").forEach((el) => markField(container, el.name, errors[el.name]));
    },
    setLayers(list) {
      clear(body);
      list.forEach((l, i) => {
        addRow(l.days);
        const set = (f: string, v: string | undefined) => {
          const el = body.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${f}${i + 1}"]`);
          if (el && v !== undefined) el.value = v;
        };
        set("price", l.price);
        set("weight", l.weight);
        set("instrument", l.instrument);
        set("strike", l.strike);
        set("vol", l.vol);
      });
      if (list.length === 0) addRow();
      sync();
    },
  };
}
