/**
 * Exact rational arithmetic (BigInt numerator / denominator) for linear-algebra oracles in tests.
 * Every finite double is a dyadic rational, so a double matrix converts exactly; Gaussian
 * elimination in exact arithmetic is then exact, whatever the conditioning, which makes the
 * normal equations a valid ORACLE here (and only here: in floating point they square the
 * condition number, which is why src/core/linalg does not use them). Never used by the add-in.
 */
const B0 = BigInt(0);
const B1 = BigInt(1);

export interface Q {
  n: bigint;
  d: bigint; // > 0
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < B0 ? -a : a;
  b = b < B0 ? -b : b;
  while (b !== B0) [a, b] = [b, a % b];
  return a;
}

export function q(n: bigint, d: bigint = B1): Q {
  if (d === B0) throw new Error("division by zero");
  if (d < B0) [n, d] = [-n, -d];
  const g = gcd(n, d) || B1;
  return { n: n / g, d: d / g };
}

export const ZERO = q(B0);

/** The exact value of a finite double. */
export function fromDouble(x: number): Q {
  if (!Number.isFinite(x)) throw new Error("finite only");
  if (x === 0) return ZERO;
  let e = 0;
  let m = Math.abs(x);
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  const n = BigInt(m) * (x < 0 ? -B1 : B1);
  return q(n, B1 << BigInt(e));
}

export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const isZero = (a: Q): boolean => a.n === B0;

/** The double nearest to a rational (via a 60-digit decimal string). */
export function toDouble(a: Q): number {
  const neg = a.n < B0;
  const n = neg ? -a.n : a.n;
  const scale = BigInt(10) ** BigInt(60);
  const intPart = n / a.d;
  const frac = ((n % a.d) * scale) / a.d;
  const s = `${intPart}.${frac.toString().padStart(60, "0")}`;
  return (neg ? -1 : 1) * Number(s);
}

export type QMatrix = Q[][];

export const toQ = (a: number[][]): QMatrix => a.map((r) => r.map(fromDouble));
export const transposeQ = (a: QMatrix): QMatrix => a[0].map((_, j) => a.map((r) => r[j]));
export function matmulQ(a: QMatrix, b: QMatrix): QMatrix {
  return a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => add(s, mul(x, b[k][j])), ZERO)));
}

/** Reduced row echelon form of [a] (exact); returns the matrix and its pivot columns. */
export function rref(a: QMatrix): { r: QMatrix; pivots: number[] } {
  const r = a.map((row) => row.slice());
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < r[0].length && row < r.length; col++) {
    const p = r.findIndex((x, i) => i >= row && !isZero(x[col]));
    if (p < 0) continue;
    [r[row], r[p]] = [r[p], r[row]];
    const inv = div(q(B1), r[row][col]);
    r[row] = r[row].map((x) => mul(x, inv));
    for (let i = 0; i < r.length; i++) {
      if (i !== row && !isZero(r[i][col])) {
        const f = r[i][col];
        r[i] = r[i].map((x, j) => sub(x, mul(f, r[row][j])));
      }
    }
    pivots.push(col);
    row++;
  }
  return { r, pivots };
}

/** The exact solution of the square non-singular system a x = b. */
export function solveQ(a: QMatrix, b: Q[]): Q[] {
  const aug = a.map((row, i) => [...row, b[i]]);
  const { r, pivots } = rref(aug);
  if (pivots.length !== a.length || pivots.includes(a.length)) throw new Error("singular");
  return r.map((row) => row[a.length]);
}

/** The exact rank of a matrix. */
export const rankQ = (a: QMatrix): number => rref(a).pivots.length;

/** A basis of the null space { z : a z = 0 } (exact). */
export function nullSpaceQ(a: QMatrix): Q[][] {
  const { r, pivots } = rref(a);
  const c = a[0].length;
  const free = Array.from({ length: c }, (_, j) => j).filter((j) => !pivots.includes(j));
  return free.map((f) => {
    const z: Q[] = Array.from({ length: c }, () => ZERO);
    z[f] = q(B1);
    pivots.forEach((p, i) => {
      z[p] = q(-r[i][f].n, r[i][f].d);
    });
    return z;
  });
}
