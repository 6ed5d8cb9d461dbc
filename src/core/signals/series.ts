/**
 * What every market signal shares: the shape of its result and the rules for its inputs.
 *
 * A signal maps a series of n values to a series of n values. Rows before `begin` have no
 * value (the indicator's warm-up, shown as #N/A in Excel); they hold NaN in `values` so that
 * nobody can mistake them for a number. Bad input never produces NaN: it throws InputError.
 *
 * Rows in messages are 1-based positions in the series (the row of a column range, the
 * N-th cell of a row range).
 */
import { InputError } from "../errors";
import { integerAtLeast } from "../validate";

/** A series output aligned with its input: `values[i]` exists for i >= begin, NaN before. */
export interface Indicator {
  /**
   * Index (0-based) of the first row that has a value. It may be `values.length` or more: the
   * series is then too short for any value, and `begin` says where the first one would be.
   */
  readonly begin: number;
  /** One entry per input row. */
  readonly values: Float64Array;
}

/** A series as the core reads it: any array-like of numbers. */
export type NumberSeries = ArrayLike<number>;

/**
 * A period (or window) for a series of `length` values: a whole number from `min` up to
 * `length`. Throws InputError otherwise.
 *
 * @example period("period", 14, 100) // => 14
 */
export function period(name: string, value: number, length: number, min = 1): number {
  integerAtLeast(name, value, min);
  if (value > length) {
    throw new InputError(name, `must not exceed the number of values in the series (${length})`, value);
  }
  return value;
}

/**
 * Checks that every value is a finite number (any sign) and that the series is not empty.
 * Throws InputError naming the first bad row.
 *
 * @example finiteSeries("prices", [1, -2, 3]) // passes
 */
export function finiteSeries(name: string, values: NumberSeries): void {
  if (values.length === 0) throw new InputError(name, "must hold at least one value", "");
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new InputError(name, `must be a finite number at row ${i + 1}`, v);
    }
  }
}

/**
 * Checks that every value is a finite price greater than 0 (a logarithm will be taken) and
 * that the series is not empty. Throws InputError naming the first bad row.
 *
 * @example positiveSeries("closes", [100, 101]) // passes
 */
export function positiveSeries(name: string, values: NumberSeries): void {
  finiteSeries(name, values);
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] > 0)) throw new InputError(name, `must be a price greater than 0 at row ${i + 1}`, values[i]);
  }
}

/**
 * A Float64Array of `length` NaNs, to be filled from the first row that has a value.
 *
 * @example nanArray(2) // => Float64Array [NaN, NaN]
 */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}
