/**
 * Makes the functions bundle load anywhere. In Excel, `CustomFunctions` is provided by the
 * runtime. Opened in a plain browser (the task pane's preview) or in a test, it does not
 * exist, yet the bundle's generated `CustomFunctions.associate(...)` calls run on load; this
 * stand-in gives them somewhere to go and keeps a registry of what was associated, by id.
 * It must be imported before any file of custom functions (see functions.ts).
 */

/** An Excel error value outside Excel: the same shape as `CustomFunctions.Error`. */
class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** Functions associated while the stand-in is in place, by id (e.g. "CONDOR_DELTA"). */
export const standInRegistry = new Map<string, (...args: unknown[]) => unknown>();

const scope = globalThis as { CustomFunctions?: unknown };
if (typeof scope.CustomFunctions === "undefined") {
  scope.CustomFunctions = {
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
    associate(idOrMappings: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
      if (typeof idOrMappings === "string") {
        if (fn) standInRegistry.set(idOrMappings.toUpperCase(), fn);
      } else {
        for (const [id, f] of Object.entries(idOrMappings)) standInRegistry.set(id.toUpperCase(), f);
      }
    },
  };
}
