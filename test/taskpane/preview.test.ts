/**
 * The preview evaluator (src/taskpane/preview.ts): the plan's formulas computed with the built
 * bundle's functions, as the pane does outside Excel; Excel-like errors, ROUND and formats.
 */
import { condorGreeks } from "../../src/core/condor";
import { CONDOR_LAYOUT, planCondor } from "../../src/taskpane/plan/condorPlan";
import { ladderLayout, planLadder } from "../../src/taskpane/plan/ladderPlan";
import { evaluatePlan, formatValue, isCellError, roundHalfAway } from "../../src/taskpane/preview";
import { loadBundle } from "../helpers/bundle";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

const bundle = loadBundle();
const lookup = (id: string) => bundle.functions.get(id);

describe("evaluatePlan", () => {
  const r = planCondor(ISSUE_CONDOR);
  if (!r.ok) throw new Error("plan failed");
  const L = CONDOR_LAYOUT;

  test("computes the spilled greeks with the bundle's CONDOR_GREEKS and the dollar row from them", () => {
    const grid = evaluatePlan(r.plan, lookup);
    const g = condorGreeks(5000, { putLong: 4670, putShort: 4720, callShort: 5240, callLong: 5290 }, 30, [0.21, 0.21, 0.16, 0.16]);
    expect(grid.values[L.greeksUnit][5]).toBeCloseTo(g.vega, 12);
    expect(grid.values[L.greeksDollars][5]).toBeCloseTo(g.vega * 1000, 9); // x 10 condors x 100
  });

  test("a credit that reaches the wing width gives #N/A in the breakeven cells, other cells keep numbers (SPEC: BREAKEVEN)", () => {
    // A credit of 55 reaches both 50-point widths, so neither breakeven exists.
    const plan = JSON.parse(JSON.stringify(r.plan));
    plan.cells.find((c: { row: number; col: number }) => c.row === L.input.credit && c.col === 1).value = 55;
    const grid = evaluatePlan(plan, lookup);
    expect(grid.values[L.breakevens][1]).toMatchObject({ error: "#N/A" });
    expect(grid.values[L.breakevens][2]).toMatchObject({ error: "#N/A" });
    expect(typeof grid.values[L.pop][1] === "number" || isCellError(grid.values[L.pop][1])).toBe(true);
  });

  test("an error in an input cell travels to the formulas that use it, with the function's message", () => {
    const plan = JSON.parse(JSON.stringify(r.plan));
    plan.cells.find((c: { row: number; col: number }) => c.row === L.input.spot && c.col === 1).value = -5;
    const grid = evaluatePlan(plan, lookup);
    expect(grid.values[L.greeksUnit][1]).toEqual({ error: "#VALUE!", message: "SHIELD.CONDOR_GREEKS: spot must be a number greater than 0; got -5" });
    expect(grid.values[L.greeksDollars][1]).toMatchObject({ error: "#VALUE!" });
    expect(grid.values[L.breakevens][1]).toEqual(expect.any(Number)); // does not use spot
  });

  test("a missing function is #NAME?, and an outside reference without a resolver is #REF!", () => {
    const grid = evaluatePlan(r.plan, () => undefined);
    expect(grid.values[L.pop][1]).toMatchObject({ error: "#NAME?" });
    const l = planLadder({ ...LADDER_FORM, positionVega: "=Sheet1!F24" });
    if (!l.ok) throw new Error("plan failed");
    const lg = evaluatePlan(l.plan, lookup);
    expect(lg.values[2][1]).toMatchObject({ error: "#REF!" });
    const resolved = evaluatePlan(l.plan, lookup, (t) => (t === "Sheet1!F24" ? -1317.21 : undefined));
    expect(resolved.values[2][1]).toBe(-1317.21);
    expect(typeof resolved.values[ladderLayout(3).totals][6]).toBe("number");
  });
});

describe("Excel-like helpers", () => {
  test("ROUND is half away from zero, after 15 significant digits (Excel: ROUND(2.675,2) = 2.68)", () => {
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(2.675, 2)).toBe(2.68);
    expect(roundHalfAway(-0.4, 0)).toBe(0);
    expect(Object.is(roundHalfAway(-0.4, 0), -0)).toBe(false);
  });

  test("formatValue renders the planners' formats", () => {
    expect(formatValue(0.70069, "0.0%")).toBe("70.1%");
    expect(formatValue(-1317.2123, "#,##0.00")).toBe("-1,317.21");
    expect(formatValue(14.0517, "0.00")).toBe("14.05");
    expect(formatValue(-0.00001, "0.00")).toBe("0.00");
    expect(formatValue(0.21, "0.0%")).toBe("21.0%");
    expect(formatValue(30, "General")).toBe("30");
    expect(formatValue({ error: "#N/A" }, "0.00")).toBe("#N/A");
    expect(formatValue(null)).toBe("");
  });
});

describe("evaluatePlan: never silently zero", () => {
  test("a ladder whose vega reference cannot be read shows that error in the rounded counts and totals (was 0.00 and 0)", () => {
    const r = planLadder({ ...LADDER_FORM, positionVega: "=Sheet2!F24" });
    if (!r.ok) throw new Error("plan failed");
    const L = ladderLayout(3);
    const grid = evaluatePlan(r.plan, lookup);
    expect(grid.values[L.firstLadder][0]).toMatchObject({ error: "#REF!" });
    expect(grid.values[L.firstLadder + 1][5]).toBeNull(); // the spill area is empty, as in Excel
    for (const col of [2, 5, 6]) expect(grid.values[L.totals][col]).toMatchObject({ error: "#REF!" });
    for (let i = 0; i < 3; i++) expect(grid.values[L.firstLadder + i][6]).toMatchObject({ error: "#REF!" });
    expect(formatValue(grid.values[L.totals][5], "#,##0.00")).toBe("#REF!");
  });
});
