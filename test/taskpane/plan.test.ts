/**
 * The pure planners (src/taskpane/plan): inputs -> a block of values, formulas, formats,
 * spill reservations and a chart spec; invalid input -> field errors and no plan.
 */
import fc from "fast-check";
import { optionGreeks } from "../../src/core/bsm";
import { cellReferenceFormula, columnIndex, columnName, quoteSheet } from "../../src/taskpane/plan/a1";
import { CONDOR_LAYOUT, PAYOFF_POINTS, planCondor } from "../../src/taskpane/plan/condorPlan";
import { daysUntil, expiryToDays, parseNumber } from "../../src/taskpane/plan/fields";
import { ladderLayout, planLadder } from "../../src/taskpane/plan/ladderPlan";
import { renderExpr, type Expr } from "../../src/taskpane/plan/formula";
import { renderPlan } from "../../src/taskpane/plan/render";
import type { Plan, PlanCell } from "../../src/taskpane/plan/types";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

function planned(result: ReturnType<typeof planCondor>): Plan {
  if (!result.ok) throw new Error(`expected a plan, got errors ${JSON.stringify(result.errors)}`);
  return result.plan;
}
const at = (plan: Plan, row: number, col: number): PlanCell | undefined => plan.cells.find((c) => c.row === row && c.col === col);

/** Every cell reference inside an expression (ranges expanded). */
function refs(e: Expr): Array<[number, number]> {
  switch (e.k) {
    case "ref":
      return [[e.row, e.col]];
    case "range": {
      const out: Array<[number, number]> = [];
      for (let r = 0; r < e.rows; r++) for (let c = 0; c < e.cols; c++) out.push([e.row + r, e.col + c]);
      return out;
    }
    case "call":
      return e.args.flatMap(refs);
    case "op":
      return [...refs(e.a), ...refs(e.b)];
    case "neg":
      return refs(e.a);
    default:
      return [];
  }
}

/** True when (row, col) is a planned cell or inside a planned spill area. */
function occupied(plan: Plan, row: number, col: number): boolean {
  return plan.cells.some((c) => row >= c.row && row < c.row + (c.spill?.rows ?? 1) && col >= c.col && col < c.col + (c.spill?.cols ?? 1));
}

describe("A1 helpers", () => {
  test("columnName and columnIndex are inverse (A, Z, AA, XFD)", () => {
    expect(columnName(0)).toBe("A");
    expect(columnName(25)).toBe("Z");
    expect(columnName(26)).toBe("AA");
    expect(columnName(16383)).toBe("XFD"); // Excel's last column
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnName(c)) === c),
      { numRuns: 300 },
    );
  });

  test("quoteSheet quotes names that are not plain identifiers", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("My sheet")).toBe("'My sheet'");
    expect(quoteSheet("O'Neil")).toBe("'O''Neil'");
    expect(quoteSheet("AB12")).toBe("'AB12'"); // looks like a cell address
  });

  test("quoteSheet quotes names Excel could read as a reference (A1 or R1C1 style) or that start with a digit", () => {
    for (const name of ["A1", "xfd1048576", "R2C3", "r2c3", "RC", "R", "C", "r", "c", "R5", "C7", "RC9", "R9C", "2024", "1Q", "3rd.sheet"]) {
      expect(quoteSheet(name)).toBe(`'${name}'`);
    }
    // Plain identifiers that are not references stay bare.
    for (const name of ["Sheet1", "Rates", "Calls", "RC_book", "Q1.data", "_x", "ABCD12", "R1C1x"]) {
      expect(quoteSheet(name)).toBe(name);
    }
  });

  test("cellReferenceFormula accepts one-cell references with or without a sheet, and nothing else", () => {
    expect(cellReferenceFormula("=Sheet1!F24")).toBe("=Sheet1!F24");
    expect(cellReferenceFormula("f24")).toBe("=F24");
    expect(cellReferenceFormula("='My sheet'!$F$24")).toBe("='My sheet'!$F$24");
    expect(cellReferenceFormula("=SUM(A1:A3)")).toBeUndefined();
    expect(cellReferenceFormula("=A1:B2")).toBeUndefined();
    expect(cellReferenceFormula("=ZZZZ1")).toBeUndefined();
  });
});

describe("form parsing", () => {
  test("parseNumber reads decimals and a trailing percent; empty is undefined", () => {
    expect(parseNumber("x", "0.21")).toBe(0.21);
    expect(parseNumber("x", " 21% ")).toBeCloseTo(0.21, 15);
    expect(parseNumber("x", "")).toBeUndefined();
    expect(parseNumber("x", "-1e3")).toBe(-1000);
  });

  test("parseNumber rejects text and hex with a message naming field and value", () => {
    for (const bad of ["abc", "0x10", "1.2.3"]) {
      expect(() => parseNumber("Spot", bad)).toThrow(`Spot must be a number; got "${bad}"`);
    }
  });

  test("parseNumber accepts thousands separators as a quote screen prints them (5,000; -1,317.21; 1,234,567.5)", () => {
    expect(parseNumber("Spot", "5,000")).toBe(5000);
    expect(parseNumber("Spot", " 5,000.25 ")).toBe(5000.25);
    expect(parseNumber("x", "-1,317.21")).toBe(-1317.21);
    expect(parseNumber("x", "1,234,567.5")).toBe(1234567.5);
  });

  test("parseNumber refuses a comma that does not group thousands (a decimal comma is not guessed)", () => {
    for (const bad of ["5,00", "50,00,000", ",500", "5000,1"]) {
      expect(() => parseNumber("Spot", bad)).toThrow(
        `Spot must be a number (commas only between groups of three digits, as in 5,000; use a point for decimals); got "${bad}"`,
      );
    }
  });

  test("a condor form with spot typed as 5,000 plans the same block as 5000", () => {
    const a = planned(planCondor({ ...ISSUE_CONDOR, spot: "5,000" }));
    const b = planned(planCondor(ISSUE_CONDOR));
    expect(a.cells).toEqual(b.cells);
  });

  test("an expiry date in the past is refused with a message that names the date and today", () => {
    expect(expiryToDays("2020-01-17", "2026-12-01")).toEqual({
      error: "Expiry date Fri 17 Jan 2020 (2020-01-17) is 2510 days before today, Tue 1 Dec 2026: pick a future expiry",
    });
    expect(expiryToDays("2026-11-30", "2026-12-01")).toEqual({
      error: "Expiry date Mon 30 Nov 2026 (2026-11-30) is 1 day before today, Tue 1 Dec 2026: pick a future expiry",
    });
    expect(expiryToDays("2026-12-01", "2026-12-01")).toEqual({
      error: "Expiry date Tue 1 Dec 2026 (2026-12-01) is today: pick a later expiry, or type fractional days (e.g. 0.25) in Days to expiry",
    });
    // Hand count: Dec 1 -> Dec 31 2026 is 30 days.
    expect(expiryToDays("2026-12-31", "2026-12-01")).toEqual({ days: 30 });
  });

  test("daysUntil counts calendar days between ISO dates (hand count: Nov 25 -> Dec 25 2026 is 30 days)", () => {
    expect(daysUntil("2026-12-25", "2026-11-25")).toBe(30);
    expect(daysUntil("2027-03-01", "2027-02-28")).toBe(1); // 2027 is not a leap year
    expect(daysUntil("2026-11-25", "2026-11-25")).toBe(0);
  });
});

describe("planCondor: the issue's example", () => {
  const plan = planned(planCondor(ISSUE_CONDOR));
  const L = CONDOR_LAYOUT;
  const strikes = [0, 1, 2, 3].map((i) => at(plan, L.firstLeg + i, 2)?.value);

  test("short strikes come from STRIKE_FOR_DELTA on the 5-point grid, longs at +/- the wing width", () => {
    // Hand derivation (Haug 2007 eq. 2.1 inverted; N^-1(0.84) = 0.9944579 from Python's statistics.NormalDist):
    //   put:  sd = 0.21 sqrt(30/365) = 0.0602051, K = 5000 exp(-0.9944579 sd + sd^2/2) = 4717.97 -> 4720
    //   call: sd = 0.16 sqrt(30/365) = 0.0458706, K = 5000 exp(+0.9944579 sd + sd^2/2) = 5238.87 -> 5240
    expect(strikes).toEqual([4670, 4720, 5240, 5290]);
  });

  test("each short strike is within half an increment of the exact target-delta strike (BSM delta as oracle)", () => {
    const T = { spot: 5000, days: 30 };
    // Put delta falls as the strike rises: delta(K - 2.5) > -0.16 > delta(K + 2.5).
    expect(optionGreeks("put", T.spot, 4720 - 2.5, T.days, 0.21).delta).toBeGreaterThan(-0.16);
    expect(optionGreeks("put", T.spot, 4720 + 2.5, T.days, 0.21).delta).toBeLessThan(-0.16);
    expect(optionGreeks("call", T.spot, 5240 - 2.5, T.days, 0.16).delta).toBeGreaterThan(0.16);
    expect(optionGreeks("call", T.spot, 5240 + 2.5, T.days, 0.16).delta).toBeLessThan(0.16);
  });

  test("the credit input is the model credit at build (independent oracle: Python NormalDist BSM of the 4 legs = 14.0517848462)", () => {
    expect(at(plan, L.input.credit, 1)?.value).toBeCloseTo(14.0517848462, 9);
  });

  test("inputs are values in input-styled cells with the spec's number formats", () => {
    expect(at(plan, L.input.spot, 1)).toMatchObject({ value: 5000, style: "input", format: "0.00" });
    expect(at(plan, L.input.putVol, 1)).toMatchObject({ value: 0.21, style: "input", format: "0.0%" });
    expect(at(plan, L.input.quantity, 1)).toMatchObject({ value: 10, style: "input" });
    expect(at(plan, L.input.spot, 0)).toMatchObject({ value: "Spot", style: "label" });
  });

  test("CONDOR_GREEKS spills 1x9 with a format per greek; BREAKEVEN 1x2; CONDOR_RISK 1x3; POP is a percentage", () => {
    const greeks = at(plan, L.greeksUnit, 1)!;
    expect(greeks.spill).toEqual({ rows: 1, cols: 9 });
    // credit, delta, gamma, theta, vega, rho, vanna, charm, vomma
    expect(greeks.columnFormats).toEqual(["0.00", "0.00000", "0.0000000", "0.0000", "0.0000", "0.00000", "0.0000000", "0.0000000", "0.00000"]);
    expect(at(plan, L.breakevens, 1)?.spill).toEqual({ rows: 1, cols: 2 });
    expect(at(plan, L.riskUnit, 1)?.spill).toEqual({ rows: 1, cols: 3 });
    expect(at(plan, L.pop, 1)?.format).toBe("0.0%");
  });

  test("the analytics render as SHIELD formulas on the block's own input cells (anchor A1)", () => {
    const r = renderPlan(plan, { row: 0, col: 0 });
    expect(r.formulas[L.greeksUnit][1]).toBe("=SHIELD.CONDOR_GREEKS(B3,C16,C17,C18,C19,B4,F16:F19,B7,B8)");
    expect(r.formulas[L.breakevens][1]).toBe("=SHIELD.BREAKEVEN(C16,C17,C18,C19,B11)");
    expect(r.formulas[L.pop][1]).toBe("=SHIELD.CONDOR_POP(B3,C16,C17,C18,C19,B4,F16:F19,B11,B7,B8)");
    // position $ vega = vega x quantity x multiplier, read through the spill head B23 so that its error shows
    expect(r.formulas[L.greeksDollars][5]).toBe("=IF(ISERROR(B23),B23,F23)*B9*B10");
    expect(r.formulas[L.greeksDollars][1]).toBe("=B23*B9*B10");
    expect(r.formulas[L.firstPrice][2]).toBe("=SHIELD.CONDOR_PAYOFF(C16,C17,C18,C19,B11,A39:A81,B4,F16:F19,B7,B8)");
  });

  test("P50 and the time-shifted breakevens are live formulas on the block's inputs (days left = days - the days-forward cell B34)", () => {
    const r = renderPlan(plan, { row: 0, col: 0 });
    expect(r.formulas[L.p50][0]).toBe("P50 (keep 50% of credit)");
    expect(r.formulas[L.p50][1]).toBe("=SHIELD.PROB_PROFIT_TARGET(B3,C16,C17,C18,C19,B4,F16:F19,B11,0.5,B7,B8)");
    expect(r.formulas[L.daysForward][1]).toBe(0);
    expect(r.formulas[L.breakevensAt][1]).toBe("=SHIELD.BREAKEVEN_AT(C16,C17,C18,C19,B11,B4-B34,F16:F19,B7,B8)");
    expect(r.spills.map((s) => s.range)).toContain("B35:C35");
  });

  test("rendered at another anchor, every reference moves with the block", () => {
    const r = renderPlan(plan, { row: 9, col: 3 }); // D10
    expect(r.address).toBe("D10:M90");
    expect(r.formulas[L.breakevens][1]).toBe("=SHIELD.BREAKEVEN(F25,F26,F27,F28,E20)");
  });

  test("spilled cells are left empty and counted inside the block", () => {
    const r = renderPlan(plan, { row: 0, col: 0 });
    for (let c = 2; c <= 9; c++) expect(r.formulas[L.greeksUnit][c]).toBe("");
    expect(plan.rows).toBe(L.firstPrice + PAYOFF_POINTS + 2); // 41 grid prices + the two long strikes (4720, 5240 are on the grid)
    expect(plan.cols).toBe(10);
    expect(r.spills.map((s) => s.range)).toEqual(["B23:J23", "B27:C27", "B29:D29", "B35:C35", "B39:B81", "C39:C81"]);
  });

  test("every formula refers only to planned cells inside the block", () => {
    for (const cell of plan.cells.filter((c) => c.formula)) {
      for (const [r, c] of refs(cell.formula!)) {
        expect(r).toBeGreaterThanOrEqual(0);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThan(plan.rows);
        expect(c).toBeLessThan(plan.cols);
        expect(occupied(plan, r, c)).toBe(true);
      }
    }
  });

  test("the payoff table has 41 prices on a whole-increment step plus every strike, ascending, reaching a wing width beyond the long strikes", () => {
    const n = plan.rows - L.firstPrice;
    const prices = Array.from({ length: n }, (_, i) => at(plan, L.firstPrice + i, 0)?.value as number);
    const strikes = [4670, 4720, 5240, 5290];
    const grid = prices.filter((p) => !strikes.includes(p) || (p - prices[0]) % 20 === 0);
    expect(grid).toHaveLength(PAYOFF_POINTS);
    grid.forEach((p, i) => expect(p).toBe(grid[0] + i * 20)); // step: ceil(720 / 40 / 5) x 5 = 20
    for (const k of strikes) expect(prices).toContain(k);
    prices.slice(1).forEach((p, i) => expect(p).toBeGreaterThan(prices[i]));
    expect(prices[0]).toBeLessThanOrEqual(4670 - 50);
    expect(prices[n - 1]).toBeGreaterThanOrEqual(5290 + 50);
  });

  test("strikes and the payoff prices show as whole numbers on a whole-number grid (4670, not 4670.00)", () => {
    expect(at(plan, L.firstLeg, 2)).toMatchObject({ value: 4670, format: "0" });
    expect(at(plan, L.firstPrice, 0)?.format).toBe("0");
    const fine = planned(planCondor({ ...ISSUE_CONDOR, increment: "2.5" }));
    expect(at(fine, L.firstLeg, 2)?.format).toBe("0.00");
  });

  test("the position row is not labelled dollars: each column names its unit, and only dollar columns get the dollar format", () => {
    expect(at(plan, L.greeksDollars, 0)?.value).toBe("Position (x qty x mult)");
    const units = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => at(plan, L.greeksUnits, c)?.value);
    expect(units).toEqual(["$", "units", "units / pt", "$ / day", "$ / vol pt", "$ / rate pt", "units / vol pt", "units / day", "$ vega / vol pt"]);
    const formats = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => at(plan, L.greeksDollars, c)?.format);
    expect(formats).toEqual(["#,##0.00", "#,##0.00", "#,##0.0000", "#,##0.00", "#,##0.00", "#,##0.00", "#,##0.0000", "#,##0.0000", "#,##0.00"]);
    const labels = plan.cells.filter((c) => typeof c.value === "string" && /Position \$|position \$/.test(c.value)).map((c) => c.value);
    expect(labels).toEqual(["Risk, position $", "Open P/L, position $"]); // both rows hold dollars only
  });

  test("the chart spec plots the two position-$ P/L columns against price, beside the block", () => {
    const chart = plan.chart!;
    expect(chart.categories).toEqual({ row: L.firstPrice, col: 0, rows: 43, cols: 1 });
    expect(chart.series.map((s) => s.name)).toEqual(["Expiry P/L $", "Today P/L $"]);
    expect(chart.source).toEqual({ row: L.payoffHeader, col: 3, rows: 44, cols: 2 });
    expect(chart.placement.col).toBeGreaterThanOrEqual(plan.cols);
  });
});

describe("planCondor: invalid input gives field errors and no plan", () => {
  const bad = (patch: Record<string, string>) => {
    const r = planCondor({ ...ISSUE_CONDOR, ...patch });
    if (r.ok) throw new Error("expected errors");
    return r.errors;
  };

  test("each rule is reported on its own field, naming the field and the value", () => {
    expect(bad({ spot: "-5" })).toEqual({ spot: "Spot must be a number greater than 0; got -5" });
    expect(bad({ spot: "" })).toEqual({ spot: "Spot is required; got (empty)" });
    expect(bad({ putVol: "21" }).putVol).toBe("Put-side vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 21");
    expect(bad({ quantity: "1.5" }).quantity).toBe("Quantity must be a whole number of 1 or more; got 1.5");
    expect(bad({ shortDelta: "0.6" }).shortDelta).toMatch(/^Short delta must be a delta between 0 and 0.5.*got 0.6$/);
    expect(bad({ rate: "5" }).rate).toMatch(/^Rate must be a decimal between -1 and 1.*got 5$/);
    expect(bad({ days: "abc" }).days).toBe('Days to expiry must be a number; got "abc"');
  });

  test("an expiry date typed as days (a serial number like 46000) is refused on the days field", () => {
    expect(bad({ days: "46000" })).toEqual({ days: expect.stringMatching(/^Days to expiry must be calendar days to expiry, from 0 to 36500.*got 46000$/) });
  });

  test("several bad fields are all reported at once", () => {
    expect(Object.keys(bad({ spot: "0", callVol: "", multiplier: "x" })).sort()).toEqual(["callVol", "multiplier", "spot"]);
  });

  test("a wing width off the strike grid is refused", () => {
    expect(bad({ wingWidth: "52" }).wingWidth).toBe("Wing width must be a multiple of the strike increment (5); got 52");
  });

  test("a long put at or below 0 is refused on the wing field", () => {
    expect(bad({ spot: "60", wingWidth: "100" }).wingWidth).toMatch(/long put at -?\d+/);
  });

  test("crossed short strikes (put-side vol far above call-side vol) are refused on the delta field", () => {
    // Put: K = F exp(-|z| sp + sp^2/2) with sp = 2 (vol 2, 1 year), |z| = N^-1(0.55) = 0.1257 -> K ~ 5.75 F; the call is near F.
    expect(bad({ putVol: "2", callVol: "0.1", days: "365", shortDelta: "0.45" }).shortDelta).toMatch(/crossed short strikes/);
  });

  test("property: any valid input plans a block whose strikes are ordered and on the grid", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 500, max: 8000, noNaN: true }),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0.08, max: 0.6, noNaN: true }),
        fc.double({ min: 0.08, max: 0.6, noNaN: true }),
        fc.constantFrom("0.05", "0.1", "0.16", "0.25", "0.3"),
        (spot, days, pv, cv, delta) => {
          const r = planCondor({ ...ISSUE_CONDOR, spot: String(spot), days: String(days), putVol: String(pv), callVol: String(cv), shortDelta: delta });
          if (!r.ok) return Object.keys(r.errors).every((k) => ["shortDelta", "wingWidth"].includes(k));
          const k = [0, 1, 2, 3].map((i) => at(r.plan, CONDOR_LAYOUT.firstLeg + i, 2)!.value as number);
          return k[0] < k[1] && k[1] <= k[2] && k[2] < k[3] && k.every((x) => x % 5 === 0) && k[1] - k[0] === 50 && k[3] - k[2] === 50;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("planLadder", () => {
  const result = planLadder(LADDER_FORM);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const plan = result.plan;
  const L = ladderLayout(3);

  test("writes inputs, the curve and SPEC's default weights 0.5/0.3/0.2 as values", () => {
    expect(at(plan, L.input.positionVega, 1)).toMatchObject({ value: -1317.21, style: "input" });
    expect([0, 1, 2].map((i) => at(plan, L.firstLayer + i, 3)?.value)).toEqual([0.5, 0.3, 0.2]);
    expect([0, 1, 2].map((i) => at(plan, L.firstLayer + i, 1)?.value)).toEqual([30, 60, 90]);
  });

  test("the ladder is one VIX_LADDER spilling k x 6, then ROUND per layer and SUM totals", () => {
    const r = renderPlan(plan, { row: 0, col: 0 });
    expect(r.formulas[L.firstLadder][0]).toBe("=SHIELD.VIX_LADDER(B3,B4,B5,B10:C12,D10:D12,B6)");
    expect(at(plan, L.firstLadder, 0)?.spill).toEqual({ rows: 3, cols: 6 });
    // Through the head A16, so that VIX_LADDER's own error shows instead of a 0 over its empty spill area.
    expect(r.formulas[L.firstLadder + 1][6]).toBe("=ROUND(IF(ISERROR(A16),A16,F17),0)");
    expect(r.formulas[L.totals][5]).toBe("=IF(ISERROR(A16),A16,SUM(F16:F18))");
    expect(r.formulas[L.totals][6]).toBe("=IF(ISERROR(A16),A16,SUM(G16:G18))");
  });

  test("a cell reference for the position vega is written as that formula", () => {
    const ref = planLadder({ ...LADDER_FORM, positionVega: "=Sheet1!F23" });
    expect(ref.ok && renderPlan(ref.plan, { row: 0, col: 0 }).formulas[2][1]).toBe("=Sheet1!F23");
  });

  test("equal default weights for other layer counts; typed weights are kept as typed", () => {
    const two = planLadder({ positionVega: "-1000", positionDays: "30", vixSpot: "18", days1: "30", price1: "19", days2: "60", price2: "20" });
    expect(two.ok && [0, 1].map((i) => at(two.plan, ladderLayout(2).firstLayer + i, 3)?.value)).toEqual([0.5, 0.5]);
    const typed = planLadder({ ...LADDER_FORM, weight1: "2", weight2: "1", weight3: "1" });
    expect(typed.ok && [0, 1, 2].map((i) => at(typed.plan, L.firstLayer + i, 3)?.value)).toEqual([2, 1, 1]);
  });

  test("invalid input: field errors, no plan", () => {
    const errs = (patch: Record<string, string>) => {
      const r = planLadder({ ...LADDER_FORM, ...patch });
      return r.ok ? {} : r.errors;
    };
    expect(errs({ positionVega: "=SUM(A1)" }).positionVega).toMatch(/must be a number or a cell reference/);
    expect(errs({ positionVega: "" }).positionVega).toBe("Position dollar vega is required; got (empty)");
    expect(errs({ vixSpot: "0" }).vixSpot).toBe("VIX spot must be a number greater than 0; got 0");
    expect(errs({ multiplier: "50" }).multiplier).toBe("Futures multiplier must be 1000 (VX) or 100 (VXM); got 50");
    expect(errs({ price2: "" }).price2).toBe("Layer 2 future price is required; got (empty)");
    expect(errs({ weight1: "1" })).toMatchObject({ weight2: expect.stringMatching(/is required when other weights are given/) });
    expect(errs({ weight1: "-1", weight2: "1", weight3: "1" }).weight1).toBe("Layer 1 weight must be a number of 0 or more; got -1");
    expect(errs({ days1: "", price1: "", days2: "", price2: "", days3: "", price3: "" }).days1).toBe("Layer 1 days is required; got (empty)");
    expect(errs({ positionDays: "46000" }).positionDays).toMatch(/^Position days must be calendar days to expiry, from 0 to 36500.*got 46000$/);
    expect(errs({ days2: "46000" }).days2).toMatch(/^Layer 2 days .*36500.*got 46000$/);
  });
});

describe("renderExpr", () => {
  test("parenthesises only where precedence needs it", () => {
    const a: Expr = { k: "ref", row: 0, col: 0 };
    const b: Expr = { k: "ref", row: 0, col: 1 };
    const c: Expr = { k: "ref", row: 0, col: 2 };
    const o = { row: 0, col: 0 };
    expect(renderExpr({ k: "op", op: "*", a: { k: "op", op: "-", a, b }, b: c }, o)).toBe("(A1-B1)*C1");
    expect(renderExpr({ k: "op", op: "-", a, b: { k: "op", op: "-", a: b, b: c } }, o)).toBe("A1-(B1-C1)");
    expect(renderExpr({ k: "op", op: "+", a: { k: "op", op: "*", a, b }, b: c }, o)).toBe("A1*B1+C1");
    expect(renderExpr({ k: "neg", a }, o)).toBe("-A1");
  });
});
