/**
 * CROSS, ZONE, TREND and SIGNAL_QUORUM in the core: SPEC.md's rules on hand-built series (each
 * expected value derived in the comment beside it), NaN (#N/A) passing through, and the
 * persistence rule against a second, independently written formulation.
 */
import fc from "fast-check";
import { cross, signalQuorum, trend, zone } from "../../../src/core/governance";
import { inputError } from "../../helpers/errors";
import { quorumReference } from "../../helpers/quorumReference";

const NA = Number.NaN;
const arr = (x: Float64Array | Int8Array) => Array.from(x);

describe("cross", () => {
  test("+1 on the row that goes above, -1 on the row that goes below, #N/A on the first row", () => {
    // sides: -, +, +, -, -  -> first row NA, then up, none, down, none
    expect(arr(cross([-1, 1, 2, -3, -1], 0))).toEqual([NA, 1, 0, -1, 0]);
  });
  test("touching is no cross: below, equal, below stays 0; below, equal, above crosses on the above row", () => {
    expect(arr(cross([-1, 0, -1], 0))).toEqual([NA, 0, 0]);
    expect(arr(cross([-1, 0, 0, 2], 0))).toEqual([NA, 0, 0, 1]);
  });
  test("equal rows before any side are no cross; the first strict side is not a cross either", () => {
    expect(arr(cross([0, 0, 1, -1], 0))).toEqual([NA, 0, 0, -1]);
  });
  test("two series: crossing of a fast line over a slow one", () => {
    // fast - slow: -1, -1, +1, +1, -2
    expect(arr(cross([1, 2, 4, 5, 3], [2, 3, 3, 4, 5]))).toEqual([NA, 0, 1, 0, -1]);
  });
  test("#N/A (NaN) rows pass through; the first row with values is #N/A; the side is remembered across a gap", () => {
    expect(arr(cross([NA, NA, -1, 1, NA, -1], 0))).toEqual([NA, NA, NA, 1, NA, -1]);
    expect(arr(cross([1, 2, 3], [NA, 1, 4]))).toEqual([NA, NA, -1]);
  });
  test("a NaN level makes every row #N/A; bad inputs are InputErrors", () => {
    expect(arr(cross([1, 2], NA))).toEqual([NA, NA]);
    expect(inputError(() => cross([], 0)).argument).toBe("series");
    expect(inputError(() => cross([1, 2], [1])).argument).toBe("other");
    expect(inputError(() => cross([1, Infinity], 0)).message).toContain("row 2");
  });
  test("property: a cross always flips the last strict side, and between crosses the side never flips", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const out = cross(xs, 0);
        let side = 0;
        xs.forEach((x, i) => {
          const s = Math.sign(x);
          if (i > 0 && s !== 0 && side !== 0 && s !== side) expect(out[i]).toBe(s);
          else if (i > 0) expect(out[i]).toBe(0);
          if (s !== 0) side = s;
        });
      }),
    );
  });
});

describe("zone", () => {
  test("+1 above upper, -1 below lower, 0 between with the bounds themselves between", () => {
    expect(arr(zone([25, 30, 50, 70, 75], 30, 70))).toEqual([-1, 0, 0, 0, 1]);
  });
  test("#N/A passes through; lower > upper is an InputError; lower = upper allowed", () => {
    expect(arr(zone([NA, 80], 30, 70))).toEqual([NA, 1]);
    expect(inputError(() => zone([1], 70, 30)).message).toContain("must not be above upper");
    expect(arr(zone([1, 2, 3], 2, 2))).toEqual([-1, 0, 1]);
    expect(inputError(() => zone([1], NA, 3)).argument).toBe("lower");
  });
});

describe("trend", () => {
  test("sign of x[i] - x[i - period]; #N/A for the first period rows", () => {
    // period 2: row 3 120 - 100 > 0, row 4 110 - 130 < 0, row 5 130 - 120 > 0
    expect(arr(trend([100, 130, 120, 110, 130], 2))).toEqual([NA, NA, 1, -1, 1]);
    expect(arr(trend([5, 5], 1))).toEqual([NA, 0]);
  });
  test("#N/A where either value is #N/A; a period at or beyond the length gives #N/A everywhere", () => {
    expect(arr(trend([NA, 1, 2, 3], 1))).toEqual([NA, NA, 1, 1]);
    expect(arr(trend([1, 2], 5))).toEqual([NA, NA]);
  });
  test("period must be a whole number of 1 or more", () => {
    for (const p of [0, -1, 1.5, NA]) expect(inputError(() => trend([1, 2], p)).argument).toBe("period");
  });
});

describe("signalQuorum", () => {
  test("default k is a majority: 2 of 3", () => {
    // rows: (+,+,0) -> 2 up: +1; (+,-,0) -> 0; (-,-,-) -> -1
    expect(
      arr(
        signalQuorum([
          [1, 1, 0],
          [1, -1, 0],
          [-1, -1, -1],
        ]),
      ),
    ).toEqual([1, 0, -1]);
  });
  test("both sides reaching k is 0 (k = 1 of 2 with one vote each way)", () => {
    expect(
      arr(
        signalQuorum(
          [
            [1, -1],
            [1, 0],
          ],
          1,
        ),
      ),
    ).toEqual([0, 1]);
  });
  test("#N/A (NaN) votes count as 0", () => {
    expect(
      arr(
        signalQuorum([
          [NA, NA, NA],
          [NA, 1, 1],
          [NA, 1, NA],
        ]),
      ),
    ).toEqual([0, 1, 0]);
  });
  test("persistence: a result must hold persist rows before the state moves; a single bar does not", () => {
    // raw: +1, 0, +1, +1, +1, -1, 0, 0 with persist 2:
    // t0 +1 (run 1) -> 0; t1 0 (run 1) -> 0; t2 +1 run1 -> 0; t3 +1 run2 -> +1; t4 -> +1;
    // t5 -1 run1 -> +1; t6 0 run1 -> +1; t7 0 run2 -> 0.
    const votes = [
      [1, 1],
      [0, 0],
      [1, 1],
      [1, 1],
      [1, 1],
      [-1, -1],
      [0, 0],
      [0, 0],
    ];
    expect(arr(signalQuorum(votes, 2, 2))).toEqual([0, 0, 0, 1, 1, 1, 1, 0]);
  });
  test("property: matches the windowed formulation for any votes, k and persist", () => {
    const case_ = fc
      .integer({ min: 1, max: 5 })
      .chain((m) =>
        fc.tuple(
          fc.array(fc.array(fc.constantFrom(-1, 0, 1), { minLength: m, maxLength: m }), { minLength: 1, maxLength: 30 }),
          fc.integer({ min: 1, max: m }),
          fc.integer({ min: 1, max: 4 }),
        ),
      );
    fc.assert(
      fc.property(case_, ([votes, k, p]) => expect(arr(signalQuorum(votes, k, p))).toEqual(quorumReference(votes, k, p))),
      { numRuns: 500 },
    );
  });
  test("votes other than -1/0/+1, k above the number of signals, and bad persist are InputErrors", () => {
    expect(inputError(() => signalQuorum([[1, 2]])).message).toContain("row 1, column 2");
    expect(inputError(() => signalQuorum([[1, 0.5]])).message).toContain("must be -1, 0 or +1");
    expect(inputError(() => signalQuorum([[1, 1]], 3)).message).toContain("must not exceed the number of signals (columns of votes: 2)");
    expect(inputError(() => signalQuorum([[1, 1]], 0)).argument).toBe("k");
    expect(inputError(() => signalQuorum([[1, 1]], 1.5)).argument).toBe("k");
    expect(inputError(() => signalQuorum([[1, 1]], 1, 0)).argument).toBe("persist");
    expect(inputError(() => signalQuorum([[1, 1], [1]])).message).toContain("row 2");
    expect(inputError(() => signalQuorum([])).argument).toBe("votes");
  });
});
