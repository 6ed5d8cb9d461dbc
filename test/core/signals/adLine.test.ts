/** The market-breadth advance-decline line: hand-checked, its defining property, bad input. */
import fc from "fast-check";
import { InputError } from "../../../src/core/errors";
import { adLine } from "../../../src/core/signals";

describe("adLine(advances, declines)", () => {
  test("hand-checked: running sum of advances - declines from the first row", () => {
    // 1200 - 800 = 400; 400 + (900 - 1500) = -200; -200 + (1700 - 1100) = 400.
    expect(Array.from(adLine([1200, 900, 1700], [800, 1500, 1100]))).toEqual([400, -200, 400]);
  });

  test("its differences give back advances - declines (fast-check, whole-number counts: exact)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5000), fc.nat(5000)), { minLength: 1, maxLength: 300 }), (rows) => {
        const a = rows.map((r) => r[0]);
        const d = rows.map((r) => r[1]);
        const line = adLine(a, d);
        expect(line[0]).toBe(a[0] - d[0]);
        for (let i = 1; i < rows.length; i++) expect(line[i] - line[i - 1]).toBe(a[i] - d[i]);
      }),
      { numRuns: 300 },
    );
  });

  test("accepts fractional values (advancing and declining volume, e.g. in millions)", () => {
    expect(adLine([1.5], [0.25])[0]).toBe(1.25);
  });

  describe("bad input: InputError naming the argument, the rule, the row and the value", () => {
    test.each([
      [[1, 2], [1], /^declines must have as many values as advances \(2\); got 1$/],
      [[1, -2], [1, 1], /^advances must be a number of 0 or more at row 2; got -2$/],
      [[1, 2], [1, NaN], /^declines must be a number of 0 or more at row 2; got NaN$/],
      [[], [], /^advances must hold at least one value; got \(empty\)$/],
    ])("%j, %j", (a, d, message) => {
      expect(() => adLine(a, d)).toThrow(InputError);
      expect(() => adLine(a, d)).toThrow(message);
    });
  });
});
