/**
 * VIX_HEDGE, VIX_CM and VIX_TERM called by id in the BUILT bundle (test/helpers/bundle.ts: no DOM),
 * with arguments shaped as Excel passes them. Build first:
 * `npx webpack --mode production --output-path /tmp/alvh-dist` and run with
 * `SHIELD_DIST=/tmp/alvh-dist npx jest test/functions/vixHedge`.
 *
 * Expected values: scripts/golden/vix_hedge.py (mpmath, 40 digits) for the worked example; the
 * bundle's own VIX_LADDER for SPEC's FUT-only identity; hand arithmetic for VIX_CM / VIX_TERM.
 * Its examples in docs/examples/vix-hedge.json run in test/docs.test.ts with every other example.
 */
import * as fs from "fs";
import * as path from "path";
import { expectExcelError, loadBundle } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);
const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../core/fixtures/vix-hedge-golden.json"), "utf8")) as Record<string, number[][]>;

const WORKED = [
  ["FUT", 30, 17.4, null, null],
  ["CALL", 60, 18.3, 22.875, 0.95],
  ["etf", 30, 25, "", 1.5],
];

function expectRel(got: unknown, want: number, rel = 1e-12): void {
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(want)));
}

describe("the ids are declared with SPEC's parameters and a help url", () => {
  test.each([
    ["VIX_HEDGE", ["positionVega", "positionDays", "vixSpot", "layers", "weights", "rate"], ["layers", "weights"]],
    ["VIX_CM", ["curve", "days"], ["curve"]],
    ["VIX_TERM", ["vixSpot", "curve"], ["curve"]],
  ])("%s(%j)", (id, names, matrices) => {
    const meta = bundle.metadata.functions.find((f) => f.id === id) as
      { parameters: Array<{ name: string; dimensionality?: string }>; helpUrl?: string } | undefined;
    expect(meta).toBeDefined();
    expect(meta!.parameters.map((p) => p.name)).toEqual(names);
    for (const m of matrices) expect(meta!.parameters.find((p) => p.name === m)!.dimensionality).toBe("matrix");
    expect(meta!.helpUrl).toMatch(new RegExp(`#${id.toLowerCase()}$`));
  });
});

describe("VIX_HEDGE", () => {
  test("the worked example spills 3 x 10: names in capitals, blanks echoed blank, numbers as mpmath's", () => {
    const t = call("VIX_HEDGE", -900, 45, 16.5, WORKED, null, 0.04) as unknown[][];
    expect(t.map((r) => r.slice(0, 5))).toEqual([
      ["FUT", 30, 17.4, "", ""],
      ["CALL", 60, 18.3, 22.875, 0.95],
      ["ETF", 30, 25, "", 1.5],
    ]);
    expect(t.map((r) => r[6])).toEqual([1000, 100, 1]);
    t.forEach((r, i) => {
      const [units, premium, cost, carry] = golden.worked[i];
      expectRel(r[5], units);
      if (premium === 0) expect(r[7]).toBe(0);
      else expectRel(r[7], premium);
      if (cost === 0) expect(r[8]).toBe(0);
      else expectRel(r[8], cost);
      expectRel(r[9], carry);
    });
  });

  test("FUT-only layers with the default weights give VIX_LADDER's contracts exactly", () => {
    const curve = [
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
      [120, 19.2],
    ];
    for (const vega of [-900, -1347.3343696687443, 250]) {
      const ladder = call("VIX_LADDER", vega, 45, 16.5, curve) as number[][];
      const hedge = call(
        "VIX_HEDGE",
        vega,
        45,
        16.5,
        curve.map(([d, p]) => ["fut", d, p, 0, 0]),
      ) as unknown[][];
      expect(hedge.map((r) => r[5])).toEqual(ladder.map((r) => r[5]));
      const minis = call(
        "VIX_HEDGE",
        vega,
        45,
        16.5,
        curve.map(([d, p]) => ["VXM", d, p, null, null]),
      ) as unknown[][];
      expect(minis.map((r) => r[5])).toEqual((call("VIX_LADDER", vega, 45, 16.5, curve, null, 100) as number[][]).map((r) => r[5]));
    }
  });

  test("trailing blank rows of layers are ignored; weights as a row or a column", () => {
    const base = call("VIX_HEDGE", -900, 45, 16.5, WORKED, null, 0.04);
    expect(call("VIX_HEDGE", -900, 45, 16.5, [...WORKED, [null, null, null, null, null], ["", 0, 0, "", ""]], null, 0.04)).toEqual(base);
    expect(call("VIX_HEDGE", -900, 45, 16.5, WORKED, [[5, 3, 2]], 0.04)).toEqual(base);
    expect(call("VIX_HEDGE", -900, 45, 16.5, WORKED, [[0.5], [0.3], [0.2]], 0.04)).toEqual(base);
  });

  test("a far out-of-the-money option is #NUM! in its units, cost and carry, with the reason; other rows keep numbers", () => {
    const t = call("VIX_HEDGE", -900, 45, 16.5, [WORKED[0], ["CALL", 30, 17.4, 80, 0.8], WORKED[2]]) as unknown[][];
    for (const j of [5, 8, 9]) expectExcelError(t[1][j], "#NUM!", "VIX_HEDGE", "layers row 2", "delta to its future", "below 1e-6");
    expect(t[1].slice(0, 5)).toEqual(["CALL", 30, 17.4, 80, 0.8]);
    expect(typeof t[1][7]).toBe("number");
    for (const r of [t[0], t[2]]) expect(r.slice(5).every((c) => typeof c === "number" && Number.isFinite(c))).toBe(true);
  });

  test.each([
    [[["OPT", 30, 17.4, null, null]], "layers row 1 instrument must be FUT, VXM, CALL, PUT or ETF", '"OPT"'],
    [[[12, 30, 17.4, null, null]], "layers row 1 instrument must be text", "12"],
    [[["FUT", 0, 17.4, null, null]], "layers row 1 days must be calendar days to the future's expiry, greater than 0", "got 0"],
    [[["FUT", -30, 17.4, null, null]], "layers row 1 days", "got -30"],
    [[["FUT", 30, "x", null, null]], "layers row 1 price must be a number", '"x"'],
    [[["FUT", 30, -1, null, null]], "layers row 1 price must be a number greater than 0", "got -1"],
    [[["FUT", 30, 17.4, 20, null]], "layers row 1 strike must be blank for a FUT row", "got 20"],
    [[["FUT", 30, 17.4, null, 0.9]], "layers row 1 volOrLeverage must be blank for a FUT row", "got 0.9"],
    [[["CALL", 60, 18.3, null, 0.95]], "layers row 1 strike is required for a CALL row", "(empty)"],
    [[["PUT", 60, 18.3, 15, ""]], "layers row 1 volOrLeverage is required for a PUT row", "(empty)"],
    [[["CALL", 60, 18.3, 22, 95]], "layers row 1 volOrLeverage must be a decimal between 0 and 5", "got 95"],
    [[["ETF", 30, 25, null, null]], "layers row 1 volOrLeverage is required for an ETF row", "(empty)"],
    [[["ETF", 30, 25, 3, 1.5]], "layers row 1 strike must be blank for an ETF row", "got 3"],
    [
      [
        ["FUT", 30, 17.4, null, null],
        [null, null, null, null, null],
        ["FUT", 60, 18.3, null, null],
      ],
      "layers row 2 instrument is required",
      "(empty)",
    ],
    [[["FUT", 30, 17.4]], "layers must be a range 5 columns wide", "a 1x3 range"],
  ])("bad layers %j are #VALUE! naming row and column", (layers, message, seen) => {
    expectExcelError(call("VIX_HEDGE", -900, 45, 16.5, layers, null, null), "#VALUE!", "VIX_HEDGE", message, seen);
  });

  test("bad position arguments, weights and rate are #VALUE! naming them", () => {
    expectExcelError(call("VIX_HEDGE", null, 45, 16.5, WORKED), "#VALUE!", "VIX_HEDGE", "positionVega is required");
    expectExcelError(call("VIX_HEDGE", -900, -1, 16.5, WORKED), "#VALUE!", "VIX_HEDGE", "positionDays");
    expectExcelError(call("VIX_HEDGE", -900, 45, 0, WORKED), "#VALUE!", "VIX_HEDGE", "vixSpot");
    expectExcelError(call("VIX_HEDGE", -900, 45, 16.5, WORKED, [[1, 1]]), "#VALUE!", "VIX_HEDGE", "weights must have one cell per curve layer (3)");
    expectExcelError(call("VIX_HEDGE", -900, 45, 16.5, WORKED, null, 3), "#VALUE!", "VIX_HEDGE", "rate must be a decimal between -1 and 1");
    expectExcelError(call("VIX_HEDGE", -900, 45, 16.5, null), "#VALUE!", "VIX_HEDGE", "layers is required");
  });
});

describe("VIX_CM", () => {
  const CURVE = [
    [23, 17.2],
    [51, 18.1],
    [79, 18.6],
  ];
  test("Cboe's weights between nodes, the node itself at a node, 30 days by default", () => {
    expectRel(call("VIX_CM", CURVE, null), 17.425, 1e-15);
    expectRel(call("VIX_CM", CURVE, 65), 18.35, 1e-15);
    expect(call("VIX_CM", CURVE, 51)).toBe(18.1);
    expect(
      call(
        "VIX_CM",
        [
          [23, 17.2],
          [51, 18.1],
          [null, null],
        ],
        23,
      ),
    ).toBe(17.2);
  });
  test("outside the curve #NUM!; not ascending, days <= 0, bad cells #VALUE! naming row and column", () => {
    expectExcelError(call("VIX_CM", CURVE, 80), "#NUM!", "VIX_CM", "spans 23 to 79 days");
    expectExcelError(
      call(
        "VIX_CM",
        [
          [51, 18.1],
          [23, 17.2],
        ],
        30,
      ),
      "#VALUE!",
      "VIX_CM",
      "curve row 2 days must be greater than the row above's (51)",
    );
    expectExcelError(call("VIX_CM", CURVE, -5), "#VALUE!", "VIX_CM", "days must be calendar days");
    expectExcelError(call("VIX_CM", [[23, "x"]], 30), "#VALUE!", "VIX_CM", "curve row 1 futures price must be a number");
    expectExcelError(call("VIX_CM", [[23, 17.2, 1]], 30), "#VALUE!", "VIX_CM", "curve must be a range 2 columns wide");
  });
});

describe("VIX_TERM", () => {
  test("k x 4: days, price, contango per 30 days, kink; #N/A at the ends with the reason", () => {
    const t = call("VIX_TERM", 16.5, [
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ]) as unknown[][];
    expect(t.map((r) => r.slice(0, 2))).toEqual([
      [30, 17.4],
      [60, 18.3],
      [90, 18.9],
    ]);
    expectRel(t[0][2], 0.9 / 16.5, 1e-14);
    expectRel(t[2][2], 2.4 / 16.5 / 3, 1e-14);
    expectRel(t[1][3], 0.15, 1e-13);
    expectExcelError(t[0][3], "#N/A", "VIX_TERM", "curve row 1", "no row above");
    expectExcelError(t[2][3], "#N/A", "VIX_TERM", "curve row 3", "no row below");
  });
  test("a curve not ascending is #VALUE!", () => {
    expectExcelError(
      call("VIX_TERM", 16.5, [
        [60, 18.3],
        [30, 17.4],
      ]),
      "#VALUE!",
      "VIX_TERM",
      "curve row 2 days",
    );
  });
});
