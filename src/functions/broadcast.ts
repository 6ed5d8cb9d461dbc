/**
 * Broadcasting over ranges (SPEC.md "Broadcasting over ranges"): OPTION, IMPLIED_VOL,
 * STRIKE_FOR_DELTA, PROB_BETWEEN and PROB_TOUCH take a range in any numeric argument and in
 * `type`, and return an array of the same shape, element by element, as Excel's built-ins do.
 *
 * Those parameters are declared `any[][]` (dimensionality "matrix" in functions.json), so Excel
 * hands each one over as rows of cells: a single cell as [[x]], a range as its rows. (A parameter
 * of dimensionality "scalar" given a range would instead be called once per cell by Excel, with
 * no shape check and no single formula.) The rules:
 *
 * - every argument that is a range (more than one cell) must have the same rows x columns; a
 *   single cell applies to every element; otherwise #VALUE! naming the arguments and shapes;
 * - each element is computed on its own: a bad element gets its own error in its own cell, the
 *   other cells keep their numbers;
 * - elements after the last one where any range argument has a value are the unused tail of a
 *   selection larger than the data (excel.ts's one rule for ranges): they come back blank.
 *
 * A call where every argument is a single cell never comes here: each function takes its own
 * 1x1 fast path, and its error is the formula's error, exactly as before broadcasting.
 */
import { ShieldError } from "../core/errors";
import { isOmitted, nonFiniteError, toExcelError } from "./excel";

/** A shape rule broken by the ranges given together (#VALUE!). */
class ShapeError extends ShieldError {
  readonly kind = "value" as const;
  constructor(message: string) {
    super(message);
    this.name = "ShapeError";
  }
}

/** True when `value` is one cell: a scalar, [x] or [[x]]. */
export function isSingle(value: unknown): boolean {
  if (!Array.isArray(value)) return true;
  if (value.length !== 1) return false;
  const row: unknown = value[0];
  return !Array.isArray(row) || row.length === 1;
}

/** The cell of a single-cell argument (see isSingle). */
export function single(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const row: unknown = value[0];
  return Array.isArray(row) ? row[0] : row;
}

const shapeOf = (m: readonly unknown[][]) => `${m.length}x${m[0].length}`;

/** A range argument as rectangular rows (a 1-D array is one row). */
function rowsOf(fn: string, name: string, value: unknown[]): unknown[][] {
  const m = (Array.isArray(value[0]) ? value : [value]) as unknown[][];
  const cols = m.length > 0 ? m[0].length : 0;
  if (cols === 0) throw toExcelError(fn, new ShapeError(`${name} is an empty range`));
  for (const row of m) {
    if (!Array.isArray(row) || row.length !== cols) throw toExcelError(fn, new ShapeError(`${name} must be a rectangular range`));
  }
  return m;
}

/**
 * Evaluates `element` at every element of the broadcast shape of `args` (named `names`, in the
 * function's argument order), catching each element's failure into its own cell. `element`
 * receives one cell per argument (a reused array: read it, do not keep it) and returns a number.
 * Throws the #VALUE! Excel error of a shape mismatch.
 */
export function broadcast(fn: string, names: readonly string[], args: readonly unknown[], element: (cells: unknown[]) => number): unknown[][] {
  const n = args.length;
  const ranges: (unknown[][] | null)[] = new Array<unknown[][] | null>(n);
  let rows = 1;
  let cols = 1;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const a = args[k];
    if (isSingle(a)) {
      ranges[k] = null;
      continue;
    }
    const m = rowsOf(fn, names[k], a as unknown[]);
    ranges[k] = m;
    if (first < 0) {
      first = k;
      rows = m.length;
      cols = m[0].length;
    } else if (m.length !== rows || m[0].length !== cols) {
      const was = ranges[first] as unknown[][];
      throw toExcelError(
        fn,
        new ShapeError(
          `${names[first]} (a ${shapeOf(was)} range) and ${names[k]} (a ${shapeOf(m)} range) must have the same shape, or one of them must be a single cell`,
        ),
      );
    }
  }

  // The last element (row-major) where any range argument has a value: blank after it.
  let last = -1;
  for (let idx = rows * cols - 1; idx >= 0 && last < 0; idx--) {
    const i = Math.floor(idx / cols);
    const j = idx - i * cols;
    for (let k = 0; k < n; k++) {
      const m = ranges[k];
      if (m !== null && !isOmitted(m[i][j])) {
        last = idx;
        break;
      }
    }
  }

  const cells = new Array<unknown>(n);
  for (let k = 0; k < n; k++) if (ranges[k] === null) cells[k] = single(args[k]);
  const out = new Array<unknown[]>(rows);
  for (let i = 0; i < rows; i++) {
    const row = new Array<unknown>(cols);
    for (let j = 0; j < cols; j++) {
      if (i * cols + j > last) {
        row[j] = "";
        continue;
      }
      for (let k = 0; k < n; k++) {
        const m = ranges[k];
        if (m !== null) cells[k] = m[i][j];
      }
      try {
        const v = element(cells);
        row[j] = v - v === 0 ? v : nonFiniteError(fn);
      } catch (error) {
        row[j] = toExcelError(fn, error);
      }
    }
    out[i] = row;
  }
  return out;
}
