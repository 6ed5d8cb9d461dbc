/**
 * Collects a block's cells while a planner lays them out, and refuses overlaps: a cell may not
 * be planned twice, nor inside another formula's spill area (that would be a #SPILL! in Excel).
 */
import type { Expr } from "./formula";
import type { CellStyle, PlanCell } from "./types";

export class Grid {
  readonly cells: PlanCell[] = [];
  private readonly taken = new Map<string, string>();
  rows = 0;
  cols = 0;

  private claim(row: number, col: number, what: string): void {
    const key = `${row},${col}`;
    const prior = this.taken.get(key);
    if (prior !== undefined) throw new Error(`planner bug: cell (${row},${col}) planned for ${what} and ${prior}`);
    this.taken.set(key, what);
    this.rows = Math.max(this.rows, row + 1);
    this.cols = Math.max(this.cols, col + 1);
  }

  /** A constant cell. */
  value(row: number, col: number, value: number | string, style?: CellStyle, format?: string): void {
    this.claim(row, col, `value ${value}`);
    this.cells.push(clean({ row, col, value, style, format }));
  }

  /** A formula cell; with `spill`, also reserves the rows x cols it spills into. */
  formula(row: number, col: number, formula: Expr, format?: string | string[], style?: CellStyle, spill?: { rows: number; cols: number }): void {
    if (spill) {
      for (let r = 0; r < spill.rows; r++) for (let c = 0; c < spill.cols; c++) this.claim(row + r, col + c, `spill of (${row},${col})`);
    } else {
      this.claim(row, col, "a formula");
    }
    const columnFormats = Array.isArray(format) ? format : undefined;
    this.cells.push(clean({ row, col, formula, format: Array.isArray(format) ? format[0] : format, style, spill, columnFormats }));
  }
}

function clean(cell: PlanCell): PlanCell {
  const out: PlanCell = { row: cell.row, col: cell.col };
  if (cell.value !== undefined) out.value = cell.value;
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.format !== undefined) out.format = cell.format;
  if (cell.style !== undefined) out.style = cell.style;
  if (cell.spill !== undefined) out.spill = cell.spill;
  if (cell.columnFormats !== undefined) out.columnFormats = cell.columnFormats;
  return out;
}
