/**
 * The stress view and block (src/taskpane/plan/stressPlan.ts): the heatmap (the core's
 * stressGrid) against STRESS called on the BUILT bundle with the block's own ranges, an
 * independent check of the unhedged cells at no VIX move against CONDOR_PRICE, and the planned
 * block evaluated in HyperFormula (the real functions registered) and in the pane's preview.
 * Needs the build: SHIELD_DIST (or ./dist).
 */
import { loadBundle } from "../helpers/bundle";
import { planCondor } from "../../src/taskpane/plan/condorPlan";
import { planLadder } from "../../src/taskpane/plan/ladderPlan";
import { renderPlan } from "../../src/taskpane/plan/render";
import {
  condorLegs,
  ladderHedge,
  layoutStress,
  SPOT_MOVES,
  stressHeatmap,
  stressLayout,
  VIX_MOVES,
  type StressInputs,
} from "../../src/taskpane/plan/stressPlan";
import type { CondorModel, Plan } from "../../src/taskpane/plan/types";
import { evaluatePlan } from "../../src/taskpane/preview";
import { shieldEngine } from "./hyperformulaShield";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

const bundle = loadBundle();
const lookup =
  (id: string) =>
  (...args: unknown[]) =>
    bundle.call(id, ...args);

function planned(r: ReturnType<typeof planCondor>): Plan {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}
const condor = planned(planCondor(ISSUE_CONDOR));
const model = condor.model as CondorModel;
const ladder = planned(planLadder(LADDER_FORM));
const fromLadder = ladderHedge(ladder, evaluatePlan(ladder, lookup));
const hedged: StressInputs = { condor: model, hedge: fromLadder.hedge, vixSpot: fromLadder.vixSpot, hedgeSource: "the ladder", daysForward: 0 };
const bare: StressInputs = { condor: model, hedge: [], hedgeSource: "", daysForward: 0 };

/** STRESS on the bundle, with the legs and hedge as ranges of cells (as the block holds them). */
function stressCall(x: StressInputs, withHedge: boolean): unknown[][] {
  const legs = condorLegs(x.condor).map((l) => [l.kind === "put" ? "P" : "C", l.strike, l.qty, l.days, l.vol]);
  const hedge = x.hedge.map((h) => [h.instrument, h.days, h.price, h.strike ?? "", h.volOrLeverage ?? "", h.units, h.multiplier]);
  return bundle.call(
    "STRESS",
    legs,
    x.condor.spot,
    SPOT_MOVES.map((s) => [s]),
    [VIX_MOVES],
    x.daysForward,
    x.condor.multiplier,
    withHedge ? hedge : null,
    withHedge ? (x.vixSpot ?? null) : null,
    x.condor.rate,
    x.condor.yield,
  ) as unknown[][];
}

describe("the stress heatmap", () => {
  test("the ladder's hedge: one FUT row per layer with VIX_LADDER's unrounded contracts (long VIX against a short-vega condor)", () => {
    expect(fromLadder.hedge.map((h) => [h.instrument, h.days, h.price, h.multiplier])).toEqual([
      ["FUT", 30, 19, 1000],
      ["FUT", 60, 20, 1000],
      ["FUT", 90, 20.5, 1000],
    ]);
    const contracts = bundle.call(
      "VIX_LADDER",
      -1317.21,
      30,
      18,
      [
        [30, 19],
        [60, 20],
        [90, 20.5],
      ],
      null,
      1000,
    ) as number[][];
    expect(fromLadder.hedge.map((h) => h.units)).toEqual(contracts.map((r) => r[5]));
    fromLadder.hedge.forEach((h) => expect(h.units).toBeGreaterThan(0));
    expect(fromLadder.vixSpot).toBe(18);
  });

  test("every cell, with and without the hedge, is STRESS's through the bundle", () => {
    const map = stressHeatmap(hedged);
    expect(map.unhedged).toEqual(stressCall(hedged, false));
    expect(map.hedged).toEqual(stressCall(hedged, true));
    expect(stressHeatmap(bare).hedged).toBeNull();
  });

  test("unhedged, no VIX move: the legs' P/L is the condor's value now minus then (CONDOR_PRICE), x 10 x 100; 0 at no move", () => {
    const map = stressHeatmap(bare);
    const j = VIX_MOVES.indexOf(0);
    const price = (spot: number) => bundle.call("CONDOR_PRICE", spot, 4670, 4720, 5240, 5290, 30, [[0.21, 0.21, 0.16, 0.16]], 0, 0) as number;
    SPOT_MOVES.forEach((s, i) => {
      const expected = (price(5000) - price(5000 * (1 + s))) * 1000; // short the condor: gains when it cheapens
      const got = map.unhedged[i][j] as number;
      expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    });
    expect(map.unhedged[SPOT_MOVES.indexOf(0)][j]).toBe(0);
  });

  test("the hedge pays when VIX rises: at SPX down 10% and VIX +20, hedged beats unhedged", () => {
    const map = stressHeatmap(hedged);
    const i = SPOT_MOVES.indexOf(-0.1);
    const j = VIX_MOVES.indexOf(20);
    expect((map.hedged![i][j] as number) - (map.unhedged[i][j] as number)).toBeGreaterThan(0);
  });
});

describe("the stress block", () => {
  const plan = layoutStress(hedged);
  const L = stressLayout(3);

  test("one live STRESS per grid over the block's own cells; the unhedged one omits hedge and vixSpot", () => {
    const r = renderPlan(plan, { row: 0, col: 0 });
    expect(r.formulas[L.grid + 1][1]).toBe(`=SHIELD.STRESS(A12:E15,B3,A${L.grid + 2}:A${L.grid + 8},B${L.grid + 1}:F${L.grid + 1},B4,B5,A19:G21,B6,B7,B8)`);
    expect(r.formulas[L.grid2 + 1][1]).toBe(`=SHIELD.STRESS(A12:E15,B3,A${L.grid + 2}:A${L.grid + 8},B${L.grid + 1}:F${L.grid + 1},B4,B5,,,B7,B8)`);
    expect(r.spills.map((s) => s.range)).toEqual([`B${L.grid + 2}:F${L.grid + 8}`, `B${L.grid2 + 2}:F${L.grid2 + 8}`]);
  });

  test("HyperFormula (real functions) and the pane's preview compute the heatmap's numbers from the block", () => {
    const map = stressHeatmap(hedged);
    const hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    const anchor = { row: 3, col: 2 };
    const rendered = renderPlan(plan, anchor);
    hf.setCellContents(
      { sheet, row: anchor.row, col: anchor.col },
      rendered.formulas.map((r) => r.map((x) => (x === "" ? null : x))),
    );
    const preview = evaluatePlan(plan, lookup);
    SPOT_MOVES.forEach((_, i) =>
      VIX_MOVES.forEach((_, j) => {
        expect(hf.getCellValue({ sheet, row: anchor.row + L.grid + 1 + i, col: anchor.col + 1 + j })).toBe(map.hedged![i][j]);
        expect(hf.getCellValue({ sheet, row: anchor.row + L.grid2 + 1 + i, col: anchor.col + 1 + j })).toBe(map.unhedged[i][j]);
        expect(preview.values[L.grid + 1 + i][1 + j]).toBe(map.hedged![i][j]);
        expect(preview.values[L.grid2 + 1 + i][1 + j]).toBe(map.unhedged[i][j]);
      }),
    );
    // Live: 7 days forward in the block's cell moves every number to STRESS with daysForward 7.
    hf.setCellContents({ sheet, row: anchor.row + L.input.daysForward, col: anchor.col + 1 }, 7);
    const later = stressHeatmap({ ...hedged, daysForward: 7 });
    expect(hf.getCellValue({ sheet, row: anchor.row + L.grid + 1, col: anchor.col + 1 })).toBe(later.hedged![0][0]);
    expect(later.hedged![0][0]).not.toBe(map.hedged![0][0]);
    hf.destroy();
  });

  test("without a hedge: one grid, and the section says there is none", () => {
    const p = layoutStress(bare);
    expect(p.cells.find((c) => c.value === "Hedge: none (build or preview a hedge ladder to add one)")).toBeDefined();
    expect(p.cells.filter((c) => c.spill)).toHaveLength(1);
    const preview = evaluatePlan(p, lookup);
    const map = stressHeatmap(bare);
    expect(preview.values[stressLayout(0).grid + 1][1]).toBe(map.unhedged[0][0]);
  });
});
