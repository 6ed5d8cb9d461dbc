/**
 * solve() on all three shapes, against an exact oracle (test/helpers/rational.ts: exact rational
 * Gaussian elimination on the normal equations, exact whatever the conditioning) and against
 * the defining properties: the residual of an exact system is zero, a minimum-norm solution is
 * orthogonal to the null space, a least-squares residual is orthogonal to the column space.
 */
import fc from "fast-check";
import { solve } from "../../../src/core/linalg";
import { fromDouble, matmulQ, nullSpaceQ, rankQ, solveQ, toDouble, toQ, transposeQ, type Q } from "../../helpers/rational";

const EPS = Number.EPSILON;
const norm = (x: number[]) => Math.hypot(...x);
const mv = (a: number[][], x: number[]) => a.map((row) => row.reduce((s, aij, j) => s + aij * x[j], 0));

/** Exact x: square -> a x = b; wide -> x = a' (a a')^-1 b; tall -> (a' a) x = a' b. */
function oracle(a: number[][], b: number[]): number[] {
  const A = toQ(a);
  const B: Q[] = b.map(fromDouble);
  const At = transposeQ(A);
  const col = (v: Q[]) => v.map((x) => [x]);
  let x: Q[];
  if (a.length === a[0].length) x = solveQ(A, B);
  else if (a.length < a[0].length) {
    const y = solveQ(matmulQ(A, At), B);
    x = matmulQ(At, col(y)).map((r) => r[0]);
  } else
    x = solveQ(
      matmulQ(At, A),
      matmulQ(At, col(B)).map((r) => r[0]),
    );
  return x.map(toDouble);
}

/** Small integer matrices of full rank (checked exactly), with a right-hand side. */
const system = (shape: "square" | "wide" | "tall") =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
    .chain(([p, extra]) => {
      const [r, c] = shape === "square" ? [p, p] : shape === "wide" ? [p, p + extra] : [p + extra, p];
      return fc.tuple(
        fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: r, maxLength: r }),
      );
    })
    .filter(([a]) => rankQ(toQ(a)) === Math.min(a.length, a[0].length));

/** Condition-aware closeness: |x - y| <= tol * max(|y|, 1) per entry. */
function expectClose(x: number[], y: number[], tol: number): void {
  const scale = Math.max(norm(y), 1);
  x.forEach((xi, i) => expect(Math.abs(xi - y[i])).toBeLessThanOrEqual(tol * scale));
}

describe("solve", () => {
  test("2x2 by hand: [[2, 1], [1, 3]] x = [3, 5] gives x = [0.8, 1.4]", () => {
    const r = solve(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
    );
    expect(r.ok && r.kind).toBe("exact");
    if (r.ok) expectClose(r.x, [0.8, 1.4], 4 * EPS);
  });

  test("exact (square): matches the exact solution, and the residual is zero to rounding", () => {
    fc.assert(
      fc.property(system("square"), ([a, b]) => {
        const r = solve(a, b);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.kind).toBe("exact");
        const exact = oracle(a, b);
        // Integer matrices up to 5x5 with entries <= 9 have condition numbers well below 1e6.
        expectClose(r.x, exact, 1e-9);
        const res = mv(a, r.x).map((v, i) => v - b[i]);
        const aNorm = Math.sqrt(a.flat().reduce((s, v) => s + v * v, 0));
        expect(norm(res)).toBeLessThanOrEqual(100 * EPS * aNorm * norm(r.x) + 100 * EPS * norm(b));
      }),
      { numRuns: 300 },
    );
  });

  test("minimum-norm (wide): matches A'(AA')^-1 b, solves the system, and is orthogonal to the null space", () => {
    fc.assert(
      fc.property(system("wide"), ([a, b]) => {
        const r = solve(a, b);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.kind).toBe("minimum-norm");
        expectClose(r.x, oracle(a, b), 1e-9);
        const res = mv(a, r.x).map((v, i) => v - b[i]);
        expect(norm(res)).toBeLessThanOrEqual(1e-9 * Math.max(norm(b), 1));
        for (const z of nullSpaceQ(toQ(a))) {
          const zd = z.map(toDouble);
          const dot = zd.reduce((s, zi, i) => s + zi * r.x[i], 0);
          expect(Math.abs(dot)).toBeLessThanOrEqual(1e-9 * norm(zd) * Math.max(norm(r.x), 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("least squares (tall): matches the exact normal-equation solution; A'(Ax - b) = 0", () => {
    fc.assert(
      fc.property(system("tall"), ([a, b]) => {
        const r = solve(a, b);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.kind).toBe("least-squares");
        expectClose(r.x, oracle(a, b), 1e-9);
        const res = mv(a, r.x).map((v, i) => v - b[i]);
        for (let j = 0; j < a[0].length; j++) {
          const colj = a.map((row) => row[j]);
          const dot = colj.reduce((s, v, i) => s + v * res[i], 0);
          expect(Math.abs(dot)).toBeLessThanOrEqual(1e-9 * norm(colj) * Math.max(norm(b), 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a rank-deficient matrix is reported with its rank, never solved", () => {
    const r = solve(
      [
        [1, 2, 3],
        [2, 4, 6],
      ],
      [1, 2],
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.rank).toBe(1);
      expect(r.needed).toBe(2);
      expect(r.smallest).toBeLessThanOrEqual(r.tolerance);
    }
    expect(
      solve(
        [
          [0, 0],
          [0, 0],
        ],
        [1, 1],
      ).ok,
    ).toBe(false);
  });

  test("a badly scaled but full-rank system (gamma ~1e-4 next to vega ~1e3) still solves accurately", () => {
    // Columns in the units of delta, gamma and vega of real option positions.
    const a = [
      [0.55, 0.42, 1],
      [0.0021, 0.0018, 0],
      [6.1, 5.9, 0],
    ];
    const b = [-12, 0.9, 3000];
    const r = solve(a, b);
    expect(r.ok).toBe(true);
    if (r.ok) expectClose(r.x, oracle(a, b), 1e-12);
  });
});
