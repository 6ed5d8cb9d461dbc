/**
 * SPEC.md "Broadcasting over ranges": OPTION, IMPLIED_VOL, STRIKE_FOR_DELTA, PROB_BETWEEN and
 * PROB_TOUCH over ranges, through the BUILT bundle (dist/functions.js) with arguments shaped as
 * Excel passes matrix parameters (rows of cells; a single cell as [[x]]).
 *
 * Expected values: each element must equal, bit for bit, the single-cell call with that
 * element's arguments (the single-cell results are themselves tested against published values in
 * options.test.ts and impliedVol.test.ts); errors must be the single-cell call's error.
 */
import { loadBundle, expectExcelError, StubExcelError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const column = (xs: unknown[]) => xs.map((x) => [x]);
/** The value of a single-cell call: the cell of its 1x1 result, or the error it threw. */
const one = (id: string, ...args: unknown[]): unknown => {
  const r = call(id, ...args);
  return Array.isArray(r) ? (r as unknown[][])[0][0] : r;
};

const BROADCASTING = ["OPTION", "IMPLIED_VOL", "STRIKE_FOR_DELTA", "PROB_BETWEEN", "PROB_TOUCH"];

describe("metadata", () => {
  test("every numeric argument and type of the five functions is a matrix parameter; OPTION's output is one cell", () => {
    for (const id of BROADCASTING) {
      const meta = bundle.metadata.functions.find((f) => f.id === id)!;
      for (const p of meta.parameters) expect([id, p.name, p.dimensionality ?? "scalar"]).toEqual([id, p.name, p.name === "output" ? "scalar" : "matrix"]);
    }
  });
});

describe("one formula over a chain equals the single-cell calls, element by element", () => {
  const strikes = [4800, 4900, 5000, 5100, 5200];
  const days = 30;

  test("OPTION price and delta over a column of strikes; type and vol single cells", () => {
    for (const output of [null, "delta", "VEGA"]) {
      const got = call("OPTION", [["C"]], [[5000]], column(strikes), [[days]], [[0.2]], [[0.045]], [[0.013]], output) as unknown[][];
      expect(got.length).toBe(5);
      got.forEach((row, i) => expect(row).toEqual([one("OPTION", "C", 5000, strikes[i], days, 0.2, 0.045, 0.013, output)]));
    }
  });

  test("OPTION over a 2x2 matrix of vols and a 2x2 matrix of types", () => {
    const vols = [
      [0.1, 0.2],
      [0.3, 0.4],
    ];
    const types = [
      ["C", "P"],
      ["put", "Call"],
    ];
    const got = call("OPTION", types, 5000, 5000, 30, vols, null, null, "theta") as unknown[][];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(got[i][j]).toBe(one("OPTION", types[i][j], 5000, 5000, 30, vols[i][j], null, null, "theta"));
  });

  test("IMPLIED_VOL over a column of prices and strikes (SPEC's example): the vols of single-cell calls", () => {
    const prices = strikes.map((k) => one("OPTION", k < 5000 ? "P" : "C", 5000, k, days, 0.15 + k / 1e5, 0.045, 0) as number);
    const types = column(strikes.map((k) => (k < 5000 ? "P" : "C")));
    const got = call("IMPLIED_VOL", types, column(prices), [[5000]], column(strikes), [[days]], [[0.045]], null) as unknown[][];
    got.forEach((row, i) => {
      expect(row).toEqual([one("IMPLIED_VOL", types[i][0], prices[i], 5000, strikes[i], days, 0.045, null)]);
      expect(Math.abs((row[0] as number) - (0.15 + strikes[i] / 1e5))).toBeLessThan(1e-12);
    });
  });

  test("STRIKE_FOR_DELTA over a row of deltas and a row of increments", () => {
    const deltas = [[-0.1, -0.16, -0.25]];
    const incs = [[5, 25, null]];
    const got = call("STRIKE_FOR_DELTA", "P", deltas, 5000, 30, 0.2, 0.045, 0.013, incs) as unknown[][];
    expect(got.length).toBe(1);
    got[0].forEach((x, j) => expect(x).toBe(one("STRIKE_FOR_DELTA", "P", deltas[0][j], 5000, 30, 0.2, 0.045, 0.013, incs[0][j])));
  });

  test("PROB_BETWEEN over a column of lower and upper bounds (an empty upper is unbounded above)", () => {
    const lows = column([4500, 4800, 0]);
    const highs = column([5500, "", 5100]);
    const got = call("PROB_BETWEEN", 5000, lows, highs, 30, 0.18, null, null) as unknown[][];
    got.forEach((row, i) => expect(row).toEqual([one("PROB_BETWEEN", 5000, lows[i][0], highs[i][0], 30, 0.18, null, null)]));
  });

  test("PROB_TOUCH over a column of levels and a column of days", () => {
    const levels = column([4500, 5000, 5300]);
    const ds = column([7, 30, 90]);
    const got = call("PROB_TOUCH", 5000, levels, ds, 0.18, 0.045, null) as unknown[][];
    got.forEach((row, i) => expect(row).toEqual([one("PROB_TOUCH", 5000, levels[i][0], ds[i][0], 0.18, 0.045, null)]));
  });
});

describe("element-wise errors: a bad element gets its own error in its own cell", () => {
  test("IMPLIED_VOL: text and a price below intrinsic get #VALUE! and #NUM!, the other cells keep their vols", () => {
    const prices = column([50, "abc", 0.001, 60]);
    const got = call("IMPLIED_VOL", "P", prices, 5000, column([4900, 4900, 5500, 4950]), 30, null, null) as unknown[][];
    expect(typeof got[0][0]).toBe("number");
    expectExcelError(got[1][0], "#VALUE!", "IMPLIED_VOL", 'price must be a number; got "abc"');
    expectExcelError(got[2][0], "#NUM!", "IMPLIED_VOL", "intrinsic");
    expect(got[2][0]).toEqual(one("IMPLIED_VOL", "P", 0.001, 5000, 5500, 30));
    expect(got[3][0]).toBe(one("IMPLIED_VOL", "P", 60, 5000, 4950, 30));
  });

  test("OPTION: a bad type and an out-of-domain vol inside ranges", () => {
    const got = call("OPTION", column(["C", "X", "P"]), 5000, 5000, 30, column([0.2, 0.2, 20])) as unknown[][];
    expect(got[0][0]).toBe(one("OPTION", "C", 5000, 5000, 30, 0.2));
    expectExcelError(got[1][0], "#VALUE!", "OPTION", 'type must be C, CALL, P or PUT; got "X"');
    expectExcelError(got[2][0], "#VALUE!", "OPTION", "vol must be a decimal between 0 and 5", "got 20");
  });

  test("a blank cell inside the data is that element's error; blank cells after the last value come back blank", () => {
    const got = call("PROB_TOUCH", 5000, column([5100, null, 5200, "", null]), 30, 0.2) as unknown[][];
    expect(typeof got[0][0]).toBe("number");
    expectExcelError(got[1][0], "#VALUE!", "PROB_TOUCH", "level is required");
    expect(typeof got[2][0]).toBe("number");
    expect([got[3][0], got[4][0]]).toEqual(["", ""]);
  });
});

describe("shape rules", () => {
  test("ranges of different shapes are #VALUE! naming both arguments and their shapes", () => {
    expectExcelError(
      call("IMPLIED_VOL", "C", column([50, 60, 70]), 5000, column([5000, 5050, 5100, 5150]), 30),
      "#VALUE!",
      "IMPLIED_VOL",
      "price (a 3x1 range) and strike (a 4x1 range) must have the same shape, or one of them must be a single cell",
    );
    // A row against a column of the same length is a mismatch too (Excel's built-ins would make a grid).
    expectExcelError(
      call("OPTION", "C", [[5000, 5010, 5020]], column([5000, 5010, 5020]), 30, 0.2),
      "#VALUE!",
      "OPTION",
      "spot (a 1x3 range) and strike (a 3x1 range)",
    );
    expectExcelError(
      call("PROB_BETWEEN", [[5000, 5010]], 0, 5100, column([7, 30]), 0.2),
      "#VALUE!",
      "PROB_BETWEEN",
      "spot (a 1x2 range) and days (a 2x1 range)",
    );
  });

  test("the result has the ranges' shape; a single cell applies to every element", () => {
    const got = call("PROB_TOUCH", [[5000, 5000, 5000]], [[5100]], [[7, 30, 90]], 0.2) as unknown[][];
    expect(got.length).toBe(1);
    expect(got[0].length).toBe(3);
  });

  test("OPTION output 'all' with a range argument is #VALUE! saying why; 'all' with single cells is the 1x9 row", () => {
    expectExcelError(
      call("OPTION", "C", 5000, column([4900, 5000]), 30, 0.2, null, null, "all"),
      "#VALUE!",
      "OPTION",
      "output all",
      "cannot be combined with a range argument",
    );
    const row = call("OPTION", [["C"]], [[5000]], [[5000]], [[30]], [[0.2]], null, null, "all") as unknown[][];
    expect(row.length).toBe(1);
    expect(row[0].length).toBe(9);
  });

  test("OPTION's output must be one cell", () => {
    expectExcelError(call("OPTION", "C", 5000, 5000, 30, 0.2, null, null, [["price", "delta"]]), "#VALUE!", "OPTION", "output must be a single cell");
  });
});

describe("a single cell everywhere behaves exactly as before", () => {
  test("[[x]] and x give the same 1x1 result, and a bad single cell throws the formula's error (not an array)", () => {
    expect(call("OPTION", [["C"]], [[5000]], [[5100]], [[30]], [[0.2]], [[0.045]], [[0.013]], null)).toEqual(
      call("OPTION", "C", 5000, 5100, 30, 0.2, 0.045, 0.013, null),
    );
    expect(call("IMPLIED_VOL", [["P"]], [[50]], [[5000]], [[4900]], [[30]], null, null)).toEqual(call("IMPLIED_VOL", "P", 50, 5000, 4900, 30, null, null));
    const bad = call("PROB_TOUCH", [[5000]], [["x"]], [[30]], [[0.2]]);
    expect(bad).toBeInstanceOf(StubExcelError);
    expectExcelError(bad, "#VALUE!", "PROB_TOUCH", 'level must be a number; got "x"');
  });
});
