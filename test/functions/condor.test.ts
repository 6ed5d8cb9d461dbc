/**
 * The condor custom functions, called by id from the BUILT bundle (dist/functions.js, or
 * $SHIELD_DIST) loaded with no DOM, with arguments shaped as Excel passes them: scalars, `null`
 * for an omitted optional, `[[x]]` for a scalar into a matrix parameter, ranges as rows and
 * columns.
 *
 * Expected values: the MPMATH 40-digit oracle documented in test/core/condor.test.ts,
 * ../shared/reference/published-cases.json `condorArithmetic`, and hand derivations shown inline.
 */
import * as fs from "fs";
import * as path from "path";
import { loadBundle, expectExcelError as expectError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);

const published = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "published-cases.json"), "utf8")).condorArithmetic[0] as {
  putLong: number;
  putShort: number;
  callShort: number;
  callLong: number;
  credit: number;
  breakevens: [number, number];
  maxProfit: number;
  maxLoss: number;
};

/** MPMATH oracle: spot 5000, strikes 4850/4900/5100/5150, 30 days, flat 18%, rate 0, yield 0. */
const FLAT = [
  31.429608667228237, 0.0012959281950064438, -0.00025720790851561441, 0.28539507657212008, -0.95131692190706698, 0.031158287377200375, -8.6968792523817825e-6,
  2.6090637757145347e-6, 0.092828641810207476,
];
/** MPMATH oracle: same strikes, vols 24/21/15/14%, rate 4.5%, yield 1.3%. */
const SKEW = [
  21.272237291817405, -0.057176620903028317, -0.00032209182399677318, 0.11148566375737739, -0.94802867575727032, -0.21748838401917056, 0.0051056053666443333,
  -0.00050747675587558887, 0.10430279167098726,
];
const SKEW_VOLS = [0.24, 0.21, 0.15, 0.14];
const STRIKES = [4850, 4900, 5100, 5150];

function close(actual: unknown, expected: number, rel = 1e-9, abs = 1e-12): void {
  expect(typeof actual).toBe("number");
  const err = Math.abs((actual as number) - expected);
  if (!(err <= rel * Math.abs(expected) + abs)) throw new Error(`got ${actual}, expected ${expected}`);
}

const IDS = ["CONDOR_PRICE", "CONDOR_DELTA", "CONDOR_GREEKS", "BREAKEVEN", "CONDOR_RISK", "CONDOR_POP", "CONDOR_PAYOFF"];

describe("metadata of the condor functions", () => {
  test("every id is declared and associated", () => {
    const declared = bundle.metadata.functions.map((f) => f.id);
    for (const id of IDS) {
      expect(declared).toContain(id);
      expect(bundle.functions.has(id)).toBe(true);
    }
  });
  test("argument order as SPEC.md, vol and prices declared as ranges (matrix), rate/yield optional", () => {
    const meta = (id: string) => bundle.metadata.functions.find((f) => f.id === id)!;
    const names = (id: string) => meta(id).parameters.map((p) => p.name);
    const model = ["spot", "putLong", "putShort", "callShort", "callLong", "days", "vol", "rate", "yield"];
    for (const id of ["CONDOR_PRICE", "CONDOR_DELTA", "CONDOR_GREEKS"]) expect(names(id)).toEqual(model);
    expect(names("CONDOR_POP")).toEqual(["spot", "putLong", "putShort", "callShort", "callLong", "days", "vol", "credit", "rate", "yield"]);
    expect(names("BREAKEVEN")).toEqual(["putLong", "putShort", "callShort", "callLong", "credit"]);
    expect(names("CONDOR_RISK")).toEqual(["putLong", "putShort", "callShort", "callLong", "credit"]);
    expect(names("CONDOR_PAYOFF")).toEqual(["putLong", "putShort", "callShort", "callLong", "credit", "prices", "daysLeft", "vol", "rate", "yield"]);
    for (const id of IDS) {
      for (const p of meta(id).parameters) {
        const isRange = p.name === "vol" || p.name === "prices";
        expect([p.name, p.dimensionality ?? "scalar"]).toEqual([p.name, isRange ? "matrix" : "scalar"]);
        const optional = ["rate", "yield"].includes(p.name) || (id === "CONDOR_PAYOFF" && ["daysLeft", "vol"].includes(p.name));
        expect([p.name, Boolean(p.optional)]).toEqual([p.name, optional]);
      }
    }
  });
});

describe("CONDOR_PRICE, CONDOR_DELTA, CONDOR_GREEKS", () => {
  test("CONDOR_DELTA(5000,4850,4900,5100,5150,30,0.18): the issue's example (MPMATH 0.0012959281950064438)", () => {
    close(call("CONDOR_DELTA", 5000, ...STRIKES, 30, [[0.18]], null, null), FLAT[1]);
    close(call("CONDOR_DELTA", 5000, ...STRIKES, 30, 0.18), FLAT[1]); // a bare scalar, too
  });
  test('vol as [[x]], a 1x4 row and a 4x1 column; omitted rate/yield as null, "" or absent', () => {
    close(call("CONDOR_PRICE", 5000, ...STRIKES, 30, [[0.18]], null, null), FLAT[0]);
    close(call("CONDOR_PRICE", 5000, ...STRIKES, 30, [[0.18]], "", ""), FLAT[0]);
    close(call("CONDOR_PRICE", 5000, ...STRIKES, 30, [[0.18]]), FLAT[0]);
    close(call("CONDOR_PRICE", 5000, ...STRIKES, 30, [[0.18, 0.18, 0.18, 0.18]], null, null), FLAT[0]);
    close(call("CONDOR_PRICE", 5000, ...STRIKES, 30, [SKEW_VOLS], 0.045, 0.013), SKEW[0]);
    close(
      call(
        "CONDOR_PRICE",
        5000,
        ...STRIKES,
        30,
        SKEW_VOLS.map((v) => [v]),
        [[0.045]],
        [[0.013]],
      ),
      SKEW[0],
    );
  });
  test("CONDOR_GREEKS is a 1x9 row: credit, delta, gamma, theta, vega, rho, vanna, charm, vomma (MPMATH)", () => {
    for (const [vol, rate, yld, expected] of [
      [[[0.18]], null, null, FLAT],
      [[SKEW_VOLS], 0.045, 0.013, SKEW],
      [SKEW_VOLS.map((v) => [v]), 0.045, 0.013, SKEW],
    ] as Array<[unknown, unknown, unknown, number[]]>) {
      const row = call("CONDOR_GREEKS", 5000, ...STRIKES, 30, vol, rate, yld) as number[][];
      expect(row).toHaveLength(1);
      expect(row[0]).toHaveLength(9);
      row[0].forEach((x, i) => close(x, expected[i]));
    }
  });
  test("bad input: #VALUE! naming the function, the argument and the value", () => {
    for (const id of ["CONDOR_PRICE", "CONDOR_DELTA", "CONDOR_GREEKS"]) {
      expectError(call(id, 5000, 4900, 4850, 5100, 5150, 30, [[0.18]], null, null), "#VALUE!", id, "putShort must be greater than putLong (4900)", "got 4850");
      expectError(call(id, "abc", ...STRIKES, 30, [[0.18]], null, null), "#VALUE!", id, 'spot must be a number; got "abc"');
      expectError(call(id, 5000, ...STRIKES, null, [[0.18]], null, null), "#VALUE!", id, "days is required; got (empty)");
      expectError(call(id, 5000, ...STRIKES, 30, [[20]], null, null), "#VALUE!", id, "vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20");
      expectError(call(id, 5000, ...STRIKES, 30, [[0.2, 0.2]], null, null), "#VALUE!", id, "vol must be one vol or four", "1x2");
      expectError(call(id, 5000, ...STRIKES, 30, [[0.2], [0.2], [0.2]], null, null), "#VALUE!", id, "vol must be one vol or four", "3x1");
      expectError(
        call(
          id,
          5000,
          ...STRIKES,
          30,
          [
            [0.2, 0.2],
            [0.2, 0.2],
          ],
          null,
          null,
        ),
        "#VALUE!",
        id,
        "vol must be one vol or four",
        "2x2",
      );
      expectError(call(id, 5000, ...STRIKES, 30, [[0.2, 0.2, "", 0.2]], null, null), "#VALUE!", id, "vol (callShort) is required");
      expectError(
        call(id, 5000, ...STRIKES, 30, [[0.2, 2000, 0.2, 0.2]], null, null),
        "#VALUE!",
        id,
        "vol (putShort) must be a decimal between 0 and 5",
        "got 2000",
      );
      expectError(call(id, 5000, ...STRIKES, 30, null, null, null), "#VALUE!", id, "vol is required");
      expectError(call(id, 5000, ...STRIKES, 30, [[0.18]], "x", null), "#VALUE!", id, 'rate must be a number; got "x"');
    }
  });
});

describe("BREAKEVEN and CONDOR_RISK", () => {
  const { putLong, putShort, callShort, callLong, credit } = published;
  test("published condorArithmetic: breakevens, max profit, max loss", () => {
    expect(call("BREAKEVEN", putLong, putShort, callShort, callLong, credit)).toEqual([published.breakevens]);
    expect(call("CONDOR_RISK", putLong, putShort, callShort, callLong, credit)).toEqual([
      [published.maxProfit, published.maxLoss, published.maxProfit / published.maxLoss],
    ]);
    expect(call("CONDOR_RISK", [[putLong]], [[putShort]], [[callShort]], [[callLong]], [[credit]])).toEqual([[12.5, 37.5, 12.5 / 37.5]]);
  });
  test("BREAKEVEN: #N/A in the cell of a side whose width the credit reaches, the other cell a number", () => {
    // Hand: call wing 5250/5270 is 20 wide; credit 20 reaches it; the put side breaks even at 4930.
    const row = call("BREAKEVEN", 4900, 4950, 5250, 5270, 20) as unknown[][];
    expect(row[0][0]).toBe(4930);
    expectError(row[0][1], "#N/A", "BREAKEVEN", "no upper breakeven");
  });
  test("CONDOR_RISK: a credit that reaches the wider wing is #VALUE! (an arbitrage quote)", () => {
    expectError(
      call("CONDOR_RISK", 4900, 4950, 5250, 5300, 1250),
      "#VALUE!",
      "CONDOR_RISK",
      "credit must be less than the wider wing's width (50)",
      "got 1250",
    );
  });
  test("bad input", () => {
    for (const id of ["BREAKEVEN", "CONDOR_RISK"]) {
      expectError(call(id, 4900, 4950, 5250, 5300, -1), "#VALUE!", id, "credit must be a number of 0 or more", "got -1");
      expectError(call(id, 4900, 4950, 5250, 5200, 10), "#VALUE!", id, "callLong must be greater than callShort (5250)", "got 5200");
      expectError(call(id, 4900, 4950, 4940, 5300, 10), "#VALUE!", id, "callShort must be at least putShort (4950)", "got 4940");
      expectError(call(id, 4900, "4950", 5250, 5300, 10), "#VALUE!", id, 'putShort must be a number; got "4950"');
      expectError(call(id, 4900, 4950, 5250, 5300, null), "#VALUE!", id, "credit is required; got (empty)");
    }
  });
});

describe("CONDOR_POP", () => {
  test("flat and four vols (row and column) against MPMATH", () => {
    // credit 30: breakevens 4870 / 5130 -> 0.38563550065840517.
    close(call("CONDOR_POP", 5000, ...STRIKES, 30, [[0.18]], 30, null, null), 0.38563550065840517, 1e-12, 1e-15);
    // credit 20: 4880 at the putShort vol 0.21, 5120 at the callShort vol 0.15 -> 0.35730986547096184.
    const v = [0.3, 0.21, 0.15, 0.11];
    close(call("CONDOR_POP", 5000, ...STRIKES, 30, [v], 20, 0.045, 0.013), 0.35730986547096184, 1e-12, 1e-15);
    close(
      call(
        "CONDOR_POP",
        5000,
        ...STRIKES,
        30,
        v.map((x) => [x]),
        20,
        0.045,
        0.013,
      ),
      0.35730986547096184,
      1e-12,
      1e-15,
    );
  });
  test("bad input", () => {
    expectError(call("CONDOR_POP", 5000, ...STRIKES, 30, [[0.18]], -5, null, null), "#VALUE!", "CONDOR_POP", "credit must be a number of 0 or more", "got -5");
    expectError(call("CONDOR_POP", 5000, ...STRIKES, 30, [[0.18]], null, null, null), "#VALUE!", "CONDOR_POP", "credit is required");
    expectError(
      call("CONDOR_POP", 5000, 4850, 4900, 5100, 5100, 30, [[0.18]], 20, null, null),
      "#VALUE!",
      "CONDOR_POP",
      "callLong must be greater than callShort",
    );
    expectError(call("CONDOR_POP", 5000, ...STRIKES, 30, [[20]], 20, null, null), "#VALUE!", "CONDOR_POP", "vol must be a decimal between 0 and 5", "got 20");
    expectError(call("CONDOR_POP", 5000, ...STRIKES, 30, [[0.2, 0.2, 0.2]], 20, null, null), "#VALUE!", "CONDOR_POP", "vol must be one vol or four");
    expectError(
      call("CONDOR_POP", 5000, ...STRIKES, -3, [[0.2]], 20, null, null),
      "#VALUE!",
      "CONDOR_POP",
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -3",
    );
    // An expiry date typed as days (serial 45000 = 2023-03-15): the shared 100-year bound.
    expectError(
      call("CONDOR_POP", 5000, ...STRIKES, 45000, [[0.2]], 20, null, null),
      "#VALUE!",
      "CONDOR_POP",
      "days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
  });
});

describe("CONDOR_PAYOFF", () => {
  const k = [4900, 4950, 5250, 5300];
  test("at expiry, prices as a column and as a row keep their shape (hand values: credit 12.5)", () => {
    // Below 4900: 12.5 - 50 = -37.5; 4937.5 is the breakeven; between the shorts +12.5.
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[4800], [4937.5], [5100], [5262.5], [5400]], null, null, null, null)).toEqual([
      [-37.5],
      [0],
      [12.5],
      [0],
      [-37.5],
    ]);
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[4800, 4937.5, 5100, 5262.5, 5400]], null, null, null, null)).toEqual([[-37.5, 0, 12.5, 0, -37.5]]);
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[5100]], 0, null, null, null)).toEqual([[12.5]]);
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[5100]], "", "", "", "")).toEqual([[12.5]]);
  });
  test("blank trailing cells of a longer selection come back blank", () => {
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[4800], [5100], [null], [""]], null, null, null, null)).toEqual([[-37.5], [12.5], [""], [""]]);
    expect(call("CONDOR_PAYOFF", ...k, 12.5, [[4800, 5100, ""]], null, null, null, null)).toEqual([[-37.5, 12.5, ""]]);
  });
  test("before expiry: credit minus the model credit at that price (flat and four vols)", () => {
    // At spot 5000 with the oracle's market (strikes 4850/4900/5100/5150, 30 days), the model
    // credit is MPMATH's: 31.4296... (flat 18%) and 21.2722... (skew, rate 4.5%, yield 1.3%).
    close((call("CONDOR_PAYOFF", ...STRIKES, 40, [[5000]], 30, [[0.18]], null, null) as number[][])[0][0], 40 - FLAT[0]);
    close((call("CONDOR_PAYOFF", ...STRIKES, 40, [[5000, 5000]], 30, [SKEW_VOLS], 0.045, 0.013) as number[][])[0][1], 40 - SKEW[0]);
    close(
      (
        call(
          "CONDOR_PAYOFF",
          ...STRIKES,
          40,
          [[5000], [""]],
          30,
          SKEW_VOLS.map((v) => [v]),
          0.045,
          0.013,
        ) as number[][]
      )[0][0],
      40 - SKEW[0],
    );
  });
  test("bad input: a blank or text inside the series names its row; daysLeft > 0 needs a vol", () => {
    expectError(call("CONDOR_PAYOFF", ...k, 12.5, [[4800], [""], [5100]], null, null, null, null), "#VALUE!", "CONDOR_PAYOFF", "prices row 2 is required");
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[4800], ["abc"], [5100]], null, null, null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      'prices row 2 must be a number; got "abc"',
    );
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[4800, "abc"]], null, null, null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      'prices column 2 must be a number; got "abc"',
    );
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[4800], [-1]], null, null, null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "prices row 2 must be a number greater than 0; got -1",
    );
    expectError(call("CONDOR_PAYOFF", ...k, 12.5, [[""], [null]], null, null, null, null), "#VALUE!", "CONDOR_PAYOFF", "prices is required");
    expectError(
      call(
        "CONDOR_PAYOFF",
        ...k,
        12.5,
        [
          [4800, 4900],
          [5000, 5100],
        ],
        null,
        null,
        null,
        null,
      ),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "prices must be a single row or a single column",
    );
    expectError(call("CONDOR_PAYOFF", ...k, 12.5, [[5000]], 10, null, null, null), "#VALUE!", "CONDOR_PAYOFF", "vol is required when daysLeft is more than 0");
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[5000]], 10, [[20]], null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "vol must be a decimal between 0 and 5",
      "got 20",
    );
    expectError(call("CONDOR_PAYOFF", ...k, 12.5, [[5000]], 10, [[0.2, 0.2]], null, null), "#VALUE!", "CONDOR_PAYOFF", "vol must be one vol or four");
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[5000]], -2, [[0.2]], null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "daysLeft must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -2",
    );
    expectError(
      call("CONDOR_PAYOFF", ...k, 12.5, [[5000]], 45000, [[0.2]], null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "daysLeft must be calendar days to expiry, from 0 to 36500",
      "got 45000",
    );
    expectError(
      call("CONDOR_PAYOFF", ...k, -12.5, [[5000]], null, null, null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "credit must be a number of 0 or more",
      "got -12.5",
    );
    expectError(
      call("CONDOR_PAYOFF", 4950, 4900, 5250, 5300, 12.5, [[5000]], null, null, null, null),
      "#VALUE!",
      "CONDOR_PAYOFF",
      "putShort must be greater than putLong (4950)",
      "got 4900",
    );
  });
});
