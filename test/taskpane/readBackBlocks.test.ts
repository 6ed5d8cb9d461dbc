/**
 * Reading back the two blocks the first reader did not know (plan/readBack.ts, reader.ts over
 * Excel's object model mocked with office-addin-mock): the ladder block with an instrument per
 * layer (=SHIELD.VIX_HEDGE) back into the ladder form, and the stress block back into the stress
 * view's inputs. Each block is planned, laid into the mock as the writer renders it, read back,
 * and the form values compared; planning them again must give the very same cells. Then "edit
 * in place" for one input of each: only that cell is asked about and written.
 */
import { OfficeMockObject } from "office-addin-mock";
import { markerComment } from "../../src/taskpane/plan/blockName";
import { hedgeLayout } from "../../src/taskpane/plan/hedgePlan";
import { planInputEdits } from "../../src/taskpane/plan/inputEdit";
import { planLadder } from "../../src/taskpane/plan/ladderPlan";
import { layerFields, readBlock } from "../../src/taskpane/plan/readBack";
import { renderPlan } from "../../src/taskpane/plan/render";
import { layoutStress, stressLayout, type StressInputs } from "../../src/taskpane/plan/stressPlan";
import { planCondor } from "../../src/taskpane/plan/condorPlan";
import type { CondorModel, Plan } from "../../src/taskpane/plan/types";
import { readSelectedBlock } from "../../src/taskpane/reader";
import { writeEdits, type ExcelHost } from "../../src/taskpane/writer";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

function planOf(r: ReturnType<typeof planLadder>): Plan {
  if (!r.ok) throw new Error(`plan failed: ${JSON.stringify(r.errors)}`);
  return r.plan;
}

/** A block as Excel holds it from its first cell: formulas as rendered, a formula's value 0 (its result is not read). */
function sheetCells(plan: Plan) {
  const formulas = renderPlan(plan, { row: 0, col: 0 }).formulas;
  const values = formulas.map((row) => row.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v)));
  return { formulas, values };
}

/** A workbook with one named block at Sheet1!A1 under the selection. */
function mockWorkbook(name: string, kind: "ladder" | "stress", plan: Plan): ExcelHost {
  const { values, formulas } = sheetCells(plan);
  const address = `Sheet1!A1:${String.fromCharCode(64 + plan.cols)}${plan.rows}`;
  const data = {
    context: {
      workbook: {
        selection: { address: "Sheet1!B5" },
        getSelectedRange() {
          // The mock's own selection object (it carries the mock's load()).
          return (mock as unknown as { context: { workbook: { selection: unknown } } }).context.workbook.selection;
        },
        names: {
          items: [
            {
              name,
              comment: markerComment(kind, new Date("2026-12-01T10:00:00Z")),
              getRange: () => ({
                address,
                values,
                formulas,
                load() {},
                getIntersectionOrNullObject: () => ({ isNullObject: false, address: "Sheet1!B5", load() {} }),
              }),
            },
          ],
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data);
  return mock as unknown as ExcelHost;
}

/** Sheet1 holding `plan` at A1 (cells keyed "row,col"), for writeEdits; writes are recorded. */
function mockSheet(plan: Plan) {
  const cells: Record<string, unknown> = {};
  sheetCells(plan).formulas.forEach((row, r) => row.forEach((v, c) => (cells[`${r},${c}`] = v)));
  const writes: string[] = [];
  const worksheet = {
    name: "Sheet1",
    protection: { protected: false },
    getRange: () => ({
      rowIndex: 0,
      columnIndex: 0,
      load() {},
      getOffsetRange: (dr: number, dc: number) => ({
        load() {},
        get formulas() {
          return [[cells[`${dr},${dc}`] ?? ""]];
        },
        set formulas(f: unknown[][]) {
          writes.push(`${dr},${dc}`);
          cells[`${dr},${dc}`] = f[0][0];
        },
      }),
    }),
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: worksheet,
          // The mock's own sheet object (it carries the mock's load()).
          getItem: () => (mock as unknown as { context: { workbook: { worksheets: { sheet: unknown } } } }).context.workbook.worksheets.sheet,
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data);
  return { excel: mock as unknown as ExcelHost, cells, writes };
}

/** hedgePlan.test.ts's four layers: a future, a 25-delta call (vol 0.9), a put struck at 18 (vol 0.8), an ETF (leverage 1.5). */
const MIXED = {
  ...LADDER_FORM,
  positionVega: "=Sheet1!F24",
  days4: "30",
  price4: "25",
  instrument1: "FUT",
  instrument2: "CALL",
  strike2: "25d",
  vol2: "0.9",
  instrument3: "PUT",
  strike3: "18",
  vol3: "0.8",
  instrument4: "ETF",
  vol4: "1.5",
};

describe("the ladder block with instruments (VIX_HEDGE) reads back into the ladder form", () => {
  const hedge = planOf(planLadder(MIXED));

  test("office-addin-mock: found as a ladder of the hedge variant, each layer's instrument, strike or delta and vol or leverage", async () => {
    const out = await readSelectedBlock(mockWorkbook("SHIELD_ladder_Sheet1_A1", "ladder", hedge));
    if (out.status !== "found") throw new Error(out.message);
    expect(out).toMatchObject({ kind: "ladder", variant: "hedge", range: `Sheet1!A1:K${hedge.rows}`, anchor: "Sheet1!A1" });
    expect(out.values).toEqual({ positionVega: "=Sheet1!F24", positionDays: "30", vixSpot: "18", multiplier: "1000", rate: "0" });
    // Weights: none given, so the block holds the SPEC defaults for four layers (equal, 0.25 each).
    expect(out.layers).toEqual([
      { days: "30", price: "19", weight: "0.25", instrument: "FUT", strike: "", vol: "" },
      { days: "60", price: "20", weight: "0.25", instrument: "CALL", strike: "0.25d", vol: "0.9" },
      { days: "90", price: "20.5", weight: "0.25", instrument: "PUT", strike: "18", vol: "0.8" },
      { days: "30", price: "25", weight: "0.25", instrument: "ETF", strike: "", vol: "1.5" },
    ]);
    // The read form plans the very same block (so "Rebuild here" changes nothing unedited).
    expect(planOf(planLadder({ ...out.values, ...layerFields(out.layers) })).cells).toEqual(hedge.cells);
  });

  test("a by-delta strike whose cell was overwritten comes back as that strike, not the delta", () => {
    const { values, formulas } = sheetCells(hedge);
    const r = hedgeLayout(4).firstLayer + 1;
    values[r][4] = 26.5;
    const read = readBlock("ladder", values, formulas);
    if (!read.ok) throw new Error(read.message);
    expect(read.layers[1].strike).toBe("26.5");
  });

  test("a VXM (multiplier 100) layer comes back as the form's FUT at multiplier 100", () => {
    const p = planOf(planLadder({ ...MIXED, multiplier: "100" }));
    const read = readBlock("ladder", sheetCells(p).values, sheetCells(p).formulas);
    if (!read.ok) throw new Error(read.message);
    expect(read.values.multiplier).toBe("100");
    expect(read.layers[0].instrument).toBe("FUT");
    expect(planOf(planLadder({ ...read.values, ...layerFields(read.layers) })).cells).toEqual(p.cells);
  });

  test("edit in place: layer 3's vol 0.8 -> 0.85 asks about that one cell only, then writes it", async () => {
    const out = await readSelectedBlock(mockWorkbook("SHIELD_ladder_Sheet1_A1", "ladder", hedge));
    if (out.status !== "found") throw new Error(out.message);
    const edits = planInputEdits("ladder", { ...out.values, ...layerFields(out.layers), vol3: "0.85" }, out.layers.length, out.variant);
    if (!edits.ok) throw new Error(JSON.stringify(edits.errors));
    const sheet = mockSheet(hedge);
    const asked = await writeEdits(out.anchor, edits.edits, {}, sheet.excel);
    const cell = `${hedgeLayout(4).firstLayer + 2},5`;
    expect(asked).toEqual({
      status: "needsConfirmation",
      anchor: "Sheet1!A1",
      changes: [{ address: "Sheet1!F12", label: "Layer 3 vol / leverage", from: 0.8, to: 0.85 }],
    });
    if (asked.status !== "needsConfirmation") throw new Error("expected a question");
    expect((await writeEdits(out.anchor, edits.edits, { shown: asked.changes }, sheet.excel)).status).toBe("written");
    expect(sheet.writes).toEqual([cell]);
    expect(sheet.cells[cell]).toBe(0.85);
  });

  test("a ladder with a rate (0.05) reads it back; edit in place 0.05 -> 0.04 changes only the rate cell", async () => {
    const withRate = planOf(planLadder({ ...MIXED, rate: "0.05" }));
    const out = await readSelectedBlock(mockWorkbook("SHIELD_ladder_Sheet1_A1", "ladder", withRate));
    if (out.status !== "found") throw new Error(out.message);
    expect(out.values.rate).toBe("0.05");
    const form = { ...out.values, ...layerFields(out.layers) };
    expect(planOf(planLadder(form)).cells).toEqual(withRate.cells);
    const edits = planInputEdits("ladder", { ...form, rate: "0.04" }, 4, "hedge");
    if (!edits.ok) throw new Error(JSON.stringify(edits.errors));
    const asked = await writeEdits(out.anchor, edits.edits, {}, mockSheet(withRate).excel);
    // The by-delta strike at 4% stays on the same half point here, so only the rate cell changes.
    expect(asked).toEqual({
      status: "needsConfirmation",
      anchor: "Sheet1!A1",
      changes: [{ address: "Sheet1!B7", label: "Rate (options)", from: 0.05, to: 0.04 }],
    });
  });

  test("edit in place of a hedge block validates like Build: an option layer without a strike is refused", () => {
    expect(planInputEdits("ladder", { ...MIXED, strike3: "" }, 4, "hedge")).toEqual({
      ok: false,
      errors: { strike3: "Layer 3 strike is required for an option: a strike (e.g. 22) or a delta (e.g. 25d); got (empty)" },
    });
  });
});

describe("the stress block reads back into the stress view's inputs", () => {
  const condorPlan = planCondor(ISSUE_CONDOR);
  if (!condorPlan.ok) throw new Error("condor plan failed");
  const model = condorPlan.plan.model as CondorModel;
  /** A hedge by hand (two rows: a future and a call), as the stress block holds it. */
  const x: StressInputs = {
    condor: model,
    hedge: [
      { instrument: "FUT", days: 30, price: 19, units: 2.5, multiplier: 1000, row: 1 },
      { instrument: "CALL", days: 60, price: 20, strike: 22, volOrLeverage: 0.9, units: 4, multiplier: 100, row: 2 },
    ],
    vixSpot: 18,
    hedgeSource: "the hedge ladder view: FUT 30 d, CALL 60 d, VIX_HEDGE's unrounded units",
    daysForward: 5,
  };
  const stress = layoutStress(x);

  test("office-addin-mock: found as a stress block; its six inputs as form values and the view's inputs (legs, hedge, moves) as they are", async () => {
    const out = await readSelectedBlock(mockWorkbook("SHIELD_stress_Sheet1_A1", "stress", stress));
    if (out.status !== "found") throw new Error(out.message);
    expect(out.kind).toBe("stress");
    expect(out.values).toEqual({ spot: "5000", daysForward: "5", multiplier: "100", vixSpot: "18", rate: "0", yield: "0" });
    expect(out.stress).toEqual({
      condor: {
        spot: 5000,
        days: 30,
        vols: model.vols,
        rate: 0,
        yield: 0,
        quantity: 10,
        multiplier: 100,
        increment: 1,
        strikes: model.strikes,
      },
      hedge: x.hedge,
      vixSpot: 18,
      hedgeSource: x.hedgeSource,
      daysForward: 5,
      spotMoves: [-0.1, -0.05, -0.02, 0, 0.02, 0.05, 0.1],
      vixMoves: [-5, 0, 5, 10, 20],
    });
    // Laying the read inputs out again gives the very same block.
    expect(layoutStress(out.stress!).cells).toEqual(stress.cells);
  });

  test("a stress block without a hedge reads back with none", () => {
    const bare = layoutStress({ ...x, hedge: [], vixSpot: undefined, hedgeSource: "" });
    const read = readBlock("stress", sheetCells(bare).values);
    if (!read.ok) throw new Error(read.message);
    expect(read.stress?.hedge).toEqual([]);
    expect(read.values.vixSpot).toBe("");
    expect(layoutStress(read.stress!).cells).toEqual(bare.cells);
  });

  test("legs edited so they are no longer a condor: a message, not a wrong view", () => {
    const { values } = sheetCells(stress);
    values[stressLayout(2).firstLeg + 1][2] = -7; // the short put's quantity no longer -10
    expect(readBlock("stress", values)).toEqual({
      ok: false,
      message:
        "The stress block's legs are no longer an iron condor (P, P, C, C with quantities q, -q, -q, q and one expiry), so the pane cannot show them; its STRESS formulas still work in the sheet.",
    });
  });

  test("edit in place: days forward 5 -> 10 asks about that one cell only, then writes it", async () => {
    const out = await readSelectedBlock(mockWorkbook("SHIELD_stress_Sheet1_A1", "stress", stress));
    if (out.status !== "found") throw new Error(out.message);
    const edits = planInputEdits("stress", { ...out.values, daysForward: "10" }, out.stress!.hedge.length);
    if (!edits.ok) throw new Error(JSON.stringify(edits.errors));
    const sheet = mockSheet(stress);
    const asked = await writeEdits(out.anchor, edits.edits, {}, sheet.excel);
    expect(asked).toEqual({
      status: "needsConfirmation",
      anchor: "Sheet1!A1",
      changes: [{ address: "Sheet1!B4", label: "Days forward", from: 5, to: 10 }],
    });
    if (asked.status !== "needsConfirmation") throw new Error("expected a question");
    expect((await writeEdits(out.anchor, edits.edits, { shown: asked.changes }, sheet.excel)).status).toBe("written");
    expect(sheet.writes).toEqual([`${stressLayout(2).input.daysForward},1`]);
    expect(sheet.cells[`${stressLayout(2).input.daysForward},1`]).toBe(10);
  });

  test("edit in place of a stress block validates: a negative days forward is refused on its field", () => {
    const r = planInputEdits("stress", { spot: "5000", daysForward: "-1", multiplier: "100", vixSpot: "18", rate: "0", yield: "0" }, 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["daysForward"]);
  });
});
