/**
 * hedgeSolve: Hull's published delta-gamma-vega case (test/fixtures/published-cases.json,
 * "hedgeSolve"), the three shapes with the neutrality they promise, and its errors.
 */
import { hedgeSolve } from "../../../src/core/governance";
import { NoSolutionError } from "../../../src/core/errors";
import { inputError } from "../../helpers/errors";
import published from "../../fixtures/published-cases.json";

/** position + q' G per greek (the greeks left after the hedge). */
const residual = (p: number[], g: number[][], q: number[]) => p.map((pj, j) => pj + g.reduce((s, row, i) => s + q[i] * row[j], 0));

describe("hedgeSolve", () => {
  for (const c of published.hedgeSolve) {
    test(`reproduces ${c.source.split(",")[0]}: ${c.quantities.join(", ")}`, () => {
      const { quantities, kind } = hedgeSolve(c.positionGreeks, c.instrumentGreeks);
      expect(kind).toBe("exact");
      quantities.forEach((x, i) => expect(Math.abs(x - c.quantities[i])).toBeLessThanOrEqual(c.tol * Math.abs(c.quantities[i])));
      for (const r of residual(c.positionGreeks, c.instrumentGreeks, quantities)) expect(Math.abs(r)).toBeLessThan(1e-9);
    });
  }

  test("k > m: a future and two options for delta and gamma gives a neutral, minimum-norm hedge", () => {
    const p = [-120, -3.5];
    const g = [
      [1, 0],
      [0.5, 0.01],
      [-0.4, 0.012],
    ];
    const { quantities, kind } = hedgeSolve(p, g);
    expect(kind).toBe("minimum-norm");
    for (const r of residual(p, g, quantities)) expect(Math.abs(r)).toBeLessThan(1e-10);
    // Every other neutral hedge is q + t z, z spanning the null space of G': here z = (-1, 1.2, -1)
    // (by hand: -1 + 0.5 x 1.2 - 0.4 x (-1) = 0 and 0.01 x 1.2 - 0.012 = 0).
    const z = [-1, 1.2, -1];
    expect(Math.abs(z[0] + 0.5 * z[1] - 0.4 * z[2])).toBeLessThan(1e-12);
    expect(Math.abs(0.01 * z[1] + 0.012 * z[2])).toBeLessThan(1e-15);
    const dot = z.reduce((s, zi, i) => s + zi * quantities[i], 0);
    expect(Math.abs(dot)).toBeLessThan(1e-9 * Math.hypot(...quantities));
  });

  test("k < m: one future for delta and vega leaves the least-squares vega (the future has none)", () => {
    // Minimising (delta + q)^2 + vega^2 over q: q = -delta, vega stays.
    const { quantities, kind } = hedgeSolve([-35, 800], [[1, 0]]);
    expect(kind).toBe("least-squares");
    expect(quantities[0]).toBeCloseTo(35, 12);
  });

  test("greeks of any magnitude: scaling position and instruments by 1e-200 or 1e200 leaves Hull's quantities", () => {
    const c = published.hedgeSolve[0];
    for (const f of [1e-200, 1e200]) {
      const q = hedgeSolve(
        c.positionGreeks.map((x) => x * f),
        c.instrumentGreeks.map((r) => r.map((x) => x * f)),
      ).quantities;
      q.forEach((x, i) => expect(Math.abs(x - c.quantities[i])).toBeLessThanOrEqual(c.tol * Math.abs(c.quantities[i])));
    }
  });

  test("instruments that move the greeks only together are #NUM! (singular), saying the rank", () => {
    const e = (() => {
      try {
        hedgeSolve(
          [1, 2],
          [
            [1, 2],
            [2, 4],
          ],
        );
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(NoSolutionError);
    expect((e as Error).message).toMatch(/singular.*only 1 independent combination.*tolerance/);
    expect(() => hedgeSolve([1, 2], [[0, 0]])).toThrow(NoSolutionError);
  });

  test("bad shapes and values are InputErrors naming the argument", () => {
    expect(inputError(() => hedgeSolve([], [[1]])).argument).toBe("positionGreeks");
    expect(inputError(() => hedgeSolve([1, 2], [])).argument).toBe("instrumentGreeks");
    expect(inputError(() => hedgeSolve([1, 2], [[1, 2], [1]])).message).toContain("row 2");
    expect(inputError(() => hedgeSolve([1, Number.NaN], [[1, 2]])).message).toContain("column 2");
    expect(inputError(() => hedgeSolve([1, 2], [[1, Infinity]])).message).toContain("row 1, column 2");
  });
});
