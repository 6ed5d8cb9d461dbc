/**
 * The one adapter between Excel's argument values and the pure core.
 *
 * - Parsing follows SPEC.md's conventions: `null`, `undefined` and `""` are "omitted"; a scalar
 *   may arrive wrapped as `[[x]]`; a range may be a row or a column.
 * - `excelCall` is the one place where a core failure becomes an Excel error: InputError ->
 *   #VALUE!, NoSolutionError -> #NUM!, NotAvailableError -> #N/A, each with a message that names
 *   the function. Anything else (a bug) becomes #VALUE! with its text, never a raw exception.
 *
 * Nothing here touches the DOM; `CustomFunctions` is read lazily, at call time, so that this
 * module loads anywhere (see runtime.ts for the stand-in used outside Excel).
 */
import { parseOptionType, type OptionKind } from "../core/bsm";
import { InputError, ShieldError } from "../core/errors";
import { standInErrorApi } from "./runtime";

/** What Excel may hand a custom function for one cell. */
export type CellValue = number | string | boolean | null | undefined;

/** True for what SPEC.md treats as an omitted argument or an empty cell: null, undefined, "". */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** Unwraps a 1x1 matrix (`[[x]]`, as Excel passes a scalar into a matrix parameter) to `x`. */
export function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
    if (value.length === 1 && !Array.isArray(value[0])) return value[0];
  }
  return value;
}

/** A required number. Omitted -> "is required"; text, TRUE/FALSE or a range -> "must be a number". */
export function num(name: string, value: unknown): number {
  // Fast path: a finite number as it is (x - x is 0 only for finite x).
  if (typeof value === "number" && value - value === 0) return value;
  const v = unwrap(value);
  if (isOmitted(v)) throw new InputError(name, "is required", v);
  if (typeof v !== "number" || !Number.isFinite(v)) throw new InputError(name, "must be a number", v);
  return v;
}

/**
 * How much of a range is in use: the count of items up to the last one that is not blank.
 * SHIELD's one rule for ranges: blank cells (or rows) after the last value are the unused tail of
 * a selection larger than the data, ignored (and blank in a result that follows the range); a
 * blank before the last value is the caller's to reject, naming its row.
 */
export function usedLength<T>(items: readonly T[], isBlank: (item: T) => boolean = isOmitted): number {
  let end = items.length;
  while (end > 0 && isBlank(items[end - 1])) end--;
  return end;
}

/** An optional number: omitted -> `fallback`. */
export function optNum(name: string, value: unknown, fallback: number): number {
  if (typeof value === "number" && value - value === 0) return value;
  if (value === null || value === undefined) return fallback;
  return isOmitted(unwrap(value)) ? fallback : num(name, value);
}

/** An optional number that may stay absent: omitted -> undefined. */
export function maybeNum(name: string, value: unknown): number | undefined {
  return isOmitted(unwrap(value)) ? undefined : num(name, value);
}

/** A required piece of text, trimmed. */
export function text(name: string, value: unknown): string {
  const v = unwrap(value);
  if (isOmitted(v)) throw new InputError(name, "is required", v);
  if (typeof v !== "string") throw new InputError(name, "must be text", v);
  return v.trim();
}

/** Optional text: omitted -> `fallback`. */
export function optText(name: string, value: unknown, fallback: string): string {
  return isOmitted(unwrap(value)) ? fallback : text(name, value);
}

/**
 * An optional name chosen from a list (OPTION's `output`, OHLC_VOL's `method`): omitted or 0 ->
 * `fallback`. SPEC.md lets an empty cell arrive as 0, and 0 is never a valid name, so for an
 * argument that only takes text a 0 means empty. Any other number is left to `text` to reject.
 */
export function optName(name: string, value: unknown, fallback: string): string {
  return unwrap(value) === 0 ? fallback : optText(name, value, fallback);
}

/** A range as Excel passes it: always a matrix (rows of cells). A scalar becomes [[x]]. */
export function matrix(value: unknown): CellValue[][] {
  if (Array.isArray(value)) {
    if (value.length > 0 && Array.isArray(value[0])) return value as CellValue[][];
    return [value as CellValue[]];
  }
  return [[value as CellValue]];
}

/** How a 1-D input series was laid out, so that an output can keep the same shape. */
export interface Series {
  /** The cells in order (row-major for a row, top to bottom for a column). */
  values: CellValue[];
  /** "column" when the range is n x 1 (or 1 x 1), "row" when it is 1 x n. */
  orientation: "row" | "column";
}

/**
 * A 1-D range: a single row or a single column (a 1x1 counts as a column).
 * A 2-D block with more than one row and column is an InputError.
 */
export function series(name: string, value: unknown): Series {
  const m = matrix(value);
  if (m.length === 1 && m[0].length > 1) return { values: m[0].slice(), orientation: "row" };
  if (m.every((row) => row.length === 1)) return { values: m.map((row) => row[0]), orientation: "column" };
  throw new InputError(name, "must be a single row or a single column", `a ${m.length}x${m[0]?.length ?? 0} range`);
}

/** Lays a 1-D result back out in the orientation of its input: a column -> n x 1, a row -> 1 x n. */
export function shaped<T>(values: T[], orientation: Series["orientation"]): T[][] {
  return orientation === "row" ? [values] : values.map((v) => [v]);
}

/** The Excel error codes SHIELD returns. */
type ErrorCodeName = "invalidValue" | "invalidNumber" | "notAvailable";

/**
 * Creates an Excel error value. In Excel this is a `CustomFunctions.Error`; the stand-in in
 * runtime.ts provides the same shape where the global does not exist.
 */
export function excelError(code: ErrorCodeName, message: string): CustomFunctions.Error {
  // Read at call time: Excel's runtime may define its Error type after this bundle loads.
  const cf = (globalThis as { CustomFunctions?: Partial<typeof CustomFunctions> }).CustomFunctions;
  const api = cf && typeof cf.Error === "function" && cf.ErrorCode ? (cf as typeof CustomFunctions) : standInErrorApi;
  // Excel shows at most 256 characters of an error message.
  const text = message.length > 255 ? `${message.slice(0, 252)}...` : message;
  return new api.Error(api.ErrorCode[code] as CustomFunctions.ErrorCode, text) as CustomFunctions.Error;
}

const codeOf: Record<ShieldError["kind"], ErrorCodeName> = {
  value: "invalidValue",
  num: "invalidNumber",
  na: "notAvailable",
};

/** Turns any failure into the Excel error for it, its message prefixed by `SHIELD.<fn>: `. */
export function toExcelError(fn: string, error: unknown): CustomFunctions.Error {
  if (error instanceof ShieldError) return excelError(codeOf[error.kind], `SHIELD.${fn}: ${error.message}`);
  const detail = error instanceof Error ? error.message : String(error);
  return excelError("invalidValue", `SHIELD.${fn}: unexpected failure (${detail})`);
}

/**
 * Runs a custom function's body and maps every failure to an Excel error (thrown, as Excel
 * expects). Also guards the result: a NaN or infinite number never reaches a cell.
 */
export function excelCall<T>(fn: string, body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (error) {
    throw toExcelError(fn, error);
  }
  assertFinite(fn, result);
  return result;
}

/** The #N/A value for one cell of a spilled result, with its reason. */
export function notAvailable(fn: string, reason: string): CustomFunctions.Error {
  // Built directly (not via a NotAvailableError): no exception object, no stack trace to capture.
  return excelError("notAvailable", `SHIELD.${fn}: ${reason}`);
}

/** The #NUM! error for a result that is not a finite number. */
export function nonFiniteError(fn: string): CustomFunctions.Error {
  return excelError("invalidNumber", `SHIELD.${fn}: the result is not a finite number for these inputs`);
}

/**
 * An option type cell: "C"/"P"/"CALL"/"PUT" as typed (the common spellings without trimming or
 * case folding), else the full rule (any case, spaces ignored, "type is required" when empty).
 */
export function optionKind(value: unknown): OptionKind {
  switch (value) {
    case "C":
    case "c":
    case "CALL":
    case "Call":
    case "call":
      return "call";
    case "P":
    case "p":
    case "PUT":
    case "Put":
    case "put":
      return "put";
    default:
      return parseOptionType(text("type", value));
  }
}

function assertFinite(fn: string, result: unknown): void {
  const bad = (x: unknown) => typeof x === "number" && !Number.isFinite(x);
  const found = Array.isArray(result) ? result.some((row) => (Array.isArray(row) ? row.some(bad) : bad(row))) : bad(result);
  if (found) throw nonFiniteError(fn);
}
