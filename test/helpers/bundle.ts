/**
 * Loads the BUILT custom-functions bundle the way Excel's JavaScript-only runtime would: in a
 * fresh `vm` context with no DOM (no window, document, self, navigator) and only a
 * `CustomFunctions` stub, then returns what the bundle associated, by id.
 *
 * The bundle is read from $SHIELD_DIST or ./dist (built by `npm test` before jest runs).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

export const distDir = path.resolve(process.env.SHIELD_DIST ?? path.join(__dirname, "..", "..", "dist"));

/** The error value the stub's `CustomFunctions.Error` makes. */
export class StubExcelError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface LoadedBundle {
  /** Functions by the id they were associated under (upper case, as in functions.json). */
  functions: Map<string, (...args: unknown[]) => unknown>;
  /** The parsed functions.json. */
  metadata: { functions: Array<{ id: string; name: string; parameters: Array<{ name: string; optional?: boolean; dimensionality?: string }> }> };
  /** Calls a function by id like Excel: returns its value, or the Excel error it threw. */
  call(id: string, ...args: unknown[]): unknown;
  /** Names of the globals the sandbox started with (to prove no DOM was there). */
  globals: string[];
}

/**
 * `excel` (default): a `CustomFunctions` stub with Excel's Error type.
 * `officeJsOutsideExcel`: what office.js defines in a plain browser, `associate` and no Error type.
 */
export type Host = "excel" | "officeJsOutsideExcel";

export function loadBundle(host: Host = "excel"): LoadedBundle {
  const source = fs.readFileSync(path.join(distDir, "functions.js"), "utf8");
  const metadata = JSON.parse(fs.readFileSync(path.join(distDir, "functions.json"), "utf8"));
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const associate = (id: string, fn: (...args: unknown[]) => unknown) => {
    functions.set(id, fn);
  };
  const sandbox: Record<string, unknown> = {
    console,
    CustomFunctions:
      host === "officeJsOutsideExcel"
        ? { associate }
        : {
            Error: StubExcelError,
            ErrorCode: {
              invalidValue: "#VALUE!",
              notAvailable: "#N/A",
              divisionByZero: "#DIV/0!",
              invalidNumber: "#NUM!",
              nullReference: "#NULL!",
              invalidName: "#NAME?",
              invalidReference: "#REF!",
            },
            associate,
          },
  };
  const context = vm.createContext(sandbox);
  const globals = Object.getOwnPropertyNames(vm.runInContext("globalThis", context));
  vm.runInContext(source, context, { filename: "functions.js" });
  return {
    functions,
    metadata,
    globals,
    call(id, ...args) {
      const fn = functions.get(id);
      if (!fn) throw new Error(`${id} was not associated by the bundle`);
      try {
        return fn(...args);
      } catch (error) {
        return error;
      }
    },
  };
}

/**
 * Asserts that `value` is the Excel error `code` (e.g. "#VALUE!") and that its message starts
 * with `SHIELD.<fn>: ` and contains each string part (or matches each RegExp part).
 */
export function expectExcelError(value: unknown, code: string, fn: string, ...parts: Array<string | RegExp>): void {
  expect(value).toBeInstanceOf(StubExcelError);
  const e = value as StubExcelError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(new RegExp(`^SHIELD\\.${fn}: `));
  for (const part of parts) {
    if (typeof part === "string") expect(e.message).toContain(part);
    else expect(e.message).toMatch(part);
  }
}
