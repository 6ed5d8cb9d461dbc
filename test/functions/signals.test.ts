/**
 * The signal functions as Excel calls them: through the BUILT bundle (test/helpers/bundle.ts,
 * DOM-free vm), by id, with arguments shaped as Excel passes them: ranges as matrices (a column
 * n x 1, a row 1 x n, a single cell [[x]]), `null` for an omitted argument, "" for an empty
 * cell. Expected values are hand-derived (shown) or, for long series, the core's own functions
 * whose numbers test/core/signals/* check against TA-Lib and hand derivations.
 *
 * Run with SHIELD_DIST pointing at a fresh build (npx webpack --output-path <dir>).
 */
import { loadBundle, StubExcelError, expectExcelError as expectError } from "../helpers/bundle";
import { ema, macd, ohlcVol, realizedVol } from "../../src/core/signals";
import { spxBars } from "../core/signals/paths";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const column = (xs: unknown[]) => xs.map((x) => [x]);
const row = (xs: unknown[]) => [xs];

/** Replaces every #N/A cell by the string "#N/A" (after checking its message) for easy comparison. */
function na(matrix: unknown, fn: string): unknown[][] {
  return (matrix as unknown[][]).map((r) =>
    r.map((c) => {
      if (c instanceof StubExcelError) {
        expectError(c, "#N/A", fn, "warm-up row");
        return "#N/A";
      }
      return c;
    }),
  );
}

describe("signal functions in the built bundle", () => {
  test("are declared with their series parameters as ranges (matrix) and optional ones as optional", () => {
    const byId = new Map(bundle.metadata.functions.map((f) => [f.id, f]));
    const expectParams = (id: string, spec: Array<[string, boolean, boolean]>) => {
      const f = byId.get(id);
      expect(f).toBeDefined();
      expect(f!.parameters.map((p) => [p.name, p.dimensionality === "matrix", Boolean(p.optional)])).toEqual(spec);
    };
    expectParams("EMA", [
      ["prices", true, false],
      ["period", false, false],
    ]);
    expectParams("RSI", [
      ["prices", true, false],
      ["period", false, true],
    ]);
    expectParams("MACD", [
      ["prices", true, false],
      ["fast", false, true],
      ["slow", false, true],
      ["signal", false, true],
    ]);
    expectParams("AD_LINE", [
      ["advances", true, false],
      ["declines", true, false],
    ]);
    expectParams("REALIZED_VOL", [
      ["closes", true, false],
      ["window", false, true],
      ["periodsPerYear", false, true],
    ]);
    expectParams("OHLC_VOL", [
      ["open", true, false],
      ["high", true, false],
      ["low", true, false],
      ["close", true, false],
      ["window", false, true],
      ["method", false, true],
      ["periodsPerYear", false, true],
    ]);
  });

  describe("EMA", () => {
    // [1, 2, 3, 4, 5], period 3: seed (1 + 2 + 3)/3 = 2, then (4 - 2)/2 + 2 = 3, (5 - 3)/2 + 3 = 4.
    test("a column in, a column out, #N/A for the warm-up", () => {
      expect(na(call("EMA", column([1, 2, 3, 4, 5]), 3), "EMA")).toEqual(column(["#N/A", "#N/A", 2, 3, 4]));
    });
    test("a row in, a row out", () => {
      expect(na(call("EMA", row([1, 2, 3, 4, 5]), 3), "EMA")).toEqual(row(["#N/A", "#N/A", 2, 3, 4]));
    });
    test('trailing blank cells (null or "") come back blank', () => {
      expect(na(call("EMA", column([1, 2, 3, "", null]), 2), "EMA")).toEqual(column(["#N/A", 1.5, 2.5, "", ""]));
    });
    test("a single cell ([[x]]) with period 1 gives that value; a period passed as [[x]] is read too", () => {
      expect(call("EMA", [[7]], 1)).toEqual([[7]]);
      expect(na(call("EMA", column([1, 3]), [[2]]), "EMA")).toEqual(column(["#N/A", 2]));
    });
    test("the #N/A message says where the first value is", () => {
      const out = call("EMA", column([1, 2, 3]), 3) as unknown[][];
      expectError(out[0][0], "#N/A", "EMA", "warm-up row: EMA(3) has its first value at row 3");
    });
  });

  describe("RSI", () => {
    test('period omitted (null or "") means 14: the first value is on row 15', () => {
      const x = Array.from({ length: 16 }, (_, i) => 100 + i); // only rises: RSI 100
      for (const omitted of [null, "", undefined]) {
        const out = na(call("RSI", column(x), omitted), "RSI");
        expect(out.slice(0, 14).every((r) => r[0] === "#N/A")).toBe(true);
        expect(out.slice(14)).toEqual([[100], [100]]);
      }
    });
    test("hand-checked [1, 2, 1, 2], period 2 -> 50, 75 (see test/core/signals/rsi.test.ts), as a row", () => {
      expect(na(call("RSI", row([1, 2, 1, 2]), 2), "RSI")).toEqual(row(["#N/A", "#N/A", 50, 75]));
    });
  });

  describe("MACD", () => {
    // Hand-checked MACD(2, 3, 2) of [1, 2, 4, 3, 5, 6, 8, 7] (test/core/signals/macd.test.ts):
    // row 4 (index 3): macd 1/3, signal 1/2, histogram -1/6.
    const x = [1, 2, 4, 3, 5, 6, 8, 7];
    test("a column gives n rows of macd, signal, histogram", () => {
      const out = na(call("MACD", column([...x, ""]), 2, 3, 2), "MACD") as number[][];
      expect(out).toHaveLength(9);
      expect(out.slice(0, 3)).toEqual([
        ["#N/A", "#N/A", "#N/A"],
        ["#N/A", "#N/A", "#N/A"],
        ["#N/A", "#N/A", "#N/A"],
      ]);
      expect(out[3][0]).toBeCloseTo(1 / 3, 14);
      expect(out[3][1]).toBeCloseTo(1 / 2, 14);
      expect(out[3][2]).toBeCloseTo(-1 / 6, 14);
      expect(out[8]).toEqual(["", "", ""]);
    });
    test("a row gives 3 rows (macd, signal, histogram) of n", () => {
      const out = na(call("MACD", row(x), 2, 3, 2), "MACD") as number[][];
      expect(out).toHaveLength(3);
      out.forEach((line) => expect(line).toHaveLength(8));
      expect(out[0][3]).toBeCloseTo(1 / 3, 14);
      expect(out[1][3]).toBeCloseTo(1 / 2, 14);
      expect(out[2][3]).toBeCloseTo(-1 / 6, 14);
      expect(out[0][2]).toBe("#N/A");
    });
    test("a series too short for any value is all #N/A, and the message says where the first would be", () => {
      const out = call("MACD", column(Array.from({ length: 30 }, (_, t) => t)), null, null, null) as unknown[][];
      expect(out).toHaveLength(30);
      expectError(out[29][1], "#N/A", "MACD", "warm-up row: MACD(12,26,9) has its first value at row 34");
    });
    test("defaults 12/26/9 (null): the first value is on row 34", () => {
      const y = Array.from({ length: 40 }, (_, t) => t); // a line: MACD = (26 - 12)/2 = 7
      const out = na(call("MACD", column(y), null, null, null), "MACD") as number[][];
      expect(out[32]).toEqual(["#N/A", "#N/A", "#N/A"]);
      expect(out[33][0]).toBeCloseTo(7, 12);
      expect(out[33][2]).toBeCloseTo(0, 12);
    });
  });

  test("AD_LINE: rows in, a row out: 1200 - 800 = 400, 400 + 900 - 1500 = -200", () => {
    expect(call("AD_LINE", row([1200, 900, ""]), row([800, 1500, ""]))).toEqual(row([400, -200, ""]));
    expect(call("AD_LINE", column([1200, 900]), column([800, 1500]))).toEqual(column([400, -200]));
  });

  test("REALIZED_VOL: closes 100, 110, 100, window 2 -> sqrt(252 * 2) ln 1.1; defaults via null", () => {
    const out = na(call("REALIZED_VOL", column([100, 110, 100, ""]), 2, null), "REALIZED_VOL") as number[][];
    expect(out[0][0]).toBe("#N/A");
    expect(out[1][0]).toBe("#N/A");
    expect(out[2][0]).toBeCloseTo(Math.sqrt(504) * Math.log(1.1), 14);
    expect(out[3][0]).toBe("");
    const closes = spxBars(30).close;
    const d = na(call("REALIZED_VOL", column(closes), null, null), "REALIZED_VOL") as number[][];
    expect(d[19][0]).toBe("#N/A");
    expect(d[20][0]).toBe(realizedVol(closes, 20, 252).values[20]);
  });

  test("OHLC_VOL: Parkinson of two bars, window 1 -> sqrt(252 ln(102/98)^2 / (4 ln 2)); method in any case", () => {
    const out = na(
      call("OHLC_VOL", column([100, 100]), column([101, 102]), column([99, 98]), column([100, 100]), 1, "Parkinson", null),
      "OHLC_VOL",
    ) as number[][];
    expect(out[0][0]).toBe("#N/A");
    expect(out[1][0]).toBeCloseTo(Math.sqrt((252 * Math.log(102 / 98) ** 2) / (4 * Math.log(2))), 14);
  });

  test("OHLC_VOL defaults (window 20, yang-zhang, 252) via null, rows in and out", () => {
    const b = spxBars(25);
    const out = na(call("OHLC_VOL", row(b.open), row(b.high), row(b.low), row(b.close), null, null, null), "OHLC_VOL") as number[][];
    expect(out).toHaveLength(1);
    expect(out[0][19]).toBe("#N/A");
    expect(out[0][20]).toBe(ohlcVol(b.open, b.high, b.low, b.close, 20, "yang-zhang", 252).values[20]);
  });

  test("OHLC_VOL: a method of 0 (an empty cell as Excel may pass it) means the default, yang-zhang, as OPTION's output", () => {
    // SPEC.md: an empty cell may arrive as 0. Before the fix, 0 was "method must be text; got 0".
    const b = spxBars(25);
    const args = [column(b.open), column(b.high), column(b.low), column(b.close), null] as const;
    const byDefault = call("OHLC_VOL", ...args, null, null);
    expect(call("OHLC_VOL", ...args, 0, null)).toEqual(byDefault);
    expect(call("OHLC_VOL", ...args, [[0]], null)).toEqual(byDefault);
    expect(call("OHLC_VOL", ...args, "", null)).toEqual(byDefault);
    // Another number is still not a method name.
    expectError(call("OHLC_VOL", ...args, 1, null), "#VALUE!", "OHLC_VOL", "method must be text; got 1");
  });

  test('an Excel error value inside a range is named by its code (got #N/A), not "got object"', () => {
    // The stub's Excel error carries its code as `code`, as CustomFunctions.Error does.
    expectError(call("EMA", column([1, new StubExcelError("#N/A"), 3]), 2), "#VALUE!", "EMA", "prices must be a number at row 2; got #N/A");
    expectError(call("REALIZED_VOL", row([100, 101, new StubExcelError("#DIV/0!")]), 2, null), "#VALUE!", "REALIZED_VOL", "got #DIV/0!");
    expectError(call("EMA", column([1, 2, 3]), new StubExcelError("#REF!")), "#VALUE!", "EMA", "period must be a number; got #REF!");
  });

  test("100,000 points in one call, for each function (no timing here: see npm run bench)", () => {
    const b = spxBars(100_000, 2, 0.18, 3); // 3 intraday steps per bar: quick to generate
    const c = column(b.close);
    const last = 99_999;
    expect((call("EMA", c, 20) as number[][])[last][0]).toBe(ema(b.close, 20).values[last]);
    expect((call("RSI", c, null) as number[][])[last][0]).toBeGreaterThan(0);
    expect((call("MACD", c, null, null, null) as number[][])[last][2]).toBe(macd(b.close).histogram[last]);
    expect((call("AD_LINE", c, c) as number[][])[last][0]).toBe(0);
    expect((call("REALIZED_VOL", c, null, null) as number[][])[last][0]).toBe(realizedVol(b.close).values[last]);
    const ohlc = call("OHLC_VOL", column(b.open), column(b.high), column(b.low), c, null, null, null) as number[][];
    expect(ohlc[last][0]).toBe(ohlcVol(b.open, b.high, b.low, b.close).values[last]);
  });

  describe("bad input: #VALUE! naming the function, the argument, the row and the value", () => {
    test.each([
      ["EMA", [column([1, "", 3]), 2], "prices must be a number at row 2 (only cells after the last value may be blank); got (empty)"],
      ["EMA", [column([1, "abc", 3]), 2], 'prices must be a number at row 2; got "abc"'],
      ["EMA", [row([1, true, 3]), 2], "prices must be a number at row 2; got TRUE"],
      ["EMA", [column([1, 2, 3]), 0], "period must be a whole number of 1 or more; got 0"],
      ["EMA", [column([1, 2, 3]), 4], "period must not exceed the number of values in the series (3); got 4"],
      ["EMA", [column([1, 2, 3]), null], "period is required; got (empty)"],
      ["EMA", [null, 3], "prices is required; got (empty)"],
      ["EMA", [column(["", ""]), 1], "prices must hold at least one number; got (empty)"],
      [
        "EMA",
        [
          [
            [1, 2],
            [3, 4],
          ],
          1,
        ],
        'prices must be a single row or a single column; got "a 2x2 range"',
      ],
      ["RSI", [column([1, 2, 3]), "x"], 'period must be a number; got "x"'],
      ["RSI", [column([1, 2, 3]), 1.5], "period must be a whole number of 1 or more; got 1.5"],
      ["MACD", [column([1, 2, 3, 4]), 3, 2, 1], "fast must not exceed slow (2); got 3"],
      ["AD_LINE", [column([1, 2]), column([1, 2, 3])], "declines must have as many cells as advances (2); got 3"],
      ["AD_LINE", [column([1, 2, 3]), column([1, "", 3])], "declines must be a number at row 2"],
      ["AD_LINE", [column([1, -2]), column([1, 1])], "advances must be a number of 0 or more at row 2; got -2"],
      ["REALIZED_VOL", [column([100, 0, 101]), 2, null], "closes must be a price greater than 0 at row 2; got 0"],
      ["REALIZED_VOL", [column([100, 101, 102]), 1, null], "window must be a whole number of 2 or more; got 1"],
      [
        "OHLC_VOL",
        [column([10, 10]), column([11, 8]), column([9, 9]), column([10, 10]), 1, "parkinson", null],
        "high must not be below low (9) at row 2; got 8",
      ],
      ["OHLC_VOL", [column([10, 10]), column([11, 11]), column([9, 9]), column([10, 10]), 1, null, null], "window must be a whole number of 2 or more; got 1"],
      [
        "OHLC_VOL",
        [column([10, 10]), column([11, 11]), column([9, 9]), column([10, 12]), 1, "rs", null],
        'method must be parkinson, garman-klass, rogers-satchell or yang-zhang; got "rs"',
      ],
      [
        "OHLC_VOL",
        [column([10, 10]), column([11, 11]), column([9, 9]), column([10, 12]), 1, "parkinson", null],
        "close must lie between low (9) and high (11) at row 2; got 12",
      ],
      ["OHLC_VOL", [column([10, 10]), column([11]), column([9, 9]), column([10, 10]), 1, null, null], "high must have as many cells as open (2); got 1"],
      [
        "OHLC_VOL",
        [column([10, 10]), column([11, 11]), column([9, 9]), column([10, 10]), 1, "parkinson", 0],
        "periodsPerYear must be a number greater than 0; got 0",
      ],
    ])("%s %#", (id, args, message) => {
      expectError(call(id, ...(args as unknown[])), "#VALUE!", id, `SHIELD.${id}: ${message}`);
    });
  });
});
