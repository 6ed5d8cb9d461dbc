/**
 * Typed failures of the pricing core. The core never returns NaN or Infinity for bad input:
 * it throws one of these, and the functions layer maps each kind to one Excel error
 * (see src/functions/excel.ts).
 *
 * | class              | meaning                                   | Excel   |
 * |--------------------|-------------------------------------------|---------|
 * | InputError         | an argument breaks its rule               | #VALUE! |
 * | NoSolutionError    | valid input, but no answer exists         | #NUM!   |
 * | NotAvailableError  | the value does not exist (e.g. a warm-up) | #N/A    |
 */

/** Base class: `kind` says which Excel error the failure becomes. */
export abstract class ShieldError extends Error {
  abstract readonly kind: "value" | "num" | "na";
}

/**
 * Formats a seen value for a message: numbers as typed, text quoted, empty as "(empty)", and an
 * Excel error value (a cell holding #N/A, #DIV/0!... inside a range) as its code, e.g. "#N/A".
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return `a ${value.length}-row range`;
  const code = excelErrorCode(value);
  if (code !== undefined) return code;
  return typeof value;
}

/**
 * The code of an Excel error value ("#N/A", "#VALUE!"...), or undefined for anything else.
 * Excel's CustomFunctions.Error carries it as `code`; some hosts use `errorCode`. Only a string
 * starting with "#" counts, so an arbitrary object with a `code` is not mistaken for one.
 */
export function excelErrorCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as { code?: unknown; errorCode?: unknown };
  for (const c of [v.code, v.errorCode]) {
    if (typeof c === "string" && c.startsWith("#")) return c;
  }
  return undefined;
}

/**
 * An argument breaks its rule. The message reads
 * `<argument> <rule>; got <value>`, e.g.
 * `vol must be a decimal between 0 and 5 (enter 20% as 0.2); got 20`.
 */
export class InputError extends ShieldError {
  readonly kind = "value" as const;
  constructor(
    readonly argument: string,
    readonly rule: string,
    readonly value: unknown,
  ) {
    super(`${argument} ${rule}; got ${describeValue(value)}`);
    this.name = "InputError";
  }
}

/** Valid input for which no answer exists (an arbitrage-violating price, an unreachable delta). */
export class NoSolutionError extends ShieldError {
  readonly kind = "num" as const;
  constructor(message: string) {
    super(message);
    this.name = "NoSolutionError";
  }
}

/** A value that does not exist, shown as #N/A in its cell only. */
export class NotAvailableError extends ShieldError {
  readonly kind = "na" as const;
  constructor(message: string) {
    super(message);
    this.name = "NotAvailableError";
  }
}
