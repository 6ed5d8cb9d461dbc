/**
 * Linear systems A x = b of any shape, solved through the SVD (svd.ts), never through normal
 * equations: x = V diag(1/s) U' b.
 *
 * | shape of A (r x c) | x                                                         |
 * |--------------------|-----------------------------------------------------------|
 * | r = c              | the exact solution                                        |
 * | r < c              | the minimum-norm solution (smallest ||x|| with A x = b)   |
 * | r > c              | the least-squares solution (smallest ||A x - b||)         |
 *
 * Each needs A of full rank min(r, c) by `rankOf`'s tolerance (s_max * max(r, c) * eps);
 * otherwise the system is singular and `solve` says so rather than guess.
 */
import { type Matrix, rankOf, rankTolerance, svd } from "./svd";

/** Which of the three solutions applied. */
export type SolveKind = "exact" | "minimum-norm" | "least-squares";

export type SolveResult =
  | { readonly ok: true; readonly x: number[]; readonly kind: SolveKind; readonly rank: number }
  | { readonly ok: false; readonly rank: number; readonly needed: number; readonly smallest: number; readonly tolerance: number };

/**
 * Solves A x = b (A r x c with finite entries, b of length r) as the table above says. Returns
 * `ok: false` with the rank found when A is rank-deficient; never throws for finite input.
 *
 * @example solve([[2, 0], [0, 4]], [2, 2]) // => { ok: true, x: [1, 0.5], kind: "exact", rank: 2 }
 */
export function solve(a: Matrix, b: readonly number[]): SolveResult {
  const r = a.length;
  const c = a[0].length;
  const { u, s, v } = svd(a);
  const needed = Math.min(r, c);
  const rank = rankOf(s, r, c);
  if (rank < needed) return { ok: false, rank, needed, smallest: s[needed - 1], tolerance: rankTolerance(s, r, c) };
  // y = diag(1/s) U' b, then x = V y.
  const y = s.map((sj, j) => {
    let sum = 0;
    for (let i = 0; i < r; i++) sum += u[i][j] * b[i];
    return sum / sj;
  });
  const x = v.map((row) => row.reduce((sum, vij, j) => sum + vij * y[j], 0));
  const kind: SolveKind = r === c ? "exact" : r < c ? "minimum-norm" : "least-squares";
  return { ok: true, x, kind, rank };
}
