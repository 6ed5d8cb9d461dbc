/**
 * A planned block evaluated in a real spreadsheet engine (HyperFormula) with the SHIELD
 * functions registered (running the built bundle), checked cell by cell against the core
 * called directly with the inputs the cells are supposed to refer to. A formula pointing at
 * the wrong cell gives a different number and fails. Then the spot cell is edited and every
 * analytic must follow. Needs the build: SHIELD_DIST (or ./dist).
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { breakevens, condorGreeks, condorPayoff, condorPop, condorRisk, type CondorStrikes } from "../../src/core/condor";
import { vixLadder } from "../../src/core/hedge";
import { breakevenAt } from "../../src/core/timeShift/breakevenAt";
import { probProfitTarget } from "../../src/core/timeShift/profitTarget";
import { GREEK_NAMES } from "../../src/core/bsm";
import { CONDOR_LAYOUT, PAYOFF_POINTS, planCondor } from "../../src/taskpane/plan/condorPlan";
import { ladderLayout, planLadder } from "../../src/taskpane/plan/ladderPlan";
import { renderPlan } from "../../src/taskpane/plan/render";
import type { Plan } from "../../src/taskpane/plan/types";
import { shieldEngine } from "./hyperformulaShield";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

/** Relative agreement to 1e-12 (1e-12 absolute near 0): the engine only moves numbers between cells. */
function expectClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== "number") throw new Error(`${what}: expected a number, got ${JSON.stringify(actual)}`);
  const tol = Math.max(1e-12, 1e-12 * Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} differs from ${expected} by more than ${tol}`);
}

function place(hf: HyperFormula, sheet: number, plan: Plan, anchor: { row: number; col: number }): void {
  const rendered = renderPlan(plan, anchor);
  // An empty planned cell is empty in the sheet (Excel's Range.formulas = "" empties a cell).
  hf.setCellContents(
    { sheet, row: anchor.row, col: anchor.col },
    rendered.formulas.map((r) => r.map((x) => (x === "" ? null : x))),
  );
}

describe("the condor block in HyperFormula, against the core", () => {
  const r = planCondor(ISSUE_CONDOR);
  if (!r.ok) throw new Error("plan failed");
  const plan = r.plan;
  const L = CONDOR_LAYOUT;
  // Anchor away from A1 (at D6) so that an anchor-offset mistake cannot hide.
  const anchor = { row: 5, col: 3 };
  let hf: HyperFormula;
  let sheet: number;
  const cell = (row: number, col: number) => hf.getCellValue({ sheet, row: anchor.row + row, col: anchor.col + col });

  beforeAll(() => {
    hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    place(hf, sheet, plan, anchor);
  });
  afterAll(() => hf.destroy());

  const strikes = (): CondorStrikes => {
    const k = [0, 1, 2, 3].map((i) => cell(L.firstLeg + i, 2) as number);
    return { putLong: k[0], putShort: k[1], callShort: k[2], callLong: k[3] };
  };

  function checkAll(spot: number): void {
    const days = 30;
    const vols = [0.21, 0.21, 0.16, 0.16] as const;
    const qty = 10;
    const mult = 100;
    const k = strikes();
    const credit = cell(L.input.credit, 1) as number;
    const g = condorGreeks(spot, k, days, vols, 0, 0);
    GREEK_NAMES.forEach((name, i) => {
      expectClose(cell(L.greeksUnit, 1 + i), g[name], `per-unit ${name}`);
      expectClose(cell(L.greeksDollars, 1 + i), g[name] * qty * mult, `position $ ${name}`);
    });
    const be = breakevens(k, credit);
    expectClose(cell(L.breakevens, 1), be.lower as number, "lower breakeven");
    expectClose(cell(L.breakevens, 2), be.upper as number, "upper breakeven");
    const risk = condorRisk(k, credit);
    expectClose(cell(L.riskUnit, 1), risk.maxProfit, "max profit");
    expectClose(cell(L.riskUnit, 2), risk.maxLoss, "max loss");
    expectClose(cell(L.riskDollars, 2), risk.maxLoss * qty * mult, "max loss $");
    expectClose(cell(L.pop, 1), condorPop(spot, k, days, vols, credit, 0, 0), "POP");
    expectClose(cell(L.openPl, 1), (credit - g.price) * qty * mult, "open P/L");
    expectClose(cell(L.p50, 1), probProfitTarget(spot, k, days, vols, credit, 0.5, 0, 0), "P50");
    const forward = cell(L.daysForward, 1) as number;
    const beAt = breakevenAt(k, credit, days - forward, vols, 0, 0);
    expectClose(cell(L.breakevensAt, 1), beAt.lower as number, `lower breakeven ${forward} days forward`);
    expectClose(cell(L.breakevensAt, 2), beAt.upper as number, `upper breakeven ${forward} days forward`);
    const prices = Array.from({ length: PAYOFF_POINTS }, (_, i) => cell(L.firstPrice + i, 0) as number);
    const expiry = condorPayoff(k, credit, prices);
    const today = condorPayoff(k, credit, prices, days, vols, 0, 0);
    prices.forEach((p, i) => {
      expectClose(cell(L.firstPrice + i, 1), expiry[i], `expiry P/L at ${p}`);
      expectClose(cell(L.firstPrice + i, 2), today[i], `today P/L at ${p}`);
      expectClose(cell(L.firstPrice + i, 3), expiry[i] * qty * mult, `expiry P/L $ at ${p}`);
      expectClose(cell(L.firstPrice + i, 4), today[i] * qty * mult, `today P/L $ at ${p}`);
    });
  }

  test("every analytic equals the core at the block's inputs (spot 5000)", () => {
    expect(cell(L.input.spot, 1)).toBe(5000);
    checkAll(5000);
  });

  test("the model credit in CONDOR_GREEKS equals the credit input at build, so the open P/L starts at 0", () => {
    expectClose(cell(L.greeksUnit, 1), cell(L.input.credit, 1) as number, "credit");
    expectClose(cell(L.openPl, 1), 0, "open P/L");
  });

  test("editing the spot cell recalculates everything (spot 5100), strikes and credit stay", () => {
    const before = strikes();
    const pop = cell(L.pop, 1);
    hf.setCellContents({ sheet, row: anchor.row + L.input.spot, col: anchor.col + 1 }, 5100);
    expect(strikes()).toEqual(before);
    expect(cell(L.pop, 1)).not.toBe(pop);
    checkAll(5100);
  });

  test("the days-forward cell moves the time-shifted breakevens; at the expiry day they are BREAKEVEN's", () => {
    hf.setCellContents({ sheet, row: anchor.row + L.daysForward, col: anchor.col + 1 }, 20);
    checkAll(5100);
    hf.setCellContents({ sheet, row: anchor.row + L.daysForward, col: anchor.col + 1 }, 30);
    expectClose(cell(L.breakevensAt, 1), cell(L.breakevens, 1) as number, "lower at expiry");
    expectClose(cell(L.breakevensAt, 2), cell(L.breakevens, 2) as number, "upper at expiry");
  });
});

describe("the check has teeth", () => {
  test("a block whose POP formula points at the wrong strike cell is caught", () => {
    const r = planCondor(ISSUE_CONDOR);
    if (!r.ok) throw new Error("plan failed");
    const L = CONDOR_LAYOUT;
    const plan = JSON.parse(JSON.stringify(r.plan)) as Plan;
    const pop = plan.cells.find((c) => c.row === L.pop && c.col === 1)!;
    // Swap the putShort reference (leg row 2) for the putLong one (leg row 1).
    const args = (pop.formula as { args: Array<{ k: string; row?: number }> }).args;
    args[2] = { ...args[2], row: L.firstLeg };
    const hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    place(hf, sheet, plan, { row: 0, col: 0 });
    const k = { putLong: 4670, putShort: 4720, callShort: 5240, callLong: 5290 };
    const credit = hf.getCellValue({ sheet, row: L.input.credit, col: 1 }) as number;
    const expected = condorPop(5000, k, 30, [0.21, 0.21, 0.16, 0.16], credit, 0, 0);
    expect(() => expectClose(hf.getCellValue({ sheet, row: L.pop, col: 1 }), expected, "POP")).toThrow(/POP/);
    hf.destroy();
  });
});

describe("the ladder block in HyperFormula, against the core, referencing a condor block", () => {
  test("VIX_LADDER, ROUND and SUM agree with the core; the vega follows the condor block's cell", () => {
    const hf = shieldEngine();
    hf.updateConfig({ smartRounding: false });
    const condorSheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    const hedgeSheet = hf.getSheetId(hf.addSheet("Hedge"))!;
    const c = planCondor(ISSUE_CONDOR);
    if (!c.ok) throw new Error("condor plan failed");
    place(hf, condorSheet, c.plan, { row: 0, col: 0 });
    const vegaCell = c.plan.keyCells.positionVega; // Position $ vega of the condor block
    expect(vegaCell).toMatchObject({ row: CONDOR_LAYOUT.greeksDollars, col: 5 });
    const l = planLadder({ ...LADDER_FORM, positionVega: "=Sheet1!F24" });
    if (!l.ok) throw new Error("ladder plan failed");
    const anchor = { row: 2, col: 1 };
    place(hf, hedgeSheet, l.plan, anchor);
    const L = ladderLayout(3);
    const cell = (row: number, col: number) => hf.getCellValue({ sheet: hedgeSheet, row: anchor.row + row, col: anchor.col + col });

    const check = () => {
      const vega = hf.getCellValue({ sheet: condorSheet, row: 23, col: 5 }) as number;
      expectClose(cell(L.input.positionVega, 1), vega, "referenced vega");
      const rows = vixLadder(
        vega,
        30,
        18,
        [
          { days: 30, price: 19 },
          { days: 60, price: 20 },
          { days: 90, price: 20.5 },
        ],
        { weights: [0.5, 0.3, 0.2], multiplier: 1000 },
      );
      let total = 0;
      let rounded = 0;
      rows.forEach((row, i) => {
        const fields = [row.days, row.price, row.weight, row.beta, row.ratio, row.contracts];
        fields.forEach((v, j) => expectClose(cell(L.firstLadder + i, j), v, `ladder row ${i + 1} col ${j + 1}`));
        // Excel's ROUND(x, 0): half away from zero (no exact .5 here).
        expect(cell(L.firstLadder + i, 6)).toBe(Math.sign(row.contracts) * Math.round(Math.abs(row.contracts)));
        total += row.contracts;
        rounded += Math.sign(row.contracts) * Math.round(Math.abs(row.contracts));
      });
      expectClose(cell(L.totals, 5), total, "total contracts");
      expect(cell(L.totals, 6)).toBe(rounded);
      expectClose(cell(L.totals, 2), 1, "total weight");
      return vega;
    };
    const v1 = check();
    // A bigger position (quantity 10 -> 30) triples the vega and the ladder follows.
    hf.setCellContents({ sheet: condorSheet, row: CONDOR_LAYOUT.input.quantity, col: 1 }, 30);
    const v2 = check();
    expectClose(v2, 3 * v1, "tripled vega");
    hf.destroy();
  });
});

/** The error a HyperFormula cell holds (its Excel code, e.g. "#REF!"), or a failure naming what it holds instead. */
function errorCode(v: unknown): string {
  if (v instanceof DetailedCellError) return v.value;
  throw new Error(`expected an error, got ${JSON.stringify(v)}`);
}

describe("never silently zero: cells that read a spilled result show its error when it fails", () => {
  test("a ladder whose vega points at a sheet that does not exist: VIX_LADDER's error in every rounded count and total, never 0", () => {
    // The issue's case: =Sheet2!F24 with no Sheet2. The old totals (=SUM(F16:F18)) read 0 here.
    const hf = shieldEngine();
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    const l = planLadder({ ...LADDER_FORM, positionVega: "=Sheet2!F24" });
    if (!l.ok) throw new Error("ladder plan failed");
    place(hf, sheet, l.plan, { row: 0, col: 0 });
    const L = ladderLayout(3);
    const cell = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
    const code = errorCode(cell(L.firstLadder, 0));
    expect(code).toBe("#REF!");
    for (let i = 0; i < 3; i++) expect(errorCode(cell(L.firstLadder + i, 6))).toBe(code);
    expect(errorCode(cell(L.totals, 5))).toBe(code);
    expect(errorCode(cell(L.totals, 6))).toBe(code);
    expect(errorCode(cell(L.totals, 2))).toBe(code);
    hf.destroy();
  });

  test("a condor whose CONDOR_GREEKS fails (spot edited to -5): the position row, risk $ and payoff $ show the error, not 0", () => {
    const hf = shieldEngine();
    const sheet = hf.getSheetId(hf.addSheet("Sheet1"))!;
    const c = planCondor(ISSUE_CONDOR);
    if (!c.ok) throw new Error("condor plan failed");
    place(hf, sheet, c.plan, { row: 0, col: 0 });
    const L = CONDOR_LAYOUT;
    const cell = (row: number, col: number) => hf.getCellValue({ sheet, row, col });
    hf.setCellContents({ sheet, row: L.input.spot, col: 1 }, -5);
    expect(errorCode(cell(L.greeksUnit, 1))).toBe("#VALUE!");
    for (let col = 1; col <= 9; col++) expect(errorCode(cell(L.greeksDollars, col))).toBe("#VALUE!");
    // The payoff today depends on spot only through nothing (prices are values), so it stays numeric;
    // a credit that is not a number breaks CONDOR_RISK and both payoff columns.
    hf.setCellContents({ sheet, row: L.input.credit, col: 1 }, "n/a");
    expect(errorCode(cell(L.riskUnit, 1))).toBe("#VALUE!");
    expect(errorCode(cell(L.riskDollars, 2))).toBe("#VALUE!");
    const last = c.plan.rows - 1;
    expect(errorCode(cell(last, 3))).toBe("#VALUE!");
    expect(errorCode(cell(last, 4))).toBe("#VALUE!");
    hf.destroy();
  });
});
