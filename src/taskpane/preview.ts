/**
 * Evaluates a Plan outside Excel, for the pane's preview: every planned formula is computed
 * with the real custom functions (the functions bundle's registry, see runtime.ts), spilled
 * results fill their reserved cells, and errors travel as Excel's do. No DOM here.
 */
import type { Expr } from "./plan/formula";
import type { Plan } from "./plan/types";

/** An Excel error value in a previewed cell. */
export interface CellError {
  error: string;
  message?: string;
}

/** What one previewed cell holds: a number, text, an error, or nothing. */
export type CellResult = number | string | CellError | null;

export type FunctionLookup = (id: string) => ((...args: unknown[]) => unknown) | undefined;

/** Resolves a reference typed by the user (e.g. "Sheet1!F24") to a value, if it can. */
export type ExternalResolver = (text: string) => CellResult | undefined;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

/** A thrown or returned Excel error object ({ code, message }) as a CellError; else undefined. */
function asError(v: unknown): CellError | undefined {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const code = (v as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return { error: code, message: (v as { message?: string }).message };
  }
  return undefined;
}

/** The evaluated block: values[row][col], anchor-relative. */
export interface PreviewGrid {
  rows: number;
  cols: number;
  values: CellResult[][];
}

/** Evaluates every cell of `plan`. Formulas may refer to any cell of the block, in any order. */
export function evaluatePlan(plan: Plan, lookup: FunctionLookup, resolveExternal: ExternalResolver = () => undefined): PreviewGrid {
  const values: CellResult[][] = Array.from({ length: plan.rows }, () => Array<CellResult>(plan.cols).fill(null));
  const done: boolean[][] = Array.from({ length: plan.rows }, () => Array<boolean>(plan.cols).fill(false));
  const owner = new Map<string, (typeof plan.cells)[number]>();
  for (const cell of plan.cells) {
    const rows = cell.spill?.rows ?? 1;
    const cols = cell.spill?.cols ?? 1;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) owner.set(`${cell.row + r},${cell.col + c}`, cell);
  }
  const busy = new Set<string>();

  const cellValue = (row: number, col: number): CellResult => {
    if (row < 0 || col < 0 || row >= plan.rows || col >= plan.cols) return { error: "#REF!", message: "outside the block" };
    if (done[row][col]) return values[row][col];
    const cell = owner.get(`${row},${col}`);
    if (!cell) {
      done[row][col] = true;
      return null;
    }
    const key = `${cell.row},${cell.col}`;
    if (busy.has(key)) return { error: "#REF!", message: "circular reference" };
    busy.add(key);
    if (cell.formula) {
      const result = evaluate(cell.formula);
      const rows = cell.spill?.rows ?? 1;
      const cols = cell.spill?.cols ?? 1;
      const matrix = Array.isArray(result) ? result : [[result]];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          values[cell.row + r][cell.col + c] = normalise(matrix[r]?.[c] ?? null);
          done[cell.row + r][cell.col + c] = true;
        }
      }
    } else {
      values[cell.row][cell.col] = cell.value ?? null;
      done[cell.row][cell.col] = true;
    }
    busy.delete(key);
    return values[row][col];
  };

  type Value = CellResult | CellResult[][];
  const evaluate = (e: Expr): Value => {
    switch (e.k) {
      case "num":
        return e.v;
      case "ref":
        return cellValue(e.row, e.col);
      case "range": {
        const m: CellResult[][] = [];
        for (let r = 0; r < e.rows; r++) {
          const row: CellResult[] = [];
          for (let c = 0; c < e.cols; c++) row.push(cellValue(e.row + r, e.col + c));
          m.push(row);
        }
        return m;
      }
      case "external":
        return resolveExternal(e.text) ?? { error: "#REF!", message: `${e.text} is outside this block: it is evaluated in Excel, not in the preview` };
      case "omit":
        return null;
      case "neg":
        return arithmetic(evaluate(e.a), 0, (a) => -a);
      case "op": {
        const a = evaluate(e.a);
        const b = evaluate(e.b);
        return arithmetic(a, b, (x, y) => {
          switch (e.op) {
            case "+":
              return x + y;
            case "-":
              return x - y;
            case "*":
              return x * y;
            case "/":
              return y === 0 ? { error: "#DIV/0!" } : x / y;
          }
        });
      }
      case "call":
        return call(e.fn, e.args.map(evaluate));
    }
  };

  const call = (fn: string, args: Value[]): Value => {
    if (fn === "ISERROR") return isCellError(args[0]) ? "TRUE" : "FALSE";
    if (fn === "IF") {
      const c = args[0];
      if (isCellError(c)) return c;
      return c === "TRUE" || (typeof c === "number" && c !== 0) ? args[1] : (args[2] ?? "FALSE");
    }
    const firstError = args.flatMap((a) => (Array.isArray(a) ? a.flat() : [a])).find(isCellError);
    if (fn === "ROUND") {
      return arithmetic(args[0] as CellResult, args[1] as CellResult, (x, d) => roundHalfAway(x, d));
    }
    if (fn === "SUM") {
      if (firstError) return firstError;
      let s = 0;
      for (const a of args) for (const v of Array.isArray(a) ? a.flat() : [a]) if (typeof v === "number") s += v;
      return s;
    }
    const id = fn.replace(/^SHIELD\./, "");
    const f = lookup(id);
    if (!f) return { error: "#NAME?", message: `SHIELD.${id} is not loaded (functions bundle missing?)` };
    if (firstError) return firstError;
    // As Excel passes them: a cell's value (empty -> null), a range as a matrix (empty -> "").
    const excelArgs = args.map((a) => (Array.isArray(a) ? a.map((row) => row.map((v) => (v === null ? "" : v))) : a));
    try {
      const out = f(...excelArgs);
      const err = asError(out);
      if (err) return err;
      if (Array.isArray(out)) return (out as unknown[][]).map((row) => row.map((v) => normalise(v)));
      return normalise(out);
    } catch (thrown) {
      return asError(thrown) ?? { error: "#VALUE!", message: String(thrown) };
    }
  };

  for (const cell of plan.cells) cellValue(cell.row, cell.col);
  return { rows: plan.rows, cols: plan.cols, values };
}

function normalise(v: unknown): CellResult {
  const err = asError(v);
  if (err) return err;
  if (isCellError(v)) return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return null;
}

function arithmetic(a: unknown, b: unknown, f: (x: number, y: number) => number | CellError): CellResult {
  if (Array.isArray(a) || Array.isArray(b)) return { error: "#VALUE!", message: "a range in arithmetic" };
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  const x = a === null ? 0 : a;
  const y = b === null ? 0 : b;
  if (typeof x !== "number" || typeof y !== "number") return { error: "#VALUE!", message: "text in arithmetic" };
  const r = f(x, y);
  return typeof r === "number" && !Number.isFinite(r) ? { error: "#NUM!" } : r;
}

/** Excel's ROUND: half away from zero, to `digits` decimals. */
export function roundHalfAway(x: number, digits: number): number {
  const p = Math.pow(10, Math.trunc(digits));
  const y = Math.abs(x) * p;
  // 15 significant digits first, as Excel does (2.675 * 100 = 267.49999999999997 rounds to 268).
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) * r) / p + 0;
}

/**
 * Formats a previewed value with the Excel number formats the planners use
 * ("0.00", "0.0000", "0.0%", "0.00%", "#,##0.00", "0", "General").
 * @example formatValue(0.6823, "0.0%") // => "68.2%"
 */
export function formatValue(v: CellResult, format = "General"): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "string") return v;
  const percent = format.endsWith("%");
  const x = percent ? v * 100 : v;
  const m = /0(?:\.(0+))?%?$/.exec(format);
  if (format === "General" || !m) return String(Number.isInteger(v) ? v : Number(v.toPrecision(10)));
  const decimals = m[1]?.length ?? 0;
  let text = Math.abs(x).toFixed(decimals);
  if (format.includes("#,##")) {
    const [int, frac] = text.split(".");
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  const negative = x < 0 && Number(text.replace(/,/g, "")) !== 0;
  return `${negative ? "-" : ""}${text}${percent ? "%" : ""}`;
}
