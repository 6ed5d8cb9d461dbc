/**
 * The writer against Excel's object model mocked with office-addin-mock: what it writes and
 * where, that it writes nothing over a non-empty range without confirmation, and that invalid
 * input never reaches Excel.
 */
import { OfficeMockObject } from "office-addin-mock";
import { buildBlock } from "../../src/taskpane/build";
import { CONDOR_LAYOUT, planCondor } from "../../src/taskpane/plan/condorPlan";
import { ladderLayout, planLadder } from "../../src/taskpane/plan/ladderPlan";
import { rangeAddress } from "../../src/taskpane/plan/a1";
import { renderPlan } from "../../src/taskpane/plan/render";
import { layoutStress, stressLayout } from "../../src/taskpane/plan/stressPlan";
import type { Plan } from "../../src/taskpane/plan/types";
import {
  PartialWriteError,
  describeConfirmation,
  describeFailure,
  describeNotWritten,
  describeWrite,
  writePlan,
  type ExcelHost,
  type WriteOutcome,
} from "../../src/taskpane/writer";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

interface Recorded {
  ranges: Map<string, { format: Record<string, any> }>;
  charts: Array<Record<string, any>>;
  cleared: string[];
  resized: Array<[number, number]>;
  runs: number;
  /** Workbook names added (the block's marker) and deleted. */
  names: Array<{ name: string; range: unknown; comment: string }>;
  deletedNames: string[];
}

/**
 * A workbook whose selection is `anchor` on `sheetName`, and whose cells from the anchor
 * currently hold `existing` (rows of values relative to the anchor; missing = empty): the
 * target range (whatever size is asked) and the condor chart's area beside it (rows 0-19,
 * columns 11-18 from the anchor) read from it. `sheet.protected` protects the sheet;
 * `failOnWrite` makes the sync that writes fail (as Excel can, after applying part of a batch).
 */
function mockExcel(
  anchor: { row: number; col: number; address: string },
  sheetName: string,
  existing: Array<Array<string | number>> = [],
  existingFormulas?: Array<Array<string | number>>,
  sheet: { protected?: boolean; failOnWrite?: boolean } = {},
) {
  const rec: Recorded = { ranges: new Map(), charts: [], cleared: [], resized: [], runs: 0, names: [], deletedNames: [] };
  // eslint-disable-next-line prefer-const
  let mock: any;
  const grid = (src: Array<Array<string | number>>) => Array.from({ length: 100 }, (_, r) => Array.from({ length: 20 }, (_, c) => src[r]?.[c] ?? ""));
  const chartGrid = (src: Array<Array<string | number>>) => Array.from({ length: 20 }, (_, r) => Array.from({ length: 8 }, (_, c) => src[r]?.[11 + c] ?? ""));
  const chartAddress = anchor.row + 20 <= 1048576 && anchor.col + 19 <= 16384 ? rangeAddress(anchor.row, anchor.col + 11, 20, 8) : "(off the sheet)";
  const styleRange = (address: string) => {
    const range = {
      format: {
        font: {},
        fill: {},
        autofitColumns() {
          (range.format as any).autofit = true;
        },
      } as Record<string, any>,
    };
    rec.ranges.set(address, range);
    return range;
  };
  const data = {
    context: {
      async sync(this: any) {
        // The writing sync (formats were cleared, formulas assigned) fails when asked to.
        if (sheet.failOnWrite && rec.cleared.length) throw new Error("GeneralException: the request failed");
        return OfficeMockObject.prototype.sync.call(this);
      },
      workbook: {
        selection: {
          cell: {
            address: `${sheetName.includes(" ") ? `'${sheetName}'` : sheetName}!${anchor.address}`,
            rowIndex: anchor.row,
            columnIndex: anchor.col,
            worksheet: {
              name: sheetName,
              protection: { protected: sheet.protected ?? false },
              chartArea: { address: chartAddress, values: chartGrid(existing), formulas: chartGrid(existingFormulas ?? existing) },
              getRange: (address: string) => (address === chartAddress ? mock.context.workbook.selection.cell.worksheet.chartArea : styleRange(address)),
              charts: {
                add(type: string, source: { address?: string }, seriesBy: string) {
                  const chart: Record<string, any> = {
                    type,
                    source,
                    seriesBy,
                    title: {},
                    legend: {},
                    axes: {
                      categoryAxis: {
                        title: {},
                        setCategoryNames(r: unknown) {
                          chart.categories = r;
                        },
                      },
                      valueAxis: { title: {} },
                    },
                    setPosition(a: string, b: string) {
                      chart.position = [a, b];
                    },
                  };
                  rec.charts.push(chart);
                  return chart;
                },
              },
            },
            target: {
              address: "(target)",
              values: grid(existing),
              formulas: grid(existingFormulas ?? existing),
              clear(kind: string) {
                rec.cleared.push(kind);
              },
            },
            getResizedRange(r: number, c: number) {
              rec.resized.push([r, c]);
              return mock.context.workbook.selection.cell.target;
            },
          },
          getCell(r: number, c: number) {
            if (r !== 0 || c !== 0) throw new Error("the writer anchors at the selection's first cell");
            return mock.context.workbook.selection.cell;
          },
        },
        getSelectedRange() {
          return mock.context.workbook.selection;
        },
        names: {
          getItemOrNullObject(name: string) {
            const found = rec.names.find((n) => n.name === name);
            return found
              ? {
                  name,
                  isNullObject: false,
                  load() {},
                  delete() {
                    rec.deletedNames.push(name);
                    rec.names.splice(rec.names.indexOf(found), 1);
                  },
                }
              : { isNullObject: true, load() {} };
          },
          add(name: string, range: unknown, comment: string) {
            rec.names.push({ name, range, comment });
          },
        },
        worksheets: {
          getItem(name: string) {
            if (name !== sheetName) throw new Error(`no sheet ${name}`);
            return { getRange: (a: string) => (a === anchor.address ? mock.context.workbook.selection.cell : styleRange(a)) };
          },
        },
      },
    },
    run: async function (this: any, batch: (ctx: unknown) => Promise<unknown>) {
      rec.runs++;
      return batch(this.context);
    },
  };
  mock = new OfficeMockObject(data) as any;
  return { excel: mock as ExcelHost, rec, target: () => mock.context.workbook.selection.cell.target };
}

function condorPlan(): Plan {
  const r = planCondor(ISSUE_CONDOR);
  if (!r.ok) throw new Error("plan failed");
  return r.plan;
}

describe("writePlan on an empty range", () => {
  test("writes the rendered formulas and number formats at the selected cell, in one run", async () => {
    const plan = condorPlan();
    const { excel, rec, target } = mockExcel({ row: 2, col: 2, address: "C3" }, "Sheet1");
    const out = await writePlan(plan, {}, excel);
    const expected = renderPlan(plan, { row: 2, col: 2 });
    expect(rec.runs).toBe(1);
    expect(rec.resized).toEqual([[plan.rows - 1, plan.cols - 1]]);
    expect(target().formulas).toEqual(expected.formulas);
    expect(target().numberFormat).toEqual(expected.numberFormats);
    expect(target().formulas[CONDOR_LAYOUT.greeksUnit][1]).toBe("=SHIELD.CONDOR_GREEKS(D5,E18,E19,E20,E21,D6,H18:H21,D9,D10)");
    // P50 and the time-shifted breakevens, live on the block's inputs (days left = D6 - the days-forward cell D36)
    expect(target().formulas[CONDOR_LAYOUT.p50][1]).toBe("=SHIELD.PROB_PROFIT_TARGET(D5,E18,E19,E20,E21,D6,H18:H21,D13,0.5,D9,D10)");
    expect(target().formulas[CONDOR_LAYOUT.daysForward][1]).toBe(0);
    expect(target().formulas[CONDOR_LAYOUT.breakevensAt][1]).toBe("=SHIELD.BREAKEVEN_AT(E18,E19,E20,E21,D13,D6-D36,H18:H21,D9,D10)");
    expect(target().numberFormat[CONDOR_LAYOUT.p50][1]).toBe("0.0%");
    expect(rec.cleared).toEqual(["Formats"]);
    expect(out).toMatchObject({
      status: "written",
      anchor: "Sheet1!C3",
      target: "Sheet1!C3:L83",
      overwritten: 0,
      formulas: expected.formulaCount,
      values: expected.valueCount,
    });
  });

  test("styles the input cells (yellow fill, blue font) and the headers", async () => {
    const { excel, rec } = mockExcel({ row: 2, col: 2, address: "C3" }, "Sheet1");
    await writePlan(condorPlan(), {}, excel);
    expect(rec.ranges.get("D5")?.format.fill.color).toBe("#FFF4CE"); // spot input
    expect(rec.ranges.get("D5")?.format.font.color).toBe("#0000FF");
    expect(rec.ranges.get("C3")?.format.font.bold).toBe(true); // title
  });

  test("adds one native line chart of the position-$ P/L columns against price, beside the block", async () => {
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1");
    const out = await writePlan(condorPlan(), {}, excel);
    expect(rec.charts).toHaveLength(1);
    const chart = rec.charts[0];
    expect(chart.type).toBe("Line"); // Excel.ChartType.line
    expect(chart.seriesBy).toBe("Columns");
    expect(chart.source).toBe(rec.ranges.get("D38:E81"));
    expect(chart.categories).toBe(rec.ranges.get("A39:A81"));
    expect(chart.position).toEqual(["L1", "S20"]);
    expect(chart.title.text).toBe("Condor P/L, position $");
    expect(out.status === "written" && out.chart).toEqual({ title: "Condor P/L, position $", at: "Sheet1!L1:S20" });
  });

  test("reports the spills and key cells by address, quoting a sheet name with a space", async () => {
    const { excel } = mockExcel({ row: 0, col: 0, address: "A1" }, "My book");
    const out = await writePlan(condorPlan(), {}, excel);
    if (out.status !== "written") throw new Error("not written");
    expect(out.keyCells.positionVega).toEqual({ address: "'My book'!F24", label: "Position $ vega" });
    expect(out.spills[0]).toEqual({ head: "'My book'!B23", range: "'My book'!B23:J23" });
    expect(describeWrite(out, "condor block")).toMatch(
      /^Wrote the condor block to 'My book'!A1:J81: \d+ cells \(\d+ formulas, \d+ values\), 6 spilled results/,
    );
  });

  test("a ladder block has no chart", async () => {
    const r = planLadder(LADDER_FORM);
    if (!r.ok) throw new Error("plan failed");
    const { excel, rec, target } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1");
    await writePlan(r.plan, {}, excel);
    expect(rec.charts).toHaveLength(0);
    expect(target().formulas[15][0]).toBe("=SHIELD.VIX_LADDER(B3,B4,B5,B10:C12,D10:D12,B6)");
  });
});

describe("writePlan over a non-empty range", () => {
  const existing: Array<Array<string | number>> = [];
  existing[0] = ["keep me"];
  existing[40] = ["", "", "", 42];

  test("without confirmation: returns how many cells and where, and writes nothing", async () => {
    const { excel, rec, target } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", existing);
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toEqual({
      status: "needsConfirmation",
      count: 2,
      addresses: ["Sheet1!A1", "Sheet1!D41"],
      underChart: 0,
      anchor: "Sheet1!A1",
      target: "Sheet1!A1:J81",
      chartAt: "Sheet1!L1:S20",
    });
    // The loaded contents are still what was there (the writer never assigned formulas).
    expect(target().formulas).toHaveLength(100);
    expect(target().formulas[0][0]).toBe("keep me");
    expect(target().formulas[40][3]).toBe(42);
    expect(target().formulas[1][0]).toBe("");
    expect(target().numberFormat).toBeUndefined();
    expect(rec.cleared).toEqual([]);
    expect(rec.charts).toHaveLength(0);
    expect(rec.ranges.size).toBe(0);
  });

  test("a cell holding only a formula's result (e.g. another spill) counts as not empty", async () => {
    const values: Array<Array<string | number>> = [[], [1.5]];
    const { excel } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", values, []);
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toMatchObject({ status: "needsConfirmation", count: 1, addresses: ["Sheet1!A2"] });
  });

  test("confirmed, at the anchor the confirmation was asked for: writes and reports the overwrite", async () => {
    const { excel: first } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", existing);
    const asked = await writePlan(condorPlan(), {}, first);
    if (asked.status !== "needsConfirmation") throw new Error("expected a confirmation request");
    const { excel, target } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", existing);
    const out = await writePlan(condorPlan(), { confirmed: asked.addresses, anchor: asked.anchor }, excel);
    expect(out).toMatchObject({ status: "written", overwritten: 2, target: "Sheet1!A1:J81" });
    expect(target().formulas[0][0]).toBe("SHIELD iron condor");
  });

  test("a cell filled after the confirmation was asked is not overwritten: it asks again, listing it", async () => {
    const { excel: first } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", existing);
    const asked = await writePlan(condorPlan(), {}, first);
    if (asked.status !== "needsConfirmation") throw new Error("expected a confirmation request");
    const later = existing.map((row) => row.slice());
    later[5] = ["typed meanwhile"];
    const { excel, target, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", later);
    const out = await writePlan(condorPlan(), { confirmed: asked.addresses, anchor: asked.anchor }, excel);
    expect(out).toMatchObject({ status: "needsConfirmation", count: asked.count + 1 });
    expect(out.status === "needsConfirmation" && out.addresses).toContain("Sheet1!A6");
    expect(target().formulas[5][0]).toBe("typed meanwhile");
    expect(rec.charts).toHaveLength(0);
  });
});

describe("buildBlock: invalid input never reaches Excel", () => {
  test("field errors come back and Excel.run is not called", async () => {
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1");
    const out = await buildBlock(planCondor, { ...ISSUE_CONDOR, spot: "-1", callVol: "abc" }, {}, excel);
    expect(out).toEqual({
      status: "invalid",
      errors: { spot: "Spot must be a number greater than 0; got -1", callVol: 'Call-side vol must be a number; got "abc"' },
    });
    expect(rec.runs).toBe(0);
  });

  test("valid input goes through the writer", async () => {
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1");
    const out = await buildBlock(planLadder, LADDER_FORM, {}, excel);
    expect(out.status).toBe("written");
    expect(rec.runs).toBe(1);
  });
});

describe("writePlan: the chart's area is checked too", () => {
  // Relative to an A1 anchor the condor chart covers L1:S20 (rows 0-19, columns 11-18).
  const underChart: Array<Array<string | number>> = [];
  underChart[2] = [];
  underChart[2][12] = "my note"; // M3
  underChart[19] = [];
  underChart[19][18] = 7; // S20

  test("non-empty cells where the chart would sit need a confirmation, counted and listed, and nothing is written", async () => {
    const { excel, rec, target } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", underChart);
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toEqual({
      status: "needsConfirmation",
      count: 2,
      addresses: ["Sheet1!M3", "Sheet1!S20"],
      underChart: 2,
      anchor: "Sheet1!A1",
      target: "Sheet1!A1:J81",
      chartAt: "Sheet1!L1:S20",
    });
    expect(rec.charts).toHaveLength(0);
    expect(rec.cleared).toEqual([]);
    expect(target().numberFormat).toBeUndefined();
    if (out.status !== "needsConfirmation") throw new Error("expected a confirmation request");
    expect(describeConfirmation(out, "condor block")).toBe(
      "2 non-empty cells in Sheet1!L1:S20 would sit under the chart (not changed, but hidden by it). Write the condor block and place the chart over them?",
    );
  });

  test("the question names both the block's cells and those under the chart", async () => {
    const both = underChart.map((row) => row?.slice());
    both[0] = ["keep me"];
    const { excel } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", both);
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toMatchObject({ status: "needsConfirmation", count: 3, underChart: 2, addresses: ["Sheet1!A1", "Sheet1!M3", "Sheet1!S20"] });
    if (out.status !== "needsConfirmation") throw new Error("expected a confirmation request");
    expect(describeConfirmation(out, "condor block")).toBe(
      "1 cell in Sheet1!A1:J81 is not empty. 2 non-empty cells in Sheet1!L1:S20 would sit under the chart (not changed, but hidden by it). Overwrite the block's cells and cover the others with the chart?",
    );
  });

  test("confirmed: writes, places the chart, and reports the covered cells", async () => {
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", underChart);
    const out = await writePlan(condorPlan(), { confirmed: ["Sheet1!M3", "Sheet1!S20"], anchor: "Sheet1!A1" }, excel);
    expect(out).toMatchObject({ status: "written", overwritten: 0, underChart: 2 });
    expect(rec.charts[0].position).toEqual(["L1", "S20"]);
    if (out.status !== "written") throw new Error("not written");
    expect(describeWrite(out, "condor block")).toContain(" 2 non-empty cells are now under the chart (unchanged, hidden by it), as confirmed.");
  });

  test("a cell under the chart filled after the confirmation makes it ask again", async () => {
    const later = underChart.map((row) => row?.slice());
    later[5] = [];
    later[5][11] = "new"; // L6
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", later);
    const out = await writePlan(condorPlan(), { confirmed: ["Sheet1!M3", "Sheet1!S20"], anchor: "Sheet1!A1" }, excel);
    expect(out).toMatchObject({ status: "needsConfirmation", count: 3, underChart: 3 });
    expect(out.status === "needsConfirmation" && out.addresses).toContain("Sheet1!L6");
    expect(rec.charts).toHaveLength(0);
  });
});

/** Nothing was queued for writing: no formats cleared, no formulas, no styles, no chart. */
function expectNothingWritten(rec: Recorded, target: () => any): void {
  expect(rec.cleared).toEqual([]);
  expect(rec.charts).toHaveLength(0);
  expect(rec.ranges.size).toBe(0);
  expect(target().numberFormat).toBeUndefined();
}

describe("writePlan: predictable failures are caught before anything is written", () => {
  test("a block that would run past the sheet's last row: doesNotFit, and the target range is never even made", async () => {
    const { excel, rec, target } = mockExcel({ row: 1048570, col: 0, address: "A1048571" }, "Sheet1");
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toEqual({
      status: "doesNotFit",
      anchor: "Sheet1!A1048571",
      needed: { rows: 81, cols: 19 },
      available: { rows: 6, cols: 16384 },
      neededRange: "Sheet1!A1048571:S1048651",
      fitsAt: "Sheet1!A1048496",
      withChart: true,
    });
    expect(rec.resized).toEqual([]);
    expectNothingWritten(rec, target);
    if (out.status !== "doesNotFit") throw new Error("expected doesNotFit");
    expect(describeNotWritten(out, "condor block")).toBe(
      "Nothing was written: the condor block and its chart need 81 rows x 19 columns from Sheet1!A1048571 (Sheet1!A1048571:S1048651), " +
        "but the sheet ends at row 1,048,576 (6 rows left). Select Sheet1!A1048496 or a cell above or to the left of it, then build again.",
    );
  });

  test("the chart counts: a condor block that fits but whose chart would not is refused; a ladder there is written", async () => {
    // Anchor XEP1: 15 columns left; the block needs 10, block and chart 19.
    const anchor = { row: 0, col: 16369, address: "XEP1" };
    const { excel, rec, target } = mockExcel(anchor, "Sheet1");
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toMatchObject({ status: "doesNotFit", needed: { rows: 81, cols: 19 }, available: { rows: 1048576, cols: 15 }, fitsAt: "Sheet1!XEL1" });
    expectNothingWritten(rec, target);
    if (out.status !== "doesNotFit") throw new Error("expected doesNotFit");
    expect(describeNotWritten(out, "condor block")).toContain("but the sheet ends at column XFD (15 columns left)");
    const ladder = planLadder(LADDER_FORM);
    if (!ladder.ok) throw new Error("plan failed");
    const again = mockExcel(anchor, "Sheet1");
    expect(await writePlan(ladder.plan, {}, again.excel)).toMatchObject({ status: "written" });
  });

  test("a protected sheet: returns protected and writes nothing", async () => {
    const { excel, rec, target } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", [], undefined, { protected: true });
    const out = await writePlan(condorPlan(), {}, excel);
    expect(out).toEqual({ status: "protected", sheet: "Sheet1", anchor: "Sheet1!A1", target: "Sheet1!A1:J81" });
    expect(rec.resized).toEqual([]);
    expectNothingWritten(rec, target);
    expect(describeNotWritten(out as Extract<WriteOutcome, { status: "protected" }>, "condor block")).toBe(
      'Nothing was written: the sheet "Sheet1" is protected. Unprotect it (Review > Unprotect Sheet) or select a cell on another sheet, then build again.',
    );
  });

  test("Excel failing in the writing sync rejects with a PartialWriteError naming the ranges to check", async () => {
    const { excel } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", [], undefined, { failOnWrite: true });
    const error = await writePlan(condorPlan(), {}, excel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialWriteError);
    expect(error).toMatchObject({ target: "Sheet1!A1:J81", chartAt: "Sheet1!L1:S20", message: "GeneralException: the request failed" });
    const text = describeFailure(error, "condor block");
    expect(text).toBe(
      "Excel stopped partway through writing the condor block: GeneralException: the request failed. Part of it may already be on the sheet: " +
        "check Sheet1!A1:J81 and the chart area Sheet1!L1:S20, clear what is there or build again over it.",
    );
    expect(text).not.toMatch(/Nothing was written/);
  });

  test("Excel failing while reading (before any write) still says nothing was written", async () => {
    const { excel } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1");
    const error = await writePlan(condorPlan(), { anchor: "Gone!A1" }, excel).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(PartialWriteError);
    expect(describeFailure(error, "condor block")).toBe("Excel could not check the target cells: no sheet Gone. Nothing was written.");
  });
});

describe("writePlan marks the block so that it can be read back", () => {
  test("one workbook name over the block's range, named by kind and anchor, its comment the marker with the build time", async () => {
    const plan = condorPlan();
    const { excel, rec, target } = mockExcel({ row: 1, col: 1, address: "B2" }, "Sheet1");
    const out = await writePlan(plan, { now: new Date("2026-12-01T10:00:00Z") }, excel);
    expect(rec.names).toEqual([
      { name: "SHIELD_condor_Sheet1_B2", range: target(), comment: '{"shield":1,"kind":"condor","built":"2026-12-01T10:00:00.000Z"}' },
    ]);
    expect(out).toMatchObject({ status: "written", name: "SHIELD_condor_Sheet1_B2" });
    expect(rec.deletedNames).toEqual([]);
  });

  test("a rebuild at the same anchor replaces the old name (Excel refuses a duplicate name)", async () => {
    const plan = planLadder(LADDER_FORM);
    if (!plan.ok) throw new Error("plan failed");
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Hedge book");
    rec.names.push({ name: "SHIELD_ladder_Hedge_book_A1", range: null, comment: "{}" });
    const out = await writePlan(plan.plan, { now: new Date("2026-12-02T10:00:00Z") }, excel);
    expect(out.status).toBe("written");
    expect(rec.deletedNames).toEqual(["SHIELD_ladder_Hedge_book_A1"]);
    expect(rec.names.map((n) => [n.name, n.comment])).toEqual([
      ["SHIELD_ladder_Hedge_book_A1", '{"shield":1,"kind":"ladder","built":"2026-12-02T10:00:00.000Z"}'],
    ]);
  });

  test("nothing is named when nothing is written (a confirmation is needed first)", async () => {
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", [["keep"]]);
    expect((await writePlan(condorPlan(), {}, excel)).status).toBe("needsConfirmation");
    expect(rec.names).toEqual([]);
  });
});

describe("writePlan writes the totals that show their ladder's error", () => {
  test("the ladder's rounded counts and totals reach Excel as formulas through the spill head, not plain SUMs", async () => {
    const plan = planLadder(LADDER_FORM);
    if (!plan.ok) throw new Error("plan failed");
    const { excel, target } = mockExcel({ row: 4, col: 2, address: "C5" }, "Sheet1");
    await writePlan(plan.plan, {}, excel);
    const L = ladderLayout(3);
    const written = target().formulas as string[][];
    // The ladder's head is C5 + (15, 0) = C20; contracts in H20:H22, rounded in I20:I22.
    expect(written[L.firstLadder][0]).toMatch(/^=SHIELD\.VIX_LADDER\(/);
    expect(written[L.firstLadder + 2][6]).toBe("=ROUND(IF(ISERROR(C20),C20,H22),0)");
    expect(written[L.totals][5]).toBe("=IF(ISERROR(C20),C20,SUM(H20:H22))");
    expect(written[L.totals][6]).toBe("=IF(ISERROR(C20),C20,SUM(I20:I22))");
  });
});

describe("writePlan writes the stress block", () => {
  const condor = condorPlan();
  const hedge = [30, 60, 90].map((days, i) => ({
    instrument: "FUT" as const,
    days,
    price: [19, 20, 20.5][i],
    units: [1.3, 1.1, 0.92][i],
    multiplier: 1000,
    row: i + 1,
  }));
  const plan = layoutStress({ condor: condor.model!, hedge, vixSpot: 18, hedgeSource: "three FUT layers", daysForward: 0 });
  const L = stressLayout(3);

  test("in one run at the selection: values, the two live STRESS formulas, no chart, and a workbook name marking it", async () => {
    const { excel, rec, target } = mockExcel({ row: 1, col: 1, address: "B2" }, "Sheet1");
    const out = await writePlan(plan, { now: new Date("2026-12-02T10:00:00Z") }, excel);
    expect(rec.runs).toBe(1);
    expect(rec.charts).toHaveLength(0);
    expect(target().formulas).toEqual(renderPlan(plan, { row: 1, col: 1 }).formulas);
    expect(target().formulas[L.grid + 1][1]).toBe(
      `=SHIELD.STRESS(B13:F16,C4,B${L.grid + 3}:B${L.grid + 9},C${L.grid + 2}:G${L.grid + 2},C5,C6,B20:H22,C7,C8,C9)`,
    );
    expect(target().formulas[L.grid2 + 1][1]).toBe(`=SHIELD.STRESS(B13:F16,C4,B${L.grid + 3}:B${L.grid + 9},C${L.grid + 2}:G${L.grid + 2},C5,C6,,,C8,C9)`);
    expect(target().formulas[L.firstHedge][0]).toBe("FUT");
    expect(target().formulas[L.firstHedge][3]).toBe(""); // a future's strike is left blank
    expect(rec.names.map((n) => [n.name, n.comment])).toEqual([["SHIELD_stress_Sheet1_B2", '{"shield":1,"kind":"stress","built":"2026-12-02T10:00:00.000Z"}']]);
    if (out.status !== "written") throw new Error("not written");
    expect(describeWrite(out, "stress block")).toMatch(
      new RegExp(`^Wrote the stress block to Sheet1!B2:H${plan.rows + 1}: \\d+ cells \\(14 formulas, \\d+ values\\), 2 spilled results`),
    ); // 2 STRESS + the second grid's 5 + 7 move headers (=C25 ...)
  });

  test("over a non-empty cell: asks first, and writes nothing", async () => {
    const existing: Array<Array<string | number>> = [];
    existing[L.grid + 2] = ["", "", "mine"];
    const { excel, rec } = mockExcel({ row: 0, col: 0, address: "A1" }, "Sheet1", existing);
    const out = await writePlan(plan, {}, excel);
    expect(out).toMatchObject({ status: "needsConfirmation", count: 1, addresses: [`Sheet1!C${L.grid + 3}`] });
    expect(rec.cleared).toEqual([]);
    expect(rec.names).toEqual([]);
  });
});
