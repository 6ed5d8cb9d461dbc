/**
 * Renders a Plan at an anchor into the 2-D arrays Excel's Range API takes (formulas, number
 * formats), plus the addresses of everything, for the writer and its report. Pure.
 */
import { cellAddress, rangeAddress } from "./a1";
import { renderFormula, type Anchor } from "./formula";
import type { CellStyle, Plan, PlanRange } from "./types";

export interface RenderedPlan {
  /** The block's range, e.g. "A1:J76" (no sheet). */
  address: string;
  /** rows x cols: a number, text, a formula ("=..."), or "" (empty, e.g. a spill target). */
  formulas: Array<Array<string | number>>;
  /** rows x cols Excel number formats ("General" where none was planned). */
  numberFormats: string[][];
  /** Cell addresses by style. */
  styles: Partial<Record<CellStyle, string[]>>;
  /** Spilled formulas: head address -> the range it spills into. */
  spills: Array<{ head: string; range: string }>;
  formulaCount: number;
  valueCount: number;
}

/** A PlanRange at the anchor, as "B36:B76". */
export function rangeAt(r: PlanRange, anchor: Anchor): string {
  return rangeAddress(anchor.row + r.row, anchor.col + r.col, r.rows, r.cols);
}

export function renderPlan(plan: Plan, anchor: Anchor): RenderedPlan {
  const formulas: Array<Array<string | number>> = Array.from({ length: plan.rows }, () => Array<string | number>(plan.cols).fill(""));
  const numberFormats: string[][] = Array.from({ length: plan.rows }, () => Array<string>(plan.cols).fill("General"));
  const styles: RenderedPlan["styles"] = {};
  const spills: RenderedPlan["spills"] = [];
  let formulaCount = 0;
  let valueCount = 0;
  for (const cell of plan.cells) {
    const at = cellAddress(anchor.row + cell.row, anchor.col + cell.col);
    if (cell.formula) {
      formulas[cell.row][cell.col] = renderFormula(cell.formula, anchor);
      formulaCount++;
    } else if (cell.value !== undefined) {
      formulas[cell.row][cell.col] = cell.value;
      valueCount++;
    }
    const rows = cell.spill?.rows ?? 1;
    const cols = cell.spill?.cols ?? 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const fmt = cell.columnFormats?.[c] ?? cell.format;
        if (fmt) numberFormats[cell.row + r][cell.col + c] = fmt;
        if (cell.style) (styles[cell.style] ??= []).push(cellAddress(anchor.row + cell.row + r, anchor.col + cell.col + c));
      }
    }
    if (cell.spill) spills.push({ head: at, range: rangeAt({ row: cell.row, col: cell.col, ...cell.spill }, anchor) });
  }
  return {
    address: rangeAddress(anchor.row, anchor.col, plan.rows, plan.cols),
    formulas,
    numberFormats,
    styles,
    spills,
    formulaCount,
    valueCount,
  };
}
