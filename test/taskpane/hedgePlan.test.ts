/**
 * The ladder builder with an instrument per layer (src/taskpane/plan/hedgePlan.ts): the
 * planner's choices (a by-delta strike is the grid strike whose Black-76 delta on the layer's
 * future is nearest the target, by the core's black76), the block's one VIX_HEDGE formula in
 * HyperFormula (the real functions registered) against VIX_HEDGE on the bundle, totals that
 * show the error of what they sum, and the v1 FUT-only ladder kept as it was.
 * Needs the build: SHIELD_DIST (or ./dist).
 */
import type { HyperFormula } from "hyperformula";
import { black76, black76Value } from "../../src/core/vixHedge/black76";
import { hedgeLayout, parseDelta } from "../../src/taskpane/plan/hedgePlan";
import { planLadder } from "../../src/taskpane/plan/ladderPlan";
import { renderPlan } from "../../src/taskpane/plan/render";
import type { Plan } from "../../src/taskpane/plan/types";
import { loadBundle } from "../helpers/bundle";
import { shieldEngine } from "./hyperformulaShield";
import { LADDER_FORM } from "./fixtures";

const bundle = loadBundle();
/** Four layers: a 30-day future, a 60-day 25-delta call (vol 0.9), a 90-day put struck at 18 (vol 0.8), UVXY (price 25, leverage 1.5). */
const MIXED = {
  ...LADDER_FORM,
  days4: "30",
  price4: "25",
  instrument2: "CALL",
  strike2: "25d",
  vol2: "0.9",
  instrument3: "PUT",
  strike3: "18",
  vol3: "0.8",
  instrument4: "ETF",
  vol4: "1.5",
};

function plan(values: Record<string, string>): Plan {
  const r = planLadder(values);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

function place(hf: HyperFormula, sheet: number, p: Plan): void {
  const rendered = renderPlan(p, { row: 0, col: 0 });
  hf.setCellContents(
    { sheet, row: 0, col: 0 },
    rendered.formulas.map((r) => r.map((x) => (x === "" ? null : x))),
  );
}

describe("the ladder builder with instruments", () => {
  test("plain futures layers keep the v1 VIX_LADDER block", () => {
    const p = plan(LADDER_FORM);
    expect(p.title).toBe("Hedge ladder block");
    expect(renderPlan(p, { row: 0, col: 0 }).formulas[12 + 3][0]).toMatch(/^=SHIELD\.VIX_LADDER\(/);
  });

  test("parseDelta reads 25d, 0.25d, -25 delta and 25Δ; a plain number is a strike", () => {
    expect([parseDelta("25d"), parseDelta("0.25d"), parseDelta("-25 delta"), parseDelta("25Δ"), parseDelta("22")]).toEqual([
      0.25,
      0.25,
      -0.25,
      0.25,
      undefined,
    ]);
  });

  test("a by-delta call gets the half-point strike whose Black-76 delta on its future (20, 60 days, vol 0.9) is nearest 0.25, written as a value", () => {
    const p = plan(MIXED);
    const L = hedgeLayout(4);
    const strike = p.cells.find((c) => c.row === L.firstLayer + 1 && c.col === 4)!.value as number;
    expect(strike % 0.5).toBe(0);
    const gap = (k: number) => Math.abs(black76("call", 20, k, 60, 0.9).deltaF - 0.25);
    expect(gap(strike)).toBeLessThanOrEqual(gap(strike - 0.5));
    expect(gap(strike)).toBeLessThanOrEqual(gap(strike + 0.5));
    expect(gap(strike)).toBeLessThan(0.02);
    expect(p.cells.find((c) => c.row === L.firstLayer + 1 && c.col === 7)?.value).toBe("strike for delta 0.25 (Black-76)");
  });

  test("the block's VIX_HEDGE in HyperFormula equals VIX_HEDGE on the bundle; rounded units and the cost and carry totals follow", () => {
    const p = plan(MIXED);
    const L = hedgeLayout(4);
    const r = renderPlan(p, { row: 0, col: 0 });
    expect(r.formulas[L.firstHedge][0]).toBe("=SHIELD.VIX_HEDGE(B3,B4,B5,B10:F13,G10:G13,B7)");
    const strike = p.cells.find((c) => c.row === L.firstLayer + 1 && c.col === 4)!.value as number;
    const expected = bundle.call(
      "VIX_HEDGE",
      -1317.21,
      30,
      18,
      [
        ["FUT", 30, 19, "", ""],
        ["CALL", 60, 20, strike, 0.9],
        ["PUT", 90, 20.5, 18, 0.8],
        ["ETF", 30, 25, "", 1.5],
      ],
      [[0.25], [0.25], [0.25], [0.25]],
      null,
    ) as unknown[][];
    const hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    place(hf, sheet, p);
    const at = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
    for (let i = 0; i < 4; i++) {
      for (const c of [1, 2, 5, 6, 7, 8, 9]) expect(at(L.firstHedge + i, c)).toBe(expected[i][c]);
      expect(at(L.firstHedge + i, 10)).toBe(Math.round(expected[i][5] as number));
    }
    expect(expected[2][5] as number).toBeLessThan(0); // put units come out negative (SPEC)
    const sum = (c: number) => expected.reduce((s, row) => s + (row[c] as number), 0);
    expect(Math.abs((at(L.totals, 8) as number) - sum(8))).toBeLessThanOrEqual(1e-9 * Math.abs(sum(8)));
    expect(Math.abs((at(L.totals, 9) as number) - sum(9))).toBeLessThanOrEqual(1e-9 * Math.abs(sum(9)));
    hf.destroy();
  });

  test("a VIX_HEDGE that fails (vega on a sheet that does not exist): the totals show its error, never 0", () => {
    const p = plan({ ...MIXED, positionVega: "=Nowhere!F24" });
    const L = hedgeLayout(4);
    const hf = shieldEngine();
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    place(hf, sheet, p);
    for (const c of [8, 9]) expect(hf.getCellValue({ sheet, row: L.totals, col: c })).toMatchObject({ type: "REF" });
    expect(hf.getCellValue({ sheet, row: L.firstHedge + 1, col: 10 })).toMatchObject({ type: "REF" });
    hf.destroy();
  });

  test("bad instrument fields are flagged on their own field", () => {
    const r = planLadder({ ...MIXED, strike2: "", vol3: "80", instrument4: "BOND" });
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.strike2).toMatch(/Layer 2 strike is required for an option/);
    expect(r.errors.vol3).toMatch(/Layer 3 option vol/);
    expect(r.errors.instrument4).toMatch(/must be one of FUT, CALL, PUT, ETF/);
    const fut = planLadder({ ...LADDER_FORM, strike1: "20" });
    expect(fut.ok ? {} : fut.errors).toMatchObject({ strike1: expect.stringMatching(/FUT layer leaves strike and vol empty/) });
  });

  test("the optional rate (5%) is an input cell passed as VIX_HEDGE's rate: the block equals VIX_HEDGE(..., 0.05) on the bundle, the call's premium is Black-76 discounted at 5%", () => {
    const p = plan({ ...MIXED, rate: "0.05" });
    const L = hedgeLayout(4);
    expect(p.cells.find((c) => c.row === L.input.rate && c.col === 1)).toMatchObject({ value: 0.05, style: "input" });
    const strike = p.cells.find((c) => c.row === L.firstLayer + 1 && c.col === 4)!.value as number;
    // The by-delta strike is chosen with the same rate (Black-76 delta at 5%).
    const gap = (k: number) => Math.abs(black76("call", 20, k, 60, 0.9, 0.05).deltaF - 0.25);
    expect(gap(strike)).toBeLessThanOrEqual(gap(strike - 0.5));
    expect(gap(strike)).toBeLessThanOrEqual(gap(strike + 0.5));
    const layers = [
      ["FUT", 30, 19, "", ""],
      ["CALL", 60, 20, strike, 0.9],
      ["PUT", 90, 20.5, 18, 0.8],
      ["ETF", 30, 25, "", 1.5],
    ];
    const weights = [[0.25], [0.25], [0.25], [0.25]];
    const expected = bundle.call("VIX_HEDGE", -1317.21, 30, 18, layers, weights, 0.05) as unknown[][];
    const atZero = bundle.call("VIX_HEDGE", -1317.21, 30, 18, layers, weights, 0) as unknown[][];
    expect(expected[1][7]).not.toBe(atZero[1][7]); // the rate reaches the option layers
    // Premium column against the core's Black-76 value at 5% (an independent call, not VIX_HEDGE).
    expect(Math.abs((expected[1][7] as number) - black76Value("call", 20, strike, 60, 0.9, 0.05))).toBeLessThan(1e-9);
    const hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    place(hf, sheet, p);
    for (let i = 0; i < 4; i++) for (const c of [5, 7, 8, 9]) expect(hf.getCellValue({ sheet, row: L.firstHedge + i, col: c })).toBe(expected[i][c]);
    hf.destroy();
  });

  test("a bad rate is flagged on the rate field, for an instrument ladder and a futures-only one alike", () => {
    for (const form of [MIXED, LADDER_FORM]) {
      const r = planLadder({ ...form, rate: "5" });
      expect(r.ok ? {} : r.errors).toMatchObject({ rate: expect.stringMatching(/^Rate /) });
    }
  });
});
