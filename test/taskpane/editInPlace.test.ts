/**
 * Edit in place (plan/inputEdit.ts, writer.ts writeEdits over office-addin-mock): only the
 * block's input cells change, only after the user saw exactly those changes, and the strikes,
 * credit and formulas are never touched.
 */
import { OfficeMockObject } from "office-addin-mock";
import { CONDOR_LAYOUT } from "../../src/taskpane/plan/condorPlan";
import { planInputEdits } from "../../src/taskpane/plan/inputEdit";
import { ladderLayout } from "../../src/taskpane/plan/ladderPlan";
import { describeChanges, writeEdits, type ExcelHost } from "../../src/taskpane/writer";
import { ISSUE_CONDOR, LADDER_FORM } from "./fixtures";

/** A sheet "Sheet1" whose cells (0-based "row,col") hold `cells`; writes land there too. */
function mockSheet(cells: Record<string, string | number>, protectedSheet = false) {
  const writes: string[] = [];
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: c - 1 };
  };
  const worksheet = {
    name: "Sheet1",
    protection: { protected: protectedSheet },
    getRange(address: string) {
      const { row, col } = parse(address);
      return {
        rowIndex: row,
        columnIndex: col,
        load() {},
        getOffsetRange(dr: number, dc: number) {
          const key = `${row + dr},${col + dc}`;
          return {
            load() {},
            get formulas() {
              return [[cells[key] ?? ""]];
            },
            set formulas(f: unknown[][]) {
              writes.push(key);
              cells[key] = f[0][0] as string | number;
            },
          };
        },
      };
    },
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            if (name !== "Sheet1") throw new Error(`no sheet ${name}`);
            return mock.context.workbook.worksheets.sheet;
          },
          sheet: worksheet,
        },
      },
    },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { workbook: { worksheets: { sheet: unknown } } } };
  return { excel: mock as unknown as ExcelHost, cells, writes };
}

const I = CONDOR_LAYOUT.input;
/** The issue's condor block at B2 (anchor row 1, col 1): its input cells as the writer left them. */
const condorCells = () => ({
  [`${1 + I.spot},2`]: 5000,
  [`${1 + I.days},2`]: 30,
  [`${1 + I.putVol},2`]: 0.21,
  [`${1 + I.callVol},2`]: 0.16,
  [`${1 + I.rate},2`]: 0,
  [`${1 + I.yield},2`]: 0,
  [`${1 + I.quantity},2`]: 10,
  [`${1 + I.multiplier},2`]: 100,
  [`${1 + I.credit},2`]: 14.05,
  [`${1 + CONDOR_LAYOUT.firstLeg},3`]: 4670,
});

describe("planInputEdits", () => {
  test("a condor: the eight input cells, not the credit or the strikes", () => {
    const r = planInputEdits("condor", { ...ISSUE_CONDOR, spot: "5,100" });
    if (!r.ok) throw new Error("edits failed");
    expect(r.edits.map((e) => [e.row, e.col, e.value])).toEqual([
      [I.spot, 1, 5100],
      [I.days, 1, 30],
      [I.putVol, 1, 0.21],
      [I.callVol, 1, 0.16],
      [I.rate, 1, 0],
      [I.yield, 1, 0],
      [I.quantity, 1, 10],
      [I.multiplier, 1, 100],
    ]);
  });

  test("invalid input gives the same field errors as Build; a ladder cannot change its number of layers in place", () => {
    expect(planInputEdits("condor", { ...ISSUE_CONDOR, putVol: "21" })).toEqual({
      ok: false,
      errors: { putVol: "Put-side vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 21" },
    });
    expect(planInputEdits("ladder", LADDER_FORM, 2)).toEqual({
      ok: false,
      errors: { days1: "The block has 2 layer rows and the form 3: Rebuild to change the number of layers" },
    });
    const r = planInputEdits("ladder", { ...LADDER_FORM, positionVega: "=Sheet1!G25" }, 3);
    if (!r.ok) throw new Error("edits failed");
    expect(r.edits[0]).toEqual({ row: ladderLayout(3).input.positionVega, col: 1, label: "Position $ vega", value: "=Sheet1!G25" });
    expect(r.edits).toHaveLength(4 + 9);
  });
});

describe("writeEdits (office-addin-mock)", () => {
  const edits = () => {
    const r = planInputEdits("condor", { ...ISSUE_CONDOR, spot: "5100", quantity: "12" });
    if (!r.ok) throw new Error("edits failed");
    return r.edits;
  };

  test("first it only lists the cells that would change, from -> to, and writes nothing", async () => {
    const { excel, writes } = mockSheet(condorCells());
    const out = await writeEdits("Sheet1!B2", edits(), {}, excel);
    expect(out).toEqual({
      status: "needsConfirmation",
      anchor: "Sheet1!B2",
      changes: [
        { address: "Sheet1!C4", label: "Spot", from: 5000, to: 5100 },
        { address: "Sheet1!C10", label: "Quantity (condors)", from: 10, to: 12 },
      ],
    });
    expect(writes).toEqual([]);
    if (out.status === "needsConfirmation")
      expect(describeChanges(out.changes)).toEqual(["Sheet1!C4 Spot: 5000 → 5100", "Sheet1!C10 Quantity (condors): 10 → 12"]);
  });

  test("confirmed with exactly those changes: writes just those two cells; the credit and strikes are untouched", async () => {
    const { excel, cells, writes } = mockSheet(condorCells());
    const first = await writeEdits("Sheet1!B2", edits(), {}, excel);
    if (first.status !== "needsConfirmation") throw new Error("expected a question");
    const out = await writeEdits("Sheet1!B2", edits(), { shown: first.changes }, excel);
    expect(out.status).toBe("written");
    expect(writes.sort()).toEqual([`${1 + I.quantity},2`, `${1 + I.spot},2`].sort());
    expect(cells[`${1 + I.spot},2`]).toBe(5100);
    expect(cells[`${1 + I.credit},2`]).toBe(14.05);
    expect(cells[`${1 + CONDOR_LAYOUT.firstLeg},3`]).toBe(4670);
  });

  test("a cell changed in the sheet since the question was asked: it asks again", async () => {
    const { excel, cells, writes } = mockSheet(condorCells());
    const first = await writeEdits("Sheet1!B2", edits(), {}, excel);
    if (first.status !== "needsConfirmation") throw new Error("expected a question");
    cells[`${1 + I.days},2`] = 29; // the user edited Days in the sheet meanwhile
    const again = await writeEdits("Sheet1!B2", edits(), { shown: first.changes }, excel);
    expect(again.status).toBe("needsConfirmation");
    expect(writes).toEqual([]);
  });

  test("nothing to change, or a protected sheet: says so and writes nothing", async () => {
    const same = planInputEdits("condor", ISSUE_CONDOR);
    if (!same.ok) throw new Error("edits failed");
    expect(await writeEdits("Sheet1!B2", same.edits, {}, mockSheet(condorCells()).excel)).toEqual({ status: "unchanged", anchor: "Sheet1!B2" });
    const locked = mockSheet(condorCells(), true);
    expect(await writeEdits("Sheet1!B2", edits(), {}, locked.excel)).toEqual({ status: "protected", sheet: "Sheet1", anchor: "Sheet1!B2" });
    expect(locked.writes).toEqual([]);
  });
});
