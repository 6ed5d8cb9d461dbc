/**
 * Singular value decomposition of a small dense matrix by one-sided Jacobi rotations.
 *
 * Method: Hestenes' one-sided Jacobi. The columns of a working copy W of A (rows >= columns)
 * are rotated in pairs until every pair is orthogonal to working precision; then W = U diag(s)
 * and the accumulated rotations give V, so A = U diag(s) V'. Each rotation is the symmetric
 * 2x2 Jacobi rotation of the pair's Gram matrix (Golub & Van Loan, Matrix Computations, 4th ed.,
 * section 8.6.3 "One-sided Jacobi"; Demmel & Veselic, "Jacobi's method is more accurate than
 * QR", SIAM J. Matrix Anal. Appl. 13 (1992)). A pair counts as orthogonal when
 * |w_i . w_j| <= eps * ||w_i|| ||w_j||. No normal equations are formed: the singular values
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
  // Work on columns: w[j] is column j of A, vv[j] column j of V.
  const w = Array.from({ length: c }, (_, j) => a.map((row) => row[j]));
  const vv = Array.from({ length: c }, (_, j) => Array.from({ length: c }, (_, i) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let i = 0; i < c - 1; i++) {
      for (let j = i + 1; j < c; j++) {
        const alpha = dot(w[i], w[i]);
        const beta = dot(w[j], w[j]);
        const gamma = dot(w[i], w[j]);
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        // The rotation that zeroes the off-diagonal of [[alpha, gamma], [gamma, beta]].
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.hypot(1, zeta));
        const cs = 1 / Math.hypot(1, t);
        const sn = cs * t;
        rotate(w[i], w[j], cs, sn);
        rotate(vv[i], vv[j], cs, sn);
      }
    }
    if (!rotated) break;
  }
  const norms = w.map((col) => Math.hypot(...col));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const s = order.map((j) => norms[j]);
  const u = Array.from({ length: r }, (_, i) => order.map((j) => (norms[j] > 0 ? w[j][i] / norms[j] : 0)));
  const v = Array.from({ length: c }, (_, i) => order.map((j) => vv[j][i]));
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
