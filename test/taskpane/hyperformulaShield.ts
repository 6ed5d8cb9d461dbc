/**
 * HyperFormula (a real spreadsheet formula engine) with the SHIELD functions registered, each
 * implemented by the BUILT bundle's function (test/helpers/bundle.ts), so that a planned block
 * can be evaluated the way a spreadsheet would: references resolved by the engine, spilled
 * results laid out by its array machinery, recalculation on edit.
 *
 * Array results: each SHIELD function that returns a matrix declares its size up front
 * (sizeOfResultArrayMethod), as HyperFormula requires; sizes follow SPEC.md (CONDOR_GREEKS 1x9,
 * BREAKEVEN 1x2, CONDOR_RISK 1x3, CONDOR_PAYOFF the shape of `prices`, VIX_LADDER k x 6,
 * BREAKEVEN_AT 1x2, STRESS spotMoves x vixMoves).
 * One that fails as a whole puts its error in the first cell and leaves the others empty, as
 * Excel does (HyperFormula alone would repeat the error over the whole area).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { loadBundle, StubExcelError, type LoadedBundle } from "../helpers/bundle";

type Sizer = (args: ArraySize[]) => ArraySize;

/** Functions the blocks use, with their parameter count and result size. */
const SIGNATURES: Record<string, { params: number; optional: number; size?: Sizer }> = {
  CONDOR_PRICE: { params: 9, optional: 2 },
  CONDOR_GREEKS: { params: 9, optional: 2, size: () => new ArraySize(9, 1) },
  BREAKEVEN: { params: 5, optional: 0, size: () => new ArraySize(2, 1) },
  CONDOR_RISK: { params: 5, optional: 0, size: () => new ArraySize(3, 1) },
  CONDOR_POP: { params: 10, optional: 2 },
  CONDOR_PAYOFF: { params: 10, optional: 4, size: (a) => new ArraySize(a[5].width, a[5].height) },
  VIX_LADDER: { params: 8, optional: 4, size: (a) => new ArraySize(6, a[3].height) },
  BREAKEVEN_AT: { params: 9, optional: 2, size: () => new ArraySize(2, 1) },
  PROB_PROFIT_TARGET: { params: 11, optional: 3 },
  VIX_HEDGE: { params: 6, optional: 2, size: (a) => new ArraySize(10, a[3].height) },
  STRESS: { params: 10, optional: 6, size: (a) => new ArraySize(a[3].width * a[3].height, a[2].width * a[2].height) },
};

const EXCEL_TO_HF: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

/** A HyperFormula value as Excel would hand it to a custom function. */
function toExcel(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map((x) => (x === EmptyValue ? "" : toExcelScalar(x))));
  return v === EmptyValue || v === undefined ? null : toExcelScalar(v);
}

function toExcelScalar(x: unknown): unknown {
  if (typeof x === "object" && x !== null && "val" in x) return (x as { val: unknown }).val; // rich numbers
  return x;
}

function fromExcel(v: unknown): unknown {
  if (v instanceof StubExcelError) return new CellError(EXCEL_TO_HF[v.code] ?? ErrorType.VALUE, v.message);
  return v;
}

let bundle: LoadedBundle | undefined;

class ShieldPlugin extends FunctionPlugin {}
const implemented: Record<string, unknown> = {};
const translations: Record<string, string> = {};
for (const [id, sig] of Object.entries(SIGNATURES)) {
  const name = `SHIELD.${id}`;
  translations[name] = name;
  implemented[name] = {
    method: `call_${id}`,
    parameters: Array.from({ length: sig.params }, (_, i) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: i >= sig.params - sig.optional,
    })),
    vectorizationForbidden: true,
    ...(sig.size ? { sizeOfResultArrayMethod: `size_${id}` } : {}),
  };
  (ShieldPlugin.prototype as unknown as Record<string, unknown>)[`call_${id}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    const self = this as unknown as { runFunction: (...args: unknown[]) => unknown; metadata: (n: string) => unknown };
    const result = self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => {
      const out = fromExcel(bundle!.call(id, ...args.map(toExcel)));
      if (out instanceof CellError) return out;
      if (Array.isArray(out)) return SimpleRangeValue.onlyValues((out as unknown[][]).map((row) => row.map((x) => fromExcel(x))) as never);
      return out;
    });
    // Excel shows a spilling formula that fails as a whole in its first cell only and leaves the
    // rest of its spill area empty; HyperFormula would fill the whole declared area with the
    // error, and so hide the "silent 0" of a cell that reads the spill area. Do as Excel does.
    if (result instanceof CellError && sig.size) {
      const sizer = (this as unknown as Record<string, (a: unknown, s: unknown) => ArraySize>)[`size_${id}`];
      const size = sizer.call(this, ast, state);
      const rows = Array.from({ length: size.height }, (_, r) => Array.from({ length: size.width }, (_, c) => (r === 0 && c === 0 ? result : EmptyValue)));
      return SimpleRangeValue.onlyValues(rows as never);
    }
    return result;
  };
  if (sig.size) {
    const size = sig.size;
    (ShieldPlugin.prototype as unknown as Record<string, unknown>)[`size_${id}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize };
      return size(ast.args.map((a) => self.arraySizeForAst(a, state)));
    };
  }
}
(ShieldPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;

let registered = false;

/** A HyperFormula engine whose SHIELD.* functions run the built bundle. */
export function shieldEngine(): HyperFormula {
  bundle ??= loadBundle();
  if (!registered) {
    HyperFormula.registerFunctionPlugin(ShieldPlugin as never, { enGB: translations, enUS: translations } as never);
    registered = true;
  }
  return HyperFormula.buildEmpty({ licenseKey: "gpl-v3", useArrayArithmetic: false });
}
