/**
 * The one-sided Jacobi SVD against its definition: A = U diag(s) V' to rounding, U and V with
 * orthonormal columns, singular values sorted and non-negative; against closed forms (diagonal
 * matrices; a rank-1 outer product, whose one singular value is |x| |y|); and its rank test
 * against the exact rank (test/helpers/rational.ts) on integer matrices.
 */
import fc from "fast-check";
import { rankOf, svd } from "../../../src/core/linalg";
import { rankQ, toQ } from "../../helpers/rational";

const EPS = Number.EPSILON;

function reconstruct(u: number[][], s: number[], v: number[][]): number[][] {
  return u.map((ui) => v.map((vj) => s.reduce((sum, sk, k) => sum + ui[k] * sk * vj[k], 0)));
}

const frob = (a: number[][]) => Math.sqrt(a.flat().reduce((x, y) => x + y * y, 0));

const matrixArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) => fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe("svd", () => {
  test("diagonal matrix: singular values are the absolute diagonal, sorted", () => {
    expect(
      svd([
        [3, 0, 0],
        [0, -7, 0],
        [0, 0, 0.5],
      ]).s,
    ).toEqual([7, 3, 0.5]);
  });

  test("rank-1 outer product x y': one singular value |x| |y|, the others ~0", () => {
    const x = [1, 2, 2]; // |x| = 3
    const y = [3, 4]; // |y| = 5
    const a = x.map((xi) => y.map((yj) => xi * yj));
    const { s } = svd(a);
    expect(s[0]).toBeCloseTo(15, 13);
    expect(s[1]).toBeLessThan(15 * 4 * EPS);
    expect(rankOf(s, 3, 2)).toBe(1);
  });

  test("A = U diag(s) V', U and V orthonormal, s sorted (random shapes and entries)", () => {
    fc.assert(
      fc.property(matrixArb, (a) => {
        const { u, s, v } = svd(a);
        const r = a.length;
        const c = a[0].length;
        const p = Math.min(r, c);
        expect(s).toHaveLength(p);
        for (let i = 1; i < p; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        for (const x of s) expect(x).toBeGreaterThanOrEqual(0);
        const scale = frob(a) || 1;
        const back = reconstruct(u, s, v);
        for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) expect(Math.abs(back[i][j] - a[i][j])).toBeLessThan(50 * EPS * scale);
        // The side built from rotations (V when r >= c, U when r < c) is orthonormal in all p
        // columns; the other side in the columns of nonzero singular values.
        const gram = (m: number[][], i: number, j: number) => m.reduce((sum, row) => sum + row[i] * row[j], 0);
        const rotated = r >= c ? v : u;
        const other = r >= c ? u : v;
        for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) expect(Math.abs(gram(rotated, i, j) - (i === j ? 1 : 0))).toBeLessThan(50 * EPS);
        const live = s.map((x, i) => (x > s[0] * 1e-8 ? i : -1)).filter((i) => i >= 0);
        for (const i of live) for (const j of live) expect(Math.abs(gram(other, i, j) - (i === j ? 1 : 0))).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  test("rankOf agrees with the exact rank of small integer matrices, rank-deficient ones included", () => {
    const intMatrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c, inner]) =>
        // A product of an r x inner and an inner x c integer matrix has rank <= inner.
        fc.tuple(
          fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: inner, maxLength: inner }), { minLength: r, maxLength: r }),
          fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: c, maxLength: c }), { minLength: inner, maxLength: inner }),
        ),
      )
      .map(([x, y]) => x.map((row) => y[0].map((_, j) => row.reduce((s, xi, k) => s + xi * y[k][j], 0))));
    fc.assert(
      fc.property(intMatrix, (a) => {
        expect(rankOf(svd(a).s, a.length, a[0].length)).toBe(rankQ(toQ(a)));
      }),
      { numRuns: 300 },
    );
  });
});
