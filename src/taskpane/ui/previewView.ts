/**
 * The preview of a block: the cells it would write, evaluated, as a sheet-like table (column
 * letters, row numbers, the formula of each cell on hover). Its chart is ui/condorView.ts's.
 */
import { cellAddress, columnName } from "../plan/a1";
import { renderFormula } from "../plan/formula";
import type { Plan } from "../plan/types";
import { formatValue, isCellError, type PreviewGrid } from "../preview";
import { h } from "./dom";

export function previewTable(plan: Plan, grid: PreviewGrid, anchor = { row: 0, col: 0 }): HTMLElement {
  const formats = new Map<string, string>();
  const styles = new Map<string, string>();
  const formulas = new Map<string, string>();
  for (const cell of plan.cells) {
    const rows = cell.spill?.rows ?? 1;
    const cols = cell.spill?.cols ?? 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const key = `${cell.row + r},${cell.col + c}`;
        const fmt = cell.columnFormats?.[c] ?? cell.format;
        if (fmt) formats.set(key, fmt);
        if (cell.style) styles.set(key, cell.style);
        if (cell.formula)
          formulas.set(
            key,
            r === 0 && c === 0 ? renderFormula(cell.formula, anchor) : `spilled from ${cellAddress(anchor.row + cell.row, anchor.col + cell.col)}`,
          );
      }
    }
  }
  const head = h("tr", {}, h("th", { scope: "col", class: "corner" }, ""));
  for (let c = 0; c < plan.cols; c++) head.append(h("th", { scope: "col" }, columnName(anchor.col + c)));
  const body = h("tbody");
  for (let r = 0; r < plan.rows; r++) {
    const tr = h("tr", {}, h("th", { scope: "row" }, String(anchor.row + r + 1)));
    for (let c = 0; c < plan.cols; c++) {
      const key = `${r},${c}`;
      const v = grid.values[r][c];
      const text = formatValue(v, formats.get(key));
      // Titles and section names overflow into the empty cells to their right, as in Excel.
      const overflow = ["title", "section"].includes(styles.get(key) ?? "") && typeof v === "string";
      const td = overflow ? h("td", {}, h("span", { class: "overflow" }, text), "\u00a0") : h("td", {}, text);
      const classes = [styles.get(key) ? `cell-${styles.get(key)}` : "", typeof v === "number" ? "num" : "", isCellError(v) ? "err" : ""].filter(Boolean);
      if (classes.length) td.className = classes.join(" ");
      td.dataset.cell = cellAddress(anchor.row + r, anchor.col + c);
      const f = formulas.get(key);
      const tip = [f, isCellError(v) ? v.message : undefined].filter(Boolean).join("\n");
      if (tip) td.title = tip;
      tr.append(td);
    }
    body.append(tr);
  }
  return h(
    "div",
    { class: "sheet-scroll", tabindex: "0", role: "region", "aria-label": `${plan.title} preview, as written at Sheet1!A1` },
    h("table", { class: "sheet" }, h("thead", {}, head), body),
  );
}
