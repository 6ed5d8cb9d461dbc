/**
 * SPEC.md's promise for bad input, checked on every function at once: whatever Excel hands over
 * (numbers of any size, text, TRUE/FALSE, empty cells, ranges of odd shapes), a SHIELD cell shows
 * a finite number, a blank, or an Excel error (#VALUE!, #NUM!, #N/A) whose message starts with
 * the function's name. Never a raw exception, a NaN or an Infinity, and never the adapter's
 * "unexpected failure" fallback, which would mean an input reached code that did not expect it.
 *
 * Arguments are shaped as Excel passes them: a scalar parameter gets one cell value, a range
 * (matrix) parameter a rectangular array of rows (a single cell as [[x]]).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { loadBundle, StubExcelError } from "../helpers/bundle";

const bundle = loadBundle();

/** Numbers at the edges of the double range and of SHIELD's domains. */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    5e-324,
    1e-320,
    1e-310,
    2.2250738585072014e-308,
    1e-308,
    1e308,
    -1e308,
    1.7976931348623157e308,
    -0,
    46000,
    45000.5,
    36500,
    36500.000001,
    1 - 2 ** -53,
    1 + 2 ** -52,
  ),
  fc.double({ min: 5e-324, max: 2.2250738585072014e-308, noNaN: true }), // subnormals
  fc.double({ min: 1e300, max: 1.7976931348623157e308, noNaN: true }),
);

/** One cell as Excel may pass it: numbers near the domains and far outside, text, booleans, empty. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(0, -0, 1, -1, 0.16, -0.16, 0.2, 5, 5.000001, 30, 45, 100, 4900, 5000, 5100, 1e-300, 1e300, -1e300, 2 ** -1074, 4.9e-324),
  },
  // The audit's hostile values (issue 15): subnormals, the top of the range, -0, dates typed as days.
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 400 }) },
  { weight: 2, arbitrary: fc.constantFrom("", "C", "P", "call", "PUT", "x", "price", "all", "vega", "parkinson", "yang-zhang", "20%", "1e3") },
  // Text as typed into a cell: surrounding spaces, percent signs, thousands separators.
  { weight: 2, arbitrary: fc.constantFrom(" 0.2 ", "20%", " 20 % ", "0.2%", " 5000 ", "5,000", " C ", " put", "-0", " 30", "1e308", "5e-324") },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.boolean() },
);

/** A range as Excel passes it: rows x columns of cells, 1 to 6 each. */
const range = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

/** A range made of plausible numbers, so that calls also get past the first check now and then. */
const numericRange = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
  fc.array(fc.array(fc.oneof(fc.double({ min: 0.01, max: 200, noNaN: true }), fc.constantFrom(0.2, 30, 100, "")), { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  }),
);

const ERROR_CODES = ["#VALUE!", "#NUM!", "#N/A"];

/**
 * One valid call per function: every file in ./valid exports a `VALID` table for its area (a new
 * area adds a file there instead of editing this one).
 */
const VALID_FILES = fs
  .readdirSync(path.join(__dirname, "valid"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => require(path.join(__dirname, "valid", f)) as { VALID: Record<string, unknown[]>; TEXT_CELLS?: Record<string, readonly string[]> });
const VALID: Record<string, unknown[]> = Object.assign({}, ...VALID_FILES.map((f) => f.VALID));

/**
 * The text a function may put in a cell of its result (e.g. VIX_HEDGE echoes each row's instrument
 * name): a valid file may export `TEXT_CELLS` naming them; any other text is a fault.
 */
const TEXT_CELLS: Record<string, readonly string[]> = Object.assign({}, ...VALID_FILES.map((f) => f.TEXT_CELLS ?? {}));

/** A number scaled toward the edges of what a double holds, or flipped in sign. */
const scale = fc.constantFrom(0, -0, -1, 5e-324, 1e-310, 1e-300, 1e-12, 1e-6, 1 + 1e-15, 1e6, 1e12, 1e300, 1e308);

/** A range of the wrong shape for its parameter: a single cell, a row where a column or 4 cells are due, a block. */
const wrongShape = fc.oneof(
  fc.constant([[0.2]]),
  fc.constant([[0.2, 0.2, 0.2]]),
  fc.constant([[0.2], [0.2], [0.2], [0.2], [0.2]]),
  fc.constant([
    [0.2, 0.2],
    [0.2, 0.2],
  ]),
  fc.constant([[]]),
  fc.constant([["C", 5000, 1, 30]]), // a legs row one field short
);

/** Why `value` is not an acceptable cell for function `id`, or undefined when it is. */
function fault(id: string, value: unknown): string | undefined {
  if (value instanceof StubExcelError) {
    if (!ERROR_CODES.includes(value.code)) return `error code ${value.code}`;
    if (!value.message?.startsWith(`SHIELD.${id}: `)) return `error message not naming the function: ${value.message}`;
    if (value.message.includes("unexpected failure")) return `an unexpected failure: ${value.message}`;
    return undefined;
  }
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `a non-finite number ${value}`;
  if (value === "") return undefined;
  if (typeof value === "string" && TEXT_CELLS[id]?.includes(value)) return undefined;
  return `a raw ${value instanceof Error ? `${value.name}: ${value.message}` : typeof value}`;
}

describe("every function answers any Excel input with a number, a blank or an Excel error", () => {
  for (const meta of bundle.metadata.functions) {
    test(`${meta.id}`, () => {
      const args = fc.tuple(...meta.parameters.map((p) => (p.dimensionality === "matrix" ? fc.oneof(range, numericRange) : cell)));
      fc.assert(
        fc.property(args, (values) => {
          const result = bundle.call(meta.id, ...values);
          if (Array.isArray(result)) {
            expect(result.length).toBeGreaterThan(0);
            const width = (result[0] as unknown[]).length;
            for (const row of result as unknown[][]) {
              expect(row.length).toBe(width); // rectangular, as Excel requires
              for (const c of row) expect(fault(meta.id, c)).toBeUndefined();
            }
          } else {
            expect(fault(meta.id, result)).toBeUndefined();
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe("every function stays well-behaved when one argument of a valid call goes bad", () => {
  test("the table of valid calls covers every function", () => {
    expect(Object.keys(VALID).sort()).toEqual(bundle.metadata.functions.map((f) => f.id).sort());
  });

  for (const meta of bundle.metadata.functions) {
    const valid = VALID[meta.id] ?? [];
    test(`${meta.id}`, () => {
      // The valid call itself succeeds (no error anywhere in its result).
      const base = bundle.call(meta.id, ...valid);
      const baseCells = Array.isArray(base) ? (base as unknown[][]).flat() : [base];
      expect(baseCells.some((c) => typeof c === "number")).toBe(true);
      for (const c of baseCells) expect(fault(meta.id, c)).toBeUndefined();

      const mutation = fc.tuple(fc.nat(valid.length - 1), cell, fc.oneof(range, numericRange, wrongShape), scale, fc.boolean());
      fc.assert(
        fc.property(mutation, ([i, aCell, aRange, factor, scaleIt]) => {
          const args = valid.slice();
          const isRange = meta.parameters[i].dimensionality === "matrix";
          if (scaleIt && typeof args[i] === "number") args[i] = (args[i] as number) * factor;
          else if (scaleIt && Array.isArray(args[i])) args[i] = (args[i] as unknown[][]).map((row) => row.map((v) => (typeof v === "number" ? v * factor : v)));
          else args[i] = isRange ? aRange : aCell;
          const result = bundle.call(meta.id, ...args);
          const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
          for (const c of cells) expect(fault(meta.id, c)).toBeUndefined();
        }),
        { numRuns: 400 },
      );
    });
  }
});
