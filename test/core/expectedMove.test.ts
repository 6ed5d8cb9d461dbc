/**
 * expectedMove = spot x vol x sqrt(days / 365) x stdevs. Expected values from Python 3's math
 * module (quoted), a hand identity, and every bad input.
 */
import { InputError } from "../../src/core/errors";
import { expectedMove } from "../../src/core/expectedMove";

describe("expectedMove", () => {
  test("one standard deviation over 30 days (Python 3: 5000*0.16*math.sqrt(30/365) = 229.35287163239835)", () => {
    expect(Math.abs(expectedMove(5000, 0.16, 30) - 229.35287163239835)).toBeLessThanOrEqual(1e-12);
  });

  test("stdevs scales it (Python 3: 100*0.25*math.sqrt(7/365)*2 = 6.924247647178143)", () => {
    expect(Math.abs(expectedMove(100, 0.25, 7, 2) - 6.924247647178143)).toBeLessThanOrEqual(1e-13);
  });

  test("over a year it is spot x vol (sqrt(365/365) = 1), and 0 at expiry", () => {
    expect(expectedMove(4000, 0.2, 365)).toBe(800);
    expect(expectedMove(4000, 0.2, 0)).toBe(0);
  });

  const bad: Array<[string, () => number, string]> = [
    ["spot 0", () => expectedMove(0, 0.2, 30), "spot must be a number greater than 0; got 0"],
    ["vol 20 (a percent)", () => expectedMove(5000, 20, 30), "vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20"],
    [
      "days negative",
      () => expectedMove(5000, 0.2, -1),
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -1",
    ],
    [
      "days 45000 (an expiry date typed as days)",
      () => expectedMove(5000, 0.2, 45000),
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    ],
    ["stdevs 0", () => expectedMove(5000, 0.2, 30, 0), "stdevs must be a number greater than 0; got 0"],
    ["spot NaN", () => expectedMove(NaN, 0.2, 30), "spot must be a number greater than 0; got NaN"],
  ];
  for (const [what, f, message] of bad) {
    test(`${what} -> InputError naming the argument and the value`, () => {
      expect(f).toThrow(InputError);
      expect(f).toThrow(message);
    });
  }
});
