/**
 * The thin writer: applies a Plan at the selected cell with Excel's JavaScript API, in one
 * Excel.run. An Excel.run batch is not all-or-nothing (a sync that fails halfway leaves what
 * it had already applied), so everything predictable is checked by reading first, and nothing
 * is queued for writing until every check has passed:
 *
 * 1. one sync reads where the anchor is, the sheet's name and whether the sheet is protected:
 *    a protected sheet, or a block (with its chart) that would run past the sheet's last row or
 *    column, returns an outcome and writes nothing;
 * 2. one sync reads the block's cells and the cells the chart would cover: if any is not empty
 *    and the user has not confirmed that very cell, it returns what would be overwritten (and
 *    what would be hidden under the chart) and writes nothing;
 * 3. otherwise it queues formulas, number formats, styles, the line chart and the block's name
 *    (a named range marking it as SHIELD's, see plan/blockName.ts, so it can be read back) and
 *    syncs once more. If Excel fails in that sync, part of the block may be on the sheet: the error is a
 *    PartialWriteError naming the range to check.
 *
 * Everything it reports is an address the user can go to.
 */
import { cellAddress, columnName, quoteSheet, splitAddress } from "./plan/a1";
import { blockName, markerComment } from "./plan/blockName";
import { rangeAt, renderPlan } from "./plan/render";
import type { CellStyle, Plan } from "./plan/types";

/** Excel's sheet size (rows x columns). */
export const SHEET_ROWS = 1048576;
export const SHEET_COLS = 16384;

/** The part of the `Excel` namespace the writer uses (so a test can pass a mock). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface WriteOptions {
  /**
   * The non-empty cells (sheet-qualified, as a needsConfirmation outcome lists them, including
   * those under the chart) that the user agreed to overwrite or cover. A cell that has become
   * non-empty since is not covered: the writer asks again rather than touch something the user
   * was never shown.
   */
  confirmed?: readonly string[];
  /** Write here ("Sheet1!B3") instead of at the selection: the anchor a confirmation was asked for. */
  anchor?: string;
  /** The build time recorded in the block's name (default: now). */
  now?: Date;
}

export type WriteOutcome =
  | {
      status: "needsConfirmation";
      /** How many cells are not empty: in the block, plus those the chart would cover. */
      count: number;
      /** Their addresses (sheet-qualified): the block's first, then those under the chart. */
      addresses: string[];
      /** How many of them are under the chart (not overwritten, but hidden by it). */
      underChart: number;
      /** Where the block would go: the anchor cell and the whole range. */
      anchor: string;
      target: string;
      /** The cells the chart would cover, when the block has a chart. */
      chartAt?: string;
    }
  | {
      /** The sheet is protected: nothing was written. */
      status: "protected";
      sheet: string;
      anchor: string;
      target: string;
    }
  | {
      /** The block (with its chart) would run past the sheet's last row or column: nothing was written. */
      status: "doesNotFit";
      anchor: string;
      /** Rows x columns the block needs from the anchor, chart included. */
      needed: { rows: number; cols: number };
      /** Rows x columns the sheet has left from the anchor. */
      available: { rows: number; cols: number };
      /** The same footprint written as an address (it may name rows/columns past the sheet's end). */
      neededRange: string;
      /** The cell closest to the anchor (up and/or left) where it would fit. */
      fitsAt: string;
      /** True when the footprint includes a chart beside the block. */
      withChart: boolean;
    }
  | {
      status: "written";
      anchor: string;
      target: string;
      cells: number;
      formulas: number;
      values: number;
      spills: Array<{ head: string; range: string }>;
      chart?: { title: string; at: string };
      /** The plan's key cells, as sheet-qualified addresses. */
      keyCells: Record<string, { address: string; label: string }>;
      /** How many non-empty block cells were overwritten (after confirmation). */
      overwritten: number;
      /** How many non-empty cells the chart now covers (after confirmation). */
      underChart: number;
      /** The workbook name that marks the block (Formulas > Name Manager). */
      name: string;
    };

/**
 * Excel failed in the sync that writes (not while reading): some of the block, formats or the
 * chart may already be on the sheet. `target` (and `chartAt`) are the ranges to check.
 */
export class PartialWriteError extends Error {
  constructor(
    readonly excelError: unknown,
    readonly target: string,
    readonly chartAt?: string,
  ) {
    super(excelError instanceof Error ? excelError.message : String(excelError));
    this.name = "PartialWriteError";
  }
}

const isFilled = (v: unknown) => v !== "" && v !== null && v !== undefined;

/** Office-look styles of the block's cells. */
const STYLES: Record<CellStyle, (f: Excel.RangeFormat) => void> = {
  title: (f) => {
    f.font.bold = true;
    f.font.size = 14;
    f.font.color = "#0F6CBD";
  },
  section: (f) => {
    f.font.bold = true;
    f.font.color = "#0F6CBD";
  },
  header: (f) => {
    f.font.bold = true;
    f.fill.color = "#F0F0F0";
  },
  label: (f) => {
    f.font.color = "#424242";
  },
  input: (f) => {
    f.fill.color = "#FFF4CE";
    f.font.color = "#0000FF";
  },
  output: (f) => {
    f.fill.color = "#EBF3FC";
  },
  note: (f) => {
    f.font.italic = true;
    f.font.color = "#616161";
  },
};

/**
 * Writes `plan` (see the module comment). Rejects when Excel itself fails: with a
 * PartialWriteError if that happened in the writing sync, otherwise (while reading) with
 * Excel's error, and then nothing was written.
 */
export async function writePlan(plan: Plan, options: WriteOptions = {}, excel: ExcelHost = Excel): Promise<WriteOutcome> {
  return excel.run(async (context) => {
    // --- sync 1: where, which sheet, protected? (reads only) ---
    let anchorCell: Excel.Range;
    if (options.anchor) {
      const { sheet, cell } = splitAddress(options.anchor);
      const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
      anchorCell = ws.getRange(cell);
    } else {
      anchorCell = context.workbook.getSelectedRange().getCell(0, 0);
    }
    anchorCell.load(["address", "rowIndex", "columnIndex"]);
    // eslint-disable-next-line office-addins/load-object-before-read -- a navigation property: a proxy, not a value to load
    const sheet = anchorCell.worksheet;
    sheet.load("name");
    sheet.protection.load("protected");
    await context.sync();

    const origin = { row: anchorCell.rowIndex, col: anchorCell.columnIndex };
    const at = (address: string) => `${quoteSheet(sheet.name)}!${address}`;
    const anchor = at(cellAddress(origin.row, origin.col));
    const blockAddress = at(rangeAt({ row: 0, col: 0, rows: plan.rows, cols: plan.cols }, origin));
    if (sheet.protection.protected) return { status: "protected", sheet: sheet.name, anchor, target: blockAddress };

    // The footprint: the block, and the chart beside it.
    const p = plan.chart?.placement;
    const rows = Math.max(plan.rows, p ? p.row + p.rows : 0);
    const cols = Math.max(plan.cols, p ? p.col + p.cols : 0);
    const available = { rows: SHEET_ROWS - origin.row, cols: SHEET_COLS - origin.col };
    if (rows > available.rows || cols > available.cols) {
      return {
        status: "doesNotFit",
        anchor,
        needed: { rows, cols },
        available,
        neededRange: at(`${cellAddress(origin.row, origin.col)}:${columnName(origin.col + cols - 1)}${origin.row + rows}`),
        fitsAt: at(cellAddress(Math.min(origin.row, SHEET_ROWS - rows), Math.min(origin.col, SHEET_COLS - cols))),
        withChart: p !== undefined,
      };
    }

    // --- sync 2: what is in the block's cells and under the chart (reads only) ---
    const target = anchorCell.getResizedRange(plan.rows - 1, plan.cols - 1);
    target.load(["address", "values", "formulas"]);
    const chartAddress = p ? rangeAt(p, origin) : undefined;
    const chartArea = chartAddress ? sheet.getRange(chartAddress) : undefined;
    chartArea?.load(["values", "formulas"]);
    const name = blockName(plan.kind, sheet.name, cellAddress(origin.row, origin.col));
    const oldName = context.workbook.names.getItemOrNullObject(name);
    oldName.load("name");
    await context.sync();

    const nonEmpty = (range: Excel.Range, r0: number, c0: number, nr: number, nc: number): string[] => {
      const out: string[] = [];
      for (let r = 0; r < nr; r++) {
        for (let c = 0; c < nc; c++) {
          if (isFilled(range.values[r]?.[c]) || isFilled(range.formulas[r]?.[c])) out.push(at(cellAddress(origin.row + r0 + r, origin.col + c0 + c)));
        }
      }
      return out;
    };
    const inBlock = nonEmpty(target, 0, 0, plan.rows, plan.cols);
    const underChart = chartArea && p ? nonEmpty(chartArea, p.row, p.col, p.rows, p.cols) : [];
    const rendered = renderPlan(plan, origin);
    const agreed = new Set(options.confirmed ?? []);
    const all = [...inBlock, ...underChart];
    if (all.some((address) => !agreed.has(address))) {
      return {
        status: "needsConfirmation",
        count: all.length,
        addresses: all,
        underChart: underChart.length,
        anchor,
        target: at(rendered.address),
        ...(chartAddress ? { chartAt: at(chartAddress) } : {}),
      };
    }

    // --- sync 3: the write. One batch: clear old formats, then contents, number formats, styles, the chart. ---
    target.clear("Formats");
    target.formulas = rendered.formulas as unknown as string[][];
    target.numberFormat = rendered.numberFormats;
    for (const [style, addresses] of Object.entries(rendered.styles) as Array<[CellStyle, string[]]>) {
      for (const address of addresses) STYLES[style](sheet.getRange(address).format);
    }
    // Fit the label column to the labels (the title and first section row may overflow, as titles do).
    sheet.getRange(rangeAt({ row: 2, col: 0, rows: plan.rows - 2, cols: 1 }, origin)).format.autofitColumns();

    // The block's name: a rebuild at the same anchor replaces the old one.
    if (!oldName.isNullObject) oldName.delete();
    context.workbook.names.add(name, target, markerComment(plan.kind, options.now ?? new Date()));

    let chart: { title: string; at: string } | undefined;
    if (plan.chart && chartAddress) {
      const spec = plan.chart;
      // Excel.ChartType.line, series by columns (the header row names the series).
      const added = sheet.charts.add("Line", sheet.getRange(rangeAt(spec.source, origin)), "Columns");
      added.title.text = spec.title;
      added.axes.categoryAxis.setCategoryNames(sheet.getRange(rangeAt(spec.categories, origin)));
      added.axes.categoryAxis.title.text = spec.xTitle;
      added.axes.valueAxis.title.text = spec.yTitle;
      added.legend.position = "Bottom";
      const [first, last = first] = chartAddress.split(":");
      added.setPosition(first, last);
      chart = { title: spec.title, at: at(chartAddress) };
    }
    try {
      await context.sync();
    } catch (error) {
      throw new PartialWriteError(error, at(rendered.address), chartAddress ? at(chartAddress) : undefined);
    }

    const keyCells: Record<string, { address: string; label: string }> = {};
    for (const [name, k] of Object.entries(plan.keyCells)) {
      keyCells[name] = { address: at(cellAddress(origin.row + k.row, origin.col + k.col)), label: k.label };
    }
    return {
      status: "written",
      anchor,
      target: at(rendered.address),
      cells: rendered.formulaCount + rendered.valueCount,
      formulas: rendered.formulaCount,
      values: rendered.valueCount,
      spills: rendered.spills.map((s) => ({ head: at(s.head), range: at(s.range) })),
      chart,
      keyCells,
      overwritten: inBlock.length,
      underChart: underChart.length,
      name,
    };
  });
}

/** One sentence for the pane: what was written and where. */
export function describeWrite(outcome: Extract<WriteOutcome, { status: "written" }>, what: string): string {
  const parts = [
    `Wrote the ${what} to ${outcome.target}: ${outcome.cells} cells (${outcome.formulas} formulas, ${outcome.values} values)`,
    outcome.spills.length ? `, ${outcome.spills.length} spilled results (${outcome.spills.map((s) => s.range).join(", ")})` : "",
    outcome.chart ? `, and the line chart "${outcome.chart.title}" over ${outcome.chart.at}` : "",
    ".",
    outcome.overwritten ? ` ${outcome.overwritten} non-empty cells were overwritten, as confirmed.` : "",
    outcome.underChart
      ? ` ${outcome.underChart} non-empty cell${outcome.underChart === 1 ? " is" : "s are"} now under the chart (unchanged, hidden by it), as confirmed.`
      : "",
  ];
  return parts.join("");
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The pane's question for a needsConfirmation outcome: what would be overwritten, and what would sit under the chart. */
export function describeConfirmation(outcome: Extract<WriteOutcome, { status: "needsConfirmation" }>, what: string): string {
  const inBlock = outcome.count - outcome.underChart;
  const parts: string[] = [];
  if (inBlock) parts.push(`${plural(inBlock, "cell", "cells")} in ${outcome.target} ${inBlock === 1 ? "is" : "are"} not empty.`);
  if (outcome.underChart) {
    parts.push(
      `${plural(outcome.underChart, "non-empty cell", "non-empty cells")} in ${outcome.chartAt} would sit under the chart (not changed, but hidden by it).`,
    );
  }
  const them = outcome.count === 1 ? "it" : "them";
  if (inBlock && outcome.underChart) parts.push(`Overwrite the block's cells and cover the others with the chart?`);
  else if (inBlock) parts.push(`Overwrite ${them} with the ${what}?`);
  else parts.push(`Write the ${what} and place the chart over ${them}?`);
  return parts.join(" ");
}

/** The pane's message when the writer stopped before writing anything (protected sheet, no room). */
export function describeNotWritten(outcome: Extract<WriteOutcome, { status: "protected" | "doesNotFit" }>, what: string): string {
  if (outcome.status === "protected") {
    return `Nothing was written: the sheet "${outcome.sheet}" is protected. Unprotect it (Review > Unprotect Sheet) or select a cell on another sheet, then build again.`;
  }
  const { needed, available } = outcome;
  const short = [
    needed.rows > available.rows ? `row ${SHEET_ROWS.toLocaleString("en-US")} (${plural(available.rows, "row", "rows")} left)` : "",
    needed.cols > available.cols ? `column ${columnName(SHEET_COLS - 1)} (${plural(available.cols, "column", "columns")} left)` : "",
  ].filter(Boolean);
  return (
    `Nothing was written: the ${what}${outcome.withChart ? " and its chart need" : " needs"} ${needed.rows} rows x ${needed.cols} columns from ${outcome.anchor} ` +
    `(${outcome.neededRange}), but the sheet ends at ${short.join(" and ")}. Select ${outcome.fitsAt} or a cell above or to the left of it, then build again.`
  );
}

/** The pane's message when Excel.run rejected: a partial write names what to check; a failed read wrote nothing. */
export function describeFailure(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PartialWriteError) {
    return (
      `Excel stopped partway through writing the ${what}: ${message}. Part of it may already be on the sheet: ` +
      `check ${error.target}${error.chartAt ? ` and the chart area ${error.chartAt}` : ""}, clear what is there or build again over it.`
    );
  }
  return `Excel could not check the target cells: ${message}. Nothing was written.`;
}

/** One input cell an edit in place changes: where, what, from and to (formula text or value). */
export interface CellChange {
  address: string;
  label: string;
  from: string | number;
  to: string | number;
}

export type EditOutcome =
  | { status: "unchanged"; anchor: string }
  | { status: "needsConfirmation"; anchor: string; changes: CellChange[] }
  | { status: "written"; anchor: string; changes: CellChange[] }
  | { status: "protected"; sheet: string; anchor: string };

/**
 * Edit in place: writes `edits` (anchor-relative input cells, see plan/inputEdit.ts) into the
 * block at `anchor` ("Sheet1!B2"), one Excel.run. It reads the cells first; the cells whose
 * content would change are returned for confirmation unless `confirmed` is true AND they are
 * exactly the changes the user was shown (`shown`): a cell edited since then makes it ask again.
 */
export async function writeEdits(
  anchor: string,
  edits: ReadonlyArray<{ row: number; col: number; label: string; value: number | string }>,
  options: { shown?: readonly CellChange[] } = {},
  excel: ExcelHost = Excel,
): Promise<EditOutcome> {
  return excel.run(async (context) => {
    const { sheet: sheetName, cell } = splitAddress(anchor);
    const ws = sheetName ? context.workbook.worksheets.getItem(sheetName) : context.workbook.worksheets.getActiveWorksheet();
    const first = ws.getRange(cell);
    first.load(["rowIndex", "columnIndex"]);
    ws.load("name");
    ws.protection.load("protected");
    const cells = edits.map((e) => {
      const r = first.getOffsetRange(e.row, e.col);
      r.load(["formulas"]);
      return r;
    });
    await context.sync();
    if (ws.protection.protected) return { status: "protected", sheet: ws.name, anchor };
    const at = (e: { row: number; col: number }) => `${quoteSheet(ws.name)}!${cellAddress(first.rowIndex + e.row, first.columnIndex + e.col)}`;
    const changes: CellChange[] = [];
    const changed: number[] = [];
    edits.forEach((e, i) => {
      const from = cells[i].formulas[0]?.[0] as string | number;
      if (String(from) === String(e.value)) return;
      changes.push({ address: at(e), label: e.label, from, to: e.value });
      changed.push(i);
    });
    if (changes.length === 0) return { status: "unchanged", anchor };
    const same =
      options.shown !== undefined &&
      options.shown.length === changes.length &&
      changes.every((c, i) => JSON.stringify(c) === JSON.stringify(options.shown![i]));
    if (!same) return { status: "needsConfirmation", anchor, changes };
    for (const i of changed) cells[i].formulas = [[edits[i].value as unknown as string]];
    await context.sync();
    return { status: "written", anchor, changes };
  });
}

/** One line per change for the pane: "Sheet1!C3 Spot: 5000 -> 5100". */
export function describeChanges(changes: readonly CellChange[]): string[] {
  return changes.map((c) => `${c.address} ${c.label}: ${c.from === "" ? "(empty)" : c.from} → ${c.to}`);
}
