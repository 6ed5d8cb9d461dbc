/**
 * Reading a block back (src/taskpane/reader.ts over Excel's object model mocked with
 * office-addin-mock, and plan/readBack.ts): the block under the selection is found by the
 * workbook name the writer added, its inputs come back as the form had them (so planning them
 * again gives the same block), edits made in the sheet come back too, and anything else is
 * answered with a message, never a throw.
 */
import { OfficeMockObject } from "office-addin-mock";
import { blockName, markerComment, parseMarker } from "../../src/taskpane/plan/blockName";
import { CONDOR_LAYOUT, planCondor } from "../../src/taskpane/plan/condorPlan";
import { ladderLayout, planLadder } from "../../src/taskpane/plan/ladderPlan";
import { readBlock } from "../../src/taskpane/plan/readBack";
import { renderPlan } from "../../src/taskpane/plan/render";
import type { Plan } from "../../src/taskpane/plan/types";
import { readSelectedBlock, describeReadFailure } from "../../src/taskpane/reader";
import type { ExcelHost } from "../../src/taskpane/writer";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

function planOf(r: ReturnType<typeof planCondor>): Plan {
  if (!r.ok) throw new Error(`plan failed: ${JSON.stringify(r.errors)}`);
  return r.plan;
}

/** A block as Excel would hold it: values (a formula's cell holds some result; 0 here) and formulas. */
function sheetCells(plan: Plan, anchor = { row: 0, col: 0 }) {
  const formulas = renderPlan(plan, anchor).formulas;
  const values = formulas.map((row) => row.map((v) => (typeof v === "string" && v.startsWith("=") ? 0 : v)));
  return { formulas, values };
}

interface MockBlock {
  name: string;
  comment: string;
  address: string;
  /** Whether the selection meets it. */
  hit: boolean;
  values: unknown[][];
  formulas: unknown[][];
}

function mockWorkbook(selection: string, blocks: MockBlock[], extraNames: Array<{ name: string; comment: string }> = []): ExcelHost {
  const items = [
    ...blocks.map((b) => ({
      name: b.name,
      comment: b.comment,
      getRange: () => ({
        address: b.address,
        values: b.values,
        formulas: b.formulas,
        load() {},
        getIntersectionOrNullObject: () => ({ isNullObject: !b.hit, address: b.hit ? selection : undefined, load() {} }),
      }),
    })),
    ...extraNames.map((n) => ({
      ...n,
      getRange: () => ({
        address: "Sheet1!Z1",
        values: [[""]],
        formulas: [[""]],
        load() {},
        getIntersectionOrNullObject: () => ({ isNullObject: true, load() {} }),
      }),
    })),
  ];
  const data = {
    context: {
      workbook: {
        selection: { address: selection },
        getSelectedRange(this: unknown) {
          return (mock as { context: { workbook: { selection: unknown } } }).context.workbook.selection;
        },
        names: { items },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown;
  return mock as ExcelHost;
}

const condor = planOf(planCondor(ISSUE_CONDOR));
const built = (iso: string) => markerComment("condor", new Date(iso));

describe("block names", () => {
  test("a block's name says what and where; its comment is a marker only SHIELD's names parse as", () => {
    expect(blockName("condor", "Sheet1", "B2")).toBe("SHIELD_condor_Sheet1_B2");
    expect(blockName("ladder", "My book (2)", "$C$10")).toBe("SHIELD_ladder_My_book__2__C10");
    expect(parseMarker("SHIELD_condor_Sheet1_B2", markerComment("condor", new Date("2026-12-01T10:00:00Z")))).toEqual({
      shield: 1,
      kind: "condor",
      built: "2026-12-01T10:00:00.000Z",
    });
    expect(parseMarker("SHIELD_x", "my notes")).toBeUndefined();
    expect(parseMarker("Prices", markerComment("condor", new Date()))).toBeUndefined();
  });
});

describe("readBlock (pure)", () => {
  test("a condor block reads back to form values that plan the very same block", () => {
    const { values, formulas } = sheetCells(condor);
    const read = readBlock("condor", values, formulas);
    if (!read.ok) throw new Error(read.message);
    expect(read.values).toEqual({
      spot: "5000",
      days: "30",
      putVol: "0.21",
      callVol: "0.16",
      rate: "0",
      yield: "0",
      quantity: "10",
      multiplier: "100",
      shortDelta: "0.16",
      wingWidth: "50",
      increment: "5",
    });
    expect(planOf(planCondor(read.values)).cells).toEqual(condor.cells);
  });

  test("a ladder block reads back its reference vega (the formula, not its value), its layers and weights", () => {
    const ladder = planOf(planLadder({ ...LADDER_FORM, positionVega: "=Sheet1!F24", weight1: "0.6", weight2: "0.3", weight3: "0.1" }));
    const { values, formulas } = sheetCells(ladder);
    const read = readBlock("ladder", values, formulas);
    if (!read.ok) throw new Error(read.message);
    expect(read.values).toEqual({ positionVega: "=Sheet1!F24", positionDays: "30", vixSpot: "18", multiplier: "1000" });
    expect(read.layers).toEqual([
      { days: "30", price: "19", weight: "0.6" },
      { days: "60", price: "20", weight: "0.3" },
      { days: "90", price: "20.5", weight: "0.1" },
    ]);
    const form = {
      ...read.values,
      ...Object.fromEntries(
        read.layers.flatMap((l, i) => [
          [`days${i + 1}`, l.days],
          [`price${i + 1}`, l.price],
          [`weight${i + 1}`, l.weight],
        ]),
      ),
    };
    expect(planOf(planLadder(form)).cells).toEqual(ladder.cells);
    expect(ladderLayout(read.layers.length).firstLayer).toBe(9);
  });

  test("a block whose title cell was overwritten is not read", () => {
    const { values } = sheetCells(condor);
    values[0][0] = "my notes";
    expect(readBlock("condor", values)).toEqual({
      ok: false,
      message: 'The block\'s first cell no longer reads "SHIELD iron condor" (it holds "my notes"), so it is not read as a SHIELD block.',
    });
  });
});

describe("readSelectedBlock (office-addin-mock)", () => {
  test("the selection inside a condor block: found, with its range, anchor, name and the inputs as they are now (spot edited to 5100)", async () => {
    const { values, formulas } = sheetCells(condor, { row: 1, col: 1 });
    values[CONDOR_LAYOUT.input.spot][1] = 5100;
    const excel = mockWorkbook("Sheet1!D30", [
      { name: "SHIELD_condor_Sheet1_B2", comment: built("2026-12-01T10:00:00Z"), address: "Sheet1!B2:K79", hit: true, values, formulas },
    ]);
    const out = await readSelectedBlock(excel);
    expect(out).toMatchObject({ status: "found", kind: "condor", range: "Sheet1!B2:K79", anchor: "Sheet1!B2", name: "SHIELD_condor_Sheet1_B2" });
    if (out.status !== "found") throw new Error("not found");
    expect(out.values.spot).toBe("5100");
    expect(out.values.putVol).toBe("0.21");
  });

  test("a quoted sheet name keeps its quotes in the anchor", async () => {
    const { values, formulas } = sheetCells(condor);
    const excel = mockWorkbook("'My book'!A5", [
      { name: "SHIELD_condor_My_book_A1", comment: built("2026-12-01T10:00:00Z"), address: "'My book'!A1:J78", hit: true, values, formulas },
    ]);
    expect(await readSelectedBlock(excel)).toMatchObject({ status: "found", anchor: "'My book'!A1" });
  });

  test("two blocks under the selection (one built over an older one): the newer is read", async () => {
    const old = sheetCells(condor);
    const ladder = planOf(planLadder(LADDER_FORM));
    const newer = sheetCells(ladder);
    const excel = mockWorkbook("Sheet1!A5", [
      {
        name: "SHIELD_condor_Sheet1_A1",
        comment: built("2026-11-30T09:00:00Z"),
        address: "Sheet1!A1:J78",
        hit: true,
        values: old.values,
        formulas: old.formulas,
      },
      {
        name: "SHIELD_ladder_Sheet1_A1",
        comment: markerComment("ladder", new Date("2026-12-01T09:00:00Z")),
        address: "Sheet1!A1:G18",
        hit: true,
        values: newer.values,
        formulas: newer.formulas,
      },
    ]);
    expect(await readSelectedBlock(excel)).toMatchObject({ status: "found", kind: "ladder", name: "SHIELD_ladder_Sheet1_A1" });
  });

  test("the newer block's title overwritten: the older one under it is read instead", async () => {
    const old = sheetCells(condor);
    const ladder = sheetCells(planOf(planLadder(LADDER_FORM)));
    ladder.values[0][0] = "";
    const excel = mockWorkbook("Sheet1!A5", [
      {
        name: "SHIELD_condor_Sheet1_A1",
        comment: built("2026-11-30T09:00:00Z"),
        address: "Sheet1!A1:J78",
        hit: true,
        values: old.values,
        formulas: old.formulas,
      },
      {
        name: "SHIELD_ladder_Sheet1_A1",
        comment: markerComment("ladder", new Date("2026-12-01T09:00:00Z")),
        address: "Sheet1!A1:G18",
        hit: true,
        values: ladder.values,
        formulas: ladder.formulas,
      },
    ]);
    expect(await readSelectedBlock(excel)).toMatchObject({ status: "found", kind: "condor" });
  });

  test("a selection outside every block, or a workbook with none: a message that says what to do", async () => {
    const { values, formulas } = sheetCells(condor);
    const outside = mockWorkbook("Sheet1!Z99", [
      { name: "SHIELD_condor_Sheet1_A1", comment: built("2026-12-01T10:00:00Z"), address: "Sheet1!A1:J78", hit: false, values, formulas },
    ]);
    expect(await readSelectedBlock(outside)).toEqual({
      status: "none",
      message:
        "The selection Sheet1!Z99 is not inside a SHIELD block. Select a cell of one (1 in this workbook: Formulas > Name Manager lists them as SHIELD_...).",
    });
    const none = mockWorkbook("Sheet1!A1", [], [{ name: "Prices", comment: "" }]);
    expect(await readSelectedBlock(none)).toEqual({
      status: "none",
      message: "No SHIELD block in this workbook: build one first (or select a cell of a block SHIELD wrote). Selected: Sheet1!A1.",
    });
  });

  test("Excel failing while reading: a sentence saying nothing changed", () => {
    expect(describeReadFailure(new Error("GeneralException"))).toBe("Excel could not read the selected block: GeneralException. Nothing was changed.");
  });
});
