/**
 * POSITION_GREEKS, VIX_BETA, VIX_CONTANGO, VIX_LAYER_RATIO and VIX_LADDER called by id in the
 * BUILT bundle (test/helpers/bundle.ts: no DOM, as in Excel's JavaScript-only runtime), with
 * arguments shaped as Excel passes them: scalars, `null` for an omitted argument, `[[x]]` for a
 * scalar in a range parameter, row and column ranges, and ranges with blank trailing rows.
 *
 * Build first: `npx webpack --mode production --output-path /tmp/hedge-dist` and run with
 * `SHIELD_DIST=/tmp/hedge-dist npx jest test/functions/hedge`.
 *
 * Expected values: SPEC.md's formulas worked by hand (closed forms evaluated with mpmath at 30
 * digits; the arithmetic is in test/core/hedge.test.ts and repeated briefly here), and put-call
 * parity for POSITION_GREEKS. REL = 1e-14: each number is a few correctly rounded operations.
 */
import { loadBundle, StubExcelError, expectExcelError as expectError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const REL = 1e-14;

function expectRel(got: unknown, want: number, rel = REL): void {
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(rel * Math.abs(want));
}

// Worked example of issue 3: -900 $/vol pt, 45 days, VIX 16.5, futures 17.4/18.3/18.9 at 30/60/90 d.
const CURVE = [
  [30, 17.4],
  [60, 18.3],
  [90, 18.9],
];
// contracts = 0.9 sqrt(2/3) w ratio / beta (see test/core/hedge.test.ts for the derivation)
const CONTRACTS = [0.72482628297811316, 0.61503549585127588, 0.51143105010183383];
const BETAS = [0.5, 0.3535533905932738, 0.2886751345948129]; // 0.5, 0.5 sqrt(1/2), 0.5 sqrt(1/3)
const RATIOS = [217 / 220, 217 / 220, 221 / 220];

function expectWorkedExample(table: unknown, weights = [0.5, 0.3, 0.2], contracts = CONTRACTS): void {
  expect(Array.isArray(table)).toBe(true);
  const rows = table as number[][];
  expect(rows.length).toBe(3);
  rows.forEach((row, i) => {
    expect(row.length).toBe(6);
    expect(row[0]).toBe(CURVE[i][0]);
    expect(row[1]).toBe(CURVE[i][1]);
    expectRel(row[2], weights[i]);
    expectRel(row[3], BETAS[i]);
    expectRel(row[4], RATIOS[i]);
    expectRel(row[5], contracts[i]);
  });
}

describe("the hedge ids are declared with their parameters", () => {
  test.each([
    ["POSITION_GREEKS", ["legs", "spot", "rate", "yield"], "legs"],
    ["VIX_BETA", ["days", "beta30", "exponent"], null],
    ["VIX_CONTANGO", ["vixSpot", "futurePrice", "futureDays"], null],
    ["VIX_LAYER_RATIO", ["vixSpot", "futurePrice", "futureDays", "gain", "neutral", "floor", "cap"], null],
    [
      "VIX_LADDER",
      ["positionVega", "positionDays", "vixSpot", "curve", "weights", "multiplier", "beta30", "exponent", "gain", "neutral", "floor", "cap", "betaIvCap"],
      "curve",
    ],
  ])("%s(%j)", (id, names, matrixParam) => {
    const meta = bundle.metadata.functions.find((f) => f.id === id);
    expect(meta).toBeDefined();
    expect(meta!.parameters.map((p) => p.name)).toEqual(names);
    if (matrixParam) expect(meta!.parameters.find((p) => p.name === matrixParam)!.dimensionality).toBe("matrix");
    expect(bundle.functions.has(id)).toBe(true);
  });
});

describe("VIX_LADDER", () => {
  test("the worked example: =SHIELD.VIX_LADDER(-900, 45, 16.5, A2:B4) spills 3 x 6", () => {
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, CURVE));
  });

  test("trailing blank rows of the curve (null, '' or 0 cells) are ignored", () => {
    const curve = [...CURVE, [null, null], ["", ""]];
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, curve, null, null, null, null));
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, [...CURVE, [0, 0], [0, null]]));
  });

  test("weights as a row, a column, and with trailing blank cells; omitted -> 0.5/0.3/0.2", () => {
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[5, 3, 2]]));
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[0.5], [0.3], [0.2]]));
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, [...CURVE, [null, null]], [[0.5], [0.3], [0.2], [null]]));
    expectWorkedExample(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[null, null, null]]));
    // weights 1/1/2 -> 0.25/0.25/0.5; contracts scale by w_new / w_old per layer
    expectWorkedExample(
      call("VIX_LADDER", -900, 45, 16.5, CURVE, [[1, 1, 2]]),
      [0.25, 0.25, 0.5],
      [(CONTRACTS[0] * 0.25) / 0.5, (CONTRACTS[1] * 0.25) / 0.3, (CONTRACTS[2] * 0.5) / 0.2],
    );
  });

  test("multiplier 100 (VXM) gives 10 times the contracts; a long-vol position sells", () => {
    const minis = call("VIX_LADDER", -900, 45, 16.5, CURVE, null, 100) as number[][];
    minis.forEach((row, i) => expectRel(row[5], CONTRACTS[i] * 10));
    const longVol = call("VIX_LADDER", [[900]], [[45]], 16.5, CURVE) as number[][];
    longVol.forEach((row, i) => expectRel(row[5], -CONTRACTS[i]));
  });

  test("one layer as a 1 x 2 range with a scalar weight [[x]]", () => {
    // flat curve at 20 (s = 0, ratio 1.15), 30 days (beta 0.5), positionDays 30 (beta_iv 1):
    // 1000 * 1 * 1 * 1.15 / (0.5 * 1000) = 2.3
    const t = call("VIX_LADDER", -1000, 30, 20, [[30, 20]], [[7]]) as number[][];
    expect(t.length).toBe(1);
    expectRel(t[0][2], 1);
    expectRel(t[0][5], 2.3);
  });

  test("trailing constants (gain ... betaIvCap) are honoured: gain 0 makes every ratio 1", () => {
    const t = call("VIX_LADDER", -900, 45, 16.5, CURVE, null, null, null, null, 0) as number[][];
    t.forEach((row) => expect(row[4]).toBe(1));
  });

  test("bad input: #VALUE! naming the function, the argument and the value", () => {
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [
        [30, 17.4],
        [60, null],
        [90, 18.9],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "curve row 2 futures price is required; got (empty)",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [
        [30, 17.4],
        [null, null],
        [90, 18.9],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "curve row 2 days is required",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [
        [30, 17.4],
        [0, 18],
        [90, 18.9],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "curve row 2 days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [
        [30, 17.4],
        [60, -1],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "curve row 2 futures price must be a number greater than 0; got -1",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [[30, 17.4, 1]]),
      "#VALUE!",
      "VIX_LADDER",
      "curve must be a range 2 columns wide (days, futures price)",
      "1x3",
    );
    expectError(call("VIX_LADDER", -900, 45, 16.5, [[null, null]]), "#VALUE!", "VIX_LADDER", "curve must have 1 to 12 layers", "got 0");
    expectError(call("VIX_LADDER", -900, 45, 16.5, null), "#VALUE!", "VIX_LADDER", "curve is required; got (empty)");
    expectError(call("VIX_LADDER", -900, 45, 16.5, [[30, 0]]), "#VALUE!", "VIX_LADDER", "curve row 1 futures price must be a number greater than 0; got 0");
    const thirteen = Array.from({ length: 13 }, (_, i) => [30 * (i + 1), 18]);
    expectError(call("VIX_LADDER", -900, 45, 16.5, thirteen), "#VALUE!", "VIX_LADDER", "curve must have 1 to 12 layers", "got 13");
    expectError(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[1, 1]]), "#VALUE!", "VIX_LADDER", "weights must have one cell per curve layer (3); got 2");
    expectError(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[1, -1, 1]]), "#VALUE!", "VIX_LADDER", "weights cell 2 must be a number of 0 or more; got -1");
    expectError(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[0, 0, 0]]), "#VALUE!", "VIX_LADDER", "weights must not all be 0");
    expectError(call("VIX_LADDER", -900, 45, 16.5, CURVE, [[1, "x", 1]]), "#VALUE!", "VIX_LADDER", 'weights cell 2 must be a number; got "x"');
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, CURVE, [
        [1, 1],
        [1, 1],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "weights must be a single row or a single column",
    );
    expectError(call("VIX_LADDER", -900, 45, 0, CURVE), "#VALUE!", "VIX_LADDER", "vixSpot must be a number greater than 0; got 0");
    expectError(
      call("VIX_LADDER", -900, -3, 16.5, CURVE),
      "#VALUE!",
      "VIX_LADDER",
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -3",
    );
    expectError(call("VIX_LADDER", "lots", 45, 16.5, CURVE), "#VALUE!", "VIX_LADDER", 'positionVega must be a number; got "lots"');
    expectError(call("VIX_LADDER", null, 45, 16.5, CURVE), "#VALUE!", "VIX_LADDER", "positionVega is required; got (empty)");
    expectError(call("VIX_LADDER", -900, 45, 16.5, CURVE, null, 0), "#VALUE!", "VIX_LADDER", "multiplier must be a number greater than 0; got 0");
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, CURVE, null, null, null, null, null, null, 1.4, 1.3),
      "#VALUE!",
      "VIX_LADDER",
      "floor must not exceed cap (1.3); got 1.4",
    );
  });

  test("cap 0 (how an empty cell may arrive) -> #VALUE!, never a silent ratio 0 and 0 contracts", () => {
    // Before the fix: floor 0 and cap 0 (both empty cells arriving as 0) gave ratio 0 in every layer.
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, CURVE, null, null, null, null, null, null, 0, 0),
      "#VALUE!",
      "VIX_LADDER",
      "cap must be greater than 0",
      "got 0",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, CURVE, null, null, null, null, null, null, null, 0),
      "#VALUE!",
      "VIX_LADDER",
      "cap must be greater than 0",
      "got 0",
    );
    // gain, neutral and floor of 0 keep their meaning: gain 0 makes every ratio 1 (above).
    const t = call("VIX_LADDER", -900, 45, 16.5, CURVE, null, null, null, null, 0, 0, 0, null) as number[][];
    t.forEach((row) => expect(row[4]).toBe(1));
  });

  test("days above 100 years (an expiry date typed as days) -> #VALUE!, for positionDays and every curve row", () => {
    expectError(
      call("VIX_LADDER", -900, 45000, 16.5, CURVE),
      "#VALUE!",
      "VIX_LADDER",
      "positionDays must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expectError(
      call("VIX_LADDER", -900, 45, 16.5, [
        [30, 17.4],
        [45000, 18.3],
      ]),
      "#VALUE!",
      "VIX_LADDER",
      "curve row 2 days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
  });
});

describe("VIX_BETA, VIX_CONTANGO, VIX_LAYER_RATIO", () => {
  test("values as scalars, [[x]] and with omitted (null, '') optionals", () => {
    expect(call("VIX_BETA", 30)).toBe(0.5); // 0.5 * (30/30)^0.5
    expectRel(call("VIX_BETA", [[60]], null, ""), 0.3535533905932738); // 0.5 * sqrt(1/2)
    expectRel(call("VIX_BETA", 60, 0.5, 1), 0.25); // 0.5 * (1/2)^1
    expect(call("VIX_BETA", 7.5)).toBe(1); // 0.5 * sqrt(4) = 1 (the cap)
    expectRel(call("VIX_CONTANGO", 16.5, 17.4, 30), 3 / 55); // 0.9 / 16.5
    expectRel(call("VIX_CONTANGO", [[16.5]], [[18.9]], [[90]]), 8 / 165); // (2.4 / 16.5) / 3
    expectRel(call("VIX_LAYER_RATIO", 16.5, 17.4, 30), 217 / 220); // 1 + 3 (0.05 - 3/55)
    expectRel(call("VIX_LAYER_RATIO", 16.5, 18.9, 90, null, null, null, null), 221 / 220); // 1 + 3 (0.05 - 8/165)
    expect(call("VIX_LAYER_RATIO", 15, 20, 30)).toBe(0.7); // s = 1/3 -> 0.15 -> floor
    expect(call("VIX_LAYER_RATIO", 30, 25, 30, "", "", "", "")).toBe(1.3); // s = -1/6 -> 1.65 -> cap
    expectRel(call("VIX_LAYER_RATIO", 20, 22, 30, 1, 0, 0, 2), 0.9); // 1 + 1 (0 - 0.1)
  });

  test("bad input: #VALUE! naming the function, the argument and the value", () => {
    expectError(
      call("VIX_BETA", 0),
      "#VALUE!",
      "VIX_BETA",
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
    expectError(call("VIX_BETA", null), "#VALUE!", "VIX_BETA", "days is required; got (empty)");
    expectError(call("VIX_BETA", 30, -0.5), "#VALUE!", "VIX_BETA", "beta30 must be a number greater than 0; got -0.5");
    expectError(call("VIX_BETA", 30, 0.5, "half"), "#VALUE!", "VIX_BETA", 'exponent must be a number; got "half"');
    expectError(call("VIX_CONTANGO", -16, 17, 30), "#VALUE!", "VIX_CONTANGO", "vixSpot must be a number greater than 0; got -16");
    expectError(call("VIX_CONTANGO", 16, 0, 30), "#VALUE!", "VIX_CONTANGO", "futurePrice must be a number greater than 0; got 0");
    expectError(
      call("VIX_CONTANGO", 16, 17, -30),
      "#VALUE!",
      "VIX_CONTANGO",
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got -30",
    );
    expectError(call("VIX_LAYER_RATIO", 16.5, 17.4, 30, 3, 0.05, 1.5, 1.3), "#VALUE!", "VIX_LAYER_RATIO", "floor must not exceed cap (1.3); got 1.5");
    expectError(call("VIX_LAYER_RATIO", 16.5, 17.4, 30, -3), "#VALUE!", "VIX_LAYER_RATIO", "gain must be a number of 0 or more; got -3");
    expectError(call("VIX_LAYER_RATIO", 16.5, 17.4, 30, 3, 0.05, 0, 0), "#VALUE!", "VIX_LAYER_RATIO", "cap must be greater than 0", "got 0");
    expectError(call("VIX_LAYER_RATIO", 16.5, 17.4, 30, null, null, null, 0), "#VALUE!", "VIX_LAYER_RATIO", "cap must be greater than 0", "got 0");
    expectError(
      call("VIX_LAYER_RATIO", 16.5, 17.4, 45000),
      "#VALUE!",
      "VIX_LAYER_RATIO",
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expectError(
      call("VIX_BETA", 45000),
      "#VALUE!",
      "VIX_BETA",
      "days must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    expectError(
      call("VIX_LAYER_RATIO", 16.5, 17.4, 0),
      "#VALUE!",
      "VIX_LAYER_RATIO",
      "futureDays must be calendar days to the future's expiry, greater than 0 and at most 36500 (for an expiry date, use expiry - TODAY()); got 0",
    );
  });
});

describe("POSITION_GREEKS", () => {
  // Put-call parity (by hand): +1 call, -1 put at K = 4900, 73 days (T = 0.2), S = 5000, r = 4%, q = 1.5%
  // is a forward: value S e^{-qT} - K e^{-rT}, delta e^{-qT}, no gamma or vega.
  const S = 5000,
    K = 4900,
    T = 0.2,
    r = 0.04,
    q = 0.015;
  const forwardValue = S * Math.exp(-q * T) - K * Math.exp(-r * T);

  function expectForward(result: unknown): void {
    expect(Array.isArray(result)).toBe(true);
    const row = (result as number[][])[0];
    expect((result as number[][]).length).toBe(1);
    expect(row.length).toBe(9);
    expect(Math.abs(row[0] - forwardValue)).toBeLessThanOrEqual(1e-9 * S);
    expect(Math.abs(row[1] - Math.exp(-q * T))).toBeLessThanOrEqual(1e-14);
    expect(Math.abs(row[2])).toBeLessThanOrEqual(1e-14); // gamma
    expect(Math.abs(row[4])).toBeLessThanOrEqual(1e-14); // vega
  }

  test("a 2 x 5 legs range (type, strike, qty, days, vol), any-case types, trailing blank rows ignored", () => {
    const legs = [
      ["C", K, 1, 73, 0.2],
      [" put ", K, -1, 73, 0.2],
      [null, null, null, null, null],
      ["", "", "", "", ""],
    ];
    expectForward(call("POSITION_GREEKS", legs, S, r, q));
  });

  test("a blank row between legs is skipped; rate and yield given as [[x]]", () => {
    const legs = [
      ["call", K, 1, 73, 0.3],
      [null, null, null, null, null],
      ["P", K, -1, 73, 0.3],
      [0, 0, 0, 0, 0], // empty cells delivered as 0
    ];
    expectForward(call("POSITION_GREEKS", legs, [[S]], [[r]], [[q]]));
  });

  test("the condor's four legs equal CONDOR_GREEKS with value = -credit", () => {
    const legs = [
      ["P", 4850, 1, 30, 0.2],
      ["P", 4900, -1, 30, 0.2],
      ["C", 5100, -1, 30, 0.2],
      ["C", 5150, 1, 30, 0.2],
      [null, null, null, null, null],
    ];
    const pos = (call("POSITION_GREEKS", legs, 5000, null, null) as number[][])[0];
    const condor = (call("CONDOR_GREEKS", 5000, 4850, 4900, 5100, 5150, 30, 0.2, null, null) as number[][])[0];
    expect(pos[0]).toBeLessThan(0); // a short condor's legs are worth minus the credit
    // Four-term sums in different orders: a few ulps of the largest leg (put legs ~ 30 at most).
    expect(Math.abs(pos[0] + condor[0])).toBeLessThanOrEqual(1e-12);
    for (let j = 1; j < 9; j++) expect(Math.abs(pos[j] - condor[j])).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(condor[j])));
  });

  test("no legs (an all-blank range) gives a row of zeros", () => {
    expect(call("POSITION_GREEKS", [[null, null, null, null, null]], 100)).toEqual([[0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  });

  test("bad input: #VALUE! naming the function, the row and field, and the value", () => {
    expectError(
      call(
        "POSITION_GREEKS",
        [
          ["C", 100, 1, 30, 0.2],
          ["P", 95, -1, 30, null],
        ],
        100,
      ),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 2 vol is required; got (empty)",
    );
    expectError(
      call(
        "POSITION_GREEKS",
        [
          ["C", 100, 1, 30, 0.2],
          ["X", 95, -1, 30, 0.2],
        ],
        100,
      ),
      "#VALUE!",
      "POSITION_GREEKS",
      'legs row 2 type must be C, CALL, P or PUT; got "X"',
    );
    expectError(
      call(
        "POSITION_GREEKS",
        [
          ["C", 100, 1, 30, 0.2],
          [5, 95, -1, 30, 0.2],
        ],
        100,
      ),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 2 type must be text; got 5",
    );
    expectError(call("POSITION_GREEKS", [["C", 100, "one", 30, 0.2]], 100), "#VALUE!", "POSITION_GREEKS", 'legs row 1 qty must be a number; got "one"');
    expectError(
      call("POSITION_GREEKS", [["C", -100, 1, 30, 0.2]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 1 strike must be a number greater than 0; got -100",
    );
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, -1, 0.2]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 1 days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got -1",
    );
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, 45000, 0.2]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 1 days must be calendar days to expiry, from 0 to 36500 (for an expiry date, use expiry - TODAY()); got 45000",
    );
    // An Excel error value in a leg cell is named by its code (StubExcelError carries it as `code`).
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, new StubExcelError("#N/A"), 0.2]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 1 days must be a number; got #N/A",
    );
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, 30, 20]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs row 1 vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20",
    );
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, 30]], 100),
      "#VALUE!",
      "POSITION_GREEKS",
      "legs must be a range 5 columns wide (type, strike, qty, days, vol)",
      "1x4",
    );
    expectError(call("POSITION_GREEKS", null, 100), "#VALUE!", "POSITION_GREEKS", "legs is required; got (empty)");
    expectError(call("POSITION_GREEKS", [["C", 100, 1, 30, 0.2]], 0), "#VALUE!", "POSITION_GREEKS", "spot must be a number greater than 0; got 0");
    expectError(call("POSITION_GREEKS", [["C", 100, 1, 30, 0.2]], null), "#VALUE!", "POSITION_GREEKS", "spot is required; got (empty)");
    expectError(
      call("POSITION_GREEKS", [["C", 100, 1, 30, 0.2]], 100, 5),
      "#VALUE!",
      "POSITION_GREEKS",
      "rate must be a decimal between -1 and 1 (enter 5% as 0.05); got 5",
    );
  });
});
