/**
 * The thin writer: applies a Plan at the selected cell with Excel's JavaScript API, in one
 * Excel.run. One sync reads the target range (and where the selection is); if any target cell
 * is not empty and the user has not confirmed overwriting that very cell, it returns what would
 * be overwritten and writes nothing. Otherwise it queues formulas, number formats, styles and the line chart and syncs
 * once more. Everything it reports is an address the user can go to.
 */
import { cellAddress, quoteSheet, splitAddress } from "./plan/a1";
import { rangeAt, renderPlan } from "./plan/render";
import type { CellStyle, Plan } from "./plan/types";

/** The part of the `Excel` namespace the writer uses (so a test can pass a mock). */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface WriteOptions {
  /**
   * The non-empty cells (sheet-qualified, as a needsConfirmation outcome lists them) that the
   * user agreed to overwrite. A cell that has become non-empty since is not covered: the writer
   * asks again rather than overwrite something the user was never shown.
   */
  confirmed?: readonly string[];
  /** Write here ("Sheet1!B3") instead of at the selection: the anchor a confirmation was asked for. */
  anchor?: string;
}

export type WriteOutcome =
  | {
      status: "needsConfirmation";
      /** How many target cells are not empty. */
      count: number;
      /** Their addresses (sheet-qualified). */
      addresses: string[];
      /** Where the block would go: the anchor cell and the whole range. */
      anchor: string;
      target: string;
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
      /** How many non-empty cells were overwritten (after confirmation). */
      overwritten: number;
    };

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

/** Writes `plan` (see the module comment). Rejects only when Excel itself fails. */
export async function writePlan(plan: Plan, options: WriteOptions = {}, excel: ExcelHost = Excel): Promise<WriteOutcome> {
  return excel.run(async (context) => {
    let anchorCell: Excel.Range;
    if (options.anchor) {
      const { sheet, cell } = splitAddress(options.anchor);
      const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
      anchorCell = ws.getRange(cell);
    } else {
      anchorCell = context.workbook.getSelectedRange().getCell(0, 0);
    }
    anchorCell.load(["address", "rowIndex", "columnIndex"]);
    const sheet = anchorCell.worksheet;
    sheet.load("name");
    const target = anchorCell.getResizedRange(plan.rows - 1, plan.cols - 1);
    target.load(["address", "values", "formulas"]);
    await context.sync();

    const origin = { row: anchorCell.rowIndex, col: anchorCell.columnIndex };
    const at = (address: string) => `${quoteSheet(sheet.name)}!${address}`;
    const nonEmpty: string[] = [];
    for (let r = 0; r < plan.rows; r++) {
      for (let c = 0; c < plan.cols; c++) {
        const value = target.values[r]?.[c];
        const formula = target.formulas[r]?.[c];
        if ((value !== "" && value !== null && value !== undefined) || (formula !== "" && formula !== null && formula !== undefined)) {
          nonEmpty.push(at(cellAddress(origin.row + r, origin.col + c)));
        }
      }
    }
    const rendered = renderPlan(plan, origin);
    const agreed = new Set(options.confirmed ?? []);
    if (nonEmpty.some((address) => !agreed.has(address))) {
      return {
        status: "needsConfirmation",
        count: nonEmpty.length,
        addresses: nonEmpty,
        anchor: at(cellAddress(origin.row, origin.col)),
        target: at(rendered.address),
      };
    }

    // One batch: clear old formats, then contents, number formats, styles, the chart.
    target.clear("Formats");
    target.formulas = rendered.formulas as unknown as string[][];
    target.numberFormat = rendered.numberFormats;
    for (const [style, addresses] of Object.entries(rendered.styles) as Array<[CellStyle, string[]]>) {
      for (const address of addresses) STYLES[style](sheet.getRange(address).format);
    }
    // Fit the label column to the labels (the title and first section row may overflow, as titles do).
    sheet.getRange(rangeAt({ row: 2, col: 0, rows: plan.rows - 2, cols: 1 }, origin)).format.autofitColumns();

    let chart: { title: string; at: string } | undefined;
    if (plan.chart) {
      const spec = plan.chart;
      // Excel.ChartType.line, series by columns (the header row names the series).
      const added = sheet.charts.add("Line", sheet.getRange(rangeAt(spec.source, origin)), "Columns");
      added.title.text = spec.title;
      added.axes.categoryAxis.setCategoryNames(sheet.getRange(rangeAt(spec.categories, origin)));
      added.axes.categoryAxis.title.text = spec.xTitle;
      added.axes.valueAxis.title.text = spec.yTitle;
      added.legend.position = "Bottom";
      const p = spec.placement;
      const first = cellAddress(origin.row + p.row, origin.col + p.col);
      const last = cellAddress(origin.row + p.row + p.rows - 1, origin.col + p.col + p.cols - 1);
      added.setPosition(first, last);
      chart = { title: spec.title, at: at(`${first}:${last}`) };
    }
    await context.sync();

    const keyCells: Record<string, { address: string; label: string }> = {};
    for (const [name, k] of Object.entries(plan.keyCells)) {
      keyCells[name] = { address: at(cellAddress(origin.row + k.row, origin.col + k.col)), label: k.label };
    }
    return {
      status: "written",
      anchor: at(cellAddress(origin.row, origin.col)),
      target: at(rendered.address),
      cells: rendered.formulaCount + rendered.valueCount,
      formulas: rendered.formulaCount,
      values: rendered.valueCount,
      spills: rendered.spills.map((s) => ({ head: at(s.head), range: at(s.range) })),
      chart,
      keyCells,
      overwritten: nonEmpty.length,
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
  ];
  return parts.join("");
}
