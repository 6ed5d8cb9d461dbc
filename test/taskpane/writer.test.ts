/**
 * The writer against Excel's object model mocked with office-addin-mock: what it writes and
 * where, that it writes nothing over a non-empty range without confirmation, and that invalid
 * input never reaches Excel.
 */
import { OfficeMockObject } from "office-addin-mock";
import { buildBlock } from "../../src/taskpane/build";
import { CONDOR_LAYOUT, planCondor } from "../../src/taskpane/plan/condorPlan";
import { planLadder } from "../../src/taskpane/plan/ladderPlan";
import { renderPlan } from "../../src/taskpane/plan/render";
import type { Plan } from "../../src/taskpane/plan/types";
import { describeWrite, writePlan, type ExcelHost } from "../../src/taskpane/writer";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

interface Recorded {
  ranges: Map<string, { format: Record<string, any> }>;
  charts: Array<Record<string, any>>;
  cleared: string[];
  resized: Array<[number, number]>;
  runs: number;
}

/**
 * A workbook whose selection is `anchor` on `sheetName`, and whose target range (whatever size
 * is asked) currently holds `existing` (rows of values; missing = empty).
 */
function mockExcel(anchor: { row: number; col: number; address: string }, sheetName: string, existing: Array<Array<string | number>> = [], existingFormulas?: Array<Array<string | number>>) {
  const rec: Recorded = { ranges: new Map(), charts: [], cleared: [], resized: [], runs: 0 };
  // eslint-disable-next-line prefer-const
  let mock: any;
  const grid = (src: Array<Array<string | number>>) => Array.from({ length: 100 }, (_, r) => Array.from({ length: 12 }, (_, c) => src[r]?.[c] ?? ""));
  const styleRange = (address: string) => {
    const range = { format: { font: {}, fill: {}, autofitColumns() { (range.format as any).autofit = true; } } as Record<string, any> };
    rec.ranges.set(address, range);
    return range;
  };
  const data = {
    context: {
      workbook: {
        selection: {
          cell: {
            address: `${sheetName.includes(" ") ? `'${sheetName}'` : sheetName}!${anchor.address}`,
            rowIndex: anchor.row,
            columnIndex: anchor.col,
            worksheet: {
              name: sheetName,
              getRange: styleRange,
              charts: {
                add(type: string, source: { address?: string }, seriesBy: string) {
                  const chart: Record<string, any> = {
                    type,
                    source,
                    seriesBy,
                    title: {},
                    legend: {},
                    axes: {
                      categoryAxis: { title: {}, setCategoryNames(r: unknown) { chart.categories = r; } },
                      valueAxis: { title: {} },
                    },
                    setPosition(a: string, b: string) { chart.position = [a, b]; },
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
              clear(kind: string) { rec.cleared.push(kind); },
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
    expect(rec.cleared).toEqual(["Formats"]);
    expect(out).toMatchObject({
      status: "written",
      anchor: "Sheet1!C3",
      target: "Sheet1!C3:L78",
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
    expect(chart.source).toBe(rec.ranges.get("D35:E76"));
    expect(chart.categories).toBe(rec.ranges.get("A36:A76"));
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
    expect(describeWrite(out, "condor block")).toMatch(/^Wrote the condor block to 'My book'!A1:J76: \d+ cells \(\d+ formulas, \d+ values\), 5 spilled results/);
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
    expect(out).toEqual({ status: "needsConfirmation", count: 2, addresses: ["Sheet1!A1", "Sheet1!D41"], anchor: "Sheet1!A1", target: "Sheet1!A1:J76" });
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
    expect(out).toMatchObject({ status: "written", overwritten: 2, target: "Sheet1!A1:J76" });
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
