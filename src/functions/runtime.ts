/**
 * Makes the functions bundle load and run anywhere. In Excel, `CustomFunctions` is provided by
 * the runtime. Elsewhere:
 *
 * - in a test or a JavaScript runtime with no office.js, it does not exist, yet the bundle's
 *   generated `CustomFunctions.associate(...)` calls run on load: a stand-in takes them;
 * - in a plain browser that loaded office.js (the task pane's preview), office.js defines
 *   `CustomFunctions.associate` but no `Error` type: excel.ts then makes its error values with
 *   the stand-in's `Error` (see `errorApi`), and the associations are recorded here too.
 *
 * Every association is recorded in `registry`, published as `globalThis.SHIELD_PREVIEW` for the
 * task pane's preview (a separate bundle on the same page) to evaluate planned formulas with the
 * very functions Excel would call. Inside Excel the recording only forwards each call unchanged.
 * This module must be imported before any file of custom functions (see functions.ts).
 */

/** An Excel error value outside Excel: the same shape as `CustomFunctions.Error`. */
class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

type CustomFunction = (...args: unknown[]) => unknown;
type Association = string | Record<string, CustomFunction>;

/** The error type and codes used where the runtime has none. */
export const standInErrorApi = {
  Error: StandInError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

/** What the task pane's preview reads from `globalThis.SHIELD_PREVIEW`. */
export interface PreviewRuntime {
  /** Functions by id (e.g. "CONDOR_DELTA"), as associated by this bundle. */
  registry: Map<string, CustomFunction>;
}

const registry = new Map<string, CustomFunction>();

function record(idOrMappings: Association, fn?: CustomFunction): void {
  if (typeof idOrMappings === "string") {
    if (typeof fn === "function") registry.set(idOrMappings.toUpperCase(), fn);
  } else if (idOrMappings && typeof idOrMappings === "object") {
    for (const [id, f] of Object.entries(idOrMappings)) registry.set(id.toUpperCase(), f);
  }
}

const scope = globalThis as { CustomFunctions?: { associate?: (...args: unknown[]) => unknown }; SHIELD_PREVIEW?: PreviewRuntime };
const runtime = scope.CustomFunctions;
if (!runtime) {
  scope.CustomFunctions = {
    ...standInErrorApi,
    associate: (...args: unknown[]) => record(args[0] as Association, args[1] as CustomFunction | undefined),
  };
} else if (typeof runtime.associate === "function") {
  const forward = runtime.associate;
  try {
    runtime.associate = function (this: unknown, ...args: unknown[]) {
      record(args[0] as Association, args[1] as CustomFunction | undefined);
      return forward.apply(this, args);
    };
  } catch {
    // A runtime whose associate cannot be replaced: nothing needs the registry there.
  }
}
scope.SHIELD_PREVIEW = { registry };
