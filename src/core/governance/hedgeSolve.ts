/**
 * Greek-neutral hedge quantities (SPEC.md "Recalibration and hedge governance", HEDGE_SOLVE).
 */
import { InputError, NoSolutionError } from "../errors";
import { solve, type SolveKind } from "../linalg";

export interface HedgeSolution {
  /** Quantity of each instrument (units of its greeks), + buy, - sell. */
  readonly quantities: number[];
  /** exact (k = m), minimum-norm (k > m) or least-squares (k < m). */
  readonly kind: SolveKind;
}

/**
 * The quantities q of k instruments that bring a position's m greeks to zero:
 *
 *   position + q' G = 0,   i.e.  G' q = -position,
 *
 * with G the k x m matrix of the instruments' greeks per unit (one row per instrument, the
 * columns in the position's order). k = m: the exact solution; k > m: of all the exact
 * solutions, the one with the smallest sum of squared quantities; k < m: the quantities that
 * minimise the sum of squared remaining greeks, in the units given (so a greek in larger units
 * weighs more: scale a column to weigh it differently). Solved by a one-sided Jacobi SVD
 * (linalg/solve.ts), not by normal equations.
 *
 * Source of the check case: Hull, Options, Futures and Other Derivatives (8th ed.), the
 * delta-gamma-vega neutral example (position gamma -5000, vega -8000; two options and the
 * underlying): quantities 400, 6000, -3240.
 *
 * Throws InputError for an empty or ragged matrix, widths that differ, or a non-finite entry
 * (naming its row and column); NoSolutionError (#NUM!) when G has rank below min(k, m) by the
 * tolerance s_max * max(k, m) * eps (the instruments cannot move those greeks independently).
 *
 * @example hedgeSolve([0, -5000, -8000], [[0.6, 0.5, 2], [0.5, 0.8, 1.2], [1, 0, 0]]).quantities // => [400, 6000, -3240]
 */
export function hedgeSolve(position: readonly number[], instruments: readonly (readonly number[])[]): HedgeSolution {
  const m = position.length;
  if (m === 0) throw new InputError("positionGreeks", "must hold at least one greek", "");
  position.forEach((x, j) => {
    if (!Number.isFinite(x)) throw new InputError("positionGreeks", `must be a finite number in column ${j + 1}`, x);
  });
  const k = instruments.length;
  if (k === 0) throw new InputError("instrumentGreeks", "must hold at least one instrument (one row each)", "");
  instruments.forEach((row, i) => {
    if (row.length !== m) {
      throw new InputError("instrumentGreeks", `must have as many columns as positionGreeks (${m}) in every row; row ${i + 1} has`, row.length);
    }
    row.forEach((x, j) => {
      if (!Number.isFinite(x)) throw new InputError("instrumentGreeks", `must be a finite number at row ${i + 1}, column ${j + 1}`, x);
    });
  });
  // A = G' (m x k), b = -position.
  const a = position.map((_, j) => instruments.map((row) => row[j]));
  const result = solve(
    a,
    position.map((x) => -x),
  );
  if (!result.ok) {
    const what =
      k >= m
        ? `the ${k} instruments move only ${result.rank} independent combination(s) of the ${m} greeks`
        : `the ${k} instruments are not independent (rank ${result.rank})`;
    throw new NoSolutionError(
      `instrumentGreeks is singular: ${what}; singular value ${result.smallest.toPrecision(3)} is at or below the tolerance ${result.tolerance.toPrecision(3)} (largest singular value x max(k, m) x 2.2e-16)`,
    );
  }
  return { quantities: result.x.map((q) => (q === 0 ? 0 : q)), kind: result.kind };
}
