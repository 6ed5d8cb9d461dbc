/**
 * STRESS called by id in the BUILT bundle (test/helpers/bundle.ts: no DOM), arguments shaped as
 * Excel passes them. Build first: `npx webpack --mode production --output-path /tmp/alvh-dist`,
 * then `SHIELD_DIST=/tmp/alvh-dist npx jest test/functions/stress`.
 *
 * Expected values: every leg repriced by the core's BSM optionPrice (what OPTION returns) at the
 * shocked spot, days and vol, and the futures hedge's P/L by hand (units x 1000 x beta(d) x
 * vixMove). Also runs docs/examples/stress.json.
 */
import { optionPrice } from "../../src/core/bsm";
import { expectExcelError, loadBundle, StubExcelError } from "../helpers/bundle";

const bundle = loadBundle();
const call = (id: string, ...args: unknown[]) => bundle.call(id, ...args);

const LEGS = [
  ["P", 4650, 10, 45, 0.205],
  ["P", 4700, -10, 45, 0.195],
  ["C", 5250, -10, 45, 0.15],
  ["C", 5300, 10, 45, 0.145],
];
const CURVE = [
  [30, 17.4],
  [60, 18.3],
  [90, 18.9],
];
const VEGA = (call("POSITION_GREEKS", LEGS, 5000, 0.045, 0.013) as number[][])[0][4] * 100;
const SIZED = call(
  "VIX_HEDGE",
  VEGA,
  45,
  16.5,
  CURVE.map(([d, p]) => ["FUT", d, p, null, null]),
) as unknown[][];
const HEDGE = SIZED.map((r) => r.slice(0, 7));
const SPOT_MOVES = [[-0.1], [-0.05], [0], [0.05]];
const VIX_MOVES = [[-5, 0, 5, 10, 20]];

function handCell(spotMove: number, vixMove: number, daysForward: number, hedge: unknown[][]): number {
  const legs = LEGS.reduce((sum, [type, strike, qty, days, vol]) => {
    const kind = type === "C" ? "call" : "put";
    const d = Math.max((days as number) - daysForward, 0);
    const v = Math.max(0.01, (vol as number) + (Math.min(1.5, Math.sqrt(30 / (days as number))) * vixMove) / 100);
    const then = optionPrice(kind, 5000 * (1 + spotMove), strike as number, d, v, 0.045, 0.013);
    return sum + (qty as number) * 100 * (then - optionPrice(kind, 5000, strike as number, days as number, vol as number, 0.045, 0.013));
  }, 0);
  const futures = hedge.reduce((sum, r) => sum + (r[5] as number) * 1000 * Math.min(1, 0.5 * Math.sqrt(30 / (r[1] as number))) * vixMove, 0);
  return legs + futures;
}

describe("STRESS", () => {
  test("is declared with SPEC's parameters, the ranges as matrices, and a help url", () => {
    const meta = bundle.metadata.functions.find((f) => f.id === "STRESS") as { parameters: Array<{ name: string; dimensionality?: string }>; helpUrl?: string };
    expect(meta.parameters.map((p) => p.name)).toEqual([
      "legs",
      "spot",
      "spotMoves",
      "vixMoves",
      "daysForward",
      "multiplier",
      "hedge",
      "vixSpot",
      "rate",
      "yield",
    ]);
    for (const m of ["legs", "spotMoves", "vixMoves", "hedge"]) expect(meta.parameters.find((p) => p.name === m)!.dimensionality).toBe("matrix");
    expect(meta.helpUrl).toMatch(/#stress$/);
  });

  test.each([0, 7, 45])("the hedged condor's grid after %d days: rows = SPX moves, columns = VIX moves, each cell legs repriced + futures P/L", (days) => {
    const grid = call("STRESS", LEGS, 5000, SPOT_MOVES, VIX_MOVES, days, null, HEDGE, 16.5, 0.045, 0.013) as number[][];
    expect(grid).toHaveLength(4);
    grid.forEach((row, i) => {
      expect(row).toHaveLength(5);
      row.forEach((cell, j) => {
        const want = handCell(SPOT_MOVES[i][0], VIX_MOVES[0][j], days, HEDGE);
        expect(Math.abs(cell - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
      });
    });
  });

  test("no shock and no days forward is a 0 cell; the hedge column and a row or column of moves give the same grid", () => {
    const grid = call("STRESS", LEGS, 5000, [[0]], [[0]], null, null, HEDGE, null, 0.045, 0.013) as number[][];
    expect(grid).toEqual([[0]]);
    const a = call("STRESS", LEGS, 5000, SPOT_MOVES, VIX_MOVES, 7, null, HEDGE, 16.5, 0.045, 0.013);
    const b = call(
      "STRESS",
      LEGS,
      5000,
      [SPOT_MOVES.map((r) => r[0])],
      VIX_MOVES[0].map((m) => [m]),
      7,
      null,
      SIZED,
      16.5,
      0.045,
      0.013,
    );
    expect(b).toEqual(a); // moves as a row / a column; VIX_HEDGE's whole 10-column spill as the hedge
    const padded = call(
      "STRESS",
      [...LEGS, [null, null, null, null, null]],
      5000,
      [...SPOT_MOVES, [null]],
      [[...VIX_MOVES[0], ""]],
      7,
      null,
      [...HEDGE, Array(7).fill(null)],
      16.5,
      0.045,
      0.013,
    );
    expect(padded).toEqual(a);
  });

  test("without a hedge the grid is the legs alone; multiplier scales it", () => {
    const legsOnly = call("STRESS", LEGS, 5000, SPOT_MOVES, VIX_MOVES, null, null, null, null, 0.045, 0.013) as number[][];
    const x50 = call("STRESS", LEGS, 5000, SPOT_MOVES, VIX_MOVES, null, 50, null, null, 0.045, 0.013) as number[][];
    legsOnly.forEach((row, i) =>
      row.forEach((c, j) => {
        expect(Math.abs(c - handCell(SPOT_MOVES[i][0], VIX_MOVES[0][j], 0, []))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c)));
        expect(x50[i][j]).toBeCloseTo(c / 2, 8);
      }),
    );
  });

  test("a cell the model cannot value is #NUM! with the reason; the others keep numbers", () => {
    const grid = call("STRESS", LEGS, 5000, [[0]], [[-40, 0, 10]], null, null, HEDGE, 16.5, 0.045, 0.013) as unknown[][];
    expectExcelError(grid[0][0], "#NUM!", "STRESS", "hedge row 1", "takes its future to");
    expect(grid[0].slice(1).every((c) => typeof c === "number")).toBe(true);
  });

  test.each([
    ["daysForward negative", { 4: -1 }, "daysForward must be calendar days", "got -1"],
    ["a spot move of -100%", { 2: [[0], [-1]] }, "spotMoves cell 2 must be greater than -1", "got -1"],
    [
      "moves as a 2-D block",
      {
        3: [
          [1, 2],
          [3, 4],
        ],
      },
      "vixMoves must be a single row or a single column",
      "a 2x2 range",
    ],
    ["a blank between moves", { 3: [[1, null, 2]] }, "vixMoves cell 2 is required", "(empty)"],
    ["text as a move", { 2: [["x"]] }, "spotMoves cell 1 must be a number", '"x"'],
    ["legs 4 columns wide", { 0: LEGS.map((r) => r.slice(0, 4)) }, "legs must be a range 5 columns wide", "a 4x4 range"],
    ["a bad leg vol", { 0: [["P", 4650, 10, 45, 20]] }, "legs row 1 vol must be a decimal between 0 and 5", "got 20"],
    ["a hedge 6 columns wide", { 6: HEDGE.map((r) => r.slice(0, 6)) }, "hedge must be VIX_HEDGE's first 7 columns", "a 3x6 range"],
    ["a FUT hedge row with multiplier 100", { 6: [[...HEDGE[0].slice(0, 6), 100]] }, "hedge row 1 multiplier must be 1000 for a FUT row", "got 100"],
    [
      "a hedge row whose units are VIX_HEDGE's #NUM!",
      { 6: [[...HEDGE[0].slice(0, 5), new StubExcelError("#NUM!", "x"), 1000]] },
      "hedge row 1 units must be a number",
      "#NUM!",
    ],
    [
      "a hedge row with an unknown instrument",
      { 6: [["VIX", 30, 17.4, "", "", 1, 1000]] },
      "hedge row 1 instrument must be FUT, VXM, CALL, PUT or ETF",
      '"VIX"',
    ],
    ["a CALL hedge row without a vol", { 6: [["CALL", 60, 18.3, 22, "", 1, 100]] }, "hedge row 1 volOrLeverage is required for a CALL row", "(empty)"],
    ["a hedge row without units", { 6: [["FUT", 30, 17.4, "", "", null, 1000]] }, "hedge row 1 units is required", "(empty)"],
    ["ETF rows only and no vixSpot", { 6: [["ETF", 30, 25, "", 1.5, 100, 1]], 7: null }, "vixSpot is required when every hedge row is an ETF", "(empty)"],
    ["spot 0", { 1: 0 }, "spot must be a number greater than 0", "got 0"],
  ])("%s is #VALUE! naming the argument", (_name, change, message, seen) => {
    const args: unknown[] = [LEGS, 5000, SPOT_MOVES, VIX_MOVES, null, null, HEDGE, 16.5, 0.045, 0.013];
    for (const [i, v] of Object.entries(change)) args[Number(i)] = v;
    expectExcelError(call("STRESS", ...args), "#VALUE!", "STRESS", message, seen);
  });
});
