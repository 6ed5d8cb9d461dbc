/**
 * Singular value decomposition of a small dense matrix by one-sided Jacobi rotations.
 *
 * Method: Hestenes' one-sided Jacobi. The columns of a working copy W of A (rows >= columns)
 * are rotated in pairs until every pair is orthogonal to working precision; then W = U diag(s)
 * and the accumulated rotations give V, so A = U diag(s) V'. Each rotation is the symmetric
 * 2x2 Jacobi rotation of the pair's Gram matrix (Golub & Van Loan, Matrix Computations, 4th ed.,
 * section 8.6.3 "One-sided Jacobi"; Demmel & Veselic, "Jacobi's method is more accurate than
 * QR", SIAM J. Matrix Anal. Appl. 13 (1992)). A pair counts as orthogonal when
 * |w_i . w_j| <= r * eps * ||w_i|| ||w_j|| (r the number of rows). No normal equations are formed: the singular values
 * carry the accuracy of A's columns, tiny ones included.
 *
 * Sized for the greeks of a hedge (a few rows and columns): cost O(sweeps * r * c^2), with
 * sweeps typically 5 to 10 and capped at MAX_SWEEPS.
 */

/** A dense matrix as rows of numbers. */
export type Matrix = number[][];

/**
 * A = U diag(s) V' with U (r x p), V (c x p), p = min(r, c). The columns of U and V that belong
 * to nonzero singular values are orthonormal; a zero singular value's column is 0 on the side
 * computed by normalising (U when r >= c, V when r < c).
 */
export interface Svd {
  /** Left singular vectors as columns: u[i][j] is row i of the j-th vector. */
  readonly u: Matrix;
  /** Singular values, largest first, all >= 0. */
  readonly s: number[];
  /** Right singular vectors as columns: v[i][j] is row i of the j-th vector. */
  readonly v: Matrix;
}

const EPS = Number.EPSILON;
/** Sweeps allowed before giving up; convergence is quadratic, so 60 is never reached in practice. */
const MAX_SWEEPS = 60;

/**
 * The thin SVD of `a` (r x c, finite entries, r, c >= 1). Never throws for finite input; the
 * caller decides what a small singular value means (see `rankOf`).
 *
 * @example svd([[3, 0], [0, 4]]).s // => [4, 3]
 */
export function svd(a: Matrix): Svd {
  const r = a.length;
  const c = a[0].length;
  if (r < c) {
    // Decompose A' = U s V', so A = V s U'.
    const t = svd(transpose(a));
    return { u: t.v, s: t.s, v: t.u };
  }
  // Scaled by the largest |entry| so that no dot product overflows or underflows (greeks from
  // 1e-300 to 1e300 alike); the singular values are scaled back at the end.
  let scale = 0;
  for (const row of a) for (const x of row) scale = Math.max(scale, Math.abs(x));
  const divisor = scale > 0 ? scale : 1;
  // Work on columns: w[j] is column j of A / scale, vv[j] column j of V.
  const w: number[][] = [];
  const vv: number[][] = [];
  for (let j = 0; j < c; j++) {
    const col: number[] = [];
    for (let i = 0; i < r; i++) col.push(a[i][j] / divisor); // division: 1 / scale would overflow for a subnormal scale
    w.push(col);
    const unit: number[] = [];
    for (let i = 0; i < c; i++) unit.push(i === j ? 1 : 0);
    vv.push(unit);
  }
  // A pair is orthogonal enough once |w_i . w_j| <= r eps ||w_i|| ||w_j||: the dot product of
  // two r-vectors carries about that much rounding, so a tighter test could never be met.
  const tol = r * EPS;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let i = 0; i < c - 1; i++) {
      for (let j = i + 1; j < c; j++) {
        const alpha = dot(w[i], w[i]);
        const beta = dot(w[j], w[j]);
        const gamma = dot(w[i], w[j]);
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        // The rotation that zeroes the off-diagonal of [[alpha, gamma], [gamma, beta]].
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta < 0 ? -1 : 1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const cs = 1 / Math.sqrt(1 + t * t); // |t| <= 1
        const sn = cs * t;
        rotate(w[i], w[j], cs, sn);
        rotate(vv[i], vv[j], cs, sn);
      }
    }
    if (!rotated) break;
  }
  const norms = w.map((col) => Math.sqrt(dot(col, col)));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const s = order.map((j) => norms[j] * scale);
  const u: number[][] = [];
  for (let i = 0; i < r; i++) u.push(order.map((j) => (norms[j] > 0 ? w[j][i] / norms[j] : 0)));
  const v: number[][] = [];
  for (let i = 0; i < c; i++) v.push(order.map((j) => vv[j][i]));
  return { u, s, v };
}

/**
 * The numerical rank of a matrix from its singular values: the count above
 * tol = s_max * max(r, c) * eps (the default of LAPACK-based rank tests, e.g. NumPy's
 * matrix_rank and MATLAB's rank). A zero matrix has rank 0.
 *
 * @example rankOf([2, 1e-20], 2, 2) // => 1
 */
export function rankOf(s: readonly number[], rows: number, cols: number): number {
  const tol = rankTolerance(s, rows, cols);
  return s.filter((x) => x > tol).length;
}

/** The rank tolerance s_max * max(r, c) * eps used by `rankOf`. */
export function rankTolerance(s: readonly number[], rows: number, cols: number): number {
  return (s[0] ?? 0) * Math.max(rows, cols) * EPS;
}

/** The transpose of a matrix. */
export function transpose(a: Matrix): Matrix {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function dot(x: readonly number[], y: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * y[i];
  return sum;
}

/** Applies the plane rotation [c s; -s c] to the column pair (x, y) in place. */
function rotate(x: number[], y: number[], c: number, s: number): void {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const yi = y[i];
    x[i] = c * xi - s * yi;
    y[i] = s * xi + c * yi;
  }
}
